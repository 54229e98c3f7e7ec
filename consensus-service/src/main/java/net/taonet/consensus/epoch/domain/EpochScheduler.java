package net.taonet.consensus.epoch.domain;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import net.taonet.consensus.ConsensusProperties;
import net.taonet.platform.chain.BlockClock;
import net.taonet.platform.chain.ChainProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Looks for due epochs several times per block and runs them, several subnets in parallel. Every
 * instance of the service does this; the subnet row lock in {@link EpochRunner} makes each epoch run
 * once. Subnets are visited in a random order so that instances spread the work instead of queueing on
 * the same subnet.
 */
@Component
public class EpochScheduler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(EpochScheduler.class);

    private final EpochRepository repository;
    private final EpochRunner runner;
    private final BlockClock clock;
    private final ConsensusProperties properties;
    private final Duration tick;
    private volatile ScheduledExecutorService ticker;
    private volatile ExecutorService workers;
    private volatile boolean running;

    public EpochScheduler(EpochRepository repository, EpochRunner runner, BlockClock clock,
            ConsensusProperties properties, ChainProperties chain) {
        this.repository = repository;
        this.runner = runner;
        this.clock = clock;
        this.properties = properties;
        Duration quarterBlock = chain.blockTime().dividedBy(4);
        this.tick = properties.tickInterval() != null ? properties.tickInterval()
                : (quarterBlock.isZero() ? Duration.ofMillis(1) : quarterBlock);
    }

    /** Runs every epoch due at the current block; returns how many this instance ran. */
    public int runDueEpochs() {
        long block = clock.currentBlock();
        List<SubnetRow> due = new ArrayList<>();
        for (SubnetRow s : repository.schedulableSubnets()) {
            if (EpochDue.dueEpoch(s.netuid(), s.tempo(), s.registeredAtBlock(), s.lastEpoch(), s.lastEpochBlock(), block)
                    .isPresent()) {
                due.add(s);
            }
        }
        if (due.isEmpty()) {
            return 0;
        }
        Collections.shuffle(due);
        ExecutorService pool = workers;
        AtomicInteger ran = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>(due.size());
        for (SubnetRow s : due) {
            Runnable task = () -> {
                try {
                    if (runner.runIfDue(s.netuid(), block) == EpochRunner.Result.RAN) {
                        ran.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    log.error("epoch of subnet {} at block {} failed; retried on the next tick", s.netuid(), block, e);
                }
            };
            if (pool == null || due.size() == 1) {
                task.run();
            } else {
                futures.add(pool.submit(task));
            }
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (java.util.concurrent.ExecutionException e) {
                log.error("epoch task failed", e.getCause());
            }
        }
        return ran.get();
    }

    private void tick() {
        try {
            runDueEpochs();
        } catch (RuntimeException e) {
            if (running) {
                log.warn("epoch scheduler tick failed: {}", e.getMessage());
            }
        }
    }

    @Override
    public void start() {
        workers = Executors.newFixedThreadPool(properties.epochThreads(), r -> {
            Thread t = new Thread(r, "epoch-worker");
            t.setDaemon(true);
            return t;
        });
        running = true;
        if (properties.schedulerEnabled()) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "epoch-scheduler");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleWithFixedDelay(this::tick, tick.toMillis(), Math.max(1, tick.toMillis()), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        running = false;
        // an epoch cut off here rolls back as a whole; another instance or the next start runs it
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop before the data source and Kafka go away. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 1000;
    }
}
