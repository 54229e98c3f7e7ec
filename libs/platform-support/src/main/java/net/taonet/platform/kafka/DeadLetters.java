package net.taonet.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import net.taonet.events.EventCodec.MalformedEventException;
import net.taonet.events.Topics;
import net.taonet.platform.problem.ApiProblem;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Poison records go to {@code <topic>.dlt} with the reason in the standard {@code kafka_dlt-*} headers
 * and are counted; malformed records skip the retries (they will never parse), other failures are retried
 * a few times with backoff first.
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
        ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
        backOff.setMaxElapsedTime(5_000);
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class, ApiProblem.class,
                IllegalArgumentException.class);
        return handler;
    }

    private static String rootMessage(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
