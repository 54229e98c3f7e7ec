package net.taonet.systemtests.authorization;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.taonet.identity.KeyPair;
import net.taonet.identity.SignedRequests;
import net.taonet.systemtests.support.Http;
import net.taonet.systemtests.support.Http.Call;
import net.taonet.systemtests.support.Http.Response;
import net.taonet.systemtests.support.Keys;
import net.taonet.systemtests.support.NetworkState;
import net.taonet.systemtests.support.SystemNetwork;
import net.taonet.testsupport.LocalNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The authorization drill: every state-changing endpoint called by someone who does not own the resource —
 * Mallory (funded, owns nothing) signing for Bob's coldkey, Bob's validator hotkey and Alice's subnets,
 * one of Bob's hotkeys signing for another, a coldkey signing where its hotkey must, a signature made by
 * another key under the owner's name, a victim's own signed request replayed, wrong admin, API and service
 * keys. Each is refused, and nothing changes: the books, the registry, the API keys, Bob's balance and
 * stake, the validator's take, a miner's serving metadata and the validator's weights.
 */
@ExtendWith(SystemNetwork.Extension.class)
class AuthorizationIT {

    static SystemNetwork net;
    static Http gw;
    static int gemm;
    static int chat;

    /** One attempt: what it tries, the call, and the statuses that count as the refusal expected. */
    record Attempt(String what, Call call, Http target, Set<Integer> refusals) {
    }

    @BeforeAll
    static void network() {
        net = SystemNetwork.get();
        gw = net.gateway();
        gemm = net.gemmNetuid();
        chat = net.chatNetuid();
    }

    @Test
    void callsWithSomeoneElsesKeyAreRefusedAndChangeNothing() {
        // a victim's real, signed transfer: it goes through once; its replay by Mallory must not
        Call bobPays = Http.signNow(Call.json("POST", "/api/v1/transfers", Map.of("from", Keys.BOB.address(),
                "to", Keys.ALICE.address(), "amountRao", 1_000_000L)).signedBy(Keys.BOB)
                .header("Idempotency-Key", UUID.randomUUID().toString()));
        Response paid = gw.send(bobPays);
        assertThat(paid.status()).as("Bob's own transfer: %s", paid).isBetween(200, 201);

        // an app key of somebody else, to be revoked by a caller without the admin key
        JsonNode appKey = gw.postJson("/admin/api-keys", Map.of("name", "victim-app"), null, admin()).json();
        String victimKeyId = appKey.path("key").path("id").asString();

        NetworkState before = NetworkState.read(net);
        JsonNode bobAccount = net.read("/api/v1/accounts/" + Keys.BOB.address());
        JsonNode take = net.read("/api/v1/takes/" + Keys.VALIDATOR.address());
        JsonNode serving = net.read("/api/v1/serving/" + gemm + "/" + Keys.HONEST_1.address());

        List<Attempt> attempts = attempts(bobPays, victimKeyId);
        List<String> notRefused = new ArrayList<>();
        Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        for (Attempt a : attempts) {
            Call call = a.call();
            Response r = call.signer() == null
                    ? a.target().sendExactly(call.method(), call.pathAndQuery(), call.headers(), call.body())
                    : a.target().send(call);
            byStatus.merge(r.status(), 1, Integer::sum);
            if (!a.refusals().contains(r.status())) {
                notRefused.add(a.what() + " → " + r);
            }
        }
        System.out.println("[authorization] " + attempts.size() + " calls with someone else's key; by status " + byStatus);
        notRefused.forEach(n -> System.out.println("[authorization] NOT REFUSED: " + n));
        assertThat(notRefused).as("calls not refused").isEmpty();

        NetworkState after = NetworkState.read(net);
        assertThat(before.diff(after)).as("changed by refused calls").isEmpty();
        JsonNode bobAfter = net.read("/api/v1/accounts/" + Keys.BOB.address());
        assertThat(bobAfter.path("freeRao").asLong()).as("Bob's free balance")
                .isGreaterThanOrEqualTo(bobAccount.path("freeRao").asLong());
        assertThat(stakeOn(bobAfter, Keys.VALIDATOR.address(), gemm)).as("Bob's stake on the validator")
                .isGreaterThanOrEqualTo(stakeOn(bobAccount, Keys.VALIDATOR.address(), gemm));
        assertThat(net.read("/api/v1/takes/" + Keys.VALIDATOR.address()).path("take")).isEqualTo(take.path("take"));
        assertThat(net.read("/api/v1/serving/" + gemm + "/" + Keys.HONEST_1.address()).path("endpoint"))
                .isEqualTo(serving.path("endpoint"));
        for (JsonNode row : net.read("/api/v1/weights/" + gemm).path("rows").isArray()
                ? net.read("/api/v1/weights/" + gemm).path("rows") : net.read("/api/v1/weights/" + gemm)) {
            assertThat(row.toString()).as("weights row").doesNotContain("\"uids\":[4],\"weights\":[65535]");
        }
        Response stillValid = gw.get("/v1/models", Map.of("Authorization", "Bearer " + appKey.path("apiKey").asString()));
        assertThat(stillValid.status()).as("the victim's API key still works").isEqualTo(200);
        net.audit();
    }

