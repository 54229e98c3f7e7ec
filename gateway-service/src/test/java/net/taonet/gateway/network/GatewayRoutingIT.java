package net.taonet.gateway.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.taonet.testsupport.LocalNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

/**
 * The gateway in front of the real services (ledger, registry, consensus, scoring, a worker): each route
 * reaches its service and answers what the service answers, API keys' rate limits and monthly quotas are
 * enforced on the routes, the size limit holds, the metagraph is composed from the three services, and a
 * stopped service gives the fallback problem detail, opens its route's breaker, which closes again once the
 * service is back.
 */
class GatewayRoutingIT {

    private static GatewayNetwork net;
    private static RestClient gateway;

    @BeforeAll
    static void network() throws Exception {
        net = GatewayNetwork.get();
        gateway = net.gateway();
    }

    @Test
    void eachRouteReachesItsServiceAndAnswersWhatItAnswers() {
        int netuid = net.chatNetuid;
        assertSameAnswer("/api/v1/subnets/" + netuid, LocalNetwork.REGISTRY);
        assertSameAnswer("/api/v1/subnets/" + netuid + "/neurons", LocalNetwork.REGISTRY);
        assertSameAnswer("/api/v1/prices/lock-cost", LocalNetwork.REGISTRY);
        assertSameAnswer("/api/v1/accounts/" + GatewayNetwork.ALICE.address(), LocalNetwork.LEDGER);
        assertSameAnswer("/api/v1/stakes/subnets/" + netuid, LocalNetwork.LEDGER);
        assertSameAnswer("/api/v1/emission/subnets/" + netuid + "/payouts", LocalNetwork.LEDGER);
        assertSameAnswer("/api/v1/subnets/" + netuid + "/epochs", LocalNetwork.CONSENSUS);
        assertSameAnswer("/api/v1/validators", LocalNetwork.SCORING);
        assertSameAnswer("/api/v1/weights/" + netuid, LocalNetwork.SCORING);

        JsonNode subnet = json(gateway.get().uri("/api/v1/subnets/{n}", netuid).retrieve().toEntity(String.class));
        assertThat(subnet.path("taskType").asString()).isEqualTo("chat");
        ResponseEntity<String> health = gateway.get().uri("/services/scoring/actuator/health").retrieve().toEntity(String.class);
        assertThat(health.getStatusCode().value()).isEqualTo(200);
        assertThat(health.getBody()).contains("UP");
    }

