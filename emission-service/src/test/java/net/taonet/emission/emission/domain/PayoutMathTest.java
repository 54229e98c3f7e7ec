package net.taonet.emission.emission.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.taonet.emission.emission.domain.PayoutMath.EpochSplit;
import net.taonet.emission.emission.domain.PayoutMath.UidShare;
import org.junit.jupiter.api.Test;

/** Settlement arithmetic with figures checked by hand (spec §2, spec/yuma-consensus.md §5.13). */
class PayoutMathTest {

    static final long HALF = 1L << 31;
    static final long QUARTER = 1L << 30;

    @Test
    void ownerCutIs11796Over65535Floored() {
        // 10^9 × 11,796 / 65,535 = 179,995,422.29…
        assertThat(PayoutMath.ownerCut(1_000_000_000L)).isEqualTo(179_995_422L);
        // 360 blocks of 1 TAO: 360 × 10^9 × 11,796 / 65,535 = 64,798,352,025.6…
        assertThat(PayoutMath.ownerCut(360_000_000_000L)).isEqualTo(64_798_352_025L);
        assertThat(PayoutMath.ownerCut(0)).isZero();
        assertThat(PayoutMath.ownerCut(5)).isZero(); // 5 × 0.18 < 1
    }

    @Test
    void raoOfBitsIsTheFlooredI96F32Product() {
        long oneTenth = 429_496_729L; // ⌊0.1 × 2^32⌋
        assertThat(PayoutMath.raoOf(oneTenth, 1_000_000_000L)).isEqualTo(99_999_999L); // the spec's own example
        assertThat(PayoutMath.raoOf(HALF, 1_000_000_000L)).isEqualTo(500_000_000L);
        assertThat(PayoutMath.raoOf(PayoutMath.ONE_BITS, 7L)).isEqualTo(7L);
        assertThat(PayoutMath.raoOf(1, 1_000_000_000L)).isZero(); // 2^-32 of a TAO is 0.23 rao
        assertThat(PayoutMath.raoOf(-5, 1_000_000_000L)).isZero(); // clamped at 0
        // Large operands: the 128-bit product is used, (2^32 − 1) × (2^62) >> 32 = 2^62 − 2^30.
        assertThat(PayoutMath.raoOf(PayoutMath.ONE_BITS - 1, 1L << 62)).isEqualTo((1L << 62) - (1L << 30));
    }

    @Test
    void epochSplitOf360Blocks() {
        // accrued 360 TAO → owner cut 64,798,352,025, rao_emission 295,201,647,975.
        // UID 1 mines half; UIDs 0 and 2 validate a quarter each.
        EpochSplit s = PayoutMath.split(360_000_000_000L, List.of(
                new UidShare(0, "v0", 0, QUARTER),
                new UidShare(1, "m1", HALF, 0),
                new UidShare(2, "v2", 0, QUARTER)));
        assertThat(s.ownerCut()).isEqualTo(64_798_352_025L);
        assertThat(s.raoEmission()).isEqualTo(295_201_647_975L);
        assertThat(s.uids().get(1).minerRao()).isEqualTo(147_600_823_987L); // ⌊295,201,647,975 / 2⌋
        assertThat(s.uids().get(0).validatorRao()).isEqualTo(73_800_411_993L); // ⌊295,201,647,975 / 4⌋
        assertThat(s.uids().get(2).validatorRao()).isEqualTo(73_800_411_993L);
        assertThat(s.paid()).isEqualTo(147_600_823_987L + 2 * 73_800_411_993L);
        assertThat(s.dust()).isEqualTo(2L); // 295,201,647,975 − 295,201,647,973: not minted
        assertThat(s.ownerCut() + s.paid() + s.dust()).isEqualTo(s.accrued());
    }

    @Test
    void proportionsAboveOneAreRefused() {
        assertThatThrownBy(() -> PayoutMath.split(100, List.of(new UidShare(0, "a", HALF, HALF), new UidShare(1, "b", 1, 0))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 1.0");
    }

    @Test
    void dividendTakeThenLargestRemainder() {
        // 1,000,000 rao at the default take: take = ⌊1,000,000 × 11,796 / 65,535⌋ = 179,995; rest 820,005.
        // Stakes 1 : 2 : 4 → 117,143.57 / 234,287.14 / 468,574.28: floors sum to 820,004, the leftover
        // rao goes to the largest remainder (index 0, remainder 4/7).
        PayoutMath.DividendSplit d = PayoutMath.splitDividend(1_000_000L, 11_796, new long[] {1, 2, 4});
        assertThat(d.take()).isEqualTo(179_995L);
        assertThat(d.shares()).containsExactly(117_144L, 234_287L, 468_574L);
        assertThat(d.total()).isEqualTo(1_000_000L);
    }

    @Test
    void dividendWithZeroTakeAndTies() {
        // 10 rao over three equal stakes: 3 each, the leftover rao to the lowest index.
        PayoutMath.DividendSplit d = PayoutMath.splitDividend(10L, 0, new long[] {5, 5, 5});
        assertThat(d.take()).isZero();
        assertThat(d.shares()).containsExactly(4L, 3L, 3L);
    }

    @Test
    void dividendWithoutStakeGoesWhollyToTheOwner() {
        PayoutMath.DividendSplit d = PayoutMath.splitDividend(999L, 11_796, new long[] {0, 0});
        assertThat(d.take()).isEqualTo(999L);
        assertThat(d.shares()).containsExactly(0L, 0L);
    }

    @Test
    void accrualUsesTheShareAndTheCap() {
        assertThat(PayoutMath.accrued(360, 1_000_000_000L, new SplitPolicy.Share(1, 3), Long.MAX_VALUE))
                .isEqualTo(120_000_000_000L);
        assertThat(PayoutMath.accrued(7, 1_000_000_000L, new SplitPolicy.Share(2, 3), Long.MAX_VALUE))
                .isEqualTo(4_666_666_666L); // ⌊7 × 10^9 × 2 / 3⌋
        assertThat(PayoutMath.accrued(360, 1_000_000_000L, new SplitPolicy.Share(1, 1), 12_345L)).isEqualTo(12_345L);
        assertThat(PayoutMath.accrued(360, 1_000_000_000L, SplitPolicy.Share.NONE, Long.MAX_VALUE)).isZero();
    }
}
