package net.taonet.identity;

/**
 * Remembers the last nonce accepted from each signer, so a request can be accepted only once and only in
 * increasing order. Implementations must make {@link #advance} atomic: of two concurrent calls with the
 * same signer and nonce, exactly one returns {@code true}.
 */
public interface NonceStore {

    /**
     * Records {@code nonce} as the signer's last nonce if it is strictly greater than the last one recorded
     * (or none is); returns whether it was. A {@code false} means the request is a replay or arrived after a
     * later one.
     */
    boolean advance(String signer, long nonce);
}
