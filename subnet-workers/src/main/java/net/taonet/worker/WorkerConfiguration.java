package net.taonet.worker;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashSet;
import java.util.concurrent.atomic.AtomicReference;
import net.taonet.events.EventCodec;
import net.taonet.platform.chain.BlockClock;
import net.taonet.sdk.TaskTypes;
import net.taonet.worker.identity.WorkerKeys;
import net.taonet.worker.identity.WorkerKeysLoader;
import net.taonet.worker.neuron.client.RegistryClient;
import net.taonet.worker.neuron.domain.NeuronSlot;
import net.taonet.worker.neuron.domain.Registration;
import net.taonet.worker.neuron.domain.RegistryPort;
import net.taonet.worker.neuron.messaging.NeuronEventsListener;
import net.taonet.worker.serving.domain.ServingReporter;
import net.taonet.worker.task.domain.LoadedTaskTypes;
import net.taonet.worker.task.domain.ResultSink;
import net.taonet.worker.task.domain.TaskRuntime;
import net.taonet.worker.task.messaging.AssignmentConsumer;
import net.taonet.worker.task.messaging.KafkaResultSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.TaskScheduler;

/** Wires one worker: keys, slot, task types, runtime, Kafka in and out, registry. */
@Configuration(proxyBeanMethods = false)
public class WorkerConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkerConfiguration.class);

    @Bean
    WorkerKeys workerKeys(WorkerProperties props) {
        WorkerKeys keys = WorkerKeysLoader.load(props);
        log.info("worker hotkey {} (from {})", keys.hotkeyAddress(), WorkerKeysLoader.source(props));
        return keys;
    }

    @Bean
    NeuronSlot neuronSlot(WorkerProperties props, WorkerKeys keys) {
        NeuronSlot slot = new NeuronSlot(props.netuid(), keys.hotkeyAddress());
        if (props.uid() != null) {
            slot.assign(props.uid());
        }
        return slot;
    }

    /** The consumer group of this worker's own reads: one per hotkey, so workers never share offsets. */
    @Bean
    String neuronEventsGroup(WorkerKeys keys) {
        return "subnet-workers-" + keys.hotkeyAddress();
    }

    @Bean(destroyMethod = "close")
    LoadedTaskTypes loadedTaskTypes(WorkerProperties props) {
        return new LoadedTaskTypes(TaskTypes.load(), props.taskTypes(), props.tasks());
    }

    @Bean
    ResultSink resultSink(KafkaTemplate<String, String> kafka, EventCodec codec, BlockClock blocks) {
        return new KafkaResultSink(kafka, codec, blocks);
    }

    @Bean(destroyMethod = "close")
    TaskRuntime taskRuntime(WorkerProperties props, WorkerKeys keys, NeuronSlot slot, LoadedTaskTypes types,
            ResultSink sink, MeterRegistry meters) {
        return new TaskRuntime(keys.hotkey(), slot, types, sink, props.behaviour(), props.concurrency(),
                props.queueCapacity(), new HashSet<>(props.trustedValidators()), meters, Clock.systemUTC());
    }

    /**
     * The assignment consumer commits its offsets in a group of its own: it assigns its partition by hand, and
     * the broker refuses such a consumer's commits in a group that has subscribed members (the neuron events
     * listener's), with "the coordinator is not aware of this member" on every commit.
     */
    @Bean
    AssignmentConsumer assignmentConsumer(ConsumerFactory<String, String> factory, String neuronEventsGroup,
            NeuronSlot slot, TaskRuntime runtime, EventCodec codec) {
        return new AssignmentConsumer(factory, neuronEventsGroup + "-assignments", slot, runtime, codec);
    }

    @Bean
    @ConditionalOnExpression("'${taonet.worker.registry.url:}' != ''")
    RegistryPort registryClient(WorkerProperties props) {
        return new RegistryClient(props.registry().url(), props.registry().timeout());
    }

    @Bean
    @ConditionalOnExpression("'${taonet.worker.uid:}' == ''")
    NeuronEventsListener neuronEventsListener(NeuronSlot slot, EventCodec codec, RegistrationStarter starter) {
        return new NeuronEventsListener(slot, codec, starter::start);
    }

    @Bean
    RegistrationStarter registrationStarter(WorkerProperties props, ObjectProvider<RegistryPort> registry,
            NeuronSlot slot, WorkerKeys keys) {
        return new RegistrationStarter(props, registry.getIfAvailable(), slot, keys);
    }

    @Bean
    ServingReporter servingReporter(WorkerProperties props, ObjectProvider<RegistryPort> registry, WorkerKeys keys,
            NeuronSlot slot, LoadedTaskTypes types, Environment env) {
        String version = WorkerApplication.class.getPackage().getImplementationVersion();
        RegistryPort port = registry.getIfAvailable(() -> null);
        return new ServingReporter(port, keys, slot, types, props.serving().accelerator(), props.serving().memoryMib(),
                () -> props.serving().endpoint() != null ? props.serving().endpoint().toString()
                        : "http://localhost:" + env.getProperty("local.server.port", env.getProperty("server.port", "0")),
                version != null ? version : "0.1.0-SNAPSHOT");
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready(ApplicationReadyEvent event) {
        var ctx = event.getApplicationContext();
        WorkerProperties props = ctx.getBean(WorkerProperties.class);
        RegistrationStarter starter = ctx.getBean(RegistrationStarter.class);
        starter.start();
        if (ctx.getBeanProvider(RegistryPort.class).getIfAvailable() != null && props.serving().enabled()) {
            ServingReporter reporter = ctx.getBean(ServingReporter.class);
            NeuronSlot slot = ctx.getBean(NeuronSlot.class);
            TaskScheduler scheduler = ctx.getBean(TaskScheduler.class);
            slot.onChange(uid -> scheduler.schedule(reporter::publishOnce, java.time.Instant.now()));
            scheduler.scheduleWithFixedDelay(reporter::publishOnce, props.serving().interval());
        }
    }

    @Bean
    HealthIndicator worker(NeuronSlot slot, LoadedTaskTypes types, TaskRuntime runtime, AssignmentConsumer consumer) {
        return () -> Health.up()
                .withDetail("netuid", slot.netuid())
                .withDetail("uid", slot.uid().isPresent() ? slot.uid().getAsInt() : "none")
                .withDetail("hotkey", slot.hotkey())
                .withDetail("taskTypes", types.types().keySet())
                .withDetail("partition", String.valueOf(consumer.assignedPartition()))
                .withDetail("inFlight", runtime.inFlight())
                .withDetail("queued", runtime.queued())
                .build();
    }

    /**
     * Runs {@link Registration} on a background thread when the UID is not fixed by configuration and a
     * registry is configured; again when the UID is lost. At most one runs at a time.
     */
    static final class RegistrationStarter {
        private final WorkerProperties props;
        private final RegistryPort registry;
        private final NeuronSlot slot;
        private final WorkerKeys keys;
        private final AtomicReference<Thread> running = new AtomicReference<>();

        RegistrationStarter(WorkerProperties props, RegistryPort registry, NeuronSlot slot, WorkerKeys keys) {
            this.props = props;
            this.registry = registry;
            this.slot = slot;
            this.keys = keys;
        }

        void start() {
            if (props.uid() != null) {
                return;
            }
            if (registry == null) {
                log.info("no registry configured (taonet.worker.registry.url): waiting for registry.neurons "
                        + "to learn the UID of {} on subnet {}", slot.hotkey(), slot.netuid());
                return;
            }
            Registration registration = new Registration(registry, slot, keys, props.registry().register(),
                    props.registry().maxPriceRao(), props.registry().retryInterval());
            Thread t = new Thread(registration, "registration");
            t.setDaemon(true);
            Thread previous = running.get();
            if ((previous == null || !previous.isAlive()) && running.compareAndSet(previous, t)) {
                t.start();
            }
        }
    }
}
