package net.taonet.yuma.io;

import java.math.BigInteger;

import net.taonet.yuma.BoolVector;
import net.taonet.yuma.EpochOutput;
import net.taonet.yuma.FixedVector;
import net.taonet.yuma.SparseMatrix;
import net.taonet.yuma.U16Vector;
import net.taonet.yuma.U64Vector;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The {@code yuma-output/1} JSON contract of the vectors README. */
public final class OutputJson {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private OutputJson() {
    }

    /** The whole document: one entry per epoch (and case), in file order. */
    public static ObjectNode document(VectorRunner.DocumentRun run) {
        ObjectNode doc = F.objectNode();
        doc.put("schema", "yuma-output/1");
        doc.put("id", run.id());
        if (run.hasCases()) {
            ArrayNode cases = doc.putArray("cases");
            for (VectorRunner.CaseRun c : run.cases()) {
                ObjectNode cn = cases.addObject();
                cn.put("label", c.label());
                cn.set("epochs", epochs(c));
            }
        } else {
            doc.set("epochs", epochs(run.cases().get(0)));
        }
        return doc;
    }

    private static ArrayNode epochs(VectorRunner.CaseRun c) {
        ArrayNode arr = F.arrayNode();
        for (VectorRunner.EpochRun e : c.epochs()) {
            ObjectNode en = arr.addObject();
            en.put("label", e.label());
            en.set("outputs", outputs(e.output()));
        }
        return arr;
    }

    /** The contract keys of one epoch's outputs, plus {@code i32f32_bits}. */
    public static ObjectNode outputs(EpochOutput o) {
        ObjectNode n = F.objectNode();
        n.set("stake_weight_u16", u16(o.stakeWeight()));
        n.set("active", bools(o.active()));
        n.set("consensus_u16", u16(o.consensus()));
        n.set("incentive_u16", u16(o.incentive()));
        n.set("dividends_u16", u16(o.dividends()));
        n.set("validator_trust_u16", u16(o.validatorTrust()));
        n.set("new_validator_permit", bools(o.newValidatorPermit()));
        n.set("server_emission", u64(o.serverEmission()));
        n.set("validator_emission", u64(o.validatorEmission()));
        n.set("emission", u64(o.emission()));
        n.set("bonds_stored_u16", matrix(o.bonds()));
        ObjectNode bits = n.putObject("i32f32_bits");
        bits.set("stake", fixed(o.stakeBits()));
        bits.set("active_stake", fixed(o.activeStakeBits()));
        bits.set("consensus", fixed(o.consensusBits()));
        bits.set("incentive", fixed(o.incentiveBits()));
        bits.set("dividends", fixed(o.dividendsBits()));
        bits.set("validator_trust", fixed(o.validatorTrustBits()));
        bits.set("normalized_server", fixed(o.normalizedServer()));
        bits.set("normalized_validator", fixed(o.normalizedValidator()));
        bits.set("normalized_combined", fixed(o.normalizedCombined()));
        o.trace().ifPresent(t -> {
            bits.set("weights", matrix(t.weights()));
            t.bondsDelta().ifPresent(d -> bits.set("bonds_delta", matrix(d)));
            bits.set("ema_bonds", matrix(t.emaBonds()));
        });
        return n;
    }

    static ArrayNode u16(U16Vector v) {
        ArrayNode a = F.arrayNode();
        for (int i = 0; i < v.size(); i++) {
            a.add(v.get(i));
        }
        return a;
    }

    static ArrayNode bools(BoolVector v) {
        ArrayNode a = F.arrayNode();
        for (int i = 0; i < v.size(); i++) {
            a.add(v.get(i));
        }
        return a;
    }

    static ArrayNode u64(U64Vector v) {
        ArrayNode a = F.arrayNode();
        for (int i = 0; i < v.size(); i++) {
            a.add(u64Node(v.get(i)));
        }
        return a;
    }

    /** An unsigned 64-bit value as a plain JSON integer. */
    static JsonNode u64Node(long bits) {
        return bits >= 0 ? F.numberNode(bits) : F.numberNode(new BigInteger(Long.toUnsignedString(bits)));
    }

    static ArrayNode fixed(FixedVector v) {
        ArrayNode a = F.arrayNode();
        for (int i = 0; i < v.size(); i++) {
            a.add(v.bits(i));
        }
        return a;
    }

    static ArrayNode matrix(SparseMatrix m) {
        ArrayNode rows = F.arrayNode();
        for (int i = 0; i < m.rows(); i++) {
            ArrayNode row = rows.addArray();
            for (int k = 0; k < m.rowLength(i); k++) {
                ArrayNode e = row.addArray();
                e.add(m.col(i, k));
                e.add(m.value(i, k));
            }
        }
        return rows;
    }
}
