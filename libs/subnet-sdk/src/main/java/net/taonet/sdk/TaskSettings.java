package net.taonet.sdk;

import java.util.Map;
import java.util.Optional;

/**
 * String settings for one task type, given by the operator (the worker's {@code taonet.worker.tasks.<type>.*})
 * or the subnet's validator configuration. Keys are the task type's own, in kebab-case.
 */
public final class TaskSettings {

    private static final TaskSettings EMPTY = new TaskSettings(Map.of());

    private final Map<String, String> values;

    private TaskSettings(Map<String, String> values) {
        this.values = Map.copyOf(values);
    }

    public static TaskSettings of(Map<String, String> values) {
        return values.isEmpty() ? EMPTY : new TaskSettings(values);
    }

    public static TaskSettings empty() {
        return EMPTY;
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key)).map(String::strip).filter(v -> !v.isEmpty());
    }

    public String get(String key, String defaultValue) {
        return get(key).orElse(defaultValue);
    }

    public int getInt(String key, int defaultValue) {
        return get(key).map(v -> parse(key, v, Integer::parseInt)).orElse(defaultValue);
    }

    public long getLong(String key, long defaultValue) {
        return get(key).map(v -> parse(key, v, Long::parseLong)).orElse(defaultValue);
    }

    public double getDouble(String key, double defaultValue) {
        return get(key).map(v -> parse(key, v, Double::parseDouble)).orElse(defaultValue);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        return get(key).map(Boolean::parseBoolean).orElse(defaultValue);
    }

    public Map<String, String> asMap() {
        return values;
    }

    private static <T> T parse(String key, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("task setting " + key + " is not a number: " + value, e);
        }
    }

    @Override
    public String toString() {
        return "TaskSettings" + values;
    }
}