    List<Attempt> attempts(Call bobPays, String victimKeyId) {
        Http ledger = net.direct(LocalNetwork.LEDGER);
        Http scoring = net.direct(LocalNetwork.SCORING);
        long tao = 1_000_000_000L;
        Set<Integer> auth = Set.of(401, 403);
        List<Attempt> a = new ArrayList<>();

        // the ledger: Bob's money and stake, the validator's take
        Map<String, Object> fromBob = Map.of("from", Keys.BOB.address(), "to", Keys.MALLORY.address(), "amountRao", 10 * tao);
        a.add(new Attempt("transfer from Bob signed by Mallory", command("POST", "/api/v1/transfers", fromBob, Keys.MALLORY), gw, auth));
        a.add(new Attempt("transfer from Bob signed by Bob's hotkey", command("POST", "/api/v1/transfers", fromBob, Keys.VALIDATOR), gw, auth));
        a.add(new Attempt("transfer from Bob, Bob named as signer, Mallory's signature",
                impersonate("POST", "/api/v1/transfers", fromBob, Keys.BOB, Keys.MALLORY), gw, auth));
        a.add(new Attempt("Bob's signed transfer replayed by Mallory under a new idempotency key",
                bobPays.header("Idempotency-Key", UUID.randomUUID().toString()), gw, auth));
        Map<String, Object> bobsStake = Map.of("coldkey", Keys.BOB.address(), "hotkey", Keys.VALIDATOR.address(),
                "netuid", gemm, "amountRao", 10 * tao);
        a.add(new Attempt("remove Bob's stake signed by Mallory", command("POST", "/api/v1/stakes/remove", bobsStake, Keys.MALLORY), gw, auth));
        a.add(new Attempt("remove Bob's stake signed by the validator hotkey", command("POST", "/api/v1/stakes/remove", bobsStake, Keys.VALIDATOR), gw, auth));
        a.add(new Attempt("add stake from Bob's balance signed by Mallory", command("POST", "/api/v1/stakes/add", bobsStake, Keys.MALLORY), gw, auth));
        a.add(new Attempt("set the validator's take signed by Mallory", command("PUT", "/api/v1/takes/" + Keys.VALIDATOR.address(),
                Map.of("take", 11_796), Keys.MALLORY), gw, auth));
        a.add(new Attempt("set the validator's take signed by the hotkey instead of its coldkey",
                command("PUT", "/api/v1/takes/" + Keys.VALIDATOR.address(), Map.of("take", 11_796), Keys.VALIDATOR), gw, auth));
        Map<String, Object> faucet = Map.of("address", Keys.MALLORY.address(), "amountRao", 1_000 * tao);
        a.add(new Attempt("faucet with a wrong admin key", Call.json("POST", "/api/v1/faucet", faucet)
                .header("X-Taonet-Admin-Key", "not-the-admin-key").header("Idempotency-Key", UUID.randomUUID().toString()), gw, auth));
        a.add(new Attempt("faucet signed by Mallory, without the admin key", command("POST", "/api/v1/faucet", faucet, Keys.MALLORY), gw, auth));

        // the registry: Alice's subnets, Bob's hotkeys
        Map<String, Object> subnet = new LinkedHashMap<>();
        subnet.put("ownerColdkey", Keys.ALICE.address());
        subnet.put("ownerHotkey", Keys.MALLORY_HOTKEY.address());
        subnet.put("taskType", "echo");
        subnet.put("identity", Map.of("name", "paid by Alice", "description", "", "url", "", "contact", ""));
        a.add(new Attempt("create a subnet paid by Alice, signed by Mallory", command("POST", "/api/v1/subnets", subnet, Keys.MALLORY), gw, auth));
        a.add(new Attempt("register Bob's hotkey on another subnet, signed by Mallory",
                command("POST", "/api/v1/subnets/" + chat + "/neurons", Map.of("hotkey", Keys.HONEST_1.address(),
                        "maxPriceRao", 50 * tao), Keys.MALLORY), gw, Set.of(401, 403, 409)));
        Map<String, Object> value = Map.of("value", 7);
        String hp = "/api/v1/subnets/" + gemm + "/hyperparameters/immunity_period";
        a.add(new Attempt("change Alice's hyperparameter signed by Mallory", command("PUT", hp, value, Keys.MALLORY), gw, auth));
        a.add(new Attempt("change Alice's hyperparameter signed by Bob (a participant)", command("PUT", hp, value, Keys.BOB), gw, auth));
        a.add(new Attempt("change Alice's hyperparameter signed by her owner hotkey", command("PUT", hp, value, Keys.ALICE_HOTKEY), gw, auth));
        a.add(new Attempt("change a hyperparameter with a wrong admin key", Call.json("PUT", hp, value)
                .header("X-Taonet-Admin-Key", "not-the-admin-key"), gw, auth));
        a.add(new Attempt("change Alice's hyperparameter, Alice named as signer, Mallory's signature",
                impersonate("PUT", hp, value, Keys.ALICE, Keys.MALLORY), gw, auth));
        Map<String, Object> serve = new LinkedHashMap<>();
        serve.put("accelerator", "none");
        serve.put("memoryMib", 1);
        serve.put("taskTypes", List.of(Map.of("name", "gemm", "version", "1", "backend", "naive")));
        serve.put("version", "0.0.0");
        serve.put("endpoint", "http://evil.example");
        String servePath = "/api/v1/serving/" + gemm + "/" + Keys.HONEST_1.address();
        a.add(new Attempt("a miner's serving metadata signed by Mallory's hotkey", command("PUT", servePath, serve, Keys.MALLORY_HOTKEY), gw, auth));
        a.add(new Attempt("a miner's serving metadata signed by another of Bob's hotkeys", command("PUT", servePath, serve, Keys.HONEST_2), gw, auth));
        a.add(new Attempt("a miner's serving metadata signed by its coldkey instead of the hotkey", command("PUT", servePath, serve, Keys.BOB), gw, auth));

        // scoring: the validator's weights
        Map<String, Object> weights = Map.of("netuid", gemm, "hotkey", Keys.VALIDATOR.address(), "uids", List.of(4),
                "weights", List.of(65_535), "versionKey", 0);
        a.add(new Attempt("the validator's weights signed by Mallory's hotkey", command("POST", "/api/v1/weights", weights, Keys.MALLORY_HOTKEY), gw, auth));
        a.add(new Attempt("the validator's weights signed by Bob's coldkey", command("POST", "/api/v1/weights", weights, Keys.BOB), gw, auth));
        a.add(new Attempt("the validator's weights signed by a miner", command("POST", "/api/v1/weights", weights, Keys.HONEST_1), gw, auth));
        a.add(new Attempt("the validator's weights, validator named as signer, Mallory's signature",
                impersonate("POST", "/api/v1/weights", weights, Keys.VALIDATOR, Keys.MALLORY_HOTKEY), gw, auth));
        a.add(new Attempt("a commit for the validator signed by Mallory", command("POST", "/api/v1/weights/commit",
                Map.of("netuid", gemm, "hotkey", Keys.VALIDATOR.address(), "commitHash", "ab".repeat(32)), Keys.MALLORY_HOTKEY),
                gw, Set.of(401, 403, 409)));
        a.add(new Attempt("a reveal for the validator signed by Mallory", command("POST", "/api/v1/weights/reveal",
                Map.of("netuid", gemm, "hotkey", Keys.VALIDATOR.address(), "uids", List.of(4), "weights", List.of(65_535),
                        "salt", "0102", "versionKey", 0), Keys.MALLORY_HOTKEY), gw, Set.of(401, 403, 409)));

        // the gateway: API keys and the OpenAI-compatible API
        // (HTTP drops whitespace around a header value, so "key " is the key: not a wrong one)
        for (String wrong : List.of("not-the-admin-key", "", "LOCAL-ADMIN-KEY", "local-admin-key-2")) {
            Map<String, String> h = wrong.isEmpty() ? Map.of() : Map.of("X-Taonet-Admin-Key", wrong);
            a.add(new Attempt("create an API key with admin key '" + wrong + "'",
                    Call.json("POST", "/admin/api-keys", Map.of("name", "stolen")).headers(h), gw, auth));
            a.add(new Attempt("list API keys with admin key '" + wrong + "'", Call.of("GET", "/admin/api-keys").headers(h), gw, auth));
            a.add(new Attempt("revoke a victim's API key with admin key '" + wrong + "'",
                    Call.of("DELETE", "/admin/api-keys/" + victimKeyId).headers(h), gw, auth));
        }
        Map<String, Object> chatRequest = Map.of("model", "sn" + chat, "messages", List.of(Map.of("role", "user", "content", "hi")));
        a.add(new Attempt("chat with an unknown API key", Call.json("POST", "/v1/chat/completions", chatRequest)
                .header("Authorization", "Bearer tnk_" + "0".repeat(40)), gw, auth));
        a.add(new Attempt("chat with another service's admin key as API key", Call.json("POST", "/v1/chat/completions", chatRequest)
                .header("Authorization", "Bearer " + SystemNetwork.ADMIN_KEY), gw, auth));
        a.add(new Attempt("chat without an API key", Call.json("POST", "/v1/chat/completions", chatRequest), gw, auth));

        // internal endpoints, called on the service itself with a wrong service key
        Map<String, Object> charge = Map.of("requestId", UUID.randomUUID().toString(), "coldkey", Keys.BOB.address(),
                "netuid", gemm, "amountRao", 10 * tao);
        for (String wrong : List.of("not-the-service-key", SystemNetwork.ADMIN_KEY)) {
            Map<String, String> h = Map.of("X-Taonet-Service-Key", wrong);
            a.add(new Attempt("burn Bob's TAO with service key '" + wrong + "'",
                    Call.json("POST", "/internal/charges/burn", charge).headers(h), ledger, auth));
            a.add(new Attempt("lock Bob's TAO with service key '" + wrong + "'",
                    Call.json("POST", "/internal/charges/lock", charge).headers(h), ledger, auth));
            a.add(new Attempt("refund a charge with service key '" + wrong + "'",
                    Call.of("POST", "/internal/charges/" + UUID.randomUUID() + "/refund").headers(h), ledger, auth));
            a.add(new Attempt("dispatch organic work with service key '" + wrong + "'",
                    Call.json("POST", "/internal/dispatch/" + chat, Map.of("taskType", "chat", "payload", "{}")).headers(h),
                    scoring, auth));
        }
        a.add(new Attempt("burn Bob's TAO without a service key", Call.json("POST", "/internal/charges/burn", charge), ledger, auth));
        a.add(new Attempt("internal endpoints are not routed by the gateway",
                Call.json("POST", "/internal/charges/burn", charge).header("X-Taonet-Service-Key", SystemNetwork.SERVICE_KEY), gw,
                Set.of(401, 403, 404)));
        return a;
    }

