package net.taonet.gateway.apikey.domain;

/**
 * A token bucket: {@code burst} tokens at most, refilled at {@code ratePerSecond}. Thread-safe. A refused
 * request learns how long until a token is available (for {@code Retry-After}).
 */
public final class TokenBucket {

    private final double ratePerNano;
    private final double capacity;
    private double tokens;
    private long lastRefill;

    public TokenBucket(int ratePerSecond, int burst, long nowNanos) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.capacity = burst;
        this.tokens = burst;
        this.lastRefill = nowNanos;
    }

    /** Takes a token; returns 0 when allowed, else the nanoseconds to wait before one is available. */
    public synchronized long tryTake(long nowNanos) {
        if (nowNanos > lastRefill) {
            tokens = Math.min(capacity, tokens + (nowNanos - lastRefill) * ratePerNano);
            lastRefill = nowNanos;
        }
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return (long) Math.ceil((1 - tokens) / ratePerNano);
    }
}
