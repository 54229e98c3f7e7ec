package net.taonet.scoring;

import net.taonet.sdk.TaskTypes;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The task types this validator can generate and score: every one on the class path (ServiceLoader). */
@Configuration(proxyBeanMethods = false)
public class ScoringConfiguration {

    @Bean
    TaskTypes taskTypes() {
        return TaskTypes.load(ScoringConfiguration.class.getClassLoader());
    }
}
