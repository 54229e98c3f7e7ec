package net.taonet.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.taonet.cli.CliException;
import org.junit.jupiter.api.Test;

class TaoTest {

    static long parse(String text) {
        return Tao.parsePositive(text, "--amount");
    }

    static void refused(String text, String fragment) {
        assertThatThrownBy(() -> parse(text)).isInstanceOfSatisfying(CliException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(2);
            assertThat(e.getMessage()).startsWith("--amount").contains(fragment);
        });
    }

    @Test
    void taoBecomesExactRao() {
        assertThat(parse("1.5")).isEqualTo(1_500_000_000L);
        assertThat(parse("1")).isEqualTo(1_000_000_000L);
        assertThat(parse("0.000000001")).isEqualTo(1L);
        assertThat(parse(".5")).isEqualTo(500_000_000L);
        assertThat(parse("5.")).isEqualTo(5_000_000_000L);
        assertThat(parse(" 2 ")).isEqualTo(2_000_000_000L);
        assertThat(parse("0.1")).isEqualTo(100_000_000L); // no binary floating point on the way
        assertThat(parse("1000000")).isEqualTo(1_000_000_000_000_000L);
        assertThat(parse("007.250000000")).isEqualTo(7_250_000_000L);
        assertThat(parse("9223372036.854775807")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void zeroNegativeAndTooPreciseAreRefused() {
        refused("0", "more than 0");
        refused("0.000000000", "more than 0");
        refused("-1", "negative");
        refused("-0.5", "negative");
        refused("0.0000000001", "more than 9 decimals");
        refused("1.1000000000", "more than 9 decimals");
        assertThat(Tao.parse("0", "--max-price")).isZero();
    }

    @Test
    void hugeAmountsAreRefusedNotWrapped() {
        refused("9223372036.854775808", "too large");
        refused("99999999999", "too large");
        refused("1" + "0".repeat(400), "too large");
    }

    @Test
    void onlyPlainDecimalsAreAmounts() {
        for (String bad : new String[] {"", " ", "1e3", "1E-9", "+1", "1,5", "1_000", "0x10", "NaN", "Infinity", "1.2.3", ".", "abc", "1 TAO"}) {
            refused(bad, "not an amount");
        }
        assertThatThrownBy(() -> Tao.parse(null, "--amount")).isInstanceOf(CliException.class);
    }

    @Test
    void raoPrintsInTaoExactly() {
        assertThat(Tao.format(0)).isEqualTo("0");
        assertThat(Tao.format(1)).isEqualTo("0.000000001");
        assertThat(Tao.format(1_500_000_000L)).isEqualTo("1.5");
        assertThat(Tao.format(1_000_000_000_000L)).isEqualTo("1000");
        assertThat(Tao.format(Long.MAX_VALUE)).isEqualTo("9223372036.854775807");
        assertThat(Tao.format(-5)).isEqualTo("-0.000000005");
        assertThat(Tao.withUnit(2_000_000L)).isEqualTo("0.002 TAO");
    }

    @Property
    void printingAndParsingRoundTrip(@ForAll @LongRange(min = 1, max = Long.MAX_VALUE) long rao) {
        assertThat(parse(Tao.format(rao))).isEqualTo(rao);
    }
}
