package net.taonet.scoring.metagraph.domain;

/** A UID and the hotkey that holds it. */
public record NeuronInfo(int netuid, int uid, String hotkey, long registrationBlock) {
}
