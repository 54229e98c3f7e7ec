package net.taonet.consensus.epoch;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import net.taonet.consensus.ConsensusApplication;
import net.taonet.consensus.projection.domain.ProjectionStore;
import net.taonet.events.registry.Hyperparameters;
import net.taonet.events.registry.SubnetIdentity;
import net.taonet.events.registry.SubnetRegistered;
import net.taonet.testsupport.ServiceLauncher;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reads of a subnet answer 404 {@code subnet-not-found} for a netuid consensus has no projection of,
 * and answer for a subnet it knows, whether or not an epoch of it has run yet.
 */
class SubnetReadsIT {

    static final int KNOWN = 3;
    static final int UNKNOWN = 4242;

    static RunningService service;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        service = ServiceLauncher.start(ConsensusApplication.class, "consensus");
        // as the registry's SubnetRegistered event would, straight into the projection
        service.bean(ProjectionStore.class).subnetRegistered(new SubnetRegistered(KNOWN, "owner-coldkey",
                "owner-hotkey", "echo", new SubnetIdentity("sn3", "", "", ""), Hyperparameters.defaults(), 1_000, 10));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void readsOfAnUnknownSubnetAre404SubnetNotFound() throws Exception {
        for (String path : new String[] {"/epochs", "/epochs/1", "/consensus", "/epochs/replay-hyperparameters"}) {
            HttpResponse<String> r = get("/api/v1/subnets/" + UNKNOWN + path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type")).as(path).hasValueSatisfying(
                    t -> assertThat(t).startsWith("application/problem+json"));
            assertThat(r.body()).as(path).contains("\"type\":\"urn:taonet:problem:subnet-not-found\"");
        }
    }

    @Test
    void readsOfAKnownSubnetAnswer() throws Exception {
        HttpResponse<String> epochs = get("/api/v1/subnets/" + KNOWN + "/epochs");
        assertThat(epochs.statusCode()).isEqualTo(200);
        assertThat(epochs.body()).contains("\"netuid\":" + KNOWN, "\"epochs\":[");
        HttpResponse<String> consensus = get("/api/v1/subnets/" + KNOWN + "/consensus");
        assertThat(consensus.statusCode()).isEqualTo(200);
        assertThat(consensus.body()).contains("\"netuid\":" + KNOWN, "\"uids\":[");
        HttpResponse<String> names = get("/api/v1/subnets/" + KNOWN + "/epochs/replay-hyperparameters");
        assertThat(names.statusCode()).isEqualTo(200);
        assertThat(names.body()).contains("kappa");
    }

    @Test
    void anEpochAKnownSubnetHasNotRunIs404EpochNotFound() throws Exception {
        HttpResponse<String> r = get("/api/v1/subnets/" + KNOWN + "/epochs/999999999");
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(r.body()).contains("\"type\":\"urn:taonet:problem:epoch-not-found\"");
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(service.baseUrl() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
