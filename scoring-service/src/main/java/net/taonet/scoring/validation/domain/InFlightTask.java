package net.taonet.scoring.validation.domain;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import net.taonet.events.tasks.TaskChunk;

/**
 * A task sent and not yet resolved. Its outcome is set once (the first of answer, failure, timeout wins);
 * organic tasks also complete {@link #outcome()} for the waiting requester and may stream chunks to it.
 */
public final class InFlightTask {

    private final String taskId;
    private final String roundId;
    private final int roundSize;
    private final String validatorHotkey;
    private final int netuid;
    private final int uid;
    private final String minerHotkey;
    private final String taskType;
    private final String challenge;
    private final long assignedMillis;
    private final long deadlineMillis;
    private final boolean organic;
    private final AtomicReference<TaskOutcome> resolved = new AtomicReference<>();
    private final CompletableFuture<TaskOutcome> outcome = new CompletableFuture<>();
    private volatile Consumer<TaskChunk> chunkSink;

    public InFlightTask(String taskId, String roundId, int roundSize, String validatorHotkey, int netuid, int uid,
            String minerHotkey, String taskType, String challenge, long assignedMillis, long deadlineMillis,
            boolean organic) {
        this.taskId = taskId;
        this.roundId = roundId;
        this.roundSize = roundSize;
        this.validatorHotkey = validatorHotkey;
        this.netuid = netuid;
        this.uid = uid;
        this.minerHotkey = minerHotkey;
        this.taskType = taskType;
        this.challenge = challenge;
        this.assignedMillis = assignedMillis;
        this.deadlineMillis = deadlineMillis;
        this.organic = organic;
    }

    /** Sets the outcome if none is set yet; true when this call decided it. */
    boolean resolve(TaskOutcome result) {
        if (!resolved.compareAndSet(null, result)) {
            return false;
        }
        outcome.complete(result);
        return true;
    }

    public TaskOutcome resolvedOutcome() {
        return resolved.get();
    }

    public CompletableFuture<TaskOutcome> outcome() {
        return outcome;
    }

    public void streamChunksTo(Consumer<TaskChunk> sink) {
        this.chunkSink = sink;
    }

    Consumer<TaskChunk> chunkSink() {
        return chunkSink;
    }

    public String taskId() { return taskId; }
    public String roundId() { return roundId; }
    public int roundSize() { return roundSize; }
    public String validatorHotkey() { return validatorHotkey; }
    public int netuid() { return netuid; }
    public int uid() { return uid; }
    public String minerHotkey() { return minerHotkey; }
    public String taskType() { return taskType; }
    public String challenge() { return challenge; }
    public long assignedMillis() { return assignedMillis; }
    public long deadlineMillis() { return deadlineMillis; }
    public boolean organic() { return organic; }
    public long timeoutMillis() { return Math.max(1, deadlineMillis - assignedMillis); }
}
