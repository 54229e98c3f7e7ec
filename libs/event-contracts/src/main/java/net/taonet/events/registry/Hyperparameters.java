package net.taonet.events.registry;

/**
 * A subnet's hyperparameters (spec/protocol.md §8), as carried by registry events. u16 values are ints,
 * block counts and rao amounts longs; {@code burnIncreaseMultMilli} is the registration price multiplier
 * in thousandths (1.26 = 1260).
 */
public record Hyperparameters(
        int tempo,
        long immunityPeriod,
        int minAllowedWeights,
        int maxWeightsLimit,
        int maxAllowedUids,
        int maxAllowedValidators,
        long weightsRateLimit,
        long weightsVersionKey,
        boolean commitRevealEnabled,
        int revealPeriod,
        int kappa,
        long bondsMovingAverage,
        int bondsPenalty,
        boolean yuma3Enabled,
        boolean liquidAlphaEnabled,
        int alphaLow,
        int alphaHigh,
        int alphaSigmoidSteepness,
        long activityCutoffFactorMilli,
        long stakeThreshold,
        long minBurn,
        long maxBurn,
        long burnHalfLife,
        long burnIncreaseMultMilli,
        boolean registrationAllowed,
        int minNonImmuneUids) {

    /** The defaults of spec/protocol.md §8. */
    public static Hyperparameters defaults() {
        return new Hyperparameters(360, 5_000, 1, 65_535, 256, 64, 100, 0, true, 1, 32_767, 900_000, 65_535,
                true, false, 45_875, 58_982, 1_000, 13_889, 0, 500_000, 100_000_000_000L, 360, 1_260, true, 10);
    }
}
