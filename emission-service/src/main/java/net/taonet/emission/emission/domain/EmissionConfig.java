package net.taonet.emission.emission.domain;

import net.taonet.emission.EmissionProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the subnet split policy ({@code taonet.emission.split-policy}: stake | equal). */
@Configuration(proxyBeanMethods = false)
public class EmissionConfig {

    @Bean
    SplitPolicy splitPolicy(EmissionProperties props) {
        return switch (props.splitPolicy()) {
            case STAKE -> new SplitPolicy.StakeProportional();
            case EQUAL -> new SplitPolicy.Equal();
        };
    }
}
