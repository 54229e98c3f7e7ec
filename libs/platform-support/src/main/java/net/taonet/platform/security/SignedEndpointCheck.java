package net.taonet.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * WebFlux only: fails the start of a service that has a {@link SignedRequest} handler without a
 * {@link VerifiedSigner} parameter, because in WebFlux that parameter is what verifies the signature; an
 * annotated but unverified endpoint must never go live.
 */
public class SignedEndpointCheck implements SmartInitializingSingleton {

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    public SignedEndpointCheck(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        List<String> unverified = new ArrayList<>();
        mappings.orderedStream().forEach(mapping -> mapping.getHandlerMethods().values().forEach(handler -> {
            if (annotated(handler) && Arrays.stream(handler.getMethodParameters())
                    .noneMatch(p -> VerifiedSigner.class.equals(p.getParameterType()))) {
                unverified.add(handler.getShortLogMessage());
            }
        }));
        if (!unverified.isEmpty()) {
            throw new IllegalStateException("@SignedRequest handlers must declare a VerifiedSigner parameter in WebFlux: "
                    + unverified);
        }
    }

    private static boolean annotated(HandlerMethod handler) {
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), SignedRequest.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), SignedRequest.class);
    }
}
