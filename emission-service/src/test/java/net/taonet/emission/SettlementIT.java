package net.taonet.emission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import net.taonet.emission.emission.domain.Halving;
import net.taonet.emission.emission.domain.PayoutMath;
import net.taonet.events.EventCatalog;
import net.taonet.events.Topics;
import net.taonet.events.consensus.EpochCompleted;
import net.taonet.events.consensus.EpochCompleted.UidResult;
import net.taonet.identity.KeyPair;
import net.taonet.platform.inbox.InboundEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Epoch settlement from EpochCompleted on Kafka: exact payouts, at most once, waiting for projections. */
class SettlementIT extends LedgerItSupport {

    static final long HALF = 1L << 31;

    private final List<Integer> created = new ArrayList<>();
    private final Map<Integer, KeyPair> owners = new TreeMap<>();

    /** Settlement tests dissolve their subnets so that the next test's subnet is the only one earning. */
    @AfterEach
    void dissolveSubnets() {
        owners.forEach((netuid, owner) -> dissolve(netuid, owner));
    }

    private int subnet(KeyPair owner, KeyPair ownerHot) {
        int netuid = nextNetuid();
        registerSubnet(netuid, owner, ownerHot);
        owners.put(netuid, owner);
        return netuid;
    }

    @Test
    void settlesAnEpochExactlyOnceAndPublishesIt() {
        KeyPair owner = key(), ownerHot = key(), minerCold = key(), minerHot = key(), validatorCold = key(), validatorHot = key();
        int netuid = subnet(owner, ownerHot);
        registerNeuron(netuid, 1, minerHot, minerCold);
        registerNeuron(netuid, 2, validatorHot, validatorCold);
        KeyPair[] nominators = {key(), key(), key(), key()};
        fund(validatorCold.address(), 200 * TAO);
        stakeOn(validatorCold, validatorHot, netuid, 100 * TAO);
        for (int i = 0; i < nominators.length; i++) {
            fund(nominators[i].address(), 100 * TAO);
            stakeOn(nominators[i], validatorHot, netuid, (i + 1) * 10 * TAO);
        }
        List<UidResult> uids = List.of(uid(0, ownerHot, 0, 0), uid(1, minerHot, HALF, 0), uid(2, validatorHot, 0, HALF));

        try (KafkaConsumer<String, String> settled = consumer(Topics.LEDGER_SETTLEMENTS);
                KafkaConsumer<String, String> stakes = consumer(Topics.LEDGER_STAKES)) {
            // The first completed epoch starts the accrual and pays nothing.
            long b1 = 10_000;
            epoch(netuid, 1, b1, uids, UUID.randomUUID());
            awaitSettled(netuid, 1);
            assertThat(settlementFigure(netuid, 1, "accrued_rao")).isZero();

            long issuanceBefore = (long) audit().figures().get("issuanceRao");
            Map<String, Long> before = positions(netuid);
            UUID second = UUID.randomUUID();
            epoch(netuid, 2, b1 + 361, uids, second);
            awaitSettled(netuid, 2);

            // 361 blocks × block emission, this subnet being the only one earning (share 1).
            long accrued = 361 * Halving.blockEmission(issuanceBefore);
            assertThat(settlementFigure(netuid, 2, "accrued_rao")).isEqualTo(accrued);
            long cut = accrued * 11_796 / 65_535;
            long e = accrued - cut;
            long minerRao = e / 2;
            long validatorRao = e / 2;
            long take = validatorRao * 11_796 / 65_535;
            long rest = validatorRao - take;
            Map<String, Long> after = positions(netuid);
            assertThat(delta(before, after, owner, ownerHot, netuid)).isEqualTo(cut);
            assertThat(delta(before, after, minerCold, minerHot, netuid)).isEqualTo(minerRao);
            // Nominators: rest × stake / 200 TAO (100 + 10 + 20 + 30 + 40), parts adding up to the rest exactly.
            long[] shares = new long[5];
            long staked = 200 * TAO;
            long nominated = 0;
            for (int i = 0; i < 4; i++) {
                shares[i] = delta(before, after, nominators[i], validatorHot, netuid);
                long exact = PayoutMath.largestRemainder(rest, new long[] {(i + 1) * 10 * TAO, staked - (i + 1) * 10 * TAO})[0];
                assertThat(shares[i]).isBetween(exact - 1, exact + 1);
                nominated += shares[i];
            }
            long ownerShare = delta(before, after, validatorCold, validatorHot, netuid) - take;
            assertThat(ownerShare).isBetween(rest / 2 - 1, rest / 2 + 1);
            assertThat(nominated + ownerShare).isEqualTo(rest);
            long issuanceAfter = (long) audit().figures().get("issuanceRao");
            assertThat(issuanceAfter - issuanceBefore).isEqualTo(cut + minerRao + validatorRao);
            assertThat(settlementFigure(netuid, 2, "paid_rao")).isEqualTo(minerRao + validatorRao);

            // Duplicates: the same event again, and the same (netuid, epoch) under a new id. Then epoch 3, whose
            // settlement (same partition, later offset) proves the duplicates were processed before it.
            epoch(netuid, 2, b1 + 361, uids, second);
            epoch(netuid, 2, b1 + 361, uids, UUID.randomUUID());
            epoch(netuid, 3, b1 + 361 + 361, uids, UUID.randomUUID());
            awaitSettled(netuid, 3);
            Long count = jdbc.queryForObject("SELECT count(*) FROM settlement WHERE netuid = ?", Long.class, netuid);
            assertThat(count).isEqualTo(3);
            Map<String, Long> third = positions(netuid);
            long accrued3 = settlementFigure(netuid, 3, "accrued_rao");
            assertThat(delta(after, third, minerCold, minerHot, netuid)).isEqualTo((accrued3 - accrued3 * 11_796 / 65_535) / 2);
            assertThat(audit().ok()).isTrue();
            // Each settlement counted once (the duplicates not); the audit's figures are gauges beside it.
            // (counted just after the commit that made the rows visible, hence the wait)
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sample(prometheus(),
                    "taonet_emission_settlements_total", "netuid=\"" + netuid + "\"")).isEqualTo(3.0));
            String metrics = prometheus();
            assertThat(sample(metrics, "taonet_emission_settled_credited_rao_total", "netuid=\"" + netuid + "\""))
                    .isPositive();
            assertThat(sample(metrics, "taonet_ledger_audit_ok", "")).isEqualTo(1.0);
            assertThat(sample(metrics, "taonet_ledger_issuance_rao", "")).isPositive();
            assertThat(sample(metrics, "taonet_ledger_settlements", "")).isGreaterThanOrEqualTo(3.0);

