package net.taonet.registry.pricing.domain;

/**
 * The lock cost of a new subnet (spec/protocol.md §3):
 * {@code max(min_lock, 2 × last_lock − (last_lock / interval) × blocks_since_last_creation)}.
 *
 * <p>{@code last_lock / interval} is an integer division (rao per block, rounded down, as subtensor's
 * u64 arithmetic does), the subtraction saturates at zero. Before the first creation {@code last_lock}
 * is 0, so the first subnet costs {@code min_lock}. Creation doubles the reference price, which then
 * decays linearly back to the floor over two intervals.
 */
public final class LockCost {

    private LockCost() {
    }

    /**
     * @param minLockRao        the floor
     * @param lastLockRao       the lock paid at the last creation (0 before any)
     * @param blocksSinceLast   blocks since that creation (ignored before any)
     * @param interval          the lock reduction interval in blocks (&gt; 0)
     */
    public static long at(long minLockRao, long lastLockRao, long blocksSinceLast, long interval) {
        if (minLockRao < 0 || lastLockRao < 0 || blocksSinceLast < 0 || interval <= 0) {
            throw new IllegalArgumentException("lock cost inputs must be non-negative and the interval positive");
        }
        long doubled = saturatingMultiply(lastLockRao, 2);
        long perBlock = lastLockRao / interval;
        long reduction = saturatingMultiply(perBlock, blocksSinceLast);
        long cost = doubled > reduction ? doubled - reduction : 0;
        return Math.max(minLockRao, cost);
    }

    private static long saturatingMultiply(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }
}
