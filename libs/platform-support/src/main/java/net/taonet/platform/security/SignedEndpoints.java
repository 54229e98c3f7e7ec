package net.taonet.platform.security;

import java.util.Arrays;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/** Which handler methods need a signature: annotated (method or class), or asking for a {@link VerifiedSigner}. */
final class SignedEndpoints {

    private SignedEndpoints() {
    }

    static boolean requiresSignature(HandlerMethod handler) {
        // Asking for a signer without the annotation must not silently go unverified.
        return AnnotatedElementUtils.hasAnnotation(handler.getMethod(), SignedRequest.class)
                || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), SignedRequest.class)
                || Arrays.stream(handler.getMethodParameters())
                        .anyMatch(p -> VerifiedSigner.class.equals(p.getParameterType()));
    }
}
