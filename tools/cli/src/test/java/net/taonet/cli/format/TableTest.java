package net.taonet.cli.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void columnsAlignAndNumbersGoRight() {
        Table t = new Table("NAME", "TAO>").row("a", "1.5").row("long name", "1000").row("c", null);
        assertThat(t.lines()).containsExactly(
                "NAME        TAO",
                "a           1.5",
                "long name  1000",
                "c             -");
        assertThatThrownBy(() -> t.row("only one")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unitsReadAsPeopleExpect() {
        assertThat(Units.u16(65_535)).isEqualTo("1.0000");
        assertThat(Units.u16(32_767)).isEqualTo("0.5000");
        assertThat(Units.u16(0)).isEqualTo("0.0000");
        assertThat(Units.percent(11_796)).isEqualTo("18.00%");
        assertThat(Units.shortAddress("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", false)).isEqualTo("5GrwvaEF…utQY");
        assertThat(Units.shortAddress("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", true))
                .isEqualTo("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
    }
}
