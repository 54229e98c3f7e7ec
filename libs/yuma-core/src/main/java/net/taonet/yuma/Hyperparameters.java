package net.taonet.yuma;

import java.util.OptionalInt;

/**
 * The subnet hyperparameters one epoch reads (spec §3.2), with their on-chain integer encodings.
 *
 * @param kappa                     consensus majority as a u16 proportion (32767 ≈ 0.5)
 * @param bondsPenalty              β as a u16 proportion (65535 = 1.0)
 * @param bondsMovingAverage        per-million EMA retention (u64); α = 1 − value/10⁶
 * @param maxAllowedValidators      K of the top-K validator permits (u16)
 * @param tempo                     blocks per epoch (u16); sets the activity cutoff and the bond
 *                                  reset window when {@code lastMechanismStepBlock} is 0
 * @param activityCutoffFactorMilli cutoff = max(⌊factor·tempo/1000⌋, 1) blocks (u32)
 * @param yuma3                     Yuma3 (absolute per-entry) bonds instead of classic bonds
 * @param liquidAlpha               per-entry sigmoid α (only with {@code yuma3})
 * @param alphaLow                  liquid-alpha lower bound as a u16 proportion
 * @param alphaHigh                 liquid-alpha upper bound as a u16 proportion
 * @param alphaSigmoidSteepness     sigmoid steepness (i16)
 * @param stakeThreshold            minimum stake to count (u64 carried as unsigned bits)
 * @param ownerUid                  UID of the subnet owner's hotkey, if registered
 * @param commitRevealEnabled       whether the commit-reveal column mask applies (spec §5.5 step 5)
 * @param lastMechanismStepBlock    block of the previous completed epoch (u64), 0 if none
 */
public record Hyperparameters(
        int kappa,
        int bondsPenalty,
        long bondsMovingAverage,
        int maxAllowedValidators,
        int tempo,
        long activityCutoffFactorMilli,
        boolean yuma3,
        boolean liquidAlpha,
        int alphaLow,
        int alphaHigh,
        int alphaSigmoidSteepness,
        long stakeThreshold,
        OptionalInt ownerUid,
        boolean commitRevealEnabled,
        long lastMechanismStepBlock) {

    public Hyperparameters {
        requireU16("kappa", kappa);
        requireU16("bonds_penalty", bondsPenalty);
        requireU16("max_allowed_validators", maxAllowedValidators);
        requireU16("tempo", tempo);
        requireU16("alpha_low", alphaLow);
        requireU16("alpha_high", alphaHigh);
        if (activityCutoffFactorMilli < 0 || activityCutoffFactorMilli > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("activity_cutoff_factor_milli out of u32 range: " + activityCutoffFactorMilli);
        }
        if (alphaSigmoidSteepness < Short.MIN_VALUE || alphaSigmoidSteepness > Short.MAX_VALUE) {
            throw new IllegalArgumentException("alpha_sigmoid_steepness out of i16 range: " + alphaSigmoidSteepness);
        }
        if (ownerUid == null) {
            throw new IllegalArgumentException("ownerUid must be OptionalInt.empty(), not null");
        }
        ownerUid.ifPresent(o -> requireU16("owner_uid", o));
    }

    /**
     * The values a new subnet gets on the production runtime (spec §3.2): Yuma3 on, liquid alpha
     * off, 64 validators, tempo 360.
     */
    public static Hyperparameters newSubnetDefaults() {
        return new Hyperparameters(32767, 65535, 900_000, 64, 360, 13_889, true, false,
                45_875, 58_982, 1000, 0, OptionalInt.empty(), true, 0);
    }

    private static void requireU16(String name, int v) {
        if (v < 0 || v > 65535) {
            throw new IllegalArgumentException(name + " out of u16 range: " + v);
        }
    }
}
