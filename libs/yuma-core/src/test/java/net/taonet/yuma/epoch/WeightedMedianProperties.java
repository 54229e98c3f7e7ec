package net.taonet.yuma.epoch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import net.taonet.yuma.fixed.I32F32;

/** The single-pass column selection agrees with the reference {@code weighted_median}. */
class WeightedMedianProperties {

    @Property(tries = 300)
    void selectEqualsTheReference(@ForAll @IntRange(min = 1, max = 40) int nv, @ForAll long seed,
                                  @ForAll @IntRange(min = 0, max = 65535) int kappa) {
        SplittableRandom r = new SplittableRandom(seed);
        long[] stake = new long[nv];
        for (int k = 0; k < nv; k++) {
            stake[k] = 1 + r.nextLong(I32F32.ONE);
        }
        YumaMath.normalizeInPlace(stake);
        long sum = YumaMath.sum(stake);
        long minority = I32F32.saturatingSub(sum, I32F32.fromU16Proportion(kappa));
        int columns = 25;
        long[] table = new long[columns * nv];
        for (int i = 0; i < table.length; i++) {
            // few distinct values so that ties with the pivot are common
            table[i] = r.nextInt(4) == 0 ? 0 : r.nextInt(6) * (I32F32.ONE / 5);
        }
        WeightedMedian selection = new WeightedMedian(nv); // reused across columns, as in the epoch
        int[] idx = new int[nv];
        for (int j = 0; j < columns; j++) {
            for (int k = 0; k < nv; k++) {
                idx[k] = k;
            }
            long expected = YumaMath.weightedMedian(stake, table, j * nv, idx, nv, minority, 0, sum);
            assertThat(selection.select(stake, table, j * nv, minority, sum)).isEqualTo(expected);
        }
    }
}
