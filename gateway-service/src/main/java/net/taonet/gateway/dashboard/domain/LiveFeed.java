package net.taonet.gateway.dashboard.domain;

import java.time.Duration;
import net.taonet.platform.chain.BlockClock;
import net.taonet.platform.chain.ChainProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * What open dashboards are told: the block height, at most once a block (and at most twice a second on a fast
 * test chain), and each completed epoch as it arrives. Completed epochs are broadcast to every subscriber
 * that is connected; one that is not misses nothing it needs, since every page loads its data afresh.
 */
@Component
public class LiveFeed {

    /** A subnet finished an epoch. */
    public record EpochDone(int netuid, long epoch, long block) {
    }

    /** The chain's height now. */
    public record ChainTick(long block, long blockTimeMillis) {
    }

    private static final Duration FASTEST_TICK = Duration.ofMillis(500);

    private final BlockClock clock;
    private final Duration blockTime;
    private final Duration tick;
    private final Sinks.Many<EpochDone> epochs = Sinks.many().multicast().directBestEffort();

    public LiveFeed(BlockClock clock, ChainProperties chain) {
        this.clock = clock;
        this.blockTime = chain.blockTime();
        this.tick = chain.blockTime().compareTo(FASTEST_TICK) < 0 ? FASTEST_TICK : chain.blockTime();
    }

    public void epochCompleted(EpochDone done) {
        // Several listener threads may complete at once; emitting from them concurrently is retried, not lost.
        epochs.emitNext(done, Sinks.EmitFailureHandler.busyLooping(Duration.ofMillis(100)));
    }

    public Flux<EpochDone> epochs() {
        return epochs.asFlux();
    }

    /** The height now, then whenever it has changed at the next tick. */
    public Flux<ChainTick> chain() {
        long blockTimeMillis = blockTime.toMillis();
        return Flux.interval(Duration.ZERO, tick)
                .map(i -> clock.currentBlock())
                .distinctUntilChanged()
                .map(block -> new ChainTick(block, blockTimeMillis));
    }
}
