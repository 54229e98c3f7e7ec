package net.taonet.worker.identity;

import java.util.Optional;
import java.util.function.Supplier;
import net.taonet.identity.KeyPair;

/**
 * The worker's keys: its hotkey (signs results and serving metadata; loaded at start-up) and, when it
 * may pay for its own registration, a way to get the coldkey. The coldkey is unlocked only when needed and
 * never kept in a field of a long-lived bean.
 */
public final class WorkerKeys {

    private final KeyPair hotkey;
    private final Supplier<Optional<KeyPair>> coldkey;

    public WorkerKeys(KeyPair hotkey, Supplier<Optional<KeyPair>> coldkey) {
        this.hotkey = hotkey;
        this.coldkey = coldkey;
    }

    public KeyPair hotkey() {
        return hotkey;
    }

    public String hotkeyAddress() {
        return hotkey.address();
    }

    /** The paying coldkey, if this worker was given one. */
    public Optional<KeyPair> coldkey() {
        return coldkey.get();
    }

    @Override
    public String toString() {
        return "WorkerKeys[" + hotkey.address() + "]";
    }
}
