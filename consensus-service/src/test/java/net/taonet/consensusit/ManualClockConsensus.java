package net.taonet.consensusit;

import java.util.LinkedHashMap;
import java.util.Map;
import net.taonet.consensus.ConsensusApplication;
import net.taonet.platform.chain.ManualBlockClock;
import net.taonet.testsupport.ServiceLauncher;
import net.taonet.testsupport.ServiceLauncher.RunningService;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * The real consensus-service with one change: time is a {@link ManualBlockClock} shared by every instance
 * started in this JVM, so a test steps blocks and several instances agree on the height.
 */
@Configuration(proxyBeanMethods = false)
@Import(ConsensusApplication.class)
public class ManualClockConsensus {

    public static final ManualBlockClock CLOCK = new ManualBlockClock(0);

    @Bean
    @Primary
    ManualBlockClock manualBlockClock() {
        return CLOCK;
    }

    /** Starts an instance; {@code databaseUrl} null gives it a fresh database, else it shares that one. */
    public static RunningService start(String name, String groupId, String databaseUrl, Map<String, Object> extra) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.config.location", "classpath:/application.yml");
        props.put("spring.kafka.consumer.group-id", groupId);
        props.put("taonet.consensus.tick-interval", "50ms");
        props.put("taonet.consensus.instance-id", name);
        props.put("taonet.platform.outbox-poll-interval", "100ms");
        if (databaseUrl != null) {
            props.put("spring.datasource.url", databaseUrl);
        }
        props.putAll(extra);
        return ServiceLauncher.start(ManualClockConsensus.class, name, props);
    }
}
