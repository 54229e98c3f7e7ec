package net.taonet.worker.task.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.taonet.events.tasks.TaskAssigned;
import net.taonet.events.tasks.TaskChunk;
import net.taonet.events.tasks.TaskCompleted;
import net.taonet.events.tasks.TaskFailed;
import net.taonet.identity.KeyPair;
import net.taonet.identity.Signatures;
import net.taonet.platform.logging.LogContext;
import net.taonet.sdk.TaskContext;
import net.taonet.sdk.TaskException;
import net.taonet.sdk.TaskHandler;
import net.taonet.worker.WorkerProperties.Behaviour;
import net.taonet.worker.neuron.domain.NeuronSlot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the assignments addressed to this worker and answers them.
 *
 * <p>An assignment is <b>dropped without an answer</b> when it is not addressed to this worker's (netuid, uid,
 * hotkey), when the validator's signature over {@link TaskAssigned#signingPayload()} does not verify (a
 * forgery: answering it would let anyone make miners work), when its validator is not trusted, when its
 * deadline has passed, or when it is a redelivery of a task already taken. Otherwise it is queued for a
 * bounded pool: when {@code concurrency} tasks run and {@code queueCapacity} wait, it is answered at once
 * with {@code TaskFailed(busy)} rather than piling up.
 *
 * <p>An answer ({@code TaskCompleted} or {@code TaskFailed}) is signed with the hotkey. <b>Late work is dropped,
 * not sent</b>: a result ready after the deadline is thrown away, since the validator has stopped waiting.
 */
