package net.taonet.emission.web;

import net.taonet.emission.InternalProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** Registers the service-key check on the internal endpoints. */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    private final InternalProperties internal;

    public WebConfig(InternalProperties internal) {
        this.internal = internal;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new InternalServiceKeyInterceptor(internal)).addPathPatterns("/internal/**");
    }
}
