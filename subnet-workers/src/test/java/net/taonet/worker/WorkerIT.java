package net.taonet.worker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.taonet.events.Topics;
import net.taonet.events.registry.NeuronRegistered;
import net.taonet.events.tasks.TaskAssigned;
import net.taonet.events.tasks.TaskChunk;
import net.taonet.events.tasks.TaskCompleted;
import net.taonet.events.tasks.TaskFailed;
import net.taonet.identity.KeyPair;
import net.taonet.identity.Signatures;
import net.taonet.sdk.Submission;
import net.taonet.sdk.TaskTypes;
import net.taonet.sdk.builtin.chat.ChatResult;
import net.taonet.sdk.builtin.gemm.GemmChallenge;
import net.taonet.testsupport.TestKafka;
import net.taonet.worker.task.messaging.AssignmentConsumer;
import net.taonet.worker.task.messaging.AssignmentPartitions;
import net.taonet.worker.testing.OpenAiStub;
import net.taonet.worker.testing.SleepTaskType;
import net.taonet.worker.testing.TaskTopics;
import net.taonet.worker.testing.Validator;
import net.taonet.worker.testing.Workers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * Two real workers (an honest one and a DEMO/TEST dishonest one, each with its own hotkey and UID) on the real
 * test broker; the test plays the validator, publishing assignments and reading {@code tasks.results}.
 */
class WorkerIT {

    private static final int NETUID = 7;
    private static final int UID = 3;
    private static final int CHEAT_UID = 4;
    private static final KeyPair HOTKEY = KeyPair.fromSeedHex("11".repeat(32));
    private static final KeyPair CHEAT_HOTKEY = KeyPair.fromSeedHex("22".repeat(32));

    private static OpenAiStub modelServer;
    private static ConfigurableApplicationContext worker;
    private static ConfigurableApplicationContext cheat;
    private static TaskTopics topics;
    private final Validator validator = Validator.random();

    @BeforeAll
    static void start() throws Exception {
        modelServer = new OpenAiStub();
        worker = Workers.start("worker-a", Map.of(
                "taonet.worker.netuid", NETUID, "taonet.worker.uid", UID,
                "taonet.worker.hotkey-seed", HOTKEY.seedHex(),
                "taonet.worker.concurrency", 2, "taonet.worker.queue-capacity", 2,
                "taonet.worker.tasks.gemm.backend", "cpu-blas",
                "taonet.worker.tasks.chat.base-url", modelServer.baseUrl()));
        cheat = Workers.start("worker-b", Map.of(
                "taonet.worker.netuid", NETUID, "taonet.worker.uid", CHEAT_UID,
                "taonet.worker.hotkey-seed", CHEAT_HOTKEY.seedHex(),
                "taonet.worker.behaviour", "wrong-results",
                "taonet.worker.task-types", "gemm,echo"));
        topics = new TaskTopics(TestKafka.bootstrapServers());
    }

    @AfterAll
    static void stop() {
        topics.close();
        cheat.close();
        worker.close();
        modelServer.close();
    }

