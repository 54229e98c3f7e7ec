package net.taonet.registry.neuron.domain;

import java.util.List;

/** What a worker says about itself (like Bittensor's axon info), signed by its hotkey. */
public record Serving(int netuid, int uid, String hotkey, String accelerator, Long memoryMib, List<TaskTypeInfo> taskTypes,
        String version, String endpoint, long servedAtBlock) {

    /** A task type the worker runs: name, its version, and the backend (e.g. cuda, cpu). */
    public record TaskTypeInfo(String name, String version, String backend) {
    }
}
