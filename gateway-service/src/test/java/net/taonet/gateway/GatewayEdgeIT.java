package net.taonet.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.Map;
import net.taonet.testsupport.ServiceLauncher;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import net.taonet.testsupport.TestKafka;
import net.taonet.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

/**
 * The edge on its own: request ids, API-key administration, key admission with rate limits, and the
 * fallback problem detail when the service behind a route is down.
 */
class GatewayEdgeIT {

    private static RunningService gateway;
    private static RestClient http;

    @BeforeAll
    static void start() throws Exception {
        // The broker and the database start first: a free port picked before them could become theirs, and a
        // request would then hang on a listener that does not speak HTTP instead of being refused.
        TestKafka.bootstrapServers();
        TestPostgres.freshDatabase("gateway_edge_probe");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String down = "http://127.0.0.1:" + closedPort;
        gateway = ServiceLauncher.start(GatewayApplication.class, "gateway", Map.of(
                "taonet.gateway.services.registry", down,
                "taonet.gateway.services.emission", down,
                "taonet.gateway.services.consensus", down,
                "taonet.gateway.services.scoring", down));
        http = RestClient.builder().baseUrl(gateway.baseUrl())
                .defaultStatusHandler(HttpStatusCode::isError, (req, res) -> { })
                .build();
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void everyResponseCarriesARequestIdAndKeepsTheClientsOwn() {
        ResponseEntity<String> fresh = http.get().uri("/actuator/health").retrieve().toEntity(String.class);
        assertThat(fresh.getHeaders().getFirst("X-Request-Id")).isNotBlank();
        ResponseEntity<String> echoed = http.get().uri("/actuator/health").header("X-Request-Id", "trace-123")
                .retrieve().toEntity(String.class);
        assertThat(echoed.getHeaders().getFirst("X-Request-Id")).isEqualTo("trace-123");
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void aDeadServiceGivesTheFallbackProblemDetailAndLogsWhyUnderTheRequestId(CapturedOutput output) {
        ResponseEntity<Map> response = http.get().uri("/api/v1/subnets").header("X-Request-Id", "dead-registry-1")
                .retrieve().toEntity(Map.class);
        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(response.getBody()).containsEntry("type", "urn:taonet:problem:service-unavailable");
        // the operator's side: one structured line with the request id and the cause (the refused connection)
        assertThat(output.getOut().lines().filter(l -> l.contains("answered by the fallback")))
                .anySatisfy(line -> assertThat(line).contains("\"requestId\":\"dead-registry-1\"")
                        .containsIgnoringCase("connect"));
    }

    @Test
    void adminEndpointsNeedTheAdminKey() {
        ResponseEntity<Map> refused = http.post().uri("/admin/api-keys").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "app")).retrieve().toEntity(Map.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        ResponseEntity<Map> wrong = http.post().uri("/admin/api-keys").header("X-Taonet-Admin-Key", "nope")
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("name", "app")).retrieve().toEntity(Map.class);
        assertThat(wrong.getStatusCode().value()).isEqualTo(401);
    }

    @Test
    void badKeyRequestsAreProblemDetails() {
        ResponseEntity<Map> invalid = admin().post().uri("/admin/api-keys").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "", "requestsPerSecond", -1)).retrieve().toEntity(Map.class);
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody()).containsEntry("type", "urn:taonet:problem:invalid-request");

        ResponseEntity<Map> controlCharacter = admin().post().uri("/admin/api-keys").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "app\u0000name")).retrieve().toEntity(Map.class);
        assertThat(controlCharacter.getStatusCode().value()).isEqualTo(400);
        assertThat(controlCharacter.getBody()).containsEntry("type", "urn:taonet:problem:invalid-request");
    }

    @Test
    void servicesInternalEndpointsAreNotReachableThroughTheGateway() {
        for (String path : new String[] {"/services/emission/internal/charges/x", "/services/scoring//internal/dispatch/1",
                "/services/registry/INTERNAL"}) {
            ResponseEntity<Map> response = http.get().uri(path).retrieve().toEntity(Map.class);
            assertThat(response.getStatusCode().value()).as(path).isEqualTo(404);
            assertThat(response.getBody()).containsEntry("type", "urn:taonet:problem:not-found");
        }
        // The rest of a service's own root still routes (here to the fallback: nothing runs behind it).
        assertThat(http.get().uri("/services/registry/actuator/health").retrieve().toBodilessEntity()
                .getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void keysAreRateLimitedWithRetryAfterAndRevocable() {
        Map<?, ?> created = admin().post().uri("/admin/api-keys").contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("name", "limited-app", "requestsPerSecond", 1, "burst", 2))
                .retrieve().body(Map.class);
        String key = (String) created.get("apiKey");
        assertThat(key).startsWith("tnk_");

        // /v1/models needs the registry, which is down: admitted requests reach the upstream and fail there.
        assertThat(status("/v1/models", null)).isEqualTo(401);
        assertThat(status("/v1/models", "tnk_unknown")).isEqualTo(401);
        int first = status("/v1/models", key);
        int second = status("/v1/models", key);
        assertThat(first).isNotIn(401, 429);
        assertThat(second).isNotIn(401, 429);
        ResponseEntity<Map> limited = http.get().uri("/v1/models").header("Authorization", "Bearer " + key)
                .retrieve().toEntity(Map.class);
        assertThat(limited.getStatusCode().value()).isEqualTo(429);
        assertThat(limited.getHeaders().getFirst("Retry-After")).isNotBlank();
        assertThat(((Map<?, ?>) limited.getBody().get("error")).get("code")).isEqualTo("rate_limit_exceeded");

        String id = (String) ((Map<?, ?>) created.get("key")).get("id");
        admin().delete().uri("/admin/api-keys/{id}", id).retrieve().toBodilessEntity();
        assertThat(status("/v1/models", key)).isEqualTo(401);
    }

    private static int status(String path, String key) {
        var request = http.get().uri(path);
        if (key != null) {
            request = request.header("Authorization", "Bearer " + key);
        }
        return request.retrieve().toBodilessEntity().getStatusCode().value();
    }

    private static RestClient admin() {
        return http.mutate().defaultHeader("X-Taonet-Admin-Key", "local-admin-key").build();
    }
}
