package net.taonet.sdk.builtin.gemm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FreivaldsTest {

    private final GemmBackend naive = new NaiveGemmBackend();
    private final GemmBackend blas = new NetlibGemmBackend(2);

    @ParameterizedTest
    @CsvSource({"1,1,1", "7,5,3", "64,64,64", "256,256,1024", "64,512,4096", "512,256,256"})
    void honestFloat32ProductsPassWhateverTheSummationOrder(int m, int n, int k) {
        long seeds = (long) m * n * k > 10_000_000 ? 1 : 3; // the naive references are slow
        for (long seed = 1; seed <= seeds; seed++) {
            GemmChallenge ch = new GemmChallenge(seed * 7919, m, n, k);
            float[] a = ch.matrixA();
            float[] b = ch.matrixB();
            assertPasses(ch, naive.multiply(m, n, k, a, b));
            assertPasses(ch, blas.multiply(m, n, k, a, b));
            assertPasses(ch, reverseOrderProduct(m, n, k, a, b));
            assertPasses(ch, doubleRoundedProduct(m, n, k, a, b));
        }
    }

    @Test
    void aSingleWrongEntryIsAlwaysCaughtWithEnoughRounds() {
        GemmChallenge ch = new GemmChallenge(99, 256, 256, 1024);
        float[] c = blas.multiply(256, 256, 1024, ch.matrixA(), ch.matrixB());
        SplittableRandom pick = new SplittableRandom(5);
        for (int trial = 0; trial < 20; trial++) {
            float[] wrong = c.clone();
            int idx = pick.nextInt(wrong.length);
            wrong[idx] += Math.max(0.02f, Math.abs(wrong[idx]) * 0.01f); // 1% off (typical |C| is about 10)
            assertThat(Freivalds.verify(ch, wrong, Freivalds.DEFAULT_ROUNDS, new SplittableRandom(trial)).ok())
                    .as("trial %d, entry %d", trial, idx).isFalse();
        }
    }

    /**
     * A single wrong entry (i, j) is caught exactly when a round draws r_j = 1: with t rounds it slips through
     * with probability 2^-t. 4000 trials: the observed miss rate must be within 5 standard deviations.
     */
    @ParameterizedTest
    @CsvSource({"1", "2", "3"})
    void aSingleWrongEntrySlipsThroughWithProbabilityTwoToTheMinusRounds(int rounds) {
        int m = 8;
        int n = 8;
        int k = 8;
        GemmChallenge ch = new GemmChallenge(3, m, n, k);
        float[] a = ch.matrixA();
        float[] b = ch.matrixB();
        float[] c = naive.multiply(m, n, k, a, b);
        SplittableRandom pick = new SplittableRandom(11);
        int trials = 4000;
        int missed = 0;
        for (int trial = 0; trial < trials; trial++) {
            float[] wrong = c.clone();
            wrong[pick.nextInt(wrong.length)] += 1.0f;
            if (Freivalds.verify(m, n, k, a, b, wrong, rounds, new SplittableRandom(1000 + trial)).ok()) {
                missed++;
            }
        }
        double p = Math.pow(2, -rounds);
        double sd = Math.sqrt(trials * p * (1 - p));
        assertThat((double) missed).isBetween(trials * p - 5 * sd, trials * p + 5 * sd);
    }

    @Test
    void reducedPrecisionProductsFail() {
        GemmChallenge ch = new GemmChallenge(17, 256, 256, 1024);
        float[] a = ch.matrixA();
        float[] b = ch.matrixB();
        // TF32 inputs (10-bit mantissa) with float32 accumulation: cheaper on tensor cores, not float32.
        float[] tf32 = naive.multiply(256, 256, 1024, truncate(a, 13), truncate(b, 13));
        assertThat(Freivalds.verify(ch, tf32, 4, new SplittableRandom(1)).ok()).isFalse();
        // Skipping a tenth of the inner dimension.
        float[] partial = naive.multiply(256, 256, 920, firstColumns(a, 256, 1024, 920), java.util.Arrays.copyOf(b, 920 * 256));
        assertThat(Freivalds.verify(ch, partial, 4, new SplittableRandom(1)).ok()).isFalse();
    }

    @Test
    void malformedResultsFail() {
        GemmChallenge ch = new GemmChallenge(1, 4, 4, 4);
        float[] c = naive.multiply(4, 4, 4, ch.matrixA(), ch.matrixB());
        assertThat(Freivalds.verify(ch, new float[15], 2, new SplittableRandom(1)).ok()).isFalse();
        float[] nan = c.clone();
        nan[3] = Float.NaN;
        assertThat(Freivalds.verify(ch, nan, 2, new SplittableRandom(1)).detail()).contains("not finite");
        float[] inf = c.clone();
        inf[0] = Float.POSITIVE_INFINITY;
        assertThat(Freivalds.verify(ch, inf, 2, new SplittableRandom(1)).ok()).isFalse();
        assertThat(Freivalds.verify(ch, new float[16], 8, new SplittableRandom(1)).ok()).isFalse();
    }

    private static void assertPasses(GemmChallenge ch, float[] c) {
        Freivalds.Verdict verdict = Freivalds.verify(ch, c, Freivalds.DEFAULT_ROUNDS, new SplittableRandom(42));
        assertThat(verdict.ok()).as(verdict.detail()).isTrue();
    }

    /** Sums the inner dimension backwards: another honest order. */
    private static float[] reverseOrderProduct(int m, int n, int k, float[] a, float[] b) {
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                float s = 0;
                for (int l = k - 1; l >= 0; l--) {
                    s += a[i * k + l] * b[l * n + j];
                }
                c[i * n + j] = s;
            }
        }
        return c;
    }

    /** The best float32 answer: exact-ish in double, rounded once. */
    private static float[] doubleRoundedProduct(int m, int n, int k, float[] a, float[] b) {
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int l = 0; l < k; l++) {
                    s += (double) a[i * k + l] * b[l * n + j];
                }
                c[i * n + j] = (float) s;
            }
        }
        return c;
    }

    private static float[] truncate(float[] values, int dropBits) {
        float[] out = new float[values.length];
        int mask = -1 << dropBits;
        for (int i = 0; i < values.length; i++) {
            out[i] = Float.intBitsToFloat(Float.floatToRawIntBits(values[i]) & mask);
        }
        return out;
    }

    private static float[] firstColumns(float[] a, int rows, int cols, int keep) {
        float[] out = new float[rows * keep];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(a, i * cols, out, i * keep, keep);
        }
        return out;
    }
}
