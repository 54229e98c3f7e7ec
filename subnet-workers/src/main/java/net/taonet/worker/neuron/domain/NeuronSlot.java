package net.taonet.worker.neuron.domain;

import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntConsumer;

/**
 * Where this worker sits: its subnet and, once known, its UID there. The UID comes from configuration, the
 * registry or {@code registry.neurons}; it can be lost (the slot was pruned and given to another hotkey), and
 * then the worker stops taking assignments until it has a UID again.
 */
public final class NeuronSlot {

    /** Marks "no UID" for listeners. */
    public static final int NONE = -1;

    private final int netuid;
    private final String hotkey;
    private volatile int uid = NONE;
    private final List<IntConsumer> listeners = new CopyOnWriteArrayList<>();

    public NeuronSlot(int netuid, String hotkey) {
        this.netuid = netuid;
        this.hotkey = hotkey;
    }

    public int netuid() {
        return netuid;
    }

    public String hotkey() {
        return hotkey;
    }

    public OptionalInt uid() {
        int current = uid;
        return current == NONE ? OptionalInt.empty() : OptionalInt.of(current);
    }

    /** Sets the UID; idempotent (a duplicate event changes nothing and notifies no one). */
    public synchronized void assign(int newUid) {
        if (newUid < 0) {
            throw new IllegalArgumentException("uid must be >= 0: " + newUid);
        }
        if (uid != newUid) {
            uid = newUid;
            listeners.forEach(l -> l.accept(newUid));
        }
    }

    /** The UID was taken from this hotkey. */
    public synchronized void lose() {
        if (uid != NONE) {
            uid = NONE;
            listeners.forEach(l -> l.accept(NONE));
        }
    }

    /** Called with the new UID (or {@link #NONE}) on every change. */
    public void onChange(IntConsumer listener) {
        listeners.add(listener);
    }

    @Override
    public String toString() {
        return "NeuronSlot[netuid=" + netuid + ", uid=" + (uid == NONE ? "none" : uid) + ", hotkey=" + hotkey + "]";
    }
}
