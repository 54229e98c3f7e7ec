package net.taonet.registry.pricing.domain;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The registration price of a subnet (spec/protocol.md §4), evaluated lazily from the price the last
 * registration left behind.
 *
 * <p><b>Method.</b> A subnet stores {@code (P, b₀)}: the price set at block {@code b₀} (by its creation
 * or by the last registration). At block {@code b ≥ b₀} the price is
 *
 * <pre>  price(b) = clamp( ⌊ P · 2^(−(b − b₀)/H) ⌋ )</pre>
 *
 * where {@code H = burn_half_life}: decaying by {@code f} per block with {@code f^H = ½} is exactly
 * multiplying by {@code 2^(−n/H)} after {@code n} blocks. The floor is of the <i>real</i> number: the
 * result is the largest integer {@code x} with {@code x^H · 2^n ≤ P^H}. Any implementation of this
 * definition gives the same rao on any machine.
 *
 * <p><b>Computation.</b> With {@code n = qH + r}: a whole number of half-lives is a right shift (exact).
 * Otherwise {@code P · 2^(−q) · e^(−r·ln2/H)} is evaluated in 70-digit decimal arithmetic (an alternating
 * Taylor series, ln 2 to 100 digits), whose error is far below {@value #MARGIN_TEXT} rao; if the value lies
 * within that margin of a whole rao, the exact integer comparison above decides. So the decimal
 * arithmetic only makes the answer fast, never different.
 *
 * <p>A registration at block {@code b} pays {@code price(b)} and sets {@code (P, b₀) := (clamp(⌊price(b) ·
 * mult / 1000⌋), b)}: the bump is immediate, so a second registration in the same block pays the bumped
 * price. The clamp is {@code [min_burn, max_burn]}.
 */
public final class RegistrationPrice {

    private static final MathContext MC = new MathContext(70, RoundingMode.HALF_EVEN);
    private static final BigDecimal LN2 = new BigDecimal("0.6931471805599453094172321214581765680755"
            + "001343602552541206800094933936219696947156058633269964186875");
    static final String MARGIN_TEXT = "1e-20";
    private static final BigDecimal MARGIN = new BigDecimal(MARGIN_TEXT);
    private static final BigDecimal NEGLIGIBLE = new BigDecimal("1e-66");

    private RegistrationPrice() {
    }

    /** The price at {@code block} of a subnet whose last price {@code lastPriceRao} was set at {@code lastBlock}. */
    public static long at(long lastPriceRao, long lastBlock, long block, BurnParameters params) {
        long blocks = Math.max(0, block - lastBlock);
        return params.clamp(decay(lastPriceRao, blocks, params.halfLife()));
    }

    /** The price after a registration that paid {@code paidRao}: ⌊paid × mult / 1000⌋, clamped. */
    public static long afterRegistration(long paidRao, BurnParameters params) {
        BigInteger bumped = BigInteger.valueOf(paidRao).multiply(BigInteger.valueOf(params.increaseMultMilli()))
                .divide(BigInteger.valueOf(1000));
        long value = bumped.bitLength() < 63 ? bumped.longValueExact() : Long.MAX_VALUE;
        return params.clamp(value);
    }

    /** ⌊amount · 2^(−blocks/halfLife)⌋, exactly. */
    public static long decay(long amountRao, long blocks, long halfLife) {
        if (amountRao < 0 || blocks < 0 || halfLife < 1) {
            throw new IllegalArgumentException("decay needs a non-negative amount and block count and a positive half-life");
        }
        if (amountRao == 0 || blocks == 0) {
            return amountRao;
        }
        long wholeHalvings = blocks / halfLife;
        int remainder = (int) (blocks % halfLife);
        if (wholeHalvings >= 63) {
            return 0;
        }
        long halved = amountRao >> wholeHalvings;
        if (remainder == 0) {
            // exact: amount · 2^(−q) rounded down is the shift, no root needed
            return halved;
        }
        BigDecimal value = new BigDecimal(amountRao)
                .multiply(expNegative(LN2.multiply(BigDecimal.valueOf(remainder), MC)
                        .divide(BigDecimal.valueOf(halfLife), MC)), MC)
                .divide(new BigDecimal(BigInteger.ONE.shiftLeft((int) wholeHalvings)), MC);
        long low = value.subtract(MARGIN).setScale(0, RoundingMode.FLOOR).longValueExact();
        long high = value.add(MARGIN).setScale(0, RoundingMode.FLOOR).longValueExact();
        if (low == high) {
            return low;
        }
        return decideExactly(amountRao, wholeHalvings, remainder, (int) halfLife, Math.max(0, low), high);
    }

    /** Among consecutive candidates, the largest {@code x} with {@code (x·2^q)^H · 2^r ≤ amount^H}. */
    static long decideExactly(long amountRao, long wholeHalvings, int remainder, int halfLife, long low, long high) {
        Exact test = new Exact(amountRao, wholeHalvings, remainder, halfLife);
        long x = low;
        while (x < high && test.fits(x + 1)) {
            x++;
        }
        return x;
    }

    /** e^(−y) for 0 ≤ y &lt; 1: alternating series, stopped far below the margin. */
    private static BigDecimal expNegative(BigDecimal y) {
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int k = 1; k < 200; k++) {
            term = term.multiply(y, MC).divide(BigDecimal.valueOf(k), MC).negate();
            sum = sum.add(term, MC);
            if (term.abs().compareTo(NEGLIGIBLE) < 0) {
                break;
            }
        }
        return sum;
    }

    /** The exact comparison {@code (x·2^q)^H · 2^r ≤ amount^H}. */
    private static final class Exact {
        private final long q;
        private final int r;
        private final int h;
        private final BigInteger bound;

        Exact(long amount, long q, int r, int h) {
            this.q = q;
            this.r = r;
            this.h = h;
            this.bound = BigInteger.valueOf(amount).pow(h);
        }

        boolean fits(long x) {
            BigInteger lhs = BigInteger.valueOf(x).shiftLeft((int) q).pow(h).shiftLeft(r);
            return lhs.compareTo(bound) <= 0;
        }
    }
}
