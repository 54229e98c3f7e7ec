package net.taonet.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import net.taonet.platform.logging.testapp.LoggingTestApplication;
import net.taonet.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real Spring MVC service with the services' logging settings: every console line is one JSON object
 * (Boot's ECS structured format) carrying the gateway's request id and, inside a log context, netuid and
 * uid; the Prometheus endpoint serves the shared metrics.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = LoggingTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "logging.structured.format.console=ecs",
                "spring.application.name=logging-test",
                "management.endpoints.web.exposure.include=health,prometheus"})
class RequestLoggingIT {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        String url = TestPostgres.freshDatabase("logging");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
        registry.add("spring.flyway.locations", () -> "classpath:db/platform");
        // No broker: nothing here publishes, and no topics are created.
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:9");
        registry.add("taonet.platform.create-topics", () -> "false");
    }

    @Autowired
    Environment environment;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void logLinesAreJsonWithTheRequestIdAndTheNeuronsContext(CapturedOutput output) throws Exception {
        HttpResponse<String> response = get("/api/v1/neurons/3/7", "req-42");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue(RequestIdFilter.HEADER)).hasValue("req-42");

        JsonNode inContext = line(output, "looked up neuron 7 of subnet 3");
        assertThat(inContext.path(LogContext.REQUEST_ID).asString()).isEqualTo("req-42");
        assertThat(inContext.path(LogContext.NETUID).asString()).isEqualTo("3");
        assertThat(inContext.path(LogContext.UID).asString()).isEqualTo("7");
        assertThat(inContext.path("log").path("level").asString()).isEqualTo("INFO");
        assertThat(inContext.path("service").path("name").asString()).isEqualTo("logging-test");

        // The neuron's keys end with its block, the request's with the request.
        JsonNode after = line(output, "answered the neuron lookup");
        assertThat(after.path(LogContext.REQUEST_ID).asString()).isEqualTo("req-42");
        assertThat(after.has(LogContext.NETUID)).isFalse();
    }

    @Test
    void aRequestWithoutASaneIdGetsAFreshOne(CapturedOutput output) throws Exception {
        HttpResponse<String> response = get("/api/v1/neurons/4/1", "bad id\" injected");
        String id = response.headers().firstValue(RequestIdFilter.HEADER).orElseThrow();
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(line(output, "looked up neuron 1 of subnet 4").path(LogContext.REQUEST_ID).asString()).isEqualTo(id);
    }

    @Test
    void prometheusServesTheSharedMetricsBesideTheDefaults() throws Exception {
        get("/api/v1/neurons/1/1", "req-metrics");
        String metrics = get("/actuator/prometheus", null).body();
        assertThat(metrics).contains("taonet_outbox_backlog 0.0", "jvm_memory_used_bytes",
                "http_server_requests_seconds_count{");
    }

    private HttpResponse<String> get(String path, String requestId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(
                "http://localhost:" + environment.getRequiredProperty("local.server.port") + path));
        if (requestId != null) {
            request.header(RequestIdFilter.HEADER, requestId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The one JSON log line whose message is {@code message}. */
    private static JsonNode line(CapturedOutput output, String message) {
        List<JsonNode> lines = output.getOut().lines().filter(l -> l.startsWith("{"))
                .map(JSON::readTree).filter(n -> message.equals(n.path("message").asString())).toList();
        assertThat(lines).as("JSON log lines saying '%s'", message).hasSize(1);
        return lines.get(0);
    }
}
