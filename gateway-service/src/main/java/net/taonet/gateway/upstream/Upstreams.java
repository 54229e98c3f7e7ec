package net.taonet.gateway.upstream;

import io.netty.channel.ChannelOption;
import java.time.Duration;
import net.taonet.gateway.GatewayProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;

/**
 * Clients for the services the gateway composes answers from (models, metagraph, organic dispatch).
 * Internal calls carry the shared service key.
 */
@Component
public class Upstreams {

    public static final String SERVICE_KEY_HEADER = "X-Taonet-Service-Key";

    private final WebClient registry;
    private final WebClient emission;
    private final WebClient consensus;
    private final WebClient scoring;

    public Upstreams(GatewayProperties props,
            @Value("${taonet.internal.service-key:local-service-key}") String serviceKey) {
        HttpClient http = HttpClient.create().option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000)
                .responseTimeout(Duration.ofSeconds(120));
        WebClient.Builder base = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http))
                .defaultHeader(SERVICE_KEY_HEADER, serviceKey)
                .codecs(c -> c.defaultCodecs().maxInMemorySize(8 * 1024 * 1024));
        this.registry = base.clone().baseUrl(props.services().registry().toString()).build();
        this.emission = base.clone().baseUrl(props.services().emission().toString()).build();
        this.consensus = base.clone().baseUrl(props.services().consensus().toString()).build();
        this.scoring = base.clone().baseUrl(props.services().scoring().toString()).build();
    }

    public WebClient registry() {
        return registry;
    }

    public WebClient emission() {
        return emission;
    }

    public WebClient consensus() {
        return consensus;
    }

    public WebClient scoring() {
        return scoring;
    }
}
