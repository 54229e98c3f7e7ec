package net.taonet.scoring.validation.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PostConstruct;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import net.taonet.events.EventCatalog;
import net.taonet.events.EventEnvelope;
import net.taonet.events.Topics;
import net.taonet.events.tasks.TaskAssigned;
import net.taonet.events.tasks.TaskChunk;
import net.taonet.events.tasks.TaskCompleted;
import net.taonet.events.tasks.TaskFailed;
import net.taonet.platform.chain.BlockClock;
import net.taonet.platform.outbox.Outbox;
import net.taonet.scoring.ScoringProperties;
import net.taonet.sdk.Scorer;
import net.taonet.sdk.Submission;
import net.taonet.sdk.TaskType;
import net.taonet.sdk.TaskTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tasks in flight: assigns them (rows and {@code TaskAssigned} events in one transaction), takes their
 * results, times them out, and scores each round once every task of it is resolved. The in-memory map is
 * the fast path; the table is its durable copy, reloaded at start-up.
 */
@Service
public class TaskBroker {

    private static final Logger log = LoggerFactory.getLogger(TaskBroker.class);

    private final TaskStore store;
    private final ScoreBook scores;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final TaskTypes types;
    private final BlockClock clock;
    private final ScoringProperties props;
    private final Map<String, InFlightTask> inFlight = new ConcurrentHashMap<>();
    private final Map<String, Round> rounds = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> inFlightPerValidator = new ConcurrentHashMap<>();
    private final AtomicLong assigned = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong scored = new AtomicLong();
    private final Counter rejected;
    private final Counter timedOut;
    private final Timer dispatchOverhead;
    private final TaskMeters taskMeters;
    private final LatencyHistogram overheadHistogram = new LatencyHistogram();
    private final MinerTaskStats minerStats = new MinerTaskStats();

    public TaskBroker(TaskStore store, ScoreBook scores, Outbox outbox, PlatformTransactionManager txManager,
            TaskTypes types, BlockClock clock, ScoringProperties props, ObjectProvider<MeterRegistry> meters) {
        this.store = store;
        this.scores = scores;
        this.outbox = outbox;
        this.tx = new TransactionTemplate(txManager);
        this.types = types;
        this.clock = clock;
        this.props = props;
        MeterRegistry registry = meters.getIfAvailable(io.micrometer.core.instrument.simple.SimpleMeterRegistry::new);
        this.rejected = registry.counter("taonet.scoring.results.rejected");
        this.timedOut = registry.counter("taonet.scoring.tasks.timed_out");
        this.taskMeters = new TaskMeters(registry);
        this.dispatchOverhead = Timer.builder("taonet.scoring.dispatch.overhead")
                .description("assignment to answer, less the miner's own reported work time")
                .publishPercentiles(0.5, 0.99).register(registry);
        registry.gauge("taonet.scoring.tasks.in_flight", inFlight, Map::size);
        registry.more().counter("taonet.scoring.tasks.assigned", List.of(), assigned);
        registry.more().counter("taonet.scoring.tasks.answered", List.of(), answered);
        registry.more().counter("taonet.scoring.tasks.scored", List.of(), scored);
    }

    /** Picks up the tasks that were in flight when the service stopped (before any listener runs). */
    @PostConstruct
    public void restore() {
        int n = 0;
        List<TaskStore.Stored> stored = store.loadAll();
        for (TaskStore.Stored s : stored) {
            register(s.task());
            n++;
        }
        for (TaskStore.Stored s : stored) {
            if (s.outcome() != null) {
                InFlightTask t = inFlight.get(s.task().taskId());
                if (t != null && t.resolve(s.outcome())) {
                    inFlight.remove(t.taskId());
                    counter(t).decrementAndGet();
                    rounds.get(t.roundId()).add(t);
                }
            }
        }
        if (n > 0) {
            log.info("continuing {} tasks that were in flight", n);
        }
    }

    /**
     * Assigns tasks: each becomes a row and a signed {@code TaskAssigned} (key {@code <netuid>:<uid>}) in one
     * transaction. They are registered before the commit so that no answer can arrive unrecognised.
     */
    public List<InFlightTask> assign(List<TaskSpec> specs) {
        if (specs.isEmpty()) {
            return List.of();
        }
        long now = System.currentTimeMillis();
        long block = clock.currentBlock();
        List<InFlightTask> tasks = new ArrayList<>(specs.size());
        List<EventEnvelope<?>> events = new ArrayList<>(specs.size());
        for (TaskSpec s : specs) {
            long deadline = now + s.timeoutMillis();
            TaskAssigned unsigned = new TaskAssigned(s.taskId(), s.netuid(), s.uid(), s.minerHotkey(),
                    s.validator().hotkey(), s.taskType(), s.challenge(), deadline, s.organic(), null);
            TaskAssigned signed = new TaskAssigned(s.taskId(), s.netuid(), s.uid(), s.minerHotkey(),
                    s.validator().hotkey(), s.taskType(), s.challenge(), deadline, s.organic(),
                    s.validator().sign(unsigned.signingPayload()));
            events.add(EventEnvelope.create(EventCatalog.TASK_ASSIGNED, Topics.assignmentKey(s.netuid(), s.uid()),
                    block, signed));
            tasks.add(new InFlightTask(s.taskId(), s.roundId(), s.roundSize(), s.validator().hotkey(), s.netuid(),
                    s.uid(), s.minerHotkey(), s.taskType(), s.challenge(), now, deadline, s.organic()));
        }
        tasks.forEach(this::register);
        try {
            tx.executeWithoutResult(status -> {
                store.insertAll(tasks);
                outbox.publishAll(events);
            });
        } catch (RuntimeException e) {
            tasks.forEach(this::unregister);
            throw e;
        }
        assigned.addAndGet(tasks.size());
        tasks.forEach(taskMeters::dispatched);
        tasks.forEach(minerStats::assigned);
        return tasks;
    }

