package net.taonet.scoring.dispatch.domain;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.timelimiter.TimeLimiter;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import net.taonet.events.tasks.TaskChunk;
import net.taonet.platform.problem.ApiProblem;
import net.taonet.scoring.ScoringProperties;
import net.taonet.scoring.metagraph.domain.Metagraph;
import net.taonet.scoring.metagraph.domain.NeuronInfo;
import net.taonet.scoring.metagraph.domain.SubnetInfo;
import net.taonet.scoring.validation.domain.InFlightTask;
import net.taonet.scoring.validation.domain.ManagedValidator;
import net.taonet.scoring.validation.domain.ManagedValidators;
import net.taonet.scoring.validation.domain.TaskBroker;
import net.taonet.scoring.validation.domain.TaskOutcome;
import net.taonet.scoring.validation.domain.TaskSpec;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/** Sends organic requests to miners with failover (see the package documentation). */
@Service
public class OrganicDispatcher {

    /** The longest a requester may ask to wait. */
    public static final long MAX_TIMEOUT_MILLIS = 600_000;

    private final Metagraph metagraph;
    private final ManagedValidators validators;
    private final TaskBroker broker;
    private final ScoringProperties.Organic settings;
    private final CircuitBreakerRegistry breakers;
    private final SplittableRandom seeds = new SplittableRandom();

