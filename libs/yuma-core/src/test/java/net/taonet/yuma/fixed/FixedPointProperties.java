package net.taonet.yuma.fixed;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/** The long-arithmetic shortcuts agree with a straightforward BigInteger model of fixed v0.6.0. */
class FixedPointProperties {

    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);

    @Provide
    Arbitrary<Long> bits() {
        return Arbitraries.oneOf(
                Arbitraries.longs(),
                Arbitraries.longs().between(-(1L << 34), 1L << 34),
                Arbitraries.longs().between(0, I32F32.ONE),
                Arbitraries.longs().between(-20, 20).map(k -> k << 32),
                Arbitraries.of(0L, 1L, -1L, I32F32.ONE, -I32F32.ONE, Long.MAX_VALUE, Long.MIN_VALUE));
    }

    @Property(tries = 2000)
    void multiplicationFloorsAndSaturates(@ForAll("bits") long a, @ForAll("bits") long b) {
        BigInteger p = BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).shiftRight(32); // floor
        assertThat(I32F32.saturatingMul(a, b)).isEqualTo(clamp(p));
        assertThat(I32F32.mulOverflows(a, b)).isEqualTo(p.bitLength() > 63);
    }

    @Property(tries = 2000)
    void divisionTruncatesAndSaturates(@ForAll("bits") long a, @ForAll("bits") long b) {
        if (b == 0) {
            assertThat(I32F32.safeDiv(a, b)).isZero();
            return;
        }
        BigInteger q = BigInteger.valueOf(a).shiftLeft(32).divide(BigInteger.valueOf(b)); // truncates
        boolean fits = q.bitLength() <= 63;
        assertThat(I32F32.safeDiv(a, b)).isEqualTo(fits ? q.longValue() : 0L);
        assertThat(I32F32.saturatingDiv(a, b)).isEqualTo(clamp(q));
        assertThat(I32F32.checkedDivOr(a, b, 7L)).isEqualTo(fits ? q.longValue() : 7L);
    }

    @Property(tries = 2000)
    void oneOverMatchesTheGeneralDivision(@ForAll("bits") long x) {
        if (x == 0) {
            return;
        }
        assertThat(I32F32.oneOver(x)).isEqualTo(I32F32.saturatingDiv(I32F32.ONE, x));
    }

    @Property(tries = 2000)
    void exp128DivisionMatchesBigInteger(@ForAll long u1, @ForAll long u0, @ForAll long v) {
        if (v == 0 || Long.compareUnsigned(u1, v) >= 0) {
            return;
        }
        BigInteger n = unsigned(u1).shiftLeft(64).add(unsigned(u0));
        BigInteger q = n.divide(unsigned(v));
        assertThat(unsigned(I32F32.divideUnsigned128(u1, u0, v))).isEqualTo(q);
    }

    @Property(tries = 3000)
    void uncheckedSeriesEqualsTheCheckedLibraryExp(@ForAll @LongRange(min = -(20L << 32), max = 20L << 32) long z) {
        assertThat(FixedExp.expSafe(z)).isEqualTo(FixedExp.exp(z));
    }

    @Property(tries = 500)
    void expSafeClampsLikeTheLibrary(@ForAll("bits") long z) {
        long clamped = Math.max(-(20L << 32), Math.min(20L << 32, z));
        assertThat(FixedExp.expSafe(z)).isEqualTo(FixedExp.exp(clamped));
    }

    private static long clamp(BigInteger v) {
        return v.compareTo(MAX) > 0 ? Long.MAX_VALUE : v.compareTo(MIN) < 0 ? Long.MIN_VALUE : v.longValue();
    }

    private static BigInteger unsigned(long x) {
        return new BigInteger(Long.toUnsignedString(x));
    }
}
