package net.taonet.scoring.metagraph.domain;

/** What the latest epoch said about one UID: its validator permit and its incentive (u16). */
public record EpochNeuron(int uid, String hotkey, boolean validatorPermit, int incentive) {
}
