package net.taonet.events.ledger;

import java.util.List;

/** The ledger paid out one epoch of one subnet (exactly once per netuid and epoch). */
public record EpochSettled(int netuid, long epoch, long blocksAccrued, long accruedRao, long ownerCutRao,
        long raoEmission, long paidRao, List<UidPayout> payouts) {

    /** What one UID received: miner incentive and validator dividends, in rao. */
    public record UidPayout(int uid, String hotkey, long minerRao, long validatorRao) {
    }
}
