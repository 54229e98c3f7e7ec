package net.taonet.worker.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import net.taonet.events.EventCatalog;
import net.taonet.events.EventCodec;
import net.taonet.events.EventHeaders;
import net.taonet.events.Topics;
import net.taonet.events.tasks.TaskAssigned;
import net.taonet.events.tasks.TaskChunk;
import net.taonet.events.tasks.TaskCompleted;
import net.taonet.events.tasks.TaskFailed;
import net.taonet.platform.inbox.InboundEvent;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The validator's side of the task topics on the real test broker: publishes assignments (key
 * {@code <netuid>:<uid>}, default partitioner, envelope headers) and collects every answer on
 * {@code tasks.results}, by task id.
 */
public final class TaskTopics implements AutoCloseable {

    private final EventCodec codec = new EventCodec();
    private final KafkaProducer<String, String> producer;
    private final KafkaConsumer<String, String> consumer;
    private final Thread reader;
    private volatile boolean running = true;

    public final Map<String, TaskCompleted> completed = new ConcurrentHashMap<>();
    /** When each completion was read here (System.nanoTime), for latency figures. */
    public final Map<String, Long> completedAt = new ConcurrentHashMap<>();
    public final Map<String, TaskFailed> failed = new ConcurrentHashMap<>();
    public final Map<String, Queue<TaskChunk>> chunks = new ConcurrentHashMap<>();

    public TaskTopics(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer());
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = waitForPartitions(Topics.TASKS_RESULTS);
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        reader = new Thread(this::read, "test-results-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private List<TopicPartition> waitForPartitions(String topic) {
        long until = System.currentTimeMillis() + 30_000;
        while (true) {
            var infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            }
            if (System.currentTimeMillis() > until) {
                throw new IllegalStateException("no partitions for " + topic);
            }
        }
    }

    public void publish(TaskAssigned assignment) {
        try {
            publishAsync(assignment).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes without waiting for the broker's acknowledgement (load generation). */
    public java.util.concurrent.Future<?> publishAsync(TaskAssigned assignment) {
        ProducerRecord<String, String> record = new ProducerRecord<>(Topics.TASKS_ASSIGNMENTS,
                Topics.assignmentKey(assignment.netuid(), assignment.uid()), codec.encode(assignment));
        record.headers().add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_TYPE, "TaskAssigned".getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.EVENT_VERSION, "1".getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.BLOCK, "1".getBytes(StandardCharsets.UTF_8));
        return producer.send(record);
    }

    public void flush() {
        producer.flush();
    }

    public boolean answered(String taskId) {
        return completed.containsKey(taskId) || failed.containsKey(taskId);
    }

    private void read() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    InboundEvent event = InboundEvent.from(record);
                    if (event.is(EventCatalog.TASK_COMPLETED)) {
                        TaskCompleted c = event.decode(EventCatalog.TASK_COMPLETED, codec);
                        completedAt.putIfAbsent(c.taskId(), System.nanoTime());
                        completed.put(c.taskId(), c);
                    } else if (event.is(EventCatalog.TASK_FAILED)) {
                        TaskFailed f = event.decode(EventCatalog.TASK_FAILED, codec);
                        failed.put(f.taskId(), f);
                    } else if (event.is(EventCatalog.TASK_CHUNK)) {
                        TaskChunk c = event.decode(EventCatalog.TASK_CHUNK, codec);
                        chunks.computeIfAbsent(c.taskId(), k -> new ConcurrentLinkedQueue<>()).add(c);
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        } finally {
            consumer.close();
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        producer.close();
    }
}
