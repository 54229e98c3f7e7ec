package net.taonet.scoring.validation;

import net.taonet.identity.CommitHash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import net.taonet.events.EventEnvelope;
import net.taonet.events.tasks.TaskAssigned;
import net.taonet.events.tasks.TaskCompleted;
import net.taonet.identity.Signatures;
import net.taonet.scoring.validation.domain.ManagedValidator;
import net.taonet.scoring.validation.domain.TaskSpec;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.taonet.events.EventCatalog;
import net.taonet.events.Topics;
import net.taonet.events.consensus.EpochCompleted;
import net.taonet.events.consensus.EpochCompleted.UidResult;
import net.taonet.events.ledger.StakeChanged;
import net.taonet.events.registry.NeuronRegistered;
import net.taonet.events.registry.NeuronReplaced;
import net.taonet.events.registry.SubnetIdentity;
import net.taonet.events.registry.SubnetRegistered;
import net.taonet.events.scoring.WeightsSet;
import net.taonet.identity.KeyPair;
import net.taonet.platform.chain.BlockClock;
import net.taonet.platform.chain.ManualBlockClock;
import net.taonet.scoring.metagraph.domain.Metagraph;
import net.taonet.scoring.support.Api;
import net.taonet.scoring.support.Api.Response;
import net.taonet.scoring.support.RealWorkers;
import net.taonet.scoring.support.TestEvents;
import net.taonet.scoring.validation.domain.MinerScore;
import net.taonet.scoring.validation.domain.ScoreBook;
import net.taonet.scoring.validation.domain.TaskBroker;
import net.taonet.testsupport.Infrastructure;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The validator end to end with REAL workers (subnet-workers in this JVM) on real Kafka and PostgreSQL:
 * honest miners outscore a cheating and a late one, weights are set (directly, and by commit-reveal) no
 * faster than the rate limit allows, a replaced UID starts from nothing, and organic requests fail over
 * from a miner that hangs or died to one that answers.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "taonet.scoring.validators[0].name=v1",
        "taonet.scoring.validators[0].hotkey-seed=0b0000000000000000000000000000000000000000000000000000000000000b",
        "taonet.scoring.query-interval=300ms",
        "taonet.scoring.sample-size=5",
        "taonet.scoring.weights-interval=200ms",
        "taonet.scoring.result-grace=200ms",
        "taonet.scoring.tasks.gemm.m=24", "taonet.scoring.tasks.gemm.n=24",
        "taonet.scoring.tasks.gemm.k-min=16", "taonet.scoring.tasks.gemm.k-max=64",
        "taonet.scoring.tasks.gemm.timeout-ms=1500",
        "taonet.scoring.tasks.echo.timeout-ms=1500",
        "taonet.scoring.organic.attempt-timeout=2s",
        "taonet.scoring.organic.attempts=3"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ValidatorIT {

    static final KeyPair VALIDATOR = KeyPair.fromSeedHex("0b0000000000000000000000000000000000000000000000000000000000000b");
    static final KeyPair OWNER = key(1);
    /** Subnet 1 (gemm, direct weights, rate limit 20): two honest miners, a cheat, a late one. */
    static final int GEMM = 1;
    static final KeyPair HONEST_1 = key(2), HONEST_2 = key(3), CHEAT = key(4), LATE = key(5), NEWCOMER = key(6);
    /** Subnet 2 (echo, commit-reveal, tempo 10): two honest miners; the first one will die. */
    static final int ECHO = 2;
    static final KeyPair ECHO_1 = key(7), ECHO_2 = key(8);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.register(registry, "scoring_validator");
    }

    @TestConfiguration
    static class Clock {
        @Bean
        @Primary
        ManualBlockClock manualBlockClock() {
            return new ManualBlockClock(1_000);
        }
    }

    @Value("${local.server.port}")
    int port;
    @Autowired
    BlockClock blockClock;
    @Autowired
    Metagraph metagraph;
    @Autowired
    ScoreBook scores;
    @Autowired
    TaskBroker broker;

    TestEvents events;
    TestEvents.Reader weightsTopic;
    final Map<String, RunningService> workers = new HashMap<>();

    static KeyPair key(int n) {
        byte[] s = new byte[32];
        s[0] = (byte) n;
        s[1] = 77;
        return KeyPair.fromSeed(s);
    }

    ManualBlockClock clock() {
        return (ManualBlockClock) blockClock;
    }

    @BeforeAll
    void network() {
        events = new TestEvents();
        weightsTopic = new TestEvents.Reader(Topics.SCORING_WEIGHTS);
        subnet(GEMM, "gemm", TestEvents.hyperparameters(100, 20, false, 1),
                List.of(VALIDATOR, HONEST_1, HONEST_2, CHEAT, LATE),
                Map.of(5, 65_535, 2, 100)); // the late miner is the favourite for organic requests
        subnet(ECHO, "echo", TestEvents.hyperparameters(10, 3, true, 1), List.of(VALIDATOR, ECHO_1, ECHO_2),
                Map.of(2, 65_535, 3, 1));
        worker("honest-1", GEMM, 2, HONEST_1, "honest");
        worker("honest-2", GEMM, 3, HONEST_2, "honest");
        worker("cheat", GEMM, 4, CHEAT, "wrong-results");
        worker("late", GEMM, 5, LATE, "late");
        worker("echo-1", ECHO, 2, ECHO_1, "honest");
        worker("echo-2", ECHO, 3, ECHO_2, "honest");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(metagraph.subnetSize(GEMM)).isEqualTo(6);
            assertThat(metagraph.subnetSize(ECHO)).isEqualTo(4);
            assertThat(metagraph.hasValidatorPermit(GEMM, 1, VALIDATOR.address())).isTrue();
            assertThat(metagraph.hasValidatorPermit(ECHO, 1, VALIDATOR.address())).isTrue();
        });
    }

    void subnet(int netuid, String taskType, net.taonet.events.registry.Hyperparameters hp, List<KeyPair> neurons,
            Map<Integer, Integer> incentive) {
        String key = Integer.toString(netuid);
        events.publish(EventCatalog.SUBNET_REGISTERED, key, 900, new SubnetRegistered(netuid, "owner-coldkey",
                OWNER.address(), taskType, new SubnetIdentity("sn" + netuid, "", "", ""), hp, 1_000, 900));
        List<UidResult> results = new ArrayList<>();
        results.add(new UidResult(0, OWNER.address(), true, 0, 0, 0, 0, 0, true, 0, 0));
        for (int i = 0; i < neurons.size(); i++) {
            int uid = i + 1;
            events.publish(EventCatalog.NEURON_REGISTERED, key, 901,
                    new NeuronRegistered(netuid, uid, neurons.get(i).address(), "coldkey", 901, 1_000));
            results.add(new UidResult(uid, neurons.get(i).address(), true, uid == 1 ? 65_535 : 0, 0,
                    incentive.getOrDefault(uid, 0), 0, 0, uid == 1, 0, 0));
        }
        events.publish(EventCatalog.STAKE_CHANGED, key, 902,
                new StakeChanged(netuid, VALIDATOR.address(), "coldkey", 10_000_000_000L, 10_000_000_000L, "add"));
        events.publish(EventCatalog.EPOCH_COMPLETED, key, 950, new EpochCompleted(netuid, 1, 950, "hash", results));
    }

    void worker(String name, int netuid, int uid, KeyPair hotkey, String behaviour) {
        workers.put(name, RealWorkers.start(name, netuid, uid, hotkey, netuid == GEMM ? "gemm" : "echo", behaviour,
                Map.of("taonet.worker.concurrency", 2)));
    }

    @AfterAll
    void close() {
        workers.values().forEach(RunningService::close);
        events.close();
        weightsTopic.close();
    }

    Map<Integer, MinerScore> scoresOn(int netuid) {
        return scores.scores(VALIDATOR.address(), netuid).stream()
                .collect(Collectors.toMap(MinerScore::uid, Function.identity()));
    }

    @Test
    @Order(1)
    void honestMinersEndUpWithHigherScoresThanACheatOrALateOne() {
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
            Map<Integer, MinerScore> s = scoresOn(GEMM);
            assertThat(s.keySet()).contains(0, 2, 3, 4, 5);
            assertThat(s.values()).allSatisfy(m -> assertThat(m.samples()).isGreaterThanOrEqualTo(3));
        });
        Map<Integer, MinerScore> s = scoresOn(GEMM);
        assertThat(s).doesNotContainKey(1); // a validator does not score itself
        double honest = Math.min(s.get(2).ema(), s.get(3).ema());
        assertThat(honest).isGreaterThan(0.1);
        assertThat(s.get(4).ema()).as("wrong GEMM results").isZero();
        assertThat(s.get(5).ema()).as("answers after the deadline").isZero();
        assertThat(s.get(0).ema()).as("no worker at all").isZero();
        assertThat(broker.stats().rejected()).isZero();
    }

    @Test
    @Order(2)
    void weightsFollowTheScoresAndRespectTheRateLimit() {
        // the block clock moves 4 blocks per poll; the validator may set weights every 20 blocks
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            clock().advance(4);
            return mine(GEMM).size() >= 3;
        });
        List<WeightsSet> sets = mine(GEMM);
        for (int i = 1; i < sets.size(); i++) {
            assertThat(sets.get(i).lastUpdate() - sets.get(i - 1).lastUpdate()).isGreaterThanOrEqualTo(20);
        }
        Map<Integer, Integer> last = sets.get(sets.size() - 1).weights().stream()
                .collect(Collectors.toMap(WeightsSet.UidWeight::uid, WeightsSet.UidWeight::weight));
        assertThat(last.get(2)).isPositive();
        assertThat(last.get(3)).isPositive();
        assertThat(Math.max(last.get(2), last.get(3))).isEqualTo(65_535);
        assertThat(last.getOrDefault(4, 0)).isZero();
        assertThat(last.getOrDefault(5, 0)).isZero();
        assertThat(sets).allMatch(w -> w.revealedCommitHash() == null);
    }

    @Test
    @Order(3)
    void onACommitRevealSubnetWeightsAreCommittedThenRevealed() {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() -> {
            clock().advance(2);
            return !mine(ECHO).isEmpty();
        });
        WeightsSet revealed = mine(ECHO).get(0);
        assertThat(revealed.revealedCommitHash()).isNotNull();
        assertThat(weightsTopic.events(EventCatalog.WEIGHTS_COMMITTED))
                .anyMatch(c -> c.netuid() == ECHO && c.commitHash().equals(revealed.revealedCommitHash()));
        assertThat(revealed.weights()).extracting(WeightsSet.UidWeight::uid).contains(2, 3);
    }

    @Test
    @Order(4)
    void aReplacedUidStartsFromNothing() {
        assertThat(scoresOn(GEMM).get(4).samples()).isGreaterThanOrEqualTo(3);
        events.publish(EventCatalog.NEURON_REPLACED, "1", 2_000,
                new NeuronReplaced(GEMM, 4, CHEAT.address(), NEWCOMER.address(), "coldkey", 2_000, 1));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MinerScore s = scoresOn(GEMM).get(4);
            assertThat(s == null || (s.minerHotkey().equals(NEWCOMER.address()) && s.samples() <= 2)).isTrue();
        });
    }

    @Test
    @Order(5)
    void organicDispatchFailsOverFromAMinerThatHangsMidRequest() {
        // the late miner (incentive 65535) takes the task and never answers in time; UID 2 (incentive 100) does
        Response r = organic(GEMM, "gemm", "{\"seed\":42,\"m\":8,\"n\":8,\"k\":8}", 10_000);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(r.body().path("uid").asInt()).isEqualTo(2);
        assertThat(r.body().path("hotkey").asString()).isEqualTo(HONEST_1.address());
        assertThat(r.body().path("result").asString()).contains("\"m\":8");
    }

    @Test
    @Order(6)
    void organicDispatchFailsOverFromAMinerThatDied() {
        workers.remove("echo-1").close(); // the favourite (incentive 65535) is gone
        long started = System.currentTimeMillis();
        Response first = organic(ECHO, "echo", "{\"nonce\":\"000102030405060708090a0b0c0d0e0f\"}", 10_000);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.body().path("uid").asInt()).isEqualTo(3);
        assertThat(System.currentTimeMillis() - started).isGreaterThanOrEqualTo(2_000); // one attempt timed out

        // a second failure opens the dead miner's circuit breaker; after that it is not tried at all
        assertThat(organic(ECHO, "echo", "{\"nonce\":\"101112131415161718191a1b1c1d1e1f\"}", 10_000).status()).isEqualTo(200);
        long quick = System.currentTimeMillis();
        Response third = organic(ECHO, "echo", "{\"nonce\":\"202122232425262728292a2b2c2d2e2f\"}", 10_000);
        assertThat(third.body().path("uid").asInt()).isEqualTo(3);
        assertThat(System.currentTimeMillis() - quick).isLessThan(2_000);
    }

    @Test
    @Order(7)
    void organicDispatchNeedsTheServiceKeyAndTheSubnetsTaskType() {
        Api api = Api.unsigned("http://localhost:" + port);
        assertThat(api.post("/internal/dispatch/" + ECHO, Map.of("taskType", "echo", "payload", "{}")).status()).isEqualTo(401);
        assertThat(organic(ECHO, "gemm", "{}", 1_000).problemType()).isEqualTo("wrong-task-type");
        assertThat(organic(42, "echo", "{}", 1_000).problemType()).isEqualTo("unknown-subnet");
    }

    @Test
    @Order(8)
    void streamingSendsTheWholeAnswerAsTheFinalEvent() {
        String stream = Api.unsigned("http://localhost:" + port).post("/internal/dispatch/" + ECHO + "/stream",
                Map.of("taskType", "echo", "payload", "{\"nonce\":\"303132333435363738393a3b3c3d3e3f\"}", "timeoutMillis", 10_000),
                "X-Taonet-Service-Key", "local-service-key").raw();
        assertThat(stream).contains("event:result").contains("sha256");
    }

    @Test
    @Order(9)
    void tasksAreCountedPerSubnetByOutcomeWithTheirLatency() {
        String metrics = Api.unsigned("http://localhost:" + port).get("/actuator/prometheus").raw();
        String subnet = "netuid=\"" + ECHO + "\"";
        assertThat(sample(metrics, "taonet_scoring_tasks_total", subnet, "outcome=\"dispatched\"")).isPositive();
        assertThat(sample(metrics, "taonet_scoring_tasks_total", subnet, "outcome=\"completed\"")).isPositive();
        assertThat(sample(metrics, "taonet_scoring_task_latency_seconds_count", subnet)).isPositive();
        assertThat(metrics).contains("taonet_scoring_task_latency_seconds_bucket{");
    }

    /** The value of the first Prometheus sample of {@code name} whose labels contain all of {@code labels}. */
    static double sample(String metrics, String name, String... labels) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") && java.util.Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " with " + String.join(",", labels) + " not in the Prometheus output"));
    }

    Response organic(int netuid, String taskType, String payload, long timeoutMillis) {
        return Api.unsigned("http://localhost:" + port).post("/internal/dispatch/" + netuid,
                Map.of("taskType", taskType, "payload", payload, "timeoutMillis", timeoutMillis),
                "X-Taonet-Service-Key", "local-service-key");
    }

    List<WeightsSet> mine(int netuid) {
        return weightsTopic.events(EventCatalog.WEIGHTS_SET).stream()
                .filter(w -> w.netuid() == netuid && w.hotkey().equals(VALIDATOR.address()))
                .sorted(Comparator.comparingLong(WeightsSet::lastUpdate)).toList();
    }

    /** A validator key the service does not run: only these tests' tasks touch its scores. */
    static final ManagedValidator PROBE = new ManagedValidator("probe", key(9), java.util.Set.of());

    @Test
    @Order(9)
    void aRedeliveredResultCountsOnce() {
        String taskId = UUID.randomUUID().toString();
        broker.assign(List.of(new TaskSpec(taskId, UUID.randomUUID().toString(), 1, PROBE, ECHO, 0, OWNER.address(),
                "echo", "{\"nonce\":\"404142434445464748494a4b4c4d4e4f\"}", 10_000, false)));
        String result = "{\"sha256\":\"" + sha256("404142434445464748494a4b4c4d4e4f") + "\"}";
        TaskCompleted unsigned = new TaskCompleted(taskId, ECHO, 0, OWNER.address(), result, 3, null);
        TaskCompleted signed = new TaskCompleted(taskId, ECHO, 0, OWNER.address(), result, 3,
                Signatures.signBase64(OWNER, unsigned.signingPayload().getBytes(StandardCharsets.UTF_8)));
        EventEnvelope<TaskCompleted> event = EventEnvelope.create(EventCatalog.TASK_COMPLETED, taskId, 1, signed);
        events.publish(event);
        events.publish(event);
        // a forged copy for another task of the probe is rejected: signed by the wrong key
        await().atMost(Duration.ofSeconds(30)).until(() -> probeScore().isPresent());
        String second = UUID.randomUUID().toString();
        broker.assign(List.of(new TaskSpec(second, UUID.randomUUID().toString(), 1, PROBE, ECHO, 0, OWNER.address(),
                "echo", "{\"nonce\":\"404142434445464748494a4b4c4d4e4f\"}", 10_000, false)));
        TaskCompleted forged = new TaskCompleted(second, ECHO, 0, OWNER.address(), result, 3,
                Signatures.signBase64(NEWCOMER, new TaskCompleted(second, ECHO, 0, OWNER.address(), result, 3, null)
                        .signingPayload().getBytes(StandardCharsets.UTF_8)));
        events.publish(EventCatalog.TASK_COMPLETED, second, 1, forged);
        await().atMost(Duration.ofSeconds(30)).until(() -> broker.stats().rejected() >= 1);
        MinerScore score = probeScore().orElseThrow();
        assertThat(score.samples()).isEqualTo(1);
        assertThat(score.ema()).isGreaterThan(0.05);
        assertThat(broker.find(second)).isPresent(); // still waiting for a genuine answer
    }

    @Test
    @Order(10)
    void aFailedAssignmentPublishesNothing() {
        String good = UUID.randomUUID().toString();
        String bad = "x".repeat(100); // longer than a task id may be: the insert fails, the batch rolls back
        try (TestEvents.Reader assignments = new TestEvents.Reader(Topics.TASKS_ASSIGNMENTS)) {
            assertThatThrownBy(() -> broker.assign(List.of(
                    new TaskSpec(good, good, 1, PROBE, ECHO, 3, ECHO_2.address(), "echo", "{}", 10_000, false),
                    new TaskSpec(bad, bad, 1, PROBE, ECHO, 3, ECHO_2.address(), "echo", "{}", 10_000, false))))
                    .isInstanceOf(RuntimeException.class);
            assertThat(broker.find(good)).isEmpty();
            String later = UUID.randomUUID().toString();
            broker.assign(List.of(new TaskSpec(later, later, 1, PROBE, ECHO, 3, ECHO_2.address(), "echo", "{}", 10_000, false)));
            await().atMost(Duration.ofSeconds(30)).until(() -> assignmentIds(assignments).contains(later));
            assertThat(assignmentIds(assignments)).doesNotContain(good);
        }
    }

    @Autowired
    net.taonet.scoring.validation.domain.TaskStore taskStore;
    @Autowired
    net.taonet.platform.outbox.Outbox outbox;
    @Autowired
    org.springframework.transaction.PlatformTransactionManager txManager;
    @Autowired
    net.taonet.sdk.TaskTypes taskTypes;
    @Autowired
    net.taonet.scoring.ScoringProperties props;

    @Test
    @Order(11)
    void aRestartedServiceContinuesTheTasksThatWereInFlight() {
        // a task persisted by a previous run of the service (the row is all that survives a restart)
        String taskId = UUID.randomUUID().toString();
        String challenge = "{\"nonce\":\"505152535455565758595a5b5c5d5e5f\"}";
        long now = System.currentTimeMillis();
        taskStore.insertAll(List.of(new net.taonet.scoring.validation.domain.InFlightTask(taskId, taskId, 1,
                PROBE.hotkey(), ECHO, 0, OWNER.address(), "echo", challenge, now, now + 30_000, false)));
        TaskBroker restarted = new TaskBroker(taskStore, scores, outbox, txManager, taskTypes, blockClock, props,
                new org.springframework.beans.factory.support.StaticListableBeanFactory()
                        .getBeanProvider(io.micrometer.core.instrument.MeterRegistry.class));
        restarted.restore();
        assertThat(restarted.find(taskId)).isPresent();

        long samplesBefore = probeScore().map(MinerScore::samples).orElse(0L);
        String result = "{\"sha256\":\"" + sha256("505152535455565758595a5b5c5d5e5f") + "\"}";
        TaskCompleted unsigned = new TaskCompleted(taskId, ECHO, 0, OWNER.address(), result, 2, null);
        restarted.onResults(List.of(new TaskBroker.Result(new TaskCompleted(taskId, ECHO, 0, OWNER.address(), result, 2,
                Signatures.signBase64(OWNER, unsigned.signingPayload().getBytes(StandardCharsets.UTF_8))), null,
                System.currentTimeMillis())));
        assertThat(restarted.find(taskId)).isEmpty();
        assertThat(probeScore().orElseThrow().samples()).isEqualTo(samplesBefore + 1);
        assertThat(taskStore.loadAll()).noneMatch(t -> t.task().taskId().equals(taskId));
    }

    @Test
    @Order(12)
    void scoresOfAnUnknownSubnetAre404UnknownSubnet() {
        Api reader = Api.unsigned("http://localhost:" + port);
        Response unknown = reader.get("/api/v1/validators/" + VALIDATOR.address() + "/scores/4242");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemType()).isEqualTo("unknown-subnet");
        Response known = reader.get("/api/v1/validators/" + VALIDATOR.address() + "/scores/" + GEMM);
        assertThat(known.status()).isEqualTo(200);
        assertThat(known.body()).isNotEmpty();
        assertThat(reader.get("/api/v1/validators/" + OWNER.address() + "/scores/" + GEMM).problemType())
                .isEqualTo("unknown-validator");
    }

    static List<String> assignmentIds(TestEvents.Reader reader) {
        return reader.events(EventCatalog.TASK_ASSIGNED).stream().map(TaskAssigned::taskId).toList();
    }

    java.util.Optional<MinerScore> probeScore() {
        return scores.scores(PROBE.hotkey(), ECHO).stream().filter(m -> m.uid() == 0).findFirst();
    }

    static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
