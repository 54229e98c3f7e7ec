package net.taonet.emission.ledger.domain;

import java.util.Map;

/**
 * What a posting did: its journal transaction ({@code null} when nothing moved), the block it was
 * recorded at, the balances after it, and the new total stake of every (netuid, hotkey) it changed.
 */
public record Posting(Long journalTx, long block, Map<AccountKey, Long> deltas, Map<AccountKey, Long> balancesAfter,
        Map<HotkeyStake, Long> hotkeyTotals) {

    /** A hotkey on a subnet. */
    public record HotkeyStake(int netuid, String hotkey) implements Comparable<HotkeyStake> {
        @Override
        public int compareTo(HotkeyStake o) {
            int c = Integer.compare(netuid, o.netuid);
            return c != 0 ? c : hotkey.compareTo(o.hotkey);
        }
    }

    public long balanceAfter(AccountKey key) {
        Long b = balancesAfter.get(key);
        return b == null ? 0 : b;
    }
}
