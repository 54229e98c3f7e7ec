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
     */
    public static long expSafe(long z) {
        long safe = z < -CLAMP ? -CLAMP : (z > CLAMP ? CLAMP : z);
        long e = exp(safe);
        if (e == FAILED) {
            return safe <= 0 ? 0 : I32F32.MAX;
        }
        return e;
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
        return I32F32.saturatingDiv(I32F32.ONE, denominator);
    }
}
