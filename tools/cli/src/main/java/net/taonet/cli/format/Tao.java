package net.taonet.cli.format;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.regex.Pattern;
import net.taonet.cli.CliException;

/**
 * Amounts: TAO on the command line and on screen, rao on the wire (1 TAO = 10⁹ rao, DESIGN §8). The
 * conversion is exact in both directions: a TAO amount is written with at most nine decimals (a rao) and is
 * never rounded, so what a person types is exactly what moves.
 */
public final class Tao {

    public static final int DECIMALS = 9;
    public static final long RAO_PER_TAO = 1_000_000_000L;

    /** Plain decimal notation only: no sign, no exponent, no grouping (what a person would type). */
    private static final Pattern PLAIN = Pattern.compile("(\\d+(\\.\\d*)?|\\.\\d+)");

    private Tao() {
    }

    /**
     * The rao value of a positive TAO amount such as {@code 1.5}, {@code 0.000000001} or {@code 1000}.
     *
     * @param what the option it came from, for the error message (e.g. {@code --amount})
     * @throws CliException (usage) for zero, a negative, more than nine decimals, a value above the largest
     *                      rao amount, or anything that is not a plain decimal number
     */
    public static long parsePositive(String text, String what) {
        long rao = parse(text, what);
        if (rao == 0) {
            throw CliException.usage(what + " must be more than 0 TAO");
        }
        return rao;
    }

    /** Like {@link #parsePositive} but 0 is allowed (e.g. a price limit of nothing). */
    public static long parse(String text, String what) {
        String value = text == null ? "" : text.strip();
        if (value.startsWith("-")) {
            throw CliException.usage(what + " cannot be negative: '" + value + "'");
        }
        if (!PLAIN.matcher(value).matches()) {
            throw CliException.usage(what + " is not an amount of TAO: '" + value + "' (e.g. 1.5)");
        }
        int point = value.indexOf('.');
        if (point >= 0 && value.length() - point - 1 > DECIMALS) {
            throw CliException.usage(what + " has more than " + DECIMALS + " decimals (1 rao = 0.000000001 TAO): '"
                    + value + "'");
        }
        BigInteger exact = new BigDecimal(value).movePointRight(DECIMALS).toBigIntegerExact();
        if (exact.bitLength() > 63) {
            throw CliException.usage(what + " is too large: '" + value + "' (at most " + format(Long.MAX_VALUE) + " TAO)");
        }
        return exact.longValueExact();
    }

    /** {@code rao} in TAO, exactly, without trailing zeros: {@code 1500000000} → {@code 1.5}, {@code 1} → {@code 0.000000001}. */
    public static String format(long rao) {
        BigDecimal tao = BigDecimal.valueOf(rao, DECIMALS).stripTrailingZeros();
        return tao.scale() < 0 ? tao.setScale(0).toPlainString() : tao.toPlainString();
    }

    /** {@code rao} in TAO followed by the unit: {@code 1.5 TAO}. */
    public static String withUnit(long rao) {
        return format(rao) + " TAO";
    }
}
