package net.taonet.platform.chain;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** {@code block = floor((now − genesis) / blockTime)}, and 0 before genesis. */
public final class DerivedBlockClock implements BlockClock {

    private final Instant genesis;
    private final long blockMillis;
    private final Clock clock;

    public DerivedBlockClock(Instant genesis, Duration blockTime, Clock clock) {
        this.genesis = genesis;
        this.blockMillis = blockTime.toMillis();
        this.clock = clock;
        if (blockMillis <= 0) {
            throw new IllegalArgumentException("block time must be at least one millisecond");
        }
    }

    @Override
    public long currentBlock() {
        long elapsed = clock.millis() - genesis.toEpochMilli();
        return elapsed <= 0 ? 0 : elapsed / blockMillis;
    }

    /** When the given block starts. */
    public Instant startOf(long block) {
        return genesis.plusMillis(block * blockMillis);
    }
}
