package net.taonet.cli.format;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** How the network's integer quantities read on screen (the wire keeps the integers). */
public final class Units {

    private static final BigDecimal U16_MAX = BigDecimal.valueOf(65_535);

    private Units() {
    }

    /** A u16 proportion (value / 65,535) with four decimals: {@code 32767} → {@code 0.5000}. */
    public static String u16(long value) {
        return BigDecimal.valueOf(value).divide(U16_MAX, 4, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A u16 proportion as a percentage with two decimals: {@code 11796} → {@code 18.00%}. */
    public static String percent(long value) {
        return BigDecimal.valueOf(value).multiply(BigDecimal.valueOf(100))
                .divide(U16_MAX, 2, RoundingMode.HALF_EVEN).toPlainString() + "%";
    }

    /** An address shortened for wide tables: the first 8 and last 4 characters. */
    public static String shortAddress(String address, boolean wide) {
        if (address == null || wide || address.length() <= 14) {
            return address;
        }
        return address.substring(0, 8) + "…" + address.substring(address.length() - 4);
    }
}
