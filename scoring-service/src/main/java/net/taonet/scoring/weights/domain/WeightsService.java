package net.taonet.scoring.weights.domain;

import io.micrometer.core.instrument.MeterRegistry;
import net.taonet.identity.CommitHash;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import net.taonet.events.EventCatalog;
import net.taonet.events.scoring.WeightsCommitted;
import net.taonet.events.scoring.WeightsSet;
import net.taonet.events.scoring.WeightsSet.UidWeight;
import net.taonet.platform.chain.BlockClock;
import net.taonet.platform.chain.EpochSchedule;
import net.taonet.platform.outbox.Outbox;
import net.taonet.platform.problem.ApiProblem;
import net.taonet.scoring.metagraph.domain.Metagraph;
import net.taonet.scoring.metagraph.domain.NeuronInfo;
import net.taonet.scoring.metagraph.domain.SubnetInfo;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * set_weights, commit and reveal (spec/protocol.md §6). Each runs in one transaction that reads the
 * caller's state, applies {@link WeightRules} and, only if every check passes, writes the row or the commit
 * and its event through the outbox. External validators reach it over REST, managed validators directly.
 */
@Service
public class WeightsService {

    /** Expired commits stay this many epochs, so a late reveal is told "too late" rather than "not found". */
    static final int EXPIRED_COMMIT_RETENTION_EPOCHS = 4;

    private final Metagraph metagraph;
    private final WeightStore store;
    private final Outbox outbox;
    private final BlockClock clock;
    private final MeterRegistry meters;

