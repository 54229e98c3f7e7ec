package net.taonet.drills;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.taonet.cli.http.RemoteException;
import net.taonet.cli.http.TaonetClient;
import net.taonet.identity.KeyPair;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import tools.jackson.databind.JsonNode;

/**
 * The long drills ({@code -Pdrills}): the whole network as processes (registry, ledger, consensus, scoring
 * with one managed validator, gateway, three workers), seeded through the public APIs, then, one after
 * the other: each service killed with SIGKILL and restarted (the ledger the moment an epoch commits),
 * the Kafka broker stopped and restarted, PostgreSQL stopped and restarted. After each: no epoch lost or
 * settled twice, the ledger's audit passes, the validator scores again and every worker answers again.
 */
@EnabledIfSystemProperty(named = "drills.long", matches = "true",
        disabledReason = "about 15 minutes on two cores: run with -Pdrills (failure-drills/README.md)")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkFailureDrillsIT {

    private static final String REGISTRY = "registry-service";
    private static final String LEDGER = Drills.LEDGER;
    private static final String CONSENSUS = Drills.CONSENSUS;
    private static final String SCORING = "scoring-service";
    private static final String GATEWAY = "gateway-service";
    private static final List<String> WORKERS = List.of("worker-1", "worker-2", "worker-3");
    private static final Duration RECOVERY = Duration.ofSeconds(240);

    private ProcessNetwork network;
    private Drills drills;
    private int netuid;
    private KeyPair validator;
    private boolean failed;

    @BeforeAll
    void startAndSeedTheNetwork() {
        guarded("start and seed", this::startAndSeed);
    }

    private void startAndSeed() {
        long t0 = System.nanoTime();
        network = ProcessNetwork.startInfrastructure();
        DrillReport.line("long drills: PostgreSQL and Kafka ready after %s (state in %s)", DrillReport.since(t0),
                network.state());
        validator = Seed.hotkey("validator");
        network.define(LEDGER, LEDGER, List.of());
        network.define(REGISTRY, REGISTRY, List.of("--taonet.registry.ledger-url=" + network.url(LEDGER)));
        network.define(CONSENSUS, CONSENSUS, List.of());
        network.define(SCORING, SCORING, List.of(
                "--taonet.scoring.validators[0].name=drill-validator",
                "--taonet.scoring.validators[0].hotkey-seed=" + validator.seedHex(),
                "--taonet.scoring.query-interval=2s",
                "--taonet.scoring.weights-interval=5s"));
        network.define(GATEWAY, GATEWAY, List.of(
                "--taonet.gateway.services.registry=" + network.url(REGISTRY),
                "--taonet.gateway.services.emission=" + network.url(LEDGER),
                "--taonet.gateway.services.consensus=" + network.url(CONSENSUS),
                "--taonet.gateway.services.scoring=" + network.url(SCORING)));
        Duration up = network.start(LEDGER, REGISTRY, CONSENSUS, SCORING, GATEWAY);
        DrillReport.line("long drills: registry, ledger, consensus, scoring, gateway UP %s after their launch",
                DrillReport.seconds(up));

        netuid = Seed.subnet(network.url(REGISTRY), Seed.hotkey("owner"), "echo");
        for (String worker : WORKERS) {
            KeyPair hotkey = Seed.hotkey(worker);
            Seed.register(network.url(REGISTRY), netuid, Seed.BOB, hotkey);
            network.define(worker, "subnet-workers", Seed.workerArguments(network.url(REGISTRY), netuid, hotkey));
        }
        Seed.register(network.url(REGISTRY), netuid, Seed.CHARLIE, validator);
        Seed.stake(network.url(LEDGER), netuid, Seed.CHARLIE, validator, 1_000 * Seed.TAO);
        Duration workersUp = network.start(WORKERS.toArray(String[]::new));
        DrillReport.line("long drills: subnet %d (tempo %d), 3 workers and a validator with 1,000 TAO staked;"
                + " workers UP %s after their launch", netuid, Seed.TEMPO, DrillReport.seconds(workersUp));

        drills = new Drills(network, netuid);
        awaitRecovery(progress(), Set.of(), "baseline");
        DrillReport.line("long drills: network running and scoring after %s", DrillReport.since(t0));
    }

    @AfterAll
    void stopTheNetwork() {
        if (network != null) {
            if (failed) {
                network.keepStateForInspection();
            }
            network.close();
        }
    }

    @Test
    @Order(1)
    void registryKilled() {
        killAndRestart(REGISTRY);
        JsonNode neurons = Seed.client(network.url(REGISTRY)).get("/api/v1/subnets/" + netuid + "/neurons");
        assertThat(neurons.get("neurons")).as("owner, 3 workers and the validator keep their UIDs").hasSize(5);
    }

    @Test
    @Order(2)
    void consensusKilled() {
        killAndRestart(CONSENSUS);
    }

    @Test
    @Order(3)
    void scoringKilled() {
        killAndRestart(SCORING);
    }

    @Test
    @Order(4)
    void gatewayKilled() {
        killAndRestart(GATEWAY);
        JsonNode audit = Seed.client(network.url(GATEWAY)).get("/api/v1/audit");
        assertThat(audit.get("ok").asBoolean()).as("the ledger's audit through the gateway").isTrue();
    }

    @Test
    @Order(5)
    void workerKilled() {
        killAndRestart(WORKERS.get(0));
    }

    @Test
    @Order(6)
    void ledgerKilledWhileSettling() {
        guarded("kill -9 " + LEDGER + " while settling", () -> {
            Progress before = progress();
            long t0 = System.nanoTime();
            Drills.Kill kill = drills.killLedgerAsEpochCommits(LEDGER, Duration.ofSeconds(60));
            Duration back = network.restart(LEDGER);
            String upAfter = DrillReport.since(t0);
            awaitRecovery(before, Set.of(LEDGER), LEDGER);
            Drills.Verdict v = drills.verifyBooks();
            assertNothingDeadLettered();
            DrillReport.line("kill -9 %s %d ms after consensus committed epoch %d (settlement %s at the kill): UP again %s"
                            + " after the kill (start %s), recovered %s after the kill; %s",
                    LEDGER, kill.millisAfterCommit(), kill.epoch(),
                    kill.settledBeforeKill() ? "already committed" : "not yet committed", upAfter,
                    DrillReport.seconds(back), DrillReport.since(t0), v.describe());
            assertThat(v.auditOk()).as(v.auditSummary()).isTrue();
        });
    }

    @Test
    @Order(7)
    void kafkaStoppedAndRestarted() {
        guarded("kafka stop and restart", () -> {
            Progress before = progress();
            long t0 = System.nanoTime();
            boolean graceful = network.infrastructure().stopKafka(Duration.ofSeconds(30));
            long epochsDuringOutage = awaitEpochsCommittedWithoutKafka(before.epoch(), 2);
            String outage = DrillReport.since(t0);
            long t1 = System.nanoTime();
            network.infrastructure().startKafka(Duration.ofSeconds(120));
            String brokerBack = DrillReport.since(t1);
            awaitRecovery(before, Set.of(), "kafka");
            Drills.Verdict v = drills.verifyBooks();
            assertNothingDeadLettered();
            DrillReport.line("kafka stopped (%s) for %s, consensus committed epochs through %d meanwhile; broker back in %s,"
                            + " network recovered %s after the restart; %s",
                    graceful ? "SIGTERM" : "SIGKILL after 30 s", outage, epochsDuringOutage, brokerBack,
                    DrillReport.since(t1), v.describe());
            assertThat(v.auditOk()).as(v.auditSummary()).isTrue();
        });
    }

    @Test
    @Order(8)
    void postgresStoppedAndRestarted() {
        guarded("postgres stop and restart", () -> {
            Progress before = progress();
            long t0 = System.nanoTime();
            boolean graceful = network.infrastructure().stopPostgres();
            awaitAnEpochBoundaryPassed();
            long boundary = awaitAnEpochBoundaryPassed();
            String outage = DrillReport.since(t0);
            long t1 = System.nanoTime();
            network.infrastructure().startPostgres();
            String serverBack = DrillReport.since(t1);
            for (String s : List.of(REGISTRY, LEDGER, CONSENSUS, SCORING, GATEWAY)) {
                assertThat(network.isRunning(s)).as(s + " survived the database outage").isTrue();
            }
            awaitRecovery(before, Set.of(), "postgres");
            Drills.Verdict v = drills.verifyBooks();
            assertNothingDeadLettered();
            DrillReport.line("postgres stopped (%s) for %s, across two epoch boundaries (the last at block %d); server back in %s,"
                            + " network recovered %s after the restart; %s",
                    graceful ? "fast shutdown" : "killed", outage, boundary, serverBack, DrillReport.since(t1),
                    v.describe());
            assertThat(v.auditOk()).as(v.auditSummary()).isTrue();
        });
    }

    // ---- moves ----------------------------------------------------------------------------------

    private void killAndRestart(String service) {
        guarded("kill -9 " + service, () -> {
            Progress before = progress();
            long t0 = System.nanoTime();
            network.kill9(service);
            Duration start = network.restart(service);
            String upAfter = DrillReport.since(t0);
            awaitRecovery(before, Set.of(service), service);
            Drills.Verdict v = drills.verifyBooks();
            assertNothingDeadLettered();
            DrillReport.line("kill -9 %s at epoch %d: UP again %s after the kill (start %s), recovered %s after the kill;"
                            + " %s", service, before.epoch(), upAfter,
                    DrillReport.seconds(start), DrillReport.since(t0), v.describe());
            assertThat(v.auditOk()).as(v.auditSummary()).isTrue();
        });
    }

    /** Every event a consumer took was applied: none was given up on and parked on a dead-letter topic. */
    private void assertNothingDeadLettered() {
        Map<String, Long> parked = DeadLetters.counts(network.infrastructure().bootstrapServers());
        assertThat(parked).as("events dead-lettered (given up on: their effect is lost)").isEmpty();
    }

    /** Runs a drill; a failure is reported, and keeps the state folder (logs, data) for inspection. */
    private void guarded(String drill, Runnable body) {
        try {
            body.run();
        } catch (RuntimeException | AssertionError e) {
            failed = true;
            DrillReport.line("%s FAILED: %s", drill, e.getMessage());
            throw e;
        }
    }

    /** Where the network stood: the newest epoch, the validator's scored tasks, each worker's completed tasks. */
    private record Progress(long epoch, long scored, Map<String, Long> completed) {
    }

    private Progress progress() {
        Map<String, Long> completed = new LinkedHashMap<>();
        WORKERS.forEach(w -> completed.put(w, completedTasks(w)));
        return new Progress(drills.books().latestCompletedEpoch(), scoredTasks(), completed);
    }

    /**
     * Recovered: two more epochs completed and every epoch settled, the validator scored more tasks than
     * before (than none, if it was restarted: its counters start at zero) and every worker answered more.
     */
    private void awaitRecovery(Progress before, Set<String> restarted, String what) {
        drills.awaitSettledThrough(before.epoch() + 2, RECOVERY);
        long scoredFloor = restarted.contains(SCORING) ? 0 : before.scored();
        await(what + ": the validator scores again").atMost(RECOVERY).pollInterval(Duration.ofSeconds(1))
                .ignoreException(RemoteException.class)
                .until(() -> scoredTasks() > scoredFloor);
        for (String w : WORKERS) {
            long floor = restarted.contains(w) ? 0 : before.completed().get(w);
            await(what + ": " + w + " answers again").atMost(RECOVERY).pollInterval(Duration.ofSeconds(1))
                    .until(() -> completedTasks(w) > floor);
        }
    }

    private long scoredTasks() {
        return Seed.client(network.url(SCORING)).get("/api/v1/validators/tasks").get("scored").asLong();
    }

    /** The worker's completed tasks since it started (0 before its first, or while it does not answer). */
    private long completedTasks(String worker) {
        try {
            JsonNode m = new TaonetClient(java.net.URI.create(network.url(worker)), Duration.ofSeconds(5))
                    .get("/actuator/metrics/taonet.worker.tasks.completed");
            long total = 0;
            for (JsonNode measurement : m.get("measurements")) {
                total += (long) measurement.get("value").asDouble();
            }
            return total;
        } catch (RemoteException e) {
            return 0;
        }
    }

    /** While the broker is down, waits until consensus commits {@code count} epochs (into its outbox); returns the last. */
    private long awaitEpochsCommittedWithoutKafka(long before, int count) {
        String db = network.infrastructure().jdbcUrl("taonet_consensus");
        long[] latest = new long[1];
        await(count + " epochs committed while Kafka is down").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500)).until(() -> {
                    latest[0] = Books.latestEpochInDatabase(db, netuid);
                    return latest[0] >= before + count;
                });
        return latest[0];
    }

    /** While PostgreSQL is down, waits (by the chain clock) until an epoch of the subnet fell due; returns its block. */
    private long awaitAnEpochBoundaryPassed() {
        long now = currentBlock();
        long tempo = Seed.TEMPO;
        // epoch k starts at block k·(tempo+1) − netuid − 1 (spec/protocol.md, EpochSchedule)
        long k = (now + netuid + 1) / (tempo + 1) + 1;
        long boundary = k * (tempo + 1) - netuid - 1;
        await("the epoch boundary at block " + boundary + " passed").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(250)).until(() -> currentBlock() > boundary + 1);
        return boundary;
    }

    private long currentBlock() {
        Instant genesis = network.genesis();
        return Duration.between(genesis, Instant.now()).dividedBy(ProcessNetwork.BLOCK_TIME);
    }

}
