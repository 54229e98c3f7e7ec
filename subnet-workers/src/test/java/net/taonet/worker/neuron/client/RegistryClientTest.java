package net.taonet.worker.neuron.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import net.taonet.identity.InMemoryNonceStore;
import net.taonet.identity.KeyPair;
import net.taonet.identity.RequestVerifier;
import net.taonet.identity.SignedRequests;
import net.taonet.worker.neuron.domain.RegistryPort;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The worker's side of the registry contract (docs/contracts.md, "Workers and the registry"), against a
 * recording HTTP endpoint: paths, bodies and DESIGN §6 signatures, and how answers are read.
 */
class RegistryClientTest {

    private static final KeyPair HOTKEY = KeyPair.fromSeedHex("66".repeat(32));
    private static final KeyPair COLDKEY = KeyPair.fromSeedHex("77".repeat(32));

    private HttpServer server;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private volatile Function<Recorded, Answer> answer = r -> new Answer(200, "[]");
    private RegistryClient client;

    record Recorded(String method, String path, byte[] body, String signer, String nonce, String signature) {
        String signedBy() {
            return new RequestVerifier(new InMemoryNonceStore()).verify(method, path, body, signer, nonce, signature);
        }
    }

    record Answer(int status, String body) {
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
        client = new RegistryClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), Duration.ofSeconds(2));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        Recorded r = new Recorded(ex.getRequestMethod(), ex.getRequestURI().getRawPath(),
                ex.getRequestBody().readAllBytes(), ex.getRequestHeaders().getFirst(SignedRequests.SIGNER_HEADER),
                ex.getRequestHeaders().getFirst(SignedRequests.NONCE_HEADER),
                ex.getRequestHeaders().getFirst(SignedRequests.SIGNATURE_HEADER));
        requests.add(r);
        Answer a = answer.apply(r);
        byte[] bytes = a.body().getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(a.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Test
    void looksUpTheUidOnItsSubnetWhateverTheListShape() throws Exception {
        answer = r -> new Answer(200, "[{\"netuid\":2,\"uid\":8},{\"netuid\":1,\"uid\":3,\"hotkey\":\"x\"}]");
        assertThat(client.lookupUid(HOTKEY.address(), 1)).hasValue(3);
        assertThat(client.lookupUid(HOTKEY.address(), 5)).isEmpty();
        answer = r -> new Answer(200, "{\"hotkey\":\"x\",\"neurons\":[{\"netuid\":1,\"uid\":6}]}");
        assertThat(client.lookupUid(HOTKEY.address(), 1)).hasValue(6);
        answer = r -> new Answer(404, "{\"type\":\"not-found\"}");
        assertThat(client.lookupUid(HOTKEY.address(), 1)).isEmpty();
        assertThat(requests.get(0).path()).isEqualTo("/api/v1/neurons/" + HOTKEY.address());
    }

    @Test
    void registersSignedByTheColdkeyWithThePriceLimit() throws Exception {
        answer = r -> new Answer(201, "{\"netuid\":1,\"uid\":12,\"hotkey\":\"" + HOTKEY.address() + "\"}");
        RegistryPort.RegistrationOutcome outcome = client.register(1, COLDKEY, HOTKEY.address(), 250_000_000L);
        assertThat(outcome.uid()).hasValue(12);
        Recorded r = requests.get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/api/v1/subnets/1/neurons");
        assertThat(JsonMapper.builder().build().readTree(r.body()).path("maxPriceRao").asLong()).isEqualTo(250_000_000L);
        assertThat(JsonMapper.builder().build().readTree(r.body()).path("hotkey").asString()).isEqualTo(HOTKEY.address());
        assertThat(r.signedBy()).isEqualTo(COLDKEY.address());
    }

    @Test
    void anAlreadyRegisteredHotkeyIsLookedUpAndARefusalIsReported() throws Exception {
        answer = r -> r.method().equals("POST") ? new Answer(409, "{\"type\":\"already-registered\"}")
                : new Answer(200, "[{\"netuid\":1,\"uid\":2}]");
        assertThat(client.register(1, COLDKEY, HOTKEY.address(), 1).uid()).hasValue(2);
        answer = r -> new Answer(422, "{\"type\":\"price-above-limit\"}");
        RegistryPort.RegistrationOutcome refused = client.register(1, COLDKEY, HOTKEY.address(), 1);
        assertThat(refused.uid()).isEmpty();
        assertThat(refused.refusal()).contains("422", "price-above-limit");
    }

    @Test
    void servingMetadataIsSignedByTheHotkey() throws Exception {
        answer = r -> new Answer(200, "");
        client.publishServing(HOTKEY, 1, Map.of("accelerator", "NVIDIA H100", "memoryMib", 81559));
        Recorded r = requests.get(0);
        assertThat(r.method()).isEqualTo("PUT");
        assertThat(r.path()).isEqualTo("/api/v1/serving/1/" + HOTKEY.address());
        assertThat(r.signedBy()).isEqualTo(HOTKEY.address());
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"accelerator\":\"NVIDIA H100\"");
    }

    @Test
    void aRegistryThatIsDownOrFailingIsUnavailableNotFatal() {
        answer = r -> new Answer(503, "{}");
        assertThatThrownBy(() -> client.lookupUid(HOTKEY.address(), 1))
                .isInstanceOf(RegistryPort.RegistryUnavailableException.class);
        assertThatThrownBy(() -> client.register(1, COLDKEY, HOTKEY.address(), 1))
                .isInstanceOf(RegistryPort.RegistryUnavailableException.class);
        server.stop(0);
        assertThatThrownBy(() -> client.lookupUid(HOTKEY.address(), 1))
                .isInstanceOf(RegistryPort.RegistryUnavailableException.class);
    }
}
