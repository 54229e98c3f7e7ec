package net.taonet.scoring.metagraph.domain;

import net.taonet.events.registry.Hyperparameters;

/** A subnet as the scoring-service knows it. */
public record SubnetInfo(int netuid, String ownerHotkey, String taskType, Hyperparameters hyperparameters) {
}
