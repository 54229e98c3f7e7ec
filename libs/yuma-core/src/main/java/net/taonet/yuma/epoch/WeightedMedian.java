package net.taonet.yuma.epoch;

/**
 * {@code weighted_median} over all {@code nv} entries of a column, for stakes that are
 * non-negative with a total that fits: then no partial sum saturates and plain additions give the
 * saturating result. Same selection as {@link YumaMath#weightedMedian} (mid-pivot by position,
 * stable partitions, iteration limit); each round partitions into both candidate halves in one
 * branch-free pass instead of summing first and filtering after. Reuses its buffers across
 * columns; one instance per epoch run.
 */
final class WeightedMedian {

    // three distinct buffers: the current partition and the two candidate halves
    private int[] current;
    private int[] lower;
    private int[] upper;

    WeightedMedian(int capacity) {
        current = new int[capacity];
        lower = new int[capacity];
        upper = new int[capacity];
    }

    /** The κ-median of {@code score[off .. off+nv)} weighted by {@code stake}. */
    long select(long[] stake, long[] score, int off, long minority, long stakeSum) {
        int size = stake.length;
        int[] p = current;
        for (int k = 0; k < size; k++) {
            p[k] = k;
        }
        long lo = 0;
        long hi = stakeSum;
        int limit = size;
        int counter = 0;
        while (true) {
            if (size == 0) {
                return 0;
            }
            if (size == 1) {
                return score[off + p[0]];
            }
            long pivot = score[off + p[size >>> 1]];
            long loStake = 0;
            long hiStake = 0;
            int nLower = 0;
            int nUpper = 0;
            int[] l = lower;
            int[] u = upper;
            for (int q = 0; q < size; q++) {
                int x = p[q];
                long s = score[off + x];
                long st = stake[x];
                // always store, advance only on a match: no data-dependent branches
                l[nLower] = x;
                u[nUpper] = x;
                int isLower = s < pivot ? 1 : 0;
                int isUpper = s > pivot ? 1 : 0;
                loStake += st & -isLower;
                hiStake += st & -isUpper;
                nLower += isLower;
                nUpper += isUpper;
            }
            long loBound = lo + loStake;
            long hiBound = hi - hiStake;
            if (loBound <= minority && minority < hiBound) {
                return pivot;
            } else if (minority < loBound && nLower > 0) {
                // rotate buffers; the three fields always hold three distinct arrays
                lower = p;
                current = l;
                p = l;
                size = nLower;
                hi = loBound;
            } else if (hiBound <= minority && nUpper > 0) {
                upper = p;
                current = u;
                p = u;
                size = nUpper;
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
}
