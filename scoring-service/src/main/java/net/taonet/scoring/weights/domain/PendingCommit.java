package net.taonet.scoring.weights.domain;

/** A commit not yet revealed. */
public record PendingCommit(long id, int netuid, int uid, String hotkey, String commitHash, long commitBlock,
        long commitEpoch) {
}
