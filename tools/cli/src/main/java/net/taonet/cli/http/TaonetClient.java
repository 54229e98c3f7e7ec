package net.taonet.cli.http;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import net.taonet.identity.KeyPair;
import net.taonet.identity.RequestSigner;
import net.taonet.identity.SignedRequests;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CLI's HTTP client for the network's REST API: JSON in and out, state-changing calls signed as
 * DESIGN §6 says (the exact body bytes sent are the bytes hashed), and every failure turned into a
 * one-line {@link RemoteException} (problem details: {@code <status> <type>: <detail>}).
 */
public class TaonetClient {

    public static final String PROBLEM_PREFIX = "urn:taonet:problem:";

    private final URI baseUrl;
    private final HttpClient http;
    private final JsonMapper json;
    private final Duration timeout;
    private final Map<String, String> defaultHeaders = new TreeMap<>();

    public TaonetClient(URI baseUrl) {
        this(baseUrl, Duration.ofSeconds(30));
    }

    public TaonetClient(URI baseUrl, Duration timeout) {
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.json = JsonMapper.builder().build();
    }

    /** A header sent with every request (e.g. the gateway's {@code X-Api-Key}); returns this client. */
    public TaonetClient withHeader(String name, String value) {
        defaultHeaders.put(name, value);
        return this;
    }

    public URI baseUrl() {
        return baseUrl;
    }

    public JsonMapper json() {
        return json;
    }

    /** An unsigned GET of {@code pathAndQuery} (e.g. {@code /api/v1/subnets}). */
    public JsonNode get(String pathAndQuery) {
        return send("GET", pathAndQuery, null, null);
    }

    /** A GET signed by {@code signer}. */
    public JsonNode get(String pathAndQuery, RequestSigner signer) {
        return send("GET", pathAndQuery, null, signer);
    }

    /** A POST of {@code body} as JSON, signed by {@code signer} (null: unsigned). */
    public JsonNode post(String pathAndQuery, Object body, RequestSigner signer) {
        return send("POST", pathAndQuery, body, signer);
    }

    public JsonNode put(String pathAndQuery, Object body, RequestSigner signer) {
        return send("PUT", pathAndQuery, body, signer);
    }

    public JsonNode delete(String pathAndQuery, RequestSigner signer) {
        return send("DELETE", pathAndQuery, null, signer);
    }

    /** A signer for one key; keep one per key for a whole command so its nonces keep increasing. */
    public static RequestSigner signer(KeyPair key) {
        return new RequestSigner(key);
    }

    /**
     * Sends a request and returns the JSON answer (an empty object for an empty answer).
     *
     * @throws RemoteException on a 4xx/5xx answer, a non-JSON answer, or no answer
     */
    public JsonNode send(String method, String pathAndQuery, Object body, RequestSigner signer) {
        return exchange(method, pathAndQuery, body, signer, Map.of()).body();
    }

    /** A successful answer: its status, its headers (names in lower case) and its JSON body. */
    public record Answer(int status, Map<String, String> headers, JsonNode body) {

        /** Whether the server answered an earlier request with the same idempotency key again. */
        public boolean replayed() {
            return "true".equalsIgnoreCase(headers.get(REPLAYED_HEADER.toLowerCase(Locale.ROOT)));
        }
    }

    /** The header a client sets so that a command retried with the same key has one effect (spec §7). */
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    /** The header by which a server says an answer is the replay of an earlier one. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /**
     * Sends a request with {@code extraHeaders} (e.g. {@value #IDEMPOTENCY_HEADER}) and returns the whole answer.
     *
     * @throws RemoteException on a 4xx/5xx answer, a non-JSON answer, or no answer
     */
    public Answer exchange(String method, String pathAndQuery, Object body, RequestSigner signer,
            Map<String, String> extraHeaders) {
        if (pathAndQuery == null || !pathAndQuery.startsWith("/")) {
            throw new IllegalArgumentException("a path starts with '/': " + pathAndQuery);
        }
        URI uri = baseUrl.resolve(pathAndQuery);
        byte[] bytes = body == null ? new byte[0]
                : body instanceof byte[] raw ? raw : json.writeValueAsBytes(body);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(timeout)
                .header("Accept", "application/json, application/problem+json")
                .method(method, bytes.length == 0 && body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        defaultHeaders.forEach(request::header);
        extraHeaders.forEach(request::header);
        if (signer != null) {
            // The URI actually sent carries the path and query that are signed.
            Map<String, String> headers = signer.headers(method, SignedRequests.pathAndQuery(uri), bytes);
            headers.forEach(request::header);
        }
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpConnectTimeoutException e) {
            throw unreachable("the connection timed out");
        } catch (HttpTimeoutException e) {
            throw new RemoteException(0, null, method + " " + uri + ": no answer within " + timeout.toSeconds() + " s");
        } catch (ConnectException e) {
            throw unreachable("connection refused");
        } catch (IOException e) {
            throw unreachable(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteException(0, null, "interrupted");
        }
        Map<String, String> headers = new TreeMap<>();
        response.headers().map().forEach((name, values) -> {
            if (!values.isEmpty()) {
                headers.put(name.toLowerCase(Locale.ROOT), values.get(0));
            }
        });
        return new Answer(response.statusCode(), headers, answer(method, uri, response.statusCode(), response.body()));
    }

    private RemoteException unreachable(String why) {
        return new RemoteException(0, null, "cannot reach " + baseUrl + " (" + why
                + "); is the network running? (./taonet up, or --url)");
    }

    JsonNode answer(String method, URI uri, int status, String text) {
        JsonNode node = null;
        if (text != null && !text.isBlank()) {
            try {
                node = json.readTree(text);
            } catch (JacksonException e) {
                node = null;
            }
        }
        if (status >= 200 && status < 300) {
            if (node == null && text != null && !text.isBlank()) {
                throw new RemoteException(status, null, method + " " + uri.getRawPath() + ": the answer is not JSON");
            }
            return node == null ? json.createObjectNode() : node;
        }
        throw problem(status, node, text);
    }

    /** {@code <status> <type>: <detail>} from a problem detail, or the best one line the answer allows. */
    static RemoteException problem(int status, JsonNode node, String text) {
        String type = null;
        String detail = null;
        if (node != null && node.isObject()) {
            String rawType = node.path("type").asString(null);
            if (rawType != null && !rawType.equals("about:blank")) {
                type = rawType.startsWith(PROBLEM_PREFIX) ? rawType.substring(PROBLEM_PREFIX.length()) : rawType;
            }
            detail = node.path("detail").asString(null);
            if (detail == null) {
                detail = node.path("title").asString(null);
            }
        }
        if (detail == null) {
            String plain = text == null ? "" : text.strip().replaceAll("\\s+", " ");
            detail = plain.isEmpty() ? "no details" : plain.length() > 200 ? plain.substring(0, 200) + "..." : plain;
        }
        String line = status + (type == null ? "" : " " + type) + ": " + detail.replace('\n', ' ');
        return new RemoteException(status, type, line);
    }
}
