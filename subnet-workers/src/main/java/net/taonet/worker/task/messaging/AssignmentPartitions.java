package net.taonet.worker.task.messaging;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition Kafka's default partitioner gives a keyed record: {@code toPositive(murmur2(key)) % partitions}.
 * Validators publish assignments with key {@code "<netuid>:<uid>"} and the default partitioner, so a worker
 * can compute where its assignments land and read only that partition.
 */
public final class AssignmentPartitions {

    private AssignmentPartitions() {
    }

    public static int partitionOf(String key, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be >= 1");
        }
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
