package net.taonet.gateway.web;

import io.swagger.v3.oas.annotations.Hidden;
import net.taonet.platform.logging.LogContext;
import net.taonet.platform.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** What a client sees when a service is down or its circuit breaker is open: a 503 problem detail. */
@Hidden
@RestController
public class FallbackController {

    private static final Logger log = LoggerFactory.getLogger(FallbackController.class);

    @RequestMapping("/fallback/{service}")
    public ResponseEntity<ProblemDetail> fallback(@PathVariable String service, ServerWebExchange exchange) {
        // Why the breaker answered instead of the service: an operator needs the cause, not just the 503.
        Throwable cause = exchange.getAttribute(ServerWebExchangeUtils.CIRCUITBREAKER_EXECUTION_EXCEPTION_ATTR);
        try (LogContext ignored = RequestIdFilter.logContext(exchange)) {
            log.warn("{} answered by the fallback: {}", service, cause == null ? "no cause recorded" : cause.toString());
        }
        ProblemDetail pd = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                "the " + service + " service is not answering; try again shortly");
        pd.setProperty("service", service);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header("Retry-After", "5")
                .contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
    }
}
