package net.taonet.scoring.dispatch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import net.taonet.scoring.metagraph.domain.EpochNeuron;
import net.taonet.scoring.metagraph.domain.NeuronInfo;
import org.junit.jupiter.api.Test;

class MinerChooserTest {

    static final List<NeuronInfo> NEURONS = List.of(n(0, "owner"), n(1, "a"), n(2, "b"), n(3, "c"), n(4, "d"));

    static NeuronInfo n(int uid, String hotkey) {
        return new NeuronInfo(1, uid, hotkey, 0);
    }

    static Map<Integer, Integer> firstChoices(List<EpochNeuron> epoch, int draws) {
        SplittableRandom random = new SplittableRandom(7);
        Map<Integer, Integer> counts = new HashMap<>();
        for (int i = 0; i < draws; i++) {
            int first = MinerChooser.order(NEURONS, epoch, Set.of("owner"), random).get(0).uid();
            counts.merge(first, 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void firstChoiceIsProportionalToIncentive() {
        List<EpochNeuron> epoch = List.of(new EpochNeuron(1, "a", false, 30_000), new EpochNeuron(2, "b", false, 20_000),
                new EpochNeuron(3, "c", false, 10_000), new EpochNeuron(4, "d", false, 0));
        Map<Integer, Integer> counts = firstChoices(epoch, 60_000);
        assertThat(counts.get(1) / 60_000.0).isCloseTo(0.5, org.assertj.core.data.Offset.offset(0.01));
        assertThat(counts.get(2) / 60_000.0).isCloseTo(1 / 3.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(counts.get(3) / 60_000.0).isCloseTo(1 / 6.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(counts).doesNotContainKey(4).doesNotContainKey(0);
    }

    @Test
    void minersWithoutIncentiveAreTriedLastAndExcludedOnesNever() {
        List<EpochNeuron> epoch = List.of(new EpochNeuron(2, "b", false, 1));
        List<NeuronInfo> order = MinerChooser.order(NEURONS, epoch, Set.of("owner"), new SplittableRandom(1));
        assertThat(order).extracting(NeuronInfo::uid).startsWith(2).containsExactlyInAnyOrder(1, 2, 3, 4);
    }

    @Test
    void beforeTheFirstEpochEveryMinerIsEquallyLikely() {
        Map<Integer, Integer> counts = firstChoices(List.of(), 40_000);
        assertThat(counts.keySet()).containsExactlyInAnyOrder(1, 2, 3, 4);
        counts.values().forEach(c -> assertThat(c / 40_000.0).isCloseTo(0.25, org.assertj.core.data.Offset.offset(0.01)));
    }

    @Test
    void incentiveOfAReplacedHotkeyDoesNotCarryOver() {
        List<EpochNeuron> epoch = List.of(new EpochNeuron(1, "previous-holder", false, 65_535), new EpochNeuron(2, "b", false, 5));
        assertThat(MinerChooser.order(NEURONS, epoch, Set.of("owner"), new SplittableRandom(3)).get(0).uid()).isEqualTo(2);
    }
}
