package net.taonet.yuma.io;

import java.math.BigInteger;
import java.util.Map;
import java.util.OptionalInt;

import net.taonet.yuma.BoolVector;
import net.taonet.yuma.EpochInput;
import net.taonet.yuma.Hyperparameters;
import net.taonet.yuma.SparseMatrix;
import net.taonet.yuma.U64Vector;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Strict conversion of {@code yuma-vector/1} JSON (see the vectors README) into engine inputs.
 * Every problem becomes a {@link VectorFormatException} naming the offending field, because the
 * CLI reports it as one line.
 */
public final class VectorJson {

    private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    /** The hyperparameter keys of the format, in the README's order. */
    public static final String[] HYPERPARAMETER_KEYS = {
        "kappa", "bonds_penalty", "bonds_moving_average", "max_allowed_validators", "tempo",
        "activity_cutoff_factor_milli", "yuma3", "liquid_alpha", "alpha_low", "alpha_high",
        "alpha_sigmoid_steepness", "stake_threshold", "owner_uid", "commit_reveal_enabled",
        "last_mechanism_step_block"
    };

    private VectorJson() {
    }

    /** Hyperparameters from a {@code hyperparameters} object (all keys required). */
    public static Hyperparameters hyperparameters(JsonNode h) {
        if (h == null || !h.isObject()) {
            throw new VectorFormatException("hyperparameters: expected an object");
        }
        try {
            JsonNode owner = require(h, "owner_uid", "hyperparameters");
            return new Hyperparameters(
                    intIn(h, "kappa", 0, 65535),
                    intIn(h, "bonds_penalty", 0, 65535),
                    u64(require(h, "bonds_moving_average", "hyperparameters"), "hyperparameters.bonds_moving_average"),
                    intIn(h, "max_allowed_validators", 0, 65535),
                    intIn(h, "tempo", 0, 65535),
                    u64(require(h, "activity_cutoff_factor_milli", "hyperparameters"), "hyperparameters.activity_cutoff_factor_milli"),
                    bool(h, "yuma3"),
                    bool(h, "liquid_alpha"),
                    intIn(h, "alpha_low", 0, 65535),
                    intIn(h, "alpha_high", 0, 65535),
                    intIn(h, "alpha_sigmoid_steepness", Short.MIN_VALUE, Short.MAX_VALUE),
                    u64(require(h, "stake_threshold", "hyperparameters"), "hyperparameters.stake_threshold"),
                    owner.isNull() ? OptionalInt.empty() : OptionalInt.of(intIn(h, "owner_uid", 0, 65535)),
                    bool(h, "commit_reveal_enabled"),
                    u64(require(h, "last_mechanism_step_block", "hyperparameters"), "hyperparameters.last_mechanism_step_block"));
        } catch (IllegalArgumentException e) {
            throw new VectorFormatException("hyperparameters: " + e.getMessage());
        }
    }

    /**
     * Overlays {@code overrides} (already-parsed JSON values by key) onto a copy of the
     * hyperparameter object; unknown keys are rejected.
     */
    public static ObjectNode overlay(JsonNode base, Map<String, JsonNode> overrides) {
        if (base == null || !base.isObject()) {
            throw new VectorFormatException("hyperparameters: expected an object");
        }
        ObjectNode copy = ((ObjectNode) base).deepCopy();
        for (Map.Entry<String, JsonNode> e : overrides.entrySet()) {
            if (!java.util.Arrays.asList(HYPERPARAMETER_KEYS).contains(e.getKey())) {
                throw new VectorFormatException("unknown hyperparameter: " + e.getKey());
            }
            copy.set(e.getKey(), e.getValue());
        }
        return copy;
    }

