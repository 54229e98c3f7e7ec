package net.taonet.platform.chain;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The virtual chain every service shares (DESIGN §3): block height is derived from {@code genesis} and
 * {@code blockTime}, never broadcast, so all services must be configured with the same two values.
 */
@Validated
@ConfigurationProperties("taonet.chain")
public record ChainProperties(@NotNull Instant genesis, @NotNull Duration blockTime) {

    public ChainProperties {
        if (genesis == null) {
            genesis = Instant.parse("2026-01-01T00:00:00Z");
        }
        if (blockTime == null) {
            blockTime = Duration.ofSeconds(12);
        }
        if (blockTime.isZero() || blockTime.isNegative()) {
            throw new IllegalArgumentException("taonet.chain.block-time must be positive");
        }
    }
}
