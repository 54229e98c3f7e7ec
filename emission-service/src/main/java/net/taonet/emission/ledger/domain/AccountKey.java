package net.taonet.emission.ledger.domain;

/**
 * Identifies an account by its canonical name. {@code coldkey}, {@code hotkey} and {@code netuid} are
 * set as the kind requires (see the package documentation).
 */
public record AccountKey(Kind kind, String name, String coldkey, String hotkey, Integer netuid)
        implements Comparable<AccountKey> {

    public enum Kind { SYSTEM, FREE, STAKE }

    public static final AccountKey ISSUANCE = new AccountKey(Kind.SYSTEM, "issuance", null, null, null);
    public static final AccountKey RECYCLED = new AccountKey(Kind.SYSTEM, "recycled", null, null, null);

    public static AccountKey lock(int netuid) {
        return new AccountKey(Kind.SYSTEM, "lock:" + netuid, null, null, netuid);
    }

    public static AccountKey free(String coldkey) {
        return new AccountKey(Kind.FREE, "free:" + coldkey, coldkey, null, null);
    }

    public static AccountKey stake(String coldkey, String hotkey, int netuid) {
        return new AccountKey(Kind.STAKE, "stake:" + netuid + ":" + hotkey + ":" + coldkey, coldkey, hotkey, netuid);
    }

    public boolean isStake() {
        return kind == Kind.STAKE;
    }

    public boolean isFree() {
        return kind == Kind.FREE;
    }

    /** Only the mint's counter-account may go negative. */
    public boolean mayBeNegative() {
        return this.equals(ISSUANCE);
    }

    @Override
    public int compareTo(AccountKey o) {
        return name.compareTo(o.name);
    }
}