    @Test
    void readsOnlyItsOwnAssignmentsAmongMany() {
        AssignmentConsumer consumer = worker.getBean(AssignmentConsumer.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> consumer.assignedPartition() != null);
        int partitions = partitionCount();
        String mine = Topics.assignmentKey(NETUID, UID);
        int myPartition = AssignmentPartitions.partitionOf(mine, partitions);
        assertThat(consumer.assignedPartition().partition()).isEqualTo(myPartition);

        // Many assignments for other miners, some of them on the worker's partition (their key hashes there).
        List<String> others = new ArrayList<>();
        int sharing = 0;
        for (int uid = 10; uid < 50; uid++) {
            if (AssignmentPartitions.partitionOf(Topics.assignmentKey(NETUID, uid), partitions) == myPartition) {
                sharing++;
            }
            TaskAssigned other = validator.assign(NETUID, uid, HOTKEY.address(), "echo", echoChallenge());
            others.add(other.taskId());
            topics.publish(other);
        }
        assertThat(sharing).as("keys sharing the worker's partition").isPositive();
        List<String> own = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TaskAssigned task = validator.assign(NETUID, UID, HOTKEY.address(), "echo", echoChallenge());
            own.add(task.taskId());
            topics.publish(task);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> own.stream().allMatch(topics.completed::containsKey));
        long skippedBefore = consumer.skippedRecords();
        assertThat(skippedBefore).isGreaterThanOrEqualTo(sharing);
        // Ones addressed to another UID were even signed for this worker's hotkey: still not its business.
        assertThat(others).noneMatch(topics::answered);
    }

    @Test
    void resultsAreSignedByTheWorkerAndScoreWell() {
        TaskAssigned gemm = validator.assign(NETUID, UID, HOTKEY.address(), "gemm",
                new GemmChallenge(42, 64, 128, 512).toJson());
        TaskAssigned echo = validator.assign(NETUID, UID, HOTKEY.address(), "echo", echoChallenge());
        topics.publish(gemm);
        topics.publish(echo);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> topics.completed.containsKey(gemm.taskId()) && topics.completed.containsKey(echo.taskId()));
        for (TaskAssigned task : List.of(gemm, echo)) {
            TaskCompleted c = topics.completed.get(task.taskId());
            assertThat(c.minerHotkey()).isEqualTo(HOTKEY.address());
            assertThat(c.netuid()).isEqualTo(NETUID);
            assertThat(c.uid()).isEqualTo(UID);
            assertThat(Signatures.verifyBase64(HOTKEY.address(), c.signingPayload().getBytes(StandardCharsets.UTF_8),
                    c.signature())).isTrue();
            // Anyone else's key does not verify it, and a changed result breaks it.
            assertThat(Signatures.verifyBase64(CHEAT_HOTKEY.address(),
                    c.signingPayload().getBytes(StandardCharsets.UTF_8), c.signature())).isFalse();
            TaskCompleted tampered = new TaskCompleted(c.taskId(), c.netuid(), c.uid(), c.minerHotkey(),
                    c.result() + " ", c.latencyMillis(), c.signature());
            assertThat(Signatures.verifyBase64(HOTKEY.address(),
                    tampered.signingPayload().getBytes(StandardCharsets.UTF_8), c.signature())).isFalse();
            double score = TaskTypes.load().require(task.taskType()).scorer().score(task.challenge(),
                    new Submission(c.result(), c.latencyMillis(), 20_000));
            assertThat(score).as(task.taskType()).isGreaterThan(0.5);
        }
    }

    @Test
    void forgedExpiredAndMisaddressedAssignmentsAreRefusedWithoutAnAnswer() {
        Validator impostor = Validator.random();
        TaskAssigned genuine = validator.assign(NETUID, UID, HOTKEY.address(), "echo", echoChallenge());
        // Signed by another key than the validator it names.
        TaskAssigned forged = impostor.sign(new TaskAssigned("forged-" + genuine.taskId(), NETUID, UID,
                HOTKEY.address(), validator.address(), "echo", echoChallenge(), genuine.deadlineMillis(), false, null));
        // Signed properly, then its challenge changed.
        TaskAssigned signed = validator.assign(NETUID, UID, HOTKEY.address(), "echo", echoChallenge());
        TaskAssigned tampered = new TaskAssigned(signed.taskId(), NETUID, UID, HOTKEY.address(),
                validator.address(), "echo", echoChallenge(), signed.deadlineMillis(), false, signed.signature());
        TaskAssigned unsigned = new TaskAssigned("unsigned-" + genuine.taskId(), NETUID, UID, HOTKEY.address(),
                validator.address(), "echo", echoChallenge(), genuine.deadlineMillis(), false, null);
        TaskAssigned expired = validator.assign(NETUID, UID, HOTKEY.address(), "echo", echoChallenge(),
                System.currentTimeMillis() - 1);
        TaskAssigned otherHotkey = validator.assign(NETUID, UID, CHEAT_HOTKEY.address(), "echo", echoChallenge());
        List<TaskAssigned> refused = List.of(forged, tampered, unsigned, expired, otherHotkey);
        double refusedBefore = refusedCount();
        refused.forEach(topics::publish);
        topics.publish(genuine);
        await().atMost(Duration.ofSeconds(30)).until(() -> topics.completed.containsKey(genuine.taskId()));
        await().atMost(Duration.ofSeconds(10)).until(() -> refusedCount() >= refusedBefore + refused.size());
        assertThat(refused).noneMatch(t -> topics.answered(t.taskId()));
    }

    @Test
    void aSlowTaskPastItsDeadlineIsNotAnswered() {
        double lateBefore = counter("taonet.worker.tasks.dropped", "reason", "late");
        TaskAssigned slow = validator.assign(NETUID, UID, HOTKEY.address(), SleepTaskType.NAME,
                SleepTaskType.challenge(1_500), System.currentTimeMillis() + 500);
        topics.publish(slow);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> counter("taonet.worker.tasks.dropped", "reason", "late") > lateBefore);
        // The result was ready and thrown away: one more honest task goes through after it, and it never shows.
        TaskAssigned after = validator.assign(NETUID, UID, HOTKEY.address(), "echo", echoChallenge());
        topics.publish(after);
        await().atMost(Duration.ofSeconds(30)).until(() -> topics.completed.containsKey(after.taskId()));
        assertThat(topics.answered(slow.taskId())).isFalse();
    }

    @Test
    void aFullQueueAnswersBusyAtOnce() {
        // Two run, two wait; the rest are refused as busy, signed like any answer.
        List<TaskAssigned> tasks = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            TaskAssigned t = validator.assign(NETUID, UID, HOTKEY.address(), SleepTaskType.NAME,
                    SleepTaskType.challenge(700));
            tasks.add(t);
            topics.publish(t);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> tasks.stream().allMatch(t -> topics.answered(t.taskId())));
        List<TaskFailed> busy = tasks.stream().map(t -> topics.failed.get(t.taskId())).filter(f -> f != null).toList();
        assertThat(busy).isNotEmpty().allSatisfy(f -> {
            assertThat(f.reason()).isEqualTo("busy");
            assertThat(Signatures.verifyBase64(HOTKEY.address(), f.signingPayload().getBytes(StandardCharsets.UTF_8),
                    f.signature())).isTrue();
        });
        assertThat(tasks.stream().filter(t -> topics.completed.containsKey(t.taskId())).count())
                .isBetween(4L, 6L);
    }

    @Test
    void chatAnswersAreStreamedAsChunksThenCompleted() {
        String request = "{\"model\":\"sn7\",\"stream\":true,\"temperature\":0,\"seed\":42,"
                + "\"messages\":[{\"role\":\"user\",\"content\":\"tell me three words\"}]}";
        TaskAssigned chat = validator.assign(NETUID, UID, HOTKEY.address(), "chat", request);
        topics.publish(chat);
        await().atMost(Duration.ofSeconds(30)).until(() -> topics.completed.containsKey(chat.taskId()));
        String expected = OpenAiStub.answerTo("tell me three words");
        assertThat(ChatResult.tryParse(topics.completed.get(chat.taskId()).result()).orElseThrow().content())
                .isEqualTo(expected);
        List<TaskChunk> chunks = List.copyOf(topics.chunks.get(chat.taskId()));
        assertThat(chunks).extracting(TaskChunk::seq).containsExactly(0, 1, 2, 3, 4);
        assertThat(chunks.stream().map(TaskChunk::delta).collect(Collectors.joining())).isEqualTo(expected);
    }

    @Test
    void anUnknownTaskTypeIsAnsweredUnsupported() {
        TaskAssigned task = validator.assign(NETUID, UID, HOTKEY.address(), "protein-folding", "{}");
        topics.publish(task);
        await().atMost(Duration.ofSeconds(30)).until(() -> topics.failed.containsKey(task.taskId()));
        assertThat(topics.failed.get(task.taskId()).reason()).isEqualTo("unsupported");
    }

    @Test
    void aDishonestWorkerIsCaughtByTheScorer() {
        TaskAssigned gemm = validator.assign(NETUID, CHEAT_UID, CHEAT_HOTKEY.address(), "gemm",
                new GemmChallenge(9, 64, 64, 256).toJson());
        topics.publish(gemm);
        await().atMost(Duration.ofSeconds(30)).until(() -> topics.completed.containsKey(gemm.taskId()));
        TaskCompleted c = topics.completed.get(gemm.taskId());
        assertThat(Signatures.verifyBase64(CHEAT_HOTKEY.address(), c.signingPayload().getBytes(StandardCharsets.UTF_8),
                c.signature())).isTrue(); // signed: the cheat is attributable
        assertThat(TaskTypes.load().require("gemm").scorer().score(gemm.challenge(),
                new Submission(c.result(), c.latencyMillis(), 20_000))).isZero();
    }

    @Test
    void healthAndPrometheusMetricsAreExposed() {
        String base = "http://localhost:" + worker.getEnvironment().getProperty("local.server.port");
        String health = RestClient.create(base).get().uri("/actuator/health").retrieve().body(String.class);
        assertThat(health).contains("\"status\":\"UP\"", "\"uid\":3", HOTKEY.address());
        String metrics = RestClient.create(base).get().uri("/actuator/prometheus").retrieve().body(String.class);
        assertThat(metrics).contains("taonet_worker_tasks_in_flight", "taonet_worker_queue_depth");
        TaskAssigned task = validator.assign(NETUID, UID, HOTKEY.address(), "echo", echoChallenge());
        topics.publish(task);
        await().atMost(Duration.ofSeconds(30)).until(() -> topics.completed.containsKey(task.taskId()));
        String after = RestClient.create(base).get().uri("/actuator/prometheus").retrieve().body(String.class);
        // every meter also carries the service's common tags (application, netuid)
        assertThat(after).containsPattern("taonet_worker_tasks_completed_total\\{[^}]*type=\"echo\"")
                .contains("taonet_worker_task_latency_seconds_bucket");
    }

    @Test
    void learnsItsUidFromRegistryEventsAndThenTakesAssignments() {
        KeyPair hotkey = KeyPair.fromSeedHex("99".repeat(32));
        int netuid = 8;
        try (ConfigurableApplicationContext late = Workers.start("worker-c", Map.of(
                "taonet.worker.netuid", netuid, "taonet.worker.hotkey-seed", hotkey.seedHex(),
                "taonet.worker.task-types", "echo"))) {
            assertThat(late.getBean(AssignmentConsumer.class).assignedPartition()).isNull();
            publishRegistryEvent(new NeuronRegistered(netuid, 5, "5SomeoneElse", "5Cold", 10, 1), "NeuronRegistered");
            publishRegistryEvent(new NeuronRegistered(netuid, 6, hotkey.address(), "5Cold", 11, 1), "NeuronRegistered");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> late.getBean(AssignmentConsumer.class).assignedPartition() != null);
            TaskAssigned task = validator.assign(netuid, 6, hotkey.address(), "echo", echoChallenge());
            topics.publish(task);
            await().atMost(Duration.ofSeconds(30)).until(() -> topics.completed.containsKey(task.taskId()));
            assertThat(topics.completed.get(task.taskId()).uid()).isEqualTo(6);
        }
    }

    private static void publishRegistryEvent(Object payload, String type) {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<String, String>(
                Map.of("bootstrap.servers", TestKafka.bootstrapServers()),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            var record = new org.apache.kafka.clients.producer.ProducerRecord<String, String>(Topics.REGISTRY_NEURONS,
                    "8", new net.taonet.events.EventCodec().encode(payload));
            record.headers().add("event-id", java.util.UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add("event-type", type.getBytes(StandardCharsets.UTF_8));
            record.headers().add("event-version", "1".getBytes(StandardCharsets.UTF_8));
            record.headers().add("block", "11".getBytes(StandardCharsets.UTF_8));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String echoChallenge() {
        byte[] nonce = new byte[16];
        new java.security.SecureRandom().nextBytes(nonce);
        return "{\"nonce\":\"" + java.util.HexFormat.of().formatHex(nonce) + "\"}";
    }

    private static int partitionCount() {
        try (var consumer = new org.apache.kafka.clients.consumer.KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", TestKafka.bootstrapServers()),
                new org.apache.kafka.common.serialization.StringDeserializer(),
                new org.apache.kafka.common.serialization.StringDeserializer())) {
            return consumer.partitionsFor(Topics.TASKS_ASSIGNMENTS).size();
        }
    }

    private static double refusedCount() {
        return worker.getBean(MeterRegistry.class).find("taonet.worker.tasks.refused").counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    private static double counter(String name, String tag, String value) {
        var c = worker.getBean(MeterRegistry.class).find(name).tag(tag, value).counter();
        return c == null ? 0 : c.count();
    }
}
