package net.taonet.scoring;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of the scoring-service under {@code taonet.scoring}.
 *
 * <ul>
 *   <li>{@code validators}: the managed validators, each a hotkey (a wallet hotkey, or a hex seed for
 *       development) and optionally the subnets it validates (default: every subnet where it holds a UID);</li>
 *   <li>{@code queryInterval}: how often each validator samples miners on each subnet;
 *       {@code sampleSize}: how many miners per round; {@code maxInFlight}: tasks a validator keeps in
 *       flight per subnet at most;</li>
 *   <li>{@code emaAlpha}: weight of a new score in a miner's moving average;</li>
 *   <li>{@code weightsInterval}: how often validators check whether they may set weights (the subnet's
 *       rate limit decides);</li>
 *   <li>{@code resultGrace}: how long after its deadline a result still counts (transport);</li>
 *   <li>{@code tasks}: the validator-side settings of each task type (e.g. gemm's matrix sizes);</li>
 *   <li>{@code organic}: organic dispatch (attempt timeout, attempts, circuit breaker).</li>
 * </ul>
 */
@Validated
@ConfigurationProperties("taonet.scoring")
public record ScoringProperties(String adminKey, @Valid List<Validator> validators, Duration queryInterval,
        @Min(1) Integer sampleSize, @Min(1) Integer maxInFlight,
        @DecimalMin("0.0") @DecimalMax("1.0") Double emaAlpha, Duration weightsInterval, Duration resultGrace,
        Map<String, Map<String, String>> tasks, @Valid Organic organic) {

    public ScoringProperties {
        adminKey = adminKey == null ? "local-admin-key" : adminKey;
        validators = validators == null ? List.of() : List.copyOf(validators);
        queryInterval = queryInterval == null ? Duration.ofSeconds(12) : queryInterval;
        sampleSize = sampleSize == null ? 8 : sampleSize;
        maxInFlight = maxInFlight == null ? 256 : maxInFlight;
        emaAlpha = emaAlpha == null ? 0.1 : emaAlpha;
        weightsInterval = weightsInterval == null ? Duration.ofSeconds(12) : weightsInterval;
        resultGrace = resultGrace == null ? Duration.ofMillis(500) : resultGrace;
        tasks = tasks == null ? Map.of() : Map.copyOf(tasks);
        organic = organic == null ? new Organic(null, null, null, null, null) : organic;
    }

    /**
     * A managed validator: {@code hotkeySeed} (hex, development) or {@code wallet} + {@code hotkey} (a wallet
     * under {@code walletsDir}, default ~/.taonet/wallets); {@code netuids} limits the subnets it validates.
     */
    public record Validator(String name, String hotkeySeed, String wallet, String hotkey, String walletsDir,
            List<Integer> netuids) {

        public Validator {
            netuids = netuids == null ? List.of() : List.copyOf(netuids);
        }
    }

    /**
     * Organic dispatch: each attempt waits at most {@code attemptTimeout} (and never past the request's own
     * timeout), at most {@code attempts} miners are tried; a miner's circuit breaker opens after
     * {@code breakerFailures} failures in its last calls and stays open for {@code breakerOpenFor}.
     */
    public record Organic(Duration attemptTimeout, @Min(1) Integer attempts, @Min(1) Integer breakerFailures,
            Duration breakerOpenFor, @Min(1) Integer breakerWindow) {

        public Organic {
            attemptTimeout = attemptTimeout == null ? Duration.ofSeconds(20) : attemptTimeout;
            attempts = attempts == null ? 3 : attempts;
            breakerFailures = breakerFailures == null ? 2 : breakerFailures;
            breakerOpenFor = breakerOpenFor == null ? Duration.ofSeconds(30) : breakerOpenFor;
            breakerWindow = breakerWindow == null ? 4 : breakerWindow;
        }
    }
}
