package net.taonet.consensus.epoch.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import net.taonet.events.registry.Hyperparameters;
import net.taonet.yuma.BoolVector;
import net.taonet.yuma.EpochInput;
import net.taonet.yuma.EpochOutput;
import net.taonet.yuma.SparseMatrix;
import net.taonet.yuma.U64Vector;
import net.taonet.yuma.Yuma;

/** Runs yuma-core's production (sparse) epoch on a snapshot. Pure: same snapshot, same outcome. */
public final class EpochEngine {

    private EpochEngine() {
    }

    public static List<UidOutcome> run(EpochSnapshot s) {
        EpochOutput out = Yuma.epoch(input(s), hyperparameters(s));
        long[] ns = out.normalizedServerEmissionBits();
        long[] nv = out.normalizedValidatorEmissionBits();
        SparseMatrix bonds = out.bonds();
        List<UidOutcome> result = new ArrayList<>(s.n());
        for (int i = 0; i < s.n(); i++) {
            int[][] row = new int[bonds.rowLength(i)][];
            for (int k = 0; k < row.length; k++) {
                row[k] = new int[] {bonds.col(i, k), (int) bonds.value(i, k)};
            }
            result.add(new UidOutcome(i, s.hotkeys()[i], out.active().get(i), out.stakeWeight().get(i),
                    out.consensus().get(i), out.incentive().get(i), out.dividends().get(i),
                    out.validatorTrust().get(i), out.newValidatorPermit().get(i), out.serverEmission().get(i),
                    out.validatorEmission().get(i), out.emission().get(i), ns[i], nv[i], row));
        }
        return result;
    }

    /** The engine's view of the subnet's hyperparameters (spec §3.2) plus owner and last epoch block. */
    public static net.taonet.yuma.Hyperparameters hyperparameters(EpochSnapshot s) {
        Hyperparameters h = s.hyperparameters();
        return new net.taonet.yuma.Hyperparameters(h.kappa(), h.bondsPenalty(), h.bondsMovingAverage(),
                h.maxAllowedValidators(), h.tempo(), h.activityCutoffFactorMilli(), h.yuma3Enabled(),
                h.liquidAlphaEnabled(), h.alphaLow(), h.alphaHigh(), h.alphaSigmoidSteepness(), h.stakeThreshold(),
                s.ownerUid() == null ? OptionalInt.empty() : OptionalInt.of(s.ownerUid()), h.commitRevealEnabled(),
                s.lastMechanismStepBlock());
    }

    public static EpochInput input(EpochSnapshot s) {
        int n = s.n();
        long[] commits = new long[n];
        for (int i = 0; i < n; i++) {
            Long c = s.commitBlocks() == null ? null : s.commitBlocks()[i];
            commits[i] = c == null ? EpochInput.NO_COMMIT : c;
        }
        return new EpochInput(n, U64Vector.of(s.stake()), matrix(s.weights()), matrix(s.bonds()),
                U64Vector.of(s.lastUpdate()), U64Vector.of(s.blockAtRegistration()), BoolVector.of(s.validatorPermit()),
                s.block(), s.raoEmission(), U64Vector.of(commits));
    }

    private static SparseMatrix matrix(int[][][] rows) {
        SparseMatrix.Builder b = SparseMatrix.builder(rows.length);
        for (int i = 0; i < rows.length; i++) {
            for (int[] e : rows[i]) {
                b.add(i, e[0], e[1]);
            }
        }
        return b.build();
    }
}
