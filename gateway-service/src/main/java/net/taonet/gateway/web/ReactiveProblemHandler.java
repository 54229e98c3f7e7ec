package net.taonet.gateway.web;

import net.taonet.platform.logging.LogContext;
import net.taonet.platform.problem.ApiProblem;
import net.taonet.platform.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;

/** The gateway's own endpoints answer errors as RFC 9457 problem details, like every service. */
@RestControllerAdvice
public class ReactiveProblemHandler {

    private static final Logger log = LoggerFactory.getLogger(ReactiveProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    public ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem) {
        return respond(problem.status(), problem.toProblemDetail());
    }

    @ExceptionHandler(WebExchangeBindException.class)
    public ResponseEntity<ProblemDetail> invalid(WebExchangeBindException e) {
        String detail = e.getFieldErrors().stream().map(f -> f.getField() + ": " + f.getDefaultMessage())
                .sorted().reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return respond(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Bad request", detail));
    }

    @ExceptionHandler(ServerWebInputException.class)
    public ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        return respond(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "malformed-body", "Bad request",
                "the request is not valid for this endpoint"));
    }

    @ExceptionHandler(ResponseStatusException.class)
    public ResponseEntity<ProblemDetail> status(ResponseStatusException e) {
        HttpStatus status = HttpStatus.valueOf(e.getStatusCode().value());
        return respond(status, Problems.of(status, status.name().toLowerCase().replace('_', '-'),
                status.getReasonPhrase(), e.getReason() == null ? status.getReasonPhrase() : e.getReason()));
    }

    @ExceptionHandler(Exception.class)
    public ResponseEntity<ProblemDetail> unexpected(Exception e, ServerWebExchange exchange) {
        try (LogContext ignored = RequestIdFilter.logContext(exchange)) {
            log.error("unexpected error", e);
        }
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "internal-error", "Internal error", "the gateway could not complete the request"));
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatus status, ProblemDetail body) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(body);
    }
}
