package net.taonet.registry.charge.domain;

import java.util.Map;

/** The ledger answered with a 4xx problem: the charge was not made (e.g. {@code insufficient-balance}). */
public class LedgerRefusedException extends RuntimeException {

    private final int status;
    private final String type;
    private final Map<String, Object> properties;

    public LedgerRefusedException(int status, String type, String detail, Map<String, Object> properties) {
        super(detail);
        this.status = status;
        this.type = type;
        this.properties = Map.copyOf(properties);
    }

    public int status() {
        return status;
    }

    /** The problem type's slug (e.g. {@code insufficient-balance}). */
    public String type() {
        return type;
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
