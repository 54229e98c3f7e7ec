package net.taonet.identity;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * A {@link NonceStore} in this process's memory: for tests, tools and services without a database. It
 * forgets on restart, which the freshness window bounds: a replay must still be fresh to be accepted.
 */
public final class InMemoryNonceStore implements NonceStore {

    private final ConcurrentMap<String, Long> last = new ConcurrentHashMap<>();

    @Override
    public boolean advance(String signer, long nonce) {
        boolean[] accepted = {false};
        last.compute(signer, (k, previous) -> {
            if (previous == null || nonce > previous) {
                accepted[0] = true;
                return nonce;
            }
            return previous;
        });
        return accepted[0];
    }
}
