package net.taonet.systemtests.badinput;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.taonet.identity.KeyPair;
import net.taonet.identity.SignedRequests;
import net.taonet.systemtests.support.Http;
import net.taonet.systemtests.support.Http.Call;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Generates malformed and hostile variants of an endpoint's baseline request: wrong and missing path and
 * query values, unknown ids, injection strings, wrong JSON types and missing fields, negative and
 * overflowing amounts, broken and oversized bodies, wrong content types, and — for signed endpoints —
 * missing, forged, stale, tampered and replayed signatures. Every variant must be answered with a 4xx.
 */
public final class HostileRequests {

    /** Strings an attacker tries in every text position. */
    public static final List<String> INJECTIONS = List.of(
            "' OR '1'='1' --",
            "1; DROP TABLE account; --",
            "<script>alert(1)</script>",
            "${jndi:ldap://127.0.0.1:1/x}",
            "../../../../etc/passwd",
            "%00\u0000nul",
            "{{7*7}}#{7*7}",
            "\u202e\ud83d\udca3 " + "A".repeat(64),
            "$(id)`id`");

    /** Amounts no request may carry: negative, zero where a minimum applies, and past a signed 64-bit long. */
    public static final List<String> BAD_NUMBERS = List.of(
            "-1", "-9223372036854775808", "9223372036854775808", "18446744073709551616",
            "1e400", "-0.5", "\"NaN\"", "\"12abc\"", "99999999999999999999999999999999999999");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Larger than any body limit in the network (the gateway takes at most 1 MB). */
    private static final int HUGE = 2 * 1024 * 1024 + 17;

    private final KeyPair stranger;

    /** @param stranger a key that owns nothing, used to forge signatures */
    public HostileRequests(KeyPair stranger) {
        this.stranger = stranger;
    }

    /** A request sent as it is; {@code replay}: sent a second time with the very same signed headers. */
    public record Probe(Endpoint endpoint, String category, Call call, boolean replay) {

        @Override
        public String toString() {
            return "[" + category + "] " + call;
        }
    }

    public List<Probe> probes(Endpoint e) {
        List<Probe> out = new ArrayList<>();
        pathProbes(e, out);
        queryProbes(e, out);
        if (e.body() != null) {
            bodyProbes(e, out);
        }
        if (e.signer() != null) {
            signatureProbes(e, out);
        }
        headerProbes(e, out);
        return out;
    }

    // ---------------------------------------------------------------- path and query

    private void pathProbes(Endpoint e, List<Probe> out) {
        for (var v : e.vars().entrySet()) {
            for (String bad : badPathValues(v.getValue().kind())) {
                Map<String, String> values = e.baselineVars();
                values.put(v.getKey(), bad);
                out.add(new Probe(e, "path:" + v.getKey(), baseline(e, e.path(values) + queryString(e.query())), false));
            }
        }
    }

    static List<String> badPathValues(Endpoint.Kind kind) {
        List<String> values = new ArrayList<>();
        switch (kind) {
            case NUMBER -> values.addAll(List.of("abc", "-1", "1.5", "99999999999999999999", "4242", "65536", "0x10", "%20"));
            case ADDRESS -> values.addAll(List.of("not-an-address", "5" + "A".repeat(47), "0x" + "f".repeat(64),
                    "5" + "1".repeat(400)));
            case NAME -> values.addAll(List.of("no_such_thing", "x".repeat(300)));
            case UUID -> values.addAll(List.of("not-a-uuid", UUID.randomUUID().toString(), "00000000-0000-0000-0000-00000000000g"));
        }
        for (String s : INJECTIONS) {
            values.add(encode(s));
        }
        return values;
    }

    private void queryProbes(Endpoint e, List<Probe> out) {
        for (String name : e.query().keySet()) {
            for (String bad : List.of("-1", "abc", "99999999999999999999", "1e9", "", encode(INJECTIONS.get(0)))) {
                Map<String, String> q = new LinkedHashMap<>(e.query());
                q.put(name, bad);
                out.add(new Probe(e, "query:" + name, baseline(e, e.path(e.baselineVars()) + queryString(q)), false));
            }
        }
    }

    // ---------------------------------------------------------------- body

