package net.taonet.consensus.epoch.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.taonet.events.registry.Hyperparameters;
import net.taonet.platform.problem.ApiProblem;
import tools.jackson.databind.json.JsonMapper;

/**
 * "What if" hyperparameters for a replay: only the ones the epoch reads (spec §3.2), each within the
 * range the network allows. A bad override is a 400 problem naming the allowed range; nothing runs.
 */
public final class HyperparameterOverrides {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** Integer hyperparameters and their ranges (inclusive); {@code maxAllowedValidators} is also capped by the subnet size. */
    static final Map<String, long[]> RANGES = rangeTable();
    static final List<String> FLAGS = List.of("yuma3Enabled", "liquidAlphaEnabled", "commitRevealEnabled");

    private HyperparameterOverrides() {
    }

    private static Map<String, long[]> rangeTable() {
        Map<String, long[]> r = new LinkedHashMap<>();
        r.put("kappa", new long[] {0, 65_535});
        r.put("bondsPenalty", new long[] {0, 65_535});
        r.put("bondsMovingAverage", new long[] {0, 1_000_000});
        r.put("maxAllowedValidators", new long[] {0, 256});
        r.put("tempo", new long[] {1, 50_400});
        r.put("activityCutoffFactorMilli", new long[] {1_000, 50_000});
        r.put("alphaLow", new long[] {1_638, 65_535});
        r.put("alphaHigh", new long[] {1_638, 65_535});
        r.put("alphaSigmoidSteepness", new long[] {Short.MIN_VALUE, Short.MAX_VALUE});
        r.put("stakeThreshold", new long[] {0, Long.MAX_VALUE});
        return r;
    }

    /** The names a replay accepts. */
    public static List<String> names() {
        List<String> all = new java.util.ArrayList<>(RANGES.keySet());
        all.addAll(FLAGS);
        return all;
    }

    /** Applies validated overrides to {@code base}. */
    public static Hyperparameters apply(Hyperparameters base, Map<String, Object> overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return base;
        }
        Map<String, Object> values = MAPPER.convertValue(base, Map.class);
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            String name = e.getKey();
            Object value = e.getValue();
            if (FLAGS.contains(name)) {
                if (!(value instanceof Boolean)) {
                    throw ApiProblem.badRequest("invalid-hyperparameter", name + " must be true or false")
                            .with("hyperparameter", name).with("allowed", List.of(true, false));
                }
                values.put(name, value);
                continue;
            }
            long[] range = RANGES.get(name);
            if (range == null) {
                throw ApiProblem.badRequest("unknown-hyperparameter",
                        name + " is not a hyperparameter the epoch reads; allowed: " + names())
                        .with("hyperparameter", name).with("allowed", names());
            }
            long max = name.equals("maxAllowedValidators") ? Math.min(range[1], base.maxAllowedUids()) : range[1];
            if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < range[0]
                    || ((Number) value).longValue() > max) {
                throw ApiProblem.badRequest("invalid-hyperparameter",
                        name + " must be an integer in [" + range[0] + ", " + max + "], got " + value)
                        .with("hyperparameter", name).with("minimum", range[0]).with("maximum", max);
            }
            values.put(name, ((Number) value).longValue());
        }
        Hyperparameters result = MAPPER.convertValue(values, Hyperparameters.class);
        if (result.alphaLow() > result.alphaHigh()) {
            throw ApiProblem.badRequest("invalid-hyperparameter",
                    "alphaLow must not exceed alphaHigh (" + result.alphaLow() + " > " + result.alphaHigh() + ")")
                    .with("hyperparameter", "alphaLow").with("minimum", 1_638).with("maximum", result.alphaHigh());
        }
        return result;
    }
}
