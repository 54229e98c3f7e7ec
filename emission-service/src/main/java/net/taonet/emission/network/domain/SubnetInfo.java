package net.taonet.emission.network.domain;

/** The ledger's view of a subnet. {@code accrualFromBlock} is null until its first completed epoch. */
public record SubnetInfo(int netuid, String ownerColdkey, String ownerHotkey, boolean registrationAllowed, int tempo,
        long registeredAtBlock, boolean dissolved, Long accrualFromBlock, Long lastSettledEpoch) {
}
