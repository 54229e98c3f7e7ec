package net.taonet.emission.ledger.domain;

import java.util.Collections;
import java.util.Map;

/** The balances of the accounts a posting touches, read under their row locks. */
public final class Balances {

    private final Map<AccountKey, Long> balances;

    Balances(Map<AccountKey, Long> balances) {
        this.balances = Collections.unmodifiableMap(balances);
    }

    public long of(AccountKey key) {
        Long b = balances.get(key);
        if (b == null) {
            throw new IllegalArgumentException(key.name() + " was not declared in the posting");
        }
        return b;
    }

    public Map<AccountKey, Long> asMap() {
        return balances;
    }
}
