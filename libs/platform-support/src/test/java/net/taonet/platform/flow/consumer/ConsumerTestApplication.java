package net.taonet.platform.flow.consumer;

import java.util.Map;
import net.taonet.events.EventCatalog;
import net.taonet.events.EventCodec;
import net.taonet.events.Topics;
import net.taonet.events.ledger.StakeChanged;
import net.taonet.platform.inbox.IdempotentConsumer;
import net.taonet.platform.inbox.InboundEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A tiny service that projects StakeChanged events idempotently, as every consumer must. */
@SpringBootApplication
public class ConsumerTestApplication {

    @Component
    public static class StakeTotals {

        static final String CONSUMER = "stake-totals";

        private final JdbcTemplate jdbc;
        private final IdempotentConsumer idempotent;
        private final EventCodec codec;

        StakeTotals(JdbcTemplate jdbc, IdempotentConsumer idempotent, EventCodec codec) {
            this.jdbc = jdbc;
            this.idempotent = idempotent;
            this.codec = codec;
        }

        @KafkaListener(topics = Topics.LEDGER_STAKES)
        void on(ConsumerRecord<String, String> record) {
            InboundEvent event = InboundEvent.from(record);
            if (!event.is(EventCatalog.STAKE_CHANGED)) {
                return;
            }
            StakeChanged change = event.decode(EventCatalog.STAKE_CHANGED, codec);
            idempotent.processOnce(CONSUMER, event.eventId(), () -> {
                jdbc.update("""
                        INSERT INTO stake_total (hotkey, total, events) VALUES (?, ?, 1)
                        ON CONFLICT (hotkey) DO UPDATE
                        SET total = stake_total.total + EXCLUDED.total, events = stake_total.events + 1""",
                        change.hotkey(), change.deltaRao());
            });
        }

        /** hotkey's total and how many events built it; absent until its first event. */
        public Map<String, Object> total(String hotkey) {
            return jdbc.queryForList("SELECT total, events FROM stake_total WHERE hotkey = ?", hotkey).stream()
                    .findFirst().orElse(Map.of());
        }
    }
}
