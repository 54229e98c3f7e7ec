package net.taonet.scoring.weights.domain;

/** A commit that was accepted, and the blocks of the epoch in which it must be revealed. */
public record AcceptedCommit(int netuid, int uid, String hotkey, String commitHash, long commitBlock, long commitEpoch,
        long revealEpoch, long revealFromBlock, long revealUntilBlock) {
}
