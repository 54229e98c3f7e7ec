package net.taonet.emission.ledger.domain;

import java.math.BigInteger;

/** Units and fixed amounts of spec/protocol.md §1 and §5, and overflow-safe integer arithmetic on rao. */
public final class Rao {

    public static final long PER_TAO = 1_000_000_000L;
    /** 21,000,000 TAO. */
    public static final long MAX_SUPPLY = 21_000_000L * PER_TAO;
    /** A free balance is 0 or at least this. */
    public static final long EXISTENTIAL_DEPOSIT = 500L;
    /** The least amount of one add_stake, and the least a position may keep after remove_stake (0.002 TAO). */
    public static final long MIN_STAKE = 2_000_000L;
    public static final int U16_MAX = 65_535;

    private Rao() {
    }

    /** {@code floor(a × b / c)} for non-negative operands, without overflow. */
    public static long mulDiv(long a, long b, long c) {
        if (a < 0 || b < 0 || c <= 0) {
            throw new IllegalArgumentException("mulDiv needs non-negative operands and a positive divisor");
        }
        if (a == 0 || b == 0) {
            return 0;
        }
        long hi = Math.multiplyHigh(a, b);
        if (hi == 0 && a * b >= 0) {
            return (a * b) / c;
        }
        return BigInteger.valueOf(a).multiply(BigInteger.valueOf(b)).divide(BigInteger.valueOf(c)).longValueExact();
    }

    public static String tao(long rao) {
        return java.math.BigDecimal.valueOf(rao, 9).stripTrailingZeros().toPlainString() + " TAO";
    }
}
