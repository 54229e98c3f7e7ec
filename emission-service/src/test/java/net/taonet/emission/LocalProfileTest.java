package net.taonet.emission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.taonet.emission.EmissionProperties.GenesisAllocation;
import net.taonet.identity.KeyPair;
import net.taonet.identity.Ss58;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * application.yml as shipped: the faucet is off by default; the local profile turns it on and funds the
 * development wallets whose seeds are SHA-256("taonet-dev:&lt;name&gt;").
 */
class LocalProfileTest {

    @Test
    void localProfileFundsTheDevWalletsAndEnablesTheFaucet() throws Exception {
        List<PropertySource<?>> documents = new YamlPropertySourceLoader().load("application",
                new ClassPathResource("application.yml"));
        EmissionProperties defaults = bind(documents.get(0));
        assertThat(defaults.faucet().enabled()).isFalse();
        assertThat(defaults.genesis()).isEmpty();
        assertThat(defaults.splitPolicy()).isEqualTo(EmissionProperties.SplitPolicyName.STAKE);

        PropertySource<?> local = documents.stream()
                .filter(d -> "local".equals(d.getProperty("spring.config.activate.on-profile"))).findFirst().orElseThrow();
        EmissionProperties props = bind(local);
        assertThat(props.faucet().enabled()).isTrue();
        assertThat(props.genesis()).hasSize(5);
        assertThat(props.genesis()).allMatch(a -> Ss58.isValid(a.address()) && a.amountRao() >= 500);
        for (String name : List.of("alice", "bob", "charlie", "dave", "eve")) {
            byte[] seed = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(("taonet-dev:" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            String address = KeyPair.fromSeed(seed).address();
            assertThat(props.genesis()).extracting(GenesisAllocation::address).as(name).contains(address);
        }
    }

    private static EmissionProperties bind(PropertySource<?> source) {
        StandardEnvironment env = new StandardEnvironment();
        env.getPropertySources().addFirst(source);
        return Binder.get(env).bindOrCreate("taonet.emission", EmissionProperties.class);
    }
}
