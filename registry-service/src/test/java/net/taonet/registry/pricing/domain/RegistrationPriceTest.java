package net.taonet.registry.pricing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The registration price of spec/protocol.md §4 with the defaults of §8: starts at 1 TAO, f^360 = ½,
 * ×1.26 after every registration, clamped to [0.0005 TAO, 100 TAO]. Figures worked out by hand:
 * 2^(−n/360) at whole and half half-lives is exact or a known surd; the others are checked against the
 * defining inequality x^360·2^n ≤ P^360 &lt; (x+1)^360·2^n in the test itself.
 */
class RegistrationPriceTest {

    static final long TAO = 1_000_000_000L;
    static final BurnParameters DEFAULTS = new BurnParameters(500_000, 100 * TAO, 360, 1_260);

    @Nested
    class DecayAcrossBlocks {

        @Test
        void noBlocksNoDecay() {
            assertThat(RegistrationPrice.at(TAO, 1_000, 1_000, DEFAULTS)).isEqualTo(TAO);
        }

        @Test
        void oneHalfLifeHalvesExactly() {
            // 1 TAO × 2^(−360/360) = 0.5 TAO
            assertThat(RegistrationPrice.at(TAO, 1_000, 1_360, DEFAULTS)).isEqualTo(500_000_000L);
        }

        @Test
        void twoHalfLivesQuarter() {
            assertThat(RegistrationPrice.at(TAO, 0, 720, DEFAULTS)).isEqualTo(250_000_000L);
        }

        @Test
        void halfAHalfLifeIsOneOverRootTwo() {
            // 10^9 / √2 = 707,106,781.186… → 707,106,781 rao
            assertThat(RegistrationPrice.at(TAO, 0, 180, DEFAULTS)).isEqualTo(707_106_781L);
        }

        @Test
        void aQuarterHalfLifeIsTheFourthRootOfOneHalf() {
            // 10^9 × 2^(−1/4) = 840,896,415.253… → 840,896,415 rao
            assertThat(RegistrationPrice.at(TAO, 0, 90, DEFAULTS)).isEqualTo(840_896_415L);
        }

        @Test
        void oneBlockDecaysByF() {
            // f = 2^(−1/360) = 0.998076443575…; 10^9 × f = 998,076,443.57… → 998,076,443 rao
            long x = RegistrationPrice.at(TAO, 0, 1, DEFAULTS);
            assertThat(x).isEqualTo(998_076_443L);
            assertDefiningInequality(TAO, 1, 360, x);
        }

        @Test
        void manyBlocksTenHalfLives() {
            // 3,600 blocks = 10 half-lives: 10^9 / 1024 = 976,562.5 → 976,562 rao (still above min_burn)
            assertThat(RegistrationPrice.at(TAO, 5_000, 8_600, DEFAULTS)).isEqualTo(976_562L);
        }

        @Test
        void manyBlocksNotAWholeNumberOfHalfLives() {
            // 1,000 blocks: 10^9 × 2^(−1000/360) = 145,816,129.947… → 145,816,129 rao
            long x = RegistrationPrice.at(TAO, 0, 1_000, DEFAULTS);
            assertThat(x).isEqualTo(145_816_129L);
            assertDefiningInequality(TAO, 1_000, 360, x);
        }

        @Test
        void lowerClampAfterElevenHalfLives() {
            // 3,960 blocks: 10^9 / 2048 = 488,281.25 < min_burn 500,000 → 500,000 rao
            assertThat(RegistrationPrice.decay(TAO, 3_960, 360)).isEqualTo(488_281L);
            assertThat(RegistrationPrice.at(TAO, 0, 3_960, DEFAULTS)).isEqualTo(500_000L);
        }

        @Test
        void decayFarBeyondEveryBitIsTheFloor() {
            assertThat(RegistrationPrice.decay(TAO, 1_000_000_000L, 360)).isZero();
            assertThat(RegistrationPrice.at(TAO, 0, 1_000_000_000L, DEFAULTS)).isEqualTo(500_000L);
        }

        @Test
        void theExactIntegerComparisonAgreesWithTheFastPath() {
            // what decides when the decimal value lies within the margin of a whole rao
            assertThat(RegistrationPrice.decideExactly(TAO, 0, 1, 360, 998_076_440L, 998_076_446L))
                    .isEqualTo(998_076_443L);
            assertThat(RegistrationPrice.decideExactly(TAO, 2, 280, 360, 145_816_120L, 145_816_140L))
                    .isEqualTo(RegistrationPrice.decay(TAO, 1_000, 360));
        }

        @Test
        void longHalfLivesAreFast() {
            long start = System.nanoTime();
            long longest = RegistrationPrice.decay(100 * TAO, 20_000, 65_535);
            // the fast path, not a multi-megabit power: well under a second even on a busy machine
            assertThat(System.nanoTime() - start).isLessThan(5_000_000_000L);
            // 100 TAO × 2^(−20000/65535) = 80,935,... checked loosely here, exactly for a day-long half-life below
            assertThat(longest).isBetween(80_000_000_000L, 82_000_000_000L);
            long day = RegistrationPrice.decay(100 * TAO, 10_000, 7_200);
            assertDefiningInequality(100 * TAO, 10_000, 7_200, day);
        }

