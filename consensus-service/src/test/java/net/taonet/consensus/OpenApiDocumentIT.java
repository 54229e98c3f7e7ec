package net.taonet.consensus;

import static org.assertj.core.api.Assertions.assertThat;

import net.taonet.testsupport.OpenApiDocuments;
import net.taonet.testsupport.ServiceLauncher;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consensus service's OpenAPI document, as served: written to {@code target/openapi/} for the build's linter;
 * every operation documents its problem types with examples.
 */
class OpenApiDocumentIT {

    static RunningService service;

    @BeforeAll
    static void start() {
        service = ServiceLauncher.start(ConsensusApplication.class, "consensus");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void publicApiDocumentsEveryProblemWithExamples() {
        String json = OpenApiDocuments.write(service.baseUrl(), "public", "consensus");
        assertThat(json).contains("/api/v1/subnets/{netuid}/epochs/{epoch}/replay", "urn:taonet:problem:epoch-not-found").doesNotContain("/internal/");
        assertThat(OpenApiDocuments.undocumented(json)).isEmpty();
    }
}
