package net.taonet.yuma;

import java.util.Optional;

/**
 * Everything one epoch produces (spec §4, §5.13, §5.14).
 *
 * <p>The u16 and u64 vectors are what subtensor stores. The I32F32 vectors are the exact
 * intermediates; two of them are part of the contract with the ledger: the normalised server and
 * validator emission shares ({@code ns_i}, {@code nv_i} of spec §5.13), which a ledger multiplies
 * by its own emission amount with {@link net.taonet.yuma.fixed.I96F32#proportionOfU64}.
 *
 * @param active                  activity flag per UID
 * @param stakeWeight             {@code q(S)}
 * @param consensus               {@code q(C)}
 * @param incentive               {@code q(I)}
 * @param dividends               {@code q(D)}
 * @param validatorTrust          {@code q(VT)}
 * @param newValidatorPermit      permits to store for the next epoch
 * @param serverEmission          miner emission per UID (u64)
 * @param validatorEmission       validator emission per UID (u64)
 * @param emission                combined emission per UID (u64; used for pruning)
 * @param bonds                   bond rows to persist, u16 values, empty for UIDs without a new permit
 * @param activityCutoffBlocks    the activity cutoff actually used
 * @param lastTempo               the bond-reset threshold block ℓ actually used (spec §5.10)
 * @param stakeBits               {@code S} (I32F32 bits)
 * @param activeStakeBits         {@code A}
 * @param consensusBits           {@code C}
 * @param incentiveBits           {@code I}
 * @param dividendsBits           {@code D}
 * @param validatorTrustBits      {@code VT}
 * @param normalizedServer        {@code ns} (I32F32 bits): share of the emission to each miner
 * @param normalizedValidator     {@code nv} (I32F32 bits): share of the emission to each validator
 * @param normalizedCombined      {@code nc} (I32F32 bits)
 * @param trace                   matrices of intermediate steps, present when requested
 */
public record EpochOutput(
        BoolVector active,
        U16Vector stakeWeight,
        U16Vector consensus,
        U16Vector incentive,
        U16Vector dividends,
        U16Vector validatorTrust,
        BoolVector newValidatorPermit,
        U64Vector serverEmission,
        U64Vector validatorEmission,
        U64Vector emission,
        SparseMatrix bonds,
        long activityCutoffBlocks,
        long lastTempo,
        FixedVector stakeBits,
        FixedVector activeStakeBits,
        FixedVector consensusBits,
        FixedVector incentiveBits,
        FixedVector dividendsBits,
        FixedVector validatorTrustBits,
        FixedVector normalizedServer,
        FixedVector normalizedValidator,
        FixedVector normalizedCombined,
        Optional<EpochTrace> trace) {

    /** Number of UIDs. */
    public int n() {
        return active.size();
    }

    /** I32F32 bits of each UID's normalised server (miner) emission share, {@code ns_i}. */
    public long[] normalizedServerEmissionBits() {
        return normalizedServer.toBitsArray();
    }

    /** I32F32 bits of each UID's normalised validator emission share, {@code nv_i}. */
    public long[] normalizedValidatorEmissionBits() {
        return normalizedValidator.toBitsArray();
    }

    /**
     * Matrices of intermediate steps, for diagnosis (I32F32 bits).
     *
     * @param weights    {@code W}: masked, row-normalised weights (spec §5.5)
     * @param bondsDelta classic mode's column-normalised {@code ΔB} (spec §5.11); absent in Yuma3
     * @param emaBonds   the bonds EMA: column-normalised in classic mode, absolute in Yuma3
     */
    public record EpochTrace(SparseMatrix weights, Optional<SparseMatrix> bondsDelta, SparseMatrix emaBonds) {
    }
}
