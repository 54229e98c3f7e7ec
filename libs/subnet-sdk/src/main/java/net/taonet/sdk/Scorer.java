package net.taonet.sdk;

import java.util.List;

/**
 * The validator's judgement of results. A score is a number in [0, 1]; 0 means useless or wrong. Results that
 * failed or never came are not passed here: the validator scores them 0 itself. Must be thread-safe.
 */
public interface Scorer {

    /**
     * How many miners the validator should ask the same challenge so that {@link #scoreAll} can compare them.
     * 1 (the default) means results are checked on their own (e.g. gemm verifies each product); more
     * means scores come from agreement (e.g. chat asks several miners and compares their answers).
     */
    default int quorum() {
        return 1;
    }

    /** Scores one result on its own. */
    double score(String challenge, Submission submission);

    /**
     * Scores the results several miners returned for the same challenge, in the same order. Task types that
     * score by agreement override it; the default scores each alone.
     */
    default List<Double> scoreAll(String challenge, List<Submission> submissions) {
        return submissions.stream().map(s -> score(challenge, s)).toList();
    }

    /** Clamps to [0, 1] (NaN is 0), for implementations. */
    static double clamp(double score) {
        if (Double.isNaN(score) || score <= 0) {
            return 0;
        }
        return Math.min(1, score);
    }
}
