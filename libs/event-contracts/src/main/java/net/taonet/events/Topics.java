package net.taonet.events;

import java.util.List;

/** Kafka topic names (DESIGN §5). Dead letters go to {@code <topic>.dlt}. */
public final class Topics {

    public static final String REGISTRY_SUBNETS = "registry.subnets";
    public static final String REGISTRY_NEURONS = "registry.neurons";
    public static final String LEDGER_STAKES = "ledger.stakes";
    public static final String LEDGER_SETTLEMENTS = "ledger.settlements";
    public static final String SCORING_WEIGHTS = "scoring.weights";
    public static final String CONSENSUS_EPOCHS = "consensus.epochs";
    public static final String TASKS_ASSIGNMENTS = "tasks.assignments";
    public static final String TASKS_RESULTS = "tasks.results";

    public static final List<String> ALL = List.of(REGISTRY_SUBNETS, REGISTRY_NEURONS, LEDGER_STAKES,
            LEDGER_SETTLEMENTS, SCORING_WEIGHTS, CONSENSUS_EPOCHS, TASKS_ASSIGNMENTS, TASKS_RESULTS);

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + ".dlt";
    }

    /** The key of a task assignment: workers read only the partition of their own key. */
    public static String assignmentKey(int netuid, int uid) {
        return netuid + ":" + uid;
    }
}
