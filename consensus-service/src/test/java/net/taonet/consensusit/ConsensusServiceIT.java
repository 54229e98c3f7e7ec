package net.taonet.consensusit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.taonet.consensus.epoch.domain.EpochRepository;
import net.taonet.consensus.epoch.domain.UidOutcome;
import net.taonet.consensusit.TestBondsVector.Expected;
import net.taonet.events.EventCatalog;
import net.taonet.events.consensus.EpochCompleted;
import net.taonet.events.ledger.StakeChanged;
import net.taonet.events.registry.Hyperparameters;
import net.taonet.events.registry.NeuronRegistered;
import net.taonet.events.registry.NeuronReplaced;
import net.taonet.events.registry.SubnetDissolved;
import net.taonet.events.registry.SubnetHyperparametersChanged;
import net.taonet.events.registry.SubnetIdentity;
import net.taonet.events.registry.SubnetRegistered;
import net.taonet.events.scoring.WeightsCommitted;
import net.taonet.events.scoring.WeightsSet;
import net.taonet.platform.chain.EpochSchedule;
import net.taonet.platform.chain.ManualBlockClock;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import net.taonet.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The consensus-service end to end on real PostgreSQL and Kafka: the {@code test_bonds} scenario arrives
 * as registry, ledger and scoring events (duplicated, and partly out of order), epochs run on the block
 * schedule and must equal the vector; then the REST views, replay, a replacement, a kill in the middle of
 * an epoch, and two instances on one database. The methods share the running services and run in order.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ConsensusServiceIT {

    private static final String GROUP = "consensus-it-" + UUID.randomUUID();
    private static final ManualBlockClock CLOCK = ManualClockConsensus.CLOCK;
    private static final int NET = TestBondsVector.NETUID;

    private final TestBondsVector vector = TestBondsVector.load();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<RunningService> started = new ArrayList<>();
    private EventFeed feed;
    private RunningService service;
    private String databaseUrl;
    private int distinctEvents;

    @BeforeAll
    void start() {
        CLOCK.set(0);
        databaseUrl = TestPostgres.freshDatabase("consensus_it");
        service = launch("consensus-a");
        feed = new EventFeed();
    }

    @AfterAll
    void stop() {
        for (RunningService s : started) {
            try {
                s.close();
            } catch (RuntimeException ignored) {
                // already closed by the kill test
            }
        }
        if (feed != null) {
            feed.close();
        }
    }

    private RunningService launch(String name) {
        RunningService s = ManualClockConsensus.start(name, GROUP, databaseUrl, Map.of());
        started.add(s);
        return s;
    }

    private JdbcTemplate jdbc() {
        return service.bean(JdbcTemplate.class);
    }

    private RestClient rest() {
        return RestClient.create(service.baseUrl());
    }

    /** Publishes an event twice under one id: every consumer must apply it once. */
    private <T> void publishTwice(net.taonet.events.EventType<T> type, int netuid, long block, T payload) {
        UUID id = feed.publish(type, netuid, block, payload);
        feed.publish(id, type, netuid, block, payload);
        distinctEvents++;
    }

    private void awaitProjected() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                jdbc().queryForObject("SELECT count(*) FROM processed_event", Integer.class)).isEqualTo(distinctEvents));
    }

    private void awaitEpoch(int netuid, long epoch) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc().queryForObject(
                "SELECT count(*) FROM epoch WHERE netuid = ? AND epoch = ?", Integer.class, netuid, epoch)).isEqualTo(1));
    }

    private static WeightsSet weights(int netuid, int uid, String hotkey, int[][] row, long lastUpdate, String reveal) {
        List<WeightsSet.UidWeight> w = new ArrayList<>();
        for (int[] e : row) {
            w.add(new WeightsSet.UidWeight(e[0], e[1]));
        }
        return new WeightsSet(netuid, uid, hotkey, w, lastUpdate, reveal);
    }

    private static Hyperparameters smallSubnet(int tempo, boolean commitReveal) {
        Hyperparameters d = Hyperparameters.defaults();
        return new Hyperparameters(tempo, d.immunityPeriod(), d.minAllowedWeights(), d.maxWeightsLimit(),
                d.maxAllowedUids(), d.maxAllowedValidators(), d.weightsRateLimit(), d.weightsVersionKey(), commitReveal,
                d.revealPeriod(), d.kappa(), d.bondsMovingAverage(), d.bondsPenalty(), d.yuma3Enabled(),
                d.liquidAlphaEnabled(), d.alphaLow(), d.alphaHigh(), d.alphaSigmoidSteepness(),
                d.activityCutoffFactorMilli(), d.stakeThreshold(), d.minBurn(), d.maxBurn(), d.burnHalfLife(),
                d.burnIncreaseMultMilli(), d.registrationAllowed(), d.minNonImmuneUids());
    }

    /** A subnet with an owner and four neurons: two staked validators weighting the two miners. */
    private void registerSmallSubnet(int netuid, long block, boolean commitReveal) {
        String owner = "5Owner" + netuid;
        publishTwice(EventCatalog.SUBNET_REGISTERED, netuid, block, new SubnetRegistered(netuid, "5OwnerCold" + netuid,
                owner, "echo", new SubnetIdentity("sn" + netuid, "", "", ""), smallSubnet(2, commitReveal), 0, block));
        for (int uid = 1; uid <= 4; uid++) {
            publishTwice(EventCatalog.NEURON_REGISTERED, netuid, block,
                    new NeuronRegistered(netuid, uid, "5N" + netuid + "u" + uid, "5C" + uid, block, 0));
        }
        for (int uid = 1; uid <= 2; uid++) {
            publishTwice(EventCatalog.STAKE_CHANGED, netuid, block, new StakeChanged(netuid, "5N" + netuid + "u" + uid,
                    "5C" + uid, 1_000_000_000L * uid, 1_000_000_000L * uid, "add"));
            publishTwice(EventCatalog.WEIGHTS_SET, netuid, block, weights(netuid, uid, "5N" + netuid + "u" + uid,
                    new int[][] {{3, 65535}, {4, 30000 * uid}}, block, null));
        }
    }

    @Test
    @Order(1)
    void testBondsVectorArrivesAsEventsAndEveryEpochEqualsTheVector() {
        Hyperparameters hp = vector.hyperparameters();
        long registered = TestBondsVector.factBlock(1);
        CLOCK.set(registered);
        // stake travels on another topic than registrations and may overtake them: publish it first
        for (int u = 0; u < vector.n(); u++) {
            long stake = vector.inputs(0).get("stake").get(u).asLong();
            if (stake > 0) {
                publishTwice(EventCatalog.STAKE_CHANGED, NET, registered,
                        new StakeChanged(NET, TestBondsVector.hotkey(u), "5Cold" + u, stake, stake, "add"));
            }
        }
        publishTwice(EventCatalog.SUBNET_REGISTERED, NET, registered, new SubnetRegistered(NET, "5OwnerCold",
                TestBondsVector.OWNER_HOTKEY, "echo", new SubnetIdentity("bonds", "", "", ""), hp, 0, registered));
        for (int u = 0; u < vector.n(); u++) {
            long bar = TestBondsVector.factBlock(vector.inputs(0).get("block_at_registration").get(u).asLong());
            publishTwice(EventCatalog.NEURON_REGISTERED, NET, bar,
                    new NeuronRegistered(NET, u + 1, TestBondsVector.hotkey(u), "5Cold" + u, bar, 0));
        }

        WeightsSet previousOfUid2 = null;
        for (int e = 0; e < vector.epochs(); e++) {
            long v = vector.vectorBlock(e);
            CLOCK.set(TestBondsVector.factBlock(v));
            for (int u : vector.weightChanges(e)) {
                long lastUpdate = TestBondsVector.factBlock(vector.inputs(e).get("last_update").get(u).asLong());
                WeightsSet set = weights(NET, u + 1, TestBondsVector.hotkey(u),
                        TestBondsVector.shiftedRow(vector.inputs(e).get("weights").get(u)), lastUpdate, null);
                publishTwice(EventCatalog.WEIGHTS_SET, NET, CLOCK.currentBlock(), set);
                if (u == 2 && previousOfUid2 != null) {
                    // an older row of the same validator, arriving after the newer one: it must change nothing
                    publishTwice(EventCatalog.WEIGHTS_SET, NET, CLOCK.currentBlock(), previousOfUid2);
                }
                if (u == 2) {
                    previousOfUid2 = set;
                }
            }
            awaitProjected();
            CLOCK.set(TestBondsVector.epochBlock(v));
            long epoch = EpochSchedule.epochIndex(NET, TestBondsVector.TEMPO, CLOCK.currentBlock());
            assertThat(epoch).isEqualTo(v + 1);
            awaitEpoch(NET, epoch);

            List<UidOutcome> out = service.bean(EpochRepository.class).outcomes(NET, epoch);
            assertThat(out).hasSize(vector.n() + 1);
            for (int u = 0; u < vector.n(); u++) {
                UidOutcome o = out.get(u + 1);
                assertThat(o.hotkey()).isEqualTo(TestBondsVector.hotkey(u));
                assertThat(new Expected(o.active(), o.stakeWeight(), o.consensus(), o.incentive(), o.dividends(),
                        o.validatorTrust(), o.validatorPermit(), o.serverEmission(), o.validatorEmission(), o.emission(),
                        o.bonds()))
                        .as("epoch at vector block %d, vector uid %d", v, u)
                        .usingRecursiveComparison().isEqualTo(vector.expected(e, u));
            }
            assertThat(out.get(0).hotkey()).isEqualTo(TestBondsVector.OWNER_HOTKEY);
            assertThat(out.get(0).emission()).isZero();
        }
        // each event took effect once although every one was delivered twice
        assertThat(jdbc().queryForObject("SELECT count(*) FROM processed_event", Integer.class)).isEqualTo(distinctEvents);
        assertThat(feed.publishedCount()).isEqualTo(2 * distinctEvents);
    }

    @Test
    @Order(2)
    void everyEpochIsPublishedOnceWithTheStoredProportions() {
        long first = TestBondsVector.epochBlock(vector.vectorBlock(0));
        long firstEpoch = EpochSchedule.epochIndex(NET, TestBondsVector.TEMPO, first);
        for (long epoch = firstEpoch; epoch < firstEpoch + vector.epochs(); epoch++) {
            long k = epoch;
            await().atMost(Duration.ofSeconds(30)).until(() -> !feed.epochsCompleted(NET, k).isEmpty());
            List<EpochCompleted> events = feed.epochsCompleted(NET, k);
            assertThat(events).hasSize(1);
            EpochCompleted event = events.get(0);
            List<UidOutcome> stored = service.bean(EpochRepository.class).outcomes(NET, k);
            assertThat(event.uids()).hasSize(stored.size());
            for (EpochCompleted.UidResult r : event.uids()) {
                UidOutcome o = stored.get(r.uid());
                assertThat(r.hotkey()).isEqualTo(o.hotkey());
                assertThat(r.serverEmissionBits()).isEqualTo(o.serverEmissionBits());
                assertThat(r.validatorEmissionBits()).isEqualTo(o.validatorEmissionBits());
                assertThat(r.dividends()).isEqualTo(o.dividends());
                assertThat(r.incentive()).isEqualTo(o.incentive());
                assertThat(r.validatorPermit()).isEqualTo(o.validatorPermit());
            }
            assertThat(event.inputsHash()).isEqualTo(jdbc().queryForObject(
                    "SELECT inputs_hash FROM epoch WHERE netuid = ? AND epoch = ?", String.class, NET, k));
        }
        // The runs are counted per subnet and timed; the outbox that carried them is drained.
        String metrics = rest().get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(prometheusValue(metrics, "taonet_consensus_epochs_total", "netuid=\"" + NET + "\""))
                .isGreaterThanOrEqualTo(vector.epochs());
        assertThat(prometheusValue(metrics, "taonet_consensus_epoch_seconds_count", ""))
                .isGreaterThanOrEqualTo(vector.epochs());
        assertThat(metrics).contains("taonet_consensus_epoch_seconds_bucket", "taonet_outbox_backlog",
                "kafka_consumer_fetch_manager_records_lag_max");
    }

    /** The value of the first sample of {@code name} whose labels contain {@code label}. */
    static double prometheusValue(String metrics, String name, String label) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " with " + label + " not in the Prometheus output"));
    }

    @Test
    @Order(3)
    void restViewsListEpochsShowInputsAndOutputsAndTheLatestConsensus() {
        JsonNode page = json.readTree(rest().get().uri("/api/v1/subnets/{n}/epochs?page=0&size=3", NET)
                .retrieve().body(String.class));
        assertThat(page.get("total").asLong()).isEqualTo(vector.epochs());
        assertThat(page.get("epochs").size()).isEqualTo(3);
        long latest = vector.vectorBlock(vector.epochs() - 1) + 1;
        assertThat(page.get("epochs").get(0).get("epoch").asLong()).isEqualTo(latest);
        assertThat(page.get("epochs").get(1).get("epoch").asLong()).isEqualTo(latest - 1);

        JsonNode detail = json.readTree(rest().get().uri("/api/v1/subnets/{n}/epochs/{e}", NET, 3)
                .retrieve().body(String.class));
        assertThat(detail.get("inputs").get("n").asInt()).isEqualTo(vector.n() + 1);
        assertThat(detail.get("inputs").get("ownerUid").asInt()).isZero();
        assertThat(detail.get("inputs").get("stake").get(4).asLong()).isEqualTo(4);
        assertThat(detail.get("outputs").get(8).get("incentive").asInt())
                .isEqualTo(vector.outputs(1).get("incentive_u16").get(7).asInt());
        String storedInputs = service.bean(EpochRepository.class).inputs(NET, 3).orElseThrow()[0];
        assertThat(detail.get("inputsHash").asString())
                .isEqualTo(net.taonet.consensus.epoch.domain.SnapshotJson.sha256(storedInputs));

        JsonNode view = json.readTree(rest().get().uri("/api/v1/subnets/{n}/consensus", NET).retrieve().body(String.class));
        assertThat(view.get("epoch").asLong()).isEqualTo(latest);
        assertThat(view.get("uids").get(4).get("dividends").asInt())
                .isEqualTo(vector.outputs(vector.epochs() - 1).get("dividends_u16").get(3).asInt());

        assertThat(rest().get().uri("/api/v1/subnets/{n}/epochs/{e}", NET, 999).exchange((req, res) -> res.getStatusCode().value()).intValue())
                .isEqualTo(404);
        assertThat(rest().get().uri("/api/v1/subnets/77/consensus").exchange((req, res) -> res.getStatusCode().value()).intValue())
                .isEqualTo(404);
        assertThat(rest().get().uri("/api/v1/subnets/{n}/epochs?size=0", NET).exchange((req, res) -> res.getStatusCode().value()).intValue())
                .isEqualTo(400);
    }

    private JsonNode replay(long epoch, String body) {
        return json.readTree(rest().post().uri("/api/v1/subnets/{n}/epochs/{e}/replay", NET, epoch)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(String.class));
    }

    @Test
    @Order(4)
    void replayReproducesEveryStoredEpochBitForBitAndAnswersWhatIf() {
        long firstEpoch = vector.vectorBlock(0) + 1;
        for (long epoch = firstEpoch; epoch < firstEpoch + vector.epochs(); epoch++) {
            JsonNode r = replay(epoch, "{}");
            assertThat(r.get("identical").asBoolean()).as("replay of epoch %d", epoch).isTrue();
            assertThat(r.get("inputsHashVerified").asBoolean()).isTrue();
            assertThat(r.get("uidsChanged").asInt()).isZero();
        }
        // a slower bond EMA changes the bonds that epoch 4 (vector block 3) persisted
        JsonNode whatIf = replay(4, "{\"hyperparameters\":{\"bondsMovingAverage\":500000}}");
        assertThat(whatIf.get("identical").asBoolean()).isFalse();
        assertThat(whatIf.get("diffs").toString()).contains("\"field\":\"bonds\"");

        var bad = rest().post().uri("/api/v1/subnets/{n}/epochs/{e}/replay", NET, 4).contentType(MediaType.APPLICATION_JSON)
                .body("{\"hyperparameters\":{\"kappa\":70000}}")
                .exchange((req, res) -> Map.entry(res.getStatusCode().value(), new String(res.getBody().readAllBytes())));
        assertThat(bad.getKey()).isEqualTo(400);
        JsonNode problem = json.readTree(bad.getValue());
        assertThat(problem.get("type").asString()).isEqualTo("urn:taonet:problem:invalid-hyperparameter");
        assertThat(problem.get("maximum").asLong()).isEqualTo(65535);
        assertThat(problem.get("minimum").asLong()).isZero();

        var unknown = rest().post().uri("/api/v1/subnets/{n}/epochs/{e}/replay", NET, 4)
                .contentType(MediaType.APPLICATION_JSON).body("{\"hyperparameters\":{\"rho\":3}}")
                .exchange((req, res) -> Map.entry(res.getStatusCode().value(), new String(res.getBody().readAllBytes())));
        assertThat(unknown.getKey()).isEqualTo(400);
        assertThat(unknown.getValue()).contains("unknown-hyperparameter").contains("bondsMovingAverage");
    }

    @Test
    @Order(5)
    void replacedUidLosesItsRowBondsAndPermitAndOthersWeightOnItBecomesZero() {
        // vector uid 0 (TaoNet uid 1) is a validator with bonds and a permit; replace it, twice delivered
        long block = CLOCK.currentBlock() + 2; // not an epoch block of subnet 1
        assertThat(EpochSchedule.isEpochBlock(NET, TestBondsVector.TEMPO, block)).isFalse();
        CLOCK.set(block);
        assertThat(jdbc().queryForObject("SELECT validator_permit FROM neuron WHERE netuid = ? AND uid = 1",
                Boolean.class, NET)).isTrue();
        publishTwice(EventCatalog.NEURON_REPLACED, NET, block,
                new NeuronReplaced(NET, 1, TestBondsVector.hotkey(0), "5NewHotkey", "5NewCold", block, 0));
        // a server is replaced too: the validators' weights on it become 0 and stay in their rows
        publishTwice(EventCatalog.NEURON_REPLACED, NET, block,
                new NeuronReplaced(NET, 5, TestBondsVector.hotkey(4), "5NewServer", "5NewCold", block, 0));
        awaitProjected();

        Map<String, Object> uid1 = jdbc().queryForMap(
                "SELECT hotkey, registration_block, validator_permit, octet_length(bonds) AS bonds FROM neuron WHERE netuid = ? AND uid = 1", NET);
        assertThat(uid1).containsEntry("hotkey", "5NewHotkey").containsEntry("registration_block", block)
                .containsEntry("validator_permit", false).containsEntry("bonds", 0);
        assertThat(jdbc().queryForObject("SELECT count(*) FROM weight_row WHERE netuid = ? AND uid = 1", Integer.class, NET))
                .isZero();
        byte[] row4 = jdbc().queryForObject("SELECT entries FROM weight_row WHERE netuid = ? AND uid = 4", byte[].class, NET);
        int[][] entries = net.taonet.consensus.projection.domain.RowCodec.decodePairs(row4);
        assertThat(entries).hasDimensions(4, 2);
        assertThat(entries[0]).containsExactly(5, 0);
        assertThat(entries[1]).containsExactly(6, 32767);

        // the next epoch reads the replaced UIDs as the spec says, and replays identically
        long next = EpochSchedule.nextEpochBlock(NET, TestBondsVector.TEMPO, block);
        CLOCK.set(next);
        long epoch = EpochSchedule.epochIndex(NET, TestBondsVector.TEMPO, next);
        awaitEpoch(NET, epoch);
        JsonNode inputs = json.readTree(rest().get().uri("/api/v1/subnets/{n}/epochs/{e}", NET, epoch)
                .retrieve().body(String.class)).get("inputs");
        assertThat(inputs.get("hotkeys").get(1).asString()).isEqualTo("5NewHotkey");
        assertThat(inputs.get("blockAtRegistration").get(1).asLong()).isEqualTo(block);
        assertThat(inputs.get("lastUpdate").get(1).asLong()).isEqualTo(block);
        assertThat(inputs.get("validatorPermit").get(1).asBoolean()).isFalse();
        assertThat(inputs.get("bonds").get(1).size()).isZero();
        assertThat(inputs.get("weights").get(4).get(0).toString()).isEqualTo("[5,0]");
        assertThat(replay(epoch, "{}").get("identical").asBoolean()).isTrue();
    }

    @Test
    @Order(6)
    void commitsMaskUntilRevealedAndCountAsLastUpdate() {
        int netuid = 3;
        long block = CLOCK.currentBlock() + 1;
        CLOCK.set(block);
        registerSmallSubnet(netuid, block, true);
        long commitEpoch = EpochSchedule.epochIndex(netuid, 2, block);
        WeightsCommitted commit = new WeightsCommitted(netuid, 1, "5N3u1", "hash-1", block, commitEpoch);
        publishTwice(EventCatalog.WEIGHTS_COMMITTED, netuid, block, commit);
        awaitProjected();
        assertThat(jdbc().queryForObject("SELECT count(*) FROM weight_commit WHERE netuid = 3", Integer.class)).isEqualTo(1);

        long next = EpochSchedule.nextEpochBlock(netuid, 2, block);
        CLOCK.set(next);
        long epoch = EpochSchedule.epochIndex(netuid, 2, next);
        awaitEpoch(netuid, epoch);
        JsonNode inputs = json.readTree(rest().get().uri("/api/v1/subnets/{n}/epochs/{e}", netuid, epoch)
                .retrieve().body(String.class)).get("inputs");
        assertThat(inputs.get("commitBlocks").get(1).asLong()).isEqualTo(block);
        assertThat(inputs.get("commitBlocks").get(2).isNull()).isTrue();

        publishTwice(EventCatalog.WEIGHTS_SET, netuid, next, weights(netuid, 1, "5N3u1", new int[][] {{4, 65535}}, next, "hash-1"));
        awaitProjected();
        assertThat(jdbc().queryForObject("SELECT count(*) FROM weight_commit WHERE netuid = 3", Integer.class)).isZero();
    }

    @Test
    @Order(7)
    void anEpochKilledBeforeItsCommitLeavesNoTraceAndRunsOnceAfterRestart() throws Exception {
        int netuid = 2;
        long block = CLOCK.currentBlock() + 1;
        CLOCK.set(block);
        registerSmallSubnet(netuid, block, false);
        awaitProjected();
        long epochBlock = EpochSchedule.nextEpochBlock(netuid, 2, block);
        while (EpochSchedule.isEpochBlock(NET, TestBondsVector.TEMPO, epochBlock)
                || EpochSchedule.isEpochBlock(3, 2, epochBlock)) {
            epochBlock = EpochSchedule.nextEpochBlock(netuid, 2, epochBlock);
        }
        long epoch = EpochSchedule.epochIndex(netuid, 2, epochBlock);

        try (Connection blocker = DriverManager.getConnection(databaseUrl, TestPostgres.USER, TestPostgres.PASSWORD)) {
            blocker.setAutoCommit(false);
            try (Statement st = blocker.createStatement()) {
                // the epoch's last statement (the outbox insert) will wait here: everything else is written, uncommitted
                st.execute("LOCK TABLE outbox_event IN SHARE MODE");
            }
            CLOCK.set(epochBlock);
            await().atMost(Duration.ofSeconds(30)).until(() -> waitingOutboxInserts() > 0);
            service.close(); // the instance dies in the middle of the epoch
            blocker.rollback();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> waitingOutboxInserts() == 0);
        JdbcTemplate direct = new JdbcTemplate(new org.springframework.jdbc.datasource.DriverManagerDataSource(
                databaseUrl, TestPostgres.USER, TestPostgres.PASSWORD));
        assertThat(direct.queryForObject("SELECT count(*) FROM epoch WHERE netuid = ? AND epoch = ?", Integer.class,
                netuid, epoch)).isZero();
        assertThat(direct.queryForObject("SELECT count(*) FROM epoch_uid WHERE netuid = ? AND epoch = ?", Integer.class,
                netuid, epoch)).isZero();
        assertThat(direct.queryForObject("SELECT last_epoch_block FROM subnet WHERE netuid = ?", Long.class, netuid))
                .isLessThan(epochBlock);
        assertThat(direct.queryForObject("SELECT count(*) FROM outbox_event WHERE payload LIKE ?", Integer.class,
                "{\"netuid\":" + netuid + ",\"epoch\":" + epoch + ",%")).isZero();
        assertThat(feed.epochsCompleted(netuid, epoch)).isEmpty();

        service = launch("consensus-a-restarted");
        awaitEpoch(netuid, epoch);
        await().atMost(Duration.ofSeconds(30)).until(() -> !feed.epochsCompleted(netuid, epoch).isEmpty());
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc().queryForObject(
                "SELECT count(*) FROM outbox_event", Integer.class) == 0);
        assertThat(feed.epochsCompleted(netuid, epoch)).hasSize(1);
        assertThat(replay(netuid, epoch)).isTrue();
        assertThat(jdbc().queryForObject("SELECT computed_by FROM epoch WHERE netuid = ? AND epoch = ?", String.class,
                netuid, epoch)).isEqualTo("consensus-a-restarted");
    }

    private boolean replay(int netuid, long epoch) {
        return json.readTree(rest().post().uri("/api/v1/subnets/{n}/epochs/{e}/replay", netuid, epoch)
                .contentType(MediaType.APPLICATION_JSON).body("{}").retrieve().body(String.class))
                .get("identical").asBoolean();
    }

    private int waitingOutboxInserts() throws Exception {
        try (Connection c = DriverManager.getConnection(databaseUrl, TestPostgres.USER, TestPostgres.PASSWORD);
                Statement st = c.createStatement();
                var rs = st.executeQuery("""
                        SELECT count(*) FROM pg_stat_activity
                        WHERE datname = current_database() AND query LIKE 'INSERT INTO outbox_event%'
                          AND wait_event_type = 'Lock'""")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    @Order(8)
    void twoInstancesOnOneDatabaseRunEachEpochExactlyOnce() {
        RunningService second = launch("consensus-b");
        List<Integer> subnets = List.of(10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21);
        long block = CLOCK.currentBlock() + 1;
        CLOCK.set(block);
        for (int netuid : subnets) {
            registerSmallSubnet(netuid, block, false);
        }
        awaitProjected();
        Map<Integer, Long> firstEpoch = new HashMap<>();
        long end = block + 12;
        for (long b = block + 1; b <= end; b++) {
            CLOCK.set(b);
            long current = b;
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                for (int netuid : subnets) {
                    long expectedBlock = EpochSchedule.epochBlock(netuid, 2, EpochSchedule.epochIndex(netuid, 2, current));
                    if (expectedBlock >= block) {
                        assertThat(jdbc().queryForObject("SELECT last_epoch_block FROM subnet WHERE netuid = ?",
                                Long.class, netuid)).as("subnet %d at block %d", netuid, current).isEqualTo(expectedBlock);
                    }
                }
            });
        }
        int expectedTotal = 0;
        for (int netuid : subnets) {
            long from = EpochSchedule.epochIndex(netuid, 2, EpochSchedule.nextEpochBlock(netuid, 2, block - 1));
            long to = EpochSchedule.epochIndex(netuid, 2, end);
            firstEpoch.put(netuid, from);
            List<Long> stored = jdbc().queryForList("SELECT epoch FROM epoch WHERE netuid = ? ORDER BY epoch", Long.class,
                    netuid);
            List<Long> expected = new ArrayList<>();
            for (long k = from; k <= to; k++) {
                expected.add(k);
            }
            assertThat(stored).as("subnet %d", netuid).isEqualTo(expected);
            expectedTotal += expected.size();
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(feed.epochsCompleted().stream()
                .filter(e -> subnets.contains(e.netuid())).count()).isGreaterThanOrEqualTo(subnets.size() * 4L));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc().queryForObject(
                "SELECT count(*) FROM outbox_event", Integer.class) == 0);
        Map<String, Long> perEpoch = new HashMap<>();
        for (EpochCompleted e : feed.epochsCompleted()) {
            if (subnets.contains(e.netuid())) {
                perEpoch.merge(e.netuid() + "/" + e.epoch(), 1L, Long::sum);
            }
        }
        assertThat(perEpoch).hasSize(expectedTotal);
        assertThat(perEpoch.values()).allMatch(c -> c == 1L);
        List<Map<String, Object>> split = jdbc().queryForList("""
                SELECT computed_by, count(*) AS epochs FROM epoch WHERE netuid >= 10 GROUP BY computed_by""");
        System.out.println("epochs per instance: " + split);
        // both instances took part (subnets are visited in random order), and still each epoch ran once
        assertThat(split).hasSize(2);
        assertThat(second.context().isActive()).isTrue();
    }

    @Test
    @Order(9)
    void hyperparameterChangesReachTheNextEpochAndADissolvedSubnetStopsUntilItsNetuidIsReused() {
        long block = CLOCK.currentBlock() + 1;
        CLOCK.set(block);
        Hyperparameters changed = new Hyperparameters(2, 5_000, 1, 65_535, 256, 64, 100, 0, false, 1, 40_000, 900_000,
                65_535, true, false, 45_875, 58_982, 1_000, 13_889, 0, 500_000, 100_000_000_000L, 360, 1_260, true, 10);
        publishTwice(EventCatalog.SUBNET_HYPERPARAMETERS_CHANGED, 3, block,
                new SubnetHyperparametersChanged(3, "kappa", changed));
        publishTwice(EventCatalog.SUBNET_DISSOLVED, 2, block, new SubnetDissolved(2, "5OwnerCold2"));
        awaitProjected();
        long next = EpochSchedule.nextEpochBlock(3, 2, block);
        CLOCK.set(next);
        long epoch = EpochSchedule.epochIndex(3, 2, next);
        awaitEpoch(3, epoch);
        JsonNode inputs = json.readTree(rest().get().uri("/api/v1/subnets/{n}/epochs/{e}", 3, epoch)
                .retrieve().body(String.class)).get("inputs");
        assertThat(inputs.get("hyperparameters").get("kappa").asInt()).isEqualTo(40_000);
        assertThat(inputs.get("commitBlocks").isNull()).isTrue(); // commit-reveal switched off

        Long lastOfDissolved = jdbc().queryForObject("SELECT max(epoch) FROM epoch WHERE netuid = 2", Long.class);
        long later = EpochSchedule.nextEpochBlock(2, 2, next + 3);
        CLOCK.set(later);
        awaitEpoch(3, EpochSchedule.epochIndex(3, 2, later));
        assertThat(jdbc().queryForObject("SELECT max(epoch) FROM epoch WHERE netuid = 2", Long.class))
                .isEqualTo(lastOfDissolved);

        // the netuid is reused: the new subnet starts with only its owner
        registerSmallSubnet(2, later, false);
        awaitProjected();
        assertThat(jdbc().queryForObject("SELECT owner_hotkey FROM subnet WHERE netuid = 2", String.class))
                .isEqualTo("5Owner2");
        assertThat(jdbc().queryForObject("SELECT count(*) FROM neuron WHERE netuid = 2", Integer.class)).isEqualTo(5);
        assertThat(jdbc().queryForObject("SELECT dissolved FROM subnet WHERE netuid = 2", Boolean.class)).isFalse();
    }
}
