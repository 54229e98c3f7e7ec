package net.taonet.scoring.validation.domain;

/** How a task ended: answered (in time or not), failed as the miner reported, or never answered. */
public sealed interface TaskOutcome {

    /** A signed answer; {@code latencyMillis} is the validator's own measure, assignment to receipt. */
    record Answered(String result, long latencyMillis, boolean late) implements TaskOutcome {
    }

    /** The miner reported it could not do the task ({@code busy}, {@code error}, {@code unsupported}, ...). */
    record Failed(String reason, String detail) implements TaskOutcome {
    }

    /** No valid answer by the deadline (or the requester gave up on it). */
    record TimedOut() implements TaskOutcome {
    }

    default boolean answeredInTime() {
        return this instanceof Answered a && !a.late();
    }
}
