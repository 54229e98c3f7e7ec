package net.taonet.consensus.epoch.domain;

import net.taonet.events.registry.Hyperparameters;

/**
 * The complete input of one epoch as read from the projections (spec/yuma-consensus.md §3), stored as
 * JSON with the epoch. Arrays are indexed by UID ({@code 0 … n-1}); a UID nobody holds has a null hotkey,
 * no stake and no rows.
 *
 * @param schema                 format tag of the stored JSON
 * @param hyperparameters        the subnet's hyperparameters as the registry published them
 * @param ownerUid               UID of the subnet owner's hotkey, null when it holds none
 * @param lastMechanismStepBlock block of the previous epoch of this subnet, 0 before the first
 * @param scheduleIndex          {@code EpochSchedule.epochIndex} at this block (commit expiry counts in it)
 * @param weights                stored weight rows: {@code [[uid, u16], ...]} per UID, sorted by UID
 * @param bonds                  bond rows persisted by the previous epoch, in persisted order
 * @param commitBlocks           earliest unexpired commit block per UID, null for none (commit-reveal only)
 */
public record EpochSnapshot(
        String schema,
        int netuid,
        long epoch,
        long block,
        long raoEmission,
        Hyperparameters hyperparameters,
        Integer ownerUid,
        long lastMechanismStepBlock,
        long scheduleIndex,
        int n,
        String[] hotkeys,
        long[] stake,
        int[][][] weights,
        int[][][] bonds,
        long[] lastUpdate,
        long[] blockAtRegistration,
        boolean[] validatorPermit,
        Long[] commitBlocks) {

    public static final String SCHEMA = "taonet-epoch-inputs/1";

    /** The same snapshot under other hyperparameters (for a "what if" replay). */
    public EpochSnapshot withHyperparameters(Hyperparameters other) {
        return new EpochSnapshot(schema, netuid, epoch, block, raoEmission, other, ownerUid, lastMechanismStepBlock,
                scheduleIndex, n, hotkeys, stake, weights, bonds, lastUpdate, blockAtRegistration, validatorPermit,
                commitBlocks);
    }
}