    /** A result from the results topic; verified, then applied at most once. */
    public record Result(TaskCompleted completed, TaskFailed failed, long receivedMillis) {
        public String taskId() {
            return completed != null ? completed.taskId() : failed.taskId();
        }
    }

    /** Applies a batch of results (one transaction for the scores of the rounds they complete). */
    public void onResults(List<Result> results) {
        List<InFlightTask> resolved = new ArrayList<>(results.size());
        for (Result r : results) {
            InFlightTask t = inFlight.get(r.taskId());
            if (t == null) {
                continue; // a duplicate, a task already timed out, or someone else's task
            }
            TaskOutcome outcome = verify(t, r);
            if (outcome == null) {
                rejected.increment();
                continue;
            }
            if (outcome instanceof TaskOutcome.Answered a && !a.late() && r.completed() != null) {
                long overhead = Math.max(0, a.latencyMillis() - r.completed().latencyMillis());
                dispatchOverhead.record(overhead, TimeUnit.MILLISECONDS);
                overheadHistogram.record(overhead);
            }
            if (settle(t, outcome)) {
                answered.incrementAndGet();
                resolved.add(t);
            }
        }
        finish(resolved);
    }

    /** Streams a chunk to the requester of an organic task (chunks are not signed; the final answer is). */
    public void onChunk(TaskChunk chunk) {
        InFlightTask t = inFlight.get(chunk.taskId());
        if (t != null && t.netuid() == chunk.netuid() && t.uid() == chunk.uid()) {
            Consumer<TaskChunk> sink = t.chunkSink();
            if (sink != null) {
                sink.accept(chunk);
            }
        }
    }

    /** Times out every task past its deadline and grace. */
    public int sweep() {
        long cutoff = System.currentTimeMillis() - props.resultGrace().toMillis();
        List<InFlightTask> resolved = new ArrayList<>();
        for (InFlightTask t : inFlight.values()) {
            if (t.deadlineMillis() < cutoff && settle(t, new TaskOutcome.TimedOut())) {
                timedOut.increment();
                resolved.add(t);
            }
        }
        finish(resolved);
        return resolved.size();
    }

    /** Gives up on a task (an organic requester stopped waiting): it counts as timed out. */
    public void abandon(InFlightTask t) {
        if (settle(t, new TaskOutcome.TimedOut())) {
            timedOut.increment();
            finish(List.of(t));
        }
    }

    public int inFlight(String validatorHotkey, int netuid) {
        AtomicInteger n = inFlightPerValidator.get(validatorHotkey + "/" + netuid);
        return n == null ? 0 : n.get();
    }

    public int inFlightTotal() {
        return inFlight.size();
    }

    public Optional<InFlightTask> find(String taskId) {
        return Optional.ofNullable(inFlight.get(taskId));
    }

    public Stats stats() {
        return new Stats(assigned.get(), answered.get(), scored.get(), inFlight.size(), (long) rejected.count(),
                (long) timedOut.count());
    }

    /** Per miner: its tasks' outcomes and latency since start-up. */
    public MinerTaskStats minerStats() {
        return minerStats;
    }

    /** Counters since start-up. */
    public record Stats(long assigned, long answered, long scored, int inFlight, long rejected, long timedOut) {
    }

    /**
     * Dispatch overhead per answered task: the validator's measured latency (assignment to receipt) less the
     * miner's own reported work time, i.e. what the transaction, outbox, Kafka both ways and the consumers add.
     */
    public LatencyHistogram overhead() {
        return overheadHistogram;
    }

    // ---- internals

    private TaskOutcome verify(InFlightTask t, Result r) {
        long latency = Math.max(0, r.receivedMillis() - t.assignedMillis());
        boolean late = r.receivedMillis() > t.deadlineMillis() + props.resultGrace().toMillis();
        if (r.completed() != null) {
            TaskCompleted c = r.completed();
            if (!matches(t, c.netuid(), c.uid(), c.minerHotkey())
                    || !TaskSignatures.verify(t.minerHotkey(), c.signingPayload(), c.signature())) {
                log.debug("rejected a result for task {} not signed by {}", t.taskId(), t.minerHotkey());
                return null;
            }
            return new TaskOutcome.Answered(c.result(), latency, late);
        }
        TaskFailed f = r.failed();
        if (!matches(t, f.netuid(), f.uid(), f.minerHotkey())
                || !TaskSignatures.verify(t.minerHotkey(), f.signingPayload(), f.signature())) {
            return null;
        }
        return new TaskOutcome.Failed(f.reason(), f.detail());
    }

