package net.taonet.scoring.validation.domain;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * Tasks per subnet, for the dashboards: {@code taonet_scoring_tasks_total{netuid, outcome}} with outcome
 * {@code dispatched}, {@code completed} (answered in time), {@code late}, {@code failed} (the miner said so)
 * or {@code timed_out}, and the validator's measured latency of answers in time,
 * {@code taonet_scoring_task_latency_seconds{netuid}} (a histogram).
 */
final class TaskMeters {

    private final MeterRegistry registry;

    TaskMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void dispatched(InFlightTask t) {
        count(t, "dispatched");
    }

    void resolved(InFlightTask t, TaskOutcome outcome) {
        if (outcome instanceof TaskOutcome.Answered a) {
            if (a.late()) {
                count(t, "late");
                return;
            }
            count(t, "completed");
            Timer.builder("taonet.scoring.task.latency").tag("netuid", Integer.toString(t.netuid()))
                    .description("assignment to a signed answer in time, as the validator measured it")
                    .publishPercentileHistogram().register(registry).record(a.latencyMillis(), TimeUnit.MILLISECONDS);
        } else if (outcome instanceof TaskOutcome.Failed) {
            count(t, "failed");
        } else {
            count(t, "timed_out");
        }
    }

    private void count(InFlightTask t, String outcome) {
        registry.counter("taonet.scoring.tasks", "netuid", Integer.toString(t.netuid()), "outcome", outcome).increment();
    }
}
