package net.taonet.events;

/** The envelope headers carried by every record (DESIGN §5). Values are UTF-8 strings. */
public final class EventHeaders {

    public static final String EVENT_ID = "event-id";
    public static final String EVENT_TYPE = "event-type";
    public static final String EVENT_VERSION = "event-version";
    public static final String BLOCK = "block";

    private EventHeaders() {
    }
}
