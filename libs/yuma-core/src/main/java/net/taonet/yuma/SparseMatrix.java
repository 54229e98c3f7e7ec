package net.taonet.yuma;

import java.util.Arrays;

/**
 * Immutable sparse matrix stored row by row: row {@code i} is an <em>ordered</em> list of
 * {@code (column, value)} entries, exactly as subtensor stores weight and bond rows. Entry order is
 * kept because it is observable (spec §6.5); explicit zero values are kept too.
 *
 * <p>Values are longs so that the same type carries stored u16 rows (weights, bonds) and the I32F32
 * bits of traced intermediates. Storage is compressed-row (one column array, one value array and
 * row offsets) so that a 4096×4096 matrix costs two flat arrays rather than millions of objects.
 */
public final class SparseMatrix {

    private final int[] rowStart; // length rows + 1
    private final int[] cols;
    private final long[] values;

    private SparseMatrix(int[] rowStart, int[] cols, long[] values) {
        this.rowStart = rowStart;
        this.cols = cols;
        this.values = values;
    }

    /** An n-row matrix with every row empty. */
    public static SparseMatrix empty(int rows) {
        return new SparseMatrix(new int[rows + 1], new int[0], new long[0]);
    }

    public int rows() {
        return rowStart.length - 1;
    }

    public int rowLength(int i) {
        return rowStart[i + 1] - rowStart[i];
    }

    /** Column of entry {@code k} of row {@code i}. */
    public int col(int i, int k) {
        return cols[rowStart[i] + k];
    }

    /** Value of entry {@code k} of row {@code i}. */
    public long value(int i, int k) {
        return values[rowStart[i] + k];
    }

    /** Total number of stored entries. */
    public int entryCount() {
        return cols.length;
    }

    /** Columns of row {@code i} (a copy). */
    public int[] rowCols(int i) {
        return Arrays.copyOfRange(cols, rowStart[i], rowStart[i + 1]);
    }

    /** Values of row {@code i} (a copy). */
    public long[] rowValues(int i) {
        return Arrays.copyOfRange(values, rowStart[i], rowStart[i + 1]);
    }

    /**
     * The value at {@code (i, j)} as a lookup by column: the first entry of row {@code i} with
     * column {@code j}, or {@code absent} when there is none.
     */
    public long get(int i, int j, long absent) {
        for (int p = rowStart[i]; p < rowStart[i + 1]; p++) {
            if (cols[p] == j) {
                return values[p];
            }
        }
        return absent;
    }

    /** Starts a builder for a matrix with the given number of rows. */
    public static Builder builder(int rows) {
        return new Builder(rows, 16);
    }

    /** Starts a builder sized for about {@code expectedEntries} entries. */
    public static Builder builder(int rows, int expectedEntries) {
        return new Builder(rows, Math.max(16, expectedEntries));
    }

    /** Builds a matrix row by row, in row order. */
    public static final class Builder {
        private final int rows;
        private final int[] rowStart;
        private int[] cols;
        private long[] values;
        private int size;
        private int currentRow;

        private Builder(int rows, int capacity) {
            this.rows = rows;
            this.rowStart = new int[rows + 1];
            this.cols = new int[capacity];
            this.values = new long[capacity];
        }

        /** Appends an entry to row {@code i}; rows must be filled in non-decreasing order. */
        public Builder add(int i, int col, long value) {
            if (i < currentRow || i >= rows) {
                throw new IllegalArgumentException("rows must be added in order: " + i);
            }
            while (currentRow < i) {
                currentRow++;
                rowStart[currentRow] = size;
            }
            if (size == cols.length) {
                int cap = Math.max(16, size * 2);
                cols = Arrays.copyOf(cols, cap);
                values = Arrays.copyOf(values, cap);
            }
            cols[size] = col;
            values[size] = value;
            size++;
            return this;
        }

        /** Appends a whole row (columns and values of equal length). */
        public Builder addRow(int i, int[] rowCols, long[] rowValues, int length) {
            for (int k = 0; k < length; k++) {
                add(i, rowCols[k], rowValues[k]);
            }
            return this;
        }

        public SparseMatrix build() {
            while (currentRow < rows) {
                currentRow++;
                rowStart[currentRow] = size;
            }
            return new SparseMatrix(rowStart.clone(), size == cols.length ? cols.clone() : Arrays.copyOf(cols, size),
                    size == values.length ? values.clone() : Arrays.copyOf(values, size));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SparseMatrix m && Arrays.equals(rowStart, m.rowStart)
                && Arrays.equals(cols, m.cols) && Arrays.equals(values, m.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(cols) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < rows(); i++) {
            b.append(i == 0 ? "[" : ", [");
            for (int k = 0; k < rowLength(i); k++) {
                b.append(k == 0 ? "" : ", ").append('[').append(col(i, k)).append(", ").append(value(i, k)).append(']');
            }
            b.append(']');
        }
        return b.append(']').toString();
    }
}
