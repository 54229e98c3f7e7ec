package net.taonet.identity;

import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Signs outgoing requests with one key. Nonces are the current time in milliseconds, bumped to
 * {@code last + 1} when the clock has not moved (or went back), so every nonce this instance hands out is
 * strictly greater than the one before, even across threads. Share one instance per key in a process:
 * two signers of the same key could hand out nonces out of order.
 *
 * <p>Verifiers accept a signer's nonces only in increasing order, so requests signed concurrently must
 * also reach the verifier in the order they were signed; callers that send in parallel with one key
 * should serialize their signed calls (see the platform's signing HTTP interceptor).
 */
public final class RequestSigner {

    private final KeyPair key;
    private final Clock clock;
    private final AtomicLong lastNonce = new AtomicLong(Long.MIN_VALUE);

    public RequestSigner(KeyPair key) {
        this(key, Clock.systemUTC());
    }

    public RequestSigner(KeyPair key, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String address() {
        return key.address();
    }

    /** The next nonce: {@code max(now ms, last + 1)}. */
    public long nextNonce() {
        long now = clock.millis();
        return lastNonce.updateAndGet(last -> Math.max(now, last + 1));
    }

    /** Signs a request with the next nonce. {@code pathAndQuery} as {@link SignedRequests} defines it. */
    public SignedHeaders sign(String method, String pathAndQuery, byte[] body) {
        return sign(method, pathAndQuery, nextNonce(), body);
    }

    /** Signs with the given nonce (for reproducible examples and tests; clients use the other overloads). */
    public SignedHeaders sign(String method, String pathAndQuery, long nonce, byte[] body) {
        byte[] message = SignedRequests.canonicalBytes(method, pathAndQuery, nonce, body);
        return new SignedHeaders(key.address(), nonce, Signatures.signBase64(key, message));
    }

    /** Signs a request to {@code uri} (its raw path and query are signed) and returns the headers to add. */
    public Map<String, String> headers(String method, URI uri, byte[] body) {
        return sign(method, SignedRequests.pathAndQuery(uri), body).asMap();
    }

    /** Signs a request and returns the headers to add. */
    public Map<String, String> headers(String method, String pathAndQuery, byte[] body) {
        return sign(method, pathAndQuery, body).asMap();
    }
}
