package net.taonet.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import net.taonet.testsupport.ServiceLauncher;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The service starts on the real PostgreSQL and Kafka, migrates its schema, and reports healthy. */
class ScoringApplicationIT {

    @Test
    void startsAndReportsHealthy() {
        try (RunningService service = ServiceLauncher.start(ScoringApplication.class, "scoring")) {
            String health = RestClient.create(service.baseUrl()).get().uri("/actuator/health")
                    .retrieve().body(String.class);
            assertThat(health).contains("\"status\":\"UP\"");
        }
    }
}
