package net.taonet.registry.subnet.domain;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import net.taonet.events.EventCatalog;
import net.taonet.events.registry.Hyperparameters;
import net.taonet.events.registry.SubnetHyperparametersChanged;
import net.taonet.events.registry.SubnetIdentity;
import net.taonet.events.registry.SubnetRegistered;
import net.taonet.platform.chain.BlockClock;
import net.taonet.platform.outbox.Outbox;
import net.taonet.platform.problem.ApiProblem;
import net.taonet.registry.RegistryProperties;
import net.taonet.registry.charge.domain.ChargeJournal.Kind;
import net.taonet.registry.charge.domain.Payments;
import net.taonet.registry.common.Addresses;
import net.taonet.registry.idempotency.domain.Answer;
import net.taonet.registry.idempotency.domain.IdempotentAnswers;
import net.taonet.registry.neuron.domain.Neuron;
import net.taonet.registry.neuron.domain.NeuronRepository;
import net.taonet.registry.pricing.domain.LockCost;
import net.taonet.registry.pricing.domain.RegistrationPrice;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Creating subnets, reading them, and changing their hyperparameters. */
@Service
public class SubnetService {

    private static final Logger log = LoggerFactory.getLogger(SubnetService.class);
    private static final Pattern TASK_TYPE = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private final SubnetRepository subnets;
    private final NeuronRepository neurons;
    private final Payments payments;
    private final IdempotentAnswers answers;
    private final Outbox outbox;
    private final BlockClock clock;
    private final TransactionTemplate tx;
    private final Bulkhead payingFlows;
    private final RegistryProperties props;
    private final MeterRegistry meters;

    public SubnetService(SubnetRepository subnets, NeuronRepository neurons, Payments payments,
            IdempotentAnswers answers, Outbox outbox, BlockClock clock, TransactionTemplate tx, Bulkhead payingFlows,
            RegistryProperties props, MeterRegistry meters) {
        this.meters = meters;
        this.subnets = subnets;
        this.neurons = neurons;
        this.payments = payments;
        this.answers = answers;
        this.outbox = outbox;
        this.clock = clock;
        this.tx = tx;
        this.payingFlows = payingFlows;
        this.props = props;
    }

    /** What a creation asks for; {@code maxLockRao}: the most the owner accepts to lock (optional). */
    public record CreateSubnet(String ownerColdkey, String ownerHotkey, String taskType, SubnetIdentity identity,
            Long maxLockRao) {
    }

    /** What a creation answers: the subnet, the lock it cost and the charge's request id. */
    public record Created(int netuid, String ownerColdkey, String ownerHotkey, String taskType, SubnetIdentity identity,
            Hyperparameters hyperparameters, long lockRao, long registeredAtBlock, long registrationPriceRao,
            String lockRequestId) {
    }

    /** The network's creation terms at {@code block}. */
    public record LockTerms(long block, long lockCostRao, long minLockRao, Long lastCreationBlock,
            long nextCreationBlock, int subnetCount, int maxSubnets) {
    }

    public LockTerms lockTerms() {
        long block = clock.currentBlock();
        SubnetRepository.NetworkState state = subnets.network();
        return terms(state, block, subnets.count());
    }

    private LockTerms terms(SubnetRepository.NetworkState state, long block, int count) {
        RegistryProperties.Network net = props.network();
        long since = state.lastCreationBlock() == null ? 0 : Math.max(0, block - state.lastCreationBlock());
        long cost = LockCost.at(net.minLockRao(), state.lastLockRao(), since, net.lockReductionInterval());
        long next = state.lastCreationBlock() == null ? block
                : Math.max(block, state.lastCreationBlock() + net.creationRateLimit());
        return new LockTerms(block, cost, net.minLockRao(), state.lastCreationBlock(), next, count, net.maxSubnets());
    }

