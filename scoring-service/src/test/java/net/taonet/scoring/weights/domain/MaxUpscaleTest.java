package net.taonet.scoring.weights.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class MaxUpscaleTest {

    @Test
    void specExampleAboveHalfRoundsHalfAwayFromZero() {
        // 21845 × 1.5 = 32767.5 → 32768
        assertThat(MaxUpscale.apply(new int[] {43690, 21845})).containsExactly(65535, 32768);
    }

    @Test
    void specExampleAtOrBelowHalf() {
        assertThat(MaxUpscale.apply(new int[] {32767, 32767})).containsExactly(65535, 65535);
    }

    @Test
    void allZerosStayZero() {
        assertThat(MaxUpscale.apply(new int[] {0, 0, 0})).containsExactly(0, 0, 0);
        assertThat(MaxUpscale.apply(new int[0])).isEmpty();
    }

    @Test
    void branchBoundaryAt32768UsesTheMultiplyFirstBranch() {
        // M = 32768: (v·65535)/M exactly; 1 → 1.99997 → 2
        assertThat(MaxUpscale.apply(new int[] {32768, 1, 16384})).containsExactly(65535, 2, 32768);
        // M = 32769: v ⊗ trunc(65535/32769): the ratio is truncated to 32 fractional bits first
        assertThat(MaxUpscale.apply(new int[] {32769, 1})).containsExactly(65535, 2);
    }

    @Test
    void smallValuesScaleUp() {
        assertThat(MaxUpscale.apply(new int[] {1, 2, 3})).containsExactly(21845, 43690, 65535);
        assertThat(MaxUpscale.apply(new int[] {7})).containsExactly(65535);
    }

    /** Against exact rational arithmetic: the largest is 65535 and each value is within one of v·65535/M. */
    @Property(tries = 500)
    void closeToExactRationalUpscale(@ForAll @Size(min = 1, max = 20) java.util.List<@IntRange(min = 0, max = 65535) Integer> values) {
        int[] v = values.stream().mapToInt(Integer::intValue).toArray();
        int[] out = MaxUpscale.apply(v);
        int max = values.stream().mapToInt(Integer::intValue).max().orElse(0);
        for (int i = 0; i < v.length; i++) {
            if (max == 0) {
                assertThat(out[i]).isZero();
                continue;
            }
            BigDecimal exact = BigDecimal.valueOf((long) v[i] * 65535).divide(BigDecimal.valueOf(max), 10, RoundingMode.HALF_UP);
            assertThat(BigDecimal.valueOf(out[i]).subtract(exact).abs()).isLessThanOrEqualTo(BigDecimal.ONE);
            if (v[i] == max) {
                assertThat(out[i]).isEqualTo(65535);
            }
        }
    }
}
