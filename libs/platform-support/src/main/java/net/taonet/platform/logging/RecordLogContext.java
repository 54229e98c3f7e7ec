package net.taonet.platform.logging;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.taonet.events.EventHeaders;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Puts the event id and type of a consumed record into the MDC and, from its key, the subnet (and UID):
 * events are keyed by {@code <netuid>} or, for task assignments, {@code <netuid>:<uid>} (Topics). Removed
 * again once the listener is done with the record.
 */
public class RecordLogContext implements RecordInterceptor<Object, Object> {

    private static final Pattern KEY = Pattern.compile("(\\d{1,5})(?::(\\d{1,5}))?");
    private static final String[] KEYS = {LogContext.EVENT_ID, LogContext.EVENT_TYPE, LogContext.NETUID, LogContext.UID};

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        put(LogContext.EVENT_ID, header(record, EventHeaders.EVENT_ID));
        put(LogContext.EVENT_TYPE, header(record, EventHeaders.EVENT_TYPE));
        if (record.key() != null) {
            Matcher m = KEY.matcher(record.key().toString());
            if (m.matches()) {
                put(LogContext.NETUID, m.group(1));
                put(LogContext.UID, m.group(2));
            }
        }
        return record;
    }

    @Override
    public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
        for (String key : KEYS) {
            MDC.remove(key);
        }
    }

    private static void put(String key, String value) {
        if (value != null) {
            MDC.put(key, value);
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header h = record.headers().lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }
}
