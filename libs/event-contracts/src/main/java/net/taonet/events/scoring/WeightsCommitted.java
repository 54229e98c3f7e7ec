package net.taonet.events.scoring;

/**
 * A validator committed to a weight row (commit-reveal). The commit counts as the UID's last update; its
 * block feeds the commit-reveal column mask of spec/yuma-consensus.md §6.4 until revealed or expired.
 */
public record WeightsCommitted(int netuid, int uid, String hotkey, String commitHash, long commitBlock,
        long commitEpoch) {
}
