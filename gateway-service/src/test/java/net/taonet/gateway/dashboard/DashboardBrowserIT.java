package net.taonet.gateway.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard in a real browser against a running network: ledger, registry, consensus, scoring with one
 * managed validator, two echo workers and the gateway, seeded through the public API (a subnet with tempo 10
 * on 200 ms blocks, the validator staked, the miners answering). Then {@code dashboard/browser-test} drives
 * Debian's Chromium over every page (Playwright, headless): no console errors, live values from this network
 * on each page, live refresh without a reload, a replay, and a screenshot per page in
 * {@code target/dashboard-screenshots/}.
 */
class DashboardBrowserIT {

    static final long TAO = 1_000_000_000L;
    static final String ADMIN_KEY = "local-admin-key";
    static final String SCG_ENABLED = "spring.cloud.gateway.server.webflux.enabled";
    /** A worker keeps no database: the services' database starters on this class path must not start one for it. */
    static final String NO_DATABASE = String.join(",",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration");
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final KeyPair ALICE = key("taonet-dev:alice");
    static final KeyPair BOB = key("taonet-dev:bob");
    static final KeyPair OWNER = key("taonet-dashboard-it:owner");
    static final KeyPair VALIDATOR = key("taonet-dashboard-it:validator");
    static final List<KeyPair> MINERS = List.of(key("taonet-dashboard-it:miner-1"), key("taonet-dashboard-it:miner-2"));
    static final Path REPO = Path.of(System.getProperty("user.dir")).getParent();
    static final Path SCREENSHOTS = Path.of(System.getProperty("user.dir"), "target", "dashboard-screenshots");

    static LocalNetwork network;
    static final List<RunningService> workers = new ArrayList<>();
    static int netuid;
    static int validatorUid;
    static final List<Integer> minerUids = new ArrayList<>();

    @BeforeAll
    static void startAndSeed() {
        network = LocalNetwork.builder()
                .ledger(EmissionApplication.class, Map.of("spring.profiles.active", "local"))
                .registry(RegistryApplication.class, Map.of("spring.profiles.active", "local"))
                .consensus(ConsensusApplication.class)
                .scoring(ScoringApplication.class, Map.of(
                        "taonet.scoring.validators[0].name", "dashboard-it",
                        "taonet.scoring.validators[0].hotkey-seed", VALIDATOR.seedHex(),
                        "taonet.scoring.query-interval", "1s",
                        "taonet.scoring.weights-interval", "2s"))
                .gateway(GatewayApplication.class, Map.of(SCG_ENABLED, "true"))
                // Spring Cloud Gateway is on this class path for the gateway; in the servlet services it must stay off
                .property(SCG_ENABLED, "false")
                .blockTime(Duration.ofMillis(200))
                .start();
        String registry = network.url(LocalNetwork.REGISTRY);
        Map<String, Object> subnet = new LinkedHashMap<>();
        subnet.put("ownerHotkey", OWNER.address());
        subnet.put("taskType", "echo");
        subnet.put("identity", Map.of("name", "echo lab", "description", "the dashboard's browser test",
                "url", "http://localhost/echo", "contact", "echo@localhost"));
        netuid = signed(registry, "POST", "/api/v1/subnets", ALICE, subnet).get("netuid").asInt();
        ResponseEntity<String> tempo = client(registry).put().uri("/api/v1/subnets/{n}/hyperparameters/tempo", netuid)
                .header("X-Taonet-Admin-Key", ADMIN_KEY).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("value", 10)).retrieve().toEntity(String.class);
        assertThat(tempo.getStatusCode().is2xxSuccessful()).as(tempo.getBody()).isTrue();
        validatorUid = register(registry, VALIDATOR);
        for (KeyPair miner : MINERS) {
            minerUids.add(register(registry, miner));
        }
        stake(network.url(LocalNetwork.LEDGER), VALIDATOR, 1_000 * TAO);
        for (int i = 0; i < MINERS.size(); i++) {
            Map<String, Object> props = new LinkedHashMap<>();
            props.put("taonet.chain.genesis", network.genesis().toString());
            props.put("taonet.chain.block-time", network.blockTime().toMillis() + "ms");
            props.put("taonet.worker.netuid", netuid);
            props.put("taonet.worker.hotkey-seed", MINERS.get(i).seedHex());
            props.put("taonet.worker.registry.url", registry);
            props.put("taonet.worker.registry.register", "false");
            props.put("taonet.worker.registry.retry-interval", "1s");
            props.put("taonet.worker.task-types", "echo");
            props.put("spring.autoconfigure.exclude", NO_DATABASE);
            props.put(SCG_ENABLED, "false");
            workers.add(ServiceLauncher.start(WorkerApplication.class, "dashboard_it_worker_" + (i + 1), props));
        }
        // Until the network has something to show: miners that answered, were weighed, earned incentive,
        // and an epoch the ledger settled.
        RestClient gateway = client(network.url(LocalNetwork.GATEWAY));
        await("a miner earns incentive and the ledger settles an epoch").atMost(Duration.ofSeconds(240))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptions() // a busy machine may time a poll out; the next one asks again
                .until(() -> {
                    JsonNode metagraph = json(gateway, "/api/v1/subnets/" + netuid + "/metagraph");
                    boolean incentive = false;
                    for (JsonNode n : metagraph.path("neurons")) {
                        incentive |= minerUids.contains(n.path("uid").asInt()) && n.path("incentive").asInt() > 0;
                    }
                    JsonNode settled = json(gateway, "/api/v1/emission/subnets/" + netuid + "/settlements?limit=1");
                    return incentive && settled.isArray() && !settled.isEmpty();
                });
    }

