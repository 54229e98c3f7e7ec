package net.taonet.registryit;

import static org.assertj.core.api.Assertions.assertThat;

import net.taonet.testsupport.OpenApiDocuments;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The registry's OpenAPI document, as served: written to {@code target/openapi/registry.json} for the build's
 * linter, and every operation documents its problem types with examples. No ledger is needed to describe the API.
 */
class OpenApiDocumentIT {

    static RunningService registry;

    @BeforeAll
    static void start() {
        registry = TestNetwork.startRegistry("http://127.0.0.1:9");
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    @Test
    void everyOperationDocumentsItsProblemsWithExamples() {
        String json = OpenApiDocuments.write(registry.baseUrl(), "public", "registry");
        assertThat(json).contains("/api/v1/subnets/{netuid}/neurons", "urn:taonet:problem:unknown-subnet");
        assertThat(OpenApiDocuments.undocumented(json)).isEmpty();
    }
}
