package net.taonet.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import net.taonet.events.EventCodec.MalformedEventException;
import net.taonet.events.Topics;
import net.taonet.platform.problem.ApiProblem;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Poison records go to {@code <topic>.dlt} with the reason in the standard {@code kafka_dlt-*} headers
 * and are counted; malformed records skip the retries (they will never parse), other failures are retried
 * a few times with backoff first.
 *
 * <p>A failure of the infrastructure rather than of the record (the database down or restarting, no
 * connection, a transaction that cannot begin) is retried without limit instead: the record is fine and
 * will apply once the database is back, while dead-lettering it would lose its effect. The consumer stays
 * on that record meanwhile (one delivery attempt per poll, so the group does not rebalance).
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    public static DefaultErrorHandler errorHandler(KafkaTemplate<Object, Object> template, MeterRegistry meters) {
        DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(template,
                (record, ex) -> {
                    log.warn("dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                            rootMessage(ex));
                    if (meters != null) {
                        meters.counter("taonet.kafka.dead_letters", "topic", record.topic()).increment();
                    }
                    return new TopicPartition(Topics.deadLetter(record.topic()), -1);
                });
        // A batch listener's retries have no per-failure back-off: there the refusal to dead-letter makes
        // spring-kafka seek back and deliver the batch again, so it is retried until the database is back.
        ConsumerRecordRecoverer neverForAnOutage = (record, ex) -> {
            if (isInfrastructureFailure(ex)) {
                throw new IllegalStateException("not dead-lettering " + record.topic() + "-" + record.partition()
                        + "@" + record.offset() + ": the infrastructure failed, not the record (" + rootMessage(ex) + ")", ex);
            }
            recoverer.accept(record, ex);
        };
        DefaultErrorHandler handler = new DefaultErrorHandler(neverForAnOutage, recordFailureBackOff());
        handler.setBackOffFunction((record, ex) -> isInfrastructureFailure(ex) ? infrastructureBackOff() : null);
        handler.addNotRetryableExceptions(MalformedEventException.class, ApiProblem.class,
                IllegalArgumentException.class);
        return handler;
    }

    /** A failing record: a few retries within about five seconds, then the dead-letter topic. */
    static BackOff recordFailureBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxElapsedTime(5_000);
        return backOff;
    }

    /** The infrastructure failing: retried until it is back, at most 5 s apart. */
    static BackOff infrastructureBackOff() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(5_000);
        backOff.setMaxElapsedTime(Long.MAX_VALUE);
        return backOff;
    }

    /**
     * Whether the failure says the database (or the way to it) is unavailable rather than that the record
     * is wrong: Spring's resource-failure and transient exceptions, a transaction that could not begin, or
     * a JDBC connection error (SQLState class 08, or 57P01–57P03: the server shutting down or starting).
     */
    static boolean isInfrastructureFailure(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof TransientDataAccessException
                    || t instanceof RecoverableDataAccessException || t instanceof CannotCreateTransactionException
                    || t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
