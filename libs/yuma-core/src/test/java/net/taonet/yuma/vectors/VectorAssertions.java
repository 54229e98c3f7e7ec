package net.taonet.yuma.vectors;

import java.math.BigDecimal;
import java.math.BigInteger;

import net.taonet.yuma.EpochOutput;
import net.taonet.yuma.FixedVector;
import net.taonet.yuma.SparseMatrix;
import net.taonet.yuma.fixed.I32F32;
import net.taonet.yuma.io.OutputJson;
import tools.jackson.databind.JsonNode;

/** Evaluates the normative {@code assertions} of a vector epoch (format in the vectors README). */
final class VectorAssertions {

    private static final BigDecimal TWO_32 = BigDecimal.valueOf(1L << 32);

    private VectorAssertions() {
    }

    /** {@code null} when the assertion holds, else what was found. */
    static String check(JsonNode a, EpochOutput out, EpochOutput previous, JsonNode model) {
        String output = a.get("output").asString();
        JsonNode at = a.get("at");
        if (a.has("eq_model_output")) {
            JsonNode ours = OutputJson.outputs(out).get(output);
            String expected = model.get(output).toString();
            return ours != null && ours.toString().equals(expected) ? null : "differs from model_outputs." + output;
        }
        Object value = value(output, at, out);
        if (a.has("eq")) {
            JsonNode e = a.get("eq");
            boolean ok = e.isBoolean() ? value.equals(e.booleanValue()) : num(value).compareTo(e.decimalValue()) == 0;
            return ok ? null : "value " + value;
        }
        if (a.has("gt")) {
            return num(value).compareTo(a.get("gt").decimalValue()) > 0 ? null : "value " + value;
        }
        if (a.has("approx")) {
            BigDecimal diff = num(value).subtract(a.get("approx").decimalValue()).abs();
            return diff.compareTo(a.get("abs_tol").decimalValue()) <= 0 ? null : "value " + num(value);
        }
        if (a.has("range")) {
            BigDecimal v = num(value);
            boolean ok = v.compareTo(a.get("range").get(0).decimalValue()) >= 0
                    && v.compareTo(a.get("range").get(1).decimalValue()) < 0;
            return ok ? null : "value " + v;
        }
        if (a.has("u16_proportion_approx_f32")) {
            long bits = I32F32.fromU16Proportion(num(value).intValueExact());
            long target = I32F32.fromFloat((float) a.get("u16_proportion_approx_f32").doubleValue());
            long tol = a.get("tol_i32f32_bits").asLong();
            return Math.abs(bits - target) <= tol ? null : "value " + value + " (bits " + bits + " vs " + target + ")";
        }
        if (a.has("ge_previous_epoch") || a.has("le_previous_epoch")) {
            if (previous == null) {
                return "no previous epoch";
            }
            int cmp = num(value).compareTo(num(value(output, at, previous)));
            boolean ok = a.has("ge_previous_epoch") ? cmp >= 0 : cmp <= 0;
            return ok ? null : "value " + value + " vs previous " + value(output, at, previous);
        }
        if (a.has("eq_output_at")) {
            Object other = value(output, a.get("eq_output_at"), out);
            return num(value).compareTo(num(other)) == 0 ? null : "value " + value + " vs " + other;
        }
        return "unknown predicate";
    }

    private static BigDecimal num(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        throw new IllegalArgumentException("not a number: " + v);
    }

    /** The value an assertion names: Boolean or BigDecimal. */
    private static Object value(String output, JsonNode at, EpochOutput o) {
        if (output.startsWith("sum:")) {
            BigInteger s = BigInteger.ZERO;
            for (String part : output.substring(4).split("\\+")) {
                JsonNode arr = OutputJson.outputs(o).get(part);
                for (JsonNode x : arr) {
                    s = s.add(x.bigIntegerValue());
                }
            }
            return new BigDecimal(s);
        }
        if (output.startsWith("i32f32.")) {
            String name = output.substring(7);
            long bits;
            if (at.isArray()) {
                SparseMatrix m = switch (name) {
                    case "weights" -> o.trace().orElseThrow().weights();
                    case "bonds_delta" -> o.trace().orElseThrow().bondsDelta().orElseThrow();
                    case "ema_bonds" -> o.trace().orElseThrow().emaBonds();
                    default -> throw new IllegalArgumentException(name);
                };
                bits = m.get(at.get(0).asInt(), at.get(1).asInt(), 0);
            } else {
                FixedVector v = switch (name) {
                    case "stake" -> o.stakeBits();
                    case "active_stake" -> o.activeStakeBits();
                    case "consensus" -> o.consensusBits();
                    case "incentive" -> o.incentiveBits();
                    case "dividends" -> o.dividendsBits();
                    case "validator_trust" -> o.validatorTrustBits();
                    case "normalized_server" -> o.normalizedServer();
                    case "normalized_validator" -> o.normalizedValidator();
                    case "normalized_combined" -> o.normalizedCombined();
                    default -> throw new IllegalArgumentException(name);
                };
                bits = v.bits(at.asInt());
            }
            return new BigDecimal(bits).divide(TWO_32);
        }
        if (output.equals("bonds_u16")) {
            return BigDecimal.valueOf(o.bonds().get(at.get(0).asInt(), at.get(1).asInt(), 0));
        }
        JsonNode x = OutputJson.outputs(o).get(output).get(at.asInt());
        if (x.isBoolean()) {
            return x.booleanValue();
        }
        return new BigDecimal(x.bigIntegerValue());
    }
}
