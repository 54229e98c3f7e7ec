package net.taonet.platform.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import net.taonet.events.EventHeaders;
import net.taonet.events.Topics;
import net.taonet.platform.flow.consumer.ConsumerTestApplication;
import net.taonet.platform.flow.consumer.ConsumerTestApplication.StakeTotals;
import net.taonet.platform.flow.producer.ProducerTestApplication;
import net.taonet.platform.flow.producer.ProducerTestApplication.StakeDesk;
import net.taonet.platform.inbox.IdempotentConsumer;
import net.taonet.testsupport.ServiceLauncher;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import net.taonet.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The foundation's promise, end to end: two real Spring Boot services, each with its own PostgreSQL
 * database, started side by side on the real Kafka broker. The producer publishes through the outbox; the
 * consumer applies each event once through the idempotent consumer, even when Kafka delivers it twice; a
 * rolled-back change publishes nothing; a malformed record goes to the dead-letter topic and does not
 * stop the consumer.
 */
class EventFlowIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    static RunningService producer;
    static RunningService consumer;
    static KafkaProducer<String, String> rawProducer;

    @BeforeAll
    static void startServices() {
        producer = ServiceLauncher.start(ProducerTestApplication.class, "flow_producer",
                Map.of("spring.config.location", "classpath:/event-flow/producer.yml"));
        consumer = ServiceLauncher.start(ConsumerTestApplication.class, "flow_consumer",
                Map.of("spring.config.location", "classpath:/event-flow/consumer.yml"));
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        rawProducer = new KafkaProducer<>(props);
    }

    @AfterAll
    static void stopServices() {
        if (rawProducer != null) {
            rawProducer.close();
        }
        if (consumer != null) {
            consumer.close();
        }
        if (producer != null) {
            producer.close();
        }
    }

    @Test
    void anEventTravelsToTheOtherServiceAndADuplicateIsAppliedOnce() throws Exception {
        String hotkey = hotkey();
        UUID first = desk().change(hotkey, 100, false);

        await().atMost(PATIENCE).until(() -> totals().total(hotkey), t -> t.equals(Map.of("total", 100L, "events", 1)));
        // The relay removes what the broker acknowledged.
        await().atMost(PATIENCE).until(() -> outboxRows(first) == 0);

        // Kafka is at-least-once: deliver the very same record (same event-id) again, by hand.
        ConsumerRecord<String, String> original = readUntil(Topics.LEDGER_STAKES,
                r -> first.toString().equals(header(r, EventHeaders.EVENT_ID)));
        ProducerRecord<String, String> duplicate = new ProducerRecord<>(original.topic(), original.key(),
                original.value());
        for (Header h : original.headers()) {
            duplicate.headers().add(h.key(), h.value());
        }
        rawProducer.send(duplicate).get();

        // A later event on the same key (same partition) is consumed after the duplicate.
        desk().change(hotkey, 5, false);

        await().atMost(PATIENCE).until(() -> totals().total(hotkey), t -> t.equals(Map.of("total", 105L, "events", 2)));
        assertThat(consumer.bean(IdempotentConsumer.class).alreadyProcessed("stake-totals", first)).isTrue();
    }

    @Test
    void aRolledBackChangePublishesNothing() {
        String hotkey = hotkey();

        assertThatThrownBy(() -> desk().change(hotkey, 1_000, true)).isInstanceOf(IllegalStateException.class);

        JdbcTemplate producerDb = producer.bean(JdbcTemplate.class);
        assertThat(producerDb.queryForObject("SELECT count(*) FROM stake_change WHERE hotkey = ?", Integer.class, hotkey))
                .isZero();
        assertThat(producerDb.queryForObject("SELECT count(*) FROM outbox_event WHERE payload LIKE ?", Integer.class,
                "%" + hotkey + "%")).isZero();
        // Had the rolled-back event been sent, it would precede this one on the partition and count too.
        desk().change(hotkey, 1, false);
        await().atMost(PATIENCE).until(() -> totals().total(hotkey), t -> t.equals(Map.of("total", 1L, "events", 1)));
        assertThat(readAll(Topics.LEDGER_STAKES)).noneMatch(r -> r.value().contains(hotkey) && r.value().contains("1000"));
    }

    @Test
    void aMalformedRecordGoesToTheDeadLetterTopicAndConsumingGoesOn() throws Exception {
        String hotkey = hotkey();
        String badId = UUID.randomUUID().toString();
        ProducerRecord<String, String> unparseable = new ProducerRecord<>(Topics.LEDGER_STAKES,
                Integer.toString(ProducerTestApplication.NETUID), "{\"netuid\": \"seven\", \"hotkey\": \"" + hotkey);
        unparseable.headers()
                .add(EventHeaders.EVENT_ID, bytes(badId))
                .add(EventHeaders.EVENT_TYPE, bytes("StakeChanged"))
                .add(EventHeaders.EVENT_VERSION, bytes("1"))
                .add(EventHeaders.BLOCK, bytes("1"));
        rawProducer.send(unparseable).get();
        String noEnvelopeKey = "no-envelope-" + hotkey;
        rawProducer.send(new ProducerRecord<>(Topics.LEDGER_STAKES, noEnvelopeKey, "{}")).get();

        ConsumerRecord<String, String> dead = readUntil(Topics.deadLetter(Topics.LEDGER_STAKES),
                r -> badId.equals(header(r, EventHeaders.EVENT_ID)));
        assertThat(dead.value()).isEqualTo(unparseable.value());
        assertThat(header(dead, "kafka_dlt-exception-message")).contains("StakeChanged payload does not parse");
        ConsumerRecord<String, String> noEnvelope = readUntil(Topics.deadLetter(Topics.LEDGER_STAKES),
                r -> noEnvelopeKey.equals(r.key()));
        assertThat(header(noEnvelope, "kafka_dlt-exception-message")).contains("event-id");

        // The poison did not stop the consumer, and did nothing.
        desk().change(hotkey, 3, false);
        await().atMost(PATIENCE).until(() -> totals().total(hotkey), t -> t.equals(Map.of("total", 3L, "events", 1)));
    }

    private static StakeDesk desk() {
        return producer.bean(StakeDesk.class);
    }

    private static StakeTotals totals() {
        return consumer.bean(StakeTotals.class);
    }

    private static int outboxRows(UUID eventId) {
        Integer n = producer.bean(JdbcTemplate.class)
                .queryForObject("SELECT count(*) FROM outbox_event WHERE event_id = ?", Integer.class, eventId);
        return n == null ? 0 : n;
    }

    private static String hotkey() {
        return "5Hotkey" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    /** Reads the topic from the beginning until a record matches. */
    private static ConsumerRecord<String, String> readUntil(String topic, Predicate<ConsumerRecord<String, String>> match) {
        try (KafkaConsumer<String, String> reader = reader(topic)) {
            List<ConsumerRecord<String, String>> found = new ArrayList<>();
            await().atMost(PATIENCE).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(r -> {
                    if (match.test(r)) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }

    /** Everything on the topic now (until a poll comes back empty after the end offsets are reached). */
    private static List<ConsumerRecord<String, String>> readAll(String topic) {
        try (KafkaConsumer<String, String> reader = reader(topic)) {
            List<ConsumerRecord<String, String>> all = new ArrayList<>();
            var partitions = reader.partitionsFor(topic).stream()
                    .map(p -> new org.apache.kafka.common.TopicPartition(topic, p.partition())).toList();
            reader.unsubscribe();
            reader.assign(partitions);
            reader.seekToBeginning(partitions);
            Map<org.apache.kafka.common.TopicPartition, Long> end = reader.endOffsets(partitions);
            await().atMost(PATIENCE).until(() -> {
                reader.poll(Duration.ofMillis(200)).forEach(all::add);
                return partitions.stream().allMatch(p -> reader.position(p) >= end.get(p));
            });
            return all;
        }
    }

    private static KafkaConsumer<String, String> reader(String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "event-flow-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> reader = new KafkaConsumer<>(props);
        reader.subscribe(List.of(topic));
        return reader;
    }

}
