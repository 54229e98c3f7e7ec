package net.taonet.yuma.fixed;

import java.math.BigInteger;

/**
 * Signed fixed point with 96 integer and 32 fractional bits (substrate-fixed {@code I96F32}). The
 * epoch uses it for one thing: turning a proportion into a rao amount (spec §5.13,
 * {@code rao(x) = clamp(floor(I96F32(x) ⊗ I96F32(E)), 0, u64::MAX)}), which
 * {@link #proportionOfU64} computes exactly with 128-bit long arithmetic.
 */
public final class I96F32 {

    /** Number of fractional bits. */
    public static final int FRAC_BITS = 32;
    /** Largest value's bits (2^127 - 1). */
    public static final BigInteger MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
    /** Smallest value's bits (-2^127). */
    public static final BigInteger MIN = BigInteger.ONE.shiftLeft(127).negate();

    private I96F32() {
    }

    /** Exact widening of I32F32 bits (same fractional bits). */
    public static BigInteger fromI32F32(long bits) {
        return BigInteger.valueOf(bits);
    }

    /** Exact conversion of an unsigned 64-bit integer carried in a long. */
    public static BigInteger fromU64(long u) {
        return new BigInteger(Long.toUnsignedString(u)).shiftLeft(FRAC_BITS);
    }

    /** Saturating multiply (floor). */
    public static BigInteger saturatingMul(BigInteger a, BigInteger b) {
        BigInteger p = a.multiply(b).shiftRight(FRAC_BITS);
        if (p.bitLength() <= 127) {
            return p;
        }
        return p.signum() < 0 ? MIN : MAX;
    }

    /** {@code saturating_to_num::<u64>}: floor, negative to 0, clamp to u64::MAX (unsigned bits). */
    public static long toU64(BigInteger bits) {
        BigInteger k = bits.shiftRight(FRAC_BITS);
        if (k.signum() < 0) {
            return 0;
        }
        if (k.bitLength() > 64) {
            return -1L;
        }
        return k.longValue();
    }

    /**
     * {@code toU64(saturatingMul(fromI32F32(x), fromU64(amount)))} without BigInteger. The product's
     * bits are {@code x·amount} (the amount is an integer), at most 2^127 in magnitude, so it never
     * saturates; dropping 32 bits and clamping to u64 gives the result.
     */
    public static long proportionOfU64(long xBits, long amount) {
        if (xBits <= 0 || amount == 0) {
            return 0;
        }
        // unsigned 128-bit product of a positive long and an unsigned long
        long hi = Math.multiplyHigh(xBits, amount) + ((amount >> 63) & xBits);
        long lo = xBits * amount;
        if ((hi >>> 32) != 0) {
            return -1L; // u64::MAX
        }
        return (hi << 32) | (lo >>> 32);
    }
}
