package net.taonet.scoring.validation.domain;

import net.taonet.identity.CommitHash;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.taonet.events.registry.Hyperparameters;
import net.taonet.platform.chain.BlockClock;
import net.taonet.platform.chain.EpochSchedule;
import net.taonet.platform.problem.ApiProblem;
import net.taonet.scoring.metagraph.domain.Metagraph;
import net.taonet.scoring.metagraph.domain.NeuronInfo;
import net.taonet.scoring.metagraph.domain.SubnetInfo;
import net.taonet.scoring.weights.domain.AcceptedCommit;
import net.taonet.scoring.weights.domain.WeightsService;
import net.taonet.scoring.weights.domain.WeightsSubmission;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Managed validators turn their scores into weights: each miner's moving average, normalised to sum 1, as
 * u16. They go through the same {@link WeightsService} as everyone (same checks), directly when the subnet
 * has commit-reveal off, else as a commit revealed in its reveal epoch. Nothing is sent while the rate limit
 * would refuse it.
 */
@Service
public class ValidatorWeights {

    private static final Logger log = LoggerFactory.getLogger(ValidatorWeights.class);

    private final ManagedValidators validators;
    private final Metagraph metagraph;
    private final ScoreBook scores;
    private final WeightsService weights;
    private final PendingReveals reveals;
    private final BlockClock clock;
    private final TransactionTemplate tx;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> lastRefusal = new ConcurrentHashMap<>();

    public ValidatorWeights(ManagedValidators validators, Metagraph metagraph, ScoreBook scores, WeightsService weights,
            PendingReveals reveals, BlockClock clock, PlatformTransactionManager txManager) {
        this.validators = validators;
        this.metagraph = metagraph;
        this.scores = scores;
        this.weights = weights;
        this.reveals = reveals;
        this.clock = clock;
        this.tx = new TransactionTemplate(txManager);
    }

    /** For every validator and subnet: reveal what is due, then set or commit weights if allowed. */
    public synchronized void runOnce() {
        for (SubnetInfo subnet : metagraph.subnets()) {
            for (ManagedValidator v : validators.all()) {
                if (!v.validates(subnet.netuid())) {
                    continue;
                }
                Optional<NeuronInfo> self = metagraph.neuronByHotkey(subnet.netuid(), v.hotkey());
                if (self.isEmpty()) {
                    continue;
                }
                try {
                    if (subnet.hyperparameters().commitRevealEnabled()) {
                        revealDue(v, subnet);
                    }
                    update(v, subnet, self.get());
                } catch (ApiProblem p) {
                    refused(v, subnet.netuid(), p);
                } catch (RuntimeException e) {
                    log.warn("validator {} could not set weights on subnet {}: {}", v.name(), subnet.netuid(), e.toString());
                }
            }
        }
    }

    private void update(ManagedValidator v, SubnetInfo subnet, NeuronInfo self) {
        Hyperparameters hp = subnet.hyperparameters();
        long block = clock.currentBlock();
        Optional<Long> last = weights.lastUpdate(subnet.netuid(), self.uid());
        if (last.isPresent() && block - last.get() < hp.weightsRateLimit()) {
            return;
        }
        List<Integer> uids = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        if (!normalised(v, subnet.netuid(), self.uid(), uids, values)) {
            return;
        }
        WeightsSubmission submission = new WeightsSubmission(subnet.netuid(), uids, values, hp.weightsVersionKey());
        if (!hp.commitRevealEnabled()) {
            weights.setWeights(v.hotkey(), submission);
            lastRefusal.remove(key(v, subnet.netuid()));
            log.debug("validator {} set weights on subnet {}: {}", v.name(), subnet.netuid(), uids.size());
            return;
        }
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        String hash = CommitHash.of(v.hotkey(), subnet.netuid(), uids, values, salt, hp.weightsVersionKey());
        tx.executeWithoutResult(status -> {
            AcceptedCommit commit = weights.commit(v.hotkey(), subnet.netuid(), hash);
            reveals.save(new PendingReveals.Reveal(v.hotkey(), subnet.netuid(), hash, uids, values, salt,
                    hp.weightsVersionKey(), commit.commitEpoch()));
        });
        lastRefusal.remove(key(v, subnet.netuid()));
    }

    private void revealDue(ManagedValidator v, SubnetInfo subnet) {
        Hyperparameters hp = subnet.hyperparameters();
        long epoch = EpochSchedule.epochIndex(subnet.netuid(), hp.tempo(), clock.currentBlock());
        for (PendingReveals.Reveal r : reveals.of(v.hotkey(), subnet.netuid())) {
            long revealEpoch = r.commitEpoch() + hp.revealPeriod();
            if (epoch < revealEpoch) {
                continue;
            }
            if (epoch > revealEpoch) {
                reveals.delete(r.validatorHotkey(), r.netuid(), r.commitHash()); // expired: nothing to do
                continue;
            }
            try {
                tx.executeWithoutResult(status -> {
                    weights.reveal(v.hotkey(), new WeightsSubmission(r.netuid(), r.uids(), r.weights(), r.versionKey()),
                            r.salt());
                    reveals.delete(r.validatorHotkey(), r.netuid(), r.commitHash());
                });
            } catch (ApiProblem p) {
                refused(v, subnet.netuid(), p);
                if (!"reveal-too-early".equals(p.type())) {
                    reveals.delete(r.validatorHotkey(), r.netuid(), r.commitHash()); // it will never pass
                }
            }
        }
    }

    /** Scores of the current holders of the other UIDs, normalised to u16 shares; false when all are 0. */
    private boolean normalised(ManagedValidator v, int netuid, int ownUid, List<Integer> uids, List<Integer> values) {
        List<MinerScore> mine = scores.scores(v.hotkey(), netuid).stream().filter(s -> s.uid() != ownUid).toList();
        double sum = mine.stream().mapToDouble(MinerScore::ema).filter(e -> e > 0).sum();
        if (sum <= 0) {
            return false;
        }
        for (MinerScore s : mine) {
            uids.add(s.uid());
            values.add((int) Math.round(Math.max(0, s.ema()) / sum * 65_535));
        }
        return true;
    }

    private void refused(ManagedValidator v, int netuid, ApiProblem p) {
        String previous = lastRefusal.put(key(v, netuid), p.type());
        if (!p.type().equals(previous)) {
            log.info("validator {} on subnet {}: weights refused ({}): {}", v.name(), netuid, p.type(), p.getMessage());
        }
    }

    private static String key(ManagedValidator v, int netuid) {
        return v.hotkey() + "/" + netuid;
    }
}
