package net.taonet.sdk;

import java.util.Objects;

/**
 * One miner's result as the validator received it: the result JSON ({@code TaskCompleted.result}), the time
 * it took as the validator measured it (publish to receipt) and the time the miner was given.
 */
public record Submission(String result, long latencyMillis, long timeoutMillis) {

    public Submission {
        Objects.requireNonNull(result, "result");
        if (latencyMillis < 0) {
            throw new IllegalArgumentException("latencyMillis must be >= 0: " + latencyMillis);
        }
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("timeoutMillis must be > 0: " + timeoutMillis);
        }
    }

    /** Latency as a share of the time allowed, in [0, 1]: 0 is instant, 1 is at (or past) the deadline. */
    public double latencyShare() {
        return Math.min(1.0, (double) latencyMillis / timeoutMillis);
    }
}
