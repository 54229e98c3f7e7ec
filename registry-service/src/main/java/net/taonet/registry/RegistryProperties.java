package net.taonet.registry;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the registry-service under {@code taonet.registry}.
 *
 * @param adminKey         the network's admin key (header {@code X-Taonet-Admin-Key}): admin-only hyperparameters
 * @param ledgerUrl        where the ledger (emission-service) serves its internal charges
 * @param network          network-wide rules of spec/protocol.md §3 (marked <i>network</i> there)
 * @param servingRateLimit blocks between two serving-metadata updates of one neuron (Bittensor's serve_axon: 50)
 * @param ledger           how the ledger is called: time limit per attempt, retries, circuit breaker
 * @param charges          the reconciliation of charges a crashed flow left behind
 */
@Validated
@ConfigurationProperties("taonet.registry")
public record RegistryProperties(String adminKey, URI ledgerUrl, @Valid Network network, @Min(0) Long servingRateLimit,
        @Valid Ledger ledger, @Valid Charges charges) {

    public RegistryProperties {
        adminKey = adminKey == null ? "local-admin-key" : adminKey;
        ledgerUrl = ledgerUrl == null ? URI.create("http://localhost:8082") : ledgerUrl;
        network = network == null ? new Network(null, null, null, null, null, null) : network;
        servingRateLimit = servingRateLimit == null ? 50L : servingRateLimit;
        ledger = ledger == null ? new Ledger(null, null, null, null, null, null, null) : ledger;
        charges = charges == null ? new Charges(null, null, null) : charges;
    }

    /**
     * @param minLockRao            floor of the subnet lock cost (1,000 TAO)
     * @param lockReductionInterval blocks over which a doubled lock cost decays back (100,800)
     * @param creationRateLimit     blocks between two subnet creations, network-wide (7,200)
     * @param maxSubnets            at most this many subnets (128)
     * @param minTempo              the lower bound of the tempo range (360)
     * @param initialBurnRao        a new subnet's registration price (1 TAO)
     */
    public record Network(@Min(500) Long minLockRao, @Min(1) Long lockReductionInterval, @Min(0) Long creationRateLimit,
            @Min(1) Integer maxSubnets, @Min(1) Integer minTempo, @Min(0) Long initialBurnRao) {

        public Network {
            minLockRao = minLockRao == null ? 1_000_000_000_000L : minLockRao;
            lockReductionInterval = lockReductionInterval == null ? 100_800L : lockReductionInterval;
            creationRateLimit = creationRateLimit == null ? 7_200L : creationRateLimit;
            maxSubnets = maxSubnets == null ? 128 : maxSubnets;
            minTempo = minTempo == null ? 360 : minTempo;
            initialBurnRao = initialBurnRao == null ? 1_000_000_000L : initialBurnRao;
        }
    }

    /**
     * @param timeout             time limit of one call
     * @param maxAttempts         attempts per charge (same request id every time)
     * @param retryWait           pause between attempts
     * @param failureRatePercent  the circuit opens above this failure rate ...
     * @param slidingWindow       ... over this many calls ...
     * @param minimumCalls        ... once at least this many were made
     * @param openWait            how long an open circuit refuses calls before it lets a few through
     */
    public record Ledger(Duration timeout, @Min(1) Integer maxAttempts, Duration retryWait,
            @Min(1) Integer failureRatePercent, @Min(1) Integer slidingWindow, @Min(1) Integer minimumCalls,
            Duration openWait) {

        public Ledger {
            timeout = timeout == null ? Duration.ofSeconds(2) : timeout;
            maxAttempts = maxAttempts == null ? 3 : maxAttempts;
            retryWait = retryWait == null ? Duration.ofMillis(200) : retryWait;
            failureRatePercent = failureRatePercent == null ? 50 : failureRatePercent;
            slidingWindow = slidingWindow == null ? 10 : slidingWindow;
            minimumCalls = minimumCalls == null ? 5 : minimumCalls;
            openWait = openWait == null ? Duration.ofSeconds(10) : openWait;
        }
    }

    /**
     * @param reconcileGrace    a charge still pending after this long belongs to a flow that died: it is refunded
     *                          (must exceed the longest flow: attempts × (timeout + wait))
     * @param reconcileInterval how often the reconciliation runs
     * @param maxConcurrent     paying flows in progress at once in this instance; each holds at most two database
     *                          connections, so this stays below half the pool
     */
    public record Charges(Duration reconcileGrace, Duration reconcileInterval, @Min(1) Integer maxConcurrent) {

        public Charges {
            reconcileGrace = reconcileGrace == null ? Duration.ofMinutes(2) : reconcileGrace;
            reconcileInterval = reconcileInterval == null ? Duration.ofSeconds(30) : reconcileInterval;
            maxConcurrent = maxConcurrent == null ? 4 : maxConcurrent;
        }
    }
}
