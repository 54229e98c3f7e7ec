package net.taonet.worker;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Settings of one worker (one miner: one hotkey, one UID on one subnet) under {@code taonet.worker}.
 * Several workers on one machine each get their own port, hotkey and, optionally, UID.
 *
 * @param netuid          the subnet this worker mines on
 * @param uid             a fixed UID (skips the registry look-up; for tests and manual set-ups), else learnt
 *                        from the registry and from {@code registry.neurons}
 * @param hotkeySeed      the hotkey as a 32-byte hex seed (development; prefer {@code wallet})
 * @param wallet          the wallet holding the hotkey (and the coldkey that pays for registration)
 * @param coldkeySeed     the paying coldkey as a hex seed (development only; else the wallet's coldkey)
 * @param registry        where to register and publish serving metadata
 * @param serving         serving-metadata publication
 * @param concurrency     tasks executed at once
 * @param queueCapacity   tasks waiting beyond those; a full queue answers {@code busy}
 * @param behaviour       DEMO/TEST ONLY: {@code honest} (default), {@code wrong-results} or {@code late}
 * @param taskTypes       the task types to run (empty: every type on the class path whose handler starts)
 * @param tasks           per task type, its handler settings, e.g. {@code tasks.chat.base-url}
 * @param trustedValidators validator hotkeys whose assignments are accepted (empty: any valid signature)
 */
@Validated
@ConfigurationProperties("taonet.worker")
public record WorkerProperties(String adminKey, @Min(0) Integer netuid, @Min(0) Integer uid, String hotkeySeed,
        Wallet wallet, String coldkeySeed, Registry registry, Serving serving, @Min(1) @Max(1024) Integer concurrency,
        @Min(0) Integer queueCapacity, Behaviour behaviour, List<String> taskTypes,
        Map<String, Map<String, String>> tasks, List<String> trustedValidators) {

    public WorkerProperties {
        adminKey = adminKey == null ? "local-admin-key" : adminKey;
        netuid = netuid == null ? 1 : netuid;
        wallet = wallet == null ? new Wallet(null, null, null, null) : wallet;
        registry = registry == null ? new Registry(null, null, null, null, null) : registry;
        serving = serving == null ? new Serving(null, null, null, null, null) : serving;
        concurrency = concurrency == null ? 2 : concurrency;
        queueCapacity = queueCapacity == null ? 16 : queueCapacity;
        behaviour = behaviour == null ? Behaviour.HONEST : behaviour;
        taskTypes = taskTypes == null ? List.of() : List.copyOf(taskTypes);
        tasks = tasks == null ? Map.of() : Map.copyOf(tasks);
        trustedValidators = trustedValidators == null ? List.of() : List.copyOf(trustedValidators);
    }

    /**
     * How the worker behaves. Anything but {@code HONEST} exists to demonstrate and test that validators catch
     * cheats: never run it on a real network.
     */
    public enum Behaviour {
        /** Does the work and answers in time. */
        HONEST,
        /** DEMO/TEST: corrupts every result before signing it (validators must score it 0). */
        WRONG_RESULTS,
        /** DEMO/TEST: holds every result past its deadline, so it is dropped and the validator sees a timeout. */
        LATE
    }

    /**
     * @param root            wallet directory (default {@code ~/.taonet/wallets} or {@code $TAONET_WALLET_ROOT})
     * @param name            wallet name
     * @param hotkey          hotkey name in the wallet (default {@code default})
     * @param coldkeyPassword password of the coldkey, needed only to pay for registration
     */
    public record Wallet(Path root, String name, String hotkey, String coldkeyPassword) {
        public Wallet {
            hotkey = hotkey == null || hotkey.isBlank() ? "default" : hotkey;
        }
    }

    /**
     * @param url           the registry's base URL (or the gateway's); empty: no registry (fixed UID only)
     * @param register      register the hotkey if it has no UID on the subnet (needs the coldkey)
     * @param maxPriceRao   the highest registration price this worker pays
     * @param retryInterval how long to wait before trying the registry again
     * @param timeout       per request
     */
    public record Registry(URI url, Boolean register, @Min(0) Long maxPriceRao, Duration retryInterval,
            Duration timeout) {
        public Registry {
            register = register == null || register;
            maxPriceRao = maxPriceRao == null ? 1_000_000_000L : maxPriceRao;
            retryInterval = retryInterval == null ? Duration.ofSeconds(5) : retryInterval;
            timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        }
    }

    /**
     * @param enabled     publish serving metadata (needs the registry)
     * @param interval    how often it is refreshed
     * @param accelerator override of the detected accelerator name
     * @param memoryMib   override of the detected accelerator memory
     * @param endpoint    the URL this worker is reachable at (health, metrics); default http://localhost:port
     */
    public record Serving(Boolean enabled, Duration interval, String accelerator, Long memoryMib, URI endpoint) {
        public Serving {
            enabled = enabled == null || enabled;
            interval = interval == null ? Duration.ofSeconds(60) : interval;
        }
    }
}
