package net.taonet.gateway;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the gateway under {@code taonet.gateway}: the admin key for API-key management, where the
 * services are, which origins the dashboard may call from, and the limits a new API key gets by default.
 */
@Validated
@ConfigurationProperties("taonet.gateway")
public record GatewayProperties(
        @NotBlank String adminKey,
        @NotNull @Valid Services services,
        List<String> corsOrigins,
        @NotNull @Valid RateLimit defaultRateLimit) {

    public GatewayProperties {
        corsOrigins = corsOrigins == null ? List.of() : List.copyOf(corsOrigins);
    }

    public record Services(@NotNull URI registry, @NotNull URI emission, @NotNull URI consensus, @NotNull URI scoring) {
    }

    public record RateLimit(@Min(1) int requestsPerSecond, @Min(1) int burst, @Min(1) long monthlyQuota) {
    }
}
