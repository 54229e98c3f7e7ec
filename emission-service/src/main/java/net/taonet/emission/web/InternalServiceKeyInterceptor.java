package net.taonet.emission.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import net.taonet.emission.InternalProperties;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.web.servlet.HandlerInterceptor;

/** {@code /internal/**} needs {@code X-Taonet-Service-Key} equal to the shared secret (docs/contracts.md). */
public class InternalServiceKeyInterceptor implements HandlerInterceptor {

    public static final String HEADER = "X-Taonet-Service-Key";

    private final byte[] expected;

    public InternalServiceKeyInterceptor(InternalProperties props) {
        this.expected = props.serviceKey().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String given = request.getHeader(HEADER);
        if (given == null || !MessageDigest.isEqual(expected, given.getBytes(StandardCharsets.UTF_8))) {
            throw ApiProblem.unauthorized("service-key-invalid", "internal endpoints need a valid " + HEADER + " header");
        }
        return true;
    }
}
