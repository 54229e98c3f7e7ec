package net.taonet.consensus.epoch.domain;

import java.util.OptionalLong;
import net.taonet.platform.chain.EpochSchedule;

/**
 * Which epoch of a subnet is due at a block (DESIGN §3). Only the latest epoch block at or before the
 * current block counts: a service that was down skips the epochs it missed (emission accrues by blocks,
 * so nothing is lost). An epoch block before the subnet existed is never due.
 */
public final class EpochDue {

    private EpochDue() {
    }

    /**
     * The number of the epoch due at {@code block}, if any. Normally the schedule index; after a tempo
     * increase the index can fall below the last epoch, and the number then continues from it so that
     * (netuid, epoch) stays unique and increasing.
     */
    public static OptionalLong dueEpoch(int netuid, int tempo, long registeredAtBlock, Long lastEpoch,
            long lastEpochBlock, long block) {
        if (tempo <= 0 || block < 0) {
            return OptionalLong.empty();
        }
        long index = EpochSchedule.epochIndex(netuid, tempo, block);
        long epochBlock = EpochSchedule.epochBlock(netuid, tempo, index);
        if (epochBlock < registeredAtBlock || epochBlock < 0) {
            return OptionalLong.empty();
        }
        if (lastEpoch == null) {
            return OptionalLong.of(index);
        }
        if (epochBlock <= lastEpochBlock) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Math.max(index, lastEpoch + 1));
    }

    /** The block at which the due epoch runs: the latest epoch block at or before {@code block}. */
    public static long epochBlock(int netuid, int tempo, long block) {
        return EpochSchedule.epochBlock(netuid, tempo, EpochSchedule.epochIndex(netuid, tempo, block));
    }
}
