package net.taonet.emission;

import net.taonet.platform.chain.ManualBlockClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A block clock the integration tests move by hand. */
@TestConfiguration(proxyBeanMethods = false)
public class ManualClockConfig {

    @Bean
    @Primary
    ManualBlockClock manualBlockClock() {
        return new ManualBlockClock(1_000);
    }
}
