package net.taonet.platform.problem;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error a client caused or must know about, rendered as an RFC 9457 problem detail. {@code type} is a
 * stable slug (e.g. {@code insufficient-balance}) turned into {@code urn:taonet:problem:<slug>}; clients
 * branch on it, never on the title or detail text.
 */
public class ApiProblem extends RuntimeException {

    public static final String TYPE_PREFIX = "urn:taonet:problem:";

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
    }

    public static ApiProblem badRequest(String type, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, type, "Bad request", detail);
    }

    public static ApiProblem notFound(String type, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, type, "Not found", detail);
    }

    public static ApiProblem conflict(String type, String detail) {
        return new ApiProblem(HttpStatus.CONFLICT, type, "Conflict", detail);
    }

    public static ApiProblem unprocessable(String type, String detail) {
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, type, "Unprocessable request", detail);
    }

    public static ApiProblem unauthorized(String type, String detail) {
        return new ApiProblem(HttpStatus.UNAUTHORIZED, type, "Unauthorized", detail);
    }

    public static ApiProblem forbidden(String type, String detail) {
        return new ApiProblem(HttpStatus.FORBIDDEN, type, "Forbidden", detail);
    }

    public static ApiProblem unavailable(String type, String detail) {
        return new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, type, "Service unavailable", detail);
    }

    /** Adds a machine-readable extension member (e.g. the allowed range of a value). */
    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public ProblemDetail toProblemDetail() {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, getMessage());
        pd.setType(URI.create(TYPE_PREFIX + type));
        pd.setTitle(title);
        properties.forEach(pd::setProperty);
        return pd;
    }
}
