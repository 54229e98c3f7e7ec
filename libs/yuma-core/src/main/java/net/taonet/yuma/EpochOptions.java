package net.taonet.yuma;

/**
 * How to run an epoch.
 *
 * @param path          the sparse production path (normative) or subtensor's test-only dense
 *                      variant (spec §9)
 * @param traceMatrices whether to keep the intermediate matrices in {@link EpochOutput#trace()}
 *                      (costs memory; meant for small diagnostic runs)
 */
public record EpochOptions(Path path, boolean traceMatrices) {

    /** The production configuration: sparse, no matrix trace. */
    public static final EpochOptions DEFAULT = new EpochOptions(Path.SPARSE, false);

    public EpochOptions {
        if (path == null) {
            throw new IllegalArgumentException("path");
        }
    }

    /** Which of subtensor's two epoch implementations to follow. */
    public enum Path {
        /** {@code epoch_mechanism}: production. */
        SPARSE,
        /** {@code epoch_dense_mechanism}: test-only upstream, kept for its vectors. */
        DENSE
    }
}
