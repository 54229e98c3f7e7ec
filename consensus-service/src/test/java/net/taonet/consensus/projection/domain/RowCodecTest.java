package net.taonet.consensus.projection.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class RowCodecTest {

    @Property
    void packedRowsDecodeToTheSameEntriesInTheSameOrder(
            @ForAll @Size(max = 300) java.util.List<@IntRange(min = 0, max = 65535) Integer> uids,
            @ForAll @IntRange(min = 0, max = 65535) int seed) {
        int[] u = uids.stream().mapToInt(Integer::intValue).toArray();
        int[] v = new int[u.length];
        for (int k = 0; k < v.length; k++) {
            v[k] = (seed + 7919 * k) % 65536;
        }
        int[][] decoded = RowCodec.decode(RowCodec.encode(u, v));
        assertThat(decoded[0]).containsExactly(u);
        assertThat(decoded[1]).containsExactly(v);
        assertThat(RowCodec.encode(u, v)).hasSize(4 * u.length);
    }

    @Test
    void extremesOfU16SurviveAndAnEmptyRowIsEmpty() {
        int[][] pairs = {{0, 65535}, {65535, 0}, {255, 256}};
        assertThat(RowCodec.decodePairs(RowCodec.encodePairs(pairs))).isDeepEqualTo(pairs);
        assertThat(RowCodec.decodePairs(RowCodec.EMPTY)).isEmpty();
        assertThat(RowCodec.decodePairs(null)).isEmpty();
    }

    @Test
    void refusesValuesOutsideU16AndTruncatedBytes() {
        assertThatThrownBy(() -> RowCodec.encode(new int[] {1}, new int[] {65536}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("u16");
        assertThatThrownBy(() -> RowCodec.encode(new int[] {-1}, new int[] {0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RowCodec.decode(new byte[] {0, 1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("4 bytes");
    }
}
