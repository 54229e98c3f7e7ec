package net.taonet.registry.charge.domain;

/** The ledger did not answer in time, answered 5xx, or its circuit is open: whether a charge happened is unknown. */
public class LedgerUnavailableException extends RuntimeException {

    public LedgerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
