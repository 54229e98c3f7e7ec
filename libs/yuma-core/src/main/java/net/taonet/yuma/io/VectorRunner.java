package net.taonet.yuma.io;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.taonet.yuma.BoolVector;
import net.taonet.yuma.EpochInput;
import net.taonet.yuma.EpochOptions;
import net.taonet.yuma.EpochOutput;
import net.taonet.yuma.Hyperparameters;
import net.taonet.yuma.SparseMatrix;
import net.taonet.yuma.Yuma;
import tools.jackson.databind.JsonNode;

/**
 * Runs every epoch of a {@code yuma-vector/1} document, from its snapshots or chained (each epoch
 * after the first takes bonds and permits from the previous epoch's own output, after the
 * document's {@code events}), as the vectors README prescribes.
 */
public final class VectorRunner {

    /** How epochs after the first get their bonds and permits. */
    public enum Mode {
        /** Every epoch from its recorded inputs. */
        SNAPSHOT,
        /** Bonds and permits fed forward from this engine's previous output. */
        CHAIN
    }

    /** Largest n for which intermediate matrices are traced (the vectors record them up to 64). */
    public static final int TRACE_LIMIT = 64;

    /** One epoch as run. */
    public record EpochRun(String label, EpochInput input, Hyperparameters hyperparameters,
                           EpochOptions.Path path, EpochOutput output, JsonNode vector) {
    }

    /** The epochs of one case (or of the whole file when it has no cases; label null then). */
    public record CaseRun(String label, List<EpochRun> epochs) {
    }

    /** A whole document's results. */
    public record DocumentRun(String id, boolean hasCases, List<CaseRun> cases, boolean chained) {
    }

    private VectorRunner() {
    }

    /** Whether the document can be chained ({@code "chain": false} marks independent epochs). */
    public static boolean chainable(JsonNode doc) {
        JsonNode c = doc.get("chain");
        return c == null || !c.isBoolean() || c.booleanValue();
    }

    /** Whether the document has inline epochs to run. */
    public static boolean hasInlineEpochs(JsonNode doc) {
        if (doc.has("epochs")) {
            return true;
        }
        JsonNode cases = doc.get("cases");
        // unit_math.json also has "cases", but function-level ones without epochs
        return cases != null && cases.isArray() && cases.size() > 0 && cases.get(0).has("epochs");
    }

    /**
     * Runs the document. {@code overrides} replace hyperparameters after the case's own overrides
     * (a what-if run); chaining is skipped for documents that are not chains.
     */
    public static DocumentRun run(JsonNode doc, Mode mode, Map<String, JsonNode> overrides) {
        if (doc == null || !doc.isObject()) {
            throw new VectorFormatException("expected a JSON object at the top level");
        }
        JsonNode schema = doc.get("schema");
        if (schema != null && !"yuma-vector/1".equals(schema.asString(""))) {
            throw new VectorFormatException("unsupported schema: " + schema);
        }
        JsonNode idNode = VectorJson.require(doc, "id", "document");
        if (!hasInlineEpochs(doc)) {
            throw new VectorFormatException("no inline epochs to run (generator-only or unit vector file)");
        }
        boolean chain = mode == Mode.CHAIN && chainable(doc);
        EpochOptions.Path filePath = pathOf(doc.get("path"), EpochOptions.Path.SPARSE);
        JsonNode baseHp = VectorJson.require(doc, "hyperparameters", "document");
        List<CaseRun> cases = new ArrayList<>();
        if (doc.has("cases")) {
            JsonNode cs = doc.get("cases");
            if (!cs.isArray()) {
                throw new VectorFormatException("cases: expected an array");
            }
            for (int c = 0; c < cs.size(); c++) {
                JsonNode cn = cs.get(c);
                String where = "cases[" + c + "]";
                JsonNode caseHp = baseHp;
                JsonNode ov = cn.get("hyperparameters_override");
                if (ov != null && !ov.isNull()) {
                    if (!ov.isObject()) {
                        throw new VectorFormatException(where + ".hyperparameters_override: expected an object");
                    }
                    java.util.LinkedHashMap<String, JsonNode> m = new java.util.LinkedHashMap<>();
                    for (String k : ov.propertyNames()) {
                        m.put(k, ov.get(k));
                    }
                    caseHp = VectorJson.overlay(baseHp, m);
                }
                cases.add(new CaseRun(label(cn, where),
                        runEpochs(VectorJson.require(cn, "epochs", where), where, caseHp, overrides, filePath, chain)));
            }
        } else {
            cases.add(new CaseRun(null, runEpochs(doc.get("epochs"), "epochs", baseHp, overrides, filePath, chain)));
        }
        return new DocumentRun(idNode.asString(), doc.has("cases"), cases, chain);
    }

