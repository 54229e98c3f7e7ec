package net.taonet.platform.logging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.MDC;

/**
 * Puts keys into the MDC for the duration of a try-with-resources block and restores what was there
 * before (work nested in a request or a consumed record keeps the outer keys). The keys are the field
 * names of the structured logs: {@link #NETUID}, {@link #UID}, {@link #EPOCH}.
 */
public final class LogContext implements AutoCloseable {

    public static final String REQUEST_ID = "requestId";
    public static final String NETUID = "netuid";
    public static final String UID = "uid";
    public static final String EPOCH = "epoch";
    public static final String EVENT_ID = "eventId";
    public static final String EVENT_TYPE = "eventType";

    private final Map<String, String> previous = new LinkedHashMap<>();

    private LogContext() {
    }

    /** The subnet and epoch of an epoch run or a settlement. */
    public static LogContext epoch(int netuid, long epoch) {
        return new LogContext().with(NETUID, netuid).with(EPOCH, epoch);
    }

    /** One neuron of a subnet. */
    public static LogContext neuron(int netuid, int uid) {
        return new LogContext().with(NETUID, netuid).with(UID, uid);
    }

    /** One request, for code that runs outside the servlet filter that usually sets it (a reactive handler). */
    public static LogContext request(String requestId) {
        return new LogContext().with(REQUEST_ID, requestId);
    }

    public static LogContext subnet(int netuid) {
        return new LogContext().with(NETUID, netuid);
    }

    /** Adds one more key (a null value leaves the key as it was). */
    public LogContext with(String key, Object value) {
        if (value == null) {
            return this;
        }
        if (!previous.containsKey(key)) {
            previous.put(key, MDC.get(key));
        }
        MDC.put(key, value.toString());
        return this;
    }

    @Override
    public void close() {
        previous.forEach((key, value) -> {
            if (value == null) {
                MDC.remove(key);
            } else {
                MDC.put(key, value);
            }
        });
    }
}
