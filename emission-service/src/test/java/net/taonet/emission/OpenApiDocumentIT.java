package net.taonet.emission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.taonet.testsupport.OpenApiDocuments;
import net.taonet.testsupport.ServiceLauncher;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import net.taonet.testsupport.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ledger's OpenAPI documents, as served: the public API (with the faucet, as the local profile has it)
 * to {@code target/openapi/emission.json} and the registry's internal charges to
 * {@code target/openapi/emission-internal.json}, for the build's linter; every operation documents its
 * problem types with examples, and the internal endpoints stay out of the public document.
 */
class OpenApiDocumentIT {

    static RunningService ledger;

    @BeforeAll
    static void start() {
        ledger = ServiceLauncher.start(EmissionApplication.class, "emission", Map.of(
                "spring.datasource.url", TestPostgres.freshDatabase("emission_openapi"),
                "taonet.emission.faucet.enabled", "true"));
    }

    @AfterAll
    static void stop() {
        if (ledger != null) {
            ledger.close();
        }
    }

    @Test
    void publicApiDocumentsEveryProblemWithExamples() {
        String json = OpenApiDocuments.write(ledger.baseUrl(), "public", "emission");
        assertThat(json).contains("/api/v1/transfers", "urn:taonet:problem:insufficient-balance").doesNotContain("/internal/");
        assertThat(OpenApiDocuments.undocumented(json)).isEmpty();
    }

    @Test
    void internalChargesAreDocumentedApart() {
        String json = OpenApiDocuments.write(ledger.baseUrl(), "internal", "emission-internal");
        assertThat(json).contains("/internal/charges/lock", "urn:taonet:problem:service-key-invalid").doesNotContain("/api/v1/");
        assertThat(OpenApiDocuments.undocumented(json)).isEmpty();
    }
}
