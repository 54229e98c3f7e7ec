package net.taonet.yuma.fixed;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Signed fixed point with 32 integer and 32 fractional bits, carried as the raw {@code long} bits
 * (value = bits / 2^32). Semantics follow substrate-fixed v0.6.0 (spec §1.2): products are floored,
 * quotients truncated toward zero, saturating variants clamp to {@link #MIN}/{@link #MAX}.
 *
 * <p>The type is a set of static functions rather than a wrapper object because the epoch performs
 * millions of these operations on {@code long[]} rows; boxing would dominate the run time.
 */
public final class I32F32 {

    /** Number of fractional bits. */
    public static final int FRAC_BITS = 32;
    /** Bits of 1.0. */
    public static final long ONE = 1L << FRAC_BITS;
    /** Bits of 0.5. */
    public static final long HALF = 1L << (FRAC_BITS - 1);
    /** Largest representable value (2^31 - 2^-32). */
    public static final long MAX = Long.MAX_VALUE;
    /** Smallest representable value (-2^31). */
    public static final long MIN = Long.MIN_VALUE;

    private static final long LOW32 = 0xFFFF_FFFFL;
    private static final long U16_MAX_BITS = 65535L << FRAC_BITS;

    private I32F32() {
    }

    // ---------------------------------------------------------------- conversions from integers

    /** Exact integer to fixed conversion, saturating outside [-2^31, 2^31). */
    public static long fromInt(long k) {
        if (k >= (1L << 31)) {
            return MAX;
        }
        if (k < -(1L << 31)) {
            return MIN;
        }
        return k << FRAC_BITS;
    }

    /** Unsigned 64-bit integer (as carried in a {@code long}) to fixed, saturating. */
    public static long fromU64(long u) {
        return u < 0 ? MAX : fromInt(u);
    }

    /**
     * u16 proportion to fixed: {@code I32F32(u) ⊘ I32F32(65535)} = {@code trunc(u·2^32/65535)}
     * (spec §1.4). 65535 maps to exactly 1.0.
     */
    public static long fromU16Proportion(int u) {
        return ((long) u << FRAC_BITS) / 65535L;
    }

    // ---------------------------------------------------------------- conversions to integers

    /**
     * Proportion to u16: {@code q(x) = clamp(floor(x ⊗ 65535), 0, 65535)} (spec §1.4). The multiply
     * is exact when it does not saturate, and saturation clamps to 65535 anyway.
     */
    public static int toU16Proportion(long bits) {
        if (bits <= 0) {
            return 0;
        }
        long hi = Math.multiplyHigh(bits, 65535L);
        if (hi != 0) {
            return 65535;
        }
        long floor = (bits * 65535L) >>> FRAC_BITS;
        return floor >= 65535 ? 65535 : (int) floor;
    }

    /** Saturating conversion to u16: floor, then clamp to [0, 65535]. */
    public static int toU16(long bits) {
        long k = bits >> FRAC_BITS;
        return k < 0 ? 0 : (k > 65535 ? 65535 : (int) k);
    }

    /** Saturating conversion to u64 (returned as unsigned bits): floor, negative to 0. */
    public static long toU64(long bits) {
        return bits < 0 ? 0 : bits >> FRAC_BITS;
    }

    // ---------------------------------------------------------------- floating point (tests, display)

    /** Round-to-nearest-even conversion of a double, as {@code I32F32::from_num(f64)}; saturating. */
    public static long fromDouble(double x) {
        if (Double.isNaN(x)) {
            throw new IllegalArgumentException("NaN");
        }
        if (Double.isInfinite(x)) {
            return x > 0 ? MAX : MIN;
        }
        BigInteger bits = new BigDecimal(x).multiply(BigDecimal.valueOf(ONE))
                .setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
        return saturate(bits);
    }

    /**
     * Conversion of an f32 literal: first rounded to binary32, then to fixed (spec §1.1:
     * {@code 0.1f32} gives bits 429 496 736, not 429 496 730).
     */
    public static long fromFloat(float x) {
        return fromDouble(x);
    }

    /** The value as a double (for display and tolerance checks only). */
    public static double toDouble(long bits) {
        return bits / (double) ONE;
    }

    // ---------------------------------------------------------------- add / subtract

    /** Saturating add ⊕. */
    public static long saturatingAdd(long a, long b) {
        long r = a + b;
        if (((a ^ r) & (b ^ r)) < 0) {
            return a < 0 ? MIN : MAX;
        }
        return r;
    }

    /** Saturating subtract ⊖. */
    public static long saturatingSub(long a, long b) {
        long r = a - b;
        if (((a ^ b) & (a ^ r)) < 0) {
            return a < 0 ? MIN : MAX;
        }
        return r;
    }

    // ---------------------------------------------------------------- multiply

    /** Saturating multiply ⊗: {@code floor(a·b / 2^32)}, clamped by the sign of the true product. */
    public static long saturatingMul(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        long r = (hi << FRAC_BITS) | (lo >>> FRAC_BITS);
        long top = hi >> 31;
        if (top == 0 || top == -1) {
            return r;
        }
        return hi < 0 ? MIN : MAX;
    }

    /** Whether the checked multiply {@code a × b} would overflow (product outside the type). */
    public static boolean mulOverflows(long a, long b) {
        long top = Math.multiplyHigh(a, b) >> 31;
        return top != 0 && top != -1;
    }

    /** Floored product without an overflow check (callers have excluded overflow). */
    public static long mulUnchecked(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        return (hi << FRAC_BITS) | ((a * b) >>> FRAC_BITS);
    }

    // ---------------------------------------------------------------- divide

    /**
     * Safe divide ⊘: {@code trunc(a·2^32 / b)}, and 0 when {@code b = 0} or when the quotient does
     * not fit (subtensor maps both failures of {@code checked_div} to zero).
     */
    public static long safeDiv(long a, long b) {
        if (b == 0) {
            return 0;
        }
        return divide(a, b, false, 0L);
    }

    /**
     * {@code 2^32 / b} as a double: the hint {@link #safeDiv(long, long, double)} needs to divide
     * many values by the same {@code b} (column sums, row sums) without a hardware division each.
     */
    public static double reciprocalHint(long b) {
        return b == 0 ? 0.0 : 0x1p32 / b;
    }

    /**
     * {@link #safeDiv(long, long)} with a precomputed {@link #reciprocalHint(long)}: the quotient is
     * estimated in floating point and then corrected with an exact 128-bit remainder, so the
     * result is bit-identical; dividends or divisors outside the fast domain take the general path.
     */
    public static long safeDiv(long a, long b, double hint) {
        if (a < 0 || b <= 0) {
            return safeDiv(a, b);
        }
        double estimate = a * hint;
        if (!(estimate < 0x1p52)) {
            return safeDiv(a, b);
        }
        long q = (long) estimate;
        // r = a·2^32 - q·b as a signed 128-bit value (hi, lo); |r| is at most a few b
        long nLo = a << FRAC_BITS;
        long pLo = q * b;
        long rLo = nLo - pLo;
        long rHi = (a >>> (64 - FRAC_BITS)) - Math.multiplyHigh(q, b) - (Long.compareUnsigned(nLo, pLo) < 0 ? 1 : 0);
        while (rHi < 0) {
            q--;
            long lo = rLo + b;
            rHi += Long.compareUnsigned(lo, rLo) < 0 ? 1 : 0;
            rLo = lo;
        }
        while (rHi > 0 || Long.compareUnsigned(rLo, b) >= 0) {
            q++;
            rHi -= Long.compareUnsigned(rLo, b) < 0 ? 1 : 0;
            rLo -= b;
        }
        return q;
    }

    /** Checked divide: the truncated quotient, or {@code orElse} on a zero divisor or overflow. */
    public static long checkedDivOr(long a, long b, long orElse) {
        if (b == 0) {
            return orElse;
        }
        return divide(a, b, false, orElse);
    }

    /**
     * {@code 1 ÷ x} for {@code x ≥ 1} (bits at least 2^32): {@code trunc(2^64 / x)}, which always
     * fits, so the checked, saturating and safe divisions all agree. One hardware division instead
     * of the general 96-bit path; used by the sigmoid and the exponential.
     */
    public static long oneOver(long x) {
        if (x < ONE) {
            return saturatingDiv(ONE, x);
        }
        long q = Long.MAX_VALUE / x;
        long r = Long.MAX_VALUE - q * x + 1; // 2^63 - q·x, in (0, x]
        if (r == x) {
            q++;
            r = 0;
        }
        q <<= 1;
        r <<= 1; // 2^64 - q·x as an unsigned value below 2x
        if (Long.compareUnsigned(r, x) >= 0) {
            q++;
        }
        return q;
    }

    /** Saturating divide ÷ₛ: truncated quotient, clamped on overflow ({@code b ≠ 0} required). */
    public static long saturatingDiv(long a, long b) {
        if (b == 0) {
            throw new ArithmeticException("division by zero");
        }
        return divide(a, b, true, 0L);
    }

    /**
     * Quotient {@code trunc(a·2^32 / b)} for {@code b ≠ 0}; on overflow the saturated value when
     * {@code saturate}, else {@code onOverflow}. The numerator needs 96 bits; it is divided
     * with plain long arithmetic (no BigInteger) because this runs inside the epoch's O(n²) loops.
     */
    private static long divide(long a, long b, boolean saturate, long onOverflow) {
        // Cancel common trailing zero bits: trunc(a·2^32/b) is unchanged by dividing a and b by
        // 2^t. Integer weights and bonds (multiples of 2^32) then take the one-instruction path.
        int t = Math.min(Long.numberOfTrailingZeros(a), Long.numberOfTrailingZeros(b));
        if (t > 0 && t < 64) {
            a >>= t;
            b >>= t;
        }
        if (a > -(1L << 31) && a < (1L << 31)) {
            // a·2^32 fits a long and so does the quotient; Java's '/' truncates toward zero.
            return (a << FRAC_BITS) / b;
        }
        boolean negative = (a < 0) != (b < 0);
        long ua = a < 0 ? -a : a; // unsigned magnitudes; MIN becomes 2^63
        long ub = b < 0 ? -b : b;
        long u1 = ua >>> (64 - FRAC_BITS);
        long u0 = ua << FRAC_BITS;
        if (Long.compareUnsigned(u1, ub) < 0) {
            long q = divideUnsigned128(u1, u0, ub);
            if (!negative && q >= 0) {
                return q;
            }
            if (negative && Long.compareUnsigned(q, Long.MIN_VALUE) <= 0) {
                return -q;
            }
        }
        if (!saturate) {
            return onOverflow;
        }
        return negative ? MIN : MAX;
    }

    /** Unsigned 64-bit division for a divisor in (0, 2^63) (Hacker's Delight 9-3). */
    static long divideUnsigned(long dividend, long divisor) {
        if (dividend >= 0) {
            return dividend / divisor;
        }
        long q = ((dividend >>> 1) / divisor) << 1;
        long r = dividend - q * divisor;
        if (Long.compareUnsigned(r, divisor) >= 0) {
            q++;
        }
        return q;
    }

    /**
     * Unsigned {@code (u1·2^64 + u0) / v} for unsigned {@code u1 < v} (so the quotient fits 64
     * bits): Knuth's algorithm D with 32-bit digits (Hacker's Delight {@code divlu}).
     */
    static long divideUnsigned128(long u1, long u0, long v) {
        final long base = 1L << 32;
        int s = Long.numberOfLeadingZeros(v);
        v <<= s;
        long vn1 = v >>> 32;
        long vn0 = v & LOW32;
        long un32 = s == 0 ? u1 : (u1 << s) | (u0 >>> (64 - s));
        long un10 = u0 << s;
        long un1 = un10 >>> 32;
        long un0 = un10 & LOW32;

        long q1 = udiv(un32, vn1);
        long rhat = un32 - q1 * vn1;
        while (q1 >= base || Long.compareUnsigned(q1 * vn0, (rhat << 32) | un1) > 0) {
            q1--;
            rhat += vn1;
            if (rhat >= base) {
                break;
            }
        }
        long un21 = (un32 << 32) + un1 - q1 * v;
        long q0 = udiv(un21, vn1);
        rhat = un21 - q0 * vn1;
        while (q0 >= base || Long.compareUnsigned(q0 * vn0, (rhat << 32) | un0) > 0) {
            q0--;
            rhat += vn1;
            if (rhat >= base) {
                break;
            }
        }
        return (q1 << 32) | q0;
    }

    /** Unsigned division by a positive 32-bit divisor. */
    private static long udiv(long dividend, long divisor) {
        return divideUnsigned(dividend, divisor);
    }

    // ---------------------------------------------------------------- misc

    /** {@code max(min(v, hi), lo)}, as subtensor's {@code clamp_value}. */
    public static long clamp(long v, long lo, long hi) {
        return Math.max(Math.min(v, hi), lo);
    }

    /** Clamps a BigInteger of bits into the type's range. */
    static long saturate(BigInteger bits) {
        if (bits.bitLength() <= 63) {
            return bits.longValue();
        }
        return bits.signum() < 0 ? MIN : MAX;
    }

    /** Decimal rendering of the exact value (for messages). */
    public static String toString(long bits) {
        return new BigDecimal(BigInteger.valueOf(bits)).divide(BigDecimal.valueOf(ONE)).toPlainString();
    }

    /** {@code I32F32(65535)} bits; the u16 scale. */
    public static long u16MaxBits() {
        return U16_MAX_BITS;
    }
}
