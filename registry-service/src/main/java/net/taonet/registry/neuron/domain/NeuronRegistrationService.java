package net.taonet.registry.neuron.domain;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.taonet.events.EventCatalog;
import net.taonet.events.registry.Hyperparameters;
import net.taonet.events.registry.NeuronRegistered;
import net.taonet.events.registry.NeuronReplaced;
import net.taonet.platform.chain.BlockClock;
import net.taonet.platform.outbox.Outbox;
import net.taonet.platform.problem.ApiProblem;
import net.taonet.registry.charge.domain.ChargeJournal.Kind;
import net.taonet.registry.charge.domain.Payments;
import net.taonet.registry.common.Addresses;
import net.taonet.registry.idempotency.domain.Answer;
import net.taonet.registry.idempotency.domain.IdempotentAnswers;
import net.taonet.registry.neuron.domain.PruneRule.Candidate;
import net.taonet.registry.neuron.domain.PruneRule.Choice;
import net.taonet.registry.pricing.domain.RegistrationPrice;
import net.taonet.registry.subnet.domain.Subnet;
import net.taonet.registry.subnet.domain.SubnetRepository;
import net.taonet.registry.subnet.domain.SubnetService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Registering a hotkey on a subnet (spec/protocol.md §4). */
@Service
public class NeuronRegistrationService {

    private static final Logger log = LoggerFactory.getLogger(NeuronRegistrationService.class);

    private final SubnetRepository subnets;
    private final NeuronRepository neurons;
    private final ServingRepository serving;
    private final Payments payments;
    private final IdempotentAnswers answers;
    private final Outbox outbox;
    private final BlockClock clock;
    private final TransactionTemplate tx;
    private final Bulkhead payingFlows;
    private final MeterRegistry meters;

    public NeuronRegistrationService(SubnetRepository subnets, NeuronRepository neurons, ServingRepository serving,
            Payments payments, IdempotentAnswers answers, Outbox outbox, BlockClock clock, TransactionTemplate tx,
            Bulkhead payingFlows, MeterRegistry meters) {
        this.meters = meters;
        this.subnets = subnets;
        this.neurons = neurons;
        this.serving = serving;
        this.payments = payments;
        this.answers = answers;
        this.outbox = outbox;
        this.clock = clock;
        this.tx = tx;
        this.payingFlows = payingFlows;
    }

    /**
     * What a registration answers. {@code replacedHotkey}/{@code replacedUidEmissionRao}/{@code replacedImmune}
     * are set when the UID was taken from a prune candidate.
     */
    public record Registration(int netuid, int uid, String hotkey, String coldkey, long registrationBlock,
            long burnRao, long nextPriceRao, String replacedHotkey, Long replacedEmissionRao,
            Long replacedRegistrationBlock, Boolean replacedImmune, String chargeRequestId) {
    }

    public Answer<Registration> register(int netuid, String hotkeyArg, Long maxPriceRao, String coldkey,
            String idempotencyKey) {
        Addresses.requireNetuid(netuid);
        String hotkey = Addresses.require(hotkeyArg, "hotkey");
        if (maxPriceRao == null || maxPriceRao < 0) {
            throw ApiProblem.badRequest("invalid-amount", "maxPriceRao (the highest price accepted, in rao) is required "
                    + "and not negative");
        }
        IdempotentAnswers.requireValidKey(idempotencyKey);
        String hash = IdempotentAnswers.fingerprint("register", Integer.toString(netuid), hotkey, maxPriceRao.toString());
        try {
            Answer<Registration> answer = payingFlows.executeSupplier(() -> tx.execute(status -> {
                Subnet s = subnets.lock(netuid).orElseThrow(() -> SubnetService.unknownSubnet(netuid));
                Optional<IdempotentAnswers.Replay<Registration>> replay =
                        answers.find(coldkey, idempotencyKey, hash, Registration.class);
                if (replay.isPresent()) {
                    return new Answer<>(replay.get().body(), true);
                }
                Registration r = registerLocked(s, hotkey, maxPriceRao, coldkey);
                answers.remember(coldkey, idempotencyKey, hash, 201, r);
                return new Answer<>(r, false);
            }));
            if (!answer.replayed()) {
                meters.counter("taonet.registry.registrations", "netuid", Integer.toString(netuid),
                        "kind", answer.body().replacedHotkey() == null ? "new" : "replacement").increment();
            }
            return answer;
        } catch (BulkheadFullException e) {
            throw ApiProblem.unavailable("registry-busy", "too many paying requests in progress; try again shortly");
        }
    }

