package net.taonet.consensus.epoch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.taonet.platform.chain.EpochSchedule;
import org.junit.jupiter.api.Test;

/** When an epoch is due (DESIGN §3): named fixtures, then the rules as properties. */
class EpochDueTest {

    @Test
    void subnetOneWithTempoTwoRunsEveryThirdBlockFromItsRegistration() {
        // (b + 1 + 1) mod 3 == 0  →  blocks 1, 4, 7, …; epoch k runs at 3k − 2
        assertThat(EpochDue.dueEpoch(1, 2, 3, null, 0, 3)).isEmpty(); // block 1 is before the registration
        assertThat(EpochDue.dueEpoch(1, 2, 3, null, 0, 4)).hasValue(2);
        assertThat(EpochDue.dueEpoch(1, 2, 3, 2L, 4, 5)).isEmpty(); // ran already
        assertThat(EpochDue.dueEpoch(1, 2, 3, 2L, 4, 7)).hasValue(3);
    }

    @Test
    void aServiceThatWasDownRunsOnlyTheLatestDueEpoch() {
        // last ran epoch 2 at block 4; now at block 30 (epochs 3 … 10 were missed)
        assertThat(EpochDue.dueEpoch(1, 2, 3, 2L, 4, 30)).hasValue(EpochSchedule.epochIndex(1, 2, 30));
        assertThat(EpochDue.epochBlock(1, 2, 30)).isEqualTo(28);
    }

    @Test
    void tempoZeroNeverRuns() {
        assertThat(EpochDue.dueEpoch(1, 0, 0, null, 0, 1_000)).isEmpty();
    }

    @Test
    void afterATempoIncreaseTheEpochNumberKeepsGrowing() {
        // epoch 3000 ran at tempo 360; at tempo 720 the schedule index is lower, the number continues
        long block = 3000L * 361 - 2;
        OptionalLong due = EpochDue.dueEpoch(1, 720, 0, 3000L, block, block + 721);
        assertThat(due).isPresent();
        assertThat(due.getAsLong()).isEqualTo(3001);
    }

    @Property
    void theDueEpochRunsAtTheLatestEpochBlockNotAfterTheCurrentBlockAndOnlyOnce(
            @ForAll @IntRange(min = 1, max = 128) int netuid, @ForAll @IntRange(min = 1, max = 400) int tempo,
            @ForAll @LongRange(min = 0, max = 1_000_000) long block) {
        OptionalLong due = EpochDue.dueEpoch(netuid, tempo, 0, null, 0, block);
        long epochBlock = EpochDue.epochBlock(netuid, tempo, block);
        if (due.isPresent()) {
            assertThat(epochBlock).isBetween(block - tempo, block);
            assertThat(EpochSchedule.isEpochBlock(netuid, tempo, epochBlock)).isTrue();
            assertThat(EpochSchedule.epochBlock(netuid, tempo, due.getAsLong())).isEqualTo(epochBlock);
            // once it ran, nothing is due until the next epoch block
            assertThat(EpochDue.dueEpoch(netuid, tempo, 0, due.getAsLong(), epochBlock, block)).isEmpty();
            long next = EpochSchedule.nextEpochBlock(netuid, tempo, block);
            assertThat(EpochDue.dueEpoch(netuid, tempo, 0, due.getAsLong(), epochBlock, next))
                    .hasValue(due.getAsLong() + 1);
        } else {
            assertThat(epochBlock).isNegative();
        }
    }
}
