package net.taonet.sdk;

import java.util.Map;

/**
 * The miner's side of a task type: turns a challenge into a result. One handler serves many tasks at once
 * (the worker bounds the concurrency), so it must be thread-safe.
 */
@FunctionalInterface
public interface TaskHandler extends AutoCloseable {

    /**
     * Does the work. Return the result JSON (it becomes {@code TaskCompleted.result}); a handler that streams
     * may also call {@link TaskContext#emit(String)} for each piece before returning the whole answer.
     *
     * @throws TaskException when the task cannot be done: its {@link TaskException#reason()} becomes
     *         {@code TaskFailed.reason}. Any other exception is reported as reason {@code error}.
     */
    String execute(String challenge, TaskContext context) throws TaskException;

    /**
     * What this handler runs on, for the worker's serving metadata and logs, e.g.
     * {@code {"backend": "cuda", "device": "NVIDIA H100"}}. Keep values short.
     */
    default Map<String, String> describe() {
        return Map.of();
    }

    /** Releases what the handler holds (GPU memory, HTTP clients). */
    @Override
    default void close() {
    }
}
