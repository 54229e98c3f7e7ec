package net.taonet.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/** application.yml binds to {@link RegistryProperties}, with the network's numbers and the local profile's. */
class RegistryPropertiesTest {

    static RegistryProperties bind(boolean local) throws Exception {
        List<PropertySource<?>> docs = new YamlPropertySourceLoader().load("application.yml",
                new ClassPathResource("application.yml"));
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(docs.get(0));
        if (local) {
            PropertySource<?> profile = docs.stream()
                    .filter(d -> "local".equals(d.getProperty("spring.config.activate.on-profile"))).findFirst()
                    .orElseThrow();
            env.getPropertySources().addFirst(profile);
        }
        return Binder.get(env).bind("taonet.registry", RegistryProperties.class).get();
    }

    @Test
    void theNetworksNumbers() throws Exception {
        RegistryProperties p = bind(false);
        assertThat(p.network().minLockRao()).isEqualTo(1_000_000_000_000L);
        assertThat(p.network().lockReductionInterval()).isEqualTo(100_800);
        assertThat(p.network().creationRateLimit()).isEqualTo(7_200);
        assertThat(p.network().maxSubnets()).isEqualTo(128);
        assertThat(p.network().minTempo()).isEqualTo(360);
        assertThat(p.network().initialBurnRao()).isEqualTo(1_000_000_000L);
        assertThat(p.ledger().timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(p.charges().reconcileGrace()).isEqualTo(Duration.ofMinutes(2));
        assertThat(p.ledgerUrl().toString()).isEqualTo("http://localhost:8082");
    }

    @Test
    void theLocalProfileMakesSubnetsCheapAndRateLimitsShort() throws Exception {
        RegistryProperties p = bind(true);
        assertThat(p.network().minLockRao()).isEqualTo(10_000_000_000L);
        assertThat(p.network().lockReductionInterval()).isEqualTo(600);
        assertThat(p.network().creationRateLimit()).isEqualTo(10);
        assertThat(p.network().minTempo()).isEqualTo(10);
        assertThat(p.servingRateLimit()).isEqualTo(10);
        assertThat(p.network().maxSubnets()).isEqualTo(128);
    }

    @Test
    void defaultsWithoutConfiguration() {
        RegistryProperties p = new RegistryProperties(null, null, null, null, null, null);
        assertThat(p.network().minLockRao()).isEqualTo(1_000_000_000_000L);
        assertThat(p.charges().maxConcurrent()).isEqualTo(4);
        assertThat(p.ledger().maxAttempts()).isEqualTo(3);
    }
}
