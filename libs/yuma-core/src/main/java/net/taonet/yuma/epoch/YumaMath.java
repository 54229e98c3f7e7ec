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
                if (s < pivot) {
                    loStake = I32F32.saturatingAdd(loStake, stake[x]);
                    nLower++;
                } else if (s > pivot) {
                    hiStake = I32F32.saturatingAdd(hiStake, stake[x]);
                    nUpper++;
                }
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
        for (int p = 0; p < size; p++) {
            long s = score[off + idx[p]];
            if (lower ? s < pivot : s > pivot) {
                idx[w++] = idx[p];
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
}
