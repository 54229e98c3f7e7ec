package net.taonet.gateway.apikey.web;

import net.taonet.gateway.apikey.domain.Admission;
import net.taonet.gateway.apikey.domain.ApiKeyService;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Admits app builders' requests by API key ({@code Authorization: Bearer <key>} or {@code X-Api-Key}).
 * The OpenAI-compatible API ({@code /v1/**}) needs a key; on {@code /api/v1/**} a key is optional, and
 * when present its limits apply. Refusals: 401 for a missing, unknown or revoked key, 429 with
 * {@code Retry-After} past the rate limit or the monthly quota. Errors on {@code /v1/**} use OpenAI's
 * error object, the rest problem details.
 */
@Component
public class ApiKeyFilter implements WebFilter, Ordered {

    public static final String ATTRIBUTE = "taonet.apiKey";

    private final ApiKeyService keys;

    public ApiKeyFilter(ApiKeyService keys) {
        this.keys = keys;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        boolean openAi = path.startsWith("/v1/");
        if (!openAi && !path.startsWith("/api/v1/")) {
            return chain.filter(exchange);
        }
        String key = presentedKey(exchange.getRequest().getHeaders());
        if (key == null) {
            return openAi ? refuse(exchange, true, HttpStatus.UNAUTHORIZED, "invalid_api_key", "api-key-missing",
                    "an API key is required (Authorization: Bearer <key>)", 0) : chain.filter(exchange);
        }
        return Mono.fromCallable(() -> keys.admit(key)).subscribeOn(Schedulers.boundedElastic())
                .flatMap(admission -> switch (admission.outcome()) {
                    case ALLOWED -> {
                        exchange.getAttributes().put(ATTRIBUTE, admission.key());
                        yield chain.filter(exchange);
                    }
                    case UNKNOWN_KEY, REVOKED -> refuse(exchange, openAi, HttpStatus.UNAUTHORIZED, "invalid_api_key",
                            "api-key-invalid", "the API key is not valid", 0);
                    case RATE_LIMITED -> refuse(exchange, openAi, HttpStatus.TOO_MANY_REQUESTS, "rate_limit_exceeded",
                            "rate-limited", "this API key is over its rate limit", admission.retryAfterSeconds());
                    case QUOTA_EXCEEDED -> refuse(exchange, openAi, HttpStatus.TOO_MANY_REQUESTS, "insufficient_quota",
                            "quota-exceeded", "this API key has used its monthly quota", admission.retryAfterSeconds());
                });
    }

    static String presentedKey(HttpHeaders headers) {
        String auth = headers.getFirst(HttpHeaders.AUTHORIZATION);
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String key = auth.substring(7).trim();
            return key.isEmpty() ? null : key;
        }
        String apiKey = headers.getFirst("X-Api-Key");
        return apiKey == null || apiKey.isBlank() ? null : apiKey.trim();
    }

    private static Mono<Void> refuse(ServerWebExchange exchange, boolean openAi, HttpStatus status, String openAiCode,
            String problemType, String message, long retryAfterSeconds) {
        var response = exchange.getResponse();
        response.setStatusCode(status);
        if (retryAfterSeconds > 0) {
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
        String body;
        if (openAi) {
            response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
            String type = status == HttpStatus.UNAUTHORIZED ? "invalid_request_error" : "rate_limit_error";
            body = "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":null,\"code\":\""
                    + openAiCode + "\"}}";
        } else {
            response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
            body = "{\"type\":\"urn:taonet:problem:" + problemType + "\",\"title\":\"" + status.getReasonPhrase()
                    + "\",\"status\":" + status.value() + ",\"detail\":\"" + message + "\"}";
        }
        DataBuffer buffer = response.bufferFactory().wrap(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }
}
