package net.taonet.registry.charge.client;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpClient;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.taonet.registry.RegistryProperties;
import net.taonet.registry.charge.domain.Ledger;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/** Builds the ledger client from {@code taonet.registry.ledger-url}, {@code taonet.registry.ledger.*} and the service key. */
@Configuration(proxyBeanMethods = false)
public class LedgerClientConfiguration {

    public static final String SERVICE_KEY_HEADER = "X-Taonet-Service-Key";

    @Bean
    LedgerChargesApi ledgerChargesApi(RegistryProperties props,
            @Value("${taonet.internal.service-key:local-service-key}") String serviceKey) {
        RegistryProperties.Ledger ledger = props.ledger();
        HttpClient http = HttpClient.newBuilder().connectTimeout(ledger.timeout()).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(ledger.timeout());
        RestClient client = RestClient.builder()
                .baseUrl(props.ledgerUrl().toString())
                .requestFactory(requests)
                .defaultHeader(SERVICE_KEY_HEADER, serviceKey)
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(client)).build()
                .createClient(LedgerChargesApi.class);
    }

    @Bean(destroyMethod = "shutdownNow")
    ExecutorService ledgerCallExecutor(RegistryProperties props) {
        AtomicInteger n = new AtomicInteger();
        int threads = Math.max(4, props.charges().maxConcurrent() * 2);
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(256), r -> {
            Thread t = new Thread(r, "ledger-call-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The ledger's circuit breaker (a bean so that health and tests can read its state). */
    @Bean
    CircuitBreaker ledgerCircuitBreaker(RegistryProperties props, ObjectProvider<MeterRegistry> meters) {
        RegistryProperties.Ledger l = props.ledger();
        CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(l.slidingWindow())
                .minimumNumberOfCalls(l.minimumCalls())
                .failureRateThreshold(l.failureRatePercent())
                .waitDurationInOpenState(l.openWait())
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .permittedNumberOfCallsInHalfOpenState(2)
                .recordException(ResilientLedger::transientFailure)
                .build());
        meters.ifAvailable(m -> TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(breakers).bindTo(m));
        return breakers.circuitBreaker("ledger");
    }

    @Bean
    Ledger ledger(LedgerChargesApi api, RegistryProperties props, ExecutorService ledgerCallExecutor,
            CircuitBreaker ledgerCircuitBreaker, ObjectProvider<MeterRegistry> meters) {
        RegistryProperties.Ledger l = props.ledger();
        RetryRegistry retries = RetryRegistry.of(RetryConfig.custom()
                .maxAttempts(l.maxAttempts())
                .waitDuration(l.retryWait())
                .retryOnException(ResilientLedger::transientFailure)
                .build());
        Retry retry = retries.retry("ledger");
        TimeLimiter limiter = TimeLimiter.of("ledger", TimeLimiterConfig.custom()
                .timeoutDuration(l.timeout()).cancelRunningFuture(true).build());
        meters.ifAvailable(m -> TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(m));
        return new ResilientLedger(api, retry, ledgerCircuitBreaker, limiter, ledgerCallExecutor);
    }
}
