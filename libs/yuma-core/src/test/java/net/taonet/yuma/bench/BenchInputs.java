package net.taonet.yuma.bench;

import java.util.OptionalInt;

import net.taonet.yuma.BoolVector;
import net.taonet.yuma.EpochInput;
import net.taonet.yuma.Hyperparameters;
import net.taonet.yuma.SparseMatrix;
import net.taonet.yuma.U64Vector;

/**
 * The benchmark epochs of {@code vectors/bench/README.md}, regenerated with its SplitMix64 recipe
 * (the large sizes ship as generators, not inline matrices).
 */
public final class BenchInputs {

    /** One benchmark size. */
    public enum Size {
        N256_V64(256, 64, false, 256064L),
        N1024_V128(1024, 128, false, 1024128L),
        N4096_V256(4096, 256, true, 4096256L),
        N4096_V4096(4096, 4096, false, 40964096L);

        public final int n;
        public final int validators;
        public final boolean minersOnly;
        public final long seed;

        Size(int n, int validators, boolean minersOnly, long seed) {
            this.n = n;
            this.validators = validators;
            this.minersOnly = minersOnly;
            this.seed = seed;
        }
    }

    /** The three bond modes of the benchmark files. */
    public enum Mode {
        Y3LA(true, true), Y3(true, false), CLASSIC(false, false);

        public final boolean yuma3;
        public final boolean liquidAlpha;

        Mode(boolean yuma3, boolean liquidAlpha) {
            this.yuma3 = yuma3;
            this.liquidAlpha = liquidAlpha;
        }
    }

    static final long CB = 10_000_000L;
    static final long RAO = 295_200_000_000L;

    private BenchInputs() {
    }

    /** Hyperparameters shared by every benchmark file, with the mode's bond settings. */
    public static Hyperparameters hyperparameters(Size size, Mode mode) {
        return new Hyperparameters(32767, 65535, 900_000, size.validators, 360, 13_889, mode.yuma3, mode.liquidAlpha,
                45_875, 58_982, 1000, 0, OptionalInt.empty(), true, 0);
    }

    /** Regenerates the inputs of a size (identical for every mode). */
    public static EpochInput input(Size size) {
        SplitMix64 rng = new SplitMix64(size.seed);
        int n = size.n;
        int v = size.validators;
        long[] stake = new long[n];
        long[] bar = new long[n];
        long[] lu = new long[n];
        for (int i = 0; i < n; i++) {
            stake[i] = (i < v ? rng.u(1000, 1_000_000) : rng.u(0, 999)) * 1_000_000_000L;
            long r = rng.u(0, 99);
            if (i >= v && r < 2) {
                bar[i] = CB - rng.u(1, 300);
                lu[i] = bar[i];
            } else {
                bar[i] = rng.u(1, CB - 100_000);
                long q = rng.u(0, 31);
                lu[i] = (i < v && q == 0) ? CB - rng.u(6000, 10_000) : CB - rng.u(1, 4000);
            }
        }
        int first = size.minersOnly ? v : 0;
        int cols = n - first;
        SparseMatrix.Builder w = SparseMatrix.builder(n);
        int[] rowVals = new int[cols];
        for (int i = 0; i < v; i++) {
            for (int c = 0; c < cols; c++) {
                rowVals[c] = (int) rng.u(1, 65_534);
            }
            int k = (int) rng.u(0, cols - 1);
            rowVals[k] = 65_535;
            for (int c = 0; c < cols; c++) {
                w.add(i, first + c, rowVals[c]);
            }
        }
        SparseMatrix.Builder b = SparseMatrix.builder(n);
        for (int i = 0; i < v; i++) {
            for (int c = 0; c < cols; c++) {
                int j = first + c;
                if (j != i) {
                    b.add(i, j, rng.u(0, 65_535));
                }
            }
        }
        boolean[] permit = new boolean[n];
        for (int i = 0; i < v; i++) {
            permit[i] = true;
        }
        return new EpochInput(n, U64Vector.of(stake), w.build(), b.build(), U64Vector.of(lu), U64Vector.of(bar),
                BoolVector.of(permit), CB, RAO, null);
    }

    /** SplitMix64 with 64-bit wrapping arithmetic, as the bench README specifies. */
    static final class SplitMix64 {
        private long s;

        SplitMix64(long seed) {
            s = seed;
        }

        long next() {
            s += 0x9E3779B97F4A7C15L;
            long z = s;
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        /** {@code lo + next() % (hi - lo + 1)}, with an unsigned modulo. */
        long u(long lo, long hi) {
            return lo + Long.remainderUnsigned(next(), hi - lo + 1);
        }
    }
}
