package net.taonet.platform.outbox;

import java.util.UUID;
import net.taonet.events.EventCodec;
import net.taonet.events.EventEnvelope;
import net.taonet.events.EventType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox: an event is written to the service's own database in the transaction that
 * changes the state it describes, and {@link OutboxRelay} sends it to Kafka after the commit. A rollback
 * therefore publishes nothing, and a crash after the commit still publishes (at least once).
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final EventCodec codec;
    private final OutboxRelay relay;

    public Outbox(JdbcTemplate jdbc, EventCodec codec, OutboxRelay relay) {
        this.jdbc = jdbc;
        this.codec = codec;
        this.relay = relay;
    }

    /** Records the event in the current transaction; there must be one. Returns the event id. */
    public <T> UUID publish(EventType<T> type, String key, long block, T payload) {
        return publish(EventEnvelope.create(type, key, block, payload));
    }

    public <T> UUID publish(EventEnvelope<T> event) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publish needs the transaction that changes the state");
        }
        jdbc.update("""
                INSERT INTO outbox_event (event_id, topic, record_key, event_type, event_version, block, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?)""",
                event.eventId(), event.type().topic(), event.key(), event.type().name(), event.type().version(),
                event.block(), codec.encode(event.payload()));
        wakeRelayAfterCommit();
        return event.eventId();
    }

    /**
     * Records several events in the current transaction with one batched statement, in list order (for
     * a state change that produces many events at once, e.g. an epoch payout).
     */
    public void publishAll(java.util.List<? extends EventEnvelope<?>> events) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("Outbox.publishAll needs the transaction that changes the state");
        }
        if (events.isEmpty()) {
            return;
        }
        java.util.List<Object[]> rows = new java.util.ArrayList<>(events.size());
        for (EventEnvelope<?> event : events) {
            rows.add(new Object[] {event.eventId(), event.type().topic(), event.key(), event.type().name(),
                    event.type().version(), event.block(), codec.encode(event.payload())});
        }
        jdbc.batchUpdate("""
                INSERT INTO outbox_event (event_id, topic, record_key, event_type, event_version, block, payload)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", rows);
        wakeRelayAfterCommit();
    }

    private void wakeRelayAfterCommit() {
        if (relay != null) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    relay.wake();
                }
            });
        }
    }
}