    /** Epoch inputs from an {@code inputs} object. */
    public static EpochInput input(JsonNode in, String where) {
        if (in == null || !in.isObject()) {
            throw new VectorFormatException(where + ": expected an inputs object");
        }
        int n = (int) bounded(require(in, "n", where), where + ".n", 0, 65536);
        U64Vector stake = U64Vector.of(u64Array(require(in, "stake", where), where + ".stake"));
        SparseMatrix weights = rows(require(in, "weights", where), where + ".weights");
        SparseMatrix bonds = rows(require(in, "bonds", where), where + ".bonds");
        U64Vector lastUpdate = U64Vector.of(u64Array(require(in, "last_update", where), where + ".last_update"));
        U64Vector registered = U64Vector.of(u64Array(require(in, "block_at_registration", where), where + ".block_at_registration"));
        JsonNode permitNode = require(in, "validator_permit", where);
        BoolVector permit = BoolVector.of(boolArray(permitNode, where + ".validator_permit"));
        long block = u64(require(in, "current_block", where), where + ".current_block");
        long rao = u64(require(in, "rao_emission", where), where + ".rao_emission");
        JsonNode cbNode = in.get("commit_blocks");
        U64Vector commit = null;
        if (cbNode != null && !cbNode.isNull()) {
            if (!cbNode.isArray()) {
                throw new VectorFormatException(where + ".commit_blocks: expected an array or null");
            }
            long[] cb = new long[cbNode.size()];
            for (int i = 0; i < cb.length; i++) {
                JsonNode x = cbNode.get(i);
                cb[i] = x.isNull() ? EpochInput.NO_COMMIT : u64(x, where + ".commit_blocks[" + i + "]");
            }
            commit = U64Vector.of(cb);
        }
        try {
            return new EpochInput(n, stake, weights, bonds, lastUpdate, registered, permit, block, rao, commit);
        } catch (IllegalArgumentException e) {
            throw new VectorFormatException(where + ": " + e.getMessage());
        }
    }

    /** Rows of {@code [uid, u16]} pairs. */
    public static SparseMatrix rows(JsonNode node, String where) {
        if (!node.isArray()) {
            throw new VectorFormatException(where + ": expected an array of rows");
        }
        SparseMatrix.Builder b = SparseMatrix.builder(node.size());
        for (int i = 0; i < node.size(); i++) {
            JsonNode row = node.get(i);
            if (!row.isArray()) {
                throw new VectorFormatException(where + "[" + i + "]: expected an array of [uid, value] pairs");
            }
            for (int k = 0; k < row.size(); k++) {
                JsonNode e = row.get(k);
                String at = where + "[" + i + "][" + k + "]";
                if (!e.isArray() || e.size() != 2) {
                    throw new VectorFormatException(at + ": expected a [uid, value] pair");
                }
                int uid = (int) bounded(e.get(0), at + " uid", 0, 65535);
                int value = (int) bounded(e.get(1), at + " value", 0, 65535);
                b.add(i, uid, value);
            }
        }
        return b.build();
    }

    /** An unsigned 64-bit integer, returned as its bits in a long. */
    public static long u64(JsonNode node, String where) {
        if (node == null || !node.isIntegralNumber()) {
            throw new VectorFormatException(where + ": expected an unsigned 64-bit integer, got " + describe(node));
        }
        BigInteger v = node.bigIntegerValue();
        if (v.signum() < 0 || v.compareTo(U64_MAX) > 0) {
            throw new VectorFormatException(where + ": out of u64 range: " + v);
        }
        return v.longValue();
    }

    private static long[] u64Array(JsonNode node, String where) {
        if (!node.isArray()) {
            throw new VectorFormatException(where + ": expected an array");
        }
        long[] out = new long[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = u64(node.get(i), where + "[" + i + "]");
        }
        return out;
    }

    private static boolean[] boolArray(JsonNode node, String where) {
        if (!node.isArray()) {
            throw new VectorFormatException(where + ": expected an array");
        }
        boolean[] out = new boolean[node.size()];
        for (int i = 0; i < out.length; i++) {
            JsonNode x = node.get(i);
            if (!x.isBoolean()) {
                throw new VectorFormatException(where + "[" + i + "]: expected true/false, got " + describe(x));
            }
            out[i] = x.booleanValue();
        }
        return out;
    }

    private static long bounded(JsonNode node, String where, long lo, long hi) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new VectorFormatException(where + ": expected an integer, got " + describe(node));
        }
        long v = node.longValue();
        if (v < lo || v > hi) {
            throw new VectorFormatException(where + ": " + v + " out of range [" + lo + ", " + hi + "]");
        }
        return v;
    }

    private static int intIn(JsonNode h, String key, int lo, int hi) {
        return (int) bounded(require(h, key, "hyperparameters"), "hyperparameters." + key, lo, hi);
    }

    private static boolean bool(JsonNode h, String key) {
        JsonNode x = require(h, key, "hyperparameters");
        if (!x.isBoolean()) {
            throw new VectorFormatException("hyperparameters." + key + ": expected true/false, got " + describe(x));
        }
        return x.booleanValue();
    }

    static JsonNode require(JsonNode obj, String key, String where) {
        JsonNode x = obj.get(key);
        if (x == null) {
            throw new VectorFormatException(where + ": missing \"" + key + "\"");
        }
        return x;
    }

    private static String describe(JsonNode node) {
        if (node == null) {
            return "nothing";
        }
        String s = node.toString();
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
