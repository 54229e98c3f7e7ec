package net.taonet.yuma.epoch;

import java.util.Optional;

import net.taonet.yuma.EpochInput;
import net.taonet.yuma.EpochOutput;
import net.taonet.yuma.Hyperparameters;
import net.taonet.yuma.SparseMatrix;
import net.taonet.yuma.fixed.I32F32;

/**
 * subtensor's test-only dense epoch ({@code epoch_dense_mechanism}) on full n×n matrices. Same
 * formulas as {@link SparseEpoch}; the differences are those of spec §9: no owner exemptions (and
 * the whole diagonal masked), no commit-reveal mask, every cell kept (so a bond without a weight
 * decays instead of being dropped), and bond rows stored with all n columns.
 */
public final class DenseEpoch {

    private final EpochInput in;
    private final Hyperparameters hp;
    private final boolean trace;
    private final int n;

    private long activityCutoff;
    private boolean[] inactive;
    private long[] stake;
    private boolean[] permitOld;
    private boolean[] forbidden;
    private boolean[] permitNew;
    private long[] activeStake;
    private long[][] weights;
    private long[] consensus;
    private long[][] clippedWeights;
    private long[] validatorTrust;
    private long[] incentive;
    private long[][] bondWeights;
    private long lastTempo;
    private long[][] bonds;
    private long[][] emaBonds;
    private long[][] bondsDeltaTrace;
    private long[][] emaBondsTrace;
    private long[] dividends;
    private long[][] shares;

    private DenseEpoch(EpochInput in, Hyperparameters hp, boolean trace) {
        this.in = in;
        this.hp = hp;
        this.trace = trace;
        this.n = in.n();
    }

    /** Runs one dense epoch. */
    public static EpochOutput run(EpochInput in, Hyperparameters hp, boolean traceMatrices) {
        return new DenseEpoch(in, hp, traceMatrices).run();
    }

    private EpochOutput run() {
        stepActivity();
        stepStake();
        stepValidatorPermits();
        stepActiveStake();
        stepWeights();
        stepConsensus();
        stepClipAndValidatorTrust();
        stepIncentive();
        stepBondWeights();
        stepBondReset();
        if (hp.yuma3()) {
            stepYuma3Bonds();
        } else {
            stepClassicBonds();
        }
        shares = EpochCommon.emissionShares(incentive, dividends, activeStake, stake);
        long rao = in.raoEmission();
        Optional<EpochOutput.EpochTrace> traced = trace
                ? Optional.of(new EpochOutput.EpochTrace(dense(weights),
                        Optional.ofNullable(bondsDeltaTrace).map(DenseEpoch::dense), dense(emaBondsTrace)))
                : Optional.empty();
        return EpochResults.build(n, inactive, stake, consensus, incentive, dividends, validatorTrust, permitNew,
                shares[0], shares[1], shares[2], activeStake, EpochCommon.toRao(shares[0], rao),
                EpochCommon.toRao(shares[1], rao), EpochCommon.toRao(shares[2], rao), storedBonds(),
                activityCutoff, lastTempo, traced);
    }

    /** §5.1 (identical to sparse). */
    private void stepActivity() {
        activityCutoff = EpochCommon.activityCutoff(hp);
        inactive = EpochCommon.inactive(in, activityCutoff);
    }

    /** §5.2 without the owner's threshold exemption. */
    private void stepStake() {
        stake = EpochCommon.normalizedStake(in, hp, -1);
    }

    /** §5.3 without forced owner permits. */
    private void stepValidatorPermits() {
        permitOld = in.validatorPermit().toArray();
        forbidden = new boolean[permitOld.length];
        for (int i = 0; i < permitOld.length; i++) {
            forbidden[i] = !permitOld[i];
        }
        permitNew = YumaMath.topkNonzero(stake, hp.maxAllowedValidators());
    }

    /** §5.4 (identical to sparse). */
    private void stepActiveStake() {
        activeStake = EpochCommon.activeStake(stake, inactive, forbidden);
    }

    /** §5.5 dense: permit rows, the whole diagonal, outdated cells; no commit-reveal mask. */
    private void stepWeights() {
        SparseMatrix stored = in.weights();
        weights = new long[n][n];
        for (int i = 0; i < n; i++) {
            if (i >= forbidden.length || forbidden[i]) {
                continue;
            }
            long lu = in.lastUpdate().get(i);
            for (int k = 0; k < stored.rowLength(i); k++) {
                int j = stored.col(i, k);
                if (j < n) {
                    weights[i][j] = I32F32.fromInt(stored.value(i, k));
                }
            }
            weights[i][i] = 0; // masked twice upstream, so the owner's self-weight goes too
            for (int j = 0; j < n; j++) {
                if (Long.compareUnsigned(lu, in.blockAtRegistration().get(j)) <= 0) {
                    weights[i][j] = 0;
                }
            }
        }
        YumaMath.rowNormalizeDense(weights);
    }

    /** §5.6 with {@code weighted_median_col}. */
    private void stepConsensus() {
        consensus = YumaMath.weightedMedianCol(activeStake, weights, n, I32F32.fromU16Proportion(hp.kappa()));
    }

