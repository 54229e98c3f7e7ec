package net.taonet.identity.wallet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FlatJsonTest {

    @Test
    void roundTripsStringsWithEscapesAndIntegers() {
        Map<String, Object> in = new LinkedHashMap<>();
        in.put("a", "quote \" backslash \\ newline \n tab \t ctl \u0001 é");
        in.put("n", 32768);
        in.put("neg", -5);
        Map<String, String> out = FlatJson.read(FlatJson.write(in));
        assertThat(out).containsExactly(Map.entry("a", (String) in.get("a")), Map.entry("n", "32768"),
                Map.entry("neg", "-5"));
        assertThat(FlatJson.read("{}")).isEmpty();
        assertThat(FlatJson.read("{\"k\":\"\\u0041\\/\"}")).containsEntry("k", "A/");
    }

    @Test
    void refusesMalformedInput() {
        assertThatThrownBy(() -> FlatJson.read("{\"a\":1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlatJson.read("{\"a\":true}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlatJson.read("{\"a\":1} x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FlatJson.read("")).isInstanceOf(IllegalArgumentException.class);
    }
}
