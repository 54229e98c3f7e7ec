package net.taonet.emission;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the emission-service under {@code taonet.emission}.
 *
 * @param adminKey                     the network admin key (the faucet needs it)
 * @param splitPolicy                  how block emission is split between subnets: {@code stake}
 *                                     (proportional to the TAO staked on each, the default) or {@code equal}
 * @param takeIncreaseRateLimitBlocks  blocks between take changes before an increase is allowed (216,000)
 * @param genesis                      allocations minted once at first start-up, through the journal
 * @param faucet                       the development faucet (local profile only)
 * @param settlementRetryInterval      how often epochs waiting for the projections are retried
 */
@Validated
@ConfigurationProperties("taonet.emission")
public record EmissionProperties(String adminKey, SplitPolicyName splitPolicy, @Min(0) Long takeIncreaseRateLimitBlocks,
        List<@Valid GenesisAllocation> genesis, @Valid Faucet faucet, Duration settlementRetryInterval) {

    public enum SplitPolicyName { STAKE, EQUAL }

    /** {@code amountRao} minted to {@code address} at genesis. */
    public record GenesisAllocation(@NotBlank String address, @Min(500) long amountRao) {
    }

    /** The development faucet: exists only when {@code enabled}; at most {@code maxAmountRao} per request. */
    public record Faucet(boolean enabled, @Min(500) Long maxAmountRao) {
        public Faucet {
            maxAmountRao = maxAmountRao == null ? 1_000_000_000_000L : maxAmountRao;
        }
    }

    public EmissionProperties {
        adminKey = adminKey == null ? "local-admin-key" : adminKey;
        splitPolicy = splitPolicy == null ? SplitPolicyName.STAKE : splitPolicy;
        takeIncreaseRateLimitBlocks = takeIncreaseRateLimitBlocks == null ? 216_000L : takeIncreaseRateLimitBlocks;
        genesis = genesis == null ? List.of() : List.copyOf(genesis);
        faucet = faucet == null ? new Faucet(false, null) : faucet;
        settlementRetryInterval = settlementRetryInterval == null ? Duration.ofSeconds(2) : settlementRetryInterval;
    }
}
