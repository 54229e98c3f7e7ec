package net.taonet.local.demo;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What the network holds of the demo now, as far as {@link DemoPlan#next} needs it: the demo owner's subnets by
 * task type, their hyperparameters (values as text), free balances, registrations and stake positions.
 */
public record DemoState(Map<String, Integer> subnets, Map<Integer, Map<String, String>> hyperparameters,
        Map<String, Long> freeRao, Set<Registration> registered, Map<Position, Long> stakeRao) {

    public DemoState {
        subnets = Map.copyOf(subnets);
        hyperparameters = Map.copyOf(hyperparameters);
        freeRao = Map.copyOf(freeRao);
        registered = Set.copyOf(registered);
        stakeRao = Map.copyOf(stakeRao);
    }

    /** Nothing yet: a fresh network. */
    public static DemoState empty() {
        return new DemoState(Map.of(), Map.of(), Map.of(), Set.of(), Map.of());
    }

    /** A hotkey holding a UID on a subnet. */
    public record Registration(String hotkey, int netuid) {
    }

    /** A stake position (coldkey, hotkey, netuid). */
    public record Position(String coldkey, String hotkey, int netuid) {
    }

    public Optional<Integer> netuid(String taskType) {
        return Optional.ofNullable(subnets.get(taskType));
    }
}
