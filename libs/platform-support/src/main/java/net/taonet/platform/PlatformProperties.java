package net.taonet.platform;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the shared glue. {@code partitions}: partitions of each event topic (the unit of
 * per-subnet ordering and of scale-out); {@code outboxPollInterval}: how often the relay looks for
 * events it was not woken for.
 */
@Validated
@ConfigurationProperties("taonet.platform")
public record PlatformProperties(@Min(1) Integer partitions, Duration outboxPollInterval, @Min(1) Integer outboxBatchSize) {

    public PlatformProperties {
        partitions = partitions == null ? 8 : partitions;
        outboxPollInterval = outboxPollInterval == null ? Duration.ofMillis(500) : outboxPollInterval;
        outboxBatchSize = outboxBatchSize == null ? 500 : outboxBatchSize;
    }
}
