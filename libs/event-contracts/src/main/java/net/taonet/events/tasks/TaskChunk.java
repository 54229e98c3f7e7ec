package net.taonet.events.tasks;

/**
 * One streamed piece of a task's answer (chat), sent before the task's {@link TaskCompleted}, which still
 * carries the whole result and the signature. {@code seq} starts at 0 and has no gaps.
 */
public record TaskChunk(String taskId, int netuid, int uid, int seq, String delta) {
}
