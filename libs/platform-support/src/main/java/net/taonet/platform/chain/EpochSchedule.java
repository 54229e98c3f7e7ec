package net.taonet.platform.chain;

/**
 * When a subnet runs its epoch (DESIGN §3): at every block {@code b} with
 * {@code (b + netuid + 1) mod (tempo + 1) == 0}. Stateless and staggered across subnets, so every
 * service computes the same schedule. Epoch {@code k} of a subnet is the one that runs at block
 * {@code k·(tempo+1) − netuid − 1}; a tempo of 0 means the subnet never runs.
 */
public final class EpochSchedule {

    private EpochSchedule() {
    }

    public static boolean isEpochBlock(int netuid, int tempo, long block) {
        return tempo > 0 && Math.floorMod(block + netuid + 1, (long) tempo + 1) == 0;
    }

    /** The index of the latest epoch whose block is at or before {@code block}. */
    public static long epochIndex(int netuid, int tempo, long block) {
        return Math.floorDiv(block + netuid + 1, (long) tempo + 1);
    }

    /** The block at which epoch {@code epoch} runs. */
    public static long epochBlock(int netuid, int tempo, long epoch) {
        return epoch * ((long) tempo + 1) - netuid - 1;
    }

    /** The first epoch block strictly after {@code block}. */
    public static long nextEpochBlock(int netuid, int tempo, long block) {
        return epochBlock(netuid, tempo, epochIndex(netuid, tempo, block) + 1);
    }

    /** Blocks until the next epoch (1 when the next block is an epoch block). */
    public static long blocksUntilNextEpoch(int netuid, int tempo, long block) {
        return nextEpochBlock(netuid, tempo, block) - block;
    }
}
