package net.taonet.yuma.epoch;

import java.util.Optional;

import net.taonet.yuma.EpochInput;
import net.taonet.yuma.EpochOutput;
import net.taonet.yuma.Hyperparameters;
import net.taonet.yuma.SparseMatrix;
import net.taonet.yuma.fixed.I32F32;

/**
 * The production ("sparse") epoch, {@code epoch_mechanism} of subtensor, step by step as in spec
 * §5. Each {@code step…} method is one subsection; they run in spec order from {@link #run()} and
 * communicate through the fields below, which hold the I32F32 bits of the spec's named vectors.
 *
 * <p>An instance serves one call; nothing is static or shared, so concurrent epochs are safe.
 */
public final class SparseEpoch {

    private final EpochInput in;
    private final Hyperparameters hp;
    private final boolean trace;
    private final int n;
    /** Owner UID if registered in this subnet (o < n), else -1. */
    private final int owner;

    // §5.1
    private long activityCutoff;
    private boolean[] inactive;
    // §5.2
    private long[] stake;
    // §5.3
    private boolean[] permitOld;
    private boolean[] forbidden;
    private boolean[] permitNew;
    // §5.4
    private long[] activeStake;
    // §5.5
    private Rows weights;
    private SparseMatrix weightsTrace;
    // §5.6
    private long[] consensus;
    // §5.7
    private Rows clippedWeights;
    private long[] validatorTrust;
    // §5.8
    private long[] incentive;
    // §5.9
    private Rows bondWeights;
    // §5.10
    private long lastTempo;
    private Rows bonds;
    // §5.11 / §5.12
    private Rows emaBonds;
    private SparseMatrix bondsDeltaTrace;
    private SparseMatrix emaBondsTrace;
    private long[] dividends;
    private Rows storedBonds;
    // §5.13
    private long[] normalizedServer;
    private long[] normalizedValidator;
    private long[] normalizedCombined;
    private long[] serverEmission;
    private long[] validatorEmission;
    private long[] combinedEmission;

    private SparseEpoch(EpochInput in, Hyperparameters hp, boolean trace) {
        this.in = in;
        this.hp = hp;
        this.trace = trace;
        this.n = in.n();
        int o = hp.ownerUid().orElse(-1);
        this.owner = o < n ? o : -1;
    }

    /** Runs one sparse epoch. */
    public static EpochOutput run(EpochInput in, Hyperparameters hp, boolean traceMatrices) {
        return new SparseEpoch(in, hp, traceMatrices).run();
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
        stepEmissionSplit();
        return EpochResults.build(n, inactive, stake, consensus, incentive, dividends, validatorTrust,
                permitNew, normalizedServer, normalizedValidator, normalizedCombined, activeStake,
                serverEmission, validatorEmission, combinedEmission, storedBondsU16(), activityCutoff,
                lastTempo, trace ? Optional.of(new EpochOutput.EpochTrace(weightsTrace,
                        Optional.ofNullable(bondsDeltaTrace), emaBondsTrace)) : Optional.empty());
    }

    // ------------------------------------------------------------------ §5.1 Activity

    /** §5.1: a UID is inactive when its last update plus the cutoff is before the current block. */
    private void stepActivity() {
        activityCutoff = EpochCommon.activityCutoff(hp);
        inactive = EpochCommon.inactive(in, activityCutoff);
    }

    // ------------------------------------------------------------------ §5.2 Stake

    /** §5.2: stake threshold (owner exempt), I64F64 normalisation, floor to I32F32. */
    private void stepStake() {
        stake = EpochCommon.normalizedStake(in, hp, owner);
    }

    // ------------------------------------------------------------------ §5.3 Permits

    /** §5.3: old permits (owner forced) gate this epoch; new permits are top-k non-zero stake. */
    private void stepValidatorPermits() {
        permitOld = in.validatorPermit().toArray();
        if (owner >= 0 && owner < permitOld.length) {
            permitOld[owner] = true;
        }
        forbidden = new boolean[permitOld.length];
        for (int i = 0; i < permitOld.length; i++) {
            forbidden[i] = !permitOld[i];
        }
        permitNew = YumaMath.topkNonzero(stake, hp.maxAllowedValidators());
        if (owner >= 0) {
            permitNew[owner] = true;
        }
    }

