package net.taonet.cli.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.taonet.cli.CliException;

/**
 * Hyperparameter names and values as typed: spec/protocol.md §8 spells them {@code snake_case}, the wire
 * (the {@code Hyperparameters} record) {@code camelCase}; either is accepted. Values are integers or
 * {@code true}/{@code false}; rao-valued ones (min_burn, max_burn) are in rao, like the wire.
 */
final class Hyperparams {

    private Hyperparams() {
    }

    /** {@code bonds_moving_average} or {@code bonds-moving-average} → {@code bondsMovingAverage}; camelCase stays. */
    static String wireName(String name) {
        String n = name == null ? "" : name.strip();
        if (!n.matches("[A-Za-z][A-Za-z0-9_-]*")) {
            throw CliException.usage("not a hyperparameter name: '" + name + "'");
        }
        if (!n.contains("_") && !n.contains("-")) {
            return n;
        }
        StringBuilder b = new StringBuilder();
        boolean upper = false;
        for (char c : n.toLowerCase(Locale.ROOT).toCharArray()) {
            if (c == '_' || c == '-') {
                upper = true;
            } else {
                b.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return b.toString();
    }

    /** {@code true}/{@code false} → Boolean, an integer → Long; anything else is a usage error. */
    static Object value(String name, String text) {
        String v = text == null ? "" : text.strip();
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(v);
        }
        if (v.matches("-?\\d{1,19}")) {
            try {
                return Long.parseLong(v);
            } catch (NumberFormatException e) {
                // falls through to the error below
            }
        }
        throw CliException.usage(name + ": a hyperparameter's value is an integer or true/false, got '" + text + "'");
    }

    /** {@code name=value} pairs (e.g. {@code --set kappa=40000}) as wire names and values, in order. */
    static Map<String, Object> assignments(List<String> pairs, String option) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (pairs == null) {
            return out;
        }
        for (String p : pairs) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw CliException.usage(option + " takes name=value, got '" + p + "'");
            }
            String name = wireName(p.substring(0, eq));
            out.put(name, value(name, p.substring(eq + 1)));
        }
        return out;
    }
}