            List<ConsumerRecord<String, String>> settledEvents = collect(settled,
                    r -> r.key().equals(Integer.toString(netuid)), l -> l.size() >= 3, Duration.ofSeconds(20));
            assertThat(settledEvents).hasSize(3);
            JsonNode s2 = json.readTree(settledEvents.get(1).value());
            assertThat(s2.get("epoch").asLong()).isEqualTo(2);
            assertThat(s2.get("blocksAccrued").asLong()).isEqualTo(361);
            assertThat(s2.get("ownerCutRao").asLong()).isEqualTo(cut);
            assertThat(s2.get("paidRao").asLong()).isEqualTo(minerRao + validatorRao);
            assertThat(s2.get("payouts")).hasSize(3);

            List<ConsumerRecord<String, String>> payoutStakes = collect(stakes,
                    r -> r.key().equals(Integer.toString(netuid)) && r.value().contains("epoch_payout"),
                    l -> l.size() >= 6, Duration.ofSeconds(20));
            assertThat(payoutStakes).hasSize(6); // owner, miner and validator hotkeys, for epochs 2 and 3
            for (ConsumerRecord<String, String> r : payoutStakes.subList(3, 6)) {
                JsonNode n = json.readTree(r.value());
                assertThat(n.get("hotkeyTotalRao").asLong()).isEqualTo(hotkeyTotal(n.get("hotkey").asString(), netuid));
            }
        }
    }

    @Test
    void perUidPayoutsOfTheLatestOrAGivenSettledEpoch() {
        KeyPair owner = key(), ownerHot = key(), minerCold = key(), minerHot = key(), validatorCold = key(), validatorHot = key();
        int netuid = subnet(owner, ownerHot);
        registerNeuron(netuid, 1, minerHot, minerCold);
        registerNeuron(netuid, 2, validatorHot, validatorCold);
        String path = "/api/v1/emission/subnets/" + netuid + "/payouts";
        ResponseEntity<String> none = get(path);
        assertThat(none.getStatusCode().value()).isEqualTo(404);
        assertThat(tree(none).get("type").asString()).isEqualTo("urn:taonet:problem:unknown-epoch");

        List<UidResult> uids = List.of(uid(0, ownerHot, 0, 0), uid(1, minerHot, HALF, 0), uid(2, validatorHot, 0, HALF));
        epoch(netuid, 1, 40_000, uids, UUID.randomUUID());
        awaitSettled(netuid, 1);
        epoch(netuid, 2, 40_361, uids, UUID.randomUUID());
        awaitSettled(netuid, 2);

        JsonNode latest = tree(get(path));
        assertThat(latest.get("epoch").asLong()).isEqualTo(2);
        assertThat(latest.get("block").asLong()).isEqualTo(40_361);
        JsonNode payouts = latest.get("payouts");
        assertThat(payouts).hasSize(3);
        long accrued = settlementFigure(netuid, 2, "accrued_rao");
        long e = accrued - accrued * 11_796 / 65_535;
        assertThat(payouts.get(0).get("uid").asInt()).isZero();
        assertThat(payouts.get(0).get("minerRao").asLong() + payouts.get(0).get("validatorRao").asLong()).isZero();
        assertThat(payouts.get(1).get("uid").asInt()).isEqualTo(1);
        assertThat(payouts.get(1).get("hotkey").asString()).isEqualTo(minerHot.address());
        assertThat(payouts.get(1).get("minerRao").asLong()).isEqualTo(e / 2);
        assertThat(payouts.get(1).get("validatorRao").asLong()).isZero();
        assertThat(payouts.get(2).get("validatorRao").asLong()).isEqualTo(e / 2);
        long sum = 0;
        for (JsonNode p : payouts) {
            sum += p.get("minerRao").asLong() + p.get("validatorRao").asLong();
        }
        assertThat(sum).isEqualTo(settlementFigure(netuid, 2, "paid_rao"));

        JsonNode first = tree(get(path + "?epoch=1"));
        assertThat(first.get("epoch").asLong()).isEqualTo(1);
        assertThat(first.get("payouts")).hasSize(3); // the first epoch starts the accrual: every UID got 0
        assertThat(first.get("payouts").get(1).get("minerRao").asLong()).isZero();

        ResponseEntity<String> unknown = get(path + "?epoch=99");
        assertThat(unknown.getStatusCode().value()).isEqualTo(404);
        assertThat(tree(unknown).get("type").asString()).isEqualTo("urn:taonet:problem:unknown-epoch");
        assertThat(get(path + "?epoch=-1").getStatusCode().value()).isEqualTo(400);
        assertThat(get("/api/v1/emission/subnets/70000/payouts").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void readsOfASubnetTheLedgerHasNotLearnedOfAre404UnknownSubnet() {
        int netuid = subnet(key(), key());
        int unknown = 60_000 + netuid; // never registered: the test netuids count up from 10
        for (String path : List.of("/api/v1/emission/subnets/%d/settlements", "/api/v1/emission/subnets/%d/payouts",
                "/api/v1/stakes/subnets/%d")) {
            ResponseEntity<String> refused = get(path.formatted(unknown));
            assertThat(refused.getStatusCode().value()).as(path).isEqualTo(404);
            assertThat(refused.getHeaders().getContentType()).as(path).hasToString("application/problem+json");
            assertThat(tree(refused).get("type").asString()).as(path).isEqualTo("urn:taonet:problem:unknown-subnet");
            assertThat(tree(refused).get("netuid").asInt()).as(path).isEqualTo(unknown);
        }
        // a subnet the ledger knows answers, with nothing settled or staked yet
        ResponseEntity<String> settled = get("/api/v1/emission/subnets/" + netuid + "/settlements");
        assertThat(settled.getStatusCode().value()).isEqualTo(200);
        assertThat(tree(settled)).isEmpty();
        ResponseEntity<String> staked = get("/api/v1/stakes/subnets/" + netuid);
        assertThat(staked.getStatusCode().value()).isEqualTo(200);
        assertThat(tree(staked).get("totalRao").asLong()).isZero();
        assertThat(tree(get("/api/v1/emission/subnets/" + netuid + "/payouts")).get("type").asString())
                .isEqualTo("urn:taonet:problem:unknown-epoch");
        assertThat(get("/api/v1/emission/subnets/70000/settlements").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void anEpochWaitsForTheOwnerOfItsHotkeysThenSettles() {
        KeyPair owner = key(), ownerHot = key(), lateCold = key(), lateHot = key();
        int netuid = subnet(owner, ownerHot);
        List<UidResult> uids = List.of(uid(0, ownerHot, 0, 0), uid(1, lateHot, HALF, HALF));
        epoch(netuid, 1, 20_000, uids, UUID.randomUUID());
        awaitSettled(netuid, 1);
        epoch(netuid, 2, 20_361, uids, UUID.randomUUID());
        await().atMost(Duration.ofSeconds(20)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM epoch_inbox WHERE netuid = ? AND epoch = 2 AND attempts > 0", Long.class, netuid) == 1);
        assertThat(tree(get("/api/v1/emission/pending")).has(netuid + ":2")).isTrue();

        registerNeuron(netuid, 1, lateHot, lateCold);
        awaitSettled(netuid, 2);
        long accrued = settlementFigure(netuid, 2, "accrued_rao");
        long e = accrued - accrued * 11_796 / 65_535;
        // Miner half plus the whole validator half (no stake on the hotkey: take and rest go to its owner).
        assertThat(stake(lateCold.address(), lateHot.address(), netuid)).isEqualTo(e / 2 + e / 2);
        assertThat(audit().ok()).isTrue();
    }

    @Test
    void aMalformedEpochIsDeadLetteredAndSettlesNothing() {
        KeyPair owner = key(), ownerHot = key();
        int netuid = subnet(owner, ownerHot);
        try (KafkaConsumer<String, String> dlt = consumer(Topics.deadLetter(Topics.CONSENSUS_EPOCHS))) {
            UUID id = UUID.randomUUID();
            epoch(netuid, 7, 30_000, List.of(uid(0, ownerHot, HALF, HALF), uid(1, key(), 1, 0)), id);
            List<ConsumerRecord<String, String>> dead = collect(dlt, r -> r.key().equals(Integer.toString(netuid)),
                    l -> !l.isEmpty(), Duration.ofSeconds(30));
            assertThat(dead).hasSize(1);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(sample(prometheus(),
                "taonet_kafka_dead_letters_total", "topic=\"" + Topics.CONSENSUS_EPOCHS + "\"")).isGreaterThanOrEqualTo(1.0));
        assertThat(jdbc.queryForObject("SELECT count(*) FROM settlement WHERE netuid = ?", Long.class, netuid)).isZero();
    }

    @Test
    void registryEventsTakeEffectOnceAndDissolutionReturnsLockAndStake() {
        KeyPair owner = key(), ownerHot = key(), hot = key(), staker = key();
        int netuid = nextNetuid();
        registerSubnet(netuid, owner, ownerHot);
        InboundEvent neuron = inbound(EventCatalog.NEURON_REGISTERED, Integer.toString(netuid), 5,
                new net.taonet.events.registry.NeuronRegistered(netuid, 4, hot.address(), owner.address(), 5, 1));
        assertThat(registry.handle(neuron)).isTrue();
        assertThat(registry.handle(neuron)).isFalse(); // duplicate delivery: no second effect
        fund(owner.address(), 2_000 * TAO);
        fund(staker.address(), 10 * TAO);
        String charge = "{\"requestId\":\"lock-" + netuid + "\",\"coldkey\":\"" + owner.address() + "\",\"netuid\":" + netuid
                + ",\"amountRao\":" + 1_000 * TAO + "}";
        assertThat(http().post().uri("/internal/charges/lock").header("X-Taonet-Service-Key", "local-service-key")
                .contentType(org.springframework.http.MediaType.APPLICATION_JSON).body(charge).retrieve()
                .toEntity(String.class).getStatusCode().value()).isEqualTo(200);
        stakeOn(staker, hot, netuid, 5 * TAO);
        assertThat(free(owner.address())).isEqualTo(1_000 * TAO);

        dissolve(netuid, owner);
        assertThat(free(owner.address())).isEqualTo(2_000 * TAO);
        assertThat(free(staker.address())).isEqualTo(10 * TAO);
        assertThat(hotkeyTotal(hot.address(), netuid)).isZero();
        JsonNode refund = json.readTree(http().post().uri("/internal/charges/lock-" + netuid + "/refund")
                .header("X-Taonet-Service-Key", "local-service-key").retrieve().body(String.class));
        assertThat(refund.get("state").asString()).isEqualTo("REFUNDED");
        assertThat(free(owner.address())).isEqualTo(2_000 * TAO); // returned once, not twice
        assertThat(audit().ok()).isTrue();
    }

    // ------------------------------------------------------------------ helpers

    private String prometheus() {
        return http().get().uri("/actuator/prometheus").retrieve().body(String.class);
    }

    /** The value of the first Prometheus sample of {@code name} whose labels contain {@code label}. */
    static double sample(String metrics, String name, String label) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") && l.contains(label))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " with " + label + " not in the Prometheus output"));
    }

    private void stakeOn(KeyPair coldkey, KeyPair hotkey, int netuid, long amount) {
        var r = signed("POST", "/api/v1/stakes/add", coldkey, idem(), LedgerCommandsIT.stakeBody(coldkey, hotkey, netuid, amount));
        assertThat(r.getStatusCode().value()).as(r.getBody()).isEqualTo(200);
    }

    private static UidResult uid(int uid, KeyPair hotkey, long serverBits, long validatorBits) {
        return new UidResult(uid, hotkey.address(), true, 0, 0, 0, 0, 0, validatorBits > 0, serverBits, validatorBits);
    }

    private void epoch(int netuid, long epoch, long block, List<UidResult> uids, UUID id) {
        publish(EventCatalog.EPOCH_COMPLETED, Integer.toString(netuid), block,
                new EpochCompleted(netuid, epoch, block, "hash", uids), id);
    }

    private void awaitSettled(int netuid, long epoch) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT count(*) FROM settlement WHERE netuid = ? AND epoch = ?", Long.class, netuid, epoch) == 1);
    }

    private long settlementFigure(int netuid, long epoch, String column) {
        return jdbc.queryForObject("SELECT " + column + " FROM settlement WHERE netuid = ? AND epoch = ?", Long.class,
                netuid, epoch);
    }

    private Map<String, Long> positions(int netuid) {
        Map<String, Long> out = new TreeMap<>();
        jdbc.query("SELECT name, balance FROM account WHERE kind = 'STAKE' AND netuid = ?", rs -> {
            out.put(rs.getString(1), rs.getLong(2));
        }, netuid);
        return out;
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, KeyPair cold, KeyPair hot, int netuid) {
        String name = "stake:" + netuid + ":" + hot.address() + ":" + cold.address();
        return after.getOrDefault(name, 0L) - before.getOrDefault(name, 0L);
    }
}
