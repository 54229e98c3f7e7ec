package net.taonet.yuma.bench;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import net.taonet.yuma.EpochInput;
import net.taonet.yuma.SparseMatrix;
import tools.jackson.databind.JsonNode;

/**
 * SHA-256 of Python's {@code json.dumps(x, separators=(",", ":"), sort_keys=True)}, streamed into
 * the digest so the 4096×4096 inputs never exist as one string.
 */
final class CanonicalJson {

    private final MessageDigest md;
    private final StringBuilder buf = new StringBuilder(1 << 16);

    private CanonicalJson() {
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(JsonNode node) {
        CanonicalJson c = new CanonicalJson();
        c.write(node);
        return c.finish();
    }

    /** Digest of the {@code inputs} object a vector file would carry for this input. */
    static String inputsSha256(EpochInput in) {
        CanonicalJson c = new CanonicalJson();
        // keys in sorted order
        c.raw("{\"block_at_registration\":");
        c.u64s(in.blockAtRegistration().toArray());
        c.raw(",\"bonds\":");
        c.rows(in.bonds());
        c.raw(",\"commit_blocks\":null,\"current_block\":").raw(Long.toUnsignedString(in.currentBlock()));
        c.raw(",\"last_update\":");
        c.u64s(in.lastUpdate().toArray());
        c.raw(",\"n\":").raw(Integer.toString(in.n()));
        c.raw(",\"rao_emission\":").raw(Long.toUnsignedString(in.raoEmission()));
        c.raw(",\"stake\":");
        c.u64s(in.stake().toArray());
        c.raw(",\"validator_permit\":[");
        for (int i = 0; i < in.validatorPermit().size(); i++) {
            c.raw(i == 0 ? "" : ",").raw(in.validatorPermit().get(i) ? "true" : "false");
        }
        c.raw("],\"weights\":");
        c.rows(in.weights());
        c.raw("}");
        return c.finish();
    }

    private CanonicalJson raw(String s) {
        buf.append(s);
        if (buf.length() > (1 << 15)) {
            flush();
        }
        return this;
    }

    private void u64s(long[] v) {
        raw("[");
        for (int i = 0; i < v.length; i++) {
            raw(i == 0 ? "" : ",").raw(Long.toUnsignedString(v[i]));
        }
        raw("]");
    }

    private void rows(SparseMatrix m) {
        raw("[");
        for (int i = 0; i < m.rows(); i++) {
            raw(i == 0 ? "[" : ",[");
            for (int k = 0; k < m.rowLength(i); k++) {
                raw(k == 0 ? "[" : ",[").raw(Integer.toString(m.col(i, k))).raw(",").raw(Long.toString(m.value(i, k))).raw("]");
            }
            raw("]");
        }
        raw("]");
    }

    private void write(JsonNode n) {
        if (n.isObject()) {
            List<String> keys = new ArrayList<>(n.propertyNames());
            keys.sort(null);
            raw("{");
            for (int i = 0; i < keys.size(); i++) {
                raw(i == 0 ? "" : ",");
                raw("\"" + keys.get(i) + "\":");
                write(n.get(keys.get(i)));
            }
            raw("}");
        } else if (n.isArray()) {
            raw("[");
            for (int i = 0; i < n.size(); i++) {
                raw(i == 0 ? "" : ",");
                write(n.get(i));
            }
            raw("]");
        } else {
            raw(n.toString()); // numbers, booleans, null; no strings occur in the hashed values
        }
    }

    private void flush() {
        md.update(buf.toString().getBytes(StandardCharsets.UTF_8));
        buf.setLength(0);
    }

    private String finish() {
        flush();
        return HexFormat.of().formatHex(md.digest());
    }
}
