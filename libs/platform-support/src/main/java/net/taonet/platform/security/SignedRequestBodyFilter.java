package net.taonet.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import net.taonet.identity.SignedRequests;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads the body of every request that carries a signature header into memory (up to a limit) and hands
 * on a re-readable request, so the {@link SignedRequestInterceptor} can hash the exact bytes and the
 * controller still gets its {@code @RequestBody}. Requests without signature headers pass untouched (an
 * endpoint that needs a signature refuses them anyway, without looking at the body).
 */
public class SignedRequestBodyFilter extends OncePerRequestFilter {

    /** Request attribute holding the cached body bytes. */
    public static final String BODY_ATTRIBUTE = SignedRequestBodyFilter.class.getName() + ".body";

    private final int maxBodyBytes;

    public SignedRequestBodyFilter(int maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getHeader(SignedRequests.SIGNATURE_HEADER) == null
                && request.getHeader(SignedRequests.SIGNER_HEADER) == null
                && request.getHeader(SignedRequests.NONCE_HEADER) == null) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = readAtMost(request.getInputStream(), maxBodyBytes);
        if (body == null) {
            response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("{\"type\":\"urn:taonet:problem:body-too-large\",\"title\":\"Content too large\","
                    + "\"status\":413,\"detail\":\"a signed request body may have at most " + maxBodyBytes + " bytes\"}");
            return;
        }
        CachedBodyRequest cached = new CachedBodyRequest(request, body);
        cached.setAttribute(BODY_ATTRIBUTE, body);
        chain.doFilter(cached, response);
    }

    /** The whole stream, or null if it holds more than {@code limit} bytes. */
    private static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            if (out.size() + n > limit) {
                return null;
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }
}
