package net.taonet.gateway.apikey.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import net.taonet.gateway.GatewayProperties;
import net.taonet.gateway.apikey.domain.ApiKey;
import net.taonet.gateway.apikey.domain.ApiKeyService;
import net.taonet.platform.openapi.ProblemResponse;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The network admin creates, lists and revokes app builders' API keys (header {@code X-Taonet-Admin-Key}). */
@Tag(name = "admin", description = "API keys for app builders (X-Taonet-Admin-Key)")
@RestController
@RequestMapping("/admin/api-keys")
public class AdminApiKeyController {

    public static final String ADMIN_HEADER = "X-Taonet-Admin-Key";

    private final ApiKeyService keys;
    private final GatewayProperties props;

    public AdminApiKeyController(ApiKeyService keys, GatewayProperties props) {
        this.keys = keys;
        this.props = props;
    }

    public record CreateKeyRequest(
            // Printable text only: a control character (NUL above all) has no place in a name and the database refuses it.
            @NotBlank @Size(max = 100) @Pattern(regexp = "[^\\x00-\\x1F\\x7F]*", message = "must not contain control characters") String name,
            @Min(1) @Max(100_000) Integer requestsPerSecond, @Min(1) @Max(1_000_000) Integer burst,
            @Min(1) Long monthlyQuota) {
    }

    public record KeyView(UUID id, String name, String keyPrefix, int requestsPerSecond, int burst, long monthlyQuota,
            Instant createdAt, Instant revokedAt, Long usedThisMonth) {
        static KeyView of(ApiKey k, Long used) {
            return new KeyView(k.id(), k.name(), k.keyPrefix(), k.requestsPerSecond(), k.burst(), k.monthlyQuota(),
                    k.createdAt(), k.revokedAt(), used);
        }
    }

    public record CreatedKey(String apiKey, KeyView key) {
    }

    @Operation(operationId = "createApiKey",
        summary = "Issue an API key; the plaintext key is shown only in this answer",
        requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "example", value = "{\"name\":\"my-app\",\"requestsPerSecond\":20,\"burst\":40,\"monthlyQuota\":1000000}"))))
    @ProblemResponse(status = 401, type = "admin-key-required", detail = "this endpoint needs the network's admin key")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public Mono<CreatedKey> create(@RequestHeader(value = ADMIN_HEADER, required = false) String adminKey,
            @Valid @RequestBody CreateKeyRequest request) {
        requireAdmin(adminKey);
        var defaults = props.defaultRateLimit();
        return blocking(() -> {
            var issued = keys.create(request.name(),
                    request.requestsPerSecond() == null ? defaults.requestsPerSecond() : request.requestsPerSecond(),
                    request.burst() == null ? defaults.burst() : request.burst(),
                    request.monthlyQuota() == null ? defaults.monthlyQuota() : request.monthlyQuota());
            return new CreatedKey(issued.plaintext(), KeyView.of(issued.key(), 0L));
        });
    }

    @Operation(operationId = "listApiKeys", summary = "Every API key with its limits and this month's usage")
    @ProblemResponse(status = 401, type = "admin-key-required", detail = "this endpoint needs the network's admin key")
    @GetMapping
    public Mono<List<KeyView>> list(@RequestHeader(value = ADMIN_HEADER, required = false) String adminKey) {
        requireAdmin(adminKey);
        return blocking(() -> keys.list().stream().map(k -> KeyView.of(k, keys.usageThisMonth(k.id()))).toList());
    }

    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key")
    @ProblemResponse(status = 401, type = "admin-key-required", detail = "this endpoint needs the network's admin key")
    @ProblemResponse(status = 404, type = "api-key-not-found", detail = "no API key 0b9f…")
    @DeleteMapping("/{id}")
    public Mono<KeyView> revoke(@RequestHeader(value = ADMIN_HEADER, required = false) String adminKey,
            @PathVariable UUID id) {
        requireAdmin(adminKey);
        return blocking(() -> {
            ApiKey key = keys.find(id).orElseThrow(() -> ApiProblem.notFound("api-key-not-found", "no API key " + id));
            keys.revoke(id);
            return KeyView.of(keys.find(id).orElse(key), keys.usageThisMonth(id));
        });
    }

    private void requireAdmin(String presented) {
        if (presented == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8),
                props.adminKey().getBytes(StandardCharsets.UTF_8))) {
            throw ApiProblem.unauthorized("admin-key-required", "this endpoint needs the network's admin key");
        }
    }

    private static <T> Mono<T> blocking(java.util.concurrent.Callable<T> work) {
        return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
    }
}
