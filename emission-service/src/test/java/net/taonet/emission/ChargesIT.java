package net.taonet.emission;

import static org.assertj.core.api.Assertions.assertThat;

import net.taonet.identity.KeyPair;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.JsonNode;

/** The registry's charges (docs/contracts.md): lock, burn, refund, get; idempotent; behind the service key. */
class ChargesIT extends LedgerItSupport {

    static final String KEY = "local-service-key";

    @Test
    void lockIsIdempotentAndRefundedExactlyOnce() {
        KeyPair owner = key();
        fund(owner.address(), 1_500 * TAO);
        String id = "lock-" + idem();
        String body = charge(id, owner, 42, 1_000 * TAO);

        ResponseEntity<String> first = post("/internal/charges/lock", KEY, body);
        assertThat(first.getStatusCode().value()).isEqualTo(200);
        JsonNode c = tree(first);
        assertThat(c.get("state").asString()).isEqualTo("CHARGED");
        assertThat(c.get("kind").asString()).isEqualTo("LOCK");
        assertThat(free(owner.address())).isEqualTo(500 * TAO);

        ResponseEntity<String> again = post("/internal/charges/lock", KEY, body);
        assertThat(tree(again).get("journalTx").asLong()).isEqualTo(c.get("journalTx").asLong());
        assertThat(free(owner.address())).isEqualTo(500 * TAO);
        assertProblem(post("/internal/charges/lock", KEY, charge(id, owner, 42, 999 * TAO)), 409, "idempotency-key-reused");
        assertProblem(post("/internal/charges/burn", KEY, body), 409, "idempotency-key-reused");

        JsonNode refunded = tree(post("/internal/charges/" + id + "/refund", KEY, ""));
        assertThat(refunded.get("state").asString()).isEqualTo("REFUNDED");
        assertThat(free(owner.address())).isEqualTo(1_500 * TAO);
        assertThat(tree(post("/internal/charges/" + id + "/refund", KEY, "")).get("refundTx").asLong())
                .isEqualTo(refunded.get("refundTx").asLong());
        assertThat(free(owner.address())).isEqualTo(1_500 * TAO);
        assertThat(tree(getInternal("/internal/charges/" + id, KEY)).get("state").asString()).isEqualTo("REFUNDED");
        assertThat(audit().ok()).isTrue();
    }

    @Test
    void burnRecyclesAndLowersIssuance() {
        KeyPair coldkey = key();
        fund(coldkey.address(), 3 * TAO);
        long issuance = (long) audit().figures().get("issuanceRao");
        long recycled = (long) audit().figures().get("recycledRao");
        String id = "burn-" + idem();
        assertThat(post("/internal/charges/burn", KEY, charge(id, coldkey, 3, TAO)).getStatusCode().value()).isEqualTo(200);
        assertThat(free(coldkey.address())).isEqualTo(2 * TAO);
        assertThat((long) audit().figures().get("issuanceRao")).isEqualTo(issuance - TAO);
        assertThat((long) audit().figures().get("recycledRao")).isEqualTo(recycled + TAO);
        post("/internal/charges/" + id + "/refund", KEY, "");
        assertThat((long) audit().figures().get("issuanceRao")).isEqualTo(issuance);
        assertThat(free(coldkey.address())).isEqualTo(3 * TAO);
    }

    @Test
    void refusedChargesChangeAndRecordNothing() {
        KeyPair poor = key();
        fund(poor.address(), TAO);
        var before = audit();
        String id = "burn-" + idem();
        assertProblem(post("/internal/charges/burn", KEY, charge(id, poor, 3, 2 * TAO)), 422, "insufficient-balance");
        assertProblem(post("/internal/charges/burn", KEY, charge(id, poor, 3, TAO - 100)), 422, "existential-deposit");
        assertProblem(post("/internal/charges/burn", KEY, charge(id, poor, 3, 0)), 400, "invalid-amount");
        assertProblem(post("/internal/charges/burn", KEY, "{\"requestId\":\"x\",\"coldkey\":\"nope\",\"netuid\":1,\"amountRao\":1000}"),
                400, "invalid-address");
        assertProblem(getInternal("/internal/charges/" + id, KEY), 404, "unknown-charge");
        assertProblem(post("/internal/charges/" + id + "/refund", KEY, ""), 404, "unknown-charge");
        assertProblem(post("/internal/charges/burn", null, charge(idem(), poor, 3, TAO / 2)), 401, "service-key-invalid");
        assertProblem(post("/internal/charges/burn", "wrong", charge(idem(), poor, 3, TAO / 2)), 401, "service-key-invalid");
        assertThat(free(poor.address())).isEqualTo(TAO);
        assertThat(audit().figures().get("journalTransactions")).isEqualTo(before.figures().get("journalTransactions"));
        // After the failure the same request id may still be used.
        assertThat(post("/internal/charges/burn", KEY, charge(id, poor, 3, TAO / 2)).getStatusCode().value()).isEqualTo(200);
    }

    private static String charge(String id, KeyPair coldkey, int netuid, long amount) {
        return "{\"requestId\":\"" + id + "\",\"coldkey\":\"" + coldkey.address() + "\",\"netuid\":" + netuid
                + ",\"amountRao\":" + amount + "}";
    }

    private ResponseEntity<String> post(String path, String serviceKey, String body) {
        return http().post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (serviceKey != null) {
                        h.add("X-Taonet-Service-Key", serviceKey);
                    }
                }).body(body).retrieve().toEntity(String.class);
    }

    private ResponseEntity<String> getInternal(String path, String serviceKey) {
        return http().get().uri(path).header("X-Taonet-Service-Key", serviceKey).retrieve().toEntity(String.class);
    }

    private void assertProblem(ResponseEntity<String> response, int status, String type) {
        assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
        assertThat(tree(response).get("type").asString()).isEqualTo("urn:taonet:problem:" + type);
    }
}
