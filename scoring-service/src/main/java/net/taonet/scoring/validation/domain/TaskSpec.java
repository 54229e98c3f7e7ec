package net.taonet.scoring.validation.domain;

/** A task to assign: who asks whom, what, and how long the miner gets. Tasks of one round share a challenge. */
public record TaskSpec(String taskId, String roundId, int roundSize, ManagedValidator validator, int netuid, int uid,
        String minerHotkey, String taskType, String challenge, long timeoutMillis, boolean organic) {
}
