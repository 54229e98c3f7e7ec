package net.taonet.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import net.taonet.identity.RequestVerifier;
import net.taonet.identity.SignatureException;
import net.taonet.identity.SignedRequests;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.http.HttpHeaders;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Verifies the signature of requests to {@link SignedRequest} endpoints before the controller runs, and
 * leaves the {@link VerifiedSigner} for {@link VerifiedSignerArgumentResolver}. A refused signature is an
 * {@link ApiProblem} 401 whose type is the reason ({@code signature-missing}, {@code signature-invalid},
 * {@code signature-stale}, {@code signature-replayed}), rendered as a problem detail by the service's
 * problem handler.
 *
 * <p>The signed path is the request URI as received (raw, with any context path) plus {@code ?query}.
 */
public class SignedRequestInterceptor implements HandlerInterceptor {

    /** Request attribute holding the {@link VerifiedSigner} of a verified request. */
    public static final String SIGNER_ATTRIBUTE = SignedRequestInterceptor.class.getName() + ".signer";

    private static final byte[] NO_BODY = new byte[0];

    private final RequestVerifier verifier;

    public SignedRequestInterceptor(RequestVerifier verifier) {
        this.verifier = verifier;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !SignedEndpoints.requiresSignature(method)) {
            return true;
        }
        if (request.getAttribute(SIGNER_ATTRIBUTE) != null) {
            return true; // already verified for this request (e.g. an error dispatch)
        }
        Object cached = request.getAttribute(SignedRequestBodyFilter.BODY_ATTRIBUTE);
        byte[] body = cached instanceof byte[] bytes ? bytes : NO_BODY;
        String path = SignedRequests.pathAndQuery(request.getRequestURI(), request.getQueryString());
        try {
            String signer = verifier.verify(request.getMethod(), path, body,
                    request.getHeader(SignedRequests.SIGNER_HEADER),
                    request.getHeader(SignedRequests.NONCE_HEADER),
                    request.getHeader(SignedRequests.SIGNATURE_HEADER));
            request.setAttribute(SIGNER_ATTRIBUTE, new VerifiedSigner(signer));
            return true;
        } catch (SignatureException e) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "TaonetSignature");
            throw ApiProblem.unauthorized(e.reason().slug(), e.getMessage());
        }
    }
}