    // ------------------------------------------------------------------ §5.4 Active stake

    /** §5.4: stake of active, previously permitted UIDs, re-normalised. */
    private void stepActiveStake() {
        activeStake = EpochCommon.activeStake(stake, inactive, forbidden);
    }

    // ------------------------------------------------------------------ §5.5 Weights

    /**
     * §5.5: load rows (u16 as I32F32 integers, columns ≥ n dropped), then drop rows without an old
     * permit, self-weights (owner's kept), outdated weights, commit-reveal-masked weights, and
     * row-normalise.
     */
    private void stepWeights() {
        SparseMatrix stored = in.weights();
        long[] lastUpdate = in.lastUpdate().toArray();
        long[] registered = in.blockAtRegistration().toArray();
        long[] commit = in.commitBlocks().toArray();
        boolean commitReveal = hp.commitRevealEnabled();
        weights = new Rows(n);
        for (int i = 0; i < n; i++) {
            // Row mask: rows not covered by the forbidden vector are hidden too (spec §0).
            if (i >= forbidden.length || forbidden[i]) {
                continue;
            }
            int length = stored.rowLength(i);
            int[] c = new int[length];
            long[] v = new long[length];
            int m = 0;
            long lu = lastUpdate[i];
            long cb = commit[i];
            for (int k = 0; k < length; k++) {
                int j = stored.col(i, k);
                if (j >= n) {
                    continue;
                }
                if (j == i && i != owner) {
                    continue; // self-weight
                }
                if (Long.compareUnsigned(lu, registered[j]) <= 0) {
                    continue; // outdated: set at or before j's registration
                }
                if (commitReveal && Long.compareUnsigned(cb, registered[j]) < 0) {
                    continue; // pending commit older than j's registration
                }
                c[m] = j;
                v[m] = I32F32.fromInt(stored.value(i, k));
                m++;
            }
            YumaMath.rowNormalizeSparse(v, m);
            weights.set(i, c, v, m);
        }
        if (trace) {
            weightsTrace = weights.toMatrix();
        }
    }

    // ------------------------------------------------------------------ §5.6 Consensus

    /**
     * §5.6: per column, the κ-weighted median over validators with active stake
     * ({@code weighted_median_col_sparse}). Scores are laid out column-major so each column's
     * selection scans contiguous memory.
     */
    private void stepConsensus() {
        consensus = YumaMath.weightedMedianColSparse(activeStake, weights, n, I32F32.fromU16Proportion(hp.kappa()));
    }

    // ------------------------------------------------------------------ §5.7 Clip, validator trust

    /** §5.7: clip each weight at its column's consensus (dropping it if consensus ≤ 0); row sums. */
    private void stepClipAndValidatorTrust() {
        clippedWeights = YumaMath.colClipSparse(weights, consensus);
        validatorTrust = new long[n];
        for (int i = 0; i < n; i++) {
            long sum = 0;
            for (int k = 0; k < clippedWeights.len[i]; k++) {
                sum += clippedWeights.val[i][k];
            }
            validatorTrust[i] = sum;
        }
    }

    // ------------------------------------------------------------------ §5.8 Incentive

    /** §5.8: ranks {@code R_j = ⊕_i A_i ⊗ W̄_ij}, incentive = normalise(R). */
    private void stepIncentive() {
        long[] ranks = new long[n];
        for (int i = 0; i < n; i++) {
            long a = activeStake[i];
            if (a == 0) {
                continue; // contributes exact zeros
            }
            int[] c = clippedWeights.col[i];
            long[] v = clippedWeights.val[i];
            for (int k = 0; k < clippedWeights.len[i]; k++) {
                ranks[c[k]] = I32F32.saturatingAdd(ranks[c[k]], I32F32.saturatingMul(a, v[k]));
            }
        }
        incentive = YumaMath.normalizeInPlace(ranks);
    }

    // ------------------------------------------------------------------ §5.9 Bond weights

    /** §5.9: interpolate between W and W̄ by the bonds penalty β (keeping positive entries). */
    private void stepBondWeights() {
        long beta = I32F32.fromU16Proportion(hp.bondsPenalty());
        bondWeights = YumaMath.interpolateSparse(weights, clippedWeights, n, beta);
    }

