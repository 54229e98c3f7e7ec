package net.taonet.platform.security;

import net.taonet.identity.RequestVerifier;
import net.taonet.identity.SignatureException;
import net.taonet.identity.SignedRequests;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.reactive.result.method.HandlerMethodArgumentResolver;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * WebFlux: verifies the request's signature when a handler asks for a {@link VerifiedSigner}, and refuses
 * it with a 401 {@link ApiProblem} (rendered by the service's reactive problem handler) otherwise. The
 * nonce store may block (JDBC), so verification runs on the bounded elastic scheduler. In WebFlux the
 * parameter is what triggers verification: {@link SignedEndpointCheck} refuses to start a service with a
 * {@link SignedRequest} handler that lacks one.
 */
public class ReactiveVerifiedSignerArgumentResolver implements HandlerMethodArgumentResolver {

    private static final byte[] NO_BODY = new byte[0];

    private final RequestVerifier verifier;

    public ReactiveVerifiedSignerArgumentResolver(RequestVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return VerifiedSigner.class.equals(parameter.getParameterType());
    }

    @Override
    public Mono<Object> resolveArgument(MethodParameter parameter, BindingContext bindingContext,
            ServerWebExchange exchange) {
        Object done = exchange.getAttribute(SignedRequestInterceptor.SIGNER_ATTRIBUTE);
        if (done != null) {
            return Mono.just(done);
        }
        ServerHttpRequest request = exchange.getRequest();
        Object cached = exchange.getAttribute(SignedRequestWebFilter.BODY_ATTRIBUTE);
        byte[] body = cached instanceof byte[] bytes ? bytes : NO_BODY;
        String path = SignedRequests.pathAndQuery(request.getURI());
        HttpHeaders headers = request.getHeaders();
        return Mono.fromCallable(() -> {
            try {
                String signer = verifier.verify(request.getMethod().name(), path, body,
                        headers.getFirst(SignedRequests.SIGNER_HEADER),
                        headers.getFirst(SignedRequests.NONCE_HEADER),
                        headers.getFirst(SignedRequests.SIGNATURE_HEADER));
                VerifiedSigner verified = new VerifiedSigner(signer);
                exchange.getAttributes().put(SignedRequestInterceptor.SIGNER_ATTRIBUTE, verified);
                return (Object) verified;
            } catch (SignatureException e) {
                exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "TaonetSignature");
                throw ApiProblem.unauthorized(e.reason().slug(), e.getMessage());
            }
        }).subscribeOn(Schedulers.boundedElastic());
    }
}
