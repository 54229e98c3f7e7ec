package net.taonet.gateway.network;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import net.taonet.consensus.ConsensusApplication;
import net.taonet.emission.EmissionApplication;
import net.taonet.gateway.GatewayApplication;
import net.taonet.identity.KeyPair;
import net.taonet.identity.RequestSigner;
import net.taonet.registry.RegistryApplication;
import net.taonet.scoring.ScoringApplication;
import net.taonet.testsupport.LocalNetwork;
import net.taonet.testsupport.ServiceLauncher;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import net.taonet.worker.WorkerApplication;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway in front of the real services, started once per test JVM and shared by the tests that need
 * it: ledger (local profile: funded development wallets), registry, consensus, scoring with one managed
 * validator, the gateway, and a chat subnet created through the registry's public API with the validator
 * and one worker (a real miner) registered; the worker's model server is {@link ModelServerStub}.
 */
public final class GatewayNetwork {

    public static final String ADMIN_KEY = "local-admin-key";
    static final KeyPair ALICE = dev("alice");
    static final KeyPair BOB = dev("bob");
    static final KeyPair VALIDATOR = KeyPair.fromSeed(sha256("taonet-gateway-it:validator"));
    static final KeyPair OWNER_HOTKEY = KeyPair.fromSeed(sha256("taonet-gateway-it:owner"));
    static final KeyPair MINER = KeyPair.fromSeed(sha256("taonet-gateway-it:miner"));
    static final JsonMapper JSON = JsonMapper.builder().build();

    private static GatewayNetwork shared;

    public final LocalNetwork network;
    public final RunningService worker;
    public final ModelServerStub modelServer;
    public final int chatNetuid;
    public final int minerUid;

    private GatewayNetwork(LocalNetwork network, RunningService worker, ModelServerStub modelServer, int chatNetuid,
            int minerUid) {
        this.network = network;
        this.worker = worker;
        this.modelServer = modelServer;
        this.chatNetuid = chatNetuid;
        this.minerUid = minerUid;
    }

    /** The network, started on first use and stopped when the JVM exits. */
    public static synchronized GatewayNetwork get() throws Exception {
        if (shared == null) {
            shared = start();
            GatewayNetwork started = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return shared;
    }

    private static GatewayNetwork start() throws Exception {
        ModelServerStub modelServer = new ModelServerStub();
        LocalNetwork network = LocalNetwork.builder()
                .ledger(EmissionApplication.class, servlet(Map.of("spring.profiles.active", "local")))
                .registry(RegistryApplication.class, servlet(Map.of()))
                .consensus(ConsensusApplication.class, servlet(Map.of()))
                .scoring(ScoringApplication.class, servlet(Map.of(
                        "taonet.scoring.validators[0].name", "gateway-it",
                        "taonet.scoring.validators[0].hotkey-seed", VALIDATOR.seedHex(),
                        // organic requests only: no challenges competing with them for the worker
                        "taonet.scoring.query-interval", "1h",
                        "taonet.scoring.weights-interval", "1h")))
                .gateway(GatewayApplication.class, Map.of(
                        // a broken route's breaker lets a probe through after 1 s instead of 5
                        "resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state", "1s"))
                .blockTime(Duration.ofMillis(250))
                .start();
        try {
            String registry = network.url(LocalNetwork.REGISTRY);
            int netuid = createChatSubnet(registry);
            register(registry, netuid, BOB, VALIDATOR);
            int minerUid = register(registry, netuid, BOB, MINER);
            Map<String, Object> workerProps = new LinkedHashMap<>();
            workerProps.put("taonet.chain.genesis", network.genesis().toString());
            workerProps.put("taonet.chain.block-time", network.blockTime().toMillis() + "ms");
            workerProps.put("taonet.worker.netuid", netuid);
            workerProps.put("taonet.worker.hotkey-seed", MINER.seedHex());
            workerProps.put("taonet.worker.registry.url", registry);
            workerProps.put("taonet.worker.registry.register", "false");
            workerProps.put("taonet.worker.registry.retry-interval", "1s");
            workerProps.put("taonet.worker.task-types", "chat");
            workerProps.put("taonet.worker.tasks.chat.base-url", modelServer.baseUrl());
            workerProps.put("taonet.worker.tasks.chat.model", "stub");
            // a worker keeps no database; the other services' migrations on this class path are not its own
            workerProps.put("spring.flyway.enabled", "false");
            RunningService worker = ServiceLauncher.start(WorkerApplication.class, "gateway_it_worker", servlet(workerProps));
            GatewayNetwork started = new GatewayNetwork(network, worker, modelServer, netuid, minerUid);
            started.awaitChatModel();
            return started;
        } catch (Exception | Error e) {
            network.close();
            modelServer.close();
            throw e;
        }
    }

    /**
     * The settings a servlet service needs on this class path, which also carries the gateway's: Spring Cloud
     * Gateway off, and no Reactor Netty resource factory, whose shutdown (when the test stops the service)
     * would dispose the JVM-wide Netty event loops the gateway serves on.
     */
    public static Map<String, Object> servlet(Map<String, ?> overrides) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.cloud.gateway.server.webflux.enabled", "false");
        props.put("spring.autoconfigure.exclude",
                "org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration");
        props.putAll(overrides);
        return props;
    }