    // ------------------------------------------------------------------ §5.10 Bond reset

    /**
     * §5.10: load stored bonds (classic: u16 as I32F32 integers; Yuma3: u16 proportions) and drop
     * those on UIDs registered since the previous epoch. Columns ≥ n are kept, as upstream: later
     * steps ignore them, but they still take part in the liquid-alpha merge lookup.
     */
    private void stepBondReset() {
        lastTempo = EpochCommon.lastTempo(in, hp);
        long[] registered = in.blockAtRegistration().toArray();
        SparseMatrix stored = in.bonds();
        boolean proportions = hp.yuma3();
        bonds = new Rows(n);
        for (int i = 0; i < n; i++) {
            int length = stored.rowLength(i);
            if (length == 0) {
                continue;
            }
            int[] c = new int[length];
            long[] v = new long[length];
            int m = 0;
            for (int k = 0; k < length; k++) {
                int j = stored.col(i, k);
                long bar = j < n ? registered[j] : 0;
                if (Long.compareUnsigned(lastTempo, bar) <= 0) {
                    continue;
                }
                int u = (int) stored.value(i, k);
                c[m] = j;
                v[m] = proportions ? I32F32.fromU16Proportion(u) : I32F32.fromInt(u);
                m++;
            }
            bonds.set(i, c, v, m);
        }
    }

    // ------------------------------------------------------------------ §5.11 Classic bonds

    /**
     * §5.11: column-normalised stake-weighted bond deltas, EMA with fixed α, dividends from the
     * column-normalised EMA; stored bonds are the column-max-upscaled EMA.
     */
    private void stepClassicBonds() {
        bonds.colNormalize(n);
        Rows delta = new Rows(n);
        for (int i = 0; i < n; i++) {
            int m = bondWeights.len[i];
            long[] v = new long[m];
            long a = activeStake[i];
            for (int k = 0; k < m; k++) {
                v[k] = I32F32.saturatingMul(bondWeights.val[i][k], a);
            }
            delta.set(i, bondWeights.col[i], v, m); // column arrays are never modified, so shared
        }
        delta.colNormalize(n);
        if (trace) {
            bondsDeltaTrace = delta.toMatrix();
        }
        long alpha = EpochCommon.fixedAlpha(hp);
        emaBonds = YumaMath.emaSparse(delta, bonds, alpha, n);
        emaBonds.colNormalize(n);
        if (trace) {
            emaBondsTrace = emaBonds.toMatrix();
        }
        dividends = new long[n];
        for (int i = 0; i < n; i++) {
            long d = 0;
            for (int k = 0; k < emaBonds.len[i]; k++) {
                d = I32F32.saturatingAdd(d, I32F32.saturatingMul(incentive[emaBonds.col[i][k]], emaBonds.val[i][k]));
            }
            dividends[i] = d;
        }
        YumaMath.normalizeInPlace(dividends);
        storedBonds = emaBonds; // the EMA is no longer needed un-upscaled
        storedBonds.colMaxUpscale(n);
    }

    // ------------------------------------------------------------------ §5.12 Yuma3 bonds

    /**
     * §5.12: absolute per-entry bonds. With liquid alpha (and some non-zero consensus) each entry
     * gets its own sigmoid α; otherwise the fixed α EMA of §5.11 runs on the raw bond weights.
     * Dividends: {@code normalize((colnorm(EMA) · I) ∘ A)}; the un-normalised EMA is stored.
     */
    private void stepYuma3Bonds() {
        boolean anyConsensus = false;
        for (long c : consensus) {
            if (c != 0) {
                anyConsensus = true;
                break;
            }
        }
        if (hp.liquidAlpha() && n > 0 && anyConsensus) {
            emaBonds = emaWithLiquidAlpha();
        } else {
            emaBonds = YumaMath.emaSparse(bondWeights, bonds, EpochCommon.fixedAlpha(hp), n);
        }
        if (trace) {
            emaBondsTrace = emaBonds.toMatrix();
        }
        // colnorm(EMA) is only needed inside the dividend sum, so it is applied on the fly rather
        // than to a copy of the (stored, un-normalised) EMA.
        long[] colSum = emaBonds.columnSums(n);
        double[] hint = new double[n];
        for (int j = 0; j < n; j++) {
            hint[j] = I32F32.reciprocalHint(colSum[j]);
        }
        dividends = new long[n];
        for (int i = 0; i < n; i++) {
            long t = 0;
            int[] c = emaBonds.col[i];
            long[] v = emaBonds.val[i];
            for (int k = 0; k < emaBonds.len[i]; k++) {
                int j = c[k];
                long e = colSum[j] == 0 ? v[k] : I32F32.safeDiv(v[k], colSum[j], hint[j]);
                t += I32F32.saturatingMul(e, incentive[j]);
            }
            // vec_mul uses checked_mul: an overflow yields 0 rather than a saturated value.
            dividends[i] = I32F32.mulOverflows(t, activeStake[i]) ? 0 : I32F32.mulUnchecked(t, activeStake[i]);
        }
        YumaMath.normalizeInPlace(dividends);
        storedBonds = emaBonds;
    }

