package net.taonet.systemtests.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import net.taonet.identity.KeyPair;
import net.taonet.identity.RequestSigner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A byte-exact HTTP client for the public API: it sends exactly the body and headers it is given (so a
 * malformed request stays malformed) and signs a request the way DESIGN §6 says, over the raw path, query
 * and body bytes. One signer per key, as verifiers take a signer's nonces only in increasing order.
 */
public final class Http {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final Map<String, RequestSigner> SIGNERS = new java.util.concurrent.ConcurrentHashMap<>();

    private final String baseUrl;

    public Http(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The one signer of a key in this JVM (its nonces only ever increase). */
    public static RequestSigner signer(KeyPair key) {
        return SIGNERS.computeIfAbsent(key.address(), a -> new RequestSigner(key));
    }

    public Response get(String pathAndQuery) {
        return send(Call.of("GET", pathAndQuery));
    }

    public Response get(String pathAndQuery, Map<String, String> headers) {
        return send(Call.of("GET", pathAndQuery).headers(headers));
    }

    public Response postJson(String pathAndQuery, Object body, KeyPair signer, Map<String, String> headers) {
        return send(Call.json("POST", pathAndQuery, body).signedBy(signer).headers(headers));
    }

    public Response putJson(String pathAndQuery, Object body, KeyPair signer, Map<String, String> headers) {
        return send(Call.json("PUT", pathAndQuery, body).signedBy(signer).headers(headers));
    }

    /** Sends the call; a signing key given to the call signs it now, with a fresh nonce. */
    public Response send(Call call) {
        Map<String, String> headers = new LinkedHashMap<>(call.headers());
        if (call.signer() != null) {
            headers.putAll(signer(call.signer()).headers(call.method(), call.pathAndQuery(), call.body()));
        }
        return sendExactly(call.method(), call.pathAndQuery(), headers, call.body());
    }

    /** The call with its signature headers in place (signed now, with a fresh nonce), to send once or replay. */
    public static Call signNow(Call call) {
        if (call.signer() == null) {
            return call;
        }
        Map<String, String> headers = new LinkedHashMap<>(call.headers());
        headers.putAll(signer(call.signer()).headers(call.method(), call.pathAndQuery(), call.body()));
        return new Call(call.method(), call.pathAndQuery(), headers, call.body(), null);
    }

    /** Sends exactly these headers and bytes (for replays of a signed request). */
    public Response sendExactly(String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null || body.length == 0 && !"POST".equals(method) && !"PUT".equals(method)
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return Response.of(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            return Response.of(-1, String.valueOf(e), "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One request: method, raw path and query, headers, exact body bytes, and the key to sign it with. */
    public record Call(String method, String pathAndQuery, Map<String, String> headers, byte[] body, KeyPair signer) {

        public static Call of(String method, String pathAndQuery) {
            return new Call(method, pathAndQuery, Map.of(), new byte[0], null);
        }

        public static Call json(String method, String pathAndQuery, Object body) {
            byte[] bytes = body instanceof byte[] b ? b
                    : body instanceof String s ? s.getBytes(StandardCharsets.UTF_8)
                    : JSON.writeValueAsBytes(body);
            return new Call(method, pathAndQuery, Map.of("Content-Type", "application/json"), bytes, null);
        }

        public Call headers(Map<String, String> more) {
            if (more == null || more.isEmpty()) {
                return this;
            }
            Map<String, String> h = new LinkedHashMap<>(headers);
            h.putAll(more);
            return new Call(method, pathAndQuery, h, body, signer);
        }

        public Call header(String name, String value) {
            return headers(Map.of(name, value));
        }

        public Call signedBy(KeyPair key) {
            return new Call(method, pathAndQuery, headers, body, key);
        }

        public Call body(byte[] bytes) {
            return new Call(method, pathAndQuery, headers, bytes, signer);
        }

        public Call path(String newPathAndQuery) {
            return new Call(method, newPathAndQuery, headers, body, signer);
        }

        @Override
        public String toString() {
            String text = new String(body, StandardCharsets.UTF_8);
            return method + " " + pathAndQuery + (signer == null ? "" : " (signed)")
                    + (text.isEmpty() ? "" : " " + (text.length() > 160 ? text.substring(0, 160) + "…(" + body.length + " bytes)" : text));
        }
    }

    public record Response(int status, JsonNode json, String raw, String contentType) {

        static Response of(int status, String raw, String contentType) {
            JsonNode node = null;
            try {
                node = raw == null || raw.isBlank() ? null : JSON.readTree(raw);
            } catch (RuntimeException notJson) {
                // the raw text stays available
            }
            return new Response(status, node, raw, contentType);
        }

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        /** The problem type slug of an error answer ({@code urn:taonet:problem:<slug>}). */
        public String problemType() {
            return json == null ? "" : json.path("type").asString("").replace("urn:taonet:problem:", "");
        }

        public JsonNode body() {
            return json;
        }

        @Override
        public String toString() {
            return status + " " + (raw == null ? "" : raw.length() > 300 ? raw.substring(0, 300) + "…" : raw);
        }
    }
}
