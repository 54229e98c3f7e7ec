package net.taonet.yuma.epoch;

import java.util.Arrays;

import net.taonet.yuma.fixed.I32F32;

/**
 * The vector helpers of subtensor's {@code epoch/math.rs} that the epoch and its unit vectors
 * share, on I32F32 bits. Each keeps the upstream name in its Javadoc so it can be checked against
 * {@code unit_math.json}.
 */
public final class YumaMath {

    private YumaMath() {
    }

    /** Plain (wrapping) sum of a vector, as Rust's {@code Iterator::sum} in a release build. */
    public static long sum(long[] v) {
        long s = 0;
        for (long x : v) {
            s += x;
        }
        return s;
    }

    /**
     * {@code inplace_normalize}: if the plain sum is 0 leave the vector, else divide every entry by
     * it with ⊘. Returns the same array.
     */
    public static long[] normalizeInPlace(long[] v) {
        long s = sum(v);
        if (s == 0) {
            return v;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = I32F32.safeDiv(v[i], s);
        }
        return v;
    }

    /** {@code inplace_normalize_using_sum}: divide by a given sum unless it is 0. */
    public static long[] normalizeUsingSumInPlace(long[] v, long s) {
        if (s == 0) {
            return v;
        }
        for (int i = 0; i < v.length; i++) {
            v[i] = I32F32.safeDiv(v[i], s);
        }
        return v;
    }

