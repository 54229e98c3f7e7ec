package net.taonet.platform.security;

import java.time.Clock;
import net.taonet.identity.InMemoryNonceStore;
import net.taonet.identity.NonceStore;
import net.taonet.identity.RequestVerifier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Signed-request verification (DESIGN §6) for every service: the verifier with its freshness window, the
 * nonce store (the service's PostgreSQL when it has a database, else memory), and the web glue for Spring
 * MVC or WebFlux.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration"})
@EnableConfigurationProperties(SignatureProperties.class)
public class SignedRequestAutoConfiguration {

    /** Declared before the in-memory fallback below (nested classes are registered first). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcTemplate.class)
    static class JdbcNonces {
        @Bean
        @ConditionalOnMissingBean(NonceStore.class)
        @ConditionalOnBean(JdbcTemplate.class)
        NonceStore jdbcNonceStore(JdbcTemplate jdbc) {
            return new JdbcNonceStore(jdbc);
        }
    }

    @Bean
    @ConditionalOnMissingBean(NonceStore.class)
    NonceStore inMemoryNonceStore() {
        return new InMemoryNonceStore();
    }

    @Bean
    @ConditionalOnMissingBean
    RequestVerifier requestVerifier(NonceStore nonces, SignatureProperties props) {
        return new RequestVerifier(nonces, props.window(), Clock.systemUTC());
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(WebMvcConfigurer.class)
    static class Servlet {

        @Bean
        FilterRegistrationBean<SignedRequestBodyFilter> signedRequestBodyFilter(SignatureProperties props) {
            FilterRegistrationBean<SignedRequestBodyFilter> registration =
                    new FilterRegistrationBean<>(new SignedRequestBodyFilter(props.maxBodyBytes()));
            registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
            registration.addUrlPatterns("/*");
            return registration;
        }

        @Bean
        WebMvcConfigurer signedRequestWebMvcConfigurer(RequestVerifier verifier) {
            return new WebMvcConfigurer() {
                @Override
                public void addInterceptors(InterceptorRegistry registry) {
                    registry.addInterceptor(new SignedRequestInterceptor(verifier)).order(Ordered.HIGHEST_PRECEDENCE);
                }

                @Override
                public void addArgumentResolvers(java.util.List<HandlerMethodArgumentResolver> resolvers) {
                    resolvers.add(new VerifiedSignerArgumentResolver());
                }
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass(WebFluxConfigurer.class)
    static class Reactive {

        @Bean
        SignedRequestWebFilter signedRequestWebFilter(SignatureProperties props) {
            return new SignedRequestWebFilter(props.maxBodyBytes());
        }

        @Bean
        WebFluxConfigurer signedRequestWebFluxConfigurer(RequestVerifier verifier) {
            return new WebFluxConfigurer() {
                @Override
                public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
                    configurer.addCustomResolver(new ReactiveVerifiedSignerArgumentResolver(verifier));
                }
            };
        }

        @Bean
        SignedEndpointCheck signedEndpointCheck(ObjectProvider<RequestMappingHandlerMapping> mappings) {
            return new SignedEndpointCheck(mappings);
        }
    }
}
