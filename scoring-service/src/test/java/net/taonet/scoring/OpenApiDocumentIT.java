package net.taonet.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import net.taonet.testsupport.OpenApiDocuments;
import net.taonet.testsupport.ServiceLauncher;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scoring service's OpenAPI documents (public, and the internal dispatch apart), as served: written to
 * {@code target/openapi/} for the build's linter; every operation documents its problem types with examples.
 */
class OpenApiDocumentIT {

    static RunningService service;

    @BeforeAll
    static void start() {
        service = ServiceLauncher.start(ScoringApplication.class, "scoring");
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void publicApiDocumentsEveryProblemWithExamples() {
        String json = OpenApiDocuments.write(service.baseUrl(), "public", "scoring");
        assertThat(json).contains("/api/v1/weights/reveal", "urn:taonet:problem:reveal-too-late").doesNotContain("/internal/");
        assertThat(OpenApiDocuments.undocumented(json)).isEmpty();
    }

    @Test
    void internalDispatchIsDocumentedApart() {
        String json = OpenApiDocuments.write(service.baseUrl(), "internal", "scoring-internal");
        assertThat(json).contains("/internal/dispatch/{netuid}", "urn:taonet:problem:dispatch-timeout").doesNotContain("/api/v1/");
        assertThat(OpenApiDocuments.undocumented(json)).isEmpty();
    }
}
