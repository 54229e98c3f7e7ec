package net.taonet.events.registry;

/** A subnet's hyperparameters after a change: the full set, so consumers need no history. */
public record SubnetHyperparametersChanged(int netuid, String changed, Hyperparameters hyperparameters) {
}
