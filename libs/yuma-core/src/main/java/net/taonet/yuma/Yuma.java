package net.taonet.yuma;

import net.taonet.yuma.epoch.DenseEpoch;
import net.taonet.yuma.epoch.SparseEpoch;

/**
 * Entry point of the engine: one Yuma Consensus epoch of one subnet mechanism, bit-exact with
 * subtensor (spec {@code yuma-consensus.md}). Pure function of its arguments.
 */
public final class Yuma {

    private Yuma() {
    }

    /** Runs the production (sparse) epoch. */
    public static EpochOutput epoch(EpochInput input, Hyperparameters hyperparameters) {
        return epoch(input, hyperparameters, EpochOptions.DEFAULT);
    }

    /** Runs the epoch on the chosen path. */
    public static EpochOutput epoch(EpochInput input, Hyperparameters hyperparameters, EpochOptions options) {
        if (input == null || hyperparameters == null || options == null) {
            throw new IllegalArgumentException("input, hyperparameters and options are required");
        }
        return switch (options.path()) {
            case SPARSE -> SparseEpoch.run(input, hyperparameters, options.traceMatrices());
            case DENSE -> DenseEpoch.run(input, hyperparameters, options.traceMatrices());
        };
    }
}