    public Answer<Created> create(CreateSubnet c, String signer, String idempotencyKey) {
        if (c.ownerColdkey() != null && !c.ownerColdkey().equals(signer)) {
            throw ApiProblem.forbidden("not-owner", "the request is signed by " + signer
                    + ", not by ownerColdkey " + c.ownerColdkey() + " (the owner's coldkey signs and pays)");
        }
        String ownerHotkey = Addresses.require(c.ownerHotkey(), "ownerHotkey");
        String taskType = c.taskType() == null ? "" : c.taskType().trim();
        if (!TASK_TYPE.matcher(taskType).matches()) {
            throw ApiProblem.badRequest("invalid-task-type",
                    "taskType is 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
        SubnetIdentity identity = validIdentity(c.identity());
        if (c.maxLockRao() != null && c.maxLockRao() < 0) {
            throw ApiProblem.badRequest("invalid-amount", "maxLockRao must not be negative");
        }
        IdempotentAnswers.requireValidKey(idempotencyKey);
        String hash = IdempotentAnswers.fingerprint("create-subnet", ownerHotkey, taskType, identity.toString(),
                String.valueOf(c.maxLockRao()));
        Answer<Created> answer = guarded(() -> tx.execute(status -> {
            SubnetRepository.NetworkState state = subnets.lockNetwork();
            Optional<IdempotentAnswers.Replay<Created>> replay = answers.find(signer, idempotencyKey, hash, Created.class);
            if (replay.isPresent()) {
                return new Answer<>(replay.get().body(), true);
            }
            long block = clock.currentBlock();
            int count = subnets.count();
            LockTerms terms = terms(state, block, count);
            if (count >= terms.maxSubnets()) {
                throw ApiProblem.conflict("subnet-limit-reached", "the network holds its maximum of "
                        + terms.maxSubnets() + " subnets").with("maxSubnets", terms.maxSubnets());
            }
            if (block < terms.nextCreationBlock()) {
                throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "subnet-creation-rate-limited", "Too many requests",
                        "one subnet may be created every " + props.network().creationRateLimit()
                                + " blocks; the next at block " + terms.nextCreationBlock())
                        .with("nextAllowedBlock", terms.nextCreationBlock());
            }
            long cost = terms.lockCostRao();
            if (c.maxLockRao() != null && cost > c.maxLockRao()) {
                throw ApiProblem.unprocessable("price-above-limit", "the lock cost is " + cost
                        + " rao, above the limit of " + c.maxLockRao()).with("priceRao", cost)
                        .with("limitRao", c.maxLockRao());
            }
            String hotkeyOwner = neurons.claimHotkey(ownerHotkey, signer, block);
            if (!hotkeyOwner.equals(signer)) {
                throw ApiProblem.forbidden("hotkey-owned-by-another-coldkey", "hotkey " + ownerHotkey
                        + " belongs to coldkey " + hotkeyOwner);
            }
            int netuid = subnets.lowestFreeNetuid();
            UUID requestId = payments.pay(Kind.LOCK, signer, netuid, ownerHotkey, cost);

            Hyperparameters hp = Hyperparameters.defaults();
            if (hp.tempo() < props.network().minTempo()) {
                hp = HyperparameterRules.with(hp, Hyperparameter.TEMPO, props.network().minTempo());
            }
            long burn = Subnet.burnParameters(hp).clamp(props.network().initialBurnRao());
            Subnet subnet = new Subnet(netuid, signer, ownerHotkey, taskType, identity, hp, cost, block, burn, block, null);
            subnets.insert(subnet, requestId);
            neurons.insert(new Neuron(netuid, 0, ownerHotkey, signer, block, 0, 0));
            subnets.recordCreation(cost, block);
            outbox.publish(EventCatalog.SUBNET_REGISTERED, Integer.toString(netuid), block,
                    new SubnetRegistered(netuid, signer, ownerHotkey, taskType, identity, hp, cost, block));
            Created created = new Created(netuid, signer, ownerHotkey, taskType, identity, hp, cost, block, burn,
                    requestId.toString());
            answers.remember(signer, idempotencyKey, hash, 201, created);
            log.info("subnet {} '{}' created by {} at block {} for a lock of {} rao", netuid, identity.name(), signer,
                    block, cost);
            return new Answer<>(created, false);
        }));
        if (!answer.replayed()) {
            meters.counter("taonet.registry.subnet.creations").increment();
        }
        return answer;
    }

    public List<Subnet> all() {
        return subnets.all();
    }

    public Subnet get(int netuid) {
        Addresses.requireNetuid(netuid);
        return subnets.find(netuid).orElseThrow(() -> unknownSubnet(netuid));
    }

    public static ApiProblem unknownSubnet(int netuid) {
        return ApiProblem.notFound("unknown-subnet", "no subnet " + netuid).with("netuid", netuid);
    }

    /** The result of a hyperparameter change. */
    public record Changed(int netuid, String name, Object value, boolean changed, long block,
            Hyperparameters hyperparameters) {
    }

    /**
     * Sets one hyperparameter. {@code admin}: the request carried the network's admin key; otherwise
     * {@code signer} (verified) must be the owner's coldkey.
     */
    public Changed setHyperparameter(int netuid, String name, Object value, String signer, boolean admin) {
        Addresses.requireNetuid(netuid);
        Hyperparameter p = Hyperparameter.byName(name).orElseThrow(() -> ApiProblem.notFound("unknown-hyperparameter",
                "no hyperparameter '" + name + "'" + ("task_type".equals(name) || "taskType".equals(name)
                        ? " that can be changed: the task type is chosen at creation" : ""))
                .with("hyperparameter", name));
        return tx.execute(status -> {
            Subnet s = subnets.lock(netuid).orElseThrow(() -> unknownSubnet(netuid));
            if (!admin) {
                if (signer == null) {
                    throw ApiProblem.unauthorized("signature-missing",
                            "a hyperparameter change is signed by the subnet owner's coldkey, or carries the admin key");
                }
                if (!signer.equals(s.ownerColdkey())) {
                    throw ApiProblem.forbidden("not-owner", "the request is signed by " + signer
                            + ", which does not own subnet " + netuid);
                }
            }
            long block = clock.currentBlock();
            Long last = admin ? null : subnets.lastOwnerChange(netuid, p.wireName()).orElse(null);
            var ctx = new HyperparameterRules.Context(netuid, s.hyperparameters(), neurons.count(netuid),
                    props.network().minTempo(), admin);
            Hyperparameters updated = HyperparameterRules.change(p, value, ctx, block, last);
            Object newValue = HyperparameterRules.get(updated, p);
            if (updated.equals(s.hyperparameters())) {
                return new Changed(netuid, p.wireName(), newValue, false, block, updated);
            }
            if (p == Hyperparameter.MIN_BURN || p == Hyperparameter.MAX_BURN || p == Hyperparameter.BURN_HALF_LIFE
                    || p == Hyperparameter.BURN_INCREASE_MULT_MILLI) {
                // fix the price decayed under the old settings, so the new ones apply from now on only
                subnets.updateBurn(netuid, s.registrationPriceAt(block), block);
            }
            subnets.updateHyperparameters(netuid, updated);
            if (!admin) {
                subnets.recordOwnerChange(netuid, p.wireName(), block);
            }
            outbox.publish(EventCatalog.SUBNET_HYPERPARAMETERS_CHANGED, Integer.toString(netuid), block,
                    new SubnetHyperparametersChanged(netuid, p.wireName(), updated));
            log.info("subnet {}: {} = {} (by {} at block {})", netuid, p.wireName(), newValue,
                    admin ? "the admin" : "the owner", block);
            return new Changed(netuid, p.wireName(), newValue, true, block, updated);
        });
    }

    /** What the rules say about each parameter of a subnet now (for the API). */
    public record Rule(String name, Object value, String changedBy, Map<String, Object> allowedRange,
            Long ownerRateLimitBlocks, Long nextOwnerChangeBlock) {
    }

    public List<Rule> rules(Subnet s) {
        int count = neurons.count(s.netuid());
        var ctx = new HyperparameterRules.Context(s.netuid(), s.hyperparameters(), count,
                props.network().minTempo(), false);
        var adminCtx = new HyperparameterRules.Context(s.netuid(), s.hyperparameters(), count,
                props.network().minTempo(), true);
        return java.util.Arrays.stream(Hyperparameter.values()).map(p -> {
            HyperparameterRules.Range range = HyperparameterRules.range(p, p.ownerMayChange() ? ctx : adminCtx);
            Long limit = p.ownerMayChange() ? HyperparameterRules.ownerRateLimit(p, s.hyperparameters()) : null;
            Long next = p.ownerMayChange() ? subnets.lastOwnerChange(s.netuid(), p.wireName())
                    .map(b -> b + HyperparameterRules.ownerRateLimit(p, s.hyperparameters())).orElse(null) : null;
            return new Rule(p.wireName(), HyperparameterRules.get(s.hyperparameters(), p),
                    p.ownerMayChange() ? "owner" : "admin", range == null ? null : range.asMap(), limit, next);
        }).toList();
    }

    public long registrationPriceAfterNext(Subnet s, long block) {
        return RegistrationPrice.afterRegistration(s.registrationPriceAt(block), s.burnParameters());
    }

    private <T> T guarded(java.util.function.Supplier<T> flow) {
        try {
            return payingFlows.executeSupplier(flow);
        } catch (BulkheadFullException e) {
            throw ApiProblem.unavailable("registry-busy", "too many paying requests in progress; try again shortly");
        }
    }

    private static SubnetIdentity validIdentity(SubnetIdentity identity) {
        if (identity == null || identity.name() == null || identity.name().isBlank()) {
            throw ApiProblem.badRequest("invalid-identity", "identity.name is required");
        }
        check(identity.name(), 256, "identity.name");
        check(identity.description(), 4_000, "identity.description");
        check(identity.url(), 512, "identity.url");
        check(identity.contact(), 256, "identity.contact");
        if (identity.url() != null && !identity.url().isBlank() && !identity.url().matches("(?i)https?://\\S+")) {
            throw ApiProblem.badRequest("invalid-identity", "identity.url must be an http(s) URL");
        }
        return new SubnetIdentity(identity.name().trim(), identity.description(), blankToNull(identity.url()),
                identity.contact());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static void check(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw ApiProblem.badRequest("invalid-identity", field + " has at most " + max + " characters");
        }
    }
}
