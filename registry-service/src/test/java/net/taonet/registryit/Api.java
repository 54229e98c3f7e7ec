package net.taonet.registryit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.taonet.identity.KeyPair;
import net.taonet.identity.RequestSigner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for the tests: JSON in and out, optionally signed (DESIGN §6), never throwing on 4xx/5xx. */
public final class Api {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, RequestSigner> signers = new ConcurrentHashMap<>();

    public Api(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** An answer: status, the replay header, and the JSON body (a missing node when there is none). */
    public record Answer(int status, boolean replayed, JsonNode body) {
        public String type() {
            String t = body.path("type").asString("");
            return t.startsWith("urn:taonet:problem:") ? t.substring("urn:taonet:problem:".length()) : t;
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Answer get(String path) {
        return send("GET", path, null, null, Map.of());
    }

    public Answer send(String method, String path, Object body, KeyPair signer, Map<String, String> headers) {
        byte[] bytes = body == null ? new byte[0] : JSON.writeValueAsBytes(body);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60))
                .method(method, bytes.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes))
                .header("Accept", "application/json");
        if (bytes.length > 0) {
            b.header("Content-Type", "application/json");
        }
        if (signer != null) {
            signers.computeIfAbsent(signer.address(), a -> new RequestSigner(signer))
                    .headers(method, path, bytes).forEach(b::header);
        }
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = r.body() == null || r.body().isBlank() ? tools.jackson.databind.node.MissingNode.getInstance() : JSON.readTree(r.body());
            return new Answer(r.statusCode(), r.headers().firstValue("Idempotent-Replayed").map(Boolean::parseBoolean)
                    .orElse(false), json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
