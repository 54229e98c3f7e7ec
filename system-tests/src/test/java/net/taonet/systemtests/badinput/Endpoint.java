package net.taonet.systemtests.badinput;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.taonet.identity.KeyPair;
import tools.jackson.databind.JsonNode;

/**
 * One public endpoint and a baseline request for it. The baseline of a state-changing endpoint is well
 * formed but refused for a business reason (a payer without funds, a signer who owns nothing), so that no
 * variant of it can change the books even where a variant turns out to be acceptable input.
 *
 * @param template path with {@code {name}} placeholders, as the controller maps it
 * @param vars     each placeholder's baseline value and what kind of identifier it is
 * @param query    query parameters the endpoint reads, with baseline values
 * @param signer   the key that signs the baseline (null: unsigned)
 * @param headers  further baseline headers (admin key, API key)
 * @param idempotencyKey whether the endpoint takes an {@code Idempotency-Key} (a fresh one per request)
 */
public record Endpoint(String method, String template, Map<String, Var> vars, Map<String, String> query,
        KeyPair signer, JsonNode body, Map<String, String> headers, boolean idempotencyKey) {

    /** What a path variable identifies, which decides the malformed values tried for it. */
    public enum Kind { NUMBER, ADDRESS, NAME, UUID }

    public record Var(String value, Kind kind) {
    }

    public static Builder get(String template) {
        return new Builder("GET", template);
    }

    public static Builder post(String template) {
        return new Builder("POST", template);
    }

    public static Builder put(String template) {
        return new Builder("PUT", template);
    }

    public static Builder delete(String template) {
        return new Builder("DELETE", template);
    }

    public boolean changesState() {
        return !"GET".equals(method);
    }

    /** The template with the given values (raw, already encoded where needed). */
    public String path(Map<String, String> values) {
        String p = template;
        for (var e : values.entrySet()) {
            p = p.replace("{" + e.getKey() + "}", e.getValue());
        }
        return p;
    }

    public Map<String, String> baselineVars() {
        Map<String, String> v = new LinkedHashMap<>();
        vars.forEach((k, var) -> v.put(k, var.value()));
        return v;
    }

    @Override
    public String toString() {
        return method + " " + template;
    }

    public static final class Builder {
        private final String method;
        private final String template;
        private final Map<String, Var> vars = new LinkedHashMap<>();
        private final Map<String, String> query = new LinkedHashMap<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private KeyPair signer;
        private JsonNode body;
        private boolean idempotencyKey;

        Builder(String method, String template) {
            this.method = method;
            this.template = template;
        }

        public Builder var(String name, Object value, Kind kind) {
            vars.put(name, new Var(String.valueOf(value), kind));
            return this;
        }

        public Builder query(String name, Object value) {
            query.put(name, String.valueOf(value));
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder signedBy(KeyPair key) {
            signer = key;
            return this;
        }

        public Builder body(JsonNode json) {
            body = json;
            return this;
        }

        public Builder idempotent() {
            idempotencyKey = true;
            return this;
        }

        public Endpoint build() {
            return new Endpoint(method, template, Map.copyOf(vars), Map.copyOf(query), signer, body, Map.copyOf(headers),
                    idempotencyKey);
        }
    }

    /** Placeholder names in a template, in order. */
    public static List<String> placeholders(String template) {
        return java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(template).results().map(m -> m.group(1)).toList();
    }
}
