package net.taonet.scoring.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import net.taonet.events.EventCodec;
import net.taonet.events.EventEnvelope;
import net.taonet.events.EventHeaders;
import net.taonet.events.EventType;
import net.taonet.events.registry.Hyperparameters;
import net.taonet.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What the other services would publish (registry, ledger, consensus), published by the test itself on the
 * real broker with real envelopes; and a reader of what the scoring-service publishes.
 */
public final class TestEvents implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, String> producer;

    public TestEvents() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(p);
    }

    public <T> UUID publish(EventType<T> type, String key, long block, T payload) {
        return publish(EventEnvelope.create(type, key, block, payload));
    }

    public <T> UUID publish(EventEnvelope<T> event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(event.type().topic(), event.key(),
                codec.encode(event.payload()));
        record.headers().add(EventHeaders.EVENT_ID, event.eventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, event.type().name().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_VERSION, Integer.toString(event.type().version()).getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.BLOCK, Long.toString(event.block()).getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + event.type().name(), e);
        }
        return event.eventId();
    }

    /** A subnet's hyperparameters: the defaults of spec/protocol.md §8 with the given weight settings. */
    public static Hyperparameters hyperparameters(int tempo, long rateLimit, boolean commitReveal, int revealPeriod) {
        Hyperparameters d = Hyperparameters.defaults();
        return new Hyperparameters(tempo, d.immunityPeriod(), d.minAllowedWeights(), d.maxWeightsLimit(),
                d.maxAllowedUids(), d.maxAllowedValidators(), rateLimit, d.weightsVersionKey(), commitReveal, revealPeriod,
                d.kappa(), d.bondsMovingAverage(), d.bondsPenalty(), d.yuma3Enabled(), d.liquidAlphaEnabled(),
                d.alphaLow(), d.alphaHigh(), d.alphaSigmoidSteepness(), d.activityCutoffFactorMilli(), d.stakeThreshold(),
                d.minBurn(), d.maxBurn(), d.burnHalfLife(), d.burnIncreaseMultMilli(), d.registrationAllowed(),
                d.minNonImmuneUids());
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** Reads a topic from its beginning; {@link #poll()} returns everything seen so far, decoded. */
    public static final class Reader implements AutoCloseable {
        private final KafkaConsumer<String, String> consumer;
        private final EventCodec codec = new EventCodec();
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        public Reader(String topic) {
            Properties p = new Properties();
            p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
            p.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
            p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
            consumer = new KafkaConsumer<>(p);
            consumer.subscribe(List.of(topic));
        }

        public synchronized List<ConsumerRecord<String, String>> poll() {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            return List.copyOf(seen);
        }

        public <T> List<T> events(EventType<T> type) {
            List<T> out = new ArrayList<>();
            for (ConsumerRecord<String, String> r : poll()) {
                var h = r.headers().lastHeader(EventHeaders.EVENT_TYPE);
                if (h != null && type.name().equals(new String(h.value(), StandardCharsets.UTF_8))) {
                    out.add(codec.decode(type, r.value()));
                }
            }
            return out;
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(5));
        }
    }
}
