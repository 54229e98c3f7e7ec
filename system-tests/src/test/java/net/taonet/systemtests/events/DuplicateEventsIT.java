package net.taonet.systemtests.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import net.taonet.events.EventCatalog;
import net.taonet.events.EventCodec;
import net.taonet.events.EventHeaders;
import net.taonet.events.Topics;
import net.taonet.events.tasks.TaskAssigned;
import net.taonet.systemtests.support.Keys;
import net.taonet.systemtests.support.SystemNetwork;
import net.taonet.testsupport.LocalNetwork;
import net.taonet.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The duplicate-and-replay drill: real events of every topic of {@link Topics#ALL}, taken off the broker,
 * are published again — each twice as an exact duplicate (same event id), the oldest ones after newer ones
 * (a replay), a settled epoch's {@code EpochCompleted} once more under a new event id, and fresh task
 * assignments while they are still due — and then, once every consumer group has read past them, each
 * consuming service's state shows one effect per event: projections agree with their source, nothing moved
 * back, no epoch paid twice, no task done twice, no answer counted twice.
 */
@ExtendWith(SystemNetwork.Extension.class)
class DuplicateEventsIT {

    /** Per topic, the newest records duplicated (the oldest ones are all replayed). */
    static final int NEWEST = 40;
    static final int OLDEST = 10;

    static SystemNetwork net;
    static EventTap tap;
    static final EventCodec codec = new EventCodec();

    @BeforeAll
    static void network() {
        net = SystemNetwork.get();
        tap = new EventTap(TestKafka.bootstrapServers());
    }

    @AfterAll
    static void close() {
        tap.close();
    }

    @Test
    void duplicatedAndReplayedEventsOnEveryTopicHaveOneEffectEach() throws Exception {
        int gemm = net.gemmNetuid();
        // every topic has carried real traffic: a settled epoch, weights, stake, tasks and answers
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (String topic : Topics.ALL) {
                assertThat(tap.readAll(topic)).as("events on %s", topic).isNotEmpty();
            }
            assertThat(types(tap.readAll(Topics.SCORING_WEIGHTS))).contains(EventCatalog.WEIGHTS_SET.name());
            assertThat(types(tap.readAll(Topics.LEDGER_SETTLEMENTS))).contains(EventCatalog.EPOCH_SETTLED.name());
        });
        JdbcTemplate ledger = net.jdbc(LocalNetwork.LEDGER);
        long lastSettledBefore = lastSettledEpoch(gemm);
        long rowBlockBefore = weightRowBlock(gemm);
        long scoringEpochBefore = scoringEpoch(gemm);

        // fresh assignments, duplicated while still due: a worker must do each task once
        Set<String> freshTasks = duplicateFreshAssignments(5);

        Map<String, Integer> injected = new LinkedHashMap<>();
        ConsumerRecord<String, String> firstEpoch = null;
        for (String topic : Topics.ALL) {
            List<ConsumerRecord<String, String>> records = tap.readAll(topic);
            List<ConsumerRecord<String, String>> chosen = new ArrayList<>(records.subList(0, Math.min(OLDEST, records.size())));
            records.stream().skip(Math.max(OLDEST, records.size() - NEWEST)).forEach(chosen::add);
            for (ConsumerRecord<String, String> r : chosen) {
                tap.duplicate(r);
                tap.duplicate(r);
                injected.merge(topic, 2, Integer::sum);
            }
            if (topic.equals(Topics.CONSENSUS_EPOCHS)) {
                firstEpoch = records.stream().filter(r -> EventCatalog.EPOCH_COMPLETED.name().equals(EventTap.type(r))
                        && r.key().equals(Integer.toString(gemm))).findFirst().orElseThrow();
                tap.replayAsNew(firstEpoch);
                injected.merge(topic + " (new event id)", 1, Integer::sum);
            }
        }
        Map<String, List<String>> readers = new LinkedHashMap<>();
        for (String topic : Topics.ALL) {
            readers.put(topic, tap.awaitConsumed(topic, Duration.ofSeconds(60)));
        }
        System.out.println("[duplicates] injected " + injected.values().stream().mapToInt(Integer::intValue).sum()
                + " copies of real events: " + injected + "; fresh assignments duplicated: " + freshTasks.size()
                + "; consumed by " + readers);

        // registry.subnets: every projection of a subnet agrees with the registry (no replayed hyperparameters)
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            for (int netuid : List.of(gemm, net.chatNetuid())) {
                JsonNode hp = net.read("/api/v1/subnets/" + netuid).path("hyperparameters");
                int tempo = hp.path("tempo").asInt();
                assertThat(tempo).isEqualTo(SystemNetwork.TEMPO);
                assertThat(ledger.queryForObject("SELECT tempo FROM subnet WHERE netuid = ?", Integer.class, netuid))
                        .as("ledger's tempo of %d", netuid).isEqualTo(tempo);
                assertThat(net.jdbc(LocalNetwork.CONSENSUS).queryForObject("SELECT tempo FROM subnet WHERE netuid = ?",
                        Integer.class, netuid)).as("consensus' tempo of %d", netuid).isEqualTo(tempo);
                for (String service : List.of(LocalNetwork.CONSENSUS, LocalNetwork.SCORING)) {
                    JsonNode stored = SystemNetwork.json(net.jdbc(service).queryForObject(
                            "SELECT hyperparameters FROM subnet WHERE netuid = ?", String.class, netuid));
                    assertThat(stored.path("tempo").asInt()).as("%s's hyperparameters of %d", service, netuid).isEqualTo(tempo);
                    assertThat(stored.path("commitRevealEnabled").asBoolean()).isFalse();
                    assertThat(stored.path("weightsRateLimit").asLong()).isEqualTo(hp.path("weightsRateLimit").asLong());
                }
            }
            int subnets = net.read("/api/v1/subnets").path("subnets").size();
            for (String service : List.of(LocalNetwork.LEDGER, LocalNetwork.CONSENSUS, LocalNetwork.SCORING)) {
                assertThat(net.jdbc(service).queryForObject("SELECT count(*) FROM subnet", Integer.class))
                        .as("subnets known to %s", service).isEqualTo(subnets);
            }
        });

        // registry.neurons: one neuron per registration in every projection
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            Set<String> registered = new TreeSet<>(net.jdbc(LocalNetwork.REGISTRY)
                    .queryForList("SELECT netuid || '/' || uid || ' ' || hotkey FROM neuron", String.class));
            assertThat(registered).hasSizeGreaterThanOrEqualTo(8);
            for (String service : List.of(LocalNetwork.LEDGER, LocalNetwork.CONSENSUS, LocalNetwork.SCORING)) {
                List<String> rows = net.jdbc(service).queryForList("SELECT netuid || '/' || uid || ' ' || hotkey FROM neuron",
                        String.class);
                assertThat(rows).as("neurons known to %s", service).doesNotHaveDuplicates();
                assertThat(new TreeSet<>(rows)).as("neurons known to %s", service).containsAll(
                        registered.stream().filter(n -> !n.endsWith(Keys.ALICE_HOTKEY.address())).toList());
            }
        });

        // ledger.stakes: every projection holds the ledger's stake, not a replayed older total
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Map<String, Long> truth = stakes(ledger, "SELECT netuid, hotkey, total FROM hotkey_stake");
            assertThat(truth).isNotEmpty();
            assertThat(stakes(net.jdbc(LocalNetwork.CONSENSUS), "SELECT netuid, hotkey, stake_rao FROM hotkey_stake"))
                    .as("consensus' stake").containsAllEntriesOf(truth);
            assertThat(stakes(net.jdbc(LocalNetwork.SCORING), "SELECT netuid, hotkey, total_rao FROM stake"))
                    .as("scoring's stake").containsAllEntriesOf(truth);
        });

        // ledger.settlements: the registry's last settled epoch never moves back
        assertThat(lastSettledEpoch(gemm)).as("registry's last settled epoch").isGreaterThanOrEqualTo(lastSettledBefore);

        // scoring.weights: consensus keeps the newest weights, not a replayed older row
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                assertThat(weightRowBlock(gemm)).isGreaterThanOrEqualTo(Math.max(rowBlockBefore, newestWeightsBlock(gemm))));

        // consensus.epochs: one settlement per epoch, one payment per settlement, the replayed epoch paid once
        long epochReplayed = SystemNetwork.json(firstEpoch.value()).path("epoch").asLong();
        assertThat(ledger.queryForObject("SELECT count(*) FROM settlement WHERE netuid = ? AND epoch = ?", Integer.class,
                gemm, epochReplayed)).isEqualTo(1);
        assertThat(ledger.queryForObject("SELECT count(*) FROM journal_tx WHERE kind = 'SETTLEMENT'", Long.class))
                .as("settlement payments").isEqualTo(ledger.queryForObject(
                        "SELECT count(*) FROM settlement WHERE journal_tx IS NOT NULL", Long.class));
        assertThat(scoringEpoch(gemm)).as("scoring's latest epoch").isGreaterThanOrEqualTo(scoringEpochBefore);
        net.audit();

        // tasks.assignments: each fresh task answered once although it was assigned three times (the workers
        // assign their partitions themselves and commit no group offsets: wait for the answers instead)
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(freshTasks.stream().filter(answersByTask()::containsKey)).as("fresh tasks answered").isNotEmpty());
        Map<String, Set<String>> answers = answersByTask();
        for (String task : freshTasks) {
            assertThat(answers.getOrDefault(task, Set.of())).as("answers to task %s", task).hasSizeLessThanOrEqualTo(1);
        }
        assertThat(answers.values()).as("no task answered twice").allSatisfy(ids -> assertThat(ids).hasSizeLessThanOrEqualTo(1));

        // tasks.results: every answer counted once
        JsonNode stats = net.read("/api/v1/validators/tasks");
        assertThat(stats.path("answered").asLong()).as("answers counted %s", stats)
                .isLessThanOrEqualTo(stats.path("assigned").asLong());
    }

    /** Duplicates, twice each, the next {@code count} assignments published while they are still due. */
    static Set<String> duplicateFreshAssignments(int count) {
        Set<String> tasks = new HashSet<>();
        tap.follow(Topics.TASKS_ASSIGNMENTS, Duration.ofSeconds(60), r -> {
            TaskAssigned a = codec.decode(EventCatalog.TASK_ASSIGNED, r.value());
            if (!a.organic() && a.deadlineMillis() > System.currentTimeMillis() + 200) {
                tap.duplicate(r);
                tap.duplicate(r);
                tasks.add(a.taskId());
            }
            return tasks.size() < count;
        });
        assertThat(tasks).as("fresh assignments caught while due").isNotEmpty();
        return tasks;
    }

    /** Task id → the distinct event ids of its final answers (completed or failed) on tasks.results. */
    static Map<String, Set<String>> answersByTask() {
        Map<String, Set<String>> out = new HashMap<>();
        for (ConsumerRecord<String, String> r : tap.readAll(Topics.TASKS_RESULTS)) {
            String type = EventTap.type(r);
            if (EventCatalog.TASK_COMPLETED.name().equals(type) || EventCatalog.TASK_FAILED.name().equals(type)) {
                out.computeIfAbsent(SystemNetwork.json(r.value()).path("taskId").asString(), k -> new HashSet<>())
                        .add(EventTap.header(r, EventHeaders.EVENT_ID));
            }
        }
        return out;
    }

    static List<String> types(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(EventTap::type).toList();
    }

    static Map<String, Long> stakes(JdbcTemplate jdbc, String sql) {
        Map<String, Long> m = new TreeMap<>();
        jdbc.query(sql, rs -> {
            m.put(rs.getInt(1) + "/" + rs.getString(2), rs.getLong(3));
        });
        return m;
    }

    static long lastSettledEpoch(int netuid) {
        return net.read("/api/v1/subnets/" + netuid).path("lastSettledEpoch").asLong(-1);
    }

    static long weightRowBlock(int netuid) {
        Long block = net.jdbc(LocalNetwork.CONSENSUS).queryForObject(
                "SELECT max(row_block) FROM weight_row WHERE netuid = ? AND hotkey = ?", Long.class, netuid,
                Keys.VALIDATOR.address());
        return block == null ? -1 : block;
    }

    static long newestWeightsBlock(int netuid) {
        long newest = -1;
        for (ConsumerRecord<String, String> r : tap.readAll(Topics.SCORING_WEIGHTS)) {
            if (EventCatalog.WEIGHTS_SET.name().equals(EventTap.type(r))) {
                JsonNode w = SystemNetwork.json(r.value());
                if (w.path("netuid").asInt() == netuid && w.path("hotkey").asString().equals(Keys.VALIDATOR.address())) {
                    newest = Math.max(newest, w.path("lastUpdate").asLong());
                }
            }
        }
        return newest;
    }

    static long scoringEpoch(int netuid) {
        List<Long> e = net.jdbc(LocalNetwork.SCORING).queryForList("SELECT epoch FROM epoch_state WHERE netuid = ?",
                Long.class, netuid);
        return e.isEmpty() ? -1 : e.get(0);
    }
}
