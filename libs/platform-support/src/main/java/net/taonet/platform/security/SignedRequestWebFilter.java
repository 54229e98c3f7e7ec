package net.taonet.platform.security;

import java.nio.charset.StandardCharsets;
import net.taonet.identity.SignedRequests;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The WebFlux counterpart of {@link SignedRequestBodyFilter}: reads the body of a request that carries a
 * signature header into memory (up to a limit) and hands on a request whose body can be read again, so
 * {@link ReactiveVerifiedSignerArgumentResolver} can hash the exact bytes and the controller still gets
 * its {@code @RequestBody}.
 */
public class SignedRequestWebFilter implements WebFilter, Ordered {

    /** Exchange attribute holding the cached body bytes. */
    public static final String BODY_ATTRIBUTE = SignedRequestWebFilter.class.getName() + ".body";

    private final int maxBodyBytes;

    public SignedRequestWebFilter(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var headers = exchange.getRequest().getHeaders();
        if (headers.getFirst(SignedRequests.SIGNATURE_HEADER) == null
                && headers.getFirst(SignedRequests.SIGNER_HEADER) == null
                && headers.getFirst(SignedRequests.NONCE_HEADER) == null) {
            return chain.filter(exchange);
        }
        return DataBufferUtils.join(exchange.getRequest().getBody(), maxBodyBytes)
                .map(buffer -> {
                    byte[] bytes = new byte[buffer.readableByteCount()];
                    buffer.read(bytes);
                    DataBufferUtils.release(buffer);
                    return bytes;
                })
                .defaultIfEmpty(new byte[0])
                .flatMap(bytes -> {
                    ServerHttpRequest cached = new ServerHttpRequestDecorator(exchange.getRequest()) {
                        @Override
                        public Flux<DataBuffer> getBody() {
                            return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(bytes)));
                        }
                    };
                    ServerWebExchange next = exchange.mutate().request(cached).build();
                    next.getAttributes().put(BODY_ATTRIBUTE, bytes);
                    return chain.filter(next);
                })
                .onErrorResume(DataBufferLimitException.class, e -> tooLarge(exchange));
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatus.CONTENT_TOO_LARGE);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] json = ("{\"type\":\"urn:taonet:problem:body-too-large\",\"title\":\"Content too large\",\"status\":413,"
                + "\"detail\":\"a signed request body may have at most " + maxBodyBytes + " bytes\"}")
                .getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json)));
    }
}
