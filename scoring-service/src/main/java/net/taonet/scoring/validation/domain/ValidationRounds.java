package net.taonet.scoring.validation.domain;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import net.taonet.scoring.ScoringProperties;
import net.taonet.scoring.metagraph.domain.Metagraph;
import net.taonet.scoring.metagraph.domain.NeuronInfo;
import net.taonet.scoring.metagraph.domain.SubnetInfo;
import net.taonet.sdk.Challenge;
import net.taonet.sdk.ChallengeContext;
import net.taonet.sdk.TaskSettings;
import net.taonet.sdk.TaskType;
import net.taonet.sdk.TaskTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * One query round of every managed validator on every subnet it validates: sample miners, make challenges
 * with the subnet's task type, assign them. Validators do not ask themselves.
 */
@Service
public class ValidationRounds {

    private static final Logger log = LoggerFactory.getLogger(ValidationRounds.class);

    private final ManagedValidators validators;
    private final Metagraph metagraph;
    private final TaskBroker broker;
    private final TaskTypes types;
    private final ScoringProperties props;
    private final MinerSampler sampler = new MinerSampler();
    private final SplittableRandom seeds = new SplittableRandom(new SecureRandom().nextLong());
    private final Map<String, Boolean> warnedTypes = new ConcurrentHashMap<>();
    static final long VIEW_TTL_MILLIS = 500;
    private Map<SubnetInfo, List<NeuronInfo>> cachedView;
    private long cachedAt;

    public ValidationRounds(ManagedValidators validators, Metagraph metagraph, TaskBroker broker, TaskTypes types,
            ScoringProperties props) {
        this.validators = validators;
        this.metagraph = metagraph;
        this.broker = broker;
        this.types = types;
        this.props = props;
    }

    /** Runs one round for every validator and subnet; returns how many tasks were assigned. */
    public synchronized int runOnce() {
        if (validators.all().isEmpty()) {
            return 0;
        }
        int total = 0;
        for (Map.Entry<SubnetInfo, List<NeuronInfo>> entry : view().entrySet()) {
            SubnetInfo subnet = entry.getKey();
            for (ManagedValidator v : validators.all()) {
                if (!v.validates(subnet.netuid()) || broker.inFlight(v.hotkey(), subnet.netuid()) >= props.maxInFlight()) {
                    continue;
                }
                try {
                    total += round(v, subnet, entry.getValue());
                } catch (RuntimeException e) {
                    log.warn("validator {} could not query subnet {}: {}", v.name(), subnet.netuid(), e.toString());
                }
            }
        }
        return total;
    }

    /**
     * Subnets and their neurons, re-read at most every {@link #VIEW_TTL_MILLIS}: rounds may run every few
     * milliseconds, registrations change far more slowly, and a task for a UID replaced meanwhile is simply not
     * credited (its answer is signed by the wrong hotkey, or its score finds another hotkey on the UID).
     */
    private Map<SubnetInfo, List<NeuronInfo>> view() {
        long now = System.currentTimeMillis();
        if (cachedView == null || now - cachedAt > VIEW_TTL_MILLIS) {
            Map<SubnetInfo, List<NeuronInfo>> fresh = new java.util.LinkedHashMap<>();
            for (SubnetInfo subnet : metagraph.subnets()) {
                fresh.put(subnet, metagraph.neurons(subnet.netuid()));
            }
            cachedView = fresh;
            cachedAt = now;
        }
        return cachedView;
    }

    private int round(ManagedValidator v, SubnetInfo subnet, List<NeuronInfo> neurons) {
        Optional<NeuronInfo> self = neurons.stream().filter(n -> n.hotkey().equals(v.hotkey())).findFirst();
        if (self.isEmpty()) {
            return 0; // not registered on this subnet
        }
        Optional<TaskType> type = types.find(subnet.taskType());
        if (type.isEmpty()) {
            if (warnedTypes.putIfAbsent(subnet.taskType(), Boolean.TRUE) == null) {
                log.warn("subnet {} runs task type {}, which this service cannot generate", subnet.netuid(),
                        subnet.taskType());
            }
            return 0;
        }
        List<NeuronInfo> miners = neurons.stream().filter(n -> n.uid() != self.get().uid()).toList();
        int budget = Math.min(props.sampleSize(), props.maxInFlight() - broker.inFlight(v.hotkey(), subnet.netuid()));
        if (miners.isEmpty() || budget <= 0) {
            return 0;
        }
        int quorum = Math.max(1, Math.min(type.get().scorer().quorum(), miners.size()));
        int groups = Math.max(1, budget / quorum);
        TaskSettings settings = TaskSettings.of(props.tasks().getOrDefault(subnet.taskType(), Map.of()));
        List<TaskSpec> specs = new ArrayList<>();
        for (List<NeuronInfo> group : sampler.sample(v.hotkey(), subnet.netuid(), miners, groups, quorum)) {
            Challenge challenge = type.get().challenges().next(
                    new ChallengeContext(subnet.netuid(), settings, new SplittableRandom(nextSeed())));
            String roundId = UUID.randomUUID().toString();
            for (NeuronInfo miner : group) {
                specs.add(new TaskSpec(UUID.randomUUID().toString(), roundId, group.size(), v, subnet.netuid(),
                        miner.uid(), miner.hotkey(), subnet.taskType(), challenge.payload(),
                        challenge.timeout().toMillis(), false));
            }
        }
        return broker.assign(specs).size();
    }

    private synchronized long nextSeed() {
        return seeds.nextLong();
    }
}
