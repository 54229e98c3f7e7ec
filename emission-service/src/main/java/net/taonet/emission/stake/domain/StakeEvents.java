package net.taonet.emission.stake.domain;

import net.taonet.events.EventCatalog;
import net.taonet.events.ledger.StakeChanged;
import net.taonet.platform.outbox.Outbox;
import org.springframework.stereotype.Component;

/** Publishes {@code StakeChanged} through the outbox (inside the transaction that moved the stake). */
@Component
public class StakeEvents {

    private final Outbox outbox;

    public StakeEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void stakeChanged(int netuid, String hotkey, String coldkey, long deltaRao, long hotkeyTotalRao,
            String reason, long block) {
        outbox.publish(EventCatalog.STAKE_CHANGED, Integer.toString(netuid), block,
                new StakeChanged(netuid, hotkey, coldkey, deltaRao, hotkeyTotalRao, reason));
    }
}
