package net.taonet.gateway.web;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Service-to-service endpoints ({@code /internal/**}) are not part of the public API: the
 * {@code /services/<name>/**} routes would otherwise reach them through the front door, so they end here
 * as not found, before any route is chosen.
 */
@Component
public class InternalPathsFilter implements WebFilter, Ordered {

    private static final Pattern INTERNAL = Pattern.compile("^/services/[^/]+/+internal(/.*)?$", Pattern.CASE_INSENSITIVE);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (!INTERNAL.matcher(exchange.getRequest().getPath().value()).matches()) {
            return chain.filter(exchange);
        }
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.NOT_FOUND);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        String body = "{\"type\":\"urn:taonet:problem:not-found\",\"title\":\"Not Found\",\"status\":404,"
                + "\"detail\":\"internal endpoints are not served through the gateway\"}";
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    @Override
    public int getOrder() {
        // After the request id (so the refusal carries one), before keys and routing.
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
