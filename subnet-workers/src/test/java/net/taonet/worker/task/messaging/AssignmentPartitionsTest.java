package net.taonet.worker.task.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.taonet.events.Topics;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

/** The worker must land on exactly the partition the validators' producers write its key to. */
class AssignmentPartitionsTest {

    @Test
    void matchesKafkasDefaultPartitionerForKeyedRecords() {
        for (int partitions : new int[] {1, 3, 4, 8, 16, 100}) {
            for (int netuid = 0; netuid < 20; netuid++) {
                for (int uid = 0; uid < 256; uid++) {
                    String key = Topics.assignmentKey(netuid, uid);
                    assertThat(AssignmentPartitions.partitionOf(key, partitions))
                            .isEqualTo(BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions));
                }
            }
        }
    }

    @Test
    void fixedValuesNeverChange() {
        // murmur2 of "1:0" etc.: a change of key format or hashing would silently strand every worker.
        assertThat(AssignmentPartitions.partitionOf("1:0", 8)).isEqualTo(
                BuiltInPartitioner.partitionForKey("1:0".getBytes(StandardCharsets.UTF_8), 8));
        assertThat(Topics.assignmentKey(1, 0)).isEqualTo("1:0");
    }
}
