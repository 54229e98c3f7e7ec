package net.taonet.identity;

import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Objects;

/**
 * Verifies a signed request (DESIGN §6) and returns its signer's address. The checks run in this order,
 * and only a request that passed the earlier ones reaches the next:
 * <ol>
 *   <li>all three headers present, else {@link SignatureException.Reason#MISSING};</li>
 *   <li>a valid SS58 address, a decimal nonce, a 64-byte base64 signature that verifies over the canonical
 *       string, else {@link SignatureException.Reason#INVALID};</li>
 *   <li>the nonce within {@code ±window} of this verifier's clock, else {@link SignatureException.Reason#STALE};</li>
 *   <li>the nonce strictly greater than the signer's last accepted one, recorded atomically in the
 *       {@link NonceStore}, else {@link SignatureException.Reason#REPLAYED}.</li>
 * </ol>
 * The nonce is recorded last, so a forged or stale request can never use up a signer's nonce.
 * The ed25519 check compares no secret; the SS58 checksum is compared in constant time.
 */
public final class RequestVerifier {

    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);

    private final NonceStore nonces;
    private final long windowMillis;
    private final Clock clock;

    public RequestVerifier(NonceStore nonces) {
        this(nonces, DEFAULT_WINDOW, Clock.systemUTC());
    }

    public RequestVerifier(NonceStore nonces, Duration window, Clock clock) {
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        if (window == null || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("the freshness window must be positive");
        }
        this.windowMillis = window.toMillis();
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public Duration window() {
        return Duration.ofMillis(windowMillis);
    }

    /**
     * Verifies a request given its header values (any may be null) and returns the signer's address.
     *
     * @throws SignatureException when the request must be refused (401)
     */
    public String verify(String method, String pathAndQuery, byte[] body,
            String signerHeader, String nonceHeader, String signatureHeader) {
        if (isBlank(signerHeader) || isBlank(nonceHeader) || isBlank(signatureHeader)) {
            throw new SignatureException(SignatureException.Reason.MISSING, "this request must be signed: headers "
                    + SignedRequests.SIGNER_HEADER + ", " + SignedRequests.NONCE_HEADER + " and "
                    + SignedRequests.SIGNATURE_HEADER + " are required");
        }
        String signer = signerHeader.trim();
        if (!Ss58.isValid(signer)) {
            throw invalid(SignedRequests.SIGNER_HEADER + " is not a valid SS58 address");
        }
        long nonce = parseNonce(nonceHeader.trim());
        byte[] signature = parseSignature(signatureHeader.trim());
        byte[] message;
        try {
            message = SignedRequests.canonicalBytes(method, pathAndQuery, nonce, body);
        } catch (IllegalArgumentException e) {
            throw invalid("the request cannot be canonicalized: " + e.getMessage());
        }
        if (!Signatures.verify(signer, message, signature)) {
            throw invalid("the signature does not match the request and signer");
        }
        long now = clock.millis();
        if (Math.abs(now - nonce) > windowMillis) {
            throw new SignatureException(SignatureException.Reason.STALE, "the nonce " + nonce + " is "
                    + Math.abs(now - nonce) + " ms away from the server's clock; at most " + windowMillis
                    + " ms is accepted");
        }
        if (!nonces.advance(signer, nonce)) {
            throw new SignatureException(SignatureException.Reason.REPLAYED, "the nonce " + nonce
                    + " is not greater than the last nonce accepted from " + signer);
        }
        return signer;
    }

    private static long parseNonce(String value) {
        if (value.length() > 19 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw invalid(SignedRequests.NONCE_HEADER + " must be a non-negative decimal number of milliseconds");
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw invalid(SignedRequests.NONCE_HEADER + " is out of range");
        }
    }

    private static byte[] parseSignature(String value) {
        byte[] signature;
        try {
            signature = Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw invalid(SignedRequests.SIGNATURE_HEADER + " is not valid base64");
        }
        if (signature.length != 64) {
            throw invalid(SignedRequests.SIGNATURE_HEADER + " must be a 64-byte ed25519 signature");
        }
        return signature;
    }

    private static SignatureException invalid(String message) {
        return new SignatureException(SignatureException.Reason.INVALID, message);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
