package net.taonet.events;

import java.util.List;
import java.util.Optional;
import net.taonet.events.consensus.EpochCompleted;
import net.taonet.events.ledger.EpochSettled;
import net.taonet.events.ledger.StakeChanged;
import net.taonet.events.registry.NeuronRegistered;
import net.taonet.events.registry.NeuronReplaced;
import net.taonet.events.registry.SubnetDissolved;
import net.taonet.events.registry.SubnetHyperparametersChanged;
import net.taonet.events.registry.SubnetRegistered;
import net.taonet.events.scoring.WeightsCommitted;
import net.taonet.events.scoring.WeightsSet;
import net.taonet.events.tasks.TaskAssigned;
import net.taonet.events.tasks.TaskChunk;
import net.taonet.events.tasks.TaskCompleted;
import net.taonet.events.tasks.TaskFailed;

/** Every event type of the network, with its topic (DESIGN §5). */
public final class EventCatalog {

    public static final EventType<SubnetRegistered> SUBNET_REGISTERED =
            new EventType<>("SubnetRegistered", 1, SubnetRegistered.class, Topics.REGISTRY_SUBNETS);
    public static final EventType<SubnetHyperparametersChanged> SUBNET_HYPERPARAMETERS_CHANGED =
            new EventType<>("SubnetHyperparametersChanged", 1, SubnetHyperparametersChanged.class, Topics.REGISTRY_SUBNETS);
    public static final EventType<SubnetDissolved> SUBNET_DISSOLVED =
            new EventType<>("SubnetDissolved", 1, SubnetDissolved.class, Topics.REGISTRY_SUBNETS);
    public static final EventType<NeuronRegistered> NEURON_REGISTERED =
            new EventType<>("NeuronRegistered", 1, NeuronRegistered.class, Topics.REGISTRY_NEURONS);
    public static final EventType<NeuronReplaced> NEURON_REPLACED =
            new EventType<>("NeuronReplaced", 1, NeuronReplaced.class, Topics.REGISTRY_NEURONS);
    public static final EventType<StakeChanged> STAKE_CHANGED =
            new EventType<>("StakeChanged", 1, StakeChanged.class, Topics.LEDGER_STAKES);
    public static final EventType<EpochSettled> EPOCH_SETTLED =
            new EventType<>("EpochSettled", 1, EpochSettled.class, Topics.LEDGER_SETTLEMENTS);
    public static final EventType<WeightsSet> WEIGHTS_SET =
            new EventType<>("WeightsSet", 1, WeightsSet.class, Topics.SCORING_WEIGHTS);
    public static final EventType<WeightsCommitted> WEIGHTS_COMMITTED =
            new EventType<>("WeightsCommitted", 1, WeightsCommitted.class, Topics.SCORING_WEIGHTS);
    public static final EventType<EpochCompleted> EPOCH_COMPLETED =
            new EventType<>("EpochCompleted", 1, EpochCompleted.class, Topics.CONSENSUS_EPOCHS);
    public static final EventType<TaskAssigned> TASK_ASSIGNED =
            new EventType<>("TaskAssigned", 1, TaskAssigned.class, Topics.TASKS_ASSIGNMENTS);
    public static final EventType<TaskCompleted> TASK_COMPLETED =
            new EventType<>("TaskCompleted", 1, TaskCompleted.class, Topics.TASKS_RESULTS);
    public static final EventType<TaskChunk> TASK_CHUNK =
            new EventType<>("TaskChunk", 1, TaskChunk.class, Topics.TASKS_RESULTS);
    public static final EventType<TaskFailed> TASK_FAILED =
            new EventType<>("TaskFailed", 1, TaskFailed.class, Topics.TASKS_RESULTS);

    public static final List<EventType<?>> ALL = List.of(SUBNET_REGISTERED, SUBNET_HYPERPARAMETERS_CHANGED,
            SUBNET_DISSOLVED, NEURON_REGISTERED, NEURON_REPLACED, STAKE_CHANGED, EPOCH_SETTLED, WEIGHTS_SET,
            WEIGHTS_COMMITTED, EPOCH_COMPLETED, TASK_ASSIGNED, TASK_COMPLETED, TASK_CHUNK, TASK_FAILED);

    private EventCatalog() {
    }

    public static Optional<EventType<?>> find(String name, int version) {
        return ALL.stream().filter(t -> t.name().equals(name) && t.version() == version).findFirst();
    }
}
