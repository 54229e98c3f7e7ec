package net.taonet.yuma.fixed;

import java.math.BigInteger;

/**
 * Signed fixed point with 64 integer and 64 fractional bits (substrate-fixed {@code I64F64}),
 * carried as {@link BigInteger} bits in [-2^127, 2^127). The epoch uses it only O(n) times (raw
 * stake, its normalisation, the bonds moving average), so clarity wins over speed here; the one
 * O(n) step on the hot path has an exact long-arithmetic shortcut, {@link #integerRatioToI32F32}.
 */
public final class I64F64 {

    /** Number of fractional bits. */
    public static final int FRAC_BITS = 64;
    /** Largest value's bits (2^127 - 1). */
    public static final BigInteger MAX = BigInteger.ONE.shiftLeft(127).subtract(BigInteger.ONE);
    /** Smallest value's bits (-2^127). */
    public static final BigInteger MIN = BigInteger.ONE.shiftLeft(127).negate();
    /** Bits of zero. */
    public static final BigInteger ZERO = BigInteger.ZERO;

    private static final BigInteger MOD = BigInteger.ONE.shiftLeft(128);

    private I64F64() {
    }

    /** Exact, saturating conversion of an unsigned 64-bit integer (carried in a long). */
    public static BigInteger fromU64(long u) {
        return saturate(new BigInteger(Long.toUnsignedString(u)).shiftLeft(FRAC_BITS));
    }

    /** Plain (wrapping, as in a release build) addition. */
    public static BigInteger wrappingAdd(BigInteger a, BigInteger b) {
        return wrap(a.add(b));
    }

    /** Safe divide ⊘: truncated quotient; 0 on a zero divisor or when the quotient does not fit. */
    public static BigInteger safeDiv(BigInteger a, BigInteger b) {
        if (b.signum() == 0) {
            return ZERO;
        }
        BigInteger q = a.shiftLeft(FRAC_BITS).divide(b);
        return fits(q) ? q : ZERO;
    }

    /** Conversion to I32F32: drop 32 fractional bits (floor), saturate to I32F32's range. */
    public static long toI32F32(BigInteger bits) {
        return I32F32.saturate(bits.shiftRight(FRAC_BITS - I32F32.FRAC_BITS));
    }

    /**
     * {@code floor} to u64 with saturation ({@code saturating_to_num::<u64>}); returned as unsigned
     * bits in a long.
     */
    public static long floorToU64(BigInteger bits) {
        BigInteger k = bits.shiftRight(FRAC_BITS);
        if (k.signum() < 0) {
            return 0;
        }
        if (k.bitLength() > 64) {
            return -1L;
        }
        return k.longValue();
    }

    /** Exact conversion of an integer. */
    public static BigInteger fromInt(long k) {
        return saturate(BigInteger.valueOf(k).shiftLeft(FRAC_BITS));
    }

    /**
     * {@code toI32F32(safeDiv(fromU64(num), fromU64(den)))} for {@code 0 ≤ num ≤ den < 2^63}, in
     * long arithmetic: with both operands multiples of 2^64 the I64F64 quotient is
     * {@code trunc(num·2^64/den)} and dropping 32 bits gives {@code floor(num·2^32/den)}.
     */
    public static long integerRatioToI32F32(long num, long den) {
        if (den <= 0 || num < 0 || num > den) {
            throw new IllegalArgumentException("requires 0 <= num <= den < 2^63, den > 0");
        }
        return I32F32.divideUnsigned128(num >>> 32, num << 32, den);
    }

    private static boolean fits(BigInteger bits) {
        return bits.bitLength() <= 127;
    }

    private static BigInteger saturate(BigInteger bits) {
        if (fits(bits)) {
            return bits;
        }
        return bits.signum() < 0 ? MIN : MAX;
    }

    private static BigInteger wrap(BigInteger bits) {
        BigInteger m = bits.mod(MOD);
        return m.testBit(127) ? m.subtract(MOD) : m;
    }
}
