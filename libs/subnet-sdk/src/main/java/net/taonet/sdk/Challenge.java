package net.taonet.sdk;

import java.time.Duration;
import java.util.Objects;

/**
 * A challenge as the validator publishes it: the task type's JSON {@code payload} (it becomes
 * {@code TaskAssigned.challenge}) and the time a miner gets to answer it (the validator turns it into the
 * assignment's deadline).
 */
public record Challenge(String payload, Duration timeout) {

    public Challenge {
        Objects.requireNonNull(payload, "payload");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive: " + timeout);
        }
    }
}
