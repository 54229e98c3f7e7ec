package net.taonet.testsupport.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import net.taonet.testsupport.LocalNetwork;
import org.junit.jupiter.api.Test;

class LocalNetworkIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void wiresServicesToOneAnotherAndRestartsThemInPlace() throws Exception {
        try (LocalNetwork network = LocalNetwork.builder()
                .registry(StandInService.class)
                .ledger(StandInService.class)
                .worker("worker-1", StandInService.class, Map.of("taonet.worker.hotkey-seed", "abc"))
                .gateway(StandInService.class)
                .blockTime(Duration.ofMillis(100))
                .start()) {
            assertThat(network.names()).containsExactly("emission", "registry", "worker-1", "gateway");

            // Each service learns the URLs of the ones it calls, and all share one chain.
            assertThat(get(network.url("registry") + "/property?key=taonet.registry.ledger-url"))
                    .isEqualTo(network.url("emission"));
            assertThat(get(network.url("worker-1") + "/property?key=taonet.worker.registry.url"))
                    .isEqualTo(network.url("registry"));
            assertThat(get(network.url("worker-1") + "/property?key=taonet.worker.hotkey-seed")).isEqualTo("abc");
            assertThat(get(network.url("gateway") + "/property?key=taonet.gateway.services.emission"))
                    .isEqualTo(network.url("emission"));
            assertThat(get(network.url("gateway") + "/property?key=taonet.gateway.services.consensus")).isEmpty();
            assertThat(get(network.url("gateway") + "/property?key=taonet.chain.block-time")).isEqualTo("100ms");
            assertThat(get(network.url("registry") + "/property?key=taonet.chain.genesis"))
                    .isEqualTo(network.genesis().toString());

            // Each has its own database...
            post(network.url("registry") + "/notes?text=kept");
            assertThat(get(network.url("emission") + "/notes")).isEmpty();

            // ...which a restart finds again, on the same port.
            String before = network.url("registry");
            network.stop("registry");
            assertThat(network.isRunning("registry")).isFalse();
            assertThatThrownBy(() -> network.service("registry")).isInstanceOf(IllegalStateException.class);
            network.start("registry");
            assertThat(network.url("registry")).isEqualTo(before);
            assertThat(get(network.url("registry") + "/notes")).isEqualTo("kept");
        }
    }

    @Test
    void refusesTwoServicesOfOneName() {
        assertThatThrownBy(() -> LocalNetwork.builder()
                .worker("w", StandInService.class, Map.of())
                .worker("w", StandInService.class, Map.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private String get(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private void post(String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
    }
}
