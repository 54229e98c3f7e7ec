package net.taonet.gateway.apikey;

import java.time.Clock;
import net.taonet.gateway.apikey.domain.ApiKeyService;
import net.taonet.gateway.apikey.domain.ApiKeyStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
public class ApiKeyConfiguration {

    @Bean
    ApiKeyService apiKeyService(ApiKeyStore store) {
        return new ApiKeyService(store, Clock.systemUTC());
    }

    @Bean
    UsageFlusher usageFlusher(ApiKeyService keys) {
        return new UsageFlusher(keys);
    }

    /** Writes counted requests to the database once a second, off the request path. */
    static class UsageFlusher {
        private final ApiKeyService keys;

        UsageFlusher(ApiKeyService keys) {
            this.keys = keys;
        }

        @Scheduled(fixedDelay = 1000)
        void flush() {
            keys.flushUsage();
        }
    }
}