    public OrganicDispatcher(Metagraph metagraph, ManagedValidators validators, TaskBroker broker, ScoringProperties props) {
        this.metagraph = metagraph;
        this.validators = validators;
        this.broker = broker;
        this.settings = props.organic();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(Math.max(settings.breakerWindow(), settings.breakerFailures()))
                .minimumNumberOfCalls(settings.breakerFailures())
                .failureRateThreshold(50)
                .waitDurationInOpenState(settings.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    /** Dispatches and waits for the answer; {@code chunks} (may be null) receives streamed pieces. */
    public OrganicAnswer dispatch(OrganicRequest request, Consumer<TaskChunk> chunks) {
        SubnetInfo subnet = metagraph.subnet(request.netuid()).orElseThrow(() -> ApiProblem.notFound("unknown-subnet",
                "subnet " + request.netuid() + " does not exist"));
        if (!subnet.taskType().equals(request.taskType())) {
            throw ApiProblem.unprocessable("wrong-task-type", "subnet " + request.netuid() + " runs "
                    + subnet.taskType() + ", not " + request.taskType()).with("taskType", subnet.taskType());
        }
        if (request.payload() == null || request.payload().isBlank()) {
            throw ApiProblem.badRequest("invalid-request", "payload is required");
        }
        if (request.timeoutMillis() <= 0 || request.timeoutMillis() > MAX_TIMEOUT_MILLIS) {
            throw ApiProblem.badRequest("invalid-request", "timeoutMillis must be in 1.." + MAX_TIMEOUT_MILLIS);
        }
        List<NeuronInfo> neurons = metagraph.neurons(request.netuid());
        ManagedValidator validator = validatorFor(neurons);
        Set<String> excluded = validators.all().stream().map(ManagedValidator::hotkey).collect(Collectors.toSet());
        excluded.add(subnet.ownerHotkey());
        List<NeuronInfo> order;
        synchronized (seeds) {
            order = MinerChooser.order(neurons, metagraph.epochNeurons(request.netuid()), excluded, seeds.split());
        }
        if (order.isEmpty()) {
            throw ApiProblem.unavailable("no-miner-available", "subnet " + request.netuid() + " has no miners");
        }
        long deadline = System.currentTimeMillis() + request.timeoutMillis();
        Iterator<NeuronInfo> candidates = order.iterator();
        AtomicBoolean streamed = new AtomicBoolean();
        Retry retry = Retry.of("organic", RetryConfig.custom()
                .maxAttempts(settings.attempts())
                .waitDuration(Duration.ZERO)
                .retryExceptions(MinerUnavailable.class)
                .build());
        try {
            return retry.executeSupplier(() -> attempt(request, validator, candidates, deadline, chunks, streamed));
        } catch (MinerUnavailable e) {
            throw ApiProblem.unavailable("no-miner-answered", "no miner answered (" + settings.attempts()
                    + " tried at most); last: " + e.getMessage());
        }
    }

    private OrganicAnswer attempt(OrganicRequest request, ManagedValidator validator, Iterator<NeuronInfo> candidates,
            long deadline, Consumer<TaskChunk> chunks, AtomicBoolean streamed) {
        long remaining = deadline - System.currentTimeMillis();
        if (remaining <= 0) {
            throw new ApiProblem(HttpStatus.GATEWAY_TIMEOUT, "dispatch-timeout", "Gateway timeout",
                    "no miner answered within " + request.timeoutMillis() + " ms");
        }
        NeuronInfo miner = null;
        CircuitBreaker breaker = null;
        while (candidates.hasNext()) {
            NeuronInfo next = candidates.next();
            CircuitBreaker cb = breakers.circuitBreaker(request.netuid() + ":" + next.uid() + ":" + next.hotkey());
            if (cb.tryAcquirePermission()) {
                miner = next;
                breaker = cb;
                break;
            }
        }
        if (miner == null) {
            throw ApiProblem.unavailable("no-miner-available", "every miner of subnet " + request.netuid()
                    + " was tried or is failing");
        }
        long timeout = Math.min(settings.attemptTimeout().toMillis(), remaining);
        long start = breaker.getCurrentTimestamp();
        InFlightTask task = broker.assign(List.of(new TaskSpec(UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), 1, validator, request.netuid(), miner.uid(), miner.hotkey(),
                request.taskType(), request.payload(), timeout, true))).get(0);
        if (chunks != null) {
            task.streamChunksTo(chunk -> {
                streamed.set(true);
                chunks.accept(chunk);
            });
        }
        TaskOutcome outcome;
        try {
            outcome = TimeLimiter.of(TimeLimiterConfig.custom().timeoutDuration(Duration.ofMillis(timeout))
                    .cancelRunningFuture(false).build()).executeFutureSupplier(task::outcome);
        } catch (TimeoutException e) {
            broker.abandon(task);
            outcome = new TaskOutcome.TimedOut();
        } catch (Exception e) {
            broker.abandon(task);
            outcome = new TaskOutcome.Failed("error", e.toString());
        }
        long elapsed = breaker.getCurrentTimestamp() - start;
        if (outcome instanceof TaskOutcome.Answered a && !a.late()) {
            breaker.onSuccess(elapsed, breaker.getTimestampUnit());
            return new OrganicAnswer(task.taskId(), miner.uid(), miner.hotkey(), a.result(), a.latencyMillis());
        }
        String why = describe(outcome, miner);
        if (outcome instanceof TaskOutcome.Failed f && "busy".equals(f.reason())) {
            breaker.releasePermission(); // at capacity is not broken
        } else {
            breaker.onError(elapsed, breaker.getTimestampUnit(), new MinerUnavailable(why));
        }
        if (streamed.get()) {
            throw ApiProblem.unavailable("stream-interrupted", "the miner stopped after streaming part of its answer: "
                    + why);
        }
        throw new MinerUnavailable(why);
    }

    private static String describe(TaskOutcome outcome, NeuronInfo miner) {
        String who = "UID " + miner.uid();
        if (outcome instanceof TaskOutcome.Failed f) {
            return who + " failed (" + f.reason() + (f.detail() == null ? "" : ": " + f.detail()) + ")";
        }
        if (outcome instanceof TaskOutcome.Answered) {
            return who + " answered too late";
        }
        return who + " did not answer in time";
    }

    /** The validator that signs organic tasks: one registered on the subnet if any, else the first configured. */
    private ManagedValidator validatorFor(List<NeuronInfo> neurons) {
        Set<String> registered = neurons.stream().map(NeuronInfo::hotkey).collect(Collectors.toSet());
        return validators.all().stream().filter(v -> registered.contains(v.hotkey())).findFirst()
                .or(() -> validators.all().stream().findFirst())
                .orElseThrow(() -> ApiProblem.unavailable("no-validator",
                        "this service runs no validator to sign tasks (taonet.scoring.validators)"));
    }

    /** The state of each miner's circuit breaker, for operators. */
    public java.util.Map<String, String> breakerStates() {
        java.util.Map<String, String> states = new java.util.TreeMap<>();
        breakers.getAllCircuitBreakers().forEach(cb -> states.put(cb.getName(), cb.getState().name()));
        return states;
    }

    /** One miner did not give a usable answer: the retry moves on to the next one. */
    static final class MinerUnavailable extends RuntimeException {
        MinerUnavailable(String message) {
            super(message, null, false, false);
        }
    }
}
