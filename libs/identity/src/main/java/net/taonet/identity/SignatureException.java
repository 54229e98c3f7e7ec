package net.taonet.identity;

/** A request whose signature was not accepted; {@link #reason()} says which check failed. */
public class SignatureException extends RuntimeException {

    /** Why a signature was refused; {@link #slug()} is the stable problem type services answer with. */
    public enum Reason {
        /** One of the three signature headers is absent. */
        MISSING("signature-missing"),
        /** Malformed headers, an unknown or invalid address, or a signature that does not verify. */
        INVALID("signature-invalid"),
        /** The nonce is outside the freshness window. */
        STALE("signature-stale"),
        /** The nonce is not greater than the signer's last accepted nonce. */
        REPLAYED("signature-replayed");

        private final String slug;

        Reason(String slug) {
            this.slug = slug;
        }

        public String slug() {
            return slug;
        }
    }

    private final Reason reason;

    public SignatureException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
