package net.taonet.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import net.taonet.identity.KeyPair;
import net.taonet.systemtests.support.Http.Response;
import net.taonet.systemtests.support.Keys;
import net.taonet.systemtests.support.ModelServerStub;
import net.taonet.systemtests.support.SystemNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The whole network end to end: subnets created, neurons registered and stake added through the gateway
 * (see {@link SystemNetwork}), then several epochs of real work by real miners, judged by a real validator,
 * settled by the real ledger — and everything a user can read agrees.
 */
@ExtendWith(SystemNetwork.Extension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NetworkEndToEndIT {

    /** Epochs of the gemm subnet the test lets run once the honest miners lead. */
    static final int EPOCHS = 3;

    static SystemNetwork net;
    static int gemm;
    /** Every audit taken while epochs ran: settled epoch → the audit right after it. */
    static final Map<Long, Boolean> auditAfterEpoch = new TreeMap<>();

    @BeforeAll
    static void network() {
        net = SystemNetwork.get();
        gemm = net.gemmNetuid();
    }

    @Test
    @Order(1)
    void honestMinersEarnMoreIncentiveThanTheCheat() {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            watchSettlements();
            Map<String, Integer> incentive = incentiveByHotkey(net.read("/api/v1/subnets/" + gemm + "/consensus"));
            int honest = Math.min(incentive.getOrDefault(Keys.HONEST_1.address(), 0),
                    incentive.getOrDefault(Keys.HONEST_2.address(), 0));
            int dishonest = incentive.getOrDefault(Keys.CHEAT.address(), 0);
            assertThat(honest).as("incentive of the honest miners %s", incentive).isGreaterThan(dishonest);
        });
        JsonNode consensus = net.read("/api/v1/subnets/" + gemm + "/consensus");
        System.out.println("[e2e] epoch " + consensus.path("epoch") + " incentive by miner: "
                + Map.of("honest-1", incentiveByHotkey(consensus).get(Keys.HONEST_1.address()),
                        "honest-2", incentiveByHotkey(consensus).get(Keys.HONEST_2.address()),
                        "cheat", incentiveByHotkey(consensus).get(Keys.CHEAT.address())));
    }

    @Test
    @Order(2)
    void everyEpochIsSettledExactlyOnceAndTheBooksBalanceAfterEach() {
        long from = latestEpoch(gemm);
        // let several more epochs run, auditing the ledger after each settlement
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(300)).until(() -> {
            watchSettlements();
            return settledEpochs(gemm).stream().filter(e -> e > from).count() >= EPOCHS;
        });
        assertThat(auditAfterEpoch).as("an audit after every settlement").isNotEmpty();
        assertThat(auditAfterEpoch.values()).as("audits %s", auditAfterEpoch).allMatch(ok -> ok);

        for (int netuid : List.of(gemm, net.chatNetuid())) {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
                List<Long> completed = completedEpochs(netuid);
                List<Long> settled = settledEpochList(netuid);
                // a settlement per completed epoch, none twice; the newest may still be on its way
                assertThat(settled).as("settlements of subnet %d", netuid).doesNotHaveDuplicates();
                assertThat(completed).as("epochs of subnet %d", netuid).containsAll(settled);
                List<Long> due = completed.subList(0, completed.size() - 1);
                assertThat(settled).as("every completed epoch of subnet %d settled", netuid).containsAll(due);
            });
        }
        JsonNode audit = net.audit();
        JsonNode figures = audit.path("figures");
        assertThat(figures.path("settlements").asLong()).isPositive();
        System.out.println("[e2e] settled epochs: gemm " + settledEpochs(gemm) + ", chat " + settledEpochs(net.chatNetuid())
                + "; audit ok with " + figures.path("journalTransactions") + " journal transactions");
    }

    @Test
    @Order(3)
    void theMetagraphAgreesWithConsensusTheRegistryAndTheLedger() {
        // The gateway caches a metagraph per epoch; stake and payouts change when the ledger settles, a moment
        // after the epoch: poll off the epoch's rhythm until a metagraph composed after its settlement is seen.
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(1_100)).untilAsserted(() -> {
            JsonNode metagraph = net.read("/api/v1/subnets/" + gemm + "/metagraph");
            long epoch = metagraph.path("epoch").asLong(-1);
            assertThat(epoch).isNotNegative();
            JsonNode detail = net.read("/api/v1/subnets/" + gemm + "/epochs/" + epoch);
            Map<Integer, JsonNode> outputs = byUid(detail.path("outputs"));
            Map<Integer, JsonNode> neurons = byUid(net.read("/api/v1/subnets/" + gemm + "/neurons").path("neurons"));
            Map<String, Long> stake = new HashMap<>();
            for (JsonNode h : net.read("/api/v1/stakes/subnets/" + gemm).path("hotkeys")) {
                stake.put(h.path("hotkey").asString(), h.path("totalRao").asLong());
            }
            Response payouts = net.gateway().get("/api/v1/emission/subnets/" + gemm + "/payouts?epoch=" + epoch);
            Map<Integer, JsonNode> paid = payouts.status() == 200 ? byUid(payouts.json().path("payouts")) : Map.of();

            assertThat(metagraph.path("n").asInt()).isEqualTo(neurons.size());
            for (JsonNode entry : metagraph.path("neurons")) {
                int uid = entry.path("uid").asInt();
                String hotkey = entry.path("hotkey").asString();
                assertThat(hotkey).as("uid %d", uid).isEqualTo(neurons.get(uid).path("hotkey").asString());
                JsonNode out = outputs.get(uid);
                assertThat(out).as("consensus output of uid %d in epoch %d", uid, epoch).isNotNull();
                assertThat(entry.path("incentive").asInt()).as("incentive of uid %d", uid).isEqualTo(out.path("incentive").asInt());
                assertThat(entry.path("dividends").asInt()).as("dividends of uid %d", uid).isEqualTo(out.path("dividends").asInt());
                assertThat(entry.path("validatorPermit").asBoolean()).as("permit of uid %d", uid)
                        .isEqualTo(out.path("validatorPermit").asBoolean());
                assertThat(entry.path("stakeRao").asLong()).as("stake of uid %d", uid).isEqualTo(stake.getOrDefault(hotkey, 0L));
                if (paid.containsKey(uid)) {
                    JsonNode p = paid.get(uid);
                    assertThat(entry.path("emissionRao").asLong()).as("emission of uid %d", uid)
                            .isEqualTo(p.path("minerRao").asLong() + p.path("validatorRao").asLong());
                }
            }
            assertThat(paid).as("the metagraph's epoch %d is settled", epoch).isNotEmpty();
        });
    }

    @Test
    @Order(4)
    void anOpenAiCompatibleRequestIsAnsweredThroughTheGateway() {
        JsonNode created = net.gateway().postJson("/admin/api-keys", Map.of("name", "e2e-app"), null,
                Map.of("X-Taonet-Admin-Key", SystemNetwork.ADMIN_KEY)).json();
        String apiKey = created.path("apiKey").asString();
        assertThat(apiKey).startsWith("tnk_");
        Map<String, String> auth = Map.of("Authorization", "Bearer " + apiKey);
        String model = "sn" + net.chatNetuid();

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode models = net.gateway().get("/v1/models", auth).json();
            assertThat(models.path("data").findValuesAsString("id")).contains(model);
        });
        int before = net.modelServer().requests();
        Response[] answer = new Response[1];
        // 503 until the scoring-service knows the chat miner and the miner its UID
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            answer[0] = net.gateway().postJson("/v1/chat/completions", Map.of("model", model,
                    "messages", List.of(Map.of("role", "user", "content", "what is useful work?"))), null, auth);
            assertThat(answer[0].status()).as("chat completion: %s", answer[0]).isEqualTo(200);
        });
        assertThat(answer[0].json().path("object").asString()).isEqualTo("chat.completion");
        assertThat(answer[0].json().path("choices").path(0).path("message").path("content").asString())
                .isEqualTo(ModelServerStub.answerTo("what is useful work?"));
        assertThat(net.modelServer().requests()).as("the model server behind the miner was asked").isGreaterThan(before);
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** Audits the ledger whenever a new epoch of the gemm subnet has been settled. */
    static void watchSettlements() {
        TreeSet<Long> settled = settledEpochs(gemm);
        if (!settled.isEmpty() && !auditAfterEpoch.containsKey(settled.last())) {
            JsonNode audit = net.read("/api/v1/audit");
            auditAfterEpoch.put(settled.last(), audit.path("ok").asBoolean());
            if (!audit.path("ok").asBoolean()) {
                System.out.println("[e2e] audit after epoch " + settled.last() + " failed: " + audit);
            }
        }
    }

    static TreeSet<Long> settledEpochs(int netuid) {
        return new TreeSet<>(settledEpochList(netuid));
    }

    static List<Long> settledEpochList(int netuid) {
        List<Long> epochs = new ArrayList<>();
        for (JsonNode s : net.read("/api/v1/emission/subnets/" + netuid + "/settlements?limit=500")) {
            epochs.add(s.path("epoch").asLong());
        }
        return epochs;
    }

    /** Completed epochs, oldest first. */
    static List<Long> completedEpochs(int netuid) {
        List<Long> epochs = new ArrayList<>();
        for (JsonNode e : net.read("/api/v1/subnets/" + netuid + "/epochs?size=200").path("epochs")) {
            epochs.add(0, e.path("epoch").asLong());
        }
        return epochs;
    }

    static long latestEpoch(int netuid) {
        return net.read("/api/v1/subnets/" + netuid + "/consensus").path("epoch").asLong(-1);
    }

    static Map<String, Integer> incentiveByHotkey(JsonNode consensus) {
        Map<String, Integer> m = new HashMap<>();
        for (JsonNode u : consensus.path("uids")) {
            m.put(u.path("hotkey").asString(), u.path("incentive").asInt());
        }
        return m;
    }

    static Map<Integer, JsonNode> byUid(JsonNode array) {
        Map<Integer, JsonNode> m = new TreeMap<>();
        for (JsonNode n : array) {
            m.put(n.path("uid").asInt(), n);
        }
        return m;
    }

    static String name(KeyPair key) {
        return SystemNetwork.MINERS.entrySet().stream().filter(e -> e.getValue().equals(key)).map(Map.Entry::getKey)
                .findFirst().orElse(key.address());
    }
}
