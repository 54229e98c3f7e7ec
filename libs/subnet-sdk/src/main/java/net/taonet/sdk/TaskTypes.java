package net.taonet.sdk;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The task types on the class path, found with {@link ServiceLoader}. Two types with the same name are a
 * packaging mistake and fail fast rather than one silently shadowing the other.
 */
public final class TaskTypes {

    private final Map<String, TaskType> byName;

    private TaskTypes(Map<String, TaskType> byName) {
        this.byName = byName;
    }

    /** Every task type visible to the given class loader. */
    public static TaskTypes load(ClassLoader classLoader) {
        Map<String, TaskType> found = new TreeMap<>();
        for (TaskType type : ServiceLoader.load(TaskType.class, classLoader)) {
            TaskType clash = found.putIfAbsent(type.name(), type);
            if (clash != null) {
                throw new IllegalStateException("two task types are named " + type.name() + ": "
                        + clash.getClass().getName() + " and " + type.getClass().getName());
            }
        }
        return new TaskTypes(found);
    }

    /** Every task type visible to this library's class loader. */
    public static TaskTypes load() {
        return load(TaskTypes.class.getClassLoader());
    }

    /** A fixed set, e.g. for tests. */
    public static TaskTypes of(TaskType... types) {
        Map<String, TaskType> map = new LinkedHashMap<>();
        for (TaskType type : types) {
            if (map.putIfAbsent(type.name(), type) != null) {
                throw new IllegalStateException("two task types are named " + type.name());
            }
        }
        return new TaskTypes(map);
    }

    public Optional<TaskType> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public TaskType require(String name) {
        return find(name).orElseThrow(() -> new IllegalArgumentException(
                "unknown task type " + name + " (known: " + byName.keySet() + ")"));
    }

    public Collection<TaskType> all() {
        return byName.values();
    }

    public java.util.Set<String> names() {
        return byName.keySet();
    }
}
