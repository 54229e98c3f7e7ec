package net.taonet.scoring.dispatch.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import net.taonet.scoring.metagraph.domain.EpochNeuron;
import net.taonet.scoring.metagraph.domain.NeuronInfo;

/**
 * The order in which miners are tried: a weighted random permutation (Efraimidis–Spirakis: key
 * {@code u^(1/w)}, largest first), so the first choice is a miner with probability proportional to its
 * incentive and each next choice likewise among those left. Miners without incentive come after, in random
 * order; before the first epoch every miner is equally likely.
 */
public final class MinerChooser {

    private MinerChooser() {
    }

    public static List<NeuronInfo> order(List<NeuronInfo> neurons, List<EpochNeuron> epoch, Set<String> excludedHotkeys,
            RandomGenerator random) {
        Map<Integer, Integer> incentive = new HashMap<>();
        Map<Integer, String> epochHotkey = new HashMap<>();
        for (EpochNeuron e : epoch) {
            incentive.put(e.uid(), e.incentive());
            epochHotkey.put(e.uid(), e.hotkey());
        }
        List<Keyed> weighted = new ArrayList<>();
        List<NeuronInfo> rest = new ArrayList<>();
        for (NeuronInfo n : neurons) {
            if (excludedHotkeys.contains(n.hotkey())) {
                continue;
            }
            String hk = epochHotkey.get(n.uid());
            int w = (hk == null || hk.equals(n.hotkey())) ? incentive.getOrDefault(n.uid(), 0) : 0;
            if (w > 0) {
                double u = random.nextDouble();
                weighted.add(new Keyed(n, Math.log(Math.max(u, Double.MIN_VALUE)) / w));
            } else {
                rest.add(n);
            }
        }
        weighted.sort(Comparator.comparingDouble(Keyed::key).reversed());
        Collections.shuffle(rest, new java.util.Random(random.nextLong()));
        List<NeuronInfo> out = new ArrayList<>(weighted.size() + rest.size());
        weighted.forEach(k -> out.add(k.neuron()));
        out.addAll(rest);
        return out;
    }

    /** {@code log(u)/w} orders like {@code u^(1/w)} and does not underflow for small weights. */
    private record Keyed(NeuronInfo neuron, double key) {
    }
}
