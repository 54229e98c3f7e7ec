package net.taonet.sdk.builtin.gemm;

import java.util.random.RandomGenerator;

/**
 * Checks a claimed product C = A·B in O(rounds·(mk + kn + mn)) instead of recomputing it (O(mnk)), after
 * Freivalds (1977): draw r ∈ {0,1}^n uniformly and compare C·r with A·(B·r).
 *
 * <p><b>Probability.</b> In exact arithmetic a wrong C passes one round with probability at most 1/2, so
 * {@code rounds} rounds miss it with probability at most 2^-rounds. A single wrong entry C[i][j] is caught
 * exactly when some round draws r_j = 1: missed with probability exactly 2^-rounds.
 *
 * <p><b>Tolerance.</b> An honest float32 product differs from the exact one by rounding. Per entry that error
 * is about u·‖A_i‖·‖B_j‖ or less (u = 2^-24; blocked and pairwise summation do better, and the errors of
 * different entries are independent), so row i of the check allows
 * <pre>  |(C·r)_i − (A·(B·r))_i| ≤ TAU · ‖A_i‖₂ · sqrt(Σ_j r_j ‖B_:j‖₂²),   TAU = 32·u = 2^-19</pre>
 * a 30-fold margin over honest float32 of any summation order, while a result computed in a lower precision
 * (bfloat16, TF32 inputs) or an entry off by more than the tolerance (about 0.1% of a typical entry for
 * 256×256×1024) fails. The reference side is computed in double from the exact float inputs. Non-finite
 * entries always fail.
 */
public final class Freivalds {

    /** Relative tolerance: 32 units of float32 round-off. */
    public static final double TAU = 0x1.0p-19;
    /** Default rounds: a single wrong entry is missed with probability 2^-16. */
    public static final int DEFAULT_ROUNDS = 16;

    private Freivalds() {
    }

    /** The outcome: {@code ok}, or the first failing row and by how much it missed. */
    public record Verdict(boolean ok, String detail) {
        static final Verdict OK = new Verdict(true, "ok");

        static Verdict fail(String detail) {
            return new Verdict(false, detail);
        }
    }

    /** Verifies C for the challenge, regenerating A and B from its seed. */
    public static Verdict verify(GemmChallenge challenge, float[] c, int rounds, RandomGenerator random) {
        return verify(challenge.m(), challenge.n(), challenge.k(), challenge.matrixA(), challenge.matrixB(), c,
                rounds, random);
    }

    /** Verifies C (m×n) against A (m×k) and B (k×n), all row-major. */
    public static Verdict verify(int m, int n, int k, float[] a, float[] b, float[] c, int rounds,
            RandomGenerator random) {
        if (rounds < 1) {
            throw new IllegalArgumentException("rounds must be >= 1");
        }
        if (c.length != m * n) {
            return Verdict.fail("C has " + c.length + " entries, expected " + (m * n));
        }
        for (int i = 0; i < c.length; i++) {
            if (!Float.isFinite(c[i])) {
                return Verdict.fail("C[" + (i / n) + "][" + (i % n) + "] is not finite");
            }
        }
        double[] rowNorm = new double[m];
        for (int i = 0; i < m; i++) {
            double s = 0;
            int off = i * k;
            for (int l = 0; l < k; l++) {
                s += (double) a[off + l] * a[off + l];
            }
            rowNorm[i] = Math.sqrt(s);
        }
        double[] colNormSq = new double[n];
        for (int l = 0; l < k; l++) {
            int off = l * n;
            for (int j = 0; j < n; j++) {
                colNormSq[j] += (double) b[off + j] * b[off + j];
            }
        }
        boolean[] r = new boolean[n];
        double[] br = new double[k];
        for (int round = 0; round < rounds; round++) {
            double scaleSq = 0;
            for (int j = 0; j < n; j++) {
                r[j] = random.nextBoolean();
                if (r[j]) {
                    scaleSq += colNormSq[j];
                }
            }
            double scale = Math.sqrt(scaleSq);
            for (int l = 0; l < k; l++) {
                double s = 0;
                int off = l * n;
                for (int j = 0; j < n; j++) {
                    if (r[j]) {
                        s += b[off + j];
                    }
                }
                br[l] = s;
            }
            for (int i = 0; i < m; i++) {
                double expected = 0;
                int offA = i * k;
                for (int l = 0; l < k; l++) {
                    expected += a[offA + l] * br[l];
                }
                double actual = 0;
                int offC = i * n;
                for (int j = 0; j < n; j++) {
                    if (r[j]) {
                        actual += c[offC + j];
                    }
                }
                double tolerance = TAU * rowNorm[i] * scale + Double.MIN_NORMAL;
                double diff = Math.abs(actual - expected);
                if (!(diff <= tolerance)) {
                    return Verdict.fail("row " + i + " of round " + round + " is off by " + diff
                            + " (tolerance " + tolerance + ")");
                }
            }
        }
        return Verdict.OK;
    }
}
