package net.taonet.events.consensus;

import java.util.List;

/**
 * One epoch of Yuma Consensus ran for a subnet. Per UID: the u16 outputs of spec/yuma-consensus.md §5.14,
 * the new permit, and the I32F32 bits of the normalised server and validator emission, which the ledger
 * turns into rao as {@code floor(bits × rao_emission / 2^32)}.
 */
public record EpochCompleted(int netuid, long epoch, long block, String inputsHash, List<UidResult> uids) {

    public record UidResult(int uid, String hotkey, boolean active, int stakeWeight, int consensus,
            int incentive, int dividends, int validatorTrust, boolean validatorPermit,
            long serverEmissionBits, long validatorEmissionBits) {
    }
}
