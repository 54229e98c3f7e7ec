package net.taonet.yuma.epoch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import net.taonet.yuma.Hyperparameters;
import net.taonet.yuma.fixed.I32F32;

/** The bracketed α is the exact α whenever it decides, and it decides most of the time. */
class LiquidAlphaProperties {

    private static LiquidAlpha alpha(int low, int high, int steepness) {
        return LiquidAlpha.of(new Hyperparameters(32767, 65535, 900_000, 64, 360, 13_889, true, true,
                low, high, steepness, 0, OptionalInt.empty(), true, 0));
    }

    @Property(tries = 300)
    void bracketNeverDisagreesWithTheSeries(@ForAll @IntRange(min = 0, max = 65535) int low,
                                            @ForAll @IntRange(min = 0, max = 65535) int high,
                                            @ForAll @IntRange(min = -32768, max = 32767) int steepness,
                                            @ForAll long seed) {
        LiquidAlpha la = alpha(low, high, steepness);
        SplittableRandom r = new SplittableRandom(seed);
        for (int k = 0; k < 2000; k++) {
            long d = r.nextLong(I32F32.ONE + 1);
            long z = I32F32.saturatingMul(I32F32.saturatingDiv(I32F32.fromInt(steepness), I32F32.fromInt(-100)),
                    I32F32.saturatingSub(d, I32F32.HALF));
            long fast = la.bracketedAlpha(z);
            if (fast != Long.MIN_VALUE) {
                assertThat(fast).as("d=%d z=%d", d, z).isEqualTo(la.exactAlpha(z));
            }
            assertThat(la.alphaForDifference(d)).isEqualTo(la.exactAlpha(z));
        }
    }

    @Property(tries = 50)
    void everyZInTheBracketRangeAgrees(@ForAll @LongRange(min = -(9L << 32), max = 9L << 32) long start) {
        LiquidAlpha la = alpha(45_875, 58_982, 1000);
        for (long z = start; z < start + 20_000; z++) {
            long fast = la.bracketedAlpha(z);
            if (fast != Long.MIN_VALUE) {
                assertThat(fast).as("z=%d", z).isEqualTo(la.exactAlpha(z));
            }
        }
    }

    @Test
    void decidesMostEntriesAtTheDefaults() {
        LiquidAlpha la = alpha(45_875, 58_982, 1000);
        SplittableRandom r = new SplittableRandom(42);
        int decided = 0;
        int n = 100_000;
        for (int k = 0; k < n; k++) {
            long z = r.nextLong(-(5L << 32), (5L << 32) + 1);
            if (la.bracketedAlpha(z) != Long.MIN_VALUE) {
                decided++;
            }
        }
        assertThat(decided).isGreaterThan(n * 7 / 10);
    }
}
