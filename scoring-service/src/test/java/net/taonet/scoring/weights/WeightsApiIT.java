package net.taonet.scoring.weights;

import net.taonet.identity.CommitHash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.taonet.events.EventCatalog;
import net.taonet.events.EventEnvelope;
import net.taonet.events.Topics;
import net.taonet.events.consensus.EpochCompleted;
import net.taonet.events.ledger.StakeChanged;
import net.taonet.events.registry.NeuronRegistered;
import net.taonet.events.registry.NeuronReplaced;
import net.taonet.events.registry.SubnetIdentity;
import net.taonet.events.registry.SubnetRegistered;
import net.taonet.events.scoring.WeightsCommitted;
import net.taonet.events.scoring.WeightsSet;
import net.taonet.events.scoring.WeightsSet.UidWeight;
import net.taonet.identity.KeyPair;
import net.taonet.platform.chain.BlockClock;
import net.taonet.platform.chain.ManualBlockClock;
import net.taonet.scoring.metagraph.domain.Metagraph;
import net.taonet.scoring.support.Api;
import net.taonet.scoring.support.Api.Response;
import net.taonet.scoring.support.TestEvents;
import net.taonet.scoring.weights.domain.WeightsService;
import net.taonet.scoring.weights.domain.WeightsSubmission;
import net.taonet.testsupport.Infrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weights API on real PostgreSQL and Kafka: the projection fed by the events other services would
 * publish, signed requests, every path of set / commit / reveal, the events produced, duplicate delivery and
 * rollback. The block clock is manual.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"taonet.scoring.scheduler.enabled=false"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WeightsApiIT {

    static final KeyPair OWNER = KeyPair.fromSeed(seed(1));
    static final KeyPair VALIDATOR = KeyPair.fromSeed(seed(2));
    static final KeyPair MINER_A = KeyPair.fromSeed(seed(3));
    static final KeyPair MINER_B = KeyPair.fromSeed(seed(4));
    static final KeyPair NEWCOMER = KeyPair.fromSeed(seed(5));
    static final KeyPair STRANGER = KeyPair.fromSeed(seed(6));
    /** Subnet 1: commit-reveal off, rate limit 5; subnet 2: commit-reveal on, no rate limit; both tempo 10. */
    static final int DIRECT = 1;
    static final int HIDDEN = 2;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.register(registry, "scoring_weights");
    }

    @TestConfiguration
    static class Clock {
        @Bean
        @Primary
        ManualBlockClock manualBlockClock() {
            return new ManualBlockClock(100);
        }
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    BlockClock blockClock;
    @Autowired
    Metagraph metagraph;
    @Autowired
    WeightsService weightsService;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager txManager;

    TestEvents events;
    TestEvents.Reader weightsTopic;
    Api validator;

    ManualBlockClock clock() {
        return (ManualBlockClock) blockClock;
    }

    static byte[] seed(int n) {
        byte[] s = new byte[32];
        s[0] = (byte) n;
        s[31] = 42;
        return s;
    }

    @BeforeAll
    void network() {
        events = new TestEvents();
        weightsTopic = new TestEvents.Reader(Topics.SCORING_WEIGHTS);
        validator = Api.signedBy("http://localhost:" + port, VALIDATOR);
        for (int netuid : new int[] {DIRECT, HIDDEN}) {
            boolean commitReveal = netuid == HIDDEN;
            events.publish(EventCatalog.SUBNET_REGISTERED, Integer.toString(netuid), 90, new SubnetRegistered(netuid,
                    "owner-coldkey", OWNER.address(), "echo", new SubnetIdentity("sn" + netuid, "", "", ""),
                    TestEvents.hyperparameters(10, commitReveal ? 0 : 5, commitReveal, 1), 1_000, 90));
            int uid = 1;
            for (KeyPair k : List.of(VALIDATOR, MINER_A, MINER_B)) {
                events.publish(EventCatalog.NEURON_REGISTERED, Integer.toString(netuid), 91,
                        new NeuronRegistered(netuid, uid++, k.address(), "coldkey", 91, 1_000));
            }
            events.publish(EventCatalog.STAKE_CHANGED, Integer.toString(netuid), 92,
                    new StakeChanged(netuid, VALIDATOR.address(), "coldkey", 5_000_000_000L, 5_000_000_000L, "add"));
            events.publish(EventCatalog.EPOCH_COMPLETED, Integer.toString(netuid), 95, new EpochCompleted(netuid, 8, 95,
                    "hash", List.of(
                            new EpochCompleted.UidResult(0, OWNER.address(), true, 0, 0, 0, 0, 0, true, 0, 0),
                            new EpochCompleted.UidResult(1, VALIDATOR.address(), true, 65535, 0, 0, 0, 0, true, 0, 0),
                            new EpochCompleted.UidResult(2, MINER_A.address(), true, 0, 0, 30000, 0, 0, false, 0, 0),
                            new EpochCompleted.UidResult(3, MINER_B.address(), true, 0, 0, 30000, 0, 0, false, 0, 0))));
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (int netuid : new int[] {DIRECT, HIDDEN}) {
                assertThat(metagraph.subnetSize(netuid)).isEqualTo(4);
                assertThat(metagraph.stake(netuid, VALIDATOR.address())).isEqualTo(5_000_000_000L);
                assertThat(metagraph.hasValidatorPermit(netuid, 1, VALIDATOR.address())).isTrue();
            }
        });
    }

    @AfterAll
    void close() {
        events.close();
        weightsTopic.close();
    }

    Map<String, Object> row(int netuid, List<Integer> uids, List<Integer> weights) {
        return Map.of("netuid", netuid, "uids", uids, "weights", weights, "versionKey", 0);
    }

    @Test
    @Order(1)
    void serviceIsHealthy() {
        Response health = Api.unsigned("http://localhost:" + port).get("/actuator/health");
        assertThat(health.raw()).contains("\"status\":\"UP\"");
    }

    @Test
    @Order(2)
    void setWeightsStoresTheRowMaxUpscaledAndSortedAndPublishesIt() {
        clock().set(100);
        Response r = validator.post("/api/v1/weights", row(DIRECT, List.of(3, 2), List.of(21845, 43690)));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().path("uid").asInt()).isEqualTo(1);
        assertThat(r.body().path("weights").toString()).isEqualTo("[{\"uid\":2,\"weight\":65535},{\"uid\":3,\"weight\":32768}]");

        Response stored = Api.unsigned("http://localhost:" + port).get("/api/v1/weights/" + DIRECT);
        assertThat(stored.body().get(0).path("weights").toString())
                .isEqualTo("[{\"uid\":2,\"weight\":65535},{\"uid\":3,\"weight\":32768}]");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(weightsTopic.events(EventCatalog.WEIGHTS_SET))
                .contains(new WeightsSet(DIRECT, 1, VALIDATOR.address(),
                        List.of(new UidWeight(2, 65535), new UidWeight(3, 32768)), 100, null)));
    }

    @Test
    @Order(3)
    void theRateLimitCountsFromTheLastUpdate() {
        clock().set(104);
        Response early = validator.post("/api/v1/weights", row(DIRECT, List.of(2), List.of(1)));
        assertThat(early.status()).isEqualTo(429);
        assertThat(early.problemType()).isEqualTo("rate-limited");
        assertThat(early.body().path("nextAllowedBlock").asLong()).isEqualTo(105);
        clock().set(105);
        assertThat(validator.post("/api/v1/weights", row(DIRECT, List.of(2, 3), List.of(1, 1))).status()).isEqualTo(200);
    }

    @Test
    @Order(4)
    void requestsMustBeSignedByTheHotkeyTheyActFor() {
        Response unsigned = Api.unsigned("http://localhost:" + port).post("/api/v1/weights", row(DIRECT, List.of(2), List.of(1)));
        assertThat(unsigned.status()).isEqualTo(401);
        Map<String, Object> naming = Map.of("netuid", DIRECT, "uids", List.of(2), "weights", List.of(1),
                "hotkey", VALIDATOR.address());
        Response otherSigner = Api.signedBy("http://localhost:" + port, MINER_A).post("/api/v1/weights", naming);
        assertThat(otherSigner.status()).isEqualTo(403);
        assertThat(otherSigner.problemType()).isEqualTo("not-owner");
    }

    @Test
    @Order(5)
    void refusalsOverHttpKeepTheirTypes() {
        clock().set(200);
        Api minerA = Api.signedBy("http://localhost:" + port, MINER_A);
        Response noPermit = minerA.post("/api/v1/weights", row(DIRECT, List.of(1, 3), List.of(1, 1)));
        assertThat(noPermit.status()).isEqualTo(403);
        assertThat(noPermit.problemType()).isEqualTo("no-validator-permit");
        assertThat(minerA.post("/api/v1/weights", row(DIRECT, List.of(2), List.of(9))).status()).isEqualTo(200);

        Response stranger = Api.signedBy("http://localhost:" + port, STRANGER).post("/api/v1/weights", row(DIRECT, List.of(2), List.of(1)));
        assertThat(stranger.problemType()).isEqualTo("hotkey-not-registered");
        assertThat(validator.post("/api/v1/weights", row(99, List.of(2), List.of(1))).problemType()).isEqualTo("unknown-subnet");
        assertThat(validator.post("/api/v1/weights", row(DIRECT, List.of(2, 7), List.of(1, 1))).problemType()).isEqualTo("unknown-uid");
        assertThat(validator.post("/api/v1/weights", row(DIRECT, List.of(2, 2), List.of(1, 1))).problemType()).isEqualTo("duplicate-uids");
        assertThat(validator.post("/api/v1/weights", row(DIRECT, List.of(2, 3), List.of(1))).problemType()).isEqualTo("length-mismatch");
        assertThat(validator.post("/api/v1/weights", row(HIDDEN, List.of(2), List.of(1))).problemType()).isEqualTo("commit-reveal-enabled");
        Response malformed = validator.post("/api/v1/weights", Map.of("netuid", DIRECT, "uids", "nope"));
        assertThat(malformed.status()).isEqualTo(400);

        // Accepted rows are counted per subnet, refusals by their problem type.
        String metrics = Api.unsigned("http://localhost:" + port).get("/actuator/prometheus").raw();
        assertThat(sample(metrics, "taonet_scoring_weights_accepted_total", "netuid=\"" + DIRECT + "\""))
                .isGreaterThanOrEqualTo(3.0);
        assertThat(sample(metrics, "taonet_scoring_weights_refused_total", "reason=\"no-validator-permit\""))
                .isEqualTo(1.0);
        assertThat(sample(metrics, "taonet_scoring_weights_refused_total", "reason=\"rate-limited\""))
                .isEqualTo(1.0);
    }

    /** The value of the first Prometheus sample of {@code name} whose labels contain {@code label}. */
    static double sample(String metrics, String name, String label) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " with " + label + " not in the Prometheus output"));
    }

    @Test
    @Order(6)
    void commitThenRevealInTheNextEpoch() {
        // tempo 10, netuid 2: epoch k starts at block 11k − 3; block 100 is in epoch 9
        clock().set(100);
        byte[] salt = HexFormat.of().parseHex("00112233445566778899aabbccddeeff");
        List<Integer> uids = List.of(3, 2);
        List<Integer> values = List.of(100, 200);
        String hash = CommitHash.of(VALIDATOR.address(), HIDDEN, uids, values, salt, 0);
        Response commit = validator.post("/api/v1/weights/commit", Map.of("netuid", HIDDEN, "commitHash", hash));
        assertThat(commit.status()).as(commit.toString()).isEqualTo(200);
        assertThat(commit.body().path("commitEpoch").asLong()).isEqualTo(9);
        assertThat(commit.body().path("revealEpoch").asLong()).isEqualTo(10);
        assertThat(commit.body().path("revealFromBlock").asLong()).isEqualTo(107);
        assertThat(commit.body().path("revealUntilBlock").asLong()).isEqualTo(117);

        Map<String, Object> reveal = Map.of("netuid", HIDDEN, "uids", uids, "weights", values,
                "salt", HexFormat.of().formatHex(salt), "versionKey", 0);
        Response tooEarly = validator.post("/api/v1/weights/reveal", reveal);
        assertThat(tooEarly.problemType()).isEqualTo("reveal-too-early");

        clock().set(107);
        Map<String, Object> wrongSalt = Map.of("netuid", HIDDEN, "uids", uids, "weights", values,
                "salt", "00112233445566778899aabbccddeefe", "versionKey", 0);
        assertThat(validator.post("/api/v1/weights/reveal", wrongSalt).problemType()).isEqualTo("commit-not-found");

        Response revealed = validator.post("/api/v1/weights/reveal", reveal);
        assertThat(revealed.status()).as(revealed.toString()).isEqualTo(200);
        assertThat(revealed.body().path("weights").toString()).isEqualTo("[{\"uid\":2,\"weight\":65535},{\"uid\":3,\"weight\":32768}]");
        assertThat(revealed.body().path("lastUpdate").asLong()).isEqualTo(100);
        assertThat(validator.post("/api/v1/weights/reveal", reveal).problemType()).isEqualTo("commit-not-found");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(weightsTopic.events(EventCatalog.WEIGHTS_COMMITTED))
                    .contains(new WeightsCommitted(HIDDEN, 1, VALIDATOR.address(), hash, 100, 9));
            assertThat(weightsTopic.events(EventCatalog.WEIGHTS_SET)).contains(new WeightsSet(HIDDEN, 1,
                    VALIDATOR.address(), List.of(new UidWeight(2, 65535), new UidWeight(3, 32768)), 100, hash));
        });
    }

    @Test
    @Order(7)
    void aRevealAfterItsEpochIsTooLate() {
        clock().set(110); // epoch 10
        byte[] salt = {7, 7, 7};
        String hash = CommitHash.of(VALIDATOR.address(), HIDDEN, List.of(2), List.of(5), salt, 0);
        assertThat(validator.post("/api/v1/weights/commit", Map.of("netuid", HIDDEN, "commitHash", hash)).status()).isEqualTo(200);
        clock().set(129); // epoch 12: the reveal epoch 11 is over
        Response late = validator.post("/api/v1/weights/reveal", Map.of("netuid", HIDDEN, "uids", List.of(2),
                "weights", List.of(5), "salt", "070707", "versionKey", 0));
        assertThat(late.problemType()).isEqualTo("reveal-too-late");
    }

    @Test
    @Order(8)
    void atMostTenUnrevealedCommits() {
        clock().set(129); // the expired commit above no longer counts
        for (int i = 0; i < 10; i++) {
            String hash = CommitHash.of(VALIDATOR.address(), HIDDEN, List.of(2), List.of(i + 1), new byte[] {(byte) i}, 0);
            assertThat(validator.post("/api/v1/weights/commit", Map.of("netuid", HIDDEN, "commitHash", hash)).status())
                    .isEqualTo(200);
        }
        String eleventh = CommitHash.of(VALIDATOR.address(), HIDDEN, List.of(2), List.of(99), new byte[] {99}, 0);
        Response refused = validator.post("/api/v1/weights/commit", Map.of("netuid", HIDDEN, "commitHash", eleventh));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.problemType()).isEqualTo("too-many-commits");
        assertThat(validator.post("/api/v1/weights/commit", Map.of("netuid", DIRECT, "commitHash", eleventh)).problemType())
                .isEqualTo("commit-reveal-disabled");
    }

    @Test
    @Order(9)
    void aRolledBackSetPublishesNothing() {
        clock().set(300);
        List<Integer> marker = List.of(12345, 54321);
        new TransactionTemplate(txManager).executeWithoutResult(status -> {
            weightsService.setWeights(VALIDATOR.address(), new WeightsSubmission(DIRECT, List.of(2, 3), marker, 0));
            status.setRollbackOnly();
        });
        assertThat(weightsService.lastUpdate(DIRECT, 1)).contains(105L);
        // a later set is published; had the rolled-back one been written, it would have come before it
        clock().set(310);
        assertThat(validator.post("/api/v1/weights", row(DIRECT, List.of(2), List.of(7))).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> weightsTopic.events(EventCatalog.WEIGHTS_SET).stream()
                .anyMatch(w -> w.netuid() == DIRECT && w.lastUpdate() == 310));
        assertThat(weightsTopic.events(EventCatalog.WEIGHTS_SET)).noneMatch(w -> w.lastUpdate() == 300);
    }

    @Test
    @Order(10)
    void aReplacedUidLosesItsColumnAndADuplicateReplacementIsAppliedOnce() {
        // validator's row on subnet 1 is [(2, 65535)] (set at 310); MINER_B's UID 3 is replaced twice
        EventEnvelope<NeuronReplaced> first = EventEnvelope.create(EventCatalog.NEURON_REPLACED, "1", 320,
                new NeuronReplaced(DIRECT, 2, MINER_A.address(), NEWCOMER.address(), "c", 320, 1));
        EventEnvelope<NeuronReplaced> second = EventEnvelope.create(EventCatalog.NEURON_REPLACED, "1", 321,
                new NeuronReplaced(DIRECT, 2, NEWCOMER.address(), STRANGER.address(), "c", 321, 1));
        events.publish(first);
        events.publish(second);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(metagraph.neuron(DIRECT, 2).orElseThrow().hotkey()).isEqualTo(STRANGER.address()));
        assertThat(jdbc.queryForObject("SELECT cardinality(uids) FROM weight_row WHERE netuid = 1 AND uid = 1", Integer.class))
                .isZero();
        assertThat(jdbc.queryForList("SELECT uid FROM weight_row WHERE netuid = 1 AND uid = 2", Integer.class)).isEmpty();

        events.publish(first); // redelivered: already processed, must not put NEWCOMER back
        events.publish(EventCatalog.STAKE_CHANGED, "1", 322, new StakeChanged(DIRECT, MINER_B.address(), "c", 7, 7, "marker"));
        await().atMost(Duration.ofSeconds(30)).until(() -> metagraph.stake(DIRECT, MINER_B.address()) == 7);
        assertThat(metagraph.neuron(DIRECT, 2).orElseThrow().hotkey()).isEqualTo(STRANGER.address());
        assertThat(jdbc.queryForObject("SELECT count(*) FROM processed_event WHERE event_id = ?", Integer.class,
                first.eventId())).isEqualTo(1);
        assertThat(UUID.fromString(first.eventId().toString())).isNotNull();
    }

    @Test
    @Order(11)
    void readsOfAnUnknownSubnetAre404AndAMalformedHotkeyIs400() {
        Api reader = Api.unsigned("http://localhost:" + port);
        for (String path : List.of("/api/v1/weights/4242", "/api/v1/weights/4242/commits/" + VALIDATOR.address())) {
            Response unknown = reader.get(path);
            assertThat(unknown.status()).as(path).isEqualTo(404);
            assertThat(unknown.problemType()).as(path).isEqualTo("unknown-subnet");
        }
        Response malformed = reader.get("/api/v1/weights/" + HIDDEN + "/commits/not-an-address");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.problemType()).isEqualTo("invalid-address");
        // a subnet the metagraph knows, and a well-formed hotkey without commits there: 200, nothing pending
        assertThat(reader.get("/api/v1/weights/" + HIDDEN).status()).isEqualTo(200);
        Response none = reader.get("/api/v1/weights/" + HIDDEN + "/commits/" + STRANGER.address());
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body()).isEmpty();
    }
}
