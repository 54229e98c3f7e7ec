package net.taonet.consensus.epoch.domain;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import net.taonet.consensus.ConsensusProperties;
import net.taonet.events.EventCatalog;
import net.taonet.events.consensus.EpochCompleted;
import net.taonet.platform.chain.EpochSchedule;
import net.taonet.platform.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import net.taonet.platform.logging.LogContext;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs one subnet's due epoch in one transaction: lock the subnet, snapshot, compute, store inputs and
 * outputs, persist bonds and permits, mark the epoch done and publish {@code EpochCompleted} through the
 * outbox. A crash anywhere before the commit leaves no trace; the next tick (of any instance) runs it.
 */
@Component
public class EpochRunner {

    private static final Logger log = LoggerFactory.getLogger(EpochRunner.class);

    /** What a call did. */
    public enum Result { RAN, NOT_DUE, BUSY }

    private final EpochRepository repository;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final ConsensusProperties properties;
    private final Timer snapshotTimer;
    private final Timer engineTimer;
    private final Timer encodeTimer;
    private final Timer storeTimer;
    private final Timer storeEpochTimer;
    private final Timer storeUidsTimer;
    private final Timer storeBondsTimer;
    private final Timer storeOutboxTimer;
    private final Timer totalTimer;
    private final MeterRegistry meters;

    public EpochRunner(EpochRepository repository, Outbox outbox, PlatformTransactionManager txManager,
            ConsensusProperties properties, MeterRegistry meters) {
        this.repository = repository;
        this.outbox = outbox;
        this.tx = new TransactionTemplate(txManager);
        this.properties = properties;
        this.snapshotTimer = phase(meters, "snapshot");
        this.engineTimer = phase(meters, "engine");
        this.encodeTimer = phase(meters, "encode");
        this.storeTimer = phase(meters, "store");
        this.storeEpochTimer = phase(meters, "store.epoch");
        this.storeUidsTimer = phase(meters, "store.uids");
        this.storeBondsTimer = phase(meters, "store.bonds");
        this.storeOutboxTimer = phase(meters, "store.outbox");
        this.totalTimer = Timer.builder("taonet.consensus.epoch").description("one epoch run, lock to commit")
                .publishPercentileHistogram().register(meters);
        this.meters = meters;
    }

    private static Timer phase(MeterRegistry meters, String phase) {
        return Timer.builder("taonet.consensus.epoch.phase").tag("phase", phase)
                .description("time spent in one phase of an epoch run").register(meters);
    }

    /** Runs the subnet's epoch due at {@code currentBlock}, unless it ran already or another run holds the subnet. */
    public Result runIfDue(int netuid, long currentBlock) {
        try (LogContext context = LogContext.subnet(netuid)) {
            return runIfDue(netuid, currentBlock, context);
        }
    }

    private Result runIfDue(int netuid, long currentBlock, LogContext context) {
        long begin = System.nanoTime();
        Result result = tx.execute(status -> {
            Optional<SubnetRow> locked = repository.lockSubnet(netuid);
            if (locked.isEmpty()) {
                return Result.BUSY;
            }
            SubnetRow subnet = locked.get();
            if (subnet.dissolved()) {
                return Result.NOT_DUE;
            }
            OptionalLong due = EpochDue.dueEpoch(netuid, subnet.tempo(), subnet.registeredAtBlock(), subnet.lastEpoch(),
                    subnet.lastEpochBlock(), currentBlock);
            if (due.isEmpty()) {
                return Result.NOT_DUE;
            }
            long epoch = due.getAsLong();
            context.with(LogContext.EPOCH, epoch);
            long block = EpochDue.epochBlock(netuid, subnet.tempo(), currentBlock);
            long scheduleIndex = EpochSchedule.epochIndex(netuid, subnet.tempo(), block);
            long t0 = System.nanoTime();
            EpochSnapshot snapshot = repository.readSnapshot(subnet, epoch, block, scheduleIndex,
                    properties.raoEmission());
            long t1 = System.nanoTime();
            List<UidOutcome> outcomes = EpochEngine.run(snapshot);
            long t2 = System.nanoTime();
            long micros = (t2 - t1) / 1_000;
            String json = SnapshotJson.write(snapshot);
            String hash = SnapshotJson.sha256(json);
            EpochCompleted event = completedEvent(snapshot, hash, outcomes);
            long t3 = System.nanoTime();
            if (repository.insertEpoch(snapshot, json, hash, properties.instanceId(), micros) == 0) {
                status.setRollbackOnly();
                return Result.NOT_DUE;
            }
            long s1 = System.nanoTime();
            repository.insertOutcomes(netuid, epoch, outcomes);
            long s2 = System.nanoTime();
            repository.persistBondsAndPermits(netuid, snapshot, outcomes);
            repository.markEpochDone(netuid, epoch, block);
            long s3 = System.nanoTime();
            outbox.publish(EventCatalog.EPOCH_COMPLETED, Integer.toString(netuid), block, event);
            long t4 = System.nanoTime();
            storeEpochTimer.record(s1 - t3, TimeUnit.NANOSECONDS);
            storeUidsTimer.record(s2 - s1, TimeUnit.NANOSECONDS);
            storeBondsTimer.record(s3 - s2, TimeUnit.NANOSECONDS);
            storeOutboxTimer.record(t4 - s3, TimeUnit.NANOSECONDS);
            snapshotTimer.record(t1 - t0, TimeUnit.NANOSECONDS);
            engineTimer.record(t2 - t1, TimeUnit.NANOSECONDS);
            encodeTimer.record(t3 - t2, TimeUnit.NANOSECONDS);
            storeTimer.record(t4 - t3, TimeUnit.NANOSECONDS);
            log.debug("subnet {} epoch {} at block {}: n={} in {} µs", netuid, epoch, block, snapshot.n(), micros);
            return Result.RAN;
        });
        if (result == Result.RAN) {
            totalTimer.record(System.nanoTime() - begin, TimeUnit.NANOSECONDS);
            meters.counter("taonet.consensus.epochs", "netuid", Integer.toString(netuid)).increment();
        }
        return result == null ? Result.NOT_DUE : result;
    }

    static EpochCompleted completedEvent(EpochSnapshot s, String hash, List<UidOutcome> outcomes) {
        List<EpochCompleted.UidResult> uids = outcomes.stream()
                .filter(o -> o.hotkey() != null) // hotkey-less UIDs earn nothing and are not reported (spec §11.10)
                .map(o -> new EpochCompleted.UidResult(o.uid(), o.hotkey(), o.active(), o.stakeWeight(), o.consensus(),
                        o.incentive(), o.dividends(), o.validatorTrust(), o.validatorPermit(), o.serverEmissionBits(),
                        o.validatorEmissionBits()))
                .toList();
        return new EpochCompleted(s.netuid(), s.epoch(), s.block(), hash, uids);
    }
}
