package net.taonet.emission.emission.domain;

import net.taonet.emission.ledger.domain.Rao;

/** Block emission with the issuance-driven halving (spec §2), in integers. */
public final class Halving {

    private Halving() {
    }

    /** k = ⌊log₂(1 / (1 − issuance / 21M))⌋; {@code -1} when issuance has reached the cap (no emission). */
    public static int halvings(long issuance) {
        if (issuance < 0) {
            throw new IllegalArgumentException("issuance is never negative");
        }
        long remaining = Rao.MAX_SUPPLY - issuance;
        if (remaining <= 0) {
            return -1;
        }
        int k = 0;
        // remaining ≤ 21e15 < 2^55, so remaining << (k + 1) stays below 2^57 while the loop runs.
        while ((remaining << (k + 1)) <= Rao.MAX_SUPPLY) {
            k++;
        }
        return k;
    }

    /** ⌊1 TAO × 2^−k⌋ in rao, 0 at the cap. */
    public static long blockEmission(long issuance) {
        int k = halvings(issuance);
        return k < 0 || k >= 63 ? 0 : Rao.PER_TAO >> k;
    }
}