    public String gatewayUrl() {
        return network.url(LocalNetwork.GATEWAY);
    }

    /** A client of a base URL that returns every answer (no exception on 4xx/5xx). */
    public static RestClient client(String baseUrl) {
        // a first request to a cold service on a loaded machine may take longer than the usual 10 s read timeout
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build());
        requests.setReadTimeout(Duration.ofSeconds(90));
        return RestClient.builder().baseUrl(baseUrl).requestFactory(requests)
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
    }

    public RestClient gateway() {
        return client(gatewayUrl());
    }

    /** A new API key from the admin endpoint; returns the key itself. */
    public String apiKey(String name, int requestsPerSecond, int burst, long monthlyQuota) {
        JsonNode created = JSON.readTree(gateway().post().uri("/admin/api-keys").header("X-Taonet-Admin-Key", ADMIN_KEY)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", name, "requestsPerSecond", requestsPerSecond, "burst", burst,
                        "monthlyQuota", monthlyQuota))
                .retrieve().body(String.class));
        return created.get("apiKey").asString();
    }

    /** Until scoring knows the subnet and its miner and the gateway lists the subnet as a model. */
    private void awaitChatModel() {
        String key = apiKey("startup-probe", 100, 100, 1_000_000);
        await("chat subnet sn" + chatNetuid + " listed").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    String models = gateway().get().uri("/v1/models").header("Authorization", "Bearer " + key)
                            .retrieve().body(String.class);
                    return models != null && models.contains("\"sn" + chatNetuid + "\"");
                });
        await("scoring sees the miner").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    ResponseEntity<String> answer = client(network.url(LocalNetwork.SCORING)).post()
                            .uri("/internal/dispatch/{netuid}", chatNetuid)
                            .header("X-Taonet-Service-Key", "local-service-key")
                            .contentType(MediaType.APPLICATION_JSON)
                            .body(Map.of("taskType", "chat", "timeoutMillis", 10_000, "payload",
                                    "{\"model\":\"sn" + chatNetuid + "\",\"messages\":[{\"role\":\"user\",\"content\":\"ready?\"}]}"))
                            .retrieve().toEntity(String.class);
                    return answer.getStatusCode().is2xxSuccessful();
                });
    }

    private static int createChatSubnet(String registry) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ownerHotkey", OWNER_HOTKEY.address());
        body.put("taskType", "chat");
        body.put("identity", Map.of("name", "gateway chat", "description", "chat through the gateway",
                "url", "http://localhost/chat", "contact", "chat@localhost"));
        return signed(registry, "POST", "/api/v1/subnets", ALICE, body).get("netuid").asInt();
    }

    private static int register(String registry, int netuid, KeyPair coldkey, KeyPair hotkey) {
        return signed(registry, "POST", "/api/v1/subnets/" + netuid + "/neurons", coldkey,
                Map.of("hotkey", hotkey.address(), "maxPriceRao", 100_000_000_000L)).get("uid").asInt();
    }

    private static JsonNode signed(String baseUrl, String method, String path, KeyPair key, Object body) {
        byte[] bytes = JSON.writeValueAsBytes(body);
        Map<String, String> headers = new RequestSigner(key).headers(method, path, bytes);
        ResponseEntity<String> answer = client(baseUrl).method(HttpMethod.valueOf(method)).uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    headers.forEach(h::add);
                    h.add("Idempotency-Key", UUID.randomUUID().toString());
                })
                .body(bytes).retrieve().toEntity(String.class);
        if (!answer.getStatusCode().is2xxSuccessful()) {
            throw new IllegalStateException(method + " " + path + " answered " + answer.getStatusCode() + ": " + answer.getBody());
        }
        return JSON.readTree(answer.getBody());
    }

    static KeyPair dev(String name) {
        return KeyPair.fromSeed(sha256("taonet-dev:" + name));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void close() {
        try {
            worker.close();
        } finally {
            try {
                network.close();
            } finally {
                modelServer.close();
            }
        }
    }
}
