package net.taonet.registryit;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import net.taonet.emission.EmissionApplication;
import net.taonet.platform.chain.ManualBlockClock;
import net.taonet.registry.RegistryApplication;
import net.taonet.registry.charge.domain.ChargeFlowProbe;
import net.taonet.testsupport.ServiceLauncher;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The real registry and the real ledger (emission-service) in this JVM, each with its own database, on the
 * JVM's Kafka broker, sharing one {@link ManualBlockClock} so a test moves both in step. The only other
 * change to either: the registry's {@link ChargeFlowProbe} runs {@link #AFTER_CHARGE}, so a test can stop a
 * registration at the point where a crash would leave a charge without its registration.
 */
public final class TestNetwork {

    public static final ManualBlockClock CLOCK = new ManualBlockClock(10_000);
    public static final AtomicReference<Consumer<UUID>> AFTER_CHARGE = new AtomicReference<>(id -> { });

    public static final String ADMIN_KEY = "it-admin-key";
    public static final String SERVICE_KEY = "it-service-key";

    private TestNetwork() {
    }

    @Configuration(proxyBeanMethods = false)
    @Import(RegistryApplication.class)
    public static class Registry {
        @Bean
        @Primary
        ManualBlockClock manualBlockClock() {
            return CLOCK;
        }

        @Bean
        ChargeFlowProbe chargeFlowProbe() {
            return id -> AFTER_CHARGE.get().accept(id);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Import(EmissionApplication.class)
    public static class Ledger {
        @Bean
        @Primary
        ManualBlockClock manualBlockClock() {
            return CLOCK;
        }
    }

    public static RunningService startLedger() {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.config.location", configOf(EmissionApplication.class));
        props.put("taonet.emission.admin-key", ADMIN_KEY);
        props.put("taonet.emission.faucet.enabled", "true");
        props.put("taonet.emission.split-policy", "equal");
        props.put("taonet.emission.settlement-retry-interval", "200ms");
        props.put("taonet.emission.faucet.max-amount-rao", "1000000000000000");
        props.put("taonet.internal.service-key", SERVICE_KEY);
        props.put("taonet.platform.outbox-poll-interval", "100ms");
        return ServiceLauncher.start(Ledger.class, "ledger", props);
    }

    public static RunningService startRegistry(String ledgerUrl) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.config.location", configOf(RegistryApplication.class));
        props.put("taonet.registry.admin-key", ADMIN_KEY);
        props.put("taonet.internal.service-key", SERVICE_KEY);
        props.put("taonet.registry.ledger-url", ledgerUrl);
        props.put("taonet.registry.network.min-lock-rao", "10000000000");       // 10 TAO
        props.put("taonet.registry.network.lock-reduction-interval", "600");
        props.put("taonet.registry.network.creation-rate-limit", "0");
        props.put("taonet.registry.network.min-tempo", "10");
        props.put("taonet.registry.ledger.timeout", "1500ms");
        props.put("taonet.registry.ledger.retry-wait", "100ms");
        props.put("taonet.registry.ledger.sliding-window", "4");
        props.put("taonet.registry.ledger.minimum-calls", "4");
        props.put("taonet.registry.ledger.open-wait", "1s");
        props.put("taonet.registry.charges.reconcile-grace", "1s");
        props.put("taonet.registry.charges.reconcile-interval", "1h");   // the tests run it themselves
        props.put("taonet.platform.outbox-poll-interval", "100ms");
        return ServiceLauncher.start(Registry.class, "registry", props);
    }

    /** The service's own application.yml (several services' files share one test classpath). */
    static String configOf(Class<?> application) {
        try {
            Path root = Path.of(application.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(root) ? "file:" + root.resolve("application.yml")
                    : "jar:" + root.toUri() + "!/application.yml";
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
