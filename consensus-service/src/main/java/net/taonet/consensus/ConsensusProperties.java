package net.taonet.consensus;

import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the consensus-service under {@code taonet.consensus}.
 *
 * @param adminKey         the network admin key
 * @param tickInterval     how often the scheduler looks for due epochs; by default a quarter of the block
 *                         time, so an epoch starts within a fraction of a block after its block begins
 * @param raoEmission      the nominal {@code rao_emission} handed to the engine. The ledger pays from the
 *                         published I32F32 proportions, not from these amounts, so the value only scales
 *                         the stored u64 emissions (used for display and pruning order); 1 TAO by default
 * @param epochThreads     how many subnets' epochs run in parallel when several are due at one block
 * @param instanceId       name of this instance in the epoch records (who computed what)
 * @param schedulerEnabled whether this instance runs epochs at all (it always serves the API)
 */
@Validated
@ConfigurationProperties("taonet.consensus")
public record ConsensusProperties(String adminKey, Duration tickInterval, @Min(1) Long raoEmission,
        @Min(1) Integer epochThreads, String instanceId, Boolean schedulerEnabled) {

    public ConsensusProperties {
        adminKey = adminKey == null ? "local-admin-key" : adminKey;
        raoEmission = raoEmission == null ? 1_000_000_000L : raoEmission;
        // an epoch spends most of its time waiting on PostgreSQL, so twice the cores keeps both busy
        epochThreads = epochThreads == null ? Math.min(8, 2 * Runtime.getRuntime().availableProcessors()) : epochThreads;
        instanceId = instanceId == null || instanceId.isBlank()
                ? "consensus-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8)
                : instanceId;
        schedulerEnabled = schedulerEnabled == null || schedulerEnabled;
        if (tickInterval != null && (tickInterval.isZero() || tickInterval.isNegative())) {
            throw new IllegalArgumentException("taonet.consensus.tick-interval must be positive");
        }
    }
}
