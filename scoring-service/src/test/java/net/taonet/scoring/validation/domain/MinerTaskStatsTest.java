package net.taonet.scoring.validation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MinerTaskStatsTest {

    private final MinerTaskStats stats = new MinerTaskStats();

    @Test
    void countsEachOutcomePerMinerAndKeepsLatencyPercentiles() {
        InFlightTask a = task(1, 3, "miner-a");
        InFlightTask b = task(1, 4, "miner-b");
        for (int i = 1; i <= 20; i++) {
            stats.assigned(a);
            stats.resolved(a, new TaskOutcome.Answered("{}", i * 10L, i == 20), 1_000L + i);
        }
        stats.assigned(b);
        stats.assigned(b);
        stats.resolved(b, new TaskOutcome.Failed("busy", "queue full"), 5_000L);
        stats.resolved(b, new TaskOutcome.TimedOut(), 6_000L);

        List<MinerTaskStats.MinerTasks> miners = stats.miners(null);

        assertThat(miners).extracting(MinerTaskStats.MinerTasks::uid).containsExactly(3, 4);
        MinerTaskStats.MinerTasks first = miners.get(0);
        assertThat(first.assigned()).isEqualTo(20);
        assertThat(first.answered()).isEqualTo(20);
        assertThat(first.late()).isEqualTo(1);
        assertThat(first.latencyP50Millis()).isEqualTo(100L); // 10..200 ms: the 10th of 20
        assertThat(first.latencyP95Millis()).isEqualTo(190L); // the 19th of 20
        assertThat(first.lastOutcomeAtMillis()).isEqualTo(1_020L);
        MinerTaskStats.MinerTasks second = miners.get(1);
        assertThat(second.failed()).isEqualTo(1);
        assertThat(second.timedOut()).isEqualTo(1);
        assertThat(second.answered()).isZero();
        assertThat(second.latencyP50Millis()).isNull();
    }

    @Test
    void aReplacedUidStartsAfreshAndSubnetsFilter() {
        stats.assigned(task(1, 3, "old-hotkey"));
        stats.assigned(task(1, 3, "new-hotkey"));
        stats.assigned(task(2, 0, "other-subnet"));

        assertThat(stats.miners(1)).extracting(MinerTaskStats.MinerTasks::hotkey)
                .containsExactly("new-hotkey", "old-hotkey");
        assertThat(stats.miners(2)).singleElement().extracting(MinerTaskStats.MinerTasks::assigned).isEqualTo(1L);
    }

    @Test
    void latencyCoversOnlyTheLatestAnswers() {
        InFlightTask a = task(1, 1, "miner");
        for (int i = 0; i < MinerTaskStats.WINDOW; i++) {
            stats.resolved(a, new TaskOutcome.Answered("{}", 5_000, false), i);
        }
        for (int i = 0; i < MinerTaskStats.WINDOW; i++) {
            stats.resolved(a, new TaskOutcome.Answered("{}", 7, false), i);
        }
        assertThat(stats.miners(1).get(0).latencyP95Millis()).isEqualTo(7L);
        assertThat(stats.miners(1).get(0).answered()).isEqualTo(2L * MinerTaskStats.WINDOW);
    }

    private static InFlightTask task(int netuid, int uid, String hotkey) {
        return new InFlightTask("t-" + netuid + "-" + uid + "-" + hotkey, "round", 1, "validator", netuid, uid, hotkey,
                "echo", "{}", 0, 30_000, false);
    }
}
