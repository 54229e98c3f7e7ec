package net.taonet.events.ledger;

/** The total stake on a hotkey on a subnet changed; {@code hotkeyTotalRao} is the Yuma stake of its UID. */
public record StakeChanged(int netuid, String hotkey, String coldkey, long deltaRao, long hotkeyTotalRao,
        String reason) {
}
