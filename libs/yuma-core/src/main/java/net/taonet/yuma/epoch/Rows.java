package net.taonet.yuma.epoch;

import net.taonet.yuma.SparseMatrix;
import net.taonet.yuma.fixed.I32F32;

/**
 * Mutable working form of a sparse matrix inside one epoch run: per row a column array, a value
 * array (I32F32 bits) and a length. Values may be rewritten in place (normalisation); column
 * arrays are never modified once set, so steps that keep a row's columns share the array. Never
 * shared between runs.
 */
final class Rows {

    final int[][] col;
    final long[][] val;
    final int[] len;

    Rows(int rows) {
        col = new int[rows][];
        val = new long[rows][];
        len = new int[rows];
        for (int i = 0; i < rows; i++) {
            col[i] = EMPTY_COLS;
            val[i] = EMPTY_VALS;
        }
    }

    static final int[] EMPTY_COLS = new int[0];
    static final long[] EMPTY_VALS = new long[0];

    int rows() {
        return len.length;
    }

    /** Replaces row {@code i} with the given arrays (taken, not copied). */
    void set(int i, int[] c, long[] v, int length) {
        col[i] = c;
        val[i] = v;
        len[i] = length;
    }

    /** The rows as an immutable matrix, values as given (I32F32 bits or u16). */
    SparseMatrix toMatrix() {
        int total = 0;
        for (int l : len) {
            total += l;
        }
        SparseMatrix.Builder b = SparseMatrix.builder(rows(), total);
        for (int i = 0; i < rows(); i++) {
            for (int k = 0; k < len[i]; k++) {
                b.add(i, col[i][k], val[i][k]);
            }
        }
        return b.build();
    }

    /** Saturating column sums over columns {@code 0..n-1} (entries with {@code j ≥ n} ignored). */
    long[] columnSums(int n) {
        long[] colSum = new long[n];
        for (int i = 0; i < rows(); i++) {
            int[] c = col[i];
            long[] v = val[i];
            for (int k = 0; k < len[i]; k++) {
                int j = c[k];
                if (j < n) {
                    colSum[j] = I32F32.saturatingAdd(colSum[j], v[k]);
                }
            }
        }
        return colSum;
    }

    /**
     * {@code inplace_col_normalize_sparse}: every entry of a column with a non-zero (saturating)
     * sum is divided by that sum with ⊘; columns {@code ≥ n} are left alone.
     */
    void colNormalize(int n) {
        long[] colSum = columnSums(n);
        double[] hint = new double[n];
        for (int j = 0; j < n; j++) {
            hint[j] = I32F32.reciprocalHint(colSum[j]);
        }
        for (int i = 0; i < rows(); i++) {
            int[] c = col[i];
            long[] v = val[i];
            for (int k = 0; k < len[i]; k++) {
                int j = c[k];
                if (j < n && colSum[j] != 0) {
                    v[k] = I32F32.safeDiv(v[k], colSum[j], hint[j]);
                }
            }
        }
    }

    /** {@code inplace_col_max_upscale_sparse}: divide every entry by its column's maximum (⊘). */
    void colMaxUpscale(int n) {
        long[] colMax = new long[n];
        for (int i = 0; i < rows(); i++) {
            for (int k = 0; k < len[i]; k++) {
                int j = col[i][k];
                if (j < n) {
                    colMax[j] = Math.max(colMax[j], val[i][k]);
                }
            }
        }
        double[] hint = new double[n];
        for (int j = 0; j < n; j++) {
            hint[j] = I32F32.reciprocalHint(colMax[j]);
        }
        for (int i = 0; i < rows(); i++) {
            for (int k = 0; k < len[i]; k++) {
                int j = col[i][k];
                if (j < n && colMax[j] != 0) {
                    val[i][k] = I32F32.safeDiv(val[i][k], colMax[j], hint[j]);
                }
            }
        }
    }
}
