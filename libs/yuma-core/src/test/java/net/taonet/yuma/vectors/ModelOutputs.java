package net.taonet.yuma.vectors;

import java.util.ArrayList;
import java.util.List;

import net.taonet.yuma.EpochOutput;
import net.taonet.yuma.io.OutputJson;
import tools.jackson.databind.JsonNode;

/** Exact comparison of an engine output with a vector's {@code model_outputs}. */
final class ModelOutputs {

    private ModelOutputs() {
    }

    /** Every mismatching field, described; empty when all fields are equal. */
    static List<String> mismatches(JsonNode model, EpochOutput out) {
        List<String> problems = new ArrayList<>();
        JsonNode ours = OutputJson.outputs(out);
        for (String key : model.propertyNames()) {
            switch (key) {
                case "activity_cutoff_blocks" -> check(problems, key, model.get(key).asLong() == out.activityCutoffBlocks(),
                        model.get(key), out.activityCutoffBlocks());
                case "last_tempo" -> check(problems, key, model.get(key).asLong() == out.lastTempo(),
                        model.get(key), out.lastTempo());
                case "i32f32_bits" -> {
                    JsonNode bits = model.get(key);
                    for (String b : bits.propertyNames()) {
                        compare(problems, "i32f32_bits." + b, bits.get(b), ours.get(key).get(b));
                    }
                }
                default -> compare(problems, key, model.get(key), ours.get(key));
            }
        }
        return problems;
    }

    private static void compare(List<String> problems, String key, JsonNode expected, JsonNode actual) {
        if (actual == null) {
            problems.add(key + ": not produced");
            return;
        }
        // Textual comparison: numeric node classes differ (int/long/BigInteger) but print alike.
        String e = expected.toString();
        String a = actual.toString();
        if (!e.equals(a)) {
            problems.add(key + ": " + firstDifference(expected, actual));
        }
    }

    private static String firstDifference(JsonNode e, JsonNode a) {
        if (e.isArray() && a.isArray()) {
            if (e.size() != a.size()) {
                return "length " + a.size() + " != expected " + e.size();
            }
            for (int i = 0; i < e.size(); i++) {
                if (!e.get(i).toString().equals(a.get(i).toString())) {
                    return "[" + i + "] " + abbreviate(a.get(i)) + " != expected " + abbreviate(e.get(i));
                }
            }
        }
        return abbreviate(a) + " != expected " + abbreviate(e);
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }

    private static void check(List<String> problems, String key, boolean ok, JsonNode expected, long actual) {
        if (!ok) {
            problems.add(key + ": " + actual + " != expected " + expected);
        }
    }
}
