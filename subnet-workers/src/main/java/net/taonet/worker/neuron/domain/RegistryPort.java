package net.taonet.worker.neuron.domain;

import java.util.Map;
import java.util.OptionalInt;
import net.taonet.identity.KeyPair;

/** What the worker needs from the registry (docs/contracts.md, "Workers and the registry"). */
public interface RegistryPort {

    /** The hotkey's UID on the subnet, if it has one. */
    OptionalInt lookupUid(String hotkey, int netuid) throws RegistryUnavailableException;

    /**
     * Registers the hotkey on the subnet, paid by the coldkey, at no more than {@code maxPriceRao}.
     * An already-registered hotkey is reported as its UID, not as an error.
     */
    RegistrationOutcome register(int netuid, KeyPair coldkey, String hotkey, long maxPriceRao)
            throws RegistryUnavailableException;

    /** Publishes (replaces) the hotkey's serving metadata on the subnet, signed by the hotkey. */
    void publishServing(KeyPair hotkey, int netuid, Map<String, Object> metadata) throws RegistryUnavailableException;

    /** The registry could not be reached or answered 5xx: try again later. */
    final class RegistryUnavailableException extends Exception {
        public RegistryUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A registration's outcome: the UID, or why the registry refused (price above the limit, closed). */
    record RegistrationOutcome(OptionalInt uid, String refusal) {
        public static RegistrationOutcome registered(int uid) {
            return new RegistrationOutcome(OptionalInt.of(uid), null);
        }

        public static RegistrationOutcome refused(String why) {
            return new RegistrationOutcome(OptionalInt.empty(), why);
        }
    }
}