    private void bodyProbes(Endpoint e, List<Probe> out) {
        String path = e.path(e.baselineVars()) + queryString(e.query());
        Call base = baseline(e, path);
        List<byte[]> whole = List.of(new byte[0], bytes("null"), bytes("[]"), bytes("\"text\""), bytes("42"),
                bytes("{"), bytes("{\"a\":}"), bytes("<xml/>"), bytes("{}"), truncated(e.body()), deeplyNested(),
                huge(e.body()), bytes("\uFEFF" + e.body() + "garbage"));
        for (byte[] body : whole) {
            out.add(new Probe(e, "body", base.body(body), false));
        }
        ObjectNode root = (ObjectNode) e.body();
        for (String pointer : leafPointers(root, "")) {
            JsonNode original = root.at(pointer);
            out.add(new Probe(e, "missing:" + pointer, base.body(json(without(root, pointer))), false));
            List<Object> replacements = new ArrayList<>(wrongTypes(original));
            if (original.isNumber()) {
                for (String n : BAD_NUMBERS) {
                    replacements.add(new RawLiteral(n));
                }
            }
            if (original.isString()) {
                for (String s : INJECTIONS) {
                    replacements.add(NODES.stringNode(s));
                }
                replacements.add(NODES.stringNode(""));
                replacements.add(NODES.stringNode("x".repeat(100_000)));
            }
            for (Object r : replacements) {
                out.add(new Probe(e, "field:" + pointer, base.body(withRaw(root, pointer, r)), false));
            }
        }
    }

    /** Values of another JSON type than the original: each must be refused, never coerced into a command. */
    static List<JsonNode> wrongTypes(JsonNode original) {
        List<JsonNode> v = new ArrayList<>();
        if (!original.isObject()) {
            v.add(NODES.objectNode().put("x", 1));
        }
        if (!original.isArray()) {
            v.add(NODES.arrayNode().add(1).add("two"));
        }
        if (!original.isBoolean()) {
            v.add(NODES.booleanNode(true));
        }
        if (!original.isString()) {
            v.add(NODES.stringNode("not a " + original.getNodeType().name().toLowerCase()));
        }
        if (!original.isNumber()) {
            v.add(NODES.numberNode(-7));
        }
        v.add(NODES.nullNode());
        return v;
    }

    // ---------------------------------------------------------------- signatures and headers

    private void signatureProbes(Endpoint e, List<Probe> out) {
        String path = e.path(e.baselineVars()) + queryString(e.query());
        Call unsigned = unsignedBaseline(e, path);
        byte[] body = unsigned.body();
        String owner = e.signer().address();
        long now = System.currentTimeMillis();
        out.add(new Probe(e, "signature:missing", unsigned, false));
        out.add(new Probe(e, "signature:only-signer", unsigned.header(SignedRequests.SIGNER_HEADER, owner), false));
        out.add(new Probe(e, "signature:garbage", unsigned.headers(Map.of(SignedRequests.SIGNER_HEADER, owner,
                SignedRequests.NONCE_HEADER, Long.toString(now), SignedRequests.SIGNATURE_HEADER, "!!not base64!!")), false));
        out.add(new Probe(e, "signature:zero", unsigned.headers(Map.of(SignedRequests.SIGNER_HEADER, owner,
                SignedRequests.NONCE_HEADER, Long.toString(now), SignedRequests.SIGNATURE_HEADER,
                java.util.Base64.getEncoder().encodeToString(new byte[64]))), false));
        out.add(new Probe(e, "signature:bad-nonce", unsigned.headers(Map.of(SignedRequests.SIGNER_HEADER, owner,
                SignedRequests.NONCE_HEADER, "yesterday", SignedRequests.SIGNATURE_HEADER, "AAAA")), false));
        out.add(new Probe(e, "signature:bad-signer", unsigned.headers(Map.of(SignedRequests.SIGNER_HEADER,
                encode(INJECTIONS.get(0)), SignedRequests.NONCE_HEADER, Long.toString(now),
                SignedRequests.SIGNATURE_HEADER, "AAAA")), false));
        // signed by someone else, claiming to be the owner
        var forged = new net.taonet.identity.RequestSigner(stranger).sign(e.method(), path, body);
        out.add(new Probe(e, "signature:forged", unsigned.headers(Map.of(SignedRequests.SIGNER_HEADER, owner,
                SignedRequests.NONCE_HEADER, Long.toString(forged.nonce()), SignedRequests.SIGNATURE_HEADER,
                forged.signature())), false));
        // the owner's own signature over another path, another method, another body
        var other = Http.signer(e.signer()).sign(e.method(), path + (path.contains("?") ? "&" : "?") + "x=1", body);
        out.add(new Probe(e, "signature:other-path", unsigned.headers(other.asMap()), false));
        if (body.length > 0) {
            var tampered = Http.signer(e.signer()).sign(e.method(), path, bytes(new String(body, StandardCharsets.UTF_8) + " "));
            out.add(new Probe(e, "signature:tampered-body", unsigned.headers(tampered.asMap()), false));
        }
        // a stale nonce (a timestamp from 2001) and one far in the future
        var stale = new net.taonet.identity.RequestSigner(e.signer()).sign(e.method(), path, 1_000_000_000_000L, body);
        out.add(new Probe(e, "signature:stale", unsigned.headers(stale.asMap()), false));
        var future = new net.taonet.identity.RequestSigner(e.signer()).sign(e.method(), path, now + 365L * 86_400_000, body);
        out.add(new Probe(e, "signature:future", unsigned.headers(future.asMap()), false));
        // a correctly signed request sent twice with the very same headers
        out.add(new Probe(e, "signature:replayed", baseline(e, path), true));
    }

