package net.taonet.consensus.epoch.domain;

/** The scheduling state of a subnet as read (and locked) by an epoch run. */
public record SubnetRow(int netuid, String ownerHotkey, int tempo, String hyperparametersJson, long registeredAtBlock,
        boolean dissolved, Long lastEpoch, long lastEpochBlock) {
}
