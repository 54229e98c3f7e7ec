package net.taonet.events.registry;

/** A subnet was dissolved; its lock is returned to the owner. */
public record SubnetDissolved(int netuid, String ownerColdkey) {
}
