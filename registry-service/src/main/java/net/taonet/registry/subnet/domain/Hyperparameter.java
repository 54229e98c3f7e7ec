package net.taonet.registry.subnet.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The settable hyperparameters of spec/protocol.md §8, by their stable snake_case name, with who may change
 * them. {@code task_type} is chosen at creation and never changes, so it is not here. The admin may change
 * every one of them; an owner only those marked {@link Authority#OWNER}.
 */
public enum Hyperparameter {
    TEMPO("tempo", Authority.OWNER),
    IMMUNITY_PERIOD("immunityPeriod", Authority.OWNER),
    MIN_ALLOWED_WEIGHTS("minAllowedWeights", Authority.OWNER),
    MAX_WEIGHTS_LIMIT("maxWeightsLimit", Authority.ADMIN),
    MAX_ALLOWED_UIDS("maxAllowedUids", Authority.OWNER),
    MAX_ALLOWED_VALIDATORS("maxAllowedValidators", Authority.ADMIN),
    WEIGHTS_RATE_LIMIT("weightsRateLimit", Authority.ADMIN),
    WEIGHTS_VERSION_KEY("weightsVersionKey", Authority.OWNER),
    COMMIT_REVEAL_ENABLED("commitRevealEnabled", Authority.OWNER),
    REVEAL_PERIOD("revealPeriod", Authority.OWNER),
    KAPPA("kappa", Authority.ADMIN),
    BONDS_MOVING_AVERAGE("bondsMovingAverage", Authority.OWNER),
    BONDS_PENALTY("bondsPenalty", Authority.OWNER),
    YUMA3_ENABLED("yuma3Enabled", Authority.OWNER),
    LIQUID_ALPHA_ENABLED("liquidAlphaEnabled", Authority.OWNER),
    ALPHA_LOW("alphaLow", Authority.OWNER),
    ALPHA_HIGH("alphaHigh", Authority.OWNER),
    ALPHA_SIGMOID_STEEPNESS("alphaSigmoidSteepness", Authority.OWNER),
    ACTIVITY_CUTOFF_FACTOR_MILLI("activityCutoffFactorMilli", Authority.OWNER),
    STAKE_THRESHOLD("stakeThreshold", Authority.ADMIN),
    MIN_BURN("minBurn", Authority.OWNER),
    MAX_BURN("maxBurn", Authority.OWNER),
    BURN_HALF_LIFE("burnHalfLife", Authority.OWNER),
    BURN_INCREASE_MULT_MILLI("burnIncreaseMultMilli", Authority.OWNER),
    REGISTRATION_ALLOWED("registrationAllowed", Authority.ADMIN),
    MIN_NON_IMMUNE_UIDS("minNonImmuneUids", Authority.ADMIN);

    /** Who may change a parameter besides the admin. */
    public enum Authority { OWNER, ADMIN }

    private final String component;
    private final Authority authority;

    Hyperparameter(String component, Authority authority) {
        this.component = component;
        this.authority = authority;
    }

    /** The stable name used in the API and in {@code SubnetHyperparametersChanged.changed}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The component of {@link net.taonet.events.registry.Hyperparameters} that holds the value. */
    public String component() {
        return component;
    }

    public Authority authority() {
        return authority;
    }

    public boolean ownerMayChange() {
        return authority == Authority.OWNER;
    }

    /** Accepts the snake_case name, the camelCase component name, and either in any case. */
    public static Optional<Hyperparameter> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.replace("_", "").replace("-", "").toLowerCase(Locale.ROOT);
        if (wanted.equals("burnincreasemult")) {
            // spec/protocol.md §8 spells it burn_increase_mult; its value is in thousandths here (1.26 = 1260)
            return Optional.of(BURN_INCREASE_MULT_MILLI);
        }
        return Arrays.stream(values())
                .filter(p -> p.component.toLowerCase(Locale.ROOT).equals(wanted)
                        || p.wireName().replace("_", "").equals(wanted))
                .findFirst();
    }
}
