package net.taonet.worker.task.messaging;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import net.taonet.events.EventCatalog;
import net.taonet.events.EventCodec;
import net.taonet.events.EventHeaders;
import net.taonet.events.EventType;
import net.taonet.events.tasks.TaskChunk;
import net.taonet.events.tasks.TaskCompleted;
import net.taonet.events.tasks.TaskFailed;
import net.taonet.platform.chain.BlockClock;
import net.taonet.worker.task.domain.ResultSink;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes answers straight to {@code tasks.results} (key: the task id, so a task's chunks and its answer stay
 * in order on one partition), with the envelope headers of DESIGN §5. The worker has no database, so there is
 * no outbox: an answer lost to a broker outage is a task the validator times out on, which is how any
 * unanswered task is scored anyway.
 */
public class KafkaResultSink implements ResultSink {

    private static final Logger log = LoggerFactory.getLogger(KafkaResultSink.class);

    private final KafkaTemplate<String, String> kafka;
    private final EventCodec codec;
    private final BlockClock blocks;

    public KafkaResultSink(KafkaTemplate<String, String> kafka, EventCodec codec, BlockClock blocks) {
        this.kafka = kafka;
        this.codec = codec;
        this.blocks = blocks;
    }

    @Override
    public void completed(TaskCompleted completed) {
        send(EventCatalog.TASK_COMPLETED, completed.taskId(), completed);
    }

    @Override
    public void failed(TaskFailed failed) {
        send(EventCatalog.TASK_FAILED, failed.taskId(), failed);
    }

    @Override
    public void chunk(TaskChunk chunk) {
        send(EventCatalog.TASK_CHUNK, chunk.taskId(), chunk);
    }

    private <T> void send(EventType<T> type, String key, T payload) {
        ProducerRecord<String, String> record = new ProducerRecord<>(type.topic(), key, codec.encode(payload));
        record.headers().add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, type.name().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_VERSION,
                Integer.toString(type.version()).getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.BLOCK,
                Long.toString(blocks.currentBlock()).getBytes(StandardCharsets.UTF_8));
        kafka.send(record).whenComplete((ok, error) -> {
            if (error != null) {
                log.warn("could not publish {} for task {}: {}", type.name(), key, error.toString());
            }
        });
    }
}
