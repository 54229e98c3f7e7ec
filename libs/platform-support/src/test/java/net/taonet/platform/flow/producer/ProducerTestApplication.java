package net.taonet.platform.flow.producer;

import java.util.UUID;
import net.taonet.events.EventCatalog;
import net.taonet.events.ledger.StakeChanged;
import net.taonet.platform.chain.BlockClock;
import net.taonet.platform.outbox.Outbox;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A tiny service that changes its state and publishes the fact through the outbox, as every producer must. */
@SpringBootApplication
public class ProducerTestApplication {

    /** Subnet of every test event; also the record key, as for the real ledger.stakes topic. */
    public static final int NETUID = 7;

    @Service
    public static class StakeDesk {

        private final JdbcTemplate jdbc;
        private final Outbox outbox;
        private final BlockClock clock;

        StakeDesk(JdbcTemplate jdbc, Outbox outbox, BlockClock clock) {
            this.jdbc = jdbc;
            this.outbox = outbox;
            this.clock = clock;
        }

        /** Records a stake change and its event in one transaction; {@code fail} rolls both back. */
        @Transactional
        public UUID change(String hotkey, long deltaRao, boolean fail) {
            jdbc.update("INSERT INTO stake_change (hotkey, delta) VALUES (?, ?)", hotkey, deltaRao);
            Long total = jdbc.queryForObject("SELECT sum(delta) FROM stake_change WHERE hotkey = ?", Long.class, hotkey);
            UUID id = outbox.publish(EventCatalog.STAKE_CHANGED, Integer.toString(NETUID), clock.currentBlock(),
                    new StakeChanged(NETUID, hotkey, "5Coldkey", deltaRao, total == null ? 0 : total, "test"));
            if (fail) {
                throw new IllegalStateException("the change is refused after its event was written");
            }
            return id;
        }
    }
}
