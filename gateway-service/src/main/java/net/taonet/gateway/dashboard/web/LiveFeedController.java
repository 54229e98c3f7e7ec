package net.taonet.gateway.dashboard.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import net.taonet.gateway.dashboard.domain.LiveFeed;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;

/**
 * {@code GET /api/v1/events}: server-sent events for the dashboard. {@code chain} ({@code {block,
 * blockTimeMillis}}) when the height changes, {@code epoch} ({@code {netuid, epoch, block}}) when a subnet
 * completes an epoch, and a comment every 15 s so proxies keep the connection open.
 */
@Tag(name = "dashboard", description = "What the dashboard served at / reads live")
@RestController
public class LiveFeedController {

    private final LiveFeed feed;

    public LiveFeedController(LiveFeed feed) {
        this.feed = feed;
    }

    @Operation(operationId = "events", summary = "Server-sent events: chain (block height), epoch (a subnet completed an epoch), a keep-alive comment every 15 s")
    @GetMapping(path = "/api/v1/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Object>> events() {
        Flux<ServerSentEvent<Object>> chain = feed.chain()
                .map(t -> ServerSentEvent.builder((Object) t).event("chain").build());
        Flux<ServerSentEvent<Object>> epochs = feed.epochs()
                .map(e -> ServerSentEvent.builder((Object) e).event("epoch").id(e.netuid() + ":" + e.epoch()).build());
        Flux<ServerSentEvent<Object>> keepAlive = Flux.interval(Duration.ofSeconds(15))
                .map(i -> ServerSentEvent.builder().comment("keep-alive").build());
        return Flux.merge(chain, epochs, keepAlive);
    }
}
