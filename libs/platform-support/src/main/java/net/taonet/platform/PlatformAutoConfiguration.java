package net.taonet.platform;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import net.taonet.events.EventCodec;
import net.taonet.events.Topics;
import net.taonet.platform.chain.BlockClock;
import net.taonet.platform.chain.ChainProperties;
import net.taonet.platform.chain.DerivedBlockClock;
import net.taonet.platform.inbox.IdempotentConsumer;
import net.taonet.platform.kafka.DeadLetters;
import net.taonet.platform.logging.RecordLogContext;
import net.taonet.platform.logging.RequestIdFilter;
import net.taonet.platform.outbox.Outbox;
import net.taonet.platform.outbox.OutboxRelay;
import net.taonet.platform.problem.MvcProblemHandler;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the shared glue into every service that has it on its classpath. */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration"})
@EnableConfigurationProperties({ChainProperties.class, PlatformProperties.class})
public class PlatformAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    BlockClock blockClock(ChainProperties chain) {
        return new DerivedBlockClock(chain.genesis(), chain.blockTime(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnMissingBean
    EventCodec eventCodec() {
        return new EventCodec();
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class ServletProblems {
        @Bean
        @ConditionalOnMissingBean
        MvcProblemHandler mvcProblemHandler() {
            return new MvcProblemHandler();
        }

        /** Before everything else, so that even a refused request logs with its id. */
        @Bean
        @ConditionalOnMissingBean(name = "requestIdFilter")
        FilterRegistrationBean<RequestIdFilter> requestIdFilter() {
            FilterRegistrationBean<RequestIdFilter> registration = new FilterRegistrationBean<>(new RequestIdFilter());
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
            return registration;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaTemplate.class)
    static class KafkaSupport {

        @Bean
        @ConditionalOnMissingBean(CommonErrorHandler.class)
        CommonErrorHandler deadLetteringErrorHandler(KafkaTemplate<Object, Object> template,
                ObjectProvider<MeterRegistry> meters) {
            return DeadLetters.errorHandler(template, meters.getIfAvailable());
        }

        @Bean
        @ConditionalOnMissingBean(RecordInterceptor.class)
        RecordInterceptor<Object, Object> recordLogContext() {
            return new RecordLogContext();
        }

        @Bean
        @ConditionalOnProperty(name = "taonet.platform.create-topics", havingValue = "true", matchIfMissing = true)
        KafkaAdmin.NewTopics taonetTopics(PlatformProperties props) {
            NewTopic[] topics = Topics.ALL.stream()
                    .flatMap(t -> java.util.stream.Stream.of(
                            new NewTopic(t, props.partitions(), (short) 1),
                            new NewTopic(Topics.deadLetter(t), 1, (short) 1)))
                    .toArray(NewTopic[]::new);
            return new KafkaAdmin.NewTopics(topics);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({JdbcTemplate.class, KafkaTemplate.class})
    @ConditionalOnBean({JdbcTemplate.class, PlatformTransactionManager.class})
    static class OutboxSupport {

        @Bean
        @ConditionalOnMissingBean
        IdempotentConsumer idempotentConsumer(JdbcTemplate jdbc, PlatformTransactionManager txManager) {
            return new IdempotentConsumer(jdbc, new TransactionTemplate(txManager));
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(KafkaTemplate.class)
        OutboxRelay outboxRelay(JdbcTemplate jdbc, PlatformTransactionManager txManager,
                KafkaTemplate<String, String> kafka, PlatformProperties props, ObjectProvider<MeterRegistry> meters) {
            return new OutboxRelay(jdbc, new TransactionTemplate(txManager), kafka, props.outboxPollInterval(),
                    props.outboxBatchSize(), meters.getIfAvailable());
        }

        @Bean
        @ConditionalOnMissingBean
        @ConditionalOnBean(OutboxRelay.class)
        Outbox outbox(JdbcTemplate jdbc, EventCodec codec, OutboxRelay relay) {
            return new Outbox(jdbc, codec, relay);
        }
    }
}