    /**
     * {@code mat_ema_alpha_sparse} with {@code compute_liquid_alpha_values_sparse}: α is looked up
     * per entry with subtensor's merge rule (spec §5.12), and only where it is used — at the
     * columns of the row's bond weights — since entries elsewhere never reach the result.
     */
    private Rows emaWithLiquidAlpha() {
        LiquidAlpha la = LiquidAlpha.of(hp);
        Rows result = new Rows(n);
        long[] alpha = new long[n];
        long[] decayed = new long[n];
        int[] stamp = new int[n];
        int[] decayedStamp = new int[n];
        int generation = 0;
        for (int i = 0; i < n; i++) {
            int wl = bondWeights.len[i];
            if (wl == 0) {
                continue; // no entry of this row can appear in the result
            }
            generation++;
            int[] wc = bondWeights.col[i];
            long[] wv = bondWeights.val[i];
            int[] bc = bonds.col[i];
            long[] bv = bonds.val[i];
            int bl = bonds.len[i];
            for (int k = 0; k < wl; k++) {
                stamp[wc[k]] = generation; // columns whose α is needed
            }
            // Merge lookup: cursors advance past smaller columns; a value is taken only on an exact
            // column match, so unsorted rows behave exactly as upstream.
            int wp = 0;
            int bp = 0;
            for (int j = 0; j < n; j++) {
                while (wp < wl && wc[wp] < j) {
                    wp++;
                }
                while (bp < bl && bc[bp] < j) {
                    bp++;
                }
                if (stamp[j] == generation) {
                    long w = wp < wl && wc[wp] == j ? wv[wp] : 0;
                    long b = bp < bl && bc[bp] == j ? bv[bp] : 0;
                    alpha[j] = la.alpha(consensus[j], w, b);
                }
            }
            YumaMath.emaAlphaRow(result, i, bondWeights, bonds, alpha, stamp, generation, decayed, decayedStamp);
        }
        return result;
    }

    // ------------------------------------------------------------------ §5.13 Emission

    /** §5.13: split by incentive and dividends, fall back to (active) stake, scale to rao. */
    private void stepEmissionSplit() {
        long[][] shares = EpochCommon.emissionShares(incentive, dividends, activeStake, stake);
        normalizedServer = shares[0];
        normalizedValidator = shares[1];
        normalizedCombined = shares[2];
        serverEmission = EpochCommon.toRao(normalizedServer, in.raoEmission());
        validatorEmission = EpochCommon.toRao(normalizedValidator, in.raoEmission());
        combinedEmission = EpochCommon.toRao(normalizedCombined, in.raoEmission());
    }

    // ------------------------------------------------------------------ §5.14 Storage

    /** §5.14: the q()-converted bond row for every UID with a new permit, an empty row otherwise. */
    private SparseMatrix storedBondsU16() {
        int total = 0;
        for (int i = 0; i < n; i++) {
            total += permitNew[i] ? storedBonds.len[i] : 0;
        }
        SparseMatrix.Builder b = SparseMatrix.builder(n, total);
        for (int i = 0; i < n; i++) {
            if (!permitNew[i]) {
                continue;
            }
            for (int k = 0; k < storedBonds.len[i]; k++) {
                b.add(i, storedBonds.col[i][k], I32F32.toU16Proportion(storedBonds.val[i][k]));
            }
        }
        return b.build();
    }
}