    private void headerProbes(Endpoint e, List<Probe> out) {
        String path = e.path(e.baselineVars()) + queryString(e.query());
        Call base = baseline(e, path);
        if (e.body() != null) {
            out.add(new Probe(e, "header:content-type", base.header("Content-Type", "text/plain"), false));
            out.add(new Probe(e, "header:content-type", base.header("Content-Type", "application/xml"), false));
        }
        if (e.idempotencyKey()) {
            out.add(new Probe(e, "header:idempotency-key", base.header("Idempotency-Key", "k".repeat(1000)), false));
            out.add(new Probe(e, "header:idempotency-key", base.header("Idempotency-Key", INJECTIONS.get(1)), false));
        }
        for (var h : e.headers().entrySet()) {
            out.add(new Probe(e, "header:" + h.getKey(), base.header(h.getKey(), "wrong-" + h.getValue()), false));
            out.add(new Probe(e, "header:" + h.getKey(), base.header(h.getKey(), INJECTIONS.get(0)), false));
        }
        // the baseline itself: refused for its business reason
        out.add(new Probe(e, "baseline", base, false));
    }

    // ---------------------------------------------------------------- helpers

    /** The baseline call with the given path: baseline headers, a fresh idempotency key, signed if the endpoint is. */
    Call baseline(Endpoint e, String pathAndQuery) {
        return unsignedBaseline(e, pathAndQuery).signedBy(e.signer());
    }

    private Call unsignedBaseline(Endpoint e, String pathAndQuery) {
        Call c = e.body() == null ? Call.of(e.method(), pathAndQuery) : Call.json(e.method(), pathAndQuery, e.body());
        c = c.headers(e.headers());
        if (e.idempotencyKey()) {
            c = c.header("Idempotency-Key", UUID.randomUUID().toString());
        }
        return c;
    }

    static String queryString(Map<String, String> q) {
        if (q.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("?");
        q.forEach((k, v) -> b.append(b.length() > 1 ? "&" : "").append(k).append('=').append(v));
        return b.toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] json(JsonNode node) {
        return Http.JSON.writeValueAsBytes(node);
    }

    private static byte[] truncated(JsonNode body) {
        String s = body.toString();
        return bytes(s.substring(0, s.length() / 2));
    }

    private static byte[] deeplyNested() {
        return bytes("[".repeat(5_000) + "]".repeat(5_000));
    }

    private static byte[] huge(JsonNode body) {
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        copy.put("padding", "p".repeat(HUGE));
        return json(copy);
    }

    /** JSON pointers of every leaf (and every object or array) below the root. */
    static List<String> leafPointers(JsonNode node, String prefix) {
        List<String> out = new ArrayList<>();
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                var f = it.next();
                String p = prefix + "/" + f.getKey();
                out.add(p);
                if (f.getValue().isObject()) {
                    out.addAll(leafPointers(f.getValue(), p));
                }
            }
        }
        return out;
    }

    private static ObjectNode without(ObjectNode root, String pointer) {
        ObjectNode copy = root.deepCopy();
        int cut = pointer.lastIndexOf('/');
        JsonNode parent = cut == 0 ? copy : copy.at(pointer.substring(0, cut));
        ((ObjectNode) parent).remove(pointer.substring(cut + 1));
        return copy;
    }

    /** The root with the value at the pointer replaced; a raw literal is written as its text, unchecked. */
    private static byte[] withRaw(ObjectNode root, String pointer, Object value) {
        ObjectNode copy = root.deepCopy();
        int cut = pointer.lastIndexOf('/');
        ObjectNode parent = (ObjectNode) (cut == 0 ? copy : copy.at(pointer.substring(0, cut)));
        String field = pointer.substring(cut + 1);
        if (value instanceof RawLiteral raw) {
            String marker = "RAW-LITERAL-" + UUID.randomUUID();
            parent.put(field, marker);
            return bytes(copy.toString().replace("\"" + marker + "\"", raw.text()));
        }
        parent.set(field, (JsonNode) value);
        return json(copy);
    }

    /** JSON text no JSON library would write (a number past 64 bits, 1e400), inserted as it is. */
    record RawLiteral(String text) {
    }
}
