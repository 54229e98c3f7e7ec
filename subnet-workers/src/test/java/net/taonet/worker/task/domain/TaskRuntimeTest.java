package net.taonet.worker.task.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import net.taonet.events.tasks.TaskAssigned;
import net.taonet.events.tasks.TaskChunk;
import net.taonet.events.tasks.TaskCompleted;
import net.taonet.events.tasks.TaskFailed;
import net.taonet.identity.KeyPair;
import net.taonet.identity.Signatures;
import net.taonet.sdk.Challenge;
import net.taonet.sdk.ChallengeContext;
import net.taonet.sdk.Scorer;
import net.taonet.sdk.Submission;
import net.taonet.sdk.TaskHandler;
import net.taonet.sdk.TaskSettings;
import net.taonet.sdk.TaskType;
import net.taonet.sdk.TaskTypes;
import net.taonet.sdk.builtin.gemm.GemmChallenge;
import net.taonet.worker.WorkerProperties.Behaviour;
import net.taonet.worker.neuron.domain.NeuronSlot;
import net.taonet.worker.testing.Validator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TaskRuntimeTest {

    private static final KeyPair HOTKEY = KeyPair.fromSeedHex("33".repeat(32));
    private final Validator validator = Validator.random();
    private final NeuronSlot slot = new NeuronSlot(2, HOTKEY.address());
    private final Sink sink = new Sink();
    private final MutableClock clock = new MutableClock(1_000_000);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final CountDownLatch release = new CountDownLatch(1);
    private TaskRuntime runtime;

    @AfterEach
    void close() {
        release.countDown();
        if (runtime != null) {
            runtime.close();
        }
    }

    private TaskRuntime runtime(Behaviour behaviour, int concurrency, int queue, Set<String> trusted) {
        slot.assign(5);
        LoadedTaskTypes types = new LoadedTaskTypes(TaskTypes.of(blocking(), advancing(), failing(), streaming(),
                TaskTypes.load().require("gemm"), TaskTypes.load().require("echo")),
                List.of("blocking", "advancing", "failing", "streaming", "gemm", "echo"),
                Map.of("gemm", Map.of("backend", "naive")));
        runtime = new TaskRuntime(HOTKEY, slot, types, sink, behaviour, concurrency, queue, trusted, meters, clock);
        return runtime;
    }

    private TaskAssigned task(String type, String challenge) {
        return validator.assign(2, 5, HOTKEY.address(), type, challenge, clock.millis() + 10_000);
    }

    @Test
    void answersSignedResults() {
        runtime(Behaviour.HONEST, 1, 1, Set.of());
        TaskAssigned t = task("echo", "{\"nonce\":\"00112233445566778899aabbccddeeff\"}");
        assertThat(runtime.accept(t)).isEmpty();
        await().until(() -> sink.completed.size() == 1);
        TaskCompleted c = sink.completed.get(0);
        assertThat(c.taskId()).isEqualTo(t.taskId());
        assertThat(c.minerHotkey()).isEqualTo(HOTKEY.address());
        assertThat(Signatures.verifyBase64(HOTKEY.address(), c.signingPayload().getBytes(StandardCharsets.UTF_8),
                c.signature())).isTrue();
        assertThat(TaskTypes.load().require("echo").scorer().score(t.challenge(), new Submission(c.result(), 1, 100)))
                .isPositive();
    }

    @Test
    void refusesWhatItMustNotAnswer() {
        runtime(Behaviour.HONEST, 1, 1, Set.of());
        TaskAssigned ok = task("echo", "{\"nonce\":\"00112233445566778899aabbccddeeff\"}");
        TaskAssigned wrongUid = validator.assign(2, 6, HOTKEY.address(), "echo", ok.challenge(), ok.deadlineMillis());
        TaskAssigned wrongNetuid = validator.assign(3, 5, HOTKEY.address(), "echo", ok.challenge(), ok.deadlineMillis());
        TaskAssigned wrongHotkey = validator.assign(2, 5, KeyPair.generate().address(), "echo", ok.challenge(),
                ok.deadlineMillis());
        TaskAssigned forged = Validator.random().sign(new TaskAssigned("f", 2, 5, HOTKEY.address(),
                validator.address(), "echo", ok.challenge(), ok.deadlineMillis(), false, null));
        TaskAssigned garbageSignature = new TaskAssigned("g", 2, 5, HOTKEY.address(), validator.address(), "echo",
                ok.challenge(), ok.deadlineMillis(), false, "not base64!");
        TaskAssigned notAnAddress = new TaskAssigned("h", 2, 5, HOTKEY.address(), "nobody", "echo",
                ok.challenge(), ok.deadlineMillis(), false, ok.signature());
        TaskAssigned expired = validator.assign(2, 5, HOTKEY.address(), "echo", ok.challenge(), clock.millis());

        assertThat(runtime.accept(wrongUid)).contains(TaskRuntime.Refusal.MISADDRESSED);
        assertThat(runtime.accept(wrongNetuid)).contains(TaskRuntime.Refusal.MISADDRESSED);
        assertThat(runtime.accept(wrongHotkey)).contains(TaskRuntime.Refusal.MISADDRESSED);
        assertThat(runtime.accept(forged)).contains(TaskRuntime.Refusal.FORGED);
        assertThat(runtime.accept(garbageSignature)).contains(TaskRuntime.Refusal.FORGED);
        assertThat(runtime.accept(notAnAddress)).contains(TaskRuntime.Refusal.FORGED);
        assertThat(runtime.accept(expired)).contains(TaskRuntime.Refusal.EXPIRED);
        assertThat(runtime.accept(ok)).isEmpty();
        assertThat(runtime.accept(ok)).contains(TaskRuntime.Refusal.DUPLICATE);
        await().until(() -> sink.completed.size() == 1);
        assertThat(sink.failed).isEmpty();
        assertThat(meters.find("taonet.worker.tasks.refused").counters().stream().mapToDouble(c -> c.count()).sum())
                .isEqualTo(8);
    }

    @Test
    void withoutAUidNothingIsTaken() {
        runtime(Behaviour.HONEST, 1, 1, Set.of());
        slot.lose();
        assertThat(runtime.accept(task("echo", "{}"))).contains(TaskRuntime.Refusal.MISADDRESSED);
    }

    @Test
    void onlyTrustedValidatorsWhenAListIsGiven() {
        runtime(Behaviour.HONEST, 1, 1, Set.of("5SomeoneElse"));
        assertThat(runtime.accept(task("echo", "{}"))).contains(TaskRuntime.Refusal.UNTRUSTED_VALIDATOR);
    }

    @Test
    void aFullQueueAnswersBusyAndUnknownTypesUnsupported() {
        runtime(Behaviour.HONEST, 1, 1, Set.of());
        runtime.accept(task("blocking", "{}")); // runs
        runtime.accept(task("blocking", "{}")); // waits
        TaskAssigned third = task("blocking", "{}");
        runtime.accept(third);
        TaskAssigned unknown = task("protein-folding", "{}");
        runtime.accept(unknown);
        assertThat(sink.failed).extracting(TaskFailed::taskId, TaskFailed::reason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(third.taskId(), "busy"),
                        org.assertj.core.groups.Tuple.tuple(unknown.taskId(), "unsupported"));
        assertThat(sink.failed).allSatisfy(f -> assertThat(Signatures.verifyBase64(HOTKEY.address(),
                f.signingPayload().getBytes(StandardCharsets.UTF_8), f.signature())).isTrue());
        assertThat(meters.get("taonet.worker.queue.depth").gauge().value()).isEqualTo(1);
        assertThat(meters.get("taonet.worker.tasks.in_flight").gauge().value()).isEqualTo(1);
        release.countDown();
        await().until(() -> sink.completed.size() == 2);
    }

    @Test
    void lateWorkIsDroppedNotSent() {
        runtime(Behaviour.HONEST, 1, 1, Set.of());
        TaskAssigned t = task("advancing", "{\"advance\":20000}"); // the clock passes the deadline while it works
        runtime.accept(t);
        await().until(() -> meters.find("taonet.worker.tasks.dropped").tag("reason", "late").counter() != null);
        assertThat(sink.completed).isEmpty();
        assertThat(sink.failed).isEmpty();
    }

    @Test
    void aHandlerErrorIsAnsweredAsAFailure() {
        runtime(Behaviour.HONEST, 1, 1, Set.of());
        TaskAssigned t = task("failing", "{}");
        runtime.accept(t);
        await().until(() -> sink.failed.size() == 1);
        assertThat(sink.failed.get(0).reason()).isEqualTo("error");
        assertThat(sink.failed.get(0).detail()).contains("boom");
    }

    @Test
    void chunksAreNumberedWithoutGaps() {
        runtime(Behaviour.HONEST, 1, 1, Set.of());
        TaskAssigned t = task("streaming", "{}");
        runtime.accept(t);
        await().until(() -> sink.completed.size() == 1);
        assertThat(sink.chunks).extracting(TaskChunk::seq).containsExactly(0, 1, 2);
        assertThat(sink.chunks).extracting(TaskChunk::delta).containsExactly("a", "b", "c");
    }

    @Test
    void demoCheatModesAreCaught() {
        runtime(Behaviour.WRONG_RESULTS, 1, 1, Set.of());
        TaskAssigned gemm = task("gemm", new GemmChallenge(1, 16, 16, 16).toJson());
        TaskAssigned echo = task("echo", "{\"nonce\":\"00112233445566778899aabbccddeeff\"}");
        runtime.accept(gemm);
        runtime.accept(echo);
        await().until(() -> sink.completed.size() == 2);
        for (TaskCompleted c : sink.completed) {
            TaskAssigned t = c.taskId().equals(gemm.taskId()) ? gemm : echo;
            assertThat(TaskTypes.load().require(t.taskType()).scorer().score(t.challenge(),
                    new Submission(c.result(), 1, 10_000))).as(t.taskType()).isZero();
        }
    }

    @Test
    void demoLateModeSendsNothing() {
        runtime(Behaviour.LATE, 1, 1, Set.of());
        // The real clock is used for the wait, so give the task a deadline close in real time.
        runtime.close();
        runtime = new TaskRuntime(HOTKEY, slot, new LoadedTaskTypes(TaskTypes.load(), List.of("echo"), Map.of()),
                sink, Behaviour.LATE, 1, 1, Set.of(), meters, Clock.systemUTC());
        TaskAssigned t = validator.assign(2, 5, HOTKEY.address(), "echo",
                "{\"nonce\":\"00112233445566778899aabbccddeeff\"}", System.currentTimeMillis() + 200);
        runtime.accept(t);
        await().until(() -> meters.find("taonet.worker.tasks.dropped").tag("reason", "late").counter() != null);
        assertThat(sink.completed).isEmpty();
    }

    // ---- fixtures

    private TaskType blocking() {
        return type("blocking", (c, ctx) -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "{}";
        });
    }

    private TaskType advancing() {
        return type("advancing", (c, ctx) -> {
            clock.advance(20_000);
            return "{}";
        });
    }

    private static TaskType failing() {
        return type("failing", (c, ctx) -> {
            throw new IllegalStateException("boom");
        });
    }

    private static TaskType streaming() {
        return type("streaming", (c, ctx) -> {
            ctx.emit("a");
            ctx.emit("b");
            ctx.emit("c");
            return "{\"content\":\"abc\"}";
        });
    }

    private static TaskType type(String name, TaskHandler handler) {
        return new TaskType() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public net.taonet.sdk.ChallengeGenerator challenges() {
                return (ChallengeContext ctx) -> new Challenge("{}", Duration.ofSeconds(1));
            }

            @Override
            public Scorer scorer() {
                return (c, s) -> 1;
            }

            @Override
            public TaskHandler handler(TaskSettings settings) {
                return handler;
            }
        };
    }

    static final class Sink implements ResultSink {
        final List<TaskCompleted> completed = new CopyOnWriteArrayList<>();
        final List<TaskFailed> failed = new CopyOnWriteArrayList<>();
        final List<TaskChunk> chunks = new CopyOnWriteArrayList<>();

        @Override
        public void completed(TaskCompleted c) {
            completed.add(c);
        }

        @Override
        public void failed(TaskFailed f) {
            failed.add(f);
        }

        @Override
        public void chunk(TaskChunk c) {
            chunks.add(c);
        }
    }

    static final class MutableClock extends Clock {
        private final AtomicLong millis;

        MutableClock(long start) {
            millis = new AtomicLong(start);
        }

        void advance(long by) {
            millis.addAndGet(by);
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
