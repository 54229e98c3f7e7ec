package net.taonet.emission;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.taonet.emission.audit.domain.Auditor;
import net.taonet.events.Topics;
import net.taonet.identity.KeyPair;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** Transfers, stake moves and takes through the signed REST API; idempotency; every bad input. */
class LedgerCommandsIT extends LedgerItSupport {

    @Test
    void transferMovesFreeBalanceOnceAndShowsInTheJournal() {
        KeyPair alice = key();
        KeyPair bob = key();
        fund(alice.address(), 100 * TAO);
        String body = "{\"from\":\"" + alice.address() + "\",\"to\":\"" + bob.address() + "\",\"amountRao\":" + 10 * TAO + "}";
        String k = idem();

        ResponseEntity<String> first = signed("POST", "/api/v1/transfers", alice, k, body);
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        assertThat(first.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("false");
        JsonNode t = tree(first);
        assertThat(t.get("fromBalanceRao").asLong()).isEqualTo(90 * TAO);

        // The same key and body again (freshly signed): the first answer, no second effect.
        ResponseEntity<String> again = signed("POST", "/api/v1/transfers", alice, k, body);
        assertThat(again.getStatusCode().value()).isEqualTo(200);
        assertThat(again.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
        assertThat(tree(again).get("journalTx").asLong()).isEqualTo(t.get("journalTx").asLong());
        assertThat(free(alice.address())).isEqualTo(90 * TAO);
        assertThat(free(bob.address())).isEqualTo(10 * TAO);

        // The same key with a different body: 409.
        String other = body.replace(Long.toString(10 * TAO), Long.toString(11 * TAO));
        ResponseEntity<String> conflict = signed("POST", "/api/v1/transfers", alice, k, other);
        assertProblem(conflict, 409, "idempotency-key-reused");
        assertThat(free(alice.address())).isEqualTo(90 * TAO);

        JsonNode account = tree(get("/api/v1/accounts/" + bob.address()));
        assertThat(account.get("freeRao").asLong()).isEqualTo(10 * TAO);
        JsonNode journal = tree(get("/api/v1/accounts/" + alice.address() + "/journal?limit=1"));
        assertThat(journal.get("entries")).hasSize(1);
        assertThat(journal.get("entries").get(0).get("kind").asString()).isEqualTo("TRANSFER");
        assertThat(journal.get("entries").get(0).get("amountRao").asLong()).isEqualTo(-10 * TAO);
        assertThat(journal.get("entries").get(0).get("balanceAfterRao").asLong()).isEqualTo(90 * TAO);
        long next = journal.get("nextBefore").asLong();
        JsonNode older = tree(get("/api/v1/accounts/" + alice.address() + "/journal?limit=5&before=" + next));
        assertThat(older.get("entries").get(0).get("amountRao").asLong()).isEqualTo(100 * TAO); // the funding
        assertThat(audit().ok()).isTrue();
    }

    @Test
    void stakeAddAndRemovePublishTheHotkeyTotal() {
        int netuid = nextNetuid();
        KeyPair owner = key();
        KeyPair ownerHot = key();
        KeyPair validatorHot = key();
        KeyPair nominator = key();
        registerSubnet(netuid, owner, ownerHot);
        registerNeuron(netuid, 1, validatorHot, owner);
        fund(owner.address(), 50 * TAO);
        fund(nominator.address(), 50 * TAO);

        try (KafkaConsumer<String, String> stakes = consumer(Topics.LEDGER_STAKES)) {
            assertThat(signed("POST", "/api/v1/stakes/add", owner, idem(),
                    stakeBody(owner, validatorHot, netuid, 20 * TAO)).getStatusCode().value()).isEqualTo(200);
            ResponseEntity<String> added = signed("POST", "/api/v1/stakes/add", nominator, idem(),
                    stakeBody(nominator, validatorHot, netuid, 5 * TAO));
            assertThat(added.getStatusCode().value()).isEqualTo(200);
            assertThat(tree(added).get("hotkeyTotalRao").asLong()).isEqualTo(25 * TAO);
            assertThat(tree(added).get("freeBalanceRao").asLong()).isEqualTo(45 * TAO);

            ResponseEntity<String> removed = signed("POST", "/api/v1/stakes/remove", owner, idem(),
                    stakeBody(owner, validatorHot, netuid, 20 * TAO));
            assertThat(removed.getStatusCode().value()).isEqualTo(200);
            assertThat(tree(removed).get("positionRao").asLong()).isZero();
            assertThat(tree(removed).get("hotkeyTotalRao").asLong()).isEqualTo(5 * TAO);

            List<ConsumerRecord<String, String>> events = collect(stakes,
                    r -> r.value().contains(validatorHot.address()), l -> l.size() >= 3, Duration.ofSeconds(20));
            assertThat(events).hasSize(3);
            assertThat(events).allMatch(r -> r.key().equals(Integer.toString(netuid)));
            List<Long> totals = events.stream().map(r -> json.readTree(r.value()).get("hotkeyTotalRao").asLong()).toList();
            assertThat(totals).containsExactly(20 * TAO, 25 * TAO, 5 * TAO);
            assertThat(json.readTree(events.get(2).value()).get("deltaRao").asLong()).isEqualTo(-20 * TAO);
        }

        JsonNode byHotkey = tree(get("/api/v1/stakes/hotkeys/" + validatorHot.address()));
        assertThat(byHotkey.get("subnets").get(0).get("totalRao").asLong()).isEqualTo(5 * TAO);
        JsonNode bySubnet = tree(get("/api/v1/stakes/subnets/" + netuid));
        assertThat(bySubnet.get("totalRao").asLong()).isEqualTo(5 * TAO);
        JsonNode account = tree(get("/api/v1/accounts/" + nominator.address()));
        assertThat(account.get("stakedRao").asLong()).isEqualTo(5 * TAO);
        assertThat(account.get("positions").get(0).get("hotkey").asString()).isEqualTo(validatorHot.address());
        assertThat(audit().ok()).isTrue();
    }

    @Test
    void takeDecreasesAnyTimeAndIncreasesOnlyAfterTheRateLimit() {
        int netuid = nextNetuid();
        KeyPair owner = key();
        KeyPair hot = key();
        registerSubnet(netuid, owner, key());
        registerNeuron(netuid, 3, hot, owner);
        String path = "/api/v1/takes/" + hot.address();

        assertThat(tree(get(path)).get("take").asInt()).isEqualTo(11_796);
        assertThat(tree(signed("PUT", path, owner, idem(), "{\"take\":5000}")).get("take").asInt()).isEqualTo(5000);
        assertProblem(signed("PUT", path, owner, idem(), "{\"take\":6000}"), 422, "take-rate-limited");
        assertProblem(signed("PUT", path, owner, idem(), "{\"take\":11797}"), 400, "take-out-of-range");
        KeyPair stranger = key();
        assertProblem(signed("PUT", path, stranger, idem(), "{\"take\":0}"), 403, "not-owner");
        assertThat(tree(signed("PUT", path, owner, idem(), "{\"take\":4000}")).get("take").asInt()).isEqualTo(4000);

        clock.advance(100);
        assertThat(tree(signed("PUT", path, owner, idem(), "{\"take\":6000}")).get("take").asInt()).isEqualTo(6000);
        assertThat(tree(get(path)).get("take").asInt()).isEqualTo(6000);
    }

    @Test
    void everyBadInputIsAProblemAndLeavesTheBooksUnchanged() {
        int netuid = nextNetuid();
        KeyPair alice = key();
        KeyPair bob = key();
        KeyPair hot = key();
        KeyPair unregisteredHot = key();
        registerSubnet(netuid, bob, key());
        registerNeuron(netuid, 1, hot, bob);
        fund(alice.address(), 10 * TAO);
        fund(bob.address(), 10 * TAO);
        assertThat(signed("POST", "/api/v1/stakes/add", alice, idem(), stakeBody(alice, hot, netuid, 3 * TAO))
                .getStatusCode().value()).isEqualTo(200);
        Auditor.Report before = audit();
        long aliceFree = free(alice.address());
        long aliceStake = stake(alice.address(), hot.address(), netuid);

        String a = alice.address();
        String b = bob.address();
        // transfers
        assertProblem(transfer(alice, a, b, "0"), 400, "invalid-amount");
        assertProblem(transfer(alice, a, b, "-5"), 400, "invalid-amount");
        assertProblem(transfer(alice, a, b, Long.toString(aliceFree + 1)), 422, "insufficient-balance");
        assertProblem(transfer(alice, a, b, Long.toString(aliceFree - 499)), 422, "existential-deposit");
        assertProblem(transfer(alice, a, key().address(), "499"), 422, "existential-deposit");
        assertProblem(transfer(alice, a, "5NotAnAddress", "1000"), 400, "invalid-address");
        assertProblem(transfer(alice, a, b.substring(0, b.length() - 1) + (b.endsWith("a") ? "b" : "a"), "1000"), 400,
                "invalid-address");
        assertProblem(transfer(alice, b, a, "1000"), 403, "not-owner");
        KeyPair stranger = key();
        assertProblem(transfer(stranger, stranger.address(), a, "1000"), 422, "insufficient-balance");
        assertProblem(transfer(alice, a, a, "1000"), 400, "self-transfer");
        assertProblem(signed("POST", "/api/v1/transfers", alice, idem(), "{\"from\":"), 400, "malformed-body");
        assertProblem(signed("POST", "/api/v1/transfers", alice, null, transferBody(a, b, "1000")), 400,
                "missing-idempotency-key");

        // signatures
        byte[] body = transferBody(a, b, "1000").getBytes();
        Map<String, String> forOtherBody = signer(alice).headers("POST", "/api/v1/transfers",
                transferBody(a, b, "2000").getBytes());
        assertProblem(send("POST", "/api/v1/transfers", forOtherBody, idem(), body), 401, "signature-invalid");
        assertProblem(send("POST", "/api/v1/transfers", Map.of(), idem(), body), 401, "signature-missing");
        Map<String, String> once = signer(alice).headers("POST", "/api/v1/transfers", transferBody(a, b, "1000").getBytes());
        assertThat(send("POST", "/api/v1/transfers", once, idem(), body).getStatusCode().value()).isEqualTo(200);
        aliceFree -= 1000;
        before = audit(); // that one was legitimate; from here on nothing changes
        assertProblem(send("POST", "/api/v1/transfers", once, idem(), body), 401, "signature-replayed");

        // stakes
        assertProblem(addStake(alice, a, hot, netuid, 0), 400, "invalid-amount");
        assertProblem(addStake(alice, a, hot, netuid, 1_999_999), 422, "below-minimum-stake");
        assertProblem(addStake(alice, a, hot, netuid, aliceFree + 1), 422, "insufficient-balance");
        assertProblem(addStake(alice, a, hot, netuid, aliceFree - 100), 422, "existential-deposit");
        assertProblem(addStake(alice, a, unregisteredHot, netuid, 2 * TAO), 422, "hotkey-not-registered");
        assertProblem(addStake(alice, a, hot, 9_999, 2 * TAO), 404, "unknown-subnet");
        assertProblem(addStake(alice, b, hot, netuid, 2 * TAO), 403, "not-owner");
        assertProblem(signed("POST", "/api/v1/stakes/add", alice, idem(),
                "{\"coldkey\":\"" + a + "\",\"hotkey\":\"xyz\",\"netuid\":" + netuid + ",\"amountRao\":2000000}"), 400,
                "invalid-address");
        assertProblem(signed("POST", "/api/v1/stakes/remove", alice, idem(), stakeBody(alice, hot, netuid, aliceStake + 1)),
                422, "insufficient-stake");
        assertProblem(signed("POST", "/api/v1/stakes/remove", alice, idem(), stakeBody(alice, hot, netuid, aliceStake - 1)),
                422, "below-minimum-stake");
        assertProblem(signed("POST", "/api/v1/stakes/remove", alice, idem(), stakeBody(alice, hot, netuid, -1)),
                400, "invalid-amount");

        // reads and the faucet
        assertProblem(get("/api/v1/accounts/not-an-address"), 400, "invalid-address");
        assertThat(http().post().uri("/api/v1/faucet").contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                .body("{}").retrieve().toEntity(String.class).getStatusCode().value()).isEqualTo(404);

        Auditor.Report after = audit();
        assertThat(after.ok()).isTrue();
        for (String figure : List.of("journalTransactions", "journalLines", "issuanceRao", "freeRao", "stakedRao",
                "lockedRao", "mintedRao")) {
            assertThat(after.figures().get(figure)).as(figure).isEqualTo(before.figures().get(figure));
        }
        assertThat(free(a)).isEqualTo(aliceFree);
        assertThat(stake(a, hot.address(), netuid)).isEqualTo(aliceStake);
    }

    // ------------------------------------------------------------------ helpers

    private ResponseEntity<String> transfer(KeyPair signer, String from, String to, String amount) {
        return signed("POST", "/api/v1/transfers", signer, idem(), transferBody(from, to, amount));
    }

    private ResponseEntity<String> addStake(KeyPair signer, String coldkey, KeyPair hot, int netuid, long amount) {
        return signed("POST", "/api/v1/stakes/add", signer, idem(), "{\"coldkey\":\"" + coldkey + "\",\"hotkey\":\""
                + hot.address() + "\",\"netuid\":" + netuid + ",\"amountRao\":" + amount + "}");
    }

    private static String transferBody(String from, String to, String amount) {
        return "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"amountRao\":" + amount + "}";
    }

    static String stakeBody(KeyPair coldkey, KeyPair hotkey, int netuid, long amount) {
        return "{\"coldkey\":\"" + coldkey.address() + "\",\"hotkey\":\"" + hotkey.address() + "\",\"netuid\":" + netuid
                + ",\"amountRao\":" + amount + "}";
    }

    private void assertProblem(ResponseEntity<String> response, int status, String type) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
        assertThat(tree(response).get("type").asString()).isEqualTo("urn:taonet:problem:" + type);
    }
}
