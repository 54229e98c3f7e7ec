package net.taonet.emission.ledger.domain;

import java.util.LinkedHashMap;
import java.util.Map;

/** The deltas of one journal transaction, built as moves from one account to another (so they sum to zero). */
public final class Movement {

    private final Map<AccountKey, Long> deltas = new LinkedHashMap<>();

    public Movement move(AccountKey from, AccountKey to, long amount) {
        if (amount < 0) {
            throw new IllegalArgumentException("a move carries a non-negative amount");
        }
        if (amount > 0 && !from.equals(to)) {
            deltas.merge(from, -amount, Math::addExact);
            deltas.merge(to, amount, Math::addExact);
        }
        return this;
    }

    public Map<AccountKey, Long> deltas() {
        return deltas;
    }

    public boolean isEmpty() {
        return deltas.values().stream().allMatch(d -> d == 0);
    }
}
