package net.taonet.registry.charge.client;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import net.taonet.platform.problem.ApiProblem;
import net.taonet.registry.charge.domain.Ledger;
import net.taonet.registry.charge.domain.LedgerRefusedException;
import net.taonet.registry.charge.domain.LedgerUnavailableException;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link Ledger} over {@link LedgerChargesApi}: retry (outermost) → circuit breaker → time limiter → call.
 * The request id is chosen by the caller before the first attempt, so every retry repeats the same
 * idempotent request.
 */
public class ResilientLedger implements Ledger {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final LedgerChargesApi api;
    private final Retry retry;
    private final CircuitBreaker circuitBreaker;
    private final TimeLimiter timeLimiter;
    private final ExecutorService executor;

    public ResilientLedger(LedgerChargesApi api, Retry retry, CircuitBreaker circuitBreaker, TimeLimiter timeLimiter,
            ExecutorService executor) {
        this.api = api;
        this.retry = retry;
        this.circuitBreaker = circuitBreaker;
        this.timeLimiter = timeLimiter;
        this.executor = executor;
    }

    /** Failures that say nothing about the charge and may be retried. */
    static boolean transientFailure(Throwable t) {
        return t instanceof TransientLedgerFailure;
    }

    @Override
    public LedgerCharge lock(ChargeCommand c) {
        return guarded("lock " + c.requestId(), () -> api.lock(body(c)));
    }

    @Override
    public LedgerCharge burn(ChargeCommand c) {
        return guarded("burn " + c.requestId(), () -> api.burn(body(c)));
    }

    @Override
    public LedgerCharge refund(UUID requestId) {
        return guarded("refund " + requestId, () -> api.refund(requestId.toString()));
    }

    @Override
    public Optional<LedgerCharge> find(UUID requestId) {
        try {
            return Optional.of(guarded("find " + requestId, () -> api.get(requestId.toString())));
        } catch (LedgerRefusedException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static LedgerChargesApi.ChargeBody body(ChargeCommand c) {
        return new LedgerChargesApi.ChargeBody(c.requestId().toString(), c.coldkey(), c.netuid(), c.amountRao());
    }

    private <T> T guarded(String what, Supplier<T> call) {
        Supplier<T> limited = () -> withinTimeLimit(what, () -> translated(what, call));
        Supplier<T> broken = CircuitBreaker.decorateSupplier(circuitBreaker, limited);
        Supplier<T> retried = Retry.decorateSupplier(retry, broken);
        try {
            return retried.get();
        } catch (CallNotPermittedException e) {
            throw new LedgerUnavailableException("the ledger's circuit is open (" + what + " not attempted)", e);
        } catch (TransientLedgerFailure e) {
            throw new LedgerUnavailableException(e.getMessage(), e.getCause());
        }
    }

    private <T> T withinTimeLimit(String what, Supplier<T> call) {
        try {
            return timeLimiter.executeFutureSupplier(() -> CompletableFuture.supplyAsync(call, executor));
        } catch (TimeoutException e) {
            throw new TransientLedgerFailure(what + " got no answer within " + timeLimiter.getTimeLimiterConfig()
                    .getTimeoutDuration().toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw rethrowable(e.getCause());
        } catch (RuntimeException e) {
            throw e instanceof java.util.concurrent.CompletionException ce ? rethrowable(ce.getCause()) : e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientLedgerFailure(what + " was interrupted", e);
        } catch (Exception e) {
            throw new TransientLedgerFailure(what + " failed: " + e.getMessage(), e);
        }
    }

    private static RuntimeException rethrowable(Throwable cause) {
        return cause instanceof RuntimeException r ? r : new TransientLedgerFailure(String.valueOf(cause), cause);
    }

    /** HTTP outcomes as the domain's: 4xx refused (definite), 5xx and I/O transient. */
    private static <T> T translated(String what, Supplier<T> call) {
        try {
            T answer = call.get();
            if (answer == null) {
                throw new TransientLedgerFailure(what + ": the ledger answered without a body", null);
            }
            return answer;
        } catch (RestClientResponseException e) {
            HttpStatusCode status = e.getStatusCode();
            if (status.is4xxClientError()) {
                throw refused(e);
            }
            throw new TransientLedgerFailure(what + ": the ledger answered " + status.value(), e);
        } catch (RestClientException e) {
            throw new TransientLedgerFailure(what + ": " + e.getMessage(), e);
        }
    }

    private static LedgerRefusedException refused(RestClientResponseException e) {
        String type = "ledger-refused";
        String detail = e.getStatusText();
        Map<String, Object> properties = new LinkedHashMap<>();
        try {
            JsonNode problem = JSON.readTree(e.getResponseBodyAsString());
            String t = problem.path("type").asString("");
            if (t.startsWith(ApiProblem.TYPE_PREFIX)) {
                type = t.substring(ApiProblem.TYPE_PREFIX.length());
            }
            detail = problem.path("detail").asString(detail);
            for (var field : problem.properties()) {
                if (!java.util.Set.of("type", "title", "status", "detail", "instance").contains(field.getKey())
                        && field.getValue().isValueNode()) {
                    properties.put(field.getKey(), field.getValue().isNumber() ? field.getValue().numberValue()
                            : field.getValue().asString());
                }
            }
        } catch (RuntimeException ignored) {
            // not a problem detail: keep the status line
        }
        return new LedgerRefusedException(e.getStatusCode().value(), type, detail, properties);
    }

    /** Internal marker for retryable failures; surfaces as {@link LedgerUnavailableException}. */
    static final class TransientLedgerFailure extends RuntimeException {
        TransientLedgerFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