    /** Whether every entry is zero ({@code is_zero}). */
    public static boolean isZero(long[] v) {
        for (long x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@code is_topk_nonzero(v, k)}: entries that are non-zero and among the {@code k} largest;
     * ties are resolved by a stable ascending sort, so lower indices are dropped first.
     */
    public static boolean[] topkNonzero(long[] v, int k) {
        int n = v.length;
        boolean[] r = new boolean[n];
        for (int i = 0; i < n; i++) {
            r[i] = v[i] != 0;
        }
        if (n < k) {
            return r;
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(v[a], v[b])); // TimSort: stable
        for (int p = 0; p < n - k; p++) {
            r[order[p]] = false;
        }
        return r;
    }

    /**
     * {@code weighted_median}: deterministic mid-pivot weighted selection over the indices
     * {@code idx[0..size)} (spec §5.6, {@code WMED}). {@code idx} is used as scratch and
     * overwritten. Scores are read as {@code score[scoreOffset + p]}.
     */
    public static long weightedMedian(long[] stake, long[] score, int scoreOffset, int[] idx, int size,
                                      long minority, long lo, long hi) {
        int limit = size;
        int counter = 0;
        while (true) {
            if (size == 0) {
                return 0;
            }
            if (size == 1) {
                return score[scoreOffset + idx[0]];
            }
            long pivot = score[scoreOffset + idx[size >>> 1]];
            long loStake = 0;
            long hiStake = 0;
            int nLower = 0;
            int nUpper = 0;
            for (int p = 0; p < size; p++) {
                int x = idx[p];
                long s = score[scoreOffset + x];
                // branch-free: the comparisons are data-dependent coin flips; adding 0 to a
                // saturating sum leaves it unchanged
                long below = s < pivot ? -1L : 0L;
                long above = s > pivot ? -1L : 0L;
                loStake = I32F32.saturatingAdd(loStake, stake[x] & below);
                hiStake = I32F32.saturatingAdd(hiStake, stake[x] & above);
                nLower -= (int) below;
                nUpper -= (int) above;
            }
            long loBound = I32F32.saturatingAdd(lo, loStake);
            long hiBound = I32F32.saturatingSub(hi, hiStake);
            if (loBound <= minority && minority < hiBound) {
                return pivot;
            } else if (minority < loBound && nLower > 0) {
                size = keep(score, scoreOffset, idx, size, pivot, true);
                hi = loBound;
            } else if (hiBound <= minority && nUpper > 0) {
                size = keep(score, scoreOffset, idx, size, pivot, false);
                lo = hiBound;
            } else {
                return pivot;
            }
            counter++;
            if (counter > limit) {
                return 0;
            }
        }
    }

    /** Stable in-place filter of the partition to the entries below (or above) the pivot. */
    private static int keep(long[] score, int off, int[] idx, int size, long pivot, boolean lower) {
        int w = 0;
        if (lower) {
            for (int p = 0; p < size; p++) {
                int x = idx[p];
                idx[w] = x; // branch-free compaction: always write, advance only on a match
                w += score[off + x] < pivot ? 1 : 0;
            }
        } else {
            for (int p = 0; p < size; p++) {
                int x = idx[p];
                idx[w] = x;
                w += score[off + x] > pivot ? 1 : 0;
            }
        }
        return w;
    }

    /**
     * {@code weighted_median_col} (dense): for every column, the κ-median of the scores of rows
     * with positive stake, stake re-normalised over those rows.
     *
     * @param stake  per-row stake (I32F32 bits)
     * @param score  row-major matrix {@code rows × cols}
     * @param kappa  majority (I32F32 bits)
     */
    public static long[] weightedMedianCol(long[] stake, long[][] score, int cols, long kappa) {
        int rows = stake.length;
        int nv = 0;
        for (long s : stake) {
            if (s > 0) {
                nv++;
            }
        }
        long[] useStake = new long[nv];
        int[] rowOf = new int[nv];
        for (int r = 0, k = 0; r < rows; r++) {
            if (stake[r] > 0) {
                useStake[k] = stake[r];
                rowOf[k++] = r;
            }
        }
        long[] median = new long[cols];
        if (nv == 0) {
            return median;
        }
        normalizeInPlace(useStake);
        long stakeSum = sum(useStake);
        long minority = stakeSum - kappa;
        long[] column = new long[nv];
        int[] idx = new int[nv];
        for (int c = 0; c < cols; c++) {
            for (int k = 0; k < nv; k++) {
                column[k] = score[rowOf[k]][c];
                idx[k] = k;
            }
            median[c] = weightedMedian(useStake, column, 0, idx, nv, minority, 0, stakeSum);
        }
        return median;
    }

    /**
     * {@code vec_max_upscale_to_u16}: scale so that the maximum becomes 65535, rounding half away
     * from zero (spec §10.1).
     */
    public static int[] vecMaxUpscaleToU16(long[] vec) {
        int[] out = new int[vec.length];
        if (vec.length == 0) {
            return out;
        }
        long max = Long.MIN_VALUE;
        for (long v : vec) {
            max = Math.max(max, v);
        }
        long u16Max = I32F32.fromInt(65535);
        long threshold = I32F32.fromInt(32768);
        for (int i = 0; i < vec.length; i++) {
            if (max == 0) {
                out[i] = I32F32.toU16(I32F32.saturatingMul(vec[i], u16Max));
                continue;
            }
            long scaled;
            if (max > threshold) {
                scaled = I32F32.saturatingMul(vec[i], I32F32.safeDiv(u16Max, max));
            } else {
                scaled = I32F32.safeDiv(I32F32.saturatingMul(vec[i], u16Max), max);
            }
            out[i] = I32F32.toU16(roundHalfAwayFromZero(scaled));
        }
        return out;
    }

    /** {@code vec_u16_max_upscale_to_u16}: the same on u16 inputs converted to I32F32 integers. */
    public static int[] vecU16MaxUpscaleToU16(int[] vec) {
        long[] fixed = new long[vec.length];
        for (int i = 0; i < vec.length; i++) {
            fixed[i] = I32F32.fromInt(vec[i]);
        }
        return vecMaxUpscaleToU16(fixed);
    }

    /** Rounds I32F32 bits to an integer value (bits), halves away from zero; saturating. */
    static long roundHalfAwayFromZero(long bits) {
        if (bits >= 0) {
            long r = I32F32.saturatingAdd(bits, I32F32.HALF);
            return r & ~((1L << I32F32.FRAC_BITS) - 1);
        }
        long r = I32F32.saturatingSub(bits, I32F32.HALF);
        // toward zero for negatives: ceil of (bits - 0.5)
        long floor = r & ~((1L << I32F32.FRAC_BITS) - 1);
        return floor == r ? r : floor + I32F32.ONE;
    }

    // ------------------------------------------------------------------ sparse matrix helpers

    /** {@code inplace_row_normalize_sparse} on one row: divide by the row sum if it is positive. */
    public static void rowNormalizeSparse(long[] v, int m) {
        long sum = 0;
        for (int k = 0; k < m; k++) {
            sum += v[k];
        }
        if (sum > 0) {
            double hint = I32F32.reciprocalHint(sum);
            for (int k = 0; k < m; k++) {
                v[k] = I32F32.safeDiv(v[k], sum, hint);
            }
        }
    }

    /**
     * {@code weighted_median_col_sparse}: per column, the κ-median over rows with positive stake
     * (absent entries read as 0). Scores go into a column-major {@code columns × |V|} table so each
     * column's selection scans contiguous memory.
     */
    static long[] weightedMedianColSparse(long[] stake, Rows score, int columns, long majority) {
        long[] median = new long[columns];
        int nv = 0;
        for (long s : stake) {
            if (s > 0) {
                nv++;
            }
        }
        if (nv == 0) {
            return median;
        }
        long[] useStake = new long[nv];
        int[] rowOf = new int[nv];
        for (int i = 0, k = 0; i < stake.length; i++) {
            if (stake[i] > 0) {
                useStake[k] = stake[i];
                rowOf[k++] = i;
            }
        }
        normalizeInPlace(useStake);
        long stakeSum = sum(useStake);
        long minority = I32F32.saturatingSub(stakeSum, majority);
        long[] table = new long[Math.multiplyExact(columns, nv)];
        for (int k = 0; k < nv; k++) {
            int i = rowOf[k];
            if (i >= score.rows()) {
                continue;
            }
            int[] c = score.col[i];
            long[] v = score.val[i];
            for (int p = 0; p < score.len[i]; p++) {
                if (c[p] < columns) {
                    table[c[p] * nv + k] = v[p]; // a later duplicate overwrites, as upstream
                }
            }
        }
        // Normalised stakes are non-negative and sum to at most 1, so no partial sum of them can
        // saturate and WeightedMedian may use plain additions.
        WeightedMedian selection = new WeightedMedian(nv);
        for (int j = 0; j < columns; j++) {
            median[j] = selection.select(useStake, table, j * nv, minority, stakeSum);
        }
        return median;
    }

    /**
     * {@code col_clip_sparse}: entries above their column's threshold become the threshold, or are
     * dropped when the threshold is not positive. Returns new rows.
     */
    static Rows colClipSparse(Rows w, long[] threshold) {
        Rows out = new Rows(w.rows());
        for (int i = 0; i < w.rows(); i++) {
            int m = w.len[i];
            if (m == 0) {
                continue;
            }
            int[] c = new int[m];
            long[] v = new long[m];
            int kept = 0;
            for (int k = 0; k < m; k++) {
                int j = w.col[i][k];
                long x = w.val[i][k];
                long t = threshold[j];
                if (x > t) {
                    if (t <= 0) {
                        continue;
                    }
                    x = t;
                }
                c[kept] = j;
                v[kept++] = x;
            }
            // nothing dropped: the clipped row has the same columns, share them
            out.set(i, kept == m ? w.col[i] : c, v, kept);
        }
        return out;
    }

    /**
     * {@code interpolate_sparse(a, b, columns, ratio)}: {@code a} itself for ratio 0, {@code b} for
     * ratio 1, else per row {@code a ⊕ ratio ⊗ (b ⊖ a)} over densified rows, keeping positive
     * results in column order.
     */
    static Rows interpolateSparse(Rows a, Rows b, int columns, long ratio) {
        if (ratio == 0) {
            return a;
        }
        if (ratio == I32F32.ONE) {
            return b;
        }
        Rows out = new Rows(a.rows());
        long[] row1 = new long[columns];
        long[] row2 = new long[columns];
        for (int i = 0; i < a.rows(); i++) {
            Arrays.fill(row1, 0);
            Arrays.fill(row2, 0);
            for (int k = 0; k < a.len[i]; k++) {
                row1[a.col[i][k]] = a.val[i][k];
            }
            for (int k = 0; k < b.len[i]; k++) {
                row2[b.col[i][k]] = b.val[i][k];
            }
            int[] c = new int[columns];
            long[] v = new long[columns];
            int m = 0;
            for (int j = 0; j < columns; j++) {
                long x = I32F32.saturatingAdd(row1[j], I32F32.saturatingMul(ratio, I32F32.saturatingSub(row2[j], row1[j])));
                if (x > 0) {
                    c[m] = j;
                    v[m++] = x;
                }
            }
            out.set(i, Arrays.copyOf(c, m), Arrays.copyOf(v, m), m);
        }
        return out;
    }

    /**
     * {@code mat_ema_sparse}: per row a dense accumulator of {@code α ⊗ new ⊕ (1 ⊖ α) ⊗ old}
     * over columns {@code 0..n-1}; positive results are kept in column order.
     */
    static Rows emaSparse(Rows fresh, Rows old, long alpha, int n) {
        long oneMinusAlpha = I32F32.saturatingSub(I32F32.ONE, alpha);
        Rows result = new Rows(fresh.rows());
        long[] acc = new long[n];
        for (int i = 0; i < fresh.rows(); i++) {
            if (fresh.len[i] == 0 && old.len[i] == 0) {
                continue;
            }
            Arrays.fill(acc, 0);
            for (int k = 0; k < fresh.len[i]; k++) {
                int j = fresh.col[i][k];
                if (j < n) {
                    acc[j] = I32F32.saturatingAdd(acc[j], I32F32.saturatingMul(alpha, fresh.val[i][k]));
                }
            }
            for (int k = 0; k < old.len[i]; k++) {
                int j = old.col[i][k];
                if (j < n) {
                    acc[j] = I32F32.saturatingAdd(acc[j], I32F32.saturatingMul(oneMinusAlpha, old.val[i][k]));
                }
            }
            int count = 0;
            for (int j = 0; j < n; j++) {
                if (acc[j] > 0) {
                    count++;
                }
            }
            int[] c = new int[count];
            long[] v = new long[count];
            for (int j = 0, m = 0; j < n; j++) {
                if (acc[j] > 0) {
                    c[m] = j;
                    v[m++] = acc[j];
                }
            }
            result.set(i, c, v, count);
        }
        return result;
    }

    /**
     * {@code mat_ema_alpha_sparse} with a full per-entry α matrix (rows × n): old bonds decay by
     * {@code 1 ⊖ α}, each new entry adds {@code max(α ⊗ w, 0)}, clamped to 1; only columns present
     * in the new row survive.
     */
    static Rows emaAlphaSparse(Rows fresh, Rows old, long[][] alpha) {
        int rows = fresh.rows();
        int n = rows; // upstream assumes a square matrix
        Rows result = new Rows(rows);
        int[] stamp = new int[n];
        long[] decayed = new long[n];
        int[] decayedStamp = new int[n];
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < fresh.len[i]; k++) {
                if (fresh.col[i][k] < n) {
                    stamp[fresh.col[i][k]] = i + 1;
                }
            }
            emaAlphaRow(result, i, fresh, old, alpha[i], stamp, i + 1, decayed, decayedStamp);
        }
        return result;
    }

    /**
     * One row of {@code mat_ema_alpha_sparse}. {@code alpha[j]} must be valid for every column
     * {@code j} with {@code stamp[j] == generation} (the columns of the new row); the decayed
     * values of other columns are never read, so they are not computed.
     */
    static void emaAlphaRow(Rows result, int i, Rows fresh, Rows old, long[] alpha, int[] stamp, int generation,
                            long[] decayed, int[] decayedStamp) {
        int n = stamp.length;
        int[] bc = old.col[i];
        long[] bv = old.val[i];
        for (int k = 0; k < old.len[i]; k++) {
            int j = bc[k];
            if (j < n && stamp[j] == generation) {
                // a later duplicate column overwrites, as upstream
                decayed[j] = I32F32.saturatingMul(I32F32.saturatingSub(I32F32.ONE, alpha[j]), bv[k]);
                decayedStamp[j] = generation;
            }
        }
        int wl = fresh.len[i];
        int[] wc = fresh.col[i];
        long[] wv = fresh.val[i];
        int[] c = new int[wl];
        long[] v = new long[wl];
        int m = 0;
        for (int k = 0; k < wl; k++) {
            int j = wc[k];
            if (j >= n) {
                continue;
            }
            long dec = decayedStamp[j] == generation ? decayed[j] : 0;
            long buy = Math.max(I32F32.saturatingMul(alpha[j], wv[k]), 0);
            long x = Math.min(I32F32.saturatingAdd(dec, buy), I32F32.ONE);
            if (x > 0) {
                c[m] = j;
                v[m++] = x;
            }
        }
        result.set(i, c, v, m);
    }

    // ------------------------------------------------------------------ dense matrix helpers

    /** {@code inplace_row_normalize}: rows with a positive sum are divided by it (⊘). */
    static void rowNormalizeDense(long[][] m) {
        for (long[] row : m) {
            rowNormalizeSparse(row, row.length);
        }
    }

    /** {@code inplace_col_normalize}: columns with a non-zero (saturating) sum are divided by it. */
    static void colNormalizeDense(long[][] m) {
        if (m.length == 0) {
            return;
        }
        int cols = m[0].length;
        long[] sums = new long[cols];
        for (long[] row : m) {
            for (int j = 0; j < cols; j++) {
                sums[j] = I32F32.saturatingAdd(sums[j], row[j]);
            }
        }
        for (long[] row : m) {
            for (int j = 0; j < cols; j++) {
                if (sums[j] != 0) {
                    row[j] = I32F32.safeDiv(row[j], sums[j]);
                }
            }
        }
    }

    /** {@code inplace_col_max_upscale}: columns with a non-zero maximum are divided by it. */
    static void colMaxUpscaleDense(long[][] m) {
        if (m.length == 0) {
            return;
        }
        int cols = m[0].length;
        long[] max = new long[cols];
        for (long[] row : m) {
            for (int j = 0; j < cols; j++) {
                max[j] = Math.max(max[j], row[j]);
            }
        }
        for (long[] row : m) {
            for (int j = 0; j < cols; j++) {
                if (max[j] != 0) {
                    row[j] = I32F32.safeDiv(row[j], max[j]);
                }
            }
        }
    }

    /** {@code inplace_col_clip}: cells above their column's threshold become the threshold. */
    static long[][] colClipDense(long[][] m, long[] threshold) {
        long[][] out = new long[m.length][];
        for (int i = 0; i < m.length; i++) {
            long[] row = m[i].clone();
            for (int j = 0; j < row.length; j++) {
                if (row[j] > threshold[j]) {
                    row[j] = threshold[j];
                }
            }
            out[i] = row;
        }
        return out;
    }

    /** {@code interpolate}: {@code a} for ratio 0, {@code b} for ratio 1, else {@code a ⊕ r ⊗ (b ⊖ a)}. */
    static long[][] interpolateDense(long[][] a, long[][] b, long ratio) {
        if (ratio == 0) {
            return a;
        }
        if (ratio == I32F32.ONE) {
            return b;
        }
        long[][] out = new long[a.length][];
        for (int i = 0; i < a.length; i++) {
            out[i] = new long[a[i].length];
            for (int j = 0; j < a[i].length; j++) {
                out[i][j] = I32F32.saturatingAdd(a[i][j], I32F32.saturatingMul(ratio, I32F32.saturatingSub(b[i][j], a[i][j])));
            }
        }
        return out;
    }

    /** {@code mat_ema}: {@code α ⊗ new ⊕ (1 ⊖ α) ⊗ old} per cell. */
    static long[][] emaDense(long[][] fresh, long[][] old, long alpha) {
        long oneMinusAlpha = I32F32.saturatingSub(I32F32.ONE, alpha);
        long[][] r = new long[fresh.length][];
        for (int i = 0; i < fresh.length; i++) {
            r[i] = new long[fresh[i].length];
            for (int j = 0; j < fresh[i].length; j++) {
                r[i][j] = I32F32.saturatingAdd(I32F32.saturatingMul(alpha, fresh[i][j]),
                        I32F32.saturatingMul(oneMinusAlpha, old[i][j]));
            }
        }
        return r;
    }

    /** {@code mat_ema_alpha}: {@code min((1 ⊖ α) ⊗ old ⊕ max(α ⊗ new, 0), 1)} per cell. */
    static long[][] emaAlphaDense(long[][] fresh, long[][] old, long[][] alpha) {
        long[][] r = new long[fresh.length][];
        for (int i = 0; i < fresh.length; i++) {
            r[i] = new long[fresh[i].length];
            for (int j = 0; j < fresh[i].length; j++) {
                long a = alpha[i][j];
                long dec = I32F32.saturatingMul(I32F32.saturatingSub(I32F32.ONE, a), old[i][j]);
                long buy = Math.max(I32F32.saturatingMul(a, fresh[i][j]), 0);
                r[i][j] = Math.min(I32F32.saturatingAdd(dec, buy), I32F32.ONE);
            }
        }
        return r;
    }
}
