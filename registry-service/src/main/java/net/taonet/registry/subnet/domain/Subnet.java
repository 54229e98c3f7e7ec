package net.taonet.registry.subnet.domain;

import net.taonet.events.registry.Hyperparameters;
import net.taonet.events.registry.SubnetIdentity;
import net.taonet.registry.pricing.domain.BurnParameters;
import net.taonet.registry.pricing.domain.RegistrationPrice;

/** A subnet as stored: identity, rules and the state of its registration price. */
public record Subnet(int netuid, String ownerColdkey, String ownerHotkey, String taskType, SubnetIdentity identity,
        Hyperparameters hyperparameters, long lockRao, long registeredAtBlock, long burnRao, long burnBlock,
        Long lastSettledEpoch) {

    public BurnParameters burnParameters() {
        return burnParameters(hyperparameters);
    }

    public static BurnParameters burnParameters(Hyperparameters h) {
        return new BurnParameters(h.minBurn(), h.maxBurn(), h.burnHalfLife(), h.burnIncreaseMultMilli());
    }

    /** The registration price at {@code block}. */
    public long registrationPriceAt(long block) {
        return RegistrationPrice.at(burnRao, burnBlock, block, burnParameters());
    }
}
