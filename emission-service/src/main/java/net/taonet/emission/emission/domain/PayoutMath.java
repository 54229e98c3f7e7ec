package net.taonet.emission.emission.domain;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.taonet.emission.ledger.domain.Rao;

/** The arithmetic of a settlement (spec §2 and spec/yuma-consensus.md §5.13): pure, exact, integer. */
public final class PayoutMath {

    /** 1.0 in I32F32. */
    public static final long ONE_BITS = 1L << 32;
    /** The subnet owner's cut, u16 (≈ 18 %). */
    public static final int OWNER_CUT_U16 = 11_796;

    private PayoutMath() {
    }

    /** ⌊blocks × blockEmission × share⌋, never more than {@code headroom} (what is left under the cap). */
    public static long accrued(long blocks, long blockEmission, SplitPolicy.Share share, long headroom) {
        if (blocks < 0 || blockEmission < 0 || headroom < 0) {
            throw new IllegalArgumentException("accrual inputs are non-negative");
        }
        BigInteger a = BigInteger.valueOf(blocks).multiply(BigInteger.valueOf(blockEmission))
                .multiply(BigInteger.valueOf(share.num())).divide(BigInteger.valueOf(share.den()));
        return a.min(BigInteger.valueOf(headroom)).longValueExact();
    }

    public static long ownerCut(long accrued) {
        return Rao.mulDiv(accrued, OWNER_CUT_U16, Rao.U16_MAX);
    }

    /**
     * A UID's rao: {@code clamp(⌊I96F32(bits) ⊗ I96F32(raoEmission)⌋, 0, u64::MAX)}. With both operands
     * non-negative that is {@code (bits × raoEmission) >> 32}, computed on the full 128-bit product.
     */
    public static long raoOf(long bits, long raoEmission) {
        if (bits <= 0 || raoEmission <= 0) {
            return 0;
        }
        if (bits > ONE_BITS) {
            throw new IllegalArgumentException("a normalised proportion is at most 1.0 (" + ONE_BITS + " bits); got " + bits);
        }
        long hi = Math.multiplyHigh(bits, raoEmission);
        long lo = bits * raoEmission;
        return (hi << 32) | (lo >>> 32);
    }

    /** One UID's normalised proportions from {@code EpochCompleted}. */
    public record UidShare(int uid, String hotkey, long serverBits, long validatorBits) {
    }

    /** What one UID earned. */
    public record UidRao(int uid, String hotkey, long minerRao, long validatorRao) {
    }

    /** The split of a subnet's accrual: owner cut, rao_emission, per-UID rao, what was paid, the dust. */
    public record EpochSplit(long accrued, long ownerCut, long raoEmission, List<UidRao> uids, long paid, long dust) {
    }

    /**
     * Splits {@code accrued}: the owner cut, then each UID's miner and validator rao. The proportions must
     * sum to at most 1.0 (they do for every epoch of spec §5.13), so what is paid never exceeds rao_emission.
     */
    public static EpochSplit split(long accrued, List<UidShare> shares) {
        if (accrued < 0) {
            throw new IllegalArgumentException("accrued is non-negative");
        }
        BigInteger sumBits = BigInteger.ZERO;
        for (UidShare s : shares) {
            sumBits = sumBits.add(BigInteger.valueOf(Math.max(0, s.serverBits())))
                    .add(BigInteger.valueOf(Math.max(0, s.validatorBits())));
        }
        if (sumBits.compareTo(BigInteger.valueOf(ONE_BITS)) > 0) {
            throw new IllegalArgumentException("the UIDs' emission proportions sum to more than 1.0 (" + sumBits
                    + " bits > " + ONE_BITS + ")");
        }
        long cut = ownerCut(accrued);
        long raoEmission = accrued - cut;
        List<UidRao> out = new ArrayList<>(shares.size());
        long paid = 0;
        for (UidShare s : shares) {
            long miner = raoOf(s.serverBits(), raoEmission);
            long validator = raoOf(s.validatorBits(), raoEmission);
            paid = Math.addExact(paid, Math.addExact(miner, validator));
            out.add(new UidRao(s.uid(), s.hotkey(), miner, validator));
        }
        if (paid > raoEmission) {
            throw new IllegalStateException("paid " + paid + " > rao_emission " + raoEmission);
        }
        return new EpochSplit(accrued, cut, raoEmission, out, paid, raoEmission - paid);
    }

    /** A validator's dividend: the take, and the shares of the positions (in the order given). */
    public record DividendSplit(long take, long[] shares) {
        public long total() {
            return take + Arrays.stream(shares).sum();
        }
    }

    /**
     * Splits a validator's dividend: {@code ⌊dividend × take / 65,535⌋} is the take; the rest is shared
     * over {@code stakes} pro rata with largest-remainder rounding. With no stake at all the whole rest
     * is reported in {@code take} (it goes to the hotkey owner as well).
     */
    public static DividendSplit splitDividend(long dividend, int takeU16, long[] stakes) {
        if (dividend < 0 || takeU16 < 0 || takeU16 > Rao.U16_MAX) {
            throw new IllegalArgumentException("dividend ≥ 0 and take within 0..65535");
        }
        long take = Rao.mulDiv(dividend, takeU16, Rao.U16_MAX);
        long rest = dividend - take;
        long total = 0;
        for (long s : stakes) {
            if (s < 0) {
                throw new IllegalArgumentException("stakes are non-negative");
            }
            total = Math.addExact(total, s);
        }
        if (total == 0) {
            return new DividendSplit(dividend, new long[stakes.length]);
        }
        return new DividendSplit(take, largestRemainder(rest, stakes));
    }

    /**
     * Parts of {@code amount} proportional to {@code weights} (not all zero) that sum to {@code amount}
     * exactly: each part is floored, and the leftover rao go one each to the largest fractional parts
     * (ties to the lower index).
     */
    public static long[] largestRemainder(long amount, long[] weights) {
        if (amount < 0) {
            throw new IllegalArgumentException("amount is non-negative");
        }
        BigInteger total = BigInteger.ZERO;
        for (long w : weights) {
            if (w < 0) {
                throw new IllegalArgumentException("weights are non-negative");
            }
            total = total.add(BigInteger.valueOf(w));
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("weights sum to zero");
        }
        int n = weights.length;
        long[] parts = new long[n];
        long[] remainders = new long[n];
        long assigned = 0;
        BigInteger a = BigInteger.valueOf(amount);
        for (int i = 0; i < n; i++) {
            BigInteger[] qr = a.multiply(BigInteger.valueOf(weights[i])).divideAndRemainder(total);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1].longValueExact(); // < total ≤ n × Long.MAX_VALUE; fits while total fits a long
            assigned += parts[i];
        }
        long leftover = amount - assigned; // < n
        if (leftover > 0) {
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (x, y) -> {
                int c = Long.compare(remainders[y], remainders[x]);
                return c != 0 ? c : Integer.compare(x, y);
            });
            for (int j = 0; j < leftover; j++) {
                parts[order[j]]++;
            }
        }
        return parts;
    }
}
