package net.taonet.events;

/**
 * A stable event name and version, the payload record it carries and the topic it lives on. The name is
 * what goes into the {@code event-type} header: never a Java class name, so classes can be renamed.
 */
public record EventType<T>(String name, int version, Class<T> payloadType, String topic) {
}
