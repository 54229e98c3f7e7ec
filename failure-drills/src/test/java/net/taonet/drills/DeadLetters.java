package net.taonet.drills;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.taonet.events.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * The dead-letter topics: an event a consumer gave up on (after its retries) lands there and is out of the
 * normal flow, so a failure drill that leaves anything there has lost an effect, even if the books balance.
 */
final class DeadLetters {

    private DeadLetters() {
    }

    /** Records on each dead-letter topic that has any (empty: none anywhere). */
    static Map<String, Long> counts(String bootstrapServers) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        try (Admin admin = Admin.create(props)) {
            Map<String, TopicDescription> topics = admin.describeTopics(Topics.ALL.stream().map(Topics::deadLetter).toList())
                    .allTopicNames().get(20, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> request = new LinkedHashMap<>();
            topics.values().forEach(t -> t.partitions().forEach(p ->
                    request.put(new TopicPartition(t.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(request).all()
                    .get(20, TimeUnit.SECONDS);
            Map<String, Long> counts = new LinkedHashMap<>();
            ends.forEach((tp, info) -> {
                if (info.offset() > 0) {
                    counts.merge(tp.topic(), info.offset(), Long::sum);
                }
            });
            return counts;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read the dead-letter topics: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
