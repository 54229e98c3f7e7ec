package net.taonet.registry.charge.domain;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import java.time.Duration;
import net.taonet.registry.RegistryProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * The paying flows' bulkhead and the reconciliation's schedule. Each paying flow holds its lock's database
 * connection and briefly a second one (the PENDING row commits on its own), so at most
 * {@code taonet.registry.charges.max-concurrent} flows run at once in an instance: waiting flows queue here,
 * not in the connection pool, which could otherwise run dry with every connection waiting on a row lock.
 */
@Configuration(proxyBeanMethods = false)
public class ChargeConfiguration implements SchedulingConfigurer {

    private final RegistryProperties props;
    private final ChargeReconciler reconciler;

    public ChargeConfiguration(RegistryProperties props, ChargeReconciler reconciler) {
        this.props = props;
        this.reconciler = reconciler;
    }

    @Bean
    Bulkhead payingFlows() {
        return Bulkhead.of("paying-flows", BulkheadConfig.custom()
                .maxConcurrentCalls(props.charges().maxConcurrent())
                .maxWaitDuration(Duration.ofSeconds(30))
                .fairCallHandlingStrategyEnabled(true)
                .build());
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(reconciler::reconcileOnce, props.charges().reconcileInterval());
    }
}