public final class TaskRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TaskRuntime.class);
    private static final int REMEMBERED_TASKS = 10_000;

    private final KeyPair hotkey;
    private final NeuronSlot slot;
    private final LoadedTaskTypes types;
    private final ResultSink sink;
    private final Behaviour behaviour;
    private final Set<String> trustedValidators;
    private final Clock clock;
    private final ThreadPoolExecutor executor;
    private final Set<String> recentTaskIds = Collections.newSetFromMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_TASKS;
        }
    });

    private final MeterRegistry meters;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public TaskRuntime(KeyPair hotkey, NeuronSlot slot, LoadedTaskTypes types, ResultSink sink, Behaviour behaviour,
            int concurrency, int queueCapacity, Set<String> trustedValidators, MeterRegistry meters, Clock clock) {
        this.hotkey = hotkey;
        this.slot = slot;
        this.types = types;
        this.sink = sink;
        this.behaviour = behaviour;
        this.trustedValidators = Set.copyOf(trustedValidators);
        this.clock = clock;
        this.meters = meters;
        BlockingQueue<Runnable> queue = queueCapacity == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(queueCapacity);
        AtomicInteger threadNumber = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(concurrency, concurrency, 0, TimeUnit.MILLISECONDS, queue, r -> {
            Thread t = new Thread(r, "task-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        }, new ThreadPoolExecutor.AbortPolicy());
        Gauge.builder("taonet.worker.tasks.in_flight", inFlight, AtomicInteger::get)
                .description("tasks being executed now").register(meters);
        Gauge.builder("taonet.worker.queue.depth", executor, e -> e.getQueue().size())
                .description("tasks waiting for a free slot").register(meters);
        Gauge.builder("taonet.worker.queue.capacity", () -> queueCapacity).register(meters);
        if (behaviour != Behaviour.HONEST) {
            log.warn("DEMO/TEST BEHAVIOUR {}: this worker cheats on purpose; never use it on a real network",
                    behaviour);
        }
    }

    /** Why an assignment was not taken. */
    public enum Refusal {
        MISADDRESSED, FORGED, UNTRUSTED_VALIDATOR, EXPIRED, DUPLICATE
    }

    /** Handles one assignment read from Kafka; returns why it was refused, if it was. */
    public Optional<Refusal> accept(TaskAssigned task) {
        long receivedAt = clock.millis();
        Optional<Refusal> refusal = check(task, receivedAt);
        if (refusal.isPresent()) {
            count("taonet.worker.tasks.refused", "reason", refusal.get().name().toLowerCase());
            log.debug("refused task {}: {}", task.taskId(), refusal.get());
            return refusal;
        }
        Optional<TaskHandler> handler = types.handler(task.taskType());
        if (handler.isEmpty()) {
            fail(task, TaskException.UNSUPPORTED, "this worker does not run task type " + task.taskType());
            return Optional.empty();
        }
        try {
            executor.execute(() -> run(task, handler.get(), receivedAt));
        } catch (RejectedExecutionException e) {
            fail(task, TaskException.BUSY, "queue full");
        }
        return Optional.empty();
    }

    private Optional<Refusal> check(TaskAssigned task, long now) {
        OptionalInt uid = slot.uid();
        if (task.netuid() != slot.netuid() || uid.isEmpty() || task.uid() != uid.getAsInt()
                || !hotkey.address().equals(task.minerHotkey())) {
            return Optional.of(Refusal.MISADDRESSED);
        }
        if (!signedByValidator(task)) {
            return Optional.of(Refusal.FORGED);
        }
        if (!trustedValidators.isEmpty() && !trustedValidators.contains(task.validatorHotkey())) {
            return Optional.of(Refusal.UNTRUSTED_VALIDATOR);
        }
        if (now >= task.deadlineMillis()) {
            return Optional.of(Refusal.EXPIRED);
        }
        synchronized (recentTaskIds) {
            if (!recentTaskIds.add(task.taskId())) {
                return Optional.of(Refusal.DUPLICATE);
            }
        }
        return Optional.empty();
    }

    static boolean signedByValidator(TaskAssigned task) {
        if (task.signature() == null || task.validatorHotkey() == null) {
            return false;
        }
        try {
            return Signatures.verifyBase64(task.validatorHotkey(),
                    task.signingPayload().getBytes(StandardCharsets.UTF_8), task.signature());
        } catch (RuntimeException e) { // not an address, not base64
            return false;
        }
    }

    private void run(TaskAssigned task, TaskHandler handler, long receivedAt) {
        try (LogContext context = LogContext.neuron(task.netuid(), task.uid())) {
            runInContext(task, handler, receivedAt);
        }
    }

    private void runInContext(TaskAssigned task, TaskHandler handler, long receivedAt) {
        if (clock.millis() >= task.deadlineMillis()) {
            count("taonet.worker.tasks.dropped", "reason", "expired-in-queue");
            return;
        }
        inFlight.incrementAndGet();
        try {
            String result;
            try {
                result = handler.execute(task.challenge(), new Context(task));
            } catch (TaskException e) {
                finishFailed(task, e.reason(), e.getMessage());
                return;
            } catch (RuntimeException | OutOfMemoryError | StackOverflowError e) {
                log.warn("task {} ({}) failed: {}", task.taskId(), task.taskType(), e.toString());
                finishFailed(task, TaskException.ERROR, e.getClass().getSimpleName() + ": " + e.getMessage());
                return;
            }
            if (behaviour == Behaviour.WRONG_RESULTS) {
                result = Dishonesty.corrupt(task.taskType(), result);
            } else if (behaviour == Behaviour.LATE) {
                sleepUntil(task.deadlineMillis() + 1);
            }
            long finishedAt = clock.millis();
            if (finishedAt > task.deadlineMillis()) {
                count("taonet.worker.tasks.dropped", "reason", "late");
                log.debug("task {} finished {} ms after its deadline: dropped", task.taskId(),
                        finishedAt - task.deadlineMillis());
                return;
            }
            long latency = finishedAt - receivedAt;
            TaskCompleted unsigned = new TaskCompleted(task.taskId(), task.netuid(), task.uid(), hotkey.address(),
                    result, latency, null);
            sink.completed(new TaskCompleted(unsigned.taskId(), unsigned.netuid(), unsigned.uid(),
                    unsigned.minerHotkey(), unsigned.result(), unsigned.latencyMillis(), sign(unsigned.signingPayload())));
            Timer.builder("taonet.worker.task.latency").tag("type", task.taskType())
                    .description("from receipt to answer").publishPercentileHistogram()
                    .minimumExpectedValue(Duration.ofMillis(1)).maximumExpectedValue(Duration.ofMinutes(2))
                    .register(meters).record(Duration.ofMillis(latency));
            count("taonet.worker.tasks.completed", "type", task.taskType());
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private void finishFailed(TaskAssigned task, String reason, String detail) {
        if (clock.millis() > task.deadlineMillis()) {
            count("taonet.worker.tasks.dropped", "reason", "late");
            return;
        }
        fail(task, reason, detail);
    }

    private void fail(TaskAssigned task, String reason, String detail) {
        TaskFailed unsigned = new TaskFailed(task.taskId(), task.netuid(), task.uid(), hotkey.address(), reason,
                detail, null);
        sink.failed(new TaskFailed(unsigned.taskId(), unsigned.netuid(), unsigned.uid(), unsigned.minerHotkey(),
                reason, detail, sign(unsigned.signingPayload())));
        meters.counter("taonet.worker.tasks.failed", "type", task.taskType(), "reason", reason).increment();
    }

    private String sign(String payload) {
        return Signatures.signBase64(hotkey, payload.getBytes(StandardCharsets.UTF_8));
    }

    private void count(String name, String tag, String value) {
        counters.computeIfAbsent(name + "|" + value, k -> meters.counter(name, tag, value)).increment();
    }

    private void sleepUntil(long epochMillis) {
        long wait = epochMillis - clock.millis();
        if (wait > 0) {
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public int inFlight() {
        return inFlight.get();
    }

    public int queued() {
        return executor.getQueue().size();
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Streams chunks with gap-free sequence numbers from the handler's thread. */
    private final class Context implements TaskContext {
        private final TaskAssigned task;
        private int seq;

        Context(TaskAssigned task) {
            this.task = task;
        }

        @Override
        public String taskId() {
            return task.taskId();
        }

        @Override
        public long deadlineMillis() {
            return task.deadlineMillis();
        }

        @Override
        public boolean expired() {
            return clock.millis() > task.deadlineMillis();
        }

        @Override
        public void emit(String delta) {
            if (behaviour == Behaviour.HONEST && !expired()) {
                sink.chunk(new TaskChunk(task.taskId(), task.netuid(), task.uid(), seq++, delta));
            }
        }
    }
}
