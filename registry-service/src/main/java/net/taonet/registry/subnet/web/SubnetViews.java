package net.taonet.registry.subnet.web;

import java.util.List;
import java.util.Map;
import net.taonet.events.registry.Hyperparameters;
import net.taonet.events.registry.SubnetIdentity;
import net.taonet.registry.subnet.domain.SubnetService.Rule;

/** Response bodies of the subnet endpoints. */
public final class SubnetViews {

    private SubnetViews() {
    }

    /** A subnet now: identity, rules, size, and what it costs to join or to create another. */
    public record SubnetView(int netuid, String ownerColdkey, String ownerHotkey, String taskType, SubnetIdentity identity,
            Hyperparameters hyperparameters, int neuronCount, long lockRao, long registeredAtBlock,
            long registrationPriceRao, long lockCostRao, long block, long nextEpochBlock, Long lastSettledEpoch) {
    }

    public record SubnetList(long block, long lockCostRao, List<SubnetView> subnets) {
    }

    public record HyperparametersView(int netuid, long block, Hyperparameters hyperparameters, List<Rule> rules) {
    }

    public record RegistrationPriceView(int netuid, long block, long priceRao, long nextPriceRao, long minBurnRao,
            long maxBurnRao, long burnHalfLife, long burnIncreaseMultMilli, boolean registrationAllowed,
            int neuronCount, int maxAllowedUids) {
    }

    /** {@code PUT .../hyperparameters/{name}} body: a whole number or true/false (JSON, or a string of one). */
    public record SetHyperparameter(Object value) {
    }

    public record HyperparameterChanged(int netuid, String name, Object value, boolean changed, long block,
            Hyperparameters hyperparameters) {
    }

    /** {@code POST /api/v1/subnets} body. */
    public record CreateSubnetRequest(String ownerColdkey, String ownerHotkey, String taskType, SubnetIdentity identity,
            Long maxLockRao) {
    }

    static Map<String, Object> none() {
        return Map.of();
    }
}
