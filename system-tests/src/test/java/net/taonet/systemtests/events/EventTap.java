package net.taonet.systemtests.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import net.taonet.events.EventHeaders;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Reads the network's real events off the broker and puts copies back: a duplicate is the very same record
 * (key, value, headers, event id) again, as a producer retry or a consumer rebalance would deliver it; a
 * replay is an old record published again after newer ones. {@link #awaitConsumed} waits until every
 * consumer group reading a topic has committed past what was injected.
 */
public final class EventTap implements AutoCloseable {

    private final String bootstrap;
    private final KafkaProducer<String, String> producer;
    private final Admin admin;

    public EventTap(String bootstrap) {
        this.bootstrap = bootstrap;
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p);
        Properties a = new Properties();
        a.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        admin = Admin.create(a);
    }

    /** Every record of the topic so far, oldest first per partition. */
    public List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.currentTimeMillis() + 15_000;
            while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))
                    && System.currentTimeMillis() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    /**
     * Follows the topic from its end for at most {@code timeout}, handing each new record to {@code handler}
     * as soon as it arrives, until the handler answers false.
     */
    public void follow(String topic, Duration timeout, java.util.function.Predicate<ConsumerRecord<String, String>> handler) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            long deadline = System.currentTimeMillis() + timeout.toMillis();
            while (System.currentTimeMillis() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(100))) {
                    if (!handler.test(r)) {
                        return;
                    }
                }
            }
        }
    }

    /** Publishes the record again: same partition, key, value and headers (the same event id). */
    public void duplicate(ConsumerRecord<String, String> record) {
        ProducerRecord<String, String> copy = new ProducerRecord<>(record.topic(), record.partition(), record.key(),
                record.value());
        for (Header h : record.headers()) {
            copy.headers().add(h.key(), h.value());
        }
        send(copy);
    }

    /** Publishes the record again under a new event id: a replay that an inbox cannot recognise by id. */
    public UUID replayAsNew(ConsumerRecord<String, String> record) {
        UUID id = UUID.randomUUID();
        ProducerRecord<String, String> copy = new ProducerRecord<>(record.topic(), record.partition(), record.key(),
                record.value());
        for (Header h : record.headers()) {
            copy.headers().add(h.key(), EventHeaders.EVENT_ID.equals(h.key()) ? id.toString().getBytes(StandardCharsets.UTF_8) : h.value());
        }
        send(copy);
        return id;
    }

    private void send(ProducerRecord<String, String> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not publish to " + record.topic(), e);
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    public static String type(ConsumerRecord<String, String> record) {
        return header(record, EventHeaders.EVENT_TYPE);
    }

    /**
     * Waits until every consumer group that reads the topic (has committed an offset on it) has committed up
     * to the end of each partition it reads, as the end stands now; returns the groups. Readers that commit
     * no offsets to a group (the workers assign their partition themselves) are not waited for.
     */
    public List<String> awaitConsumed(String topic, Duration timeout) throws Exception {
        Map<TopicPartition, Long> end = new HashMap<>();
        var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(pi -> latest.put(new TopicPartition(topic, pi.partition()), OffsetSpec.latest()));
        admin.listOffsets(latest).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
        List<String> readers = new ArrayList<>();
        List<String> behind = new ArrayList<>();
        try {
            org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
                readers.clear();
                behind.clear();
                for (GroupListing g : admin.listGroups().all().get()) {
                    Map<TopicPartition, OffsetAndMetadata> committed =
                            admin.listConsumerGroupOffsets(g.groupId()).partitionsToOffsetAndMetadata().get();
                    boolean reads = false;
                    for (var e : committed.entrySet()) {
                        if (!e.getKey().topic().equals(topic) || e.getValue() == null) {
                            continue;
                        }
                        reads = true;
                        if (e.getValue().offset() < end.get(e.getKey())) {
                            behind.add(g.groupId() + " " + e.getKey() + " at " + e.getValue().offset() + " < " + end.get(e.getKey()));
                        }
                    }
                    if (reads) {
                        readers.add(g.groupId());
                    }
                }
                return behind.isEmpty();
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("consumers of " + topic + " did not catch up: " + behind + " (readers " + readers + ")", e);
        }
        return List.copyOf(readers);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
        admin.close(Duration.ofSeconds(5));
    }
}
