package net.taonet.worker.neuron;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import net.taonet.events.EventCatalog;
import net.taonet.events.EventCodec;
import net.taonet.events.EventHeaders;
import net.taonet.events.EventType;
import net.taonet.events.registry.NeuronRegistered;
import net.taonet.events.registry.NeuronReplaced;
import net.taonet.worker.neuron.domain.NeuronSlot;
import net.taonet.worker.neuron.messaging.NeuronEventsListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** registry.neurons for this worker's hotkey: registration, duplicate delivery, losing the UID. */
class NeuronEventsTest {

    private final EventCodec codec = new EventCodec();
    private final NeuronSlot slot = new NeuronSlot(1, "5Me");
    private final AtomicInteger lost = new AtomicInteger();
    private final List<Integer> changes = new ArrayList<>();
    private final NeuronEventsListener listener = new NeuronEventsListener(slot, codec, lost::incrementAndGet);

    {
        slot.onChange(changes::add);
    }

    @Test
    void aRegistrationGivesTheUidAndADuplicateChangesNothing() {
        ConsumerRecord<String, String> record = record(EventCatalog.NEURON_REGISTERED,
                new NeuronRegistered(1, 7, "5Me", "5Cold", 100, 1_000));
        listener.on(record);
        listener.on(record);
        assertThat(slot.uid()).hasValue(7);
        assertThat(changes).containsExactly(7);
    }

    @Test
    void othersRegistrationsAndOtherSubnetsAreIgnored() {
        listener.on(record(EventCatalog.NEURON_REGISTERED, new NeuronRegistered(1, 8, "5Other", "5Cold", 1, 1)));
        listener.on(record(EventCatalog.NEURON_REGISTERED, new NeuronRegistered(2, 9, "5Me", "5Cold", 1, 1)));
        assertThat(slot.uid()).isEmpty();
    }

    @Test
    void beingReplacedLosesTheUidOnceAndReplacingSomeoneGivesOne() {
        slot.assign(7);
        ConsumerRecord<String, String> replaced = record(EventCatalog.NEURON_REPLACED,
                new NeuronReplaced(1, 7, "5Me", "5New", "5Cold2", 200, 1));
        listener.on(replaced);
        listener.on(replaced);
        assertThat(slot.uid()).isEmpty();
        assertThat(lost).hasValue(1);
        listener.on(record(EventCatalog.NEURON_REPLACED, new NeuronReplaced(1, 3, "5Old", "5Me", "5Cold", 300, 1)));
        assertThat(slot.uid()).hasValue(3);
    }

    private <T> ConsumerRecord<String, String> record(EventType<T> type, T payload) {
        ConsumerRecord<String, String> r = new ConsumerRecord<>(type.topic(), 0, 0, "1", codec.encode(payload));
        r.headers().add(EventHeaders.EVENT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        r.headers().add(EventHeaders.EVENT_TYPE, type.name().getBytes(StandardCharsets.UTF_8));
        r.headers().add(EventHeaders.EVENT_VERSION, Integer.toString(type.version()).getBytes(StandardCharsets.UTF_8));
        r.headers().add(EventHeaders.BLOCK, "5".getBytes(StandardCharsets.UTF_8));
        return r;
    }
}
