package net.taonet.yuma.epoch;

import net.taonet.yuma.Hyperparameters;
import net.taonet.yuma.fixed.FixedExp;
import net.taonet.yuma.fixed.I32F32;

/**
 * Liquid alpha (spec §5.12, subtensor's {@code alpha_sigmoid}): the per-entry EMA rate, a logistic
 * of how far a weight sits above consensus (buying) or a bond above its weight (selling).
 *
 * <p>This is the epoch's hot spot: one library {@code exp} (a 30-term fixed-point series) per bond
 * entry. Two bit-exact shortcuts:
 * <ul>
 *   <li>the rate depends on the inputs only through the clamped difference {@code d}, and the
 *       common {@code d = 0} is evaluated once per epoch;</li>
 *   <li>the series result is bracketed with {@link Math#exp} and a proven bound on the error of
 *       the floored series ({@link #slack}); the rate is a monotone function of that result, so
 *       when both ends of the bracket give the same rate, that rate is the exact one. Only the
 *       undecided cases (a bracket straddling a step of the rate) evaluate the series.</li>
 * </ul>
 */
final class LiquidAlpha {

    private static final long UNDECIDED = Long.MIN_VALUE;
    private static final long CLAMP = 20L << I32F32.FRAC_BITS;
    /** Largest |z| the bracket handles; beyond it the series runs (liquid alpha keeps |z| ≤ 5 at the default steepness). */
    private static final double BRACKET_LIMIT = 8.0;
    private static final int SLACK_STEPS_PER_UNIT = 16;
    /** Upper bounds of {@code e^x·2^32 − series(x)} in bits, per 1/16 of x; read-only after class init. */
    private static final double[] SLACK = slackTable();
    /** Relative safety margin for the floating-point steps of the bracket (their error is below 2^-50). */
    private static final double REL = 0x1p-45;

    private final long low;
    private final long high;
    private final long range;
    private final long slope;
    private final long alphaAtZero;

    private LiquidAlpha(long low, long high, long slope) {
        this.low = low;
        this.high = high;
        this.range = I32F32.saturatingSub(high, low);
        this.slope = slope;
        this.alphaAtZero = exactAlpha(zOf(0));
    }

    static LiquidAlpha of(Hyperparameters hp) {
        long low = I32F32.fromU16Proportion(hp.alphaLow());
        long high = I32F32.fromU16Proportion(hp.alphaHigh());
        long steepness = I32F32.fromInt(hp.alphaSigmoidSteepness());
        long slope = I32F32.saturatingDiv(steepness, I32F32.fromInt(-100));
        return new LiquidAlpha(low, high, slope);
    }

    /** α for consensus {@code c}, bond weight {@code w} and old bond {@code b} (I32F32 bits). */
    long alpha(long c, long w, long b) {
        long d;
        if (w >= b) {
            d = I32F32.clamp(I32F32.saturatingSub(w, c), 0, I32F32.ONE); // buying
        } else {
            d = I32F32.clamp(I32F32.saturatingSub(b, w), 0, I32F32.ONE); // selling
        }
        return d == 0 ? alphaAtZero : alphaForDifference(d);
    }

    /** {@code clamp(αl ⊕ σ ⊗ (αh ⊖ αl), αl, αh)}, {@code σ = 1 ÷ₛ (1 ⊕ exp_safe(k/−100 ⊗ (d ⊖ ½)))}. */
    long alphaForDifference(long d) {
        long z = zOf(d);
        long decided = bracketedAlpha(z);
        return decided != UNDECIDED ? decided : exactAlpha(z);
    }

    private long zOf(long d) {
        return I32F32.saturatingMul(slope, I32F32.saturatingSub(d, I32F32.HALF));
    }

    /** The definition, evaluated step by step. */
    long exactAlpha(long z) {
        return alphaFromSigma(I32F32.oneOver(I32F32.saturatingAdd(I32F32.ONE, FixedExp.expSafe(z))));
    }

    private long alphaFromSigma(long sigma) {
        return I32F32.clamp(I32F32.saturatingAdd(low, I32F32.saturatingMul(sigma, range)), low, high);
    }

    /**
     * α when a bracket of {@code exp_safe(z)} decides it, else {@link #UNDECIDED}.
     *
     * <p>For {@code x = |z| > 0} the library sums {@code 1 + x + Σ term_i} with floored terms, so its
     * result R satisfies {@code e^x·2^32 − slack(x) ≤ R ≤ e^x·2^32} (the true partial sum is below
     * e^x, the truncated tail and the floors' losses are in {@link #slack}). For z < 0 the result is
     * {@code trunc(2^64/R)}. σ is decreasing in the exp result and α non-decreasing in σ (or
     * constant), so equal α at the two σ bounds is the exact α.
     */
    long bracketedAlpha(long z) {
        long zc = z < -CLAMP ? -CLAMP : (z > CLAMP ? CLAMP : z);
        if (zc == 0 || zc == I32F32.ONE) {
            return UNDECIDED; // the library returns constants there
        }
        double x = Math.abs(zc) * 0x1p-32; // exact: |zc| < 2^37
        if (x > BRACKET_LIMIT) {
            return UNDECIDED;
        }
        double s = Math.exp(x) * 0x1p32; // within one ulp of e^x·2^32
        double rLo = s * (1 - REL) - SLACK[(int) Math.ceil(x * SLACK_STEPS_PER_UNIT)];
        double rHi = s * (1 + REL);
        double eLo;
        double eHi;
        if (zc > 0) {
            eLo = rLo;
            eHi = rHi;
        } else {
            eLo = Math.floor(0x1p64 / rHi * (1 - REL));
            eHi = Math.floor(0x1p64 / rLo * (1 + REL));
        }
        long sigmaLo = (long) Math.floor(0x1p64 / (0x1p32 + eHi) * (1 - REL));
        long sigmaHi = (long) Math.floor(0x1p64 / (0x1p32 + eLo) * (1 + REL));
        long a = alphaFromSigma(sigmaLo);
        return a == alphaFromSigma(sigmaHi) ? a : UNDECIDED;
    }

    /**
     * {@code slack(x)} at the upper end of each 1/16 step of x (the bound grows with x): the error
     * of the floored terms, {@code δ_i ≤ min(δ_{i-1}·x/i + 1 + 1/i, x^i/i!·2^32)} summed over
     * i = 2..31, plus the Taylor tail beyond i = 31, plus a margin.
     */
    private static double[] slackTable() {
        int steps = (int) (BRACKET_LIMIT * SLACK_STEPS_PER_UNIT) + 1;
        double[] table = new double[steps];
        for (int k = 0; k < steps; k++) {
            double x = (double) k / SLACK_STEPS_PER_UNIT;
            double delta = 0;
            double term = 0x1p32 * x; // x^1/1!·2^32
            double total = 0;
            for (int i = 2; i <= 31; i++) {
                term = term * x / i;
                delta = Math.min(delta * x / i + 1 + 1.0 / i, term);
                total += delta;
            }
            double tail = term * x / 32 / (1 - x / 33); // Σ_{i≥32} x^i/i!·2^32, geometric bound
            table[k] = (total + tail) * 1.01 + 4;
        }
        return table;
    }
}