    private Registration registerLocked(Subnet s, String hotkey, long maxPriceRao, String coldkey) {
        int netuid = s.netuid();
        Hyperparameters hp = s.hyperparameters();
        if (!hp.registrationAllowed()) {
            throw ApiProblem.conflict("registration-disabled", "registration on subnet " + netuid + " is switched off");
        }
        Optional<String> ownerNow = neurons.ownerOf(hotkey);
        if (ownerNow.isPresent() && !ownerNow.get().equals(coldkey)) {
            throw ApiProblem.forbidden("hotkey-owned-by-another-coldkey", "hotkey " + hotkey + " belongs to coldkey "
                    + ownerNow.get() + "; another coldkey can never use it");
        }
        Optional<Neuron> existing = neurons.findByHotkey(netuid, hotkey);
        if (existing.isPresent()) {
            throw ApiProblem.conflict("hotkey-already-registered", "hotkey " + hotkey + " already holds UID "
                    + existing.get().uid() + " on subnet " + netuid).with("uid", existing.get().uid());
        }
        long block = clock.currentBlock();
        long price = s.registrationPriceAt(block);
        if (price > maxPriceRao) {
            throw ApiProblem.unprocessable("price-above-limit", "the registration price is " + price
                    + " rao, above the limit of " + maxPriceRao).with("priceRao", price).with("limitRao", maxPriceRao);
        }
        String owner = neurons.claimHotkey(hotkey, coldkey, block);
        if (!owner.equals(coldkey)) {
            throw ApiProblem.forbidden("hotkey-owned-by-another-coldkey", "hotkey " + hotkey + " belongs to coldkey "
                    + owner + "; another coldkey can never use it");
        }
        List<Neuron> current = neurons.ofSubnet(netuid);
        Optional<Choice> prune = Optional.empty();
        int uid;
        if (current.size() < hp.maxAllowedUids()) {
            uid = nextFreeUid(current);
        } else {
            List<Candidate> candidates = current.stream().map(n -> new Candidate(n.uid(), n.registeredAtBlock(),
                    n.emissionRao(), n.hotkey().equals(s.ownerHotkey()))).toList();
            prune = PruneRule.choose(candidates, block, hp.immunityPeriod(), hp.minNonImmuneUids());
            uid = prune.orElseThrow(() -> ApiProblem.conflict("subnet-full", "subnet " + netuid
                    + " is full and holds no UID that may be replaced")).candidate().uid();
        }

        UUID requestId = payments.pay(Kind.BURN, coldkey, netuid, hotkey, price);

        long next = RegistrationPrice.afterRegistration(price, s.burnParameters());
        subnets.updateBurn(netuid, next, block);
        String key = Integer.toString(netuid);
        if (prune.isEmpty()) {
            neurons.insert(new Neuron(netuid, uid, hotkey, coldkey, block, price, 0));
            outbox.publish(EventCatalog.NEURON_REGISTERED, key, block,
                    new NeuronRegistered(netuid, uid, hotkey, coldkey, block, price));
            log.info("subnet {}: {} registered as UID {} at block {} for {} rao (next price {})", netuid, hotkey, uid,
                    block, price, next);
            return new Registration(netuid, uid, hotkey, coldkey, block, price, next, null, null, null, null,
                    requestId.toString());
        }
        Neuron replaced = current.stream().filter(n -> n.uid() == uid).findFirst().orElseThrow();
        serving.delete(netuid, uid);
        neurons.replace(netuid, uid, hotkey, coldkey, block, price);
        outbox.publish(EventCatalog.NEURON_REPLACED, key, block,
                new NeuronReplaced(netuid, uid, replaced.hotkey(), hotkey, coldkey, block, price));
        log.info("subnet {}: {} replaced {} (emission {} rao, registered at {}, {}) as UID {} at block {} for {} rao",
                netuid, hotkey, replaced.hotkey(), replaced.emissionRao(), replaced.registeredAtBlock(),
                prune.get().immune() ? "immune" : "not immune", uid, block, price);
        return new Registration(netuid, uid, hotkey, coldkey, block, price, next, replaced.hotkey(),
                replaced.emissionRao(), replaced.registeredAtBlock(), prune.get().immune(), requestId.toString());
    }

    /** UIDs are 0..n−1 (never removed, only replaced), so the next is n; the scan guards against a gap anyway. */
    private static int nextFreeUid(List<Neuron> current) {
        int expected = 0;
        for (Neuron n : current) {
            if (n.uid() != expected) {
                return expected;
            }
            expected++;
        }
        return expected;
    }
}
