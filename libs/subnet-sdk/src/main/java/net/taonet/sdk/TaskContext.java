package net.taonet.sdk;

/** What the worker offers a handler while it runs one task. */
public interface TaskContext {

    /** The task's id (for logs). */
    String taskId();

    /**
     * Epoch milliseconds after which the result will be thrown away (late work is never sent): a long
     * handler should check it, or {@link #expired()}, and give up early.
     */
    long deadlineMillis();

    default boolean expired() {
        return System.currentTimeMillis() > deadlineMillis();
    }

    /**
     * Streams one piece of the answer (chat). Pieces reach the requester in call order before the final
     * result, which must still contain the whole answer. Call it from the handler's thread only.
     */
    void emit(String delta);

    /** A context that drops chunks: for tests and for callers that do not stream. */
    static TaskContext simple(String taskId, long deadlineMillis) {
        return new TaskContext() {
            @Override
            public String taskId() {
                return taskId;
            }

            @Override
            public long deadlineMillis() {
                return deadlineMillis;
            }

            @Override
            public void emit(String delta) {
            }
        };
    }
}
