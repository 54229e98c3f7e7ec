package net.taonet.sdk;

/** Makes the challenges a validator sends to miners. Must be thread-safe. */
@FunctionalInterface
public interface ChallengeGenerator {

    /**
     * A fresh challenge. Draw all randomness from {@link ChallengeContext#random()} so that a validator can
     * replay a challenge from its seed.
     */
    Challenge next(ChallengeContext context);
}