    @AfterAll
    static void stop() {
        workers.forEach(RunningService::close);
        if (network != null) {
            network.close();
        }
    }

    @Test
    void everyPageShowsTheLiveNetworkWithoutConsoleErrors() throws Exception {
        Files.createDirectories(SCREENSHOTS);
        try (var old = Files.list(SCREENSHOTS)) {
            for (Path p : old.filter(p -> p.toString().endsWith(".png")).toList()) {
                Files.delete(p);
            }
        }
        Map<String, Object> expect = new LinkedHashMap<>();
        expect.put("netuid", netuid);
        expect.put("subnetName", "echo lab");
        expect.put("validatorUid", validatorUid);
        expect.put("validatorHotkey", VALIDATOR.address());
        expect.put("minerUids", minerUids);
        expect.put("minerHotkeys", MINERS.stream().map(KeyPair::address).toList());
        expect.put("subnets", json(client(network.url(LocalNetwork.GATEWAY)), "/api/v1/subnets").path("subnets").size());

        ProcessBuilder node = new ProcessBuilder("node", "browser-test/dashboard.spec.mjs")
                .directory(REPO.resolve("dashboard").toFile())
                .redirectErrorStream(true)
                .redirectOutput(SCREENSHOTS.resolve("browser-test.log").toFile());
        node.environment().put("DASHBOARD_URL", network.url(LocalNetwork.GATEWAY));
        node.environment().put("DASHBOARD_EXPECT", JSON.writeValueAsString(expect));
        node.environment().put("SCREENSHOT_DIR", SCREENSHOTS.toString());
        Process process = node.start();
        boolean finished = process.waitFor(4, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String log = Files.readString(SCREENSHOTS.resolve("browser-test.log"));
        System.out.println(log);
        assertThat(finished).as("the browser test finished in time").isTrue();
        assertThat(process.exitValue()).as(log).isZero();
        try (var shots = Files.list(SCREENSHOTS)) {
            assertThat(shots.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")))
                    .containsExactlyInAnyOrder("1-network.png", "2-subnet.png", "3-neuron.png", "4-epochs.png",
                            "5-audit.png", "6-workers.png");
        }
    }

    // ---- seeding through the public API

    private static int register(String registry, KeyPair hotkey) {
        return signed(registry, "POST", "/api/v1/subnets/" + netuid + "/neurons", BOB,
                Map.of("hotkey", hotkey.address(), "maxPriceRao", 100 * TAO)).get("uid").asInt();
    }

    /**
     * The ledger learns of the subnet and the hotkey's UID from the registry's events; until then it refuses the
     * stake (unknown subnet, hotkey not registered), and nothing is staked.
     */
    private static void stake(String ledger, KeyPair hotkey, long amountRao) {
        Map<String, Object> body = Map.of("coldkey", BOB.address(), "hotkey", hotkey.address(), "netuid", netuid,
                "amountRao", amountRao);
        await("stake on the validator").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .ignoreExceptionsMatching(e -> e.getMessage() != null
                        && (e.getMessage().contains("hotkey-not-registered") || e.getMessage().contains("unknown-subnet")))
                .until(() -> signed(ledger, "POST", "/api/v1/stakes/add", BOB, body) != null);
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

    private static JsonNode json(RestClient client, String path) {
        String body = client.get().uri(path).retrieve().body(String.class);
        return body == null ? JSON.createObjectNode() : JSON.readTree(body);
    }

    private static RestClient client(String baseUrl) {
        return RestClient.builder().baseUrl(baseUrl).defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
    }

    private static KeyPair key(String seedText) {
        try {
            return KeyPair.fromSeed(MessageDigest.getInstance("SHA-256").digest(seedText.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
