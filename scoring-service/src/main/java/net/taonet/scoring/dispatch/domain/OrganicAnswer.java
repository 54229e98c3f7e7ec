package net.taonet.scoring.dispatch.domain;

/** The answer of the miner that did the task, as it signed it; latency measured by the service. */
public record OrganicAnswer(String taskId, int uid, String hotkey, String result, long latencyMillis) {
}
