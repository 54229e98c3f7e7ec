package net.taonet.cli.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import net.taonet.identity.InMemoryNonceStore;
import net.taonet.identity.KeyPair;
import net.taonet.identity.RequestSigner;
import net.taonet.identity.RequestVerifier;
import net.taonet.identity.SignatureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The CLI's client against a small HTTP server in this JVM that verifies signatures with the same verifier
 * the services use, and answers problem details as they do.
 */
class TaonetClientTest {

    HttpServer server;
    TaonetClient client;
    final RequestVerifier verifier = new RequestVerifier(new InMemoryNonceStore());
    final AtomicReference<String> lastSigner = new AtomicReference<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/echo", this::echo);
        server.createContext("/api/v1/fail", ex -> respond(ex, 422, "application/problem+json",
                "{\"type\":\"urn:taonet:problem:insufficient-balance\",\"title\":\"Unprocessable request\","
                        + "\"status\":422,\"detail\":\"free balance 5 rao is less than 10 rao\"}"));
        server.createContext("/api/v1/html", ex -> respond(ex, 502, "text/html", "<html>\n<b>Bad gateway</b>\n</html>"));
        server.createContext("/api/v1/empty", ex -> respond(ex, 204, null, ""));
        server.start();
        client = new TaonetClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void echo(HttpExchange ex) throws IOException {
        byte[] body = ex.getRequestBody().readAllBytes();
        String pathAndQuery = ex.getRequestURI().getRawPath()
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        try {
            String signer = verifier.verify(ex.getRequestMethod(), pathAndQuery, body,
                    ex.getRequestHeaders().getFirst("X-Taonet-Signer"),
                    ex.getRequestHeaders().getFirst("X-Taonet-Nonce"),
                    ex.getRequestHeaders().getFirst("X-Taonet-Signature"));
            lastSigner.set(signer);
            respond(ex, 200, "application/json", "{\"signer\":\"" + signer + "\",\"body\":"
                    + (body.length == 0 ? "null" : new String(body, StandardCharsets.UTF_8)) + "}");
        } catch (SignatureException e) {
            respond(ex, 401, "application/problem+json", "{\"type\":\"urn:taonet:problem:" + e.reason().slug()
                    + "\",\"status\":401,\"detail\":\"" + e.getMessage() + "\"}");
        }
    }

    private static void respond(HttpExchange ex, int status, String type, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            ex.getResponseHeaders().set("Content-Type", type);
        }
        ex.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
        if (status != 204) {
            ex.getResponseBody().write(bytes);
        }
        ex.close();
    }

    @Test
    void signedPostsVerifyOnTheServerSide() {
        KeyPair key = KeyPair.generate();
        RequestSigner signer = TaonetClient.signer(key);
        JsonNode answer = client.post("/api/v1/echo?netuid=3&x=a%20b", Map.of("amountRao", 7), signer);
        assertThat(answer.path("signer").asString()).isEqualTo(key.address());
        assertThat(answer.path("body").path("amountRao").asLong()).isEqualTo(7);
        // The same signer keeps its nonces increasing across calls.
        assertThat(client.post("/api/v1/echo", Map.of(), signer).path("signer").asString()).isEqualTo(key.address());
        assertThat(client.get("/api/v1/echo?q=1", signer).path("signer").asString()).isEqualTo(key.address());
        assertThat(client.delete("/api/v1/echo", signer).path("signer").asString()).isEqualTo(key.address());
    }

    @Test
    void unsignedRequestsAreRefusedByASigningServerAsOneLine() {
        assertThatThrownBy(() -> client.post("/api/v1/echo", Map.of(), null))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.problemType()).isEqualTo("signature-missing");
                    assertThat(e.getMessage()).startsWith("401 signature-missing: this request must be signed");
                    assertThat(e.exitCode()).isEqualTo(1);
                });
    }

    @Test
    void problemDetailsBecomeOneLine() {
        assertThatThrownBy(() -> client.get("/api/v1/fail"))
                .isInstanceOf(RemoteException.class)
                .hasMessage("422 insufficient-balance: free balance 5 rao is less than 10 rao");
        assertThatThrownBy(() -> client.get("/api/v1/html"))
                .isInstanceOf(RemoteException.class)
                .hasMessage("502: <html> <b>Bad gateway</b> </html>");
        assertThat(client.get("/api/v1/empty").isEmpty()).isTrue();
    }

    @Test
    void anUnreachableNetworkIsOneLineThatSaysWhatToDo() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        TaonetClient nowhere = new TaonetClient(URI.create("http://127.0.0.1:" + port));
        assertThatThrownBy(() -> nowhere.get("/api/v1/subnets"))
                .isInstanceOfSatisfying(RemoteException.class, e -> {
                    assertThat(e.status()).isZero();
                    assertThat(e.getMessage()).contains("cannot reach http://127.0.0.1:" + port).contains("./taonet up");
                });
    }
}