    @Test
    void theRequestIdGoesBackToTheClient() {
        ResponseEntity<String> answer = gateway.get().uri("/api/v1/subnets").header("X-Request-Id", "routing-it-1")
                .retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getFirst("X-Request-Id")).isEqualTo("routing-it-1");
    }

    @Test
    void theMetagraphIsComposedFromRegistryLedgerAndConsensus() {
        ResponseEntity<String> answer = gateway.get().uri("/api/v1/subnets/{n}/metagraph", net.chatNetuid)
                .retrieve().toEntity(String.class);
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        JsonNode metagraph = json(answer);
        assertThat(metagraph.path("netuid").asInt()).isEqualTo(net.chatNetuid);
        assertThat(metagraph.toString()).contains(GatewayNetwork.MINER.address(), GatewayNetwork.VALIDATOR.address());
        assertThat(gateway.get().uri("/api/v1/subnets/4321/metagraph").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(404);
    }

    @Test
    void aKeysRateLimitAppliesOnTheRoutesWithRetryAfter() throws Exception {
        String key = net.apiKey("routing-rate", 1, 2, 1_000);
        // ten at once against a bucket of two refilled at one a second: however slow the machine, most are refused
        List<ResponseEntity<String>> answers = new ArrayList<>();
        ExecutorService senders = Executors.newFixedThreadPool(10);
        try {
            List<Callable<ResponseEntity<String>>> calls = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                calls.add(() -> keyed("/api/v1/prices/lock-cost", key));
            }
            for (Future<ResponseEntity<String>> f : senders.invokeAll(calls)) {
                answers.add(f.get());
            }
        } finally {
            senders.shutdownNow();
        }
        assertThat(answers).extracting(a -> a.getStatusCode().value()).contains(200, 429).containsOnly(200, 429);
        ResponseEntity<String> limited = answers.stream().filter(a -> a.getStatusCode().value() == 429).findFirst()
                .orElseThrow();
        assertThat(limited.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(json(limited).path("type").asString()).isEqualTo("urn:taonet:problem:rate-limited");
        // without a key the public routes stay open
        assertThat(gateway.get().uri("/api/v1/prices/lock-cost").retrieve().toBodilessEntity().getStatusCode().value())
                .isEqualTo(200);
        assertThat(keyed("/api/v1/prices/lock-cost", "tnk_not-a-key").getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void aKeysMonthlyQuotaEndsWith429UntilTheMonthTurns() {
        String key = net.apiKey("routing-quota", 1_000, 1_000, 3);
        for (int i = 0; i < 3; i++) {
            assertThat(keyed("/api/v1/subnets", key).getStatusCode().value()).isEqualTo(200);
        }
        ResponseEntity<String> over = keyed("/api/v1/subnets", key);
        assertThat(over.getStatusCode().value()).isEqualTo(429);
        assertThat(json(over).path("type").asString()).isEqualTo("urn:taonet:problem:quota-exceeded");
        assertThat(Long.parseLong(over.getHeaders().getFirst("Retry-After"))).isPositive();
    }

    @Test
    void aBodyOverTheSizeLimitIsRefusedBeforeTheService() {
        byte[] big = new byte[1024 * 1024 + 1];
        java.util.Arrays.fill(big, (byte) ' ');
        big[0] = '{';
        big[big.length - 1] = '}';
        ResponseEntity<String> refused = gateway.post().uri("/api/v1/transfers").contentType(MediaType.APPLICATION_JSON)
                .body(big).retrieve().toEntity(String.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(413);
    }

    @Test
    void aStoppedServiceGivesTheFallbackOpensTheBreakerAndItClosesWhenTheServiceIsBack() {
        String path = "/api/v1/subnets/" + net.chatNetuid + "/epochs";
        assertThat(gateway.get().uri(path).retrieve().toBodilessEntity().getStatusCode().value()).isEqualTo(200);
        CircuitBreaker breaker = net.network.service(LocalNetwork.GATEWAY).bean(CircuitBreakerRegistry.class)
                .circuitBreaker("consensus");
        assertThat(breaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);

        net.network.stop(LocalNetwork.CONSENSUS);
        try {
            ResponseEntity<String> fallback = gateway.get().uri(path).retrieve().toEntity(String.class);
            assertThat(fallback.getStatusCode().value()).isEqualTo(503);
            assertThat(fallback.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
            assertThat(json(fallback).path("type").asString()).isEqualTo("urn:taonet:problem:service-unavailable");
            // other routes are not affected
            assertThat(gateway.get().uri("/api/v1/subnets").retrieve().toBodilessEntity().getStatusCode().value())
                    .isEqualTo(200);
            await("the consensus breaker opens").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                    .until(() -> {
                        gateway.get().uri(path).retrieve().toBodilessEntity();
                        return breaker.getState() == CircuitBreaker.State.OPEN;
                    });
            // open: answered by the fallback at once, without waiting for the service
            ResponseEntity<String> shortCircuited = gateway.get().uri(path).retrieve().toEntity(String.class);
            assertThat(shortCircuited.getStatusCode().value()).isEqualTo(503);
            assertThat(json(shortCircuited).path("type").asString()).isEqualTo("urn:taonet:problem:service-unavailable");
        } finally {
            net.network.start(LocalNetwork.CONSENSUS);
        }
        await("the consensus breaker closes").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> gateway.get().uri(path).retrieve().toBodilessEntity().getStatusCode().value() == 200
                        && breaker.getState() == CircuitBreaker.State.CLOSED);
    }

    private static ResponseEntity<String> keyed(String path, String key) {
        return gateway.get().uri(path).header("Authorization", "Bearer " + key).retrieve().toEntity(String.class);
    }

    private static void assertSameAnswer(String path, String service) {
        ResponseEntity<String> direct = GatewayNetwork.client(net.network.url(service)).get().uri(path)
                .retrieve().toEntity(String.class);
        ResponseEntity<String> routed = gateway.get().uri(path).retrieve().toEntity(String.class);
        assertThat(routed.getStatusCode()).as(path).isEqualTo(direct.getStatusCode());
        assertThat(direct.getStatusCode().value()).as(path + " " + direct.getBody()).isIn(200, 404);
        if (direct.getStatusCode().value() == 200) {
            // the same shape; values such as the current block may move between the two calls
            assertThat(fieldNames(json(routed))).as(path).isEqualTo(fieldNames(json(direct)));
        } else {
            assertThat(json(routed).path("type")).as(path).isEqualTo(json(direct).path("type"));
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        if (node.isArray()) {
            names.add("[" + node.size() + "]");
            if (!node.isEmpty()) {
                names.addAll(fieldNames(node.get(0)));
            }
        } else {
            node.propertyNames().forEach(names::add);
        }
        return names;
    }

    private static JsonNode json(ResponseEntity<String> response) {
        return GatewayNetwork.JSON.readTree(response.getBody());
    }
}
