package net.taonet.worker.neuron.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicInteger;
import net.taonet.identity.KeyPair;
import net.taonet.worker.identity.WorkerKeys;
import org.junit.jupiter.api.Test;

/**
 * The registration loop against a scripted registry port (the HTTP side is covered by RegistryClientTest):
 * it looks up first, pays only when needed and within the limit, and outlasts a registry that is down.
 */
class RegistrationTest {

    private static final KeyPair HOTKEY = KeyPair.fromSeedHex("44".repeat(32));
    private static final KeyPair COLDKEY = KeyPair.fromSeedHex("55".repeat(32));

    @Test
    void anAlreadyRegisteredHotkeyIsLookedUpNotPaidFor() throws Exception {
        ScriptedRegistry registry = new ScriptedRegistry();
        registry.registered = OptionalInt.of(9);
        NeuronSlot slot = new NeuronSlot(1, HOTKEY.address());
        assertThat(new Registration(registry, slot, keys(true), true, 100, Duration.ofMillis(10)).tryOnce()).isTrue();
        assertThat(slot.uid()).hasValue(9);
        assertThat(registry.registrations).isEmpty();
    }

    @Test
    void registersWithTheConfiguredPriceLimitAndTheColdkey() throws Exception {
        ScriptedRegistry registry = new ScriptedRegistry();
        NeuronSlot slot = new NeuronSlot(1, HOTKEY.address());
        assertThat(new Registration(registry, slot, keys(true), true, 12_345, Duration.ofMillis(10)).tryOnce()).isTrue();
        assertThat(slot.uid()).hasValue(4);
        assertThat(registry.registrations).containsExactly(COLDKEY.address() + " pays <= 12345 for " + HOTKEY.address());
    }

    @Test
    void withoutAColdkeyOrPermissionItOnlyWaits() throws Exception {
        ScriptedRegistry registry = new ScriptedRegistry();
        NeuronSlot slot = new NeuronSlot(1, HOTKEY.address());
        assertThat(new Registration(registry, slot, keys(false), true, 1, Duration.ofMillis(10)).tryOnce()).isFalse();
        assertThat(new Registration(registry, slot, keys(true), false, 1, Duration.ofMillis(10)).tryOnce()).isFalse();
        assertThat(registry.registrations).isEmpty();
        assertThat(slot.uid()).isEmpty();
    }

    @Test
    void outlastsARegistryThatIsDownAndAPriceAboveTheLimit() {
        ScriptedRegistry registry = new ScriptedRegistry();
        registry.downFor.set(3);
        registry.refuseFor.set(2);
        NeuronSlot slot = new NeuronSlot(1, HOTKEY.address());
        Registration registration = new Registration(registry, slot, keys(true), true, 10, Duration.ofMillis(5));
        Thread t = new Thread(registration);
        t.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> slot.uid().isPresent());
        assertThat(slot.uid()).hasValue(4);
        assertThat(registry.calls.get()).isGreaterThanOrEqualTo(3 + 2 + 1);
    }

    private static WorkerKeys keys(boolean withColdkey) {
        return new WorkerKeys(HOTKEY, () -> withColdkey ? Optional.of(COLDKEY) : Optional.empty());
    }

    static final class ScriptedRegistry implements RegistryPort {
        OptionalInt registered = OptionalInt.empty();
        final AtomicInteger downFor = new AtomicInteger();
        final AtomicInteger refuseFor = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        final List<String> registrations = new ArrayList<>();

        @Override
        public OptionalInt lookupUid(String hotkey, int netuid) throws RegistryUnavailableException {
            calls.incrementAndGet();
            if (downFor.getAndDecrement() > 0) {
                throw new RegistryUnavailableException("connection refused", null);
            }
            return registered;
        }

        @Override
        public RegistrationOutcome register(int netuid, KeyPair coldkey, String hotkey, long maxPriceRao) {
            calls.incrementAndGet();
            if (refuseFor.getAndDecrement() > 0) {
                return RegistrationOutcome.refused("422 price 20 above limit " + maxPriceRao);
            }
            registrations.add(coldkey.address() + " pays <= " + maxPriceRao + " for " + hotkey);
            return RegistrationOutcome.registered(4);
        }

        @Override
        public void publishServing(KeyPair hotkey, int netuid, Map<String, Object> metadata) {
        }
    }
}