    public WeightsService(Metagraph metagraph, WeightStore store, Outbox outbox, BlockClock clock, MeterRegistry meters) {
        this.meters = meters;
        this.metagraph = metagraph;
        this.store = store;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public AppliedWeights setWeights(String hotkey, WeightsSubmission w) {
        return counted("set", w == null ? null : w.netuid(), () -> {
            WeightRules.requireWellFormed(w);
            CallerState state = state(hotkey, w.netuid());
            WeightRules.checkSet(state, w, false);
            store.setLastUpdate(w.netuid(), state.uid(), state.currentBlock());
            return apply(state, w, state.currentBlock(), null);
        });
    }

    @Transactional
    public AcceptedCommit commit(String hotkey, int netuid, String commitHash) {
        return counted("commit", netuid, () -> {
            CallerState state = state(hotkey, netuid);
            int tempo = state.subnet().hyperparameters().tempo();
            int revealPeriod = state.subnet().hyperparameters().revealPeriod();
            long block = state.currentBlock();
            long epoch = EpochSchedule.epochIndex(netuid, tempo, block);
            store.deleteCommitsExpiredBefore(netuid, epoch - revealPeriod - EXPIRED_COMMIT_RETENTION_EPOCHS);
            int pending = (int) store.commits(netuid, hotkey).stream()
                    .filter(c -> !WeightRules.isExpired(c.commitEpoch(), epoch, revealPeriod)).count();
            WeightRules.checkCommit(state, commitHash, pending);
            store.insertCommit(netuid, state.uid(), hotkey, commitHash, block, epoch);
            store.setLastUpdate(netuid, state.uid(), block);
            outbox.publish(EventCatalog.WEIGHTS_COMMITTED, Integer.toString(netuid), block,
                    new WeightsCommitted(netuid, state.uid(), hotkey, commitHash, block, epoch));
            long revealEpoch = epoch + revealPeriod;
            return new AcceptedCommit(netuid, state.uid(), hotkey, commitHash, block, epoch, revealEpoch,
                    Math.max(0, EpochSchedule.epochBlock(netuid, tempo, revealEpoch)),
                    EpochSchedule.epochBlock(netuid, tempo, revealEpoch + 1) - 1);
        });
    }

    @Transactional
    public AppliedWeights reveal(String hotkey, WeightsSubmission w, byte[] salt) {
        return counted("reveal", w == null ? null : w.netuid(), () -> {
            WeightRules.requireWellFormed(w);
            SubnetInfo subnet = subnet(w.netuid());
            if (!subnet.hyperparameters().commitRevealEnabled()) {
                throw ApiProblem.conflict("commit-reveal-disabled", "subnet " + w.netuid()
                        + " does not use commit-reveal: set weights directly");
            }
            if (salt == null || salt.length == 0 || salt.length > CommitHash.MAX_SALT_BYTES) {
                throw ApiProblem.badRequest("invalid-salt", "salt must be 1 to " + CommitHash.MAX_SALT_BYTES + " bytes (hex)");
            }
            CallerState state = state(hotkey, w.netuid());
            String hash = CommitHash.of(hotkey, w.netuid(), w.uids(), w.weights(), salt, w.versionKey());
            List<PendingCommit> matching = store.commits(w.netuid(), hotkey).stream()
                    .filter(c -> c.commitHash().equals(hash)).toList();
            long epoch = EpochSchedule.epochIndex(w.netuid(), subnet.hyperparameters().tempo(), state.currentBlock());
            PendingCommit commit = WeightRules.checkReveal(matching, epoch, subnet.hyperparameters().revealPeriod());
            WeightRules.checkSet(state, w, true);
            store.deleteCommit(commit.id());
            long lastUpdate = state.lastUpdate() == null ? commit.commitBlock() : state.lastUpdate();
            return apply(state, w, lastUpdate, hash);
        });
    }

    /** The caller's UID's last update, if it ever set or committed weights. */
    @Transactional(readOnly = true)
    public java.util.Optional<Long> lastUpdate(int netuid, int uid) {
        return store.lastUpdate(netuid, uid);
    }

    @Transactional(readOnly = true)
    public List<StoredRow> rows(int netuid) {
        subnet(netuid);
        return store.rows(netuid);
    }

    @Transactional(readOnly = true)
    public List<PendingCommit> commits(int netuid, String hotkey) {
        subnet(netuid);
        return store.commits(netuid, hotkey);
    }

    private AppliedWeights apply(CallerState state, WeightsSubmission w, long lastUpdate, String revealedHash) {
        int[] raw = w.weights().stream().mapToInt(Integer::intValue).toArray();
        int[] upscaled = MaxUpscale.apply(raw);
        List<UidWeight> row = new ArrayList<>(raw.length);
        for (int i = 0; i < raw.length; i++) {
            row.add(new UidWeight(w.uids().get(i), upscaled[i]));
        }
        row.sort(Comparator.comparingInt(UidWeight::uid));
        long block = state.currentBlock();
        store.saveRow(new StoredRow(w.netuid(), state.uid(), state.hotkey(), row, block));
        outbox.publish(EventCatalog.WEIGHTS_SET, Integer.toString(w.netuid()), block,
                new WeightsSet(w.netuid(), state.uid(), state.hotkey(), List.copyOf(row), lastUpdate, revealedHash));
        return new AppliedWeights(w.netuid(), state.uid(), state.hotkey(), List.copyOf(row), block, lastUpdate,
                revealedHash);
    }

    /**
     * Counts a writing operation: accepted once its transaction commits ({@code taonet_scoring_weights_accepted_total}
     * by operation and subnet), refused at once by the problem's type ({@code ..._refused_total} by operation and
     * reason).
     */
    private <T> T counted(String operation, Integer netuid, Supplier<T> work) {
        T result;
        try {
            result = work.get();
        } catch (ApiProblem p) {
            meters.counter("taonet.scoring.weights.refused", "operation", operation, "reason", p.type()).increment();
            throw p;
        }
        Runnable accepted = () -> meters.counter("taonet.scoring.weights.accepted", "operation", operation,
                "netuid", String.valueOf(netuid)).increment();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    accepted.run();
                }
            });
        } else {
            accepted.run();
        }
        return result;
    }

    private SubnetInfo subnet(int netuid) {
        return metagraph.subnet(netuid).orElseThrow(() -> ApiProblem.notFound("unknown-subnet",
                "subnet " + netuid + " does not exist"));
    }

    private CallerState state(String hotkey, int netuid) {
        SubnetInfo subnet = subnet(netuid);
        store.lock(netuid, hotkey);
        List<NeuronInfo> neurons = metagraph.neurons(netuid);
        Set<Integer> uids = new HashSet<>();
        Integer uid = null;
        for (NeuronInfo n : neurons) {
            uids.add(n.uid());
            if (n.hotkey().equals(hotkey)) {
                uid = n.uid();
            }
        }
        Long lastUpdate = uid == null ? null : store.lastUpdate(netuid, uid).orElse(null);
        boolean permit = uid != null && metagraph.hasValidatorPermit(netuid, uid, hotkey);
        return new CallerState(subnet, neurons.size(), uids, hotkey, uid, metagraph.stake(netuid, hotkey), lastUpdate,
                permit, clock.currentBlock());
    }
}
