package net.taonet.consensus.epoch.domain;

import java.util.Arrays;

/**
 * One UID's outputs of an epoch (spec §4, §5.14): the u16 proportions, the new permit, the u64 emissions
 * for the nominal {@code rao_emission}, the I32F32 bits of the normalised server and validator emission
 * (what the ledger pays from), and the bond row persisted for the next epoch ({@code [[uid, u16], ...]}).
 */
public record UidOutcome(
        int uid,
        String hotkey,
        boolean active,
        int stakeWeight,
        int consensus,
        int incentive,
        int dividends,
        int validatorTrust,
        boolean validatorPermit,
        long serverEmission,
        long validatorEmission,
        long emission,
        long serverEmissionBits,
        long validatorEmissionBits,
        int[][] bonds) {

    /** Field-by-field equality, bond rows entry for entry (records compare arrays by reference). */
    public boolean sameAs(UidOutcome o) {
        return uid == o.uid && active == o.active && stakeWeight == o.stakeWeight && consensus == o.consensus
                && incentive == o.incentive && dividends == o.dividends && validatorTrust == o.validatorTrust
                && validatorPermit == o.validatorPermit && serverEmission == o.serverEmission
                && validatorEmission == o.validatorEmission && emission == o.emission
                && serverEmissionBits == o.serverEmissionBits && validatorEmissionBits == o.validatorEmissionBits
                && Arrays.deepEquals(bonds, o.bonds);
    }
}
