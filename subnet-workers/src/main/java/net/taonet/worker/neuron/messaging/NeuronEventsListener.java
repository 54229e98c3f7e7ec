package net.taonet.worker.neuron.messaging;

import net.taonet.events.EventCatalog;
import net.taonet.events.EventCodec;
import net.taonet.events.Topics;
import net.taonet.events.registry.NeuronRegistered;
import net.taonet.events.registry.NeuronReplaced;
import net.taonet.platform.inbox.InboundEvent;
import net.taonet.worker.neuron.domain.NeuronSlot;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Follows {@code registry.neurons} for this worker's hotkey: a registration gives it a UID, a replacement of
 * its UID takes it away. Each worker reads the whole topic in its own consumer group (one per hotkey). The
 * effects set state, so a duplicate delivery changes nothing; there is no database, hence no inbox table.
 */
public class NeuronEventsListener {

    private static final Logger log = LoggerFactory.getLogger(NeuronEventsListener.class);

    private final NeuronSlot slot;
    private final EventCodec codec;
    private final Runnable onLost;

    public NeuronEventsListener(NeuronSlot slot, EventCodec codec, Runnable onLost) {
        this.slot = slot;
        this.codec = codec;
        this.onLost = onLost;
    }

    @KafkaListener(id = "#{@neuronEventsGroup}", groupId = "#{@neuronEventsGroup}", topics = Topics.REGISTRY_NEURONS)
    public void on(ConsumerRecord<String, String> record) {
        InboundEvent event = InboundEvent.from(record);
        if (event.is(EventCatalog.NEURON_REGISTERED)) {
            NeuronRegistered e = event.decode(EventCatalog.NEURON_REGISTERED, codec);
            if (e.netuid() == slot.netuid() && e.hotkey().equals(slot.hotkey())) {
                slot.assign(e.uid());
            }
        } else if (event.is(EventCatalog.NEURON_REPLACED)) {
            NeuronReplaced e = event.decode(EventCatalog.NEURON_REPLACED, codec);
            if (e.netuid() != slot.netuid()) {
                return;
            }
            if (e.hotkey().equals(slot.hotkey())) {
                slot.assign(e.uid());
            } else if (e.previousHotkey().equals(slot.hotkey()) && slot.uid().orElse(-1) == e.uid()) {
                log.warn("UID {} on subnet {} was given to {}: this worker no longer takes assignments", e.uid(),
                        e.netuid(), e.hotkey());
                slot.lose();
                onLost.run();
            }
        }
    }
}