    private static boolean matches(InFlightTask t, int netuid, int uid, String hotkey) {
        return t.netuid() == netuid && t.uid() == uid && t.minerHotkey().equals(hotkey);
    }

    private boolean settle(InFlightTask t, TaskOutcome outcome) {
        if (!t.resolve(outcome)) {
            return false;
        }
        taskMeters.resolved(t, outcome);
        if (inFlight.remove(t.taskId()) != null) {
            counter(t).decrementAndGet();
        }
        minerStats.resolved(t, outcome, System.currentTimeMillis());
        return true;
    }

    /** Scores the rounds these resolutions complete and persists everything in one transaction. */
    private void finish(List<InFlightTask> resolved) {
        if (resolved.isEmpty()) {
            return;
        }
        List<String> done = new ArrayList<>();
        List<InFlightTask> waiting = new ArrayList<>();
        List<ScoreUpdate> updates = new ArrayList<>();
        for (InFlightTask t : resolved) {
            Round round = rounds.get(t.roundId());
            List<InFlightTask> complete = round == null ? List.of(t) : round.add(t);
            if (complete == null) {
                waiting.add(t);
                continue;
            }
            if (round != null) {
                rounds.remove(t.roundId());
            }
            complete.forEach(m -> done.add(m.taskId()));
            updates.addAll(score(complete));
        }
        tx.executeWithoutResult(status -> {
            for (InFlightTask t : waiting) {
                store.saveOutcome(t.taskId(), t.resolvedOutcome());
            }
            store.deleteAll(done);
            scores.apply(updates, props.emaAlpha(), System.currentTimeMillis());
        });
        scored.addAndGet(updates.size());
    }

    /** Scores of one complete round: answers in time go to the scorer, everything else scores 0. */
    List<ScoreUpdate> score(List<InFlightTask> round) {
        InFlightTask first = round.get(0);
        Optional<TaskType> type = types.find(first.taskType());
        if (type.isEmpty()) {
            log.warn("cannot score task type {}: not on the class path", first.taskType());
            return List.of();
        }
        Scorer scorer = type.get().scorer();
        if (first.organic() && scorer.quorum() > 1) {
            return List.of(); // scored by agreement: a lone organic answer has nothing to agree with
        }
        Map<InFlightTask, Double> byTask = new HashMap<>();
        List<InFlightTask> answeredTasks = new ArrayList<>();
        List<Submission> submissions = new ArrayList<>();
        for (InFlightTask t : round) {
            byTask.put(t, 0.0);
            if (t.resolvedOutcome() instanceof TaskOutcome.Answered a && !a.late()) {
                answeredTasks.add(t);
                submissions.add(new Submission(a.result(), a.latencyMillis(), t.timeoutMillis()));
            }
        }
        if (!answeredTasks.isEmpty()) {
            try {
                List<Double> s = answeredTasks.size() == 1 && round.size() == 1
                        ? List.of(scorer.score(first.challenge(), submissions.get(0)))
                        : scorer.scoreAll(first.challenge(), submissions);
                for (int i = 0; i < answeredTasks.size(); i++) {
                    byTask.put(answeredTasks.get(i), Scorer.clamp(s.get(i)));
                }
            } catch (RuntimeException e) {
                log.warn("scorer of {} failed; the round scores 0: {}", first.taskType(), e.toString());
            }
        }
        List<ScoreUpdate> updates = new ArrayList<>(round.size());
        for (InFlightTask t : round) {
            updates.add(new ScoreUpdate(t.validatorHotkey(), t.netuid(), t.uid(), t.minerHotkey(), byTask.get(t),
                    t.organic()));
        }
        return updates;
    }

    private void register(InFlightTask t) {
        inFlight.put(t.taskId(), t);
        rounds.computeIfAbsent(t.roundId(), id -> new Round(t.roundSize()));
        counter(t).incrementAndGet();
    }

    private void unregister(InFlightTask t) {
        if (inFlight.remove(t.taskId()) != null) {
            counter(t).decrementAndGet();
        }
        rounds.remove(t.roundId());
    }

    private AtomicInteger counter(InFlightTask t) {
        return inFlightPerValidator.computeIfAbsent(t.validatorHotkey() + "/" + t.netuid(), k -> new AtomicInteger());
    }

    /** The tasks of one challenge; complete when all of them are resolved. */
    private static final class Round {
        private final int size;
        private final List<InFlightTask> members = new ArrayList<>();

        Round(int size) {
            this.size = size;
        }

        /** Adds a resolved member; returns all members once the round is complete, else null. */
        synchronized List<InFlightTask> add(InFlightTask t) {
            members.add(t);
            return members.size() >= size ? List.copyOf(members) : null;
        }
    }
}
