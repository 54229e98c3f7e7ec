package net.taonet.scoring.validation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.taonet.scoring.metagraph.domain.NeuronInfo;
import org.junit.jupiter.api.Test;

class MinerSamplerTest {

    static List<NeuronInfo> miners(int n) {
        return IntStream.range(0, n).mapToObj(uid -> new NeuronInfo(1, uid, "hk" + uid, 0)).toList();
    }

    @Test
    void everyMinerIsAskedOnceEveryCeilNOverSampleRounds() {
        MinerSampler sampler = new MinerSampler();
        Map<Integer, Integer> asked = new HashMap<>();
        for (int round = 0; round < 4; round++) { // 10 miners, 5 per round: 4 rounds ask each twice
            sampler.sample("v", 1, miners(10), 5, 1).forEach(g -> g.forEach(m -> asked.merge(m.uid(), 1, Integer::sum)));
        }
        assertThat(asked).hasSize(10);
        assertThat(asked.values()).containsOnly(2);
    }

    @Test
    void groupsHoldDistinctMinersAndWrapWhenMoreAreAskedThanExist() {
        List<List<NeuronInfo>> groups = new MinerSampler().sample("v", 1, miners(3), 4, 2);
        assertThat(groups).hasSize(4).allSatisfy(g -> assertThat(g).hasSize(2).doesNotHaveDuplicates());
        assertThat(new MinerSampler().sample("v", 1, miners(2), 1, 5).get(0)).hasSize(2);
        assertThat(new MinerSampler().sample("v", 1, List.of(), 3, 1)).isEmpty();
    }

    @Test
    void latencyHistogramPercentiles() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.percentile(0.5)).isEqualTo(-1);
        for (int i = 1; i <= 100; i++) {
            h.record(i);
        }
        assertThat(h.percentile(0.5)).isEqualTo(50);
        assertThat(h.percentile(0.99)).isEqualTo(99);
        h.reset();
        assertThat(h.count()).isZero();
    }
}