        @Test
        void aClockBehindTheLastRegistrationDoesNotRaiseThePrice() {
            assertThat(RegistrationPrice.at(TAO, 1_000, 900, DEFAULTS)).isEqualTo(TAO);
        }
    }

    @Nested
    class RegistrationsInOneBlock {

        @Test
        void eachRegistrationPaysTheBumpedPriceOfThePreviousOne() {
            // block 0: price 1 TAO; every registration pays the current price, then ×1.26 immediately
            long p1 = RegistrationPrice.at(TAO, 0, 0, DEFAULTS);
            long next1 = RegistrationPrice.afterRegistration(p1, DEFAULTS);
            long p2 = RegistrationPrice.at(next1, 0, 0, DEFAULTS);
            long next2 = RegistrationPrice.afterRegistration(p2, DEFAULTS);
            long p3 = RegistrationPrice.at(next2, 0, 0, DEFAULTS);
            long next3 = RegistrationPrice.afterRegistration(p3, DEFAULTS);
            assertThat(p1).isEqualTo(1_000_000_000L);   // 1 TAO
            assertThat(p2).isEqualTo(1_260_000_000L);   // 1.26 TAO
            assertThat(p3).isEqualTo(1_587_600_000L);   // 1.26² = 1.5876 TAO
            assertThat(next3).isEqualTo(2_000_376_000L); // 1.26³ = 2.000376 TAO
        }

        @Test
        void theBumpRoundsDown() {
            // 999,999,999 × 1.26 = 1,259,999,998.74 → 1,259,999,998 rao
            assertThat(RegistrationPrice.afterRegistration(999_999_999L, DEFAULTS)).isEqualTo(1_259_999_998L);
        }

        @Test
        void upperClampAtOneHundredTao() {
            // 80 TAO × 1.26 = 100.8 TAO > max_burn → 100 TAO
            assertThat(RegistrationPrice.afterRegistration(80 * TAO, DEFAULTS)).isEqualTo(100 * TAO);
        }

        @Test
        void aStoredPriceAboveANewMaximumIsClampedOnRead() {
            BurnParameters lowered = new BurnParameters(500_000, 2 * TAO, 360, 1_260);
            assertThat(RegistrationPrice.at(3 * TAO, 0, 0, lowered)).isEqualTo(2 * TAO);
        }

        @Test
        void bumpThenDecayOneHalfLife() {
            // registered at block 10 paying 1 TAO → 1.26 TAO; 360 blocks later 0.63 TAO
            long after = RegistrationPrice.afterRegistration(TAO, DEFAULTS);
            assertThat(RegistrationPrice.at(after, 10, 370, DEFAULTS)).isEqualTo(630_000_000L);
        }
    }

    @Property(tries = 200)
    void decayIsTheExactFloor(@ForAll @LongRange(min = 0, max = 100_000_000_000L) long amount,
            @ForAll @LongRange(min = 0, max = 20_000) long blocks, @ForAll @IntRange(min = 1, max = 2_000) int halfLife) {
        long x = RegistrationPrice.decay(amount, blocks, halfLife);
        assertDefiningInequality(amount, blocks, halfLife, x);
    }

    @Property(tries = 200)
    void neverRisesWithTimeAndStaysInsideTheClamp(@ForAll @LongRange(min = 0, max = 200_000_000_000L) long last,
            @ForAll @LongRange(min = 0, max = 10_000) long a, @ForAll @LongRange(min = 0, max = 10_000) long b) {
        long earlier = RegistrationPrice.at(last, 0, Math.min(a, b), DEFAULTS);
        long later = RegistrationPrice.at(last, 0, Math.max(a, b), DEFAULTS);
        assertThat(later).isLessThanOrEqualTo(earlier).isBetween(DEFAULTS.minBurn(), DEFAULTS.maxBurn());
    }

    /** x = ⌊P · 2^(−n/H)⌋ ⟺ x^H · 2^n ≤ P^H &lt; (x+1)^H · 2^n. */
    static void assertDefiningInequality(long amount, long blocks, int halfLife, long x) {
        if (blocks >= 64L * halfLife) {
            assertThat(x).isZero();
            return;
        }
        BigInteger bound = BigInteger.valueOf(amount).pow(halfLife);
        BigInteger low = BigInteger.valueOf(x).pow(halfLife).shiftLeft((int) blocks);
        BigInteger high = BigInteger.valueOf(x + 1).pow(halfLife).shiftLeft((int) blocks);
        assertThat(low).isLessThanOrEqualTo(bound);
        assertThat(high).isGreaterThan(bound);
    }
}
