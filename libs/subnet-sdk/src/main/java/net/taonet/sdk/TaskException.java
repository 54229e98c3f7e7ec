package net.taonet.sdk;

import java.util.Objects;

/**
 * A task that could not be done, with the reason the worker reports in {@code TaskFailed.reason}. Use the
 * constants so validators can tell a miner that is overloaded from one that is broken.
 */
public class TaskException extends Exception {

    /** The worker is at capacity (its queue is full). */
    public static final String BUSY = "busy";
    /** Something broke while working (a model server down, out of GPU memory). */
    public static final String ERROR = "error";
    /** The worker does not run this task type (or this variant of it). */
    public static final String UNSUPPORTED = "unsupported";
    /** The challenge does not parse or is out of the task type's limits. */
    public static final String BAD_CHALLENGE = "bad-challenge";

    private final String reason;

    public TaskException(String reason, String detail) {
        super(detail);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public TaskException(String reason, String detail, Throwable cause) {
        super(detail, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public String reason() {
        return reason;
    }

    public static TaskException badChallenge(String detail) {
        return new TaskException(BAD_CHALLENGE, detail);
    }

    public static TaskException error(String detail, Throwable cause) {
        return new TaskException(ERROR, detail, cause);
    }
}
