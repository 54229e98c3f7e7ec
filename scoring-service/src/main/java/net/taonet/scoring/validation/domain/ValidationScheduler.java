package net.taonet.scoring.validation.domain;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import net.taonet.scoring.ScoringProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs the validators: query rounds every {@code query-interval}, timeouts every 100 ms (or sooner), weights
 * every {@code weights-interval}. Each on its own thread so a slow one never delays the others.
 * {@code taonet.scoring.scheduler.enabled=false} leaves them to be driven by hand (tests, benchmarks).
 */
@Component
public class ValidationScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ValidationScheduler.class);

    private final ValidationRounds rounds;
    private final ValidatorWeights weights;
    private final TaskBroker broker;
    private final ScoringProperties props;
    private final boolean enabled;
    private ScheduledExecutorService executor;

    public ValidationScheduler(ValidationRounds rounds, ValidatorWeights weights, TaskBroker broker,
            ScoringProperties props, @Value("${taonet.scoring.scheduler.enabled:true}") boolean enabled) {
        this.rounds = rounds;
        this.weights = weights;
        this.broker = broker;
        this.props = props;
        this.enabled = enabled;
    }

    @Override
    public void start() {
        executor = Executors.newScheduledThreadPool(3, r -> {
            Thread t = new Thread(r, "validator");
            t.setDaemon(true);
            return t;
        });
        long sweepMillis = Math.max(10, Math.min(100, props.resultGrace().toMillis()));
        executor.scheduleWithFixedDelay(guard("sweep", () -> { broker.sweep(); }), sweepMillis, sweepMillis, TimeUnit.MILLISECONDS);
        if (enabled) {
            executor.scheduleWithFixedDelay(guard("query", () -> { rounds.runOnce(); }), millis(props.queryInterval()),
                    millis(props.queryInterval()), TimeUnit.MILLISECONDS);
            executor.scheduleWithFixedDelay(guard("weights", weights::runOnce), millis(props.weightsInterval()),
                    millis(props.weightsInterval()), TimeUnit.MILLISECONDS);
        }
    }

    private static long millis(Duration d) {
        return Math.max(1, d.toMillis());
    }

    private static Runnable guard(String what, Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("{} failed: {}", what, e.toString());
            }
        };
    }

    @Override
    public void stop() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null && !executor.isShutdown();
    }

    /** After the Kafka listeners (default phase) so results can be received as soon as tasks go out. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }
}
