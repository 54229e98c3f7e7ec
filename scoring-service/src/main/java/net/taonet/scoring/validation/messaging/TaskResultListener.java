package net.taonet.scoring.validation.messaging;

import java.util.ArrayList;
import java.util.List;
import net.taonet.events.EventCatalog;
import net.taonet.events.EventCodec;
import net.taonet.events.Topics;
import net.taonet.platform.inbox.InboundEvent;
import net.taonet.scoring.validation.domain.TaskBroker;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Results and streamed chunks from the workers, a batch at a time. Idempotent by nature: a task takes one
 * outcome and leaves the broker, so a redelivered result finds nothing to apply. A record that cannot be
 * read is skipped (logged): one bad record must not hold up the others' scores.
 */
@Component
public class TaskResultListener {

    private static final Logger log = LoggerFactory.getLogger(TaskResultListener.class);

    private final TaskBroker broker;
    private final EventCodec codec;

    public TaskResultListener(TaskBroker broker, EventCodec codec) {
        this.broker = broker;
        this.codec = codec;
    }

    @KafkaListener(id = "scoring-task-results", topics = Topics.TASKS_RESULTS,
            containerFactory = TaskResultsKafkaConfig.FACTORY)
    public void onResults(List<ConsumerRecord<String, String>> records) {
        long received = System.currentTimeMillis();
        List<TaskBroker.Result> results = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                InboundEvent event = InboundEvent.from(record);
                if (event.is(EventCatalog.TASK_COMPLETED)) {
                    results.add(new TaskBroker.Result(event.decode(EventCatalog.TASK_COMPLETED, codec), null, received));
                } else if (event.is(EventCatalog.TASK_FAILED)) {
                    results.add(new TaskBroker.Result(null, event.decode(EventCatalog.TASK_FAILED, codec), received));
                } else if (event.is(EventCatalog.TASK_CHUNK)) {
                    broker.onChunk(event.decode(EventCatalog.TASK_CHUNK, codec));
                }
            } catch (RuntimeException e) {
                log.warn("skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
            }
        }
        broker.onResults(results);
    }
}
