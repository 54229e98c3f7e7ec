package net.taonet.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.taonet.identity.KeyPair;
import net.taonet.identity.NonceStore;
import net.taonet.identity.RequestSigner;
import net.taonet.identity.SignedHeaders;
import net.taonet.platform.security.testapp.SignedTestApplication;
import net.taonet.testsupport.TestPostgres;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Signed requests end to end: a real Spring MVC service on a random port, its nonces in a real PostgreSQL,
 * requests signed as a client in any language would sign them.
 */
@SpringBootTest(classes = SignedTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SignedRequestIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        String url = TestPostgres.freshDatabase("signed");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
        registry.add("spring.flyway.locations", () -> "classpath:db/platform");
        // No broker: nothing here publishes, and no topics are created.
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:9");
        registry.add("taonet.platform.create-topics", () -> "false");
        registry.add("taonet.security.signatures.max-body-bytes", () -> "4096");
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Environment environment;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    NonceStore nonceStore;

    final HttpClient http = HttpClient.newHttpClient();
    KeyPair alice;
    KeyPair bob;
    RequestSigner aliceSigner;

    @BeforeEach
    void keys() {
        alice = KeyPair.generate();
        bob = KeyPair.generate();
        aliceSigner = new RequestSigner(alice);
    }

    String base() {
        return "http://localhost:" + environment.getRequiredProperty("local.server.port");
    }

    record Answer(int status, String contentType, String wwwAuthenticate, JsonNode json) {
        String problemType() {
            return json.path("type").asString();
        }
    }

    Answer send(String method, String pathAndQuery, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + pathAndQuery))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("WWW-Authenticate").orElse(null),
                response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body()));
    }

    Answer signed(RequestSigner signer, String method, String pathAndQuery, String body) throws Exception {
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        return send(method, pathAndQuery, body, signer.headers(method, pathAndQuery, bytes));
    }

    static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).as("status of %s", answer.json()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.problemType()).isEqualTo("urn:taonet:problem:" + type);
        assertThat(answer.json().path("detail").asString()).isNotBlank();
    }

    @Test
    void aValidSignatureReachesTheControllerWithItsSigner() throws Exception {
        String body = "{\"amountRao\":42}";
        Answer answer = signed(aliceSigner, "POST", "/api/v1/things/" + alice.address(), body);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("signer").asString()).isEqualTo(alice.address());
        assertThat(answer.json().path("body").path("amountRao").asLong()).isEqualTo(42);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM signed_request_nonce WHERE signer = ?", Long.class,
                alice.address())).isEqualTo(1);
    }

    @Test
    void theNoncesLiveInThePostgresStore() {
        assertThat(nonceStore).isInstanceOf(JdbcNonceStore.class);
    }

    @Test
    void aMissingSignatureIs401() throws Exception {
        Answer answer = send("POST", "/api/v1/things/" + alice.address(), "{}", Map.of());
        assertProblem(answer, 401, "signature-missing");
        assertThat(answer.wwwAuthenticate()).isEqualTo("TaonetSignature");
    }

    @Test
    void aTamperedBodyIs401Invalid() throws Exception {
        String path = "/api/v1/things/" + alice.address();
        Map<String, String> headers = aliceSigner.headers("POST", path, "{\"amountRao\":1}".getBytes(StandardCharsets.UTF_8));
        assertProblem(send("POST", path, "{\"amountRao\":1000}", headers), 401, "signature-invalid");
    }

    @Test
    void aSignatureOfAnotherKeyIs401Invalid() throws Exception {
        String path = "/api/v1/things/" + alice.address();
        SignedHeaders byBob = new RequestSigner(bob).sign("POST", path, "{}".getBytes(StandardCharsets.UTF_8));
        SignedHeaders forged = new SignedHeaders(alice.address(), byBob.nonce(), byBob.signature());
        assertProblem(send("POST", path, "{}", forged.asMap()), 401, "signature-invalid");
    }

    @Test
    void aStaleNonceIs401Stale() throws Exception {
        String path = "/api/v1/things/" + alice.address();
        long twoMinutesAgo = System.currentTimeMillis() - 120_000;
        SignedHeaders old = aliceSigner.sign("POST", path, twoMinutesAgo, "{}".getBytes(StandardCharsets.UTF_8));
        assertProblem(send("POST", path, "{}", old.asMap()), 401, "signature-stale");
    }

    @Test
    void aReplayIs401Replayed() throws Exception {
        String path = "/api/v1/things/" + alice.address();
        Map<String, String> headers = aliceSigner.headers("POST", path, "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(send("POST", path, "{}", headers).status()).isEqualTo(200);
        assertProblem(send("POST", path, "{}", headers), 401, "signature-replayed");
    }

    @Test
    void aValidSignerActingOnWhatItDoesNotOwnIs403() throws Exception {
        Answer answer = signed(new RequestSigner(bob), "POST", "/api/v1/things/" + alice.address(), "{}");
        assertProblem(answer, 403, "not-owner");
    }

    @Test
    void theQueryStringIsSigned() throws Exception {
        String path = "/api/v1/things/" + alice.address() + "/secret?topic=a%20b";
        Answer ok = signed(aliceSigner, "GET", path, null);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().path("topic").asString()).isEqualTo("a b");

        Map<String, String> headers = aliceSigner.headers("GET", path, new byte[0]);
        assertProblem(send("GET", path.replace("topic=a", "topic=c"), null, headers), 401, "signature-invalid");
    }

    @Test
    void aClassLevelAnnotationProtectsMethodsWithoutASignerParameter() throws Exception {
        assertProblem(send("POST", "/api/v1/ping", "{}", Map.of()), 401, "signature-missing");
        assertThat(signed(aliceSigner, "POST", "/api/v1/ping", "{}").status()).isEqualTo(200);
    }

    @Test
    void unsignedEndpointsAreUntouched() throws Exception {
        Answer answer = send("POST", "/api/v1/things/open", "{\"x\":1}", Map.of());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().path("body").path("x").asInt()).isEqualTo(1);
        // Signature headers on an unsigned endpoint: the body still reaches the controller.
        Answer withHeaders = signed(aliceSigner, "POST", "/api/v1/things/open", "{\"x\":2}");
        assertThat(withHeaders.json().path("body").path("x").asInt()).isEqualTo(2);
    }

    @Test
    void anOversizedSignedBodyIs413() throws Exception {
        String body = "{\"pad\":\"" + "x".repeat(5000) + "\"}";
        assertProblem(signed(aliceSigner, "POST", "/api/v1/things/" + alice.address(), body), 413, "body-too-large");
    }

    @Test
    void malformedJsonInASignedRequestIsStill400AfterVerification() throws Exception {
        Answer answer = signed(aliceSigner, "POST", "/api/v1/things/" + alice.address(), "{not json");
        assertProblem(answer, 400, "malformed-body");
    }

    /** Eight concurrent deliveries of one signed request: exactly one takes effect. */
    @Test
    void concurrentReplaysAreAcceptedExactlyOnce() throws Exception {
        String path = "/api/v1/things/" + alice.address();
        Map<String, String> headers = aliceSigner.headers("POST", path, "{}".getBytes(StandardCharsets.UTF_8));
        List<Integer> statuses = runConcurrently(8, () -> send("POST", path, "{}", headers).status());
        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 401).hasSize(7);
    }

    /**
     * Concurrent callers sharing one signing RestClient (one key): the interceptor hands out increasing nonces
     * and keeps them in order on the wire, so every request is accepted, once.
     */
    @Test
    void concurrentCallersOfOneSigningClientAreAllAcceptedOnce() throws Exception {
        RestClient client = RestClient.builder().baseUrl(base())
                .requestInterceptor(new SigningRequestInterceptor(alice)).build();
        String path = "/api/v1/things/" + alice.address();
        List<String> signers = runConcurrently(40, () -> client.post().uri(path)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("n", 1))
                .retrieve().body(JsonNode.class).path("signer").asString());
        assertThat(signers).hasSize(40).containsOnly(alice.address());
    }

    /** The PostgreSQL store itself under contention: of many threads offering the same nonces, one wins each. */
    @Test
    void theJdbcStoreAcceptsEachNonceOnceUnderContention() throws Exception {
        String signer = KeyPair.generate().address();
        int nonces = 50;
        List<Integer> wins = runConcurrently(6, () -> {
            int won = 0;
            for (long n = 1; n <= nonces; n++) {
                if (nonceStore.advance(signer, n)) {
                    won++;
                }
            }
            return won;
        });
        int total = wins.stream().mapToInt(Integer::intValue).sum();
        assertThat(total).isBetween(1, nonces);
        assertThat(jdbc.queryForObject("SELECT last_nonce FROM signed_request_nonce WHERE signer = ?", Long.class, signer))
                .isEqualTo(nonces);
        assertThat(nonceStore.advance(signer, nonces)).isFalse();
    }

    static <T> List<T> runConcurrently(int threads, Callable<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.call();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }
}
