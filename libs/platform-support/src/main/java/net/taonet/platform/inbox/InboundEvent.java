package net.taonet.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import net.taonet.events.EventCodec;
import net.taonet.events.EventCodec.MalformedEventException;
import net.taonet.events.EventHeaders;
import net.taonet.events.EventType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** A record read from Kafka with its envelope headers parsed (DESIGN §5). */
public record InboundEvent(UUID eventId, String type, int version, long block, String topic, String key,
        String payload) {

    /** Parses the envelope; a record without a valid envelope is malformed and goes to the dead letters. */
    public static InboundEvent from(ConsumerRecord<String, String> record) {
        try {
            UUID id = UUID.fromString(header(record, EventHeaders.EVENT_ID));
            String type = header(record, EventHeaders.EVENT_TYPE);
            int version = Integer.parseInt(header(record, EventHeaders.EVENT_VERSION));
            long block = Long.parseLong(header(record, EventHeaders.BLOCK));
            if (record.value() == null) {
                throw new MalformedEventException("record has no payload");
            }
            return new InboundEvent(id, type, version, block, record.topic(), record.key(), record.value());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("record envelope is invalid: " + e.getMessage(), e);
        }
    }

    public boolean is(EventType<?> eventType) {
        return eventType.name().equals(type) && eventType.version() == version;
    }

    public <T> T decode(EventType<T> eventType, EventCodec codec) {
        if (!is(eventType)) {
            throw new MalformedEventException("expected " + eventType.name() + " v" + eventType.version()
                    + " but got " + type + " v" + version);
        }
        return codec.decode(eventType, payload);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header h = record.headers().lastHeader(name);
        if (h == null || h.value() == null) {
            throw new MalformedEventException("record has no '" + name + "' header");
        }
        return new String(h.value(), StandardCharsets.UTF_8);
    }
}
