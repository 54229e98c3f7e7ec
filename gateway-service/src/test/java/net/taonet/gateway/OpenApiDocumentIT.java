package net.taonet.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.taonet.registry.RegistryApplication;
import net.taonet.testsupport.OpenApiDocuments;
import net.taonet.testsupport.ServiceLauncher;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gateway's API documents: its own (OpenAI-compatible, metagraph, admin) written to
 * {@code target/openapi/gateway.json} for the build's linter, with every operation's errors and examples; and
 * the aggregated view, whose Swagger UI lists each service's public document read through the gateway's
 * {@code /services/<name>/**} routes (checked end to end with the registry behind it).
 */
class OpenApiDocumentIT {

    static RunningService registry;
    static RunningService gateway;

    @BeforeAll
    static void start() {
        // A servlet service on the gateway's class path: Spring Cloud Gateway off, and no Reactor Netty resource
        // factory, whose shutdown would dispose the JVM-wide event loops the gateway serves on.
        registry = ServiceLauncher.start(RegistryApplication.class, "registry", Map.of(
                "spring.cloud.gateway.server.webflux.enabled", "false",
                "spring.autoconfigure.exclude",
                "org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration"));
        gateway = ServiceLauncher.start(GatewayApplication.class, "gateway",
                Map.of("taonet.gateway.services.registry", registry.baseUrl(),
                        "spring.main.web-application-type", "reactive"));
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void ownApiDocumentsEveryErrorWithExamples() {
        String json = OpenApiDocuments.write(gateway.baseUrl(), "public", "gateway");
        assertThat(json).contains("/v1/chat/completions", "/api/v1/subnets/{netuid}/metagraph", "/admin/api-keys",
                "model_not_found", "urn:taonet:problem:admin-key-required").doesNotContain("/fallback/");
        assertThat(OpenApiDocuments.undocumented(json)).isEmpty();
    }

    @Test
    void swaggerUiListsEveryServiceThroughTheGateway() {
        String config = OpenApiDocuments.fetch(gateway.baseUrl() + "/v3/api-docs/swagger-config");
        assertThat(config).contains("/v3/api-docs/public", "/services/registry/v3/api-docs/public",
                "/services/emission/v3/api-docs/public", "/services/consensus/v3/api-docs/public",
                "/services/scoring/v3/api-docs/public");
        assertThat(OpenApiDocuments.fetch(gateway.baseUrl() + "/webjars/swagger-ui/index.html")).contains("swagger-ui");

        String viaGateway = OpenApiDocuments.fetch(gateway.baseUrl() + "/services/registry/v3/api-docs/public");
        assertThat(viaGateway).contains("/api/v1/subnets/{netuid}/neurons", "urn:taonet:problem:subnet-full");
    }
}
