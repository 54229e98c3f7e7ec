package net.taonet.worker.serving.domain;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import net.taonet.sdk.TaskHandler;
import net.taonet.worker.identity.WorkerKeys;
import net.taonet.worker.neuron.domain.NeuronSlot;
import net.taonet.worker.neuron.domain.RegistryPort;
import net.taonet.worker.task.domain.LoadedTaskTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes what this worker serves (like Bittensor's {@code serve_axon}): accelerator, its memory, the task
 * types with their versions and backends, the software version and where the worker can be reached. Sent
 * when the worker has a UID and again every interval, so the registry's view stays fresh after a restart of
 * either side; a failure waits for the next round.
 */
public final class ServingReporter {

    private static final Logger log = LoggerFactory.getLogger(ServingReporter.class);

    private final RegistryPort registry;
    private final WorkerKeys keys;
    private final NeuronSlot slot;
    private final Map<String, Object> staticPart;
    private final Supplier<String> endpoint;
    private final AtomicReference<String> lastError = new AtomicReference<>();

    public ServingReporter(RegistryPort registry, WorkerKeys keys, NeuronSlot slot, LoadedTaskTypes types,
            String accelerator, Long memoryMib, Supplier<String> endpoint, String version) {
        this.registry = registry;
        this.keys = keys;
        this.slot = slot;
        this.endpoint = endpoint;
        Map<String, Object> m = new LinkedHashMap<>();
        Map<String, String> device = detectDevice(types);
        m.put("accelerator", accelerator != null ? accelerator : device.get("accelerator"));
        m.put("memoryMib", memoryMib != null ? memoryMib : Long.parseLong(device.get("memoryMib")));
        List<Map<String, String>> taskTypes = new ArrayList<>();
        types.types().forEach((name, type) -> {
            Map<String, String> t = new LinkedHashMap<>();
            t.put("name", name);
            t.put("version", type.version());
            t.put("backend", types.handlers().get(name).describe().getOrDefault("backend", "default"));
            taskTypes.add(t);
        });
        m.put("taskTypes", taskTypes);
        m.put("version", version);
        this.staticPart = Map.copyOf(m);
    }

    /** The metadata as it would be sent now (without the UID while there is none). */
    public Map<String, Object> metadata() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("netuid", slot.netuid());
        OptionalInt uid = slot.uid();
        uid.ifPresent(u -> m.put("uid", u));
        m.put("hotkey", keys.hotkeyAddress());
        m.putAll(staticPart);
        m.put("endpoint", endpoint.get());
        return m;
    }

    /** One publication; a no-op while the worker has no UID. */
    public void publishOnce() {
        if (slot.uid().isEmpty()) {
            return;
        }
        try {
            registry.publishServing(keys.hotkey(), slot.netuid(), metadata());
            if (lastError.getAndSet(null) != null) {
                log.info("serving metadata published again");
            }
        } catch (RegistryPort.RegistryUnavailableException | RuntimeException e) {
            String msg = e.getMessage();
            if (!java.util.Objects.equals(lastError.getAndSet(msg), msg)) {
                log.warn("could not publish serving metadata: {}", msg);
            }
        }
    }

    /** The GPU a handler runs on, if any, else the CPU model and the machine's memory. */
    static Map<String, String> detectDevice(LoadedTaskTypes types) {
        for (TaskHandler handler : types.handlers().values()) {
            Map<String, String> d = handler.describe();
            String device = d.get("device");
            if (device != null && !device.equals("cpu")) {
                return Map.of("accelerator", device, "memoryMib", d.getOrDefault("memory-mib", "0"));
            }
        }
        return Map.of("accelerator", "cpu: " + cpuModel(), "memoryMib", Long.toString(physicalMemoryMib()));
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).strip() + " x"
                            + Runtime.getRuntime().availableProcessors();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch") + " x" + Runtime.getRuntime().availableProcessors();
    }

    private static long physicalMemoryMib() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getTotalMemorySize() / (1024 * 1024);
        }
        return Runtime.getRuntime().maxMemory() / (1024 * 1024);
    }
}
