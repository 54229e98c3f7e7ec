package net.taonet.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import net.taonet.identity.KeyPair;
import net.taonet.identity.RequestSigner;
import net.taonet.platform.security.fluxapp.SignedFluxApplication;
import net.taonet.testsupport.TestPostgres;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The WebFlux variant: the same signatures and answers as Spring MVC, on a reactive server. */
@SpringBootTest(classes = SignedFluxApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=reactive")
class SignedRequestWebFluxIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        String url = TestPostgres.freshDatabase("signedflux");
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> TestPostgres.USER);
        registry.add("spring.datasource.password", () -> TestPostgres.PASSWORD);
        registry.add("spring.flyway.locations", () -> "classpath:db/platform");
        registry.add("spring.kafka.bootstrap-servers", () -> "localhost:9");
        registry.add("taonet.platform.create-topics", () -> "false");
        registry.add("taonet.security.signatures.max-body-bytes", () -> "4096");
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Environment environment;

    final HttpClient http = HttpClient.newHttpClient();
    final KeyPair alice = KeyPair.generate();
    final RequestSigner signer = new RequestSigner(alice);

    record Answer(int status, String contentType, JsonNode json) {
    }

    Answer send(String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + environment.getRequiredProperty("local.server.port") + path))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json");
        headers.forEach(request::header);
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body().isEmpty() ? JSON.createObjectNode() : JSON.readTree(response.body()));
    }

    Map<String, String> sign(String path, String body) {
        return signer.headers("POST", path, body.getBytes(StandardCharsets.UTF_8));
    }

    static void assertProblem(Answer a, int status, String type) {
        assertThat(a.status()).as("%s", a.json()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.json().path("type").asString()).isEqualTo("urn:taonet:problem:" + type);
    }

    @Test
    void validMissingTamperedStaleReplayedAndNotOwner() throws Exception {
        String path = "/api/v1/things/" + alice.address();
        Map<String, String> headers = sign(path, "{\"n\":1}");
        Answer ok = send(path, "{\"n\":1}", headers);
        assertThat(ok.status()).as("%s", ok.json()).isEqualTo(200);
        assertThat(ok.json().path("signer").asString()).isEqualTo(alice.address());
        assertThat(ok.json().path("body").path("n").asInt()).isEqualTo(1);

        assertProblem(send(path, "{\"n\":1}", headers), 401, "signature-replayed");
        assertProblem(send(path, "{}", Map.of()), 401, "signature-missing");
        assertProblem(send(path, "{\"n\":2}", sign(path, "{\"n\":3}")), 401, "signature-invalid");
        Map<String, String> stale = signer.sign("POST", path, System.currentTimeMillis() - 120_000,
                "{}".getBytes(StandardCharsets.UTF_8)).asMap();
        assertProblem(send(path, "{}", stale), 401, "signature-stale");

        String other = "/api/v1/things/" + KeyPair.generate().address();
        assertProblem(send(other, "{}", sign(other, "{}")), 403, "not-owner");
        assertProblem(send(path, "{\"pad\":\"" + "x".repeat(5000) + "\"}",
                sign(path, "{\"pad\":\"" + "x".repeat(5000) + "\"}")), 413, "body-too-large");
    }
}
