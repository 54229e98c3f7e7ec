package net.taonet.events.registry;

/** A hotkey took a new UID on a subnet (appended; no one was replaced). */
public record NeuronRegistered(int netuid, int uid, String hotkey, String coldkey, long registrationBlock,
        long burnRao) {
}