    /** A signed command with a fresh idempotency key. */
    static Call command(String method, String path, Object body, KeyPair signer) {
        return Call.json(method, path, body).signedBy(signer).header("Idempotency-Key", UUID.randomUUID().toString());
    }

    /** Names {@code claimed} as the signer but signs with {@code actual}'s key. */
    static Call impersonate(String method, String path, Object body, KeyPair claimed, KeyPair actual) {
        Call c = Call.json(method, path, body).header("Idempotency-Key", UUID.randomUUID().toString());
        var forged = Http.signer(actual).sign(method, path, c.body());
        return c.headers(Map.of(SignedRequests.SIGNER_HEADER, claimed.address(),
                SignedRequests.NONCE_HEADER, Long.toString(forged.nonce()),
                SignedRequests.SIGNATURE_HEADER, forged.signature()));
    }

    static Map<String, String> admin() {
        return Map.of("X-Taonet-Admin-Key", SystemNetwork.ADMIN_KEY);
    }

    static long stakeOn(JsonNode account, String hotkey, int netuid) {
        long total = 0;
        for (JsonNode p : account.path("positions")) {
            if (p.path("hotkey").asString().equals(hotkey) && p.path("netuid").asInt() == netuid) {
                total += p.path("amountRao").asLong(p.path("stakeRao").asLong());
            }
        }
        return total;
    }
}
