package net.taonet.emission;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import net.taonet.emission.audit.domain.Auditor;
import net.taonet.emission.genesis.domain.Mint;
import net.taonet.emission.network.messaging.RegistryEventsListener;
import net.taonet.events.EventCatalog;
import net.taonet.events.EventCodec;
import net.taonet.events.EventHeaders;
import net.taonet.events.EventType;
import net.taonet.events.registry.Hyperparameters;
import net.taonet.events.registry.NeuronRegistered;
import net.taonet.events.registry.SubnetDissolved;
import net.taonet.events.registry.SubnetIdentity;
import net.taonet.events.registry.SubnetRegistered;
import net.taonet.identity.KeyPair;
import net.taonet.identity.RequestSigner;
import net.taonet.platform.chain.ManualBlockClock;
import net.taonet.platform.inbox.InboundEvent;
import net.taonet.testsupport.Infrastructure;
import net.taonet.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one Spring context the ledger's integration tests share (real PostgreSQL and Kafka, a manual block
 * clock), with helpers: keys and signed REST calls, funding, registry events, Kafka probes, the audit.
 * Tests share the database, so each uses its own keys and netuids, and compares the audit before and after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "taonet.emission.take-increase-rate-limit-blocks=100",
        "taonet.emission.settlement-retry-interval=300ms",
        "taonet.platform.outbox-poll-interval=100ms",
        "spring.kafka.consumer.group-id=emission-it"})
@Import(ManualClockConfig.class)
public abstract class LedgerItSupport {

    public static final long TAO = 1_000_000_000L;
    private static final AtomicInteger NETUIDS = new AtomicInteger(10);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        Infrastructure.register(registry, "emission_it");
    }

    @LocalServerPort
    protected int port;
    @Autowired
    protected ManualBlockClock clock;
    @Autowired
    protected Mint mint;
    @Autowired
    protected Auditor auditor;
    @Autowired
    protected RegistryEventsListener registry;
    @Autowired
    protected EventCodec codec;
    @Autowired
    protected KafkaTemplate<String, String> kafka;
    @Autowired
    protected PlatformTransactionManager txManager;
    @Autowired
    protected org.springframework.jdbc.core.JdbcTemplate jdbc;

    protected final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, RequestSigner> signers = new ConcurrentHashMap<>();

    protected static int nextNetuid() {
        return NETUIDS.incrementAndGet();
    }

    protected static KeyPair key() {
        return KeyPair.generate();
    }

    protected RestClient http() {
        return RestClient.builder().baseUrl("http://localhost:" + port)
                .defaultStatusHandler(status -> true, (req, res) -> { }).build();
    }

    // ------------------------------------------------------------------ money

    protected void fund(String address, long rao) {
        new TransactionTemplate(txManager).executeWithoutResult(s -> mint.mint("FAUCET", "test", address, rao));
    }

    protected long free(String address) {
        return jdbc.queryForList("SELECT balance FROM account WHERE name = ?", Long.class, "free:" + address).stream()
                .findFirst().orElse(0L);
    }

    protected long stake(String coldkey, String hotkey, int netuid) {
        return jdbc.queryForList("SELECT balance FROM account WHERE name = ?", Long.class,
                "stake:" + netuid + ":" + hotkey + ":" + coldkey).stream().findFirst().orElse(0L);
    }

    protected long hotkeyTotal(String hotkey, int netuid) {
        return jdbc.queryForList("SELECT total FROM hotkey_stake WHERE netuid = ? AND hotkey = ?", Long.class, netuid, hotkey)
                .stream().findFirst().orElse(0L);
    }

    protected Auditor.Report audit() {
        return auditor.audit();
    }

    // ------------------------------------------------------------------ signed REST

    protected RequestSigner signer(KeyPair key) {
        return signers.computeIfAbsent(key.address(), a -> new RequestSigner(key));
    }

    /** A signed JSON request with an Idempotency-Key (null: none). */
    protected ResponseEntity<String> signed(String method, String path, KeyPair key, String idempotencyKey, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = signer(key).headers(method, path, bytes);
        return send(method, path, headers, idempotencyKey, bytes);
    }

    protected ResponseEntity<String> send(String method, String path, Map<String, String> headers, String idempotencyKey,
            byte[] body) {
        return http().method(org.springframework.http.HttpMethod.valueOf(method)).uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    headers.forEach(h::add);
                    if (idempotencyKey != null) {
                        h.add("Idempotency-Key", idempotencyKey);
                    }
                })
                .body(body).retrieve().toEntity(String.class);
    }

    protected ResponseEntity<String> get(String path) {
        return http().get().uri(path).retrieve().toEntity(String.class);
    }

    protected JsonNode tree(ResponseEntity<String> response) {
        return json.readTree(response.getBody());
    }

    protected static String idem() {
        return UUID.randomUUID().toString();
    }

    // ------------------------------------------------------------------ registry events

    protected <T> InboundEvent inbound(EventType<T> type, String key, long block, T payload) {
        return new InboundEvent(UUID.randomUUID(), type.name(), type.version(), block, type.topic(), key,
                codec.encode(payload));
    }

    protected void registerSubnet(int netuid, KeyPair ownerColdkey, KeyPair ownerHotkey) {
        registry.handle(inbound(EventCatalog.SUBNET_REGISTERED, Integer.toString(netuid), clock.currentBlock(),
                new SubnetRegistered(netuid, ownerColdkey.address(), ownerHotkey.address(), "echo",
                        new SubnetIdentity("sn" + netuid, "test", "", ""), Hyperparameters.defaults(), 1_000 * TAO,
                        clock.currentBlock())));
    }

    protected void registerNeuron(int netuid, int uid, KeyPair hotkey, KeyPair coldkey) {
        registry.handle(inbound(EventCatalog.NEURON_REGISTERED, Integer.toString(netuid), clock.currentBlock(),
                new NeuronRegistered(netuid, uid, hotkey.address(), coldkey.address(), clock.currentBlock(), 500_000)));
    }

    protected void dissolve(int netuid, KeyPair ownerColdkey) {
        registry.handle(inbound(EventCatalog.SUBNET_DISSOLVED, Integer.toString(netuid), clock.currentBlock(),
                new SubnetDissolved(netuid, ownerColdkey.address())));
    }

    /** Sends an event to Kafka the way the outbox relay of its producer would. */
    protected <T> UUID publish(EventType<T> type, String key, long block, T payload, UUID eventId) {
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), key, codec.encode(payload));
        record.headers().add(EventHeaders.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, type.name().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_VERSION, Integer.toString(type.version()).getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.BLOCK, Long.toString(block).getBytes(StandardCharsets.UTF_8));
        kafka.send(record).join();
        return eventId;
    }

    // ------------------------------------------------------------------ reading what we published

    /** A consumer of one topic from its beginning, in a group of its own. */
    protected static KafkaConsumer<String, String> consumer(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> c = new KafkaConsumer<>(p);
        c.subscribe(List.of(topic));
        return c;
    }

    /** Polls until {@code enough} holds for the records matching {@code filter}, or the timeout. */
    protected static List<ConsumerRecord<String, String>> collect(KafkaConsumer<String, String> c,
            Predicate<ConsumerRecord<String, String>> filter, Predicate<List<ConsumerRecord<String, String>>> enough,
            Duration timeout) {
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline && !enough.test(out)) {
            for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(200))) {
                if (filter.test(r)) {
                    out.add(r);
                }
            }
        }
        return out;
    }
}
