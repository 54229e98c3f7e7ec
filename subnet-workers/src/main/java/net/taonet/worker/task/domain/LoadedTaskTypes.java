package net.taonet.worker.task.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.taonet.sdk.TaskHandler;
import net.taonet.sdk.TaskSettings;
import net.taonet.sdk.TaskType;
import net.taonet.sdk.TaskTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The task types this worker runs, each with its handler started once. A type the operator asked for must
 * start (a misconfiguration fails the start-up); with no list, every type on the class path whose handler
 * starts is run and the others are skipped with a log line (e.g. {@code chat} without a model server).
 */
public final class LoadedTaskTypes implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LoadedTaskTypes.class);

    private final Map<String, TaskType> types = new LinkedHashMap<>();
    private final Map<String, TaskHandler> handlers = new LinkedHashMap<>();

    public LoadedTaskTypes(TaskTypes available, List<String> wanted, Map<String, Map<String, String>> settings) {
        List<String> names = wanted.isEmpty() ? List.copyOf(available.names()) : wanted;
        for (String name : names) {
            TaskType type = available.require(name);
            TaskSettings s = TaskSettings.of(settings.getOrDefault(name, Map.of()));
            try {
                TaskHandler handler = type.handler(s);
                types.put(name, type);
                handlers.put(name, handler);
                log.info("task type {} v{} ready: {}", name, type.version(), handler.describe());
            } catch (RuntimeException e) {
                if (!wanted.isEmpty()) {
                    throw new IllegalStateException("task type " + name + " cannot start: " + e.getMessage(), e);
                }
                log.info("task type {} not started: {}", name, e.getMessage());
            }
        }
        if (handlers.isEmpty()) {
            throw new IllegalStateException("no task type could start (available: " + available.names() + ")");
        }
    }

    public Optional<TaskHandler> handler(String taskType) {
        return Optional.ofNullable(handlers.get(taskType));
    }

    public Map<String, TaskType> types() {
        return Collections.unmodifiableMap(types);
    }

    public Map<String, TaskHandler> handlers() {
        return Collections.unmodifiableMap(handlers);
    }

    @Override
    public void close() {
        handlers.values().forEach(h -> {
            try {
                h.close();
            } catch (RuntimeException e) {
                log.warn("closing a handler failed: {}", e.toString());
            }
        });
    }
}
