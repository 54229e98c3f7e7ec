package net.taonet.emission.emission.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import net.taonet.emission.emission.domain.PayoutMath.EpochSplit;
import net.taonet.emission.emission.domain.PayoutMath.UidShare;
import net.taonet.emission.ledger.domain.Rao;

/** Properties of settlement arithmetic: conservation to the rao, no negatives, parts that add up. */
class PayoutMathProperties {

    @Property
    void settlementConservesValueToTheRao(@ForAll @LongRange(min = 0, max = Rao.MAX_SUPPLY) long accrued,
            @ForAll("proportions") List<long[]> bits) {
        List<UidShare> shares = new ArrayList<>();
        for (int i = 0; i < bits.size(); i++) {
            shares.add(new UidShare(i, "h" + i, bits.get(i)[0], bits.get(i)[1]));
        }
        EpochSplit s = PayoutMath.split(accrued, shares);
        assertThat(s.ownerCut()).isBetween(0L, accrued);
        assertThat(s.ownerCut() + s.raoEmission()).isEqualTo(accrued);
        assertThat(s.paid() + s.dust()).isEqualTo(s.raoEmission());
        // Each of the 2n floors loses less than one rao against the exact product of the summed proportions.
        BigInteger sumBits = BigInteger.ZERO;
        for (long[] b : bits) {
            sumBits = sumBits.add(BigInteger.valueOf(b[0])).add(BigInteger.valueOf(b[1]));
        }
        long exactPaid = sumBits.multiply(BigInteger.valueOf(s.raoEmission())).shiftRight(32).longValueExact();
        assertThat(s.paid()).isBetween(exactPaid - 2L * shares.size(), exactPaid);
        assertThat(s.dust()).isNotNegative();
        long sum = 0;
        for (PayoutMath.UidRao u : s.uids()) {
            assertThat(u.minerRao()).isNotNegative();
            assertThat(u.validatorRao()).isNotNegative();
            sum += u.minerRao() + u.validatorRao();
        }
        assertThat(sum).isEqualTo(s.paid());
    }

    @Property
    void eachUidGetsItsExactFlooredShare(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE / 2) long raoEmission,
            @ForAll @LongRange(min = 0, max = 1L << 32) long bits) {
        BigInteger exact = BigInteger.valueOf(bits).multiply(BigInteger.valueOf(raoEmission)).shiftRight(32);
        assertThat(PayoutMath.raoOf(bits, raoEmission)).isEqualTo(exact.longValueExact());
    }

    @Property
    void takeAndNominatorSharesAddUpToTheDividend(@ForAll @LongRange(min = 0, max = Rao.MAX_SUPPLY) long dividend,
            @ForAll @IntRange(min = 0, max = 11_796) int take,
            @ForAll @Size(min = 1, max = 12) List<@LongRange(min = 0, max = Rao.MAX_SUPPLY / 16) Long> stakes) {
        long[] s = stakes.stream().mapToLong(Long::longValue).toArray();
        PayoutMath.DividendSplit d = PayoutMath.splitDividend(dividend, take, s);
        assertThat(d.take()).isNotNegative();
        assertThat(java.util.Arrays.stream(d.shares()).allMatch(x -> x >= 0)).isTrue();
        assertThat(d.total()).isEqualTo(dividend);
        long totalStake = stakes.stream().mapToLong(Long::longValue).sum();
        if (totalStake > 0) {
            assertThat(d.take()).isEqualTo(Rao.mulDiv(dividend, take, Rao.U16_MAX));
        }
    }

    @Property
    void largestRemainderStaysWithinOneRaoOfTheExactShare(@ForAll @LongRange(min = 0, max = Rao.MAX_SUPPLY) long amount,
            @ForAll @Size(min = 1, max = 20) List<@LongRange(min = 0, max = 1_000_000_000_000L) Long> weights) {
        long[] w = weights.stream().mapToLong(Long::longValue).toArray();
        long total = weights.stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return;
        }
        long[] parts = PayoutMath.largestRemainder(amount, w);
        long sum = 0;
        for (int i = 0; i < w.length; i++) {
            long floor = BigInteger.valueOf(amount).multiply(BigInteger.valueOf(w[i])).divide(BigInteger.valueOf(total))
                    .longValueExact();
            assertThat(parts[i]).isBetween(floor, floor + 1);
            sum += parts[i];
        }
        assertThat(sum).isEqualTo(amount);
    }

    /** Per-UID (server, validator) I32F32 bits whose grand total is at most 1.0, as consensus produces. */
    @Provide
    Arbitrary<List<long[]>> proportions() {
        return Arbitraries.integers().between(0, 64).flatMap(n -> Arbitraries.longs().between(0, 1_000_000)
                .array(long[].class).ofSize(2 * n).map(raw -> {
                    long total = 0;
                    for (long r : raw) {
                        total += r;
                    }
                    List<long[]> out = new ArrayList<>();
                    for (int i = 0; i < n; i++) {
                        long server = total == 0 ? 0 : BigInteger.valueOf(raw[2 * i]).shiftLeft(32)
                                .divide(BigInteger.valueOf(total)).longValueExact();
                        long validator = total == 0 ? 0 : BigInteger.valueOf(raw[2 * i + 1]).shiftLeft(32)
                                .divide(BigInteger.valueOf(total)).longValueExact();
                        out.add(new long[] {server, validator});
                    }
                    return out;
                }));
    }
}
