package net.taonet.sdk;

import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What a challenge generator may use: the subnet it is for, the subnet's settings for this task type (e.g.
 * matrix sizes, a prompt set) and the source of randomness.
 */
public record ChallengeContext(int netuid, TaskSettings settings, RandomGenerator random) {

    public ChallengeContext {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(random, "random");
    }

    public static ChallengeContext of(int netuid, RandomGenerator random) {
        return new ChallengeContext(netuid, TaskSettings.empty(), random);
    }
}
