package net.taonet.gateway.web;

import java.util.UUID;
import java.util.regex.Pattern;
import net.taonet.platform.logging.LogContext;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Every response carries {@code X-Request-Id}: the client's own when it sent a sane one, else a new UUID.
 * The same id is forwarded to the services, so one request can be followed through every log.
 */
@Component
public class RequestIdFilter implements WebFilter, Ordered {

    public static final String HEADER = "X-Request-Id";
    public static final String ATTRIBUTE = "taonet.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String incoming = exchange.getRequest().getHeaders().getFirst(HEADER);
        String requestId = incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        ServerHttpRequest request = exchange.getRequest().mutate()
                .headers(h -> h.set(HEADER, requestId)).build();
        exchange.getResponse().getHeaders().set(HEADER, requestId);
        exchange.getAttributes().put(ATTRIBUTE, requestId);
        return chain.filter(exchange.mutate().request(request).build())
                .contextWrite(ctx -> ctx.put(ATTRIBUTE, requestId));
    }

    /**
     * The request's id in the MDC for the log lines written while handling it: a reactive chain hops threads, so
     * the MDC does not carry it by itself.
     */
    public static LogContext logContext(ServerWebExchange exchange) {
        return LogContext.request(exchange.getAttribute(ATTRIBUTE));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
