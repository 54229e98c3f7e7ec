package net.taonet.consensusit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import net.taonet.events.EventCatalog;
import net.taonet.events.EventCodec;
import net.taonet.events.EventHeaders;
import net.taonet.events.EventType;
import net.taonet.events.Topics;
import net.taonet.events.consensus.EpochCompleted;
import net.taonet.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Plays the other services: publishes their events with real envelopes (so a test can deliver one event
 * twice under the same id), and reads what consensus published on {@code consensus.epochs}.
 */
public final class EventFeed implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final List<EpochCompleted> completed = new ArrayList<>();
    private int published;

    public EventFeed() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    }

    /** Reads every partition of the topic from its beginning, without a consumer group (no rebalances). */
    private void assignOnce() {
        if (!consumer.assignment().isEmpty()) {
            return;
        }
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.CONSENSUS_EPOCHS, Duration.ofSeconds(30))
                .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Publishes a new event (fresh id); returns the id so it can be delivered again. */
    public <T> UUID publish(EventType<T> type, int netuid, long block, T payload) {
        UUID id = UUID.randomUUID();
        publish(id, type, netuid, block, payload);
        return id;
    }

    /** Publishes (again) under a given id: a redelivery as Kafka's at-least-once can produce. */
    public <T> void publish(UUID id, EventType<T> type, int netuid, long block, T payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), Integer.toString(netuid),
                codec.encode(payload));
        record.headers().add(EventHeaders.EVENT_ID, id.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, type.name().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_VERSION, Integer.toString(type.version()).getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.BLOCK, Long.toString(block).getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + type.name(), e);
        }
        published++;
    }

    public int publishedCount() {
        return published;
    }

    /** Every EpochCompleted seen so far (reads what arrived since the last call). */
    public synchronized List<EpochCompleted> epochsCompleted() {
        assignOnce();
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
            completed.add(codec.decode(EventCatalog.EPOCH_COMPLETED, r.value()));
        }
        return List.copyOf(completed);
    }

    public List<EpochCompleted> epochsCompleted(int netuid, long epoch) {
        return epochsCompleted().stream().filter(e -> e.netuid() == netuid && e.epoch() == epoch).toList();
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
    }
}
