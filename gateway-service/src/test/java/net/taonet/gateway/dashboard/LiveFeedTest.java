package net.taonet.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import net.taonet.gateway.dashboard.domain.LiveFeed;
import net.taonet.gateway.dashboard.domain.LiveFeed.ChainTick;
import net.taonet.gateway.dashboard.domain.LiveFeed.EpochDone;
import net.taonet.platform.chain.ChainProperties;
import net.taonet.platform.chain.ManualBlockClock;
import org.junit.jupiter.api.Test;

class LiveFeedTest {

    private final ManualBlockClock clock = new ManualBlockClock(100);

    @Test
    void everySubscriberHearsEachCompletedEpoch() {
        LiveFeed feed = new LiveFeed(clock, new ChainProperties(Instant.EPOCH, Duration.ofSeconds(12)));
        CompletableFuture<List<EpochDone>> first = feed.epochs().take(2).collectList().toFuture();
        CompletableFuture<List<EpochDone>> second = feed.epochs().take(2).collectList().toFuture();

        feed.epochCompleted(new EpochDone(1, 7, 95));
        feed.epochCompleted(new EpochDone(2, 7, 94));

        List<EpochDone> expected = List.of(new EpochDone(1, 7, 95), new EpochDone(2, 7, 94));
        assertThat(first.join()).isEqualTo(expected);
        assertThat(second.join()).isEqualTo(expected);
    }

    @Test
    void tellsTheHeightOnlyWhenItChangesAndNeverFasterThanTwiceASecond() {
        LiveFeed feed = new LiveFeed(clock, new ChainProperties(Instant.EPOCH, Duration.ofMillis(50)));
        long started = System.nanoTime();
        List<ChainTick> ticks = feed.chain()
                .doOnNext(t -> {
                    if (t.block() == 100) {
                        clock.set(101);
                    }
                })
                .take(2).collectList().block(Duration.ofSeconds(5));

        assertThat(ticks).extracting(ChainTick::block).containsExactly(100L, 101L);
        assertThat(ticks).extracting(ChainTick::blockTimeMillis).containsOnly(50L);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(500));
    }
}
