package net.taonet.yuma.epoch;

import java.util.Optional;

import net.taonet.yuma.BoolVector;
import net.taonet.yuma.EpochOutput;
import net.taonet.yuma.FixedVector;
import net.taonet.yuma.SparseMatrix;
import net.taonet.yuma.U16Vector;
import net.taonet.yuma.U64Vector;
import net.taonet.yuma.fixed.I32F32;

/** Assembles the immutable {@link EpochOutput} from a run's vectors (spec §5.14). */
final class EpochResults {

    private EpochResults() {
    }

    static EpochOutput build(int n, boolean[] inactive, long[] stake, long[] consensus, long[] incentive,
                             long[] dividends, long[] validatorTrust, boolean[] permitNew,
                             long[] normalizedServer, long[] normalizedValidator, long[] normalizedCombined,
                             long[] activeStake, long[] serverEmission, long[] validatorEmission,
                             long[] combinedEmission, SparseMatrix bonds, long cutoff, long lastTempo,
                             Optional<EpochOutput.EpochTrace> trace) {
        boolean[] active = new boolean[n];
        for (int i = 0; i < n; i++) {
            active[i] = !inactive[i];
        }
        return new EpochOutput(
                BoolVector.of(active),
                q(stake), q(consensus), q(incentive), q(dividends), q(validatorTrust),
                BoolVector.of(permitNew),
                U64Vector.of(serverEmission), U64Vector.of(validatorEmission), U64Vector.of(combinedEmission),
                bonds, cutoff, lastTempo,
                FixedVector.ofBits(stake), FixedVector.ofBits(activeStake), FixedVector.ofBits(consensus),
                FixedVector.ofBits(incentive), FixedVector.ofBits(dividends), FixedVector.ofBits(validatorTrust),
                FixedVector.ofBits(normalizedServer), FixedVector.ofBits(normalizedValidator),
                FixedVector.ofBits(normalizedCombined),
                trace);
    }

    /** {@code q(x)} per entry (spec §1.4). */
    static U16Vector q(long[] v) {
        int[] out = new int[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = I32F32.toU16Proportion(v[i]);
        }
        return U16Vector.of(out);
    }
}
