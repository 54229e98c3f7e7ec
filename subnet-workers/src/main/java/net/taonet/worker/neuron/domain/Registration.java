package net.taonet.worker.neuron.domain;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import net.taonet.identity.KeyPair;
import net.taonet.worker.identity.WorkerKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets the worker a UID: look it up, and if the hotkey has none on the subnet and the worker may pay, register
 * it at no more than the configured price. The registry may be down (it starts after the workers, or
 * restarts): every failure waits and tries again, until a UID is known or the worker stops.
 */
public final class Registration implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(Registration.class);

    private final RegistryPort registry;
    private final NeuronSlot slot;
    private final WorkerKeys keys;
    private final boolean mayRegister;
    private final long maxPriceRao;
    private final Duration retry;
    private volatile boolean stopped;

    public Registration(RegistryPort registry, NeuronSlot slot, WorkerKeys keys, boolean mayRegister,
            long maxPriceRao, Duration retry) {
        this.registry = registry;
        this.slot = slot;
        this.keys = keys;
        this.mayRegister = mayRegister;
        this.maxPriceRao = maxPriceRao;
        this.retry = retry;
    }

    @Override
    public void run() {
        int attempt = 0;
        while (!stopped && slot.uid().isEmpty()) {
            attempt++;
            try {
                if (tryOnce()) {
                    return;
                }
            } catch (RegistryPort.RegistryUnavailableException e) {
                if (attempt == 1 || attempt % 12 == 0) {
                    log.warn("registry unavailable ({}); retrying every {}", e.getMessage(), retry);
                }
            } catch (RuntimeException e) {
                log.warn("registration attempt failed: {}", e.toString());
            }
            pause();
        }
    }

    /** One attempt; true when the slot has a UID afterwards. */
    boolean tryOnce() throws RegistryPort.RegistryUnavailableException {
        OptionalInt uid = registry.lookupUid(slot.hotkey(), slot.netuid());
        if (uid.isPresent()) {
            slot.assign(uid.getAsInt());
            log.info("hotkey {} has UID {} on subnet {}", slot.hotkey(), uid.getAsInt(), slot.netuid());
            return true;
        }
        Optional<KeyPair> coldkey = mayRegister ? keys.coldkey() : Optional.empty();
        if (coldkey.isEmpty()) {
            log.info("hotkey {} is not registered on subnet {} and this worker does not pay for registration; "
                    + "waiting for a registration", slot.hotkey(), slot.netuid());
            return false;
        }
        RegistryPort.RegistrationOutcome outcome = registry.register(slot.netuid(), coldkey.get(), slot.hotkey(),
                maxPriceRao);
        if (outcome.uid().isPresent()) {
            slot.assign(outcome.uid().getAsInt());
            log.info("registered hotkey {} on subnet {}: UID {}", slot.hotkey(), slot.netuid(),
                    outcome.uid().getAsInt());
            return true;
        }
        log.warn("registration of {} on subnet {} refused: {}", slot.hotkey(), slot.netuid(), outcome.refusal());
        return false;
    }

    public void stop() {
        stopped = true;
    }

    private void pause() {
        try {
            Thread.sleep(retry.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }
}
