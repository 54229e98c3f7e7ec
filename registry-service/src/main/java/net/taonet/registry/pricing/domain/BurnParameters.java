package net.taonet.registry.pricing.domain;

/**
 * The registration price settings of one subnet (spec/protocol.md §4, §8): the clamp
 * [{@code minBurn}, {@code maxBurn}], the half-life of the decay in blocks and the multiplier applied
 * after each registration, in thousandths (1.26 = 1,260).
 */
public record BurnParameters(long minBurn, long maxBurn, long halfLife, long increaseMultMilli) {

    public BurnParameters {
        if (minBurn < 0 || maxBurn < minBurn || halfLife < 1 || increaseMultMilli < 0) {
            throw new IllegalArgumentException("invalid burn parameters: min " + minBurn + ", max " + maxBurn
                    + ", half-life " + halfLife + ", mult " + increaseMultMilli);
        }
    }

    public long clamp(long rao) {
        return Math.min(maxBurn, Math.max(minBurn, rao));
    }
}
