package net.taonet.worker.task.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import net.taonet.events.EventCatalog;
import net.taonet.events.EventCodec;
import net.taonet.events.Topics;
import net.taonet.events.tasks.TaskAssigned;
import net.taonet.platform.inbox.InboundEvent;
import net.taonet.worker.neuron.domain.NeuronSlot;
import net.taonet.worker.task.domain.TaskRuntime;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.ConsumerFactory;

/**
 * Reads this worker's assignments (DESIGN §5): it computes the partition of its key {@code "<netuid>:<uid>"}
 * with Kafka's default partitioner and assigns itself that one partition by hand (no group rebalancing: a
 * worker's partition is fixed by its key, not shared out), then skips the records of other keys that hash to
 * the same partition. Offsets are committed in a consumer group of its own (one per hotkey), so a restart
 * resumes where it stopped; on the very first start it reads the partition from the beginning, and anything
 * old is refused as expired.
 *
 * <p>When the UID changes (registered, replaced) it moves to the new key's partition. One thread owns the
 * Kafka consumer (it is not thread-safe); execution happens on the runtime's pool.
 */
public class AssignmentConsumer implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(AssignmentConsumer.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final ConsumerFactory<String, String> factory;
    private final String groupId;
    private final NeuronSlot slot;
    private final TaskRuntime runtime;
    private final EventCodec codec;
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private volatile boolean running;
    private volatile Thread thread;
    private volatile Consumer<String, String> consumer;
    private volatile TopicPartition assigned;

    public AssignmentConsumer(ConsumerFactory<String, String> factory, String groupId, NeuronSlot slot,
            TaskRuntime runtime, EventCodec codec) {
        this.factory = factory;
        this.groupId = groupId;
        this.slot = slot;
        this.runtime = runtime;
        this.codec = codec;
        slot.onChange(uid -> {
            Consumer<String, String> c = consumer;
            if (c != null) {
                c.wakeup(); // re-assign on the consumer's own thread
            }
        });
    }

    @Override
    public void start() {
        running = true;
        thread = new Thread(this::loop, "assignments-" + slot.netuid());
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running = false;
        Consumer<String, String> c = consumer;
        if (c != null) {
            c.wakeup();
        }
        Thread t = thread;
        if (t != null) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** After the Kafka listeners, before the web server stops taking requests. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 200;
    }

    /** The partition read now, or null while the worker has no UID. */
    public TopicPartition assignedPartition() {
        return assigned;
    }

    /** Records of other keys that shared the partition and were skipped. */
    public long skippedRecords() {
        return skipped.get();
    }

    private void loop() {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "true");
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        overrides.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        try (Consumer<String, String> c = factory.createConsumer(groupId, "worker-" + slot.netuid(), "", overrides)) {
            consumer = c;
            int currentUid = NeuronSlot.NONE;
            while (running) {
                try {
                    int uid = slot.uid().orElse(NeuronSlot.NONE);
                    if (uid != currentUid) {
                        reassign(c, uid);
                        currentUid = uid;
                    }
                    if (assigned == null) {
                        Thread.sleep(POLL.toMillis());
                        continue;
                    }
                    ConsumerRecords<String, String> records = c.poll(POLL);
                    String key = Topics.assignmentKey(slot.netuid(), currentUid);
                    for (ConsumerRecord<String, String> record : records) {
                        if (!key.equals(record.key())) {
                            skipped.incrementAndGet();
                            continue;
                        }
                        handle(record);
                    }
                } catch (WakeupException e) {
                    // the UID changed or we are stopping: the loop decides
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (RuntimeException e) {
                    log.warn("assignment consumer: {}; retrying", e.toString());
                    sleepQuietly();
                }
            }
        } finally {
            consumer = null;
            assigned = null;
        }
    }

    private void handle(ConsumerRecord<String, String> record) {
        TaskAssigned task;
        try {
            InboundEvent event = InboundEvent.from(record);
            if (!event.is(EventCatalog.TASK_ASSIGNED)) {
                malformed.incrementAndGet();
                return;
            }
            task = event.decode(EventCatalog.TASK_ASSIGNED, codec);
        } catch (RuntimeException e) {
            malformed.incrementAndGet();
            log.warn("unreadable assignment at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return;
        }
        runtime.accept(task);
    }

    private void reassign(Consumer<String, String> c, int uid) {
        if (uid == NeuronSlot.NONE) {
            c.assign(List.of());
            assigned = null;
            log.info("no UID on subnet {}: not reading assignments", slot.netuid());
            return;
        }
        List<PartitionInfo> partitions = c.partitionsFor(Topics.TASKS_ASSIGNMENTS);
        if (partitions == null || partitions.isEmpty()) {
            throw new IllegalStateException("topic " + Topics.TASKS_ASSIGNMENTS + " has no partitions yet");
        }
        String key = Topics.assignmentKey(slot.netuid(), uid);
        TopicPartition tp = new TopicPartition(Topics.TASKS_ASSIGNMENTS,
                AssignmentPartitions.partitionOf(key, partitions.size()));
        c.assign(List.of(tp));
        assigned = tp;
        log.info("reading assignments for {} from partition {} of {}", key, tp.partition(), partitions.size());
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
