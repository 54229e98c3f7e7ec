package net.taonet.platform.inbox;

import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies an event's effect at most once per consumer: the event id is recorded in the same transaction
 * as the effect, so a redelivered event (Kafka is at-least-once) finds its id and does nothing.
 */
public class IdempotentConsumer {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    public IdempotentConsumer(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** Runs {@code effect} in a transaction unless this consumer already processed the event. */
    public boolean processOnce(String consumer, UUID eventId, Runnable effect) {
        return processOnce(consumer, eventId, () -> {
            effect.run();
            return Boolean.TRUE;
        }) != null;
    }

    /** As above, returning the effect's result, or {@code null} when the event was a duplicate. */
    public <T> T processOnce(String consumer, UUID eventId, Supplier<T> effect) {
        return tx.execute(status -> {
            int inserted = jdbc.update(
                    "INSERT INTO processed_event (consumer, event_id) VALUES (?, ?) ON CONFLICT DO NOTHING",
                    consumer, eventId);
            return inserted == 0 ? null : effect.get();
        });
    }

    public boolean alreadyProcessed(String consumer, UUID eventId) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM processed_event WHERE consumer = ? AND event_id = ?",
                Integer.class, consumer, eventId);
        return n != null && n > 0;
    }
}
