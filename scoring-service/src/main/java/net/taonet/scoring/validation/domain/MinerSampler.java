package net.taonet.scoring.validation.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import net.taonet.scoring.metagraph.domain.NeuronInfo;

/**
 * Round-robin over a subnet's UIDs per validator, from a random start: every miner is asked once every
 * {@code ceil(n / sampleSize)} rounds, however the sample size compares to the subnet size.
 */
public final class MinerSampler {

    private final Map<String, AtomicLong> cursors = new ConcurrentHashMap<>();

    /**
     * {@code groups} groups of {@code groupSize} distinct miners each (a group shares one challenge); a miner
     * may appear in several groups when more are asked than the subnet has.
     */
    public List<List<NeuronInfo>> sample(String validatorHotkey, int netuid, List<NeuronInfo> candidates, int groups,
            int groupSize) {
        List<List<NeuronInfo>> out = new ArrayList<>(groups);
        int n = candidates.size();
        if (n == 0 || groups <= 0) {
            return out;
        }
        int size = Math.min(groupSize, n);
        AtomicLong cursor = cursors.computeIfAbsent(validatorHotkey + "/" + netuid,
                k -> new AtomicLong(java.util.concurrent.ThreadLocalRandom.current().nextInt(n)));
        for (int g = 0; g < groups; g++) {
            long start = cursor.getAndAdd(size);
            List<NeuronInfo> group = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                group.add(candidates.get((int) Math.floorMod(start + i, (long) n)));
            }
            out.add(group);
        }
        return out;
    }
}
