package net.taonet.scoring.weights.domain;

import java.util.List;

/** A weight row as a validator submits it: UIDs and u16 values in its own order, and its version key. */
public record WeightsSubmission(int netuid, List<Integer> uids, List<Integer> weights, long versionKey) {

    public WeightsSubmission {
        uids = uids == null ? null : List.copyOf(uids);
        weights = weights == null ? null : List.copyOf(weights);
    }
}
