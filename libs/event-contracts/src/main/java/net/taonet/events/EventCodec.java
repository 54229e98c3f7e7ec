package net.taonet.events;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * JSON encoding of event payloads. Unknown properties are ignored so that additive optional fields keep
 * the version (DESIGN §5); a payload that does not parse is a {@link MalformedEventException}.
 */
public final class EventCodec {

    private final JsonMapper mapper;

    public EventCodec() {
        this.mapper = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .build();
    }

    public String encode(Object payload) {
        return mapper.writeValueAsString(payload);
    }

    public <T> T decode(EventType<T> type, String json) {
        try {
            return mapper.readValue(json, type.payloadType());
        } catch (JacksonException e) {
            throw new MalformedEventException(type.name() + " payload does not parse: " + e.getOriginalMessage(), e);
        }
    }

    /** A record that cannot be understood: it goes to the dead-letter topic, never retried. */
    public static final class MalformedEventException extends RuntimeException {
        public MalformedEventException(String message, Throwable cause) {
            super(message, cause);
        }

        public MalformedEventException(String message) {
            super(message);
        }
    }
}