    private static List<EpochRun> runEpochs(JsonNode epochs, String where, JsonNode hpNode,
                                            Map<String, JsonNode> overrides, EpochOptions.Path filePath,
                                            boolean chain) {
        if (!epochs.isArray()) {
            throw new VectorFormatException(where + ": expected an array");
        }
        Hyperparameters hp = VectorJson.hyperparameters(overrides.isEmpty() ? hpNode : VectorJson.overlay(hpNode, overrides));
        List<EpochRun> runs = new ArrayList<>();
        EpochOutput previous = null;
        for (int k = 0; k < epochs.size(); k++) {
            JsonNode e = epochs.get(k);
            String at = where + "[" + k + "]";
            EpochInput input = VectorJson.input(VectorJson.require(e, "inputs", at), at + ".inputs");
            if (chain && previous != null) {
                input = chained(input, previous, e.get("events"), at);
            }
            EpochOptions.Path path = pathOf(e.get("path"), filePath);
            if (path == EpochOptions.Path.DENSE && !anyPermit(input.validatorPermit())) {
                // Upstream's dense tests issue the first permits with the production epoch; an epoch
                // in which nobody holds a permit yet is that permit-issuing epoch.
                path = EpochOptions.Path.SPARSE;
            }
            EpochOutput out = Yuma.epoch(input, hp, new EpochOptions(path, input.n() <= TRACE_LIMIT));
            runs.add(new EpochRun(label(e, at), input, hp, path, out, e));
            previous = out;
        }
        return runs;
    }

    /**
     * The snapshot with bonds and permits replaced by the previous output, after the events:
     * {@code replaced} UIDs lose their bond row and permit, {@code bonds_reset_columns} are removed
     * from every bond row.
     */
    static EpochInput chained(EpochInput snapshot, EpochOutput previous, JsonNode events, String where) {
        int n = snapshot.n();
        SparseMatrix prevBonds = previous.bonds();
        boolean[] permit = new boolean[n];
        for (int i = 0; i < Math.min(n, previous.newValidatorPermit().size()); i++) {
            permit[i] = previous.newValidatorPermit().get(i);
        }
        Set<Integer> replaced = new HashSet<>();
        Set<Integer> resetColumns = new HashSet<>();
        if (events != null && !events.isNull()) {
            JsonNode r = events.get("replaced");
            if (r != null) {
                for (JsonNode pair : r) {
                    JsonNode uid = pair.isArray() ? pair.get(0) : pair;
                    replaced.add((int) VectorJson.u64(uid, where + ".events.replaced"));
                }
            }
            JsonNode c = events.get("bonds_reset_columns");
            if (c != null) {
                for (JsonNode uid : c) {
                    resetColumns.add((int) VectorJson.u64(uid, where + ".events.bonds_reset_columns"));
                }
            }
        }
        SparseMatrix.Builder b = SparseMatrix.builder(n);
        for (int i = 0; i < n; i++) {
            if (replaced.contains(i)) {
                permit[i] = false;
                continue;
            }
            if (i >= prevBonds.rows()) {
                continue;
            }
            for (int k = 0; k < prevBonds.rowLength(i); k++) {
                int j = prevBonds.col(i, k);
                if (!resetColumns.contains(j)) {
                    b.add(i, j, prevBonds.value(i, k));
                }
            }
        }
        return new EpochInput(n, snapshot.stake(), snapshot.weights(), b.build(), snapshot.lastUpdate(),
                snapshot.blockAtRegistration(), BoolVector.of(permit), snapshot.currentBlock(),
                snapshot.raoEmission(), snapshot.commitBlocks());
    }

    private static boolean anyPermit(BoolVector permits) {
        for (int i = 0; i < permits.size(); i++) {
            if (permits.get(i)) {
                return true;
            }
        }
        return false;
    }

    private static EpochOptions.Path pathOf(JsonNode node, EpochOptions.Path fallback) {
        if (node == null || !node.isString()) {
            return fallback;
        }
        // The path field is prose such as "dense (init_run_epochs is called with sparse=false ...)".
        String s = node.asString().trim().toLowerCase(java.util.Locale.ROOT);
        if (s.startsWith("dense")) {
            return EpochOptions.Path.DENSE;
        }
        if (s.startsWith("sparse")) {
            return EpochOptions.Path.SPARSE;
        }
        return fallback;
    }

    private static String label(JsonNode node, String where) {
        JsonNode l = node.get("label");
        if (l == null || !l.isString()) {
            throw new VectorFormatException(where + ": missing \"label\"");
        }
        return l.asString();
    }
}
