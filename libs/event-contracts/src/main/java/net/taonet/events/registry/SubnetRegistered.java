package net.taonet.events.registry;

/** A subnet was created; its owner hotkey holds UID 0. */
public record SubnetRegistered(int netuid, String ownerColdkey, String ownerHotkey, String taskType,
        SubnetIdentity identity, Hyperparameters hyperparameters, long lockRao, long registeredAtBlock) {
}
