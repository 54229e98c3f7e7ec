package net.taonet.registry.neuron.domain;

/** A UID and who holds it. {@code emissionRao}: miner + validator rao of the last settled epoch. */
public record Neuron(int netuid, int uid, String hotkey, String coldkey, long registeredAtBlock, long burnRao,
        long emissionRao) {
}
