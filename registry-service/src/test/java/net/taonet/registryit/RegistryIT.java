package net.taonet.registryit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.taonet.events.EventCodec;
import net.taonet.events.EventHeaders;
import net.taonet.events.Topics;
import net.taonet.events.ledger.EpochSettled;
import net.taonet.identity.KeyPair;
import net.taonet.platform.chain.EpochSchedule;
import net.taonet.platform.inbox.InboundEvent;
import net.taonet.registry.charge.domain.ChargeReconciler;
import net.taonet.registry.neuron.messaging.LedgerEventsListener;
import net.taonet.registry.pricing.domain.BurnParameters;
import net.taonet.registry.pricing.domain.RegistrationPrice;
import net.taonet.registryit.Api.Answer;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import net.taonet.testsupport.TestKafka;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The registry with the real ledger (emission-service) in one JVM, on real PostgreSQL and Kafka. The ledger
 * is reached through {@link FaultyProxy}, which passes everything unless a test makes it fail. Every paying
 * step checks the payer's balance at the ledger and the ledger's audit.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistryIT {

    static final long TAO = 1_000_000_000L;
    static final BurnParameters DEFAULT_BURN = new BurnParameters(500_000, 100 * TAO, 360, 1_260);

    static RunningService ledger;
    static RunningService registry;
    static FaultyProxy proxy;
    static Api reg;
    static Api led;
    static KafkaConsumer<String, String> events;
    static final List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    static final EventCodec codec = new EventCodec();

    @BeforeAll
    static void start() throws Exception {
        ledger = TestNetwork.startLedger();
        proxy = new FaultyProxy(ledger.baseUrl());
        registry = TestNetwork.startRegistry(proxy.baseUrl());
        reg = new Api(registry.baseUrl());
        led = new Api(ledger.baseUrl());
        Properties p = new Properties();
        p.put("bootstrap.servers", TestKafka.bootstrapServers());
        p.put("group.id", "registry-it-" + UUID.randomUUID());
        p.put("auto.offset.reset", "earliest");
        p.put("key.deserializer", StringDeserializer.class.getName());
        p.put("value.deserializer", StringDeserializer.class.getName());
        events = new KafkaConsumer<>(p);
        events.subscribe(List.of(Topics.REGISTRY_SUBNETS, Topics.REGISTRY_NEURONS));
    }

    @AfterAll
    static void stop() {
        if (events != null) {
            events.close();
        }
        if (registry != null) {
            registry.close();
        }
        if (proxy != null) {
            proxy.close();
        }
        if (ledger != null) {
            ledger.close();
        }
    }

    @AfterEach
    void calmProxyAndProbe() {
        proxy.mode(FaultyProxy.Mode.PASS);
        TestNetwork.AFTER_CHARGE.set(id -> { });
    }

    // ---------------------------------------------------------------- helpers

    static KeyPair key(String name) {
        return KeyPair.fromSeed(sha256("registry-it:" + name));
    }

    static byte[] sha256(String s) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void fund(KeyPair coldkey, long rao) {
        Answer a = led.send("POST", "/api/v1/faucet", Map.of("address", coldkey.address(), "amountRao", rao), null,
                Map.of("X-Taonet-Admin-Key", TestNetwork.ADMIN_KEY, "Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(a.status()).as("faucet %s", a).isBetween(200, 201);
    }

    static long free(KeyPair coldkey) {
        Answer a = led.get("/api/v1/accounts/" + coldkey.address());
        return a.status() == 404 ? 0 : a.body().path("freeRao").asLong();
    }

    static void assertAuditOk() {
        Answer a = led.get("/api/v1/audit");
        assertThat(a.body().path("ok").asBoolean()).as("ledger audit %s", a).isTrue();
    }

    static Answer createSubnet(KeyPair owner, KeyPair ownerHotkey, String name, Map<String, String> headers) {
        Map<String, Object> identity = new LinkedHashMap<>();
        identity.put("name", name);
        identity.put("description", "a subnet of " + name);
        identity.put("url", "https://example.org/" + name);
        identity.put("contact", name + "@example.org");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ownerColdkey", owner.address());
        body.put("ownerHotkey", ownerHotkey.address());
        body.put("taskType", "echo");
        body.put("identity", identity);
        return reg.send("POST", "/api/v1/subnets", body, owner, headers);
    }

    static int newSubnet(String name) {
        KeyPair owner = key(name + "-owner");
        fund(owner, 10_000 * TAO);
        Answer a = createSubnet(owner, key(name + "-owner-hot"), name, Map.of());
        assertThat(a.status()).as("create %s: %s", name, a).isEqualTo(201);
        return a.body().path("netuid").asInt();
    }

    static Answer register(int netuid, KeyPair coldkey, KeyPair hotkey, long maxPrice) {
        return reg.send("POST", "/api/v1/subnets/" + netuid + "/neurons",
                Map.of("hotkey", hotkey.address(), "maxPriceRao", maxPrice), coldkey, Map.of());
    }

    static Answer setHyperparameter(int netuid, String name, Object value, KeyPair signer, boolean admin) {
        Map<String, String> headers = admin ? Map.of("X-Taonet-Admin-Key", TestNetwork.ADMIN_KEY) : Map.of();
        return reg.send("PUT", "/api/v1/subnets/" + netuid + "/hyperparameters/" + name, Map.of("value", value), signer,
                headers);
    }

    /** Moves the clock out of the owner's freeze window before the subnet's next epoch. */
    static void quietBlock(int netuid) {
        int tempo = reg.get("/api/v1/subnets/" + netuid).body().path("hyperparameters").path("tempo").asInt();
        while (EpochSchedule.blocksUntilNextEpoch(netuid, tempo, TestNetwork.CLOCK.currentBlock()) <= 10) {
            TestNetwork.CLOCK.advance(1);
        }
    }

    static Map<Integer, JsonNode> neurons(int netuid) {
        Map<Integer, JsonNode> byUid = new java.util.TreeMap<>();
        reg.get("/api/v1/subnets/" + netuid + "/neurons").body().path("neurons")
                .forEach(n -> byUid.put(n.path("uid").asInt(), n));
        return byUid;
    }

    static long price(int netuid) {
        return reg.get("/api/v1/subnets/" + netuid + "/registration-price").body().path("priceRao").asLong();
    }

    static void publishSettlement(int netuid, long epoch, Map<Integer, String> hotkeys, Map<Integer, Long> raoByUid) {
        List<EpochSettled.UidPayout> payouts = new ArrayList<>();
        raoByUid.forEach((uid, rao) -> payouts.add(new EpochSettled.UidPayout(uid, hotkeys.get(uid), rao, 0)));
        long total = raoByUid.values().stream().mapToLong(Long::longValue).sum();
        EpochSettled e = new EpochSettled(netuid, epoch, 360, total, 0, total, total, payouts);
        send(Topics.LEDGER_SETTLEMENTS, netuid, "EpochSettled", TestNetwork.CLOCK.currentBlock(), codec.encode(e));
    }

    /** Registry events seen so far (polled now) of {@code type} for {@code netuid}. */
    static List<JsonNode> eventsOf(String type, int netuid) {
        for (ConsumerRecord<String, String> r : events.poll(Duration.ofMillis(200))) {
            seen.add(r);
        }
        List<JsonNode> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : seen) {
            String t = new String(r.headers().lastHeader(EventHeaders.EVENT_TYPE).value(), StandardCharsets.UTF_8);
            JsonNode payload = Api.JSON.readTree(r.value());
            if (t.equals(type) && payload.path("netuid").asInt() == netuid) {
                out.add(payload);
            }
        }
        return out;
    }

    static String tao(long rao) {
        return java.math.BigDecimal.valueOf(rao, 9).toPlainString();
    }

    static JdbcClient registryDb() {
        return registry.bean(JdbcClient.class);
    }

    static void trace(String line) {
        System.out.println("[replacement-trace] " + line);
    }

    // ---------------------------------------------------------------- tests

    @Test
    @Order(1)
    void healthAndCreationLocksTheLockCost() {
        assertThat(reg.get("/actuator/health").body().path("status").asString()).isEqualTo("UP");
        KeyPair owner = key("alice");
        fund(owner, 1_000 * TAO);
        Answer prices = reg.get("/api/v1/prices/lock-cost");
        long cost = prices.body().path("lockCostRao").asLong();
        assertThat(cost).isEqualTo(10 * TAO); // the first subnet costs min_lock

        Answer created = createSubnet(owner, key("alice-hot"), "alpha", Map.of("Idempotency-Key", "create-alpha"));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        int netuid = created.body().path("netuid").asInt();
        assertThat(netuid).isEqualTo(1);
        assertThat(created.body().path("lockRao").asLong()).isEqualTo(10 * TAO);
        assertThat(free(owner)).isEqualTo(990 * TAO);
        assertAuditOk();

        // the same Idempotency-Key again: the first answer, nothing charged twice
        Answer again = createSubnet(owner, key("alice-hot"), "alpha", Map.of("Idempotency-Key", "create-alpha"));
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.replayed()).isTrue();
        assertThat(again.body().path("netuid").asInt()).isEqualTo(netuid);
        assertThat(free(owner)).isEqualTo(990 * TAO);

        JsonNode subnet = reg.get("/api/v1/subnets/" + netuid).body();
        assertThat(subnet.path("neuronCount").asInt()).isEqualTo(1);
        assertThat(subnet.path("registrationPriceRao").asLong()).isEqualTo(TAO);
        assertThat(subnet.path("identity").path("name").asString()).isEqualTo("alpha");
        assertThat(subnet.path("hyperparameters").path("maxAllowedUids").asInt()).isEqualTo(256);
        assertThat(neurons(netuid).get(0).path("hotkey").asString()).isEqualTo(key("alice-hot").address());
        // creation doubled the reference price: the next subnet in this block locks 20 TAO
        assertThat(reg.get("/api/v1/prices/lock-cost").body().path("lockCostRao").asLong()).isEqualTo(20 * TAO);
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf("SubnetRegistered", netuid).size() == 1);
        JsonNode event = eventsOf("SubnetRegistered", netuid).get(0);
        assertThat(event.path("ownerColdkey").asString()).isEqualTo(owner.address());
        assertThat(event.path("lockRao").asLong()).isEqualTo(10 * TAO);
        assertThat(event.path("hyperparameters").path("tempo").asInt()).isEqualTo(360);
    }

    @Test
    @Order(2)
    void fullSubnetReplacementsFollowThePruneRule() {
        TestNetwork.CLOCK.advance(2_000);
        int netuid = newSubnet("trace");
        KeyPair owner = key("trace-owner");
        quietBlock(netuid);
        assertThat(setHyperparameter(netuid, "max_allowed_uids", 4, owner, false).status()).isEqualTo(200);
        assertThat(setHyperparameter(netuid, "immunity_period", 100, owner, false).status()).isEqualTo(200);
        assertThat(setHyperparameter(netuid, "min_non_immune_uids", 1, null, true).status()).isEqualTo(200);
        trace("subnet " + netuid + ": max_allowed_uids 4, immunity_period 100, min_non_immune_uids 1 (block "
                + TestNetwork.CLOCK.currentBlock() + ")");

        KeyPair miner = key("trace-miner");
        fund(miner, 1_000 * TAO);
        Map<Integer, String> holder = new HashMap<>();
        holder.put(0, key("trace-owner-hot").address());
        long expectedFree = free(miner);
        long p = price(netuid);
        for (int i = 1; i <= 3; i++) {
            KeyPair hot = key("trace-hot-" + i);
            Answer a = register(netuid, miner, hot, 10 * TAO);
            assertThat(a.status()).as("%s", a).isEqualTo(201);
            assertThat(a.body().path("uid").asInt()).isEqualTo(i);
            assertThat(a.body().path("burnRao").asLong()).isEqualTo(p); // each pays what the previous one left, ×1.26
            expectedFree -= p;
            assertThat(free(miner)).isEqualTo(expectedFree);
            assertAuditOk();
            holder.put(i, hot.address());
            trace("block " + a.body().path("registrationBlock").asLong() + ": hotkey " + i + " → UID " + i
                    + " (appended), paid " + tao(p) + " TAO, payer's free balance " + tao(expectedFree) + " TAO, audit ok");
            p = RegistrationPrice.afterRegistration(p, DEFAULT_BURN);
            if (i == 1) {
                TestNetwork.CLOCK.advance(1); // UID 1 registers a block before UIDs 2 and 3, which share one
                p = RegistrationPrice.at(p, 0, 1, DEFAULT_BURN);
            }
        }
        // decay across blocks, as the API reports it
        assertThat(price(netuid)).isEqualTo(p);
        TestNetwork.CLOCK.advance(360);
        assertThat(price(netuid)).isEqualTo(RegistrationPrice.at(p, 0, 360, DEFAULT_BURN)).isEqualTo(p / 2);
        trace("360 blocks later the price halved: " + tao(p) + " → " + tao(price(netuid)) + " TAO");

        // hotkey 2 serves; its metadata must go with its UID
        Answer served = reg.send("PUT", "/api/v1/serving/" + netuid + "/" + holder.get(2),
                Map.of("accelerator", "cpu", "memoryMib", 1024, "taskTypes", List.of(Map.of("name", "echo", "version", "1",
                        "backend", "cpu")), "version", "0.1.0"), key("trace-hot-2"), Map.of());
        assertThat(served.status()).as("%s", served).isEqualTo(200);

        // the ledger settles an epoch: UID 1 earned 300, UIDs 2 and 3 earned 100 each, the owner nothing
        publishSettlement(netuid, 1, holder, Map.of(0, 0L, 1, 300L, 2, 100L, 3, 100L));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> neurons(netuid).get(1).path("emissionRao").asLong() == 300);
        trace("EpochSettled epoch 1: UID 0 (owner) 0, UID 1 300, UID 2 100, UID 3 100 rao");
        TestNetwork.CLOCK.advance(100); // everyone is past the immunity period of 100 blocks

        long payerBefore = free(miner);
        long priceNow = price(netuid);
        Answer r4 = register(netuid, miner, key("trace-hot-4"), 10 * TAO);
        assertThat(r4.status()).as("%s", r4).isEqualTo(201);
        // lowest emission: UIDs 2 and 3 (100 each), registered in the same block, so the lower UID goes: 2.
        // The owner's UID 0 (emission 0) is never a candidate.
        assertThat(r4.body().path("uid").asInt()).isEqualTo(2);
        assertThat(r4.body().path("replacedHotkey").asString()).isEqualTo(holder.get(2));
        assertThat(free(miner)).isEqualTo(payerBefore - priceNow);
        assertAuditOk();
        trace("block " + TestNetwork.CLOCK.currentBlock() + ": subnet full (4/4); hotkey 4 → replaces UID 2 (was hotkey 2:"
                + " emission 100 rao, tied with UID 3, same registration block, lower UID; owner skipped), paid "
                + tao(priceNow) + " TAO, audit ok");
        holder.put(2, key("trace-hot-4").address());
        assertThat(reg.get("/api/v1/serving/" + netuid).body().path("serving").size()).isZero();
        JsonNode uid2 = neurons(netuid).get(2);
        assertThat(uid2.path("emissionRao").asLong()).isZero();
        assertThat(uid2.path("immune").asBoolean()).isTrue();
        assertThat(uid2.path("serving").isNull() || uid2.path("serving").isMissingNode()).isTrue();

        TestNetwork.CLOCK.advance(10);
        Answer r5 = register(netuid, miner, key("trace-hot-5"), 10 * TAO);
        // non-immune: UID 1 (300) and UID 3 (100): 2 > min_non_immune_uids 1 → the lowest non-immune: UID 3
        assertThat(r5.body().path("uid").asInt()).as("%s", r5).isEqualTo(3);
        assertThat(r5.body().path("replacedImmune").asBoolean()).isFalse();
        trace("block " + TestNetwork.CLOCK.currentBlock() + ": hotkey 5 → replaces UID 3 (hotkey 3: emission 100;"
                + " UID 2 is immune, 2 non-immune > floor 1), paid " + tao(r5.body().path("burnRao").asLong()) + " TAO");
        holder.put(3, key("trace-hot-5").address());

        TestNetwork.CLOCK.advance(10);
        Answer r6 = register(netuid, miner, key("trace-hot-6"), 10 * TAO);
        // non-immune: only UID 1 — at the floor of 1, so the lowest immune goes: UIDs 2 and 3 both 0 rao, UID 2 older
        assertThat(r6.body().path("uid").asInt()).as("%s", r6).isEqualTo(2);
        assertThat(r6.body().path("replacedImmune").asBoolean()).isTrue();
        assertThat(r6.body().path("replacedHotkey").asString()).isEqualTo(key("trace-hot-4").address());
        trace("block " + TestNetwork.CLOCK.currentBlock() + ": hotkey 6 → replaces UID 2 (hotkey 4, immune: only 1"
                + " non-immune UID left = the floor, so the lowest-emission immune one, the older of two at 0 rao), paid "
                + tao(r6.body().path("burnRao").asLong()) + " TAO");
        assertAuditOk();
        Map<Integer, JsonNode> finalNeurons = neurons(netuid);
        assertThat(finalNeurons).hasSize(4);
        assertThat(finalNeurons.get(0).path("hotkey").asString()).isEqualTo(holder.get(0));
        assertThat(finalNeurons.get(1).path("hotkey").asString()).isEqualTo(holder.get(1));
        trace("final: " + finalNeurons.values().stream().map(n -> "UID " + n.path("uid").asInt() + " hotkey "
                + n.path("hotkey").asString().substring(0, 8) + "… emission " + n.path("emissionRao").asLong())
                .toList());

        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf("NeuronReplaced", netuid).size() == 3);
        JsonNode firstReplacement = eventsOf("NeuronReplaced", netuid).get(0);
        assertThat(firstReplacement.path("uid").asInt()).isEqualTo(2);
        assertThat(firstReplacement.path("previousHotkey").asString()).isEqualTo(key("trace-hot-2").address());
        assertThat(firstReplacement.path("coldkey").asString()).isEqualTo(miner.address());
        assertThat(eventsOf("NeuronRegistered", netuid)).hasSize(3);

        // Three appended and three replacements, counted apart; the subnet's creation too.
        String metrics = org.springframework.web.client.RestClient.create(registry.baseUrl()).get()
                .uri("/actuator/prometheus").retrieve().body(String.class);
        String subnet = "netuid=\"" + netuid + "\"";
        assertThat(sample(metrics, "taonet_registry_registrations_total", subnet, "kind=\"new\"")).isEqualTo(3.0);
        assertThat(sample(metrics, "taonet_registry_registrations_total", subnet, "kind=\"replacement\"")).isEqualTo(3.0);
        assertThat(sample(metrics, "taonet_registry_subnet_creations_total")).isGreaterThanOrEqualTo(1.0);
    }

    /** The value of the first Prometheus sample of {@code name} whose labels contain all of {@code labels}. */
    static double sample(String metrics, String name, String... labels) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") && java.util.Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " with " + String.join(",", labels) + " not in the Prometheus output"));
    }

    @Test
    @Order(3)
    void badInputsAre4xxAndChangeNothing() {
        TestNetwork.CLOCK.advance(2_000);
        int netuid = newSubnet("strict");
        KeyPair payer = key("strict-payer");
        KeyPair other = key("strict-other");
        fund(payer, 100 * TAO);
        fund(other, 100 * TAO);
        KeyPair hot = key("strict-hot");
        assertThat(register(netuid, payer, hot, 2 * TAO).status()).isEqualTo(201);
        long payerFree = free(payer);
        long otherFree = free(other);
        int count = neurons(netuid).size();

        record Case(String name, Answer answer, int status, String type) {
        }
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("unknown subnet", register(999, payer, key("strict-x"), 2 * TAO), 404, "unknown-subnet"));
        // every read of a subnet names it in the path: an unknown netuid or UID is a 404, not an empty answer
        for (String read : List.of("/api/v1/subnets/999", "/api/v1/subnets/999/hyperparameters",
                "/api/v1/subnets/999/registration-price", "/api/v1/prices/registration/999",
                "/api/v1/subnets/999/neurons", "/api/v1/subnets/999/neurons/0", "/api/v1/serving/999",
                "/api/v1/serving/999/" + hot.address())) {
            cases.add(new Case("read of an unknown subnet: " + read, reg.get(read), 404, "unknown-subnet"));
        }
        cases.add(new Case("read of an unknown UID", reg.get("/api/v1/subnets/" + netuid + "/neurons/4095"), 404,
                "unknown-uid"));
        cases.add(new Case("duplicate hotkey", register(netuid, payer, hot, 2 * TAO), 409, "hotkey-already-registered"));
        cases.add(new Case("another coldkey's hotkey", register(netuid, other, hot, 2 * TAO), 403,
                "hotkey-owned-by-another-coldkey"));
        cases.add(new Case("price above the limit", register(netuid, payer, key("strict-y"), TAO), 422,
                "price-above-limit"));
        cases.add(new Case("malformed hotkey", reg.send("POST", "/api/v1/subnets/" + netuid + "/neurons",
                Map.of("hotkey", "5NotAnAddress", "maxPriceRao", 2 * TAO), payer, Map.of()), 400, "invalid-address"));
        cases.add(new Case("no limit", reg.send("POST", "/api/v1/subnets/" + netuid + "/neurons",
                Map.of("hotkey", key("strict-z").address()), payer, Map.of()), 400, "invalid-amount"));
        cases.add(new Case("unsigned", reg.send("POST", "/api/v1/subnets/" + netuid + "/neurons",
                Map.of("hotkey", key("strict-z").address(), "maxPriceRao", 2 * TAO), null, Map.of()), 401,
                "signature-missing"));
        Map<String, String> forged = new HashMap<>(new net.taonet.identity.RequestSigner(payer).headers("POST",
                "/api/v1/subnets/" + netuid + "/neurons", "{}".getBytes()));
        cases.add(new Case("bad signature (signed another body)", reg.send("POST", "/api/v1/subnets/" + netuid + "/neurons",
                Map.of("hotkey", key("strict-z").address(), "maxPriceRao", 2 * TAO), null, forged), 401,
                "signature-invalid"));
        Map<String, String> once = new net.taonet.identity.RequestSigner(key("strict-replayer")).headers("POST",
                "/api/v1/subnets/" + netuid + "/neurons", Api.JSON.writeValueAsBytes(
                        Map.of("hotkey", key("strict-r").address(), "maxPriceRao", TAO / 1000)));
        reg.send("POST", "/api/v1/subnets/" + netuid + "/neurons",
                Map.of("hotkey", key("strict-r").address(), "maxPriceRao", TAO / 1000), null, once); // a 422, but its nonce is spent
        cases.add(new Case("replayed signature", reg.send("POST", "/api/v1/subnets/" + netuid + "/neurons",
                Map.of("hotkey", key("strict-r").address(), "maxPriceRao", TAO / 1000), null, once), 401,
                "signature-replayed"));
        cases.add(new Case("malformed owner hotkey", reg.send("POST", "/api/v1/subnets", Map.of("ownerHotkey", "xyz",
                "taskType", "echo", "identity", Map.of("name", "bad")), payer, Map.of()), 400, "invalid-address"));
        cases.add(new Case("creation signed by someone else", reg.send("POST", "/api/v1/subnets",
                Map.of("ownerColdkey", other.address(), "ownerHotkey", key("strict-q").address(), "taskType", "echo",
                        "identity", Map.of("name", "bad")), payer, Map.of()), 403, "not-owner"));
        cases.add(new Case("creation with another coldkey's hotkey", createSubnet(other, hot, "stolen", Map.of()), 403,
                "hotkey-owned-by-another-coldkey"));
        cases.add(new Case("malformed JSON", reg.send("POST", "/api/v1/subnets/" + netuid + "/neurons",
                "not json", payer, Map.of()), 400, null));
        quietBlock(netuid);
        cases.add(new Case("admin parameter by the owner", setHyperparameter(netuid, "kappa", 1, key("strict-owner"), false),
                403, "admin-only-hyperparameter"));
        cases.add(new Case("parameter by a stranger", setHyperparameter(netuid, "tempo", 400, other, false), 403,
                "not-owner"));
        cases.add(new Case("parameter out of range", setHyperparameter(netuid, "tempo", 5, key("strict-owner"), false),
                422, "hyperparameter-out-of-range"));
        cases.add(new Case("wrong admin key", reg.send("PUT", "/api/v1/subnets/" + netuid + "/hyperparameters/kappa",
                Map.of("value", 1), null, Map.of("X-Taonet-Admin-Key", "guess")), 401, "admin-key-invalid"));
        cases.add(new Case("unknown parameter", setHyperparameter(netuid, "task_type", "chat", key("strict-owner"), false),
                404, "unknown-hyperparameter"));
        for (Case c : cases) {
            assertThat(c.answer().status()).as("%s: %s", c.name(), c.answer()).isEqualTo(c.status());
            if (c.type() != null) {
                assertThat(c.answer().type()).as("%s: %s", c.name(), c.answer()).isEqualTo(c.type());
            }
        }
        JsonNode range = cases.stream().filter(c -> c.name().equals("parameter out of range")).findFirst().orElseThrow()
                .answer().body().path("allowedRange");
        assertThat(range.path("min").asLong()).isEqualTo(10);
        assertThat(range.path("max").asLong()).isEqualTo(50_400);

        // registration switched off by the admin
        assertThat(setHyperparameter(netuid, "registration_allowed", false, null, true).status()).isEqualTo(200);
        Answer off = register(netuid, payer, key("strict-w"), 2 * TAO);
        assertThat(off.status()).isEqualTo(409);
        assertThat(off.type()).isEqualTo("registration-disabled");

        // nothing changed: balances, neurons, the charges journal has only the one registration that succeeded
        assertThat(free(payer)).isEqualTo(payerFree);
        assertThat(free(other)).isEqualTo(otherFree);
        assertThat(neurons(netuid)).hasSize(count);
        assertThat(registryDb().sql("SELECT count(*) FROM ledger_charge WHERE netuid = ? AND kind = 'BURN'")
                .param(netuid).query(Integer.class).single()).isEqualTo(1);
        assertThat(reg.get("/api/v1/subnets/" + netuid).body().path("hyperparameters").path("tempo").asInt()).isEqualTo(360);
        assertAuditOk();
    }

    @Test
    @Order(4)
    void insufficientFundsAreRefusedByTheLedgerAndChangeNothing() {
        TestNetwork.CLOCK.advance(2_000);
        int netuid = newSubnet("poor");
        KeyPair poor = key("poor-payer");
        fund(poor, TAO / 2);
        Answer a = register(netuid, poor, key("poor-hot"), 2 * TAO);
        assertThat(a.status()).as("%s", a).isEqualTo(422);
        assertThat(a.type()).isEqualTo("insufficient-balance");
        assertThat(free(poor)).isEqualTo(TAO / 2);
        assertThat(neurons(netuid)).hasSize(1);
        assertThat(registryDb().sql("SELECT state FROM ledger_charge WHERE netuid = ? AND kind = 'BURN'").param(netuid)
                .query(String.class).single()).isEqualTo("FAILED");
        // the hotkey was not claimed by the failed attempt: a funded coldkey may take it
        KeyPair rich = key("poor-rich");
        fund(rich, 10 * TAO);
        assertThat(register(netuid, rich, key("poor-hot"), 2 * TAO).status()).isEqualTo(201);
        assertAuditOk();
    }

    @Test
    @Order(5)
    void concurrentRegistrationsOnANearlyFullSubnet() throws Exception {
        TestNetwork.CLOCK.advance(2_000);
        int netuid = newSubnet("crowd");
        quietBlock(netuid);
        assertThat(setHyperparameter(netuid, "max_allowed_uids", 6, key("crowd-owner"), false).status()).isEqualTo(200);
        KeyPair early = key("crowd-early");
        fund(early, 100 * TAO);
        for (int i = 0; i < 3; i++) {
            assertThat(register(netuid, early, key("crowd-early-" + i), 100 * TAO).status()).isEqualTo(201);
        }
        long startPrice = price(netuid);
        int n = 8;
        List<KeyPair> payers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            KeyPair c = key("crowd-payer-" + i);
            fund(c, 100 * TAO);
            payers.add(c);
        }
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Answer>> futures = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int k = i;
            futures.add(pool.submit(() -> register(netuid, payers.get(k), key("crowd-hot-" + k), 100 * TAO)));
        }
        List<Long> paid = new ArrayList<>();
        for (Future<Answer> f : futures) {
            Answer a = f.get(120, TimeUnit.SECONDS);
            assertThat(a.status()).as("%s", a).isEqualTo(201);
            paid.add(a.body().path("burnRao").asLong());
        }
        pool.shutdown();
        // one block, eight registrations: each paid the price the previous one left, bumped ×1.26 once
        List<Long> expected = new ArrayList<>();
        long p = startPrice;
        for (int i = 0; i < n; i++) {
            expected.add(p);
            p = RegistrationPrice.afterRegistration(p, DEFAULT_BURN);
        }
        assertThat(paid.stream().sorted().toList()).isEqualTo(expected);
        assertThat(price(netuid)).isEqualTo(p);
        Map<Integer, JsonNode> after = neurons(netuid);
        assertThat(after.keySet()).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(after.values().stream().map(x -> x.path("hotkey").asString()).distinct().count()).isEqualTo(6);
        for (int i = 0; i < n; i++) {
            assertThat(free(payers.get(i))).isEqualTo(100 * TAO - paid.get(i));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                eventsOf("NeuronRegistered", netuid).size() + eventsOf("NeuronReplaced", netuid).size() == 3 + n);
        assertAuditOk();
    }

    @Test
    @Order(6)
    void aRetryAfterATimeoutUsesTheSameRequestIdAndChargesOnce() {
        TestNetwork.CLOCK.advance(2_000);
        int netuid = newSubnet("slow");
        KeyPair payer = key("slow-payer");
        fund(payer, 10 * TAO);
        long before = free(payer);
        proxy.clearSeen();
        proxy.slowMillis(2_500);
        proxy.mode(FaultyProxy.Mode.SLOW_FIRST_CHARGE);
        Answer a = register(netuid, payer, key("slow-hot"), 2 * TAO);
        assertThat(a.status()).as("%s", a).isEqualTo(201);
        String requestId = a.body().path("chargeRequestId").asString();
        List<FaultyProxy.Seen> burns = proxy.seen().stream().filter(s -> s.path().endsWith("/burn")).toList();
        assertThat(burns).hasSizeGreaterThanOrEqualTo(2);
        assertThat(burns).allSatisfy(s -> assertThat(s.body()).contains(requestId));
        assertThat(free(payer)).isEqualTo(before - TAO);
        Answer charge = led.send("GET", "/internal/charges/" + requestId, null, null,
                Map.of("X-Taonet-Service-Key", TestNetwork.SERVICE_KEY));
        assertThat(charge.body().path("state").asString()).isEqualTo("CHARGED");
        assertAuditOk();
    }

    @Test
    @Order(7)
    void ledgerDownIs503NothingRegisteredAndTheCircuitOpens() {
        TestNetwork.CLOCK.advance(2_000);
        int netuid = newSubnet("down");
        KeyPair payer = key("down-payer");
        fund(payer, 10 * TAO);
        long before = free(payer);
        CircuitBreaker breaker = registry.bean(CircuitBreaker.class);
        proxy.mode(FaultyProxy.Mode.DOWN);
        Answer first = register(netuid, payer, key("down-hot-1"), 2 * TAO);
        assertThat(first.status()).as("%s", first).isEqualTo(503);
        assertThat(first.type()).isEqualTo("ledger-unavailable");
        Answer second = register(netuid, payer, key("down-hot-2"), 2 * TAO);
        assertThat(second.status()).isEqualTo(503);
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.OPEN);
        long t0 = System.nanoTime();
        Answer fast = register(netuid, payer, key("down-hot-3"), 2 * TAO);
        assertThat(fast.status()).isEqualTo(503);
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(1_000)); // no waiting on a dead ledger
        assertThat(neurons(netuid)).hasSize(1);

        proxy.mode(FaultyProxy.Mode.PASS);
        assertThat(free(payer)).isEqualTo(before);
        // the circuit half-opens after its wait and the ledger answers again
        java.util.concurrent.atomic.AtomicInteger refusedWhileOpen = new java.util.concurrent.atomic.AtomicInteger();
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            Answer a = register(netuid, payer, key("down-hot-4"), 2 * TAO);
            if (a.status() == 503) {
                refusedWhileOpen.incrementAndGet();
            }
            return a.status() == 201;
        });
        assertThat(free(payer)).isEqualTo(before - TAO);
        // the charges that never reached the ledger are abandoned by the reconciliation (nothing to refund)
        ChargeReconciler reconciler = registry.bean(ChargeReconciler.class);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            reconciler.reconcileOnce();
            return registryDb().sql("SELECT count(*) FROM ledger_charge WHERE netuid = ? AND state = 'PENDING'")
                    .param(netuid).query(Integer.class).single() == 0;
        });
        assertThat(registryDb().sql("SELECT count(*) FROM ledger_charge WHERE netuid = ? AND state = 'ABANDONED'")
                .param(netuid).query(Integer.class).single()).isEqualTo(3 + refusedWhileOpen.get());
        assertThat(free(payer)).isEqualTo(before - TAO);
        assertAuditOk();
    }

    @Test
    @Order(8)
    void aFlowKilledBetweenChargeAndCommitIsRefundedByTheReconciliation() {
        TestNetwork.CLOCK.advance(2_000);
        int netuid = newSubnet("crash");
        KeyPair payer = key("crash-payer");
        fund(payer, 10 * TAO);
        long before = free(payer);
        TestNetwork.AFTER_CHARGE.set(id -> {
            throw new SimulatedCrash();
        });
        Answer a = register(netuid, payer, key("crash-hot"), 2 * TAO);
        TestNetwork.AFTER_CHARGE.set(id -> { });
        assertThat(a.status()).as("%s", a).isGreaterThanOrEqualTo(500);
        // the ledger charged; the registry registered nothing and published nothing
        assertThat(free(payer)).isEqualTo(before - TAO);
        assertThat(neurons(netuid)).hasSize(1);
        assertThat(registryDb().sql("SELECT count(*) FROM outbox_event WHERE payload LIKE ?")
                .param("%" + key("crash-hot").address() + "%").query(Long.class).single()).isZero();
        UUID requestId = registryDb().sql("SELECT request_id FROM ledger_charge WHERE netuid = ? AND kind = 'BURN'")
                .param(netuid).query(UUID.class).single();
        assertThat(registryDb().sql("SELECT state FROM ledger_charge WHERE request_id = ?").param(requestId)
                .query(String.class).single()).isEqualTo("PENDING");
        assertThat(led.send("GET", "/internal/charges/" + requestId, null, null,
                Map.of("X-Taonet-Service-Key", TestNetwork.SERVICE_KEY)).body().path("state").asString()).isEqualTo("CHARGED");

        ChargeReconciler reconciler = registry.bean(ChargeReconciler.class);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).until(() -> {
            reconciler.reconcileOnce();
            return "REFUNDED".equals(registryDb().sql("SELECT state FROM ledger_charge WHERE request_id = ?")
                    .param(requestId).query(String.class).single());
        });
        assertThat(free(payer)).isEqualTo(before);
        assertThat(led.send("GET", "/internal/charges/" + requestId, null, null,
                Map.of("X-Taonet-Service-Key", TestNetwork.SERVICE_KEY)).body().path("state").asString()).isEqualTo("REFUNDED");
        assertThat(reconciler.reconcileOnce()).isZero(); // nothing refunded twice
        assertThat(eventsOf("NeuronRegistered", netuid)).isEmpty();
        assertAuditOk();
    }

    @Test
    @Order(9)
    void servingAndHyperparametersAndEvents() {
        TestNetwork.CLOCK.advance(2_000);
        int netuid = newSubnet("serve");
        KeyPair owner = key("serve-owner");
        KeyPair payer = key("serve-payer");
        KeyPair hot = key("serve-hot");
        fund(payer, 10 * TAO);
        assertThat(register(netuid, payer, hot, 2 * TAO).status()).isEqualTo(201);
        String path = "/api/v1/serving/" + netuid + "/" + hot.address();
        Map<String, Object> body = Map.of("netuid", netuid, "hotkey", hot.address(), "accelerator", "NVIDIA H100",
                "memoryMib", 81_559, "taskTypes", List.of(Map.of("name", "gemm", "version", "1", "backend", "cuda")),
                "version", "0.1.0", "endpoint", "http://localhost:8091");
        assertThat(reg.send("PUT", path, body, payer, Map.of()).status()).isEqualTo(403); // the coldkey is not the hotkey
        Answer ok = reg.send("PUT", path, body, hot, Map.of());
        assertThat(ok.status()).as("%s", ok).isEqualTo(200);
        assertThat(ok.body().path("uid").asInt()).isEqualTo(1);
        Answer limited = reg.send("PUT", path, body, hot, Map.of());
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.body().path("nextAllowedBlock").asLong()).isEqualTo(TestNetwork.CLOCK.currentBlock() + 50);
        assertThat(reg.send("PUT", "/api/v1/serving/" + netuid + "/" + key("serve-nobody").address(), body,
                key("serve-nobody"), Map.of()).status()).isEqualTo(400); // body hotkey ≠ path
        JsonNode listed = neurons(netuid).get(1);
        assertThat(listed.path("serving").path("accelerator").asString()).isEqualTo("NVIDIA H100");
        JsonNode byHotkey = reg.get("/api/v1/neurons/" + hot.address()).body();
        assertThat(byHotkey.path("coldkey").asString()).isEqualTo(payer.address());
        assertThat(byHotkey.path("neurons").get(0).path("uid").asInt()).isEqualTo(1);
        assertThat(reg.get("/api/v1/neurons/" + key("serve-nobody").address()).body().path("neurons").size()).isZero();
        assertThat(reg.get("/api/v1/neurons/not-an-address").status()).isEqualTo(400);

        quietBlock(netuid);
        Answer set = setHyperparameter(netuid, "bonds_moving_average", 950_000, owner, false);
        assertThat(set.status()).as("%s", set).isEqualTo(200);
        Answer again = setHyperparameter(netuid, "bonds_moving_average", 960_000, owner, false);
        assertThat(again.status()).isEqualTo(429);
        assertThat(again.body().path("nextAllowedBlock").asLong()).isEqualTo(set.body().path("block").asLong() + 720);
        Answer admin = setHyperparameter(netuid, "kappa", 40_000, null, true); // the admin needs no signature
        assertThat(admin.status()).as("%s", admin).isEqualTo(200);
        JsonNode h = reg.get("/api/v1/subnets/" + netuid + "/hyperparameters").body();
        assertThat(h.path("hyperparameters").path("bondsMovingAverage").asLong()).isEqualTo(950_000);
        assertThat(h.path("hyperparameters").path("kappa").asInt()).isEqualTo(40_000);
        await().atMost(Duration.ofSeconds(30)).until(() -> eventsOf("SubnetHyperparametersChanged", netuid).size() == 2);
        assertThat(eventsOf("SubnetHyperparametersChanged", netuid).get(1).path("changed").asString()).isEqualTo("kappa");
        assertThat(eventsOf("SubnetHyperparametersChanged", netuid).get(1).path("hyperparameters")
                .path("bondsMovingAverage").asLong()).isEqualTo(950_000);
        JsonNode all = reg.get("/api/v1/prices").body();
        assertThat(all.path("subnets").size()).isGreaterThanOrEqualTo(netuid);
    }

    @Test
    @Order(10)
    void settlementsAreAppliedOnceAndNeverOutOfOrder() {
        int netuid = 1;
        LedgerEventsListener listener = registry.bean(LedgerEventsListener.class);
        String owner = key("alice-hot").address();
        EpochSettled e5 = new EpochSettled(netuid, 5, 360, 77, 0, 77, 77, List.of(new EpochSettled.UidPayout(0, owner, 70, 7)));
        UUID id = UUID.randomUUID();
        InboundEvent event = new InboundEvent(id, "EpochSettled", 1, 1, Topics.LEDGER_SETTLEMENTS, "1", codec.encode(e5));
        assertThat(listener.handle(event)).isTrue();
        assertThat(listener.handle(event)).isFalse(); // the same event again: no second effect
        assertThat(neurons(netuid).get(0).path("emissionRao").asLong()).isEqualTo(77);
        EpochSettled e4 = new EpochSettled(netuid, 4, 360, 5, 0, 5, 5, List.of(new EpochSettled.UidPayout(0, owner, 5, 0)));
        listener.handle(new InboundEvent(UUID.randomUUID(), "EpochSettled", 1, 1, Topics.LEDGER_SETTLEMENTS, "1",
                codec.encode(e4)));
        assertThat(neurons(netuid).get(0).path("emissionRao").asLong()).isEqualTo(77); // an older epoch changes nothing

        var stake = new net.taonet.events.ledger.StakeChanged(netuid, owner, key("alice").address(), 5 * TAO, 5 * TAO,
                "add");
        InboundEvent staked = new InboundEvent(UUID.randomUUID(), "StakeChanged", 1, 1, Topics.LEDGER_STAKES, "1",
                codec.encode(stake));
        assertThat(listener.handle(staked)).isTrue();
        assertThat(listener.handle(staked)).isFalse();
        assertThat(neurons(netuid).get(0).path("stakeRao").asLong()).isEqualTo(5 * TAO);
    }

    @Test
    @Order(11)
    void theLedgersOwnSettlementDrivesThePruneRule() {
        TestNetwork.CLOCK.advance(2_000);
        int netuid = newSubnet("settled");
        KeyPair owner = key("settled-owner");
        quietBlock(netuid);
        assertThat(setHyperparameter(netuid, "max_allowed_uids", 3, owner, false).status()).isEqualTo(200);
        assertThat(setHyperparameter(netuid, "immunity_period", 50, owner, false).status()).isEqualTo(200);
        assertThat(setHyperparameter(netuid, "min_non_immune_uids", 0, null, true).status()).isEqualTo(200);
        KeyPair payer = key("settled-payer");
        fund(payer, 100 * TAO);
        KeyPair strong = key("settled-strong");
        KeyPair weak = key("settled-weak");
        assertThat(register(netuid, payer, strong, 10 * TAO).body().path("uid").asInt()).isEqualTo(1);
        assertThat(register(netuid, payer, weak, 10 * TAO).body().path("uid").asInt()).isEqualTo(2);
        String ownerHot = key("settled-owner-hot").address();

        // consensus' part, played by the test: two epochs (the first starts the accrual, the second pays)
        long first = TestNetwork.CLOCK.advance(10);
        publishEpochCompleted(netuid, 1, first, ownerHot, strong.address(), weak.address(), 0, 0);
        long second = TestNetwork.CLOCK.advance(361);
        publishEpochCompleted(netuid, 2, second, ownerHot, strong.address(), weak.address(), 1L << 31, 1L << 30);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300))
                .until(() -> reg.get("/api/v1/subnets/" + netuid).body().path("lastSettledEpoch").asLong(0) == 2);
        Map<Integer, JsonNode> paid = neurons(netuid);
        long strongRao = paid.get(1).path("emissionRao").asLong();
        long weakRao = paid.get(2).path("emissionRao").asLong();
        trace("subnet " + netuid + ": the ledger settled epoch 2 → UID 1 " + tao(strongRao) + " TAO, UID 2 "
                + tao(weakRao) + " TAO (½ and ¼ of the epoch's emission)");
        assertThat(weakRao).isPositive();
        assertThat(strongRao).isGreaterThan(weakRao);
        assertAuditOk();

        TestNetwork.CLOCK.advance(60); // both past immunity
        Answer r = register(netuid, payer, key("settled-newcomer"), 10 * TAO);
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        assertThat(r.body().path("uid").asInt()).isEqualTo(2);
        assertThat(r.body().path("replacedHotkey").asString()).isEqualTo(weak.address());
        assertThat(r.body().path("replacedEmissionRao").asLong()).isEqualTo(weakRao);
        trace("block " + TestNetwork.CLOCK.currentBlock() + ": newcomer → replaces UID 2 (settled emission "
                + tao(weakRao) + " TAO < UID 1's " + tao(strongRao) + " TAO), audit ok");
        assertAuditOk();
    }

    static void publishEpochCompleted(int netuid, long epoch, long block, String ownerHot, String strong, String weak,
            long strongBits, long weakBits) {
        var uids = List.of(
                new net.taonet.events.consensus.EpochCompleted.UidResult(0, ownerHot, true, 0, 0, 0, 0, 0, true, 0, 0),
                new net.taonet.events.consensus.EpochCompleted.UidResult(1, strong, true, 0, 0, 0, 0, 0, false, strongBits, 0),
                new net.taonet.events.consensus.EpochCompleted.UidResult(2, weak, true, 0, 0, 0, 0, 0, false, weakBits, 0));
        var e = new net.taonet.events.consensus.EpochCompleted(netuid, epoch, block, "it-" + epoch, uids);
        send(Topics.CONSENSUS_EPOCHS, netuid, "EpochCompleted", block, codec.encode(e));
    }

    static void send(String topic, int netuid, String type, long block, String payload) {
        Properties p = new Properties();
        p.put("bootstrap.servers", TestKafka.bootstrapServers());
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            ProducerRecord<String, String> r = new ProducerRecord<>(topic, Integer.toString(netuid), payload);
            r.headers().add(new RecordHeader(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes()));
            r.headers().add(new RecordHeader(EventHeaders.EVENT_TYPE, type.getBytes()));
            r.headers().add(new RecordHeader(EventHeaders.EVENT_VERSION, "1".getBytes()));
            r.headers().add(new RecordHeader(EventHeaders.BLOCK, Long.toString(block).getBytes()));
            producer.send(r).get(10, TimeUnit.SECONDS);
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** Stands for the process dying: no code of the flow runs after it (it is not an Exception). */
    static final class SimulatedCrash extends Error {
        SimulatedCrash() {
            super("simulated crash between the ledger's charge and the registry's commit", null, false, false);
        }
    }
}
