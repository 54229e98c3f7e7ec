package net.taonet.registry.neuron.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Which UID a registration on a full subnet replaces (spec/protocol.md §4, spec/yuma-consensus.md §8.4).
 *
 * <ul>
 *   <li>The owner's UID is never a candidate.</li>
 *   <li>A neuron is immune while {@code block − registeredAt < immunityPeriod}.</li>
 *   <li>While more than {@code minNonImmuneUids} non-immune candidates exist, the choice is among the
 *       non-immune ones; otherwise among the immune ones (replacing a non-immune one would take the
 *       subnet below its floor of non-immune UIDs). If that leaves no candidate (no immune neuron at all),
 *       the floor cannot be kept whatever happens, and the choice falls back to the non-immune ones rather
 *       than closing the subnet to registrations.</li>
 *   <li>Among the chosen group: lowest emission in the last settled epoch, then earlier registration block,
 *       then lower UID.</li>
 * </ul>
 */
public final class PruneRule {

    /** Lowest emission first, then the older registration, then the lower UID. */
    public static final Comparator<Candidate> ORDER = Comparator.comparingLong(Candidate::emissionRao)
            .thenComparingLong(Candidate::registeredAtBlock)
            .thenComparingInt(Candidate::uid);

    private PruneRule() {
    }

    /** One occupied UID as the rule sees it. */
    public record Candidate(int uid, long registeredAtBlock, long emissionRao, boolean owner) {
    }

    /** What the rule decided, and why (for logs and traces). */
    public record Choice(Candidate candidate, boolean immune, int nonImmuneCount) {
    }

    public static boolean immune(long registeredAtBlock, long block, long immunityPeriod) {
        return block - registeredAtBlock < immunityPeriod;
    }

    /** The UID to replace, or empty when only the owner holds a UID. */
    public static Optional<Choice> choose(List<Candidate> neurons, long block, long immunityPeriod,
            int minNonImmuneUids) {
        List<Candidate> nonImmune = neurons.stream().filter(c -> !c.owner())
                .filter(c -> !immune(c.registeredAtBlock(), block, immunityPeriod)).toList();
        List<Candidate> immuneOnes = neurons.stream().filter(c -> !c.owner())
                .filter(c -> immune(c.registeredAtBlock(), block, immunityPeriod)).toList();
        boolean fromNonImmune = nonImmune.size() > minNonImmuneUids || immuneOnes.isEmpty();
        List<Candidate> pool = fromNonImmune ? nonImmune : immuneOnes;
        return pool.stream().min(ORDER).map(c -> new Choice(c, !fromNonImmune, nonImmune.size()));
    }
}
