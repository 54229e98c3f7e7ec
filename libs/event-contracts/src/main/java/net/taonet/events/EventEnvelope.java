package net.taonet.events;

import java.util.UUID;

/**
 * An event with its envelope: the headers of DESIGN §5 and the record key. {@code block} is the block
 * height at which the fact happened.
 */
public record EventEnvelope<T>(UUID eventId, EventType<T> type, long block, String key, T payload) {

    public static <T> EventEnvelope<T> create(EventType<T> type, String key, long block, T payload) {
        return new EventEnvelope<>(UUID.randomUUID(), type, block, key, payload);
    }
}
