package net.taonet.yuma.fixed;

/**
 * The exponential used by liquid alpha, bit-exact with substrate-fixed v0.6.0's {@code exp} for
 * I32F32 and subtensor's {@code exp_safe}/{@code sigmoid_safe} (spec §1.5).
 *
 * <p>The library evaluates a Taylor series whose every term is floored/truncated, so the result is
 * not the correctly rounded exponential and {@link Math#exp} cannot replace it. What is exploited
 * instead: all operands are non-negative after the sign is split off, so floor and truncation
 * coincide, and once a term reaches zero every later term is zero too and the sum is final.
 */
public final class FixedExp {

    /** The library's e, stored with 23 fractional bits (22 802 600 / 2^23), as I32F32 bits. */
    public static final long E_BITS = 22_802_600L << 9;

    private static final long CLAMP = 20L << I32F32.FRAC_BITS;
    /** Number of series iterations: i = 2 .. FRAC_NBITS-1. */
    private static final int LAST_TERM = I32F32.FRAC_BITS - 1;

    private FixedExp() {
    }

    /**
     * {@code exp_safe}: clamp to [-20, 20], evaluate {@link #exp}; on failure 0 for non-positive
     * input, else I32F32::MAX.
     *
     * <p>Within [-20, 20] the library's checked operations never fail: the largest term is
     * 20^20/20! ≈ 4.3·10^7 (bits below 2^58), so {@code term·z} stays below 2^95 and its floored
     * quotient by 2^32 below 2^63, and the sum stays below e^20·2^32 < 2^61. The failure branch of
     * {@code exp_safe} is therefore dead and {@link #seriesPositive} can skip the checks.
     */
    public static long expSafe(long z) {
        long safe = z < -CLAMP ? -CLAMP : (z > CLAMP ? CLAMP : z);
        if (safe == 0) {
            return I32F32.ONE;
        }
        if (safe == I32F32.ONE) {
            return E_BITS;
        }
        if (safe > 0) {
            return seriesPositive(safe);
        }
        // the library computes exp(|z|) and returns 1 ÷ it (checked; the sum is at least 1)
        return I32F32.oneOver(seriesPositive(-safe));
    }

    /**
     * {@code 1 + x + Σ_{i=2}^{31} term_i} with {@code term_i = (term_{i-1} ⊗ x) ÷ i}, for
     * {@code 0 < x ≤ 20} (bits). Unrolled so every divisor is a constant, which the JIT turns into
     * a multiplication; the early returns are exact because a zero term stays zero.
     */
    static long seriesPositive(long x) {
        long r = x + I32F32.ONE;
        long t = x;
        t = floorMul(t, x) / 2;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 3;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 4;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 5;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 6;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 7;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 8;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 9;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 10;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 11;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 12;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 13;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 14;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 15;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 16;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 17;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 18;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 19;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 20;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 21;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 22;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 23;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 24;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 25;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 26;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 27;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 28;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 29;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 30;
        if (t == 0) {
            return r;
        }
        r += t;
        t = floorMul(t, x) / 31;
        r += t;
        return r;
    }

    /** Floored product of non-negative bits whose result is known to fit. */
    private static long floorMul(long a, long b) {
        return (Math.multiplyHigh(a, b) << I32F32.FRAC_BITS) | ((a * b) >>> I32F32.FRAC_BITS);
    }

    /** Returned by {@link #exp} when an intermediate overflows (no valid result equals it). */
    public static final long FAILED = Long.MIN_VALUE;

    /**
     * substrate-fixed {@code exp} for I32F32 (checked arithmetic). Returns {@link #FAILED} where the
     * library returns an error.
     */
    public static long exp(long z) {
        if (z == 0) {
            return I32F32.ONE;
        }
        if (z == I32F32.ONE) {
            return E_BITS;
        }
        boolean negative = z < 0;
        if (negative) {
            if (z == Long.MIN_VALUE) {
                return FAILED; // negation overflows
            }
            z = -z;
        }
        long result = z + I32F32.ONE;
        if (result < 0) {
            return FAILED;
        }
        long term = z;
        for (int i = 2; i <= LAST_TERM; i++) {
            if (I32F32.mulOverflows(term, z)) {
                return FAILED;
            }
            // term and z are non-negative: the floored product and truncated quotient agree with
            // a single floor(term·z / (i·2^32)); the two steps are kept to mirror the library.
            term = I32F32.mulUnchecked(term, z) / i;
            if (term == 0) {
                break; // every later term is 0 as well
            }
            result += term;
            if (result < 0) {
                return FAILED;
            }
        }
        if (negative) {
            return I32F32.checkedDivOr(I32F32.ONE, result, FAILED);
        }
        return result;
    }

    /**
     * subtensor's {@code sigmoid_safe(x, rho, kappa) = 1 ÷ₛ (1 ⊕ exp_safe((rho ⊗ -1) ⊗ (x ⊖ kappa)))}.
     */
    public static long sigmoidSafe(long x, long rho, long kappa) {
        long offset = I32F32.saturatingSub(x, kappa);
        long negRho = I32F32.saturatingMul(rho, -I32F32.ONE);
        long expInput = I32F32.saturatingMul(negRho, offset);
        long denominator = I32F32.saturatingAdd(expSafe(expInput), I32F32.ONE);
        return I32F32.oneOver(denominator);
    }
}