    /** §5.7 dense: cells above consensus become the consensus (0 included). */
    private void stepClipAndValidatorTrust() {
        clippedWeights = YumaMath.colClipDense(weights, consensus);
        validatorTrust = new long[n];
        for (int i = 0; i < n; i++) {
            validatorTrust[i] = YumaMath.sum(clippedWeights[i]);
        }
    }

    /** §5.8 (matmul of clipped weights and active stake). */
    private void stepIncentive() {
        long[] ranks = new long[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                ranks[j] = I32F32.saturatingAdd(ranks[j], I32F32.saturatingMul(activeStake[i], clippedWeights[i][j]));
            }
        }
        incentive = YumaMath.normalizeInPlace(ranks);
    }

    /** §5.9 dense {@code interpolate}: every cell, nothing dropped. */
    private void stepBondWeights() {
        bondWeights = YumaMath.interpolateDense(weights, clippedWeights, I32F32.fromU16Proportion(hp.bondsPenalty()));
    }

    /** §5.10 dense: load bonds (classic integers / Yuma3 proportions), zero recent columns. */
    private void stepBondReset() {
        lastTempo = EpochCommon.lastTempo(in, hp);
        bonds = new long[n][n];
        SparseMatrix stored = in.bonds();
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < stored.rowLength(i); k++) {
                int j = stored.col(i, k);
                if (j < n) {
                    int u = (int) stored.value(i, k);
                    bonds[i][j] = hp.yuma3() ? I32F32.fromU16Proportion(u) : I32F32.fromInt(u);
                }
            }
        }
        for (int j = 0; j < n; j++) {
            if (Long.compareUnsigned(lastTempo, in.blockAtRegistration().get(j)) <= 0) {
                for (int i = 0; i < n; i++) {
                    bonds[i][j] = 0;
                }
            }
        }
    }

    /** §5.11 dense. */
    private void stepClassicBonds() {
        YumaMath.colNormalizeDense(bonds);
        long[][] delta = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                delta[i][j] = I32F32.saturatingMul(bondWeights[i][j], activeStake[i]);
            }
        }
        YumaMath.colNormalizeDense(delta);
        bondsDeltaTrace = delta;
        emaBonds = YumaMath.emaDense(delta, bonds, EpochCommon.fixedAlpha(hp));
        YumaMath.colNormalizeDense(emaBonds);
        emaBondsTrace = copy(emaBonds);
        dividends = new long[n];
        for (int i = 0; i < n; i++) {
            long d = 0;
            for (int j = 0; j < n; j++) {
                d = I32F32.saturatingAdd(d, I32F32.saturatingMul(incentive[j], emaBonds[i][j]));
            }
            dividends[i] = d;
        }
        YumaMath.normalizeInPlace(dividends);
        YumaMath.colMaxUpscaleDense(emaBonds);
    }

    /** §5.12 dense: liquid α for every cell, or the fixed-α EMA. */
    private void stepYuma3Bonds() {
        boolean anyConsensus = false;
        for (long c : consensus) {
            anyConsensus |= c != 0;
        }
        if (hp.liquidAlpha() && n > 0 && anyConsensus) {
            LiquidAlpha la = LiquidAlpha.of(hp);
            long[][] alpha = new long[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    alpha[i][j] = la.alpha(consensus[j], bondWeights[i][j], bonds[i][j]);
                }
            }
            emaBonds = YumaMath.emaAlphaDense(bondWeights, bonds, alpha);
        } else {
            emaBonds = YumaMath.emaDense(bondWeights, bonds, EpochCommon.fixedAlpha(hp));
        }
        emaBondsTrace = emaBonds;
        long[][] normalized = copy(emaBonds);
        YumaMath.colNormalizeDense(normalized);
        dividends = new long[n];
        for (int i = 0; i < n; i++) {
            long t = 0;
            for (int j = 0; j < n; j++) {
                t += I32F32.saturatingMul(normalized[i][j], incentive[j]);
            }
            dividends[i] = I32F32.mulOverflows(t, activeStake[i]) ? 0 : I32F32.mulUnchecked(t, activeStake[i]);
        }
        YumaMath.normalizeInPlace(dividends);
    }

    /**
     * §9 item 4: a UID with a new permit stores all n columns; one that lost its permit gets an
     * empty row; any other row (and rows beyond the stored permit vector) stays as it was.
     */
    private SparseMatrix storedBonds() {
        SparseMatrix stored = in.bonds();
        SparseMatrix.Builder b = SparseMatrix.builder(n);
        int covered = Math.min(n, permitOld.length);
        for (int i = 0; i < n; i++) {
            if (i < covered && permitNew[i]) {
                for (int j = 0; j < n; j++) {
                    b.add(i, j, I32F32.toU16Proportion(emaBonds[i][j]));
                }
            } else if (i < covered && permitOld[i]) {
                continue;
            } else {
                for (int k = 0; k < stored.rowLength(i); k++) {
                    b.add(i, stored.col(i, k), stored.value(i, k));
                }
            }
        }
        return b.build();
    }

    private static long[][] copy(long[][] m) {
        long[][] c = new long[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    private static SparseMatrix dense(long[][] m) {
        SparseMatrix.Builder b = SparseMatrix.builder(m.length);
        for (int i = 0; i < m.length; i++) {
            for (int j = 0; j < m[i].length; j++) {
                b.add(i, j, m[i][j]);
            }
        }
        return b.build();
    }
}
