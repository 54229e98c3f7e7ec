package net.taonet.emission.network.messaging;

import net.taonet.emission.network.domain.NetworkDirectory;
import net.taonet.events.EventCatalog;
import net.taonet.events.EventCodec;
import net.taonet.events.Topics;
import net.taonet.platform.inbox.IdempotentConsumer;
import net.taonet.platform.inbox.InboundEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Projects the registry's subnet and neuron events, each at most once. */
@Component
public class RegistryEventsListener {

    static final String CONSUMER = "emission.registry";
    private static final Logger log = LoggerFactory.getLogger(RegistryEventsListener.class);

    private final NetworkDirectory directory;
    private final IdempotentConsumer consumer;
    private final EventCodec codec;

    public RegistryEventsListener(NetworkDirectory directory, IdempotentConsumer consumer, EventCodec codec) {
        this.directory = directory;
        this.consumer = consumer;
        this.codec = codec;
    }

    @KafkaListener(topics = {Topics.REGISTRY_SUBNETS, Topics.REGISTRY_NEURONS})
    public void on(ConsumerRecord<String, String> record) {
        handle(InboundEvent.from(record));
    }

    /** Applies one event (public for tests that deliver events directly). */
    public boolean handle(InboundEvent event) {
        Runnable effect;
        if (event.is(EventCatalog.SUBNET_REGISTERED)) {
            var e = event.decode(EventCatalog.SUBNET_REGISTERED, codec);
            effect = () -> directory.apply(e);
        } else if (event.is(EventCatalog.SUBNET_HYPERPARAMETERS_CHANGED)) {
            var e = event.decode(EventCatalog.SUBNET_HYPERPARAMETERS_CHANGED, codec);
            effect = () -> directory.apply(e);
        } else if (event.is(EventCatalog.SUBNET_DISSOLVED)) {
            var e = event.decode(EventCatalog.SUBNET_DISSOLVED, codec);
            effect = () -> directory.apply(e);
        } else if (event.is(EventCatalog.NEURON_REGISTERED)) {
            var e = event.decode(EventCatalog.NEURON_REGISTERED, codec);
            effect = () -> directory.apply(e);
        } else if (event.is(EventCatalog.NEURON_REPLACED)) {
            var e = event.decode(EventCatalog.NEURON_REPLACED, codec);
            effect = () -> directory.apply(e);
        } else {
            log.debug("ignoring {} v{} on {}", event.type(), event.version(), event.topic());
            return false;
        }
        return consumer.processOnce(CONSUMER, event.eventId(), effect);
    }
}
