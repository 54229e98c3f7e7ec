package net.taonet.cli.network;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import net.taonet.identity.InMemoryNonceStore;
import net.taonet.identity.RequestVerifier;
import net.taonet.identity.SignatureException;
import net.taonet.identity.SignedRequests;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the gateway in this JVM: answers canned JSON per (method, path), records every request, and
 * verifies signed ones with the verifier the services use (a bad signature is the services' 401 problem).
 */
final class FakeNetwork implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();

    /** A request as it arrived; {@code signer} is the verified signer's address, or null when unsigned. */
    record Request(String method, String pathAndQuery, Map<String, String> headers, byte[] body, String signer) {

        JsonNode json() {
            return JSON.readTree(new String(body, StandardCharsets.UTF_8));
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private record Reply(int status, String body, Map<String, String> headers) {
    }

    private final HttpServer server;
    private final RequestVerifier verifier = new RequestVerifier(new InMemoryNonceStore());
    private final Map<String, Reply> routes = new HashMap<>();
    private final Map<String, java.util.ArrayDeque<Reply>> queued = new HashMap<>();
    private final List<Request> requests = new ArrayList<>();

    FakeNetwork() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newSingleThreadExecutor());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Answers {@code method path} (the path without its query) with {@code status} and {@code json}. */
    FakeNetwork on(String method, String path, int status, String json) {
        return on(method, path, status, json, Map.of());
    }

    FakeNetwork on(String method, String path, int status, String json, Map<String, String> headers) {
        synchronized (routes) {
            routes.put(method + " " + path, new Reply(status, json, headers));
        }
        return this;
    }

    /** Answers the next request to {@code method path} with this problem, before the route's usual answer. */
    FakeNetwork problemOnce(String method, String path, int status, String slug, String detail) {
        synchronized (routes) {
            queued.computeIfAbsent(method + " " + path, k -> new java.util.ArrayDeque<>()).add(new Reply(status,
                    "{\"type\":\"urn:taonet:problem:" + slug + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}",
                    Map.of("Content-Type", "application/problem+json")));
        }
        return this;
    }

    /** A problem detail as the services write them. */
    FakeNetwork problem(String method, String path, int status, String slug, String detail) {
        return on(method, path, status, "{\"type\":\"urn:taonet:problem:" + slug + "\",\"title\":\"Refused\",\"status\":"
                + status + ",\"detail\":\"" + detail + "\"}", Map.of("Content-Type", "application/problem+json"));
    }

    List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** The only request that arrived. */
    Request only() {
        List<Request> all = requests();
        assertThat(all).as("requests").hasSize(1);
        return all.get(0);
    }

    Request last() {
        List<Request> all = requests();
        assertThat(all).as("requests").isNotEmpty();
        return all.get(all.size() - 1);
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String pathAndQuery = SignedRequests.pathAndQuery(ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery());
        Map<String, String> headers = new HashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.get(0)));
        String signer = null;
        if (headers.containsKey("x-taonet-signer") || headers.containsKey("x-taonet-signature")) {
            try {
                signer = verifier.verify(ex.getRequestMethod(), pathAndQuery, body, headers.get("x-taonet-signer"),
                        headers.get("x-taonet-nonce"), headers.get("x-taonet-signature"));
            } catch (SignatureException e) {
                send(ex, new Reply(401, "{\"type\":\"urn:taonet:problem:" + e.reason().slug() + "\",\"status\":401,"
                        + "\"detail\":\"" + e.getMessage() + "\"}", Map.of("Content-Type", "application/problem+json")));
                return;
            }
        }
        synchronized (requests) {
            requests.add(new Request(ex.getRequestMethod(), pathAndQuery, headers, body, signer));
        }
        Reply reply;
        synchronized (routes) {
            String route = ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath();
            var once = queued.get(route);
            reply = once != null && !once.isEmpty() ? once.poll() : routes.get(route);
        }
        if (reply == null) {
            reply = new Reply(404, "{\"type\":\"urn:taonet:problem:no-resource\",\"status\":404,\"detail\":\"no route "
                    + ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath() + "\"}",
                    Map.of("Content-Type", "application/problem+json"));
        }
        send(ex, reply);
    }

    private static void send(HttpExchange ex, Reply reply) throws IOException {
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        reply.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    private boolean closed;

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
