package net.taonet.systemtests.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.taonet.consensus.ConsensusApplication;
import net.taonet.emission.EmissionApplication;
import net.taonet.gateway.GatewayApplication;
import net.taonet.identity.KeyPair;
import net.taonet.registry.RegistryApplication;
import net.taonet.scoring.ScoringApplication;
import net.taonet.systemtests.support.Http.Response;
import net.taonet.testsupport.LocalNetwork;
import net.taonet.worker.WorkerApplication;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The network every system test runs against, started once per test JVM: all services in-process on the
 * real Kafka broker and PostgreSQL, four miners (two honest, one returning wrong results — the workers'
 * demo-only dishonesty —, one serving chat from an in-process OpenAI-compatible model server) and one
 * managed validator,
 * with a {@code gemm} and a {@code chat} subnet created, registered and staked through the gateway's
 * public API the way a user would. Blocks are 200 ms and the tempo 10, so an epoch completes every 2.2 s.
 *
 * <p>Test classes use it with {@code @ExtendWith(SystemNetwork.Extension.class)} and {@link #get()}; the
 * network closes when the test JVM's last test class has run.
 */
public final class SystemNetwork {

    public static final String ADMIN_KEY = "local-admin-key";
    public static final String SERVICE_KEY = "local-service-key";
    public static final int TEMPO = 10;
    public static final Duration BLOCK_TIME = Duration.ofMillis(200);
    public static final long GENESIS_RAO = 100_000L * 1_000_000_000L;
    /** The netuids the two subnets get (the lowest free ones, in creation order); the miners mine them. */
    static final int GEMM_NETUID = 1;
    static final int CHAT_NETUID = 2;
    public static final long VALIDATOR_STAKE_RAO = 1_000L * 1_000_000_000L;

    /** The miners of the gemm subnet, by name. */
    public static final Map<String, KeyPair> MINERS = Map.of(
            "honest-1", Keys.HONEST_1, "honest-2", Keys.HONEST_2, "cheat", Keys.CHEAT);

    private static final String NO_JPA = String.join(",",
            "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
            "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration");

    private static SystemNetwork instance;

    private final LocalNetwork network;
    private final ModelServerStub modelServer;
    private final Http gateway;
    private int gemmNetuid;
    private int chatNetuid;

    private SystemNetwork(LocalNetwork network, ModelServerStub modelServer) {
        this.network = network;
        this.modelServer = modelServer;
        this.gateway = new Http(network.url(LocalNetwork.GATEWAY));
    }

    /** The running network, started and populated on first use. */
    public static synchronized SystemNetwork get() {
        if (instance == null) {
            long started = System.nanoTime();
            instance = start();
            instance.populate();
            System.out.printf("[system-network] started and populated in %.1f s: gemm subnet %d, chat subnet %d%n",
                    (System.nanoTime() - started) / 1e9, instance.gemmNetuid, instance.chatNetuid);
        }
        return instance;
    }

    private static SystemNetwork start() {
        ModelServerStub stub;
        try {
            stub = new ModelServerStub();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> ledger = new LinkedHashMap<>();
        ledger.put("taonet.emission.faucet.enabled", "true");
        ledger.put("taonet.emission.faucet.max-amount-rao", "10000000000000");
        ledger.put("taonet.emission.settlement-retry-interval", "500ms");
        List<KeyPair> funded = List.of(Keys.ALICE, Keys.BOB, Keys.MALLORY);
        for (int i = 0; i < funded.size(); i++) {
            ledger.put("taonet.emission.genesis[" + i + "].address", funded.get(i).address());
            ledger.put("taonet.emission.genesis[" + i + "].amount-rao", GENESIS_RAO);
        }
        Map<String, Object> registry = Map.of(
                "taonet.registry.network.min-lock-rao", "10000000000",
                "taonet.registry.network.lock-reduction-interval", "600",
                "taonet.registry.network.creation-rate-limit", "1",
                "taonet.registry.network.min-tempo", TEMPO,
                "taonet.registry.serving-rate-limit", "10");
        Map<String, Object> scoring = new LinkedHashMap<>();
        scoring.put("taonet.scoring.validators[0].name", "validator-1");
        scoring.put("taonet.scoring.validators[0].hotkey-seed", Keys.VALIDATOR.seedHex());
        scoring.put("taonet.scoring.query-interval", "300ms");
        scoring.put("taonet.scoring.sample-size", "4");
        scoring.put("taonet.scoring.weights-interval", "500ms");
        scoring.put("taonet.scoring.result-grace", "200ms");
        scoring.put("taonet.scoring.tasks.gemm.m", "16");
        scoring.put("taonet.scoring.tasks.gemm.n", "16");
        scoring.put("taonet.scoring.tasks.gemm.k-min", "16");
        scoring.put("taonet.scoring.tasks.gemm.k-max", "32");
        scoring.put("taonet.scoring.tasks.gemm.timeout-ms", "1500");
        scoring.put("taonet.scoring.organic.attempt-timeout", "5s");

        // The ledger and the registry use plain JDBC: JPA, on this class path for the others, stays off.
        ledger.put("spring.autoconfigure.exclude", NO_JPA);
        Map<String, Object> registryProps = new LinkedHashMap<>(registry);
        registryProps.put("spring.autoconfigure.exclude", NO_JPA);

        LocalNetwork.Builder b = LocalNetwork.builder()
                .blockTime(BLOCK_TIME)
                // The gateway's routing engine is on this class path too; only the gateway runs it.
                .property("spring.cloud.gateway.server.webflux.enabled", "false")
                .property("logging.level.root", "WARN")
                .property("springdoc.api-docs.enabled", "false")
                .property("springdoc.swagger-ui.enabled", "false")
                .ledger(EmissionApplication.class, ledger)
                .registry(RegistryApplication.class, registryProps)
                .consensus(ConsensusApplication.class)
                .scoring(ScoringApplication.class, scoring);
        MINERS.forEach((name, key) -> b.worker(name, WorkerApplication.class,
                worker(name, key, GEMM_NETUID, "gemm", name.startsWith("honest") ? "honest" : "wrong-results", Map.of())));
        b.worker("chat", WorkerApplication.class, worker("chat", Keys.CHAT_MINER, CHAT_NETUID, "chat", "honest",
                Map.of("taonet.worker.tasks.chat.base-url", stub.baseUrl(), "taonet.worker.tasks.chat.model", "stub")));
        // Several web stacks share this class path: the gateway is the reactive one.
        b.gateway(GatewayApplication.class, Map.of("spring.main.web-application-type", "reactive",
                "spring.cloud.gateway.server.webflux.enabled", "true"));
        return new SystemNetwork(b.start(), stub);
    }

    /** A miner that learns its UID from the registry once the test has registered its hotkey. */
    private static Map<String, Object> worker(String name, KeyPair hotkey, int netuid, String taskType, String behaviour,
            Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        // a worker has no database; the other services' starters on this class path must not give it one
        p.put("spring.autoconfigure.exclude", String.join(",",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
                "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
                "org.springframework.boot.data.jpa.autoconfigure.DataJpaRepositoriesAutoConfiguration",
                "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration"));
        p.put("taonet.worker.netuid", netuid);
        p.put("taonet.worker.hotkey-seed", hotkey.seedHex());
        p.put("taonet.worker.registry.register", "false");
        p.put("taonet.worker.registry.retry-interval", "300ms");
        p.put("taonet.worker.behaviour", behaviour);
        p.put("taonet.worker.task-types", taskType);
        p.put("taonet.worker.tasks.gemm.backend", "naive");
        p.put("spring.kafka.consumer.group-id", "worker-" + name);
        p.putAll(extra);
        return p;
    }

    /** Creates the subnets, registers every neuron and stakes on the validator, all through the gateway. */
    private void populate() {
        gemmNetuid = createSubnet("gemm", "system-test gemm");
        chatNetuid = createSubnet("chat", "system-test chat");
        // the miners were started for these netuids (the lowest free ones, in creation order)
        assertThat(List.of(gemmNetuid, chatNetuid)).containsExactly(GEMM_NETUID, CHAT_NETUID);
        for (int netuid : List.of(gemmNetuid, chatNetuid)) {
            admin(netuid, "commit_reveal_enabled", false);
            admin(netuid, "weights_rate_limit", 2);
            admin(netuid, "tempo", TEMPO);
            register(netuid, Keys.VALIDATOR);
        }
        MINERS.values().forEach(k -> register(gemmNetuid, k));
        register(chatNetuid, Keys.CHAT_MINER);
        stake(gemmNetuid, Keys.VALIDATOR, VALIDATOR_STAKE_RAO);
        stake(chatNetuid, Keys.VALIDATOR, VALIDATOR_STAKE_RAO / 10);
    }

    private int createSubnet(String taskType, String name) {
        ObjectNode body = Http.JSON.createObjectNode()
                .put("ownerColdkey", Keys.ALICE.address())
                .put("ownerHotkey", Keys.ALICE_HOTKEY.address())
                .put("taskType", taskType);
        body.putObject("identity").put("name", name).put("description", "created by the system tests")
                .put("url", "https://example.org").put("contact", "tests@example.org");
        String idempotencyKey = UUID.randomUUID().toString();
        Response[] last = new Response[1];
        // one subnet per creation-rate-limit block: the second waits for the next block
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = gateway.postJson("/api/v1/subnets", body, Keys.ALICE, Map.of("Idempotency-Key", idempotencyKey));
            return last[0].status() != 429 && last[0].status() != 503;
        });
        assertThat(last[0].status()).as("create %s subnet: %s", taskType, last[0]).isEqualTo(201);
        return last[0].json().path("netuid").asInt();
    }

    private void admin(int netuid, String name, Object value) {
        Response r = gateway.putJson("/api/v1/subnets/" + netuid + "/hyperparameters/" + name,
                Map.of("value", value), null, Map.of("X-Taonet-Admin-Key", ADMIN_KEY));
        assertThat(r.status()).as("set %s on subnet %d: %s", name, netuid, r).isEqualTo(200);
    }

    private void register(int netuid, KeyPair hotkey) {
        Response r = gateway.postJson("/api/v1/subnets/" + netuid + "/neurons",
                Map.of("hotkey", hotkey.address(), "maxPriceRao", 50_000_000_000L), Keys.BOB,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(r.status()).as("register %s on subnet %d: %s", hotkey.address(), netuid, r).isEqualTo(201);
    }

    private void stake(int netuid, KeyPair hotkey, long rao) {
        // the ledger learns of the registration from registry.neurons: wait until it accepts the stake
        Response[] last = new Response[1];
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = gateway.postJson("/api/v1/stakes/add", Map.of("coldkey", Keys.BOB.address(),
                    "hotkey", hotkey.address(), "netuid", netuid, "amountRao", rao), Keys.BOB,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            return last[0].status() != 422 && last[0].status() != 404;
        });
        assertThat(last[0].status()).as("stake on %s: %s", hotkey.address(), last[0]).isBetween(200, 201);
    }

    // ------------------------------------------------------------------------------------------ access

    public LocalNetwork network() {
        return network;
    }

    /** The public API, through the gateway. */
    public Http gateway() {
        return gateway;
    }

    /** A service's own HTTP root (for the internal endpoints the gateway does not route). */
    public Http direct(String service) {
        return new Http(network.url(service));
    }

    public JdbcTemplate jdbc(String service) {
        return network.service(service).bean(JdbcTemplate.class);
    }

    public ModelServerStub modelServer() {
        return modelServer;
    }

    public int gemmNetuid() {
        return gemmNetuid;
    }

    public int chatNetuid() {
        return chatNetuid;
    }

    /** {@code GET path} through the gateway, which must answer 200. */
    public JsonNode read(String path) {
        Response r = gateway.get(path);
        assertThat(r.status()).as("GET %s: %s", path, r).isEqualTo(200);
        return r.json();
    }

    public static JsonNode json(String text) {
        return Http.JSON.readTree(text);
    }

    /** The ledger's audit; it must balance. */
    public JsonNode audit() {
        JsonNode audit = read("/api/v1/audit");
        assertThat(audit.path("ok").asBoolean()).as("ledger audit: %s", audit).isTrue();
        return audit;
    }

    /** Closes the network after the last test class of the JVM (JUnit's root store). */
    public static final class Extension implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .computeIfAbsent(SystemNetwork.class, k -> (AutoCloseable) SystemNetwork::closeShared);
        }
    }

    private static synchronized void closeShared() {
        if (instance != null) {
            instance.network.close();
            instance.modelServer.close();
            instance = null;
        }
    }
}
