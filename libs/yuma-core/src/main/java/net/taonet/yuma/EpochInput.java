package net.taonet.yuma;

/**
 * Everything one epoch of one subnet mechanism reads besides the hyperparameters (spec §3.1).
 * All u64 quantities are carried as unsigned bits in longs.
 *
 * @param n                   number of UIDs
 * @param stake               per-UID stake (u64; converted to I64F64 as an integer)
 * @param weights             stored weight rows of u16 values, in stored order
 * @param bonds               stored bond rows of u16 values from the previous epoch
 * @param lastUpdate          block of each UID's last weight update
 * @param blockAtRegistration block at which each UID was (last) registered
 * @param validatorPermit     permits stored by the previous epoch; may be shorter than {@code n}
 *                            (missing entries count as "no permit", spec §0)
 * @param currentBlock        the block the epoch runs in
 * @param raoEmission         emission to distribute (u64)
 * @param commitBlocks        earliest unexpired commit block per UID; {@code -1L} (u64::MAX)
 *                            stands for "no pending commit" (∞ in spec §6.4)
 */
public record EpochInput(
        int n,
        U64Vector stake,
        SparseMatrix weights,
        SparseMatrix bonds,
        U64Vector lastUpdate,
        U64Vector blockAtRegistration,
        BoolVector validatorPermit,
        long currentBlock,
        long raoEmission,
        U64Vector commitBlocks) {

    /** The commit block value meaning "no pending commit". */
    public static final long NO_COMMIT = -1L;

    public EpochInput {
        if (n < 0 || n > 65536) {
            throw new IllegalArgumentException("n out of range: " + n);
        }
        requireLength("stake", stake.size(), n);
        requireLength("weights", weights.rows(), n);
        requireLength("bonds", bonds.rows(), n);
        requireLength("last_update", lastUpdate.size(), n);
        requireLength("block_at_registration", blockAtRegistration.size(), n);
        if (validatorPermit.size() > n) {
            throw new IllegalArgumentException("validator_permit has " + validatorPermit.size() + " entries, more than n = " + n);
        }
        if (commitBlocks == null) {
            commitBlocks = U64Vector.filled(n, NO_COMMIT);
        }
        requireLength("commit_blocks", commitBlocks.size(), n);
        checkRows("weights", weights);
        checkRows("bonds", bonds);
    }

    private static void requireLength(String name, int actual, int n) {
        if (actual != n) {
            throw new IllegalArgumentException(name + " has " + actual + " entries, expected n = " + n);
        }
    }

    private static void checkRows(String name, SparseMatrix m) {
        for (int i = 0; i < m.rows(); i++) {
            for (int k = 0; k < m.rowLength(i); k++) {
                int c = m.col(i, k);
                long v = m.value(i, k);
                if (c < 0 || c > 65535) {
                    throw new IllegalArgumentException(name + " row " + i + ": uid out of u16 range: " + c);
                }
                if (v < 0 || v > 65535) {
                    throw new IllegalArgumentException(name + " row " + i + ": value out of u16 range: " + v);
                }
            }
        }
    }
}
