package net.taonet.platform.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import net.taonet.events.EventHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends outbox rows to Kafka in commit order and deletes them once the broker acknowledged them. One
 * relay per database at a time (a PostgreSQL advisory lock), so several instances of a service never
 * reorder one key's events. A failed send leaves the rows in place and is retried; consumers are
 * idempotent, so a resend after a crash between send and delete is harmless.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    /** Arbitrary constant identifying the relay's advisory lock. */
    private static final long RELAY_LOCK = 0x7A0_0E7L;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final KafkaTemplate<String, String> kafka;
    private final Duration pollInterval;
    private final int batchSize;
    private final Semaphore signal = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, KafkaTemplate<String, String> kafka,
            Duration pollInterval, int batchSize, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.kafka = kafka;
        this.pollInterval = pollInterval;
        this.batchSize = batchSize;
        if (meters != null) {
            meters.gauge("taonet.outbox.backlog", this, OutboxRelay::backlogSafely);
        }
    }

    /** Called after a commit that wrote events, so they go out without waiting for the next poll. */
    public void wake() {
        signal.release();
    }

    /** Sends what is pending now; returns how many events were sent. */
    public int relayOnce() {
        Integer sent = tx.execute(status -> {
            Boolean locked = jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class, RELAY_LOCK);
            if (!Boolean.TRUE.equals(locked)) {
                return 0;
            }
            List<Row> rows = jdbc.query("""
                    SELECT seq, event_id, topic, record_key, event_type, event_version, block, payload
                    FROM outbox_event ORDER BY seq LIMIT ?""",
                    (rs, i) -> new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), rs.getLong(7), rs.getString(8)), batchSize);
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
            for (Row row : rows) {
                acks.add(kafka.send(row.toRecord()));
            }
            try {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while sending outbox events", e);
            } catch (Exception e) {
                throw new IllegalStateException("Kafka did not acknowledge outbox events", e);
            }
            // Delete exactly what was sent: sequence numbers are taken at insert, not at commit, so a row
            // with a lower seq can become visible after this batch was read; "seq <= max" would drop it unsent.
            Long[] sentSeqs = rows.stream().map(Row::seq).toArray(Long[]::new);
            jdbc.update("DELETE FROM outbox_event WHERE seq = ANY(?)", (Object) sentSeqs);
            return rows.size();
        });
        return sent == null ? 0 : sent;
    }

    public long backlog() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM outbox_event", Long.class);
        return n == null ? 0 : n;
    }

    private double backlogSafely() {
        try {
            return backlog();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    private void loop() {
        long failures = 0;
        while (running) {
            try {
                int sent = relayOnce();
                failures = 0;
                if (sent == 0) {
                    signal.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    signal.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures++;
                if (running) {
                    log.warn("outbox relay failed ({} in a row), retrying: {}", failures, e.getMessage());
                }
                try {
                    Thread.sleep(Math.min(5_000, 200 * failures));
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        worker = new Thread(this::loop, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
            try {
                worker.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private record Row(long seq, UUID eventId, String topic, String key, String type, int version, long block,
            String payload) {
        ProducerRecord<String, String> toRecord() {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, payload);
            record.headers().add(EventHeaders.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.EVENT_TYPE, type.getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.EVENT_VERSION, Integer.toString(version).getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.BLOCK, Long.toString(block).getBytes(StandardCharsets.UTF_8));
            return record;
        }
    }
}
