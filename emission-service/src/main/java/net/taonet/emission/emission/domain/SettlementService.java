package net.taonet.emission.emission.domain;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import net.taonet.emission.emission.domain.PayoutMath.EpochSplit;
import net.taonet.emission.emission.domain.PayoutMath.UidRao;
import net.taonet.emission.emission.domain.PayoutMath.UidShare;
import net.taonet.emission.ledger.domain.AccountKey;
import net.taonet.emission.ledger.domain.Books;
import net.taonet.emission.ledger.domain.Movement;
import net.taonet.emission.ledger.domain.Posting;
import net.taonet.emission.ledger.domain.Rao;
import net.taonet.emission.network.domain.NetworkDirectory;
import net.taonet.emission.network.domain.SubnetInfo;
import net.taonet.emission.stake.domain.TakeService;
import net.taonet.events.EventCatalog;
import net.taonet.events.EventCodec;
import net.taonet.events.EventCodec.MalformedEventException;
import net.taonet.events.EventEnvelope;
import net.taonet.events.consensus.EpochCompleted;
import net.taonet.events.ledger.EpochSettled;
import net.taonet.events.ledger.StakeChanged;
import net.taonet.platform.logging.LogContext;
import net.taonet.platform.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Settles completed epochs: accrual, owner cut, miner incentive, validator dividends (see package docs). */
@Service
public class SettlementService {

    private static final Logger log = LoggerFactory.getLogger(SettlementService.class);

    private final JdbcTemplate jdbc;
    private final Books books;
    private final NetworkDirectory network;
    private final TakeService takes;
    private final SplitPolicy policy;
    private final Outbox outbox;
    private final EventCodec codec;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;

    public SettlementService(JdbcTemplate jdbc, Books books, NetworkDirectory network, TakeService takes,
            SplitPolicy policy, Outbox outbox, EventCodec codec, PlatformTransactionManager txManager,
            MeterRegistry meters) {
        this.meters = meters;
        this.jdbc = jdbc;
        this.books = books;
        this.network = network;
        this.takes = takes;
        this.policy = policy;
        this.outbox = outbox;
        this.codec = codec;
        this.tx = new TransactionTemplate(txManager);
    }

    public enum Result { SETTLED, ALREADY_SETTLED, WAITING, GONE }

    // ---------------------------------------------------------------- receiving

    /** Rejects an event no settlement could use (it goes to the dead letters, never retried). */
    public static void validate(EpochCompleted e) {
        if (e.netuid() < 0 || e.epoch() < 0 || e.block() < 0 || e.uids() == null) {
            throw new MalformedEventException("EpochCompleted needs netuid, epoch, block ≥ 0 and a uid list");
        }
        Set<Integer> seen = new HashSet<>();
        List<UidShare> shares = new ArrayList<>();
        for (EpochCompleted.UidResult u : e.uids()) {
            if (u == null || !seen.add(u.uid())) {
                throw new MalformedEventException("EpochCompleted lists a UID twice (or a null UID)");
            }
            if ((u.serverEmissionBits() > 0 || u.validatorEmissionBits() > 0) && (u.hotkey() == null || u.hotkey().isBlank())) {
                throw new MalformedEventException("UID " + u.uid() + " earns but has no hotkey");
            }
            shares.add(new UidShare(u.uid(), u.hotkey(), u.serverEmissionBits(), u.validatorEmissionBits()));
        }
        try {
            PayoutMath.split(0, shares);
        } catch (IllegalArgumentException ex) {
            throw new MalformedEventException("EpochCompleted of subnet " + e.netuid() + " epoch " + e.epoch() + ": "
                    + ex.getMessage(), ex);
        }
    }

    /**
     * Takes a completed epoch (inside the idempotent consumer's transaction): settles it at once when nothing
     * of its subnet waits before it and the projections know everything it needs; otherwise keeps it in
     * {@code epoch_inbox} for {@link #settlePending(int)}. Returns what happened.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Result accept(UUID eventId, EpochCompleted e) {
        validate(e);
        if (settled(e.netuid(), e.epoch())) {
            return Result.ALREADY_SETTLED;
        }
        Integer queued = jdbc.queryForObject("SELECT count(*) FROM epoch_inbox WHERE netuid = ?", Integer.class, e.netuid());
        if (queued == null || queued == 0) {
            Optional<SubnetInfo> subnet = network.lockSubnet(e.netuid());
            if (subnet.isPresent()) {
                if (subnet.get().dissolved()) {
                    return Result.GONE;
                }
                if (settled(e.netuid(), e.epoch())) { // settled by a concurrent delivery while we waited for the lock
                    return Result.ALREADY_SETTLED;
                }
                String[] reason = new String[1];
                Result r = settle(subnet.get(), e, reason);
                if (r != Result.WAITING) {
                    return r;
                }
                log.info("epoch {} of subnet {} waits: {}", e.epoch(), e.netuid(), reason[0]);
            }
        }
        // Nothing has been written yet when an epoch must wait: it is only kept, in order, for the retry.
        jdbc.update("""
                INSERT INTO epoch_inbox (netuid, epoch, block, event_id, payload) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (netuid, epoch) DO NOTHING""",
                e.netuid(), e.epoch(), e.block(), eventId, codec.encode(e));
        return Result.WAITING;
    }

    private boolean settled(int netuid, long epoch) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM settlement WHERE netuid = ? AND epoch = ?",
                Integer.class, netuid, epoch);
        return n != null && n > 0;
    }

    /** Settles every waiting epoch of every subnet, each subnet in epoch order. Returns how many settled. */
    public int settleAllPending() {
        int n = 0;
        for (Integer netuid : jdbc.queryForList("SELECT DISTINCT netuid FROM epoch_inbox ORDER BY netuid", Integer.class)) {
            n += settlePending(netuid);
        }
        return n;
    }

    /** Settles the waiting epochs of one subnet in epoch order, stopping at the first that must wait. */
    public int settlePending(int netuid) {
        int settled = 0;
        while (true) {
            Optional<Long> next = jdbc.queryForList(
                    "SELECT epoch FROM epoch_inbox WHERE netuid = ? ORDER BY epoch LIMIT 1", Long.class, netuid)
                    .stream().findFirst();
            if (next.isEmpty()) {
                return settled;
            }
            long epoch = next.get();
            String[] waitReason = new String[1];
            Result r = tx.execute(status -> {
                Result result = settleOne(netuid, epoch, waitReason);
                if (result == Result.WAITING) {
                    status.setRollbackOnly();
                }
                return result;
            });
            if (r == Result.WAITING) {
                jdbc.update("UPDATE epoch_inbox SET attempts = attempts + 1, last_reason = ? WHERE netuid = ? AND epoch = ?",
                        truncate(waitReason[0]), netuid, epoch);
                log.info("epoch {} of subnet {} waits: {}", epoch, netuid, waitReason[0]);
                return settled;
            }
            if (r == Result.SETTLED) {
                settled++;
            }
        }
    }

    // ---------------------------------------------------------------- settling

    private Result settleOne(int netuid, long epoch, String[] waitReason) {
        Optional<SubnetInfo> found = network.lockSubnet(netuid);
        if (found.isEmpty()) {
            waitReason[0] = "subnet " + netuid + " is not known yet";
            return Result.WAITING;
        }
        SubnetInfo subnet = found.get();
        var rows = jdbc.queryForList("SELECT payload FROM epoch_inbox WHERE netuid = ? AND epoch = ? FOR UPDATE",
                String.class, netuid, epoch);
        if (rows.isEmpty()) {
            return Result.GONE;
        }
        if (settled(netuid, epoch)) {
            deleteInbox(netuid, epoch);
            return Result.ALREADY_SETTLED;
        }
        EpochCompleted e = codec.decode(EventCatalog.EPOCH_COMPLETED, rows.get(0));
        if (subnet.dissolved()) {
            deleteInbox(netuid, epoch);
            return Result.GONE;
        }
        Result r = settle(subnet, e, waitReason);
        if (r == Result.SETTLED) {
            deleteInbox(netuid, epoch);
        }
        return r;
    }

    /** Settles {@code e} for the locked, live {@code subnet}; WAITING returns before anything is written. */
    private Result settle(SubnetInfo subnet, EpochCompleted e, String[] waitReason) {
        try (LogContext context = LogContext.epoch(subnet.netuid(), e.epoch())) {
            return settleInContext(subnet, e, waitReason);
        }
    }

    private Result settleInContext(SubnetInfo subnet, EpochCompleted e, String[] waitReason) {
        int netuid = subnet.netuid();
        long epoch = e.epoch();
        Long from = subnet.accrualFromBlock();
        long blocks = from == null ? 0 : Math.max(0, e.block() - from);
        boolean earning = from != null && subnet.registrationAllowed();

        List<UidShare> shares = new ArrayList<>();
        Set<String> earningHotkeys = new TreeSet<>();
        Set<String> validatorHotkeys = new TreeSet<>();
        for (EpochCompleted.UidResult u : e.uids()) {
            shares.add(new UidShare(u.uid(), u.hotkey(), u.serverEmissionBits(), u.validatorEmissionBits()));
            if (u.serverEmissionBits() > 0 || u.validatorEmissionBits() > 0) {
                earningHotkeys.add(u.hotkey());
            }
            if (u.validatorEmissionBits() > 0) {
                validatorHotkeys.add(u.hotkey());
            }
        }
        Map<String, String> owners = blocks > 0 && earning ? network.ownersOf(earningHotkeys) : Map.of();
        if (blocks > 0 && earning && owners.size() < earningHotkeys.size()) {
            Set<String> missing = new TreeSet<>(earningHotkeys);
            missing.removeAll(owners.keySet());
            waitReason[0] = "the owners of " + missing.size() + " hotkey(s) are not known yet, e.g. " + missing.iterator().next();
            return Result.WAITING;
        }

        // The accounts a payout may credit; their balances (and issuance) are read under lock below.
        TreeSet<AccountKey> accounts = new TreeSet<>();
        accounts.add(AccountKey.ISSUANCE);
        accounts.add(AccountKey.RECYCLED);
        AccountKey ownerPosition = AccountKey.stake(subnet.ownerColdkey(), subnet.ownerHotkey(), netuid);
        Map<String, List<AccountKey>> nominators = new HashMap<>();
        Map<String, Integer> takeOf = Map.of();
        if (blocks > 0 && earning) {
            accounts.add(ownerPosition);
            for (String h : earningHotkeys) {
                accounts.add(AccountKey.stake(owners.get(h), h, netuid));
            }
            if (!validatorHotkeys.isEmpty()) {
                jdbc.query("""
                        SELECT coldkey, hotkey FROM account
                        WHERE kind = 'STAKE' AND netuid = ? AND hotkey = ANY(?) AND balance > 0""",
                        rs -> {
                            AccountKey k = AccountKey.stake(rs.getString(1), rs.getString(2), netuid);
                            nominators.computeIfAbsent(k.hotkey(), x -> new ArrayList<>()).add(k);
                            accounts.add(k);
                        }, netuid, new SqlArrayValue("varchar", validatorHotkeys.toArray()));
                takeOf = takes.takes(validatorHotkeys);
            }
        }
        List<SplitPolicy.EarningSubnet> earningSubnets = earning ? earningSubnets() : List.of();
        Map<String, Integer> takeRates = takeOf;
        long[] figures = new long[3]; // block emission, share num, share den
        EpochSplit[] splitHolder = new EpochSplit[1];

        Posting posting = books.post("SETTLEMENT", "epoch:" + netuid + ":" + epoch, accounts, balances -> {
            long issuance = -balances.of(AccountKey.ISSUANCE) - balances.of(AccountKey.RECYCLED);
            long blockEmission = Halving.blockEmission(issuance);
            SplitPolicy.Share share = earning ? policy.shareOf(netuid, earningSubnets) : SplitPolicy.Share.NONE;
            long accrued = PayoutMath.accrued(blocks, blockEmission, share, Math.max(0, Rao.MAX_SUPPLY - issuance));
            EpochSplit split = PayoutMath.split(accrued, shares);
            figures[0] = blockEmission;
            figures[1] = share.num();
            figures[2] = share.den();
            splitHolder[0] = split;
            Movement m = new Movement();
            if (accrued == 0) {
                return m;
            }
            m.move(AccountKey.ISSUANCE, ownerPosition, split.ownerCut());
            for (UidRao u : split.uids()) {
                if (u.minerRao() == 0 && u.validatorRao() == 0) {
                    continue;
                }
                AccountKey own = AccountKey.stake(owners.get(u.hotkey()), u.hotkey(), netuid);
                m.move(AccountKey.ISSUANCE, own, u.minerRao());
                if (u.validatorRao() > 0) {
                    List<AccountKey> positions = new ArrayList<>(nominators.getOrDefault(u.hotkey(), List.of()));
                    positions.sort(null);
                    long[] stakes = new long[positions.size()];
                    for (int i = 0; i < stakes.length; i++) {
                        stakes[i] = balances.of(positions.get(i));
                    }
                    PayoutMath.DividendSplit d = PayoutMath.splitDividend(u.validatorRao(),
                            takeRates.getOrDefault(u.hotkey(), TakeService.DEFAULT_TAKE), stakes);
                    m.move(AccountKey.ISSUANCE, own, d.take());
                    for (int i = 0; i < stakes.length; i++) {
                        m.move(AccountKey.ISSUANCE, positions.get(i), d.shares()[i]);
                    }
                }
            }
            return m;
        });

        EpochSplit split = splitHolder[0];
        long minted = posting.deltas().getOrDefault(AccountKey.ISSUANCE, 0L);
        if (-minted != split.ownerCut() + split.paid()) {
            throw new IllegalStateException("minted " + (-minted) + " but credited " + (split.ownerCut() + split.paid()));
        }
        jdbc.update("""
                INSERT INTO settlement (netuid, epoch, block, blocks_accrued, block_emission, share_num, share_den,
                    accrued_rao, owner_cut_rao, rao_emission, paid_rao, journal_tx)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                netuid, epoch, e.block(), blocks, figures[0], figures[1], figures[2], split.accrued(), split.ownerCut(),
                split.raoEmission(), split.paid(), posting.journalTx());
        recordPayouts(netuid, epoch, split.uids());
        if (from == null || e.block() > from) {
            jdbc.update("UPDATE subnet SET accrual_from_block = ?, last_settled_epoch = ? WHERE netuid = ?",
                    e.block(), epoch, netuid);
        }
        Map<String, String> hotkeyOwners = new HashMap<>(owners);
        hotkeyOwners.putIfAbsent(subnet.ownerHotkey(), subnet.ownerColdkey());
        publish(netuid, epoch, blocks, split, posting, hotkeyOwners);
        countAfterCommit(netuid, split.ownerCut() + split.paid());
        return Result.SETTLED;
    }

    /** Counted once the settlement commits: one that rolls back paid nothing. */
    private void countAfterCommit(int netuid, long creditedRao) {
        String subnet = Integer.toString(netuid);
        Runnable count = () -> {
            meters.counter("taonet.emission.settlements", "netuid", subnet).increment();
            meters.counter("taonet.emission.settled.credited.rao", "netuid", subnet).increment(creditedRao);
        };
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
    }

    /** One statement for all UIDs of the epoch: a settlement of 256 UIDs stays one round trip longer. */
    private void recordPayouts(int netuid, long epoch, List<UidRao> uids) {
        if (uids.isEmpty()) {
            return;
        }
        Integer[] uid = new Integer[uids.size()];
        String[] hotkey = new String[uids.size()];
        Long[] miner = new Long[uids.size()];
        Long[] validator = new Long[uids.size()];
        for (int i = 0; i < uid.length; i++) {
            UidRao u = uids.get(i);
            uid[i] = u.uid();
            hotkey[i] = u.hotkey();
            miner[i] = u.minerRao();
            validator[i] = u.validatorRao();
        }
        jdbc.update("""
                INSERT INTO settlement_payout (netuid, epoch, uid, hotkey, miner_rao, validator_rao)
                SELECT ?, ?, u.uid, u.hotkey, u.miner, u.validator
                FROM unnest(?::int[], ?::varchar[], ?::bigint[], ?::bigint[]) AS u(uid, hotkey, miner, validator)""",
                netuid, epoch, new SqlArrayValue("int4", (Object[]) uid), new SqlArrayValue("varchar", (Object[]) hotkey),
                new SqlArrayValue("int8", (Object[]) miner), new SqlArrayValue("int8", (Object[]) validator));
    }

    private void publish(int netuid, long epoch, long blocks, EpochSplit split, Posting posting,
            Map<String, String> owners) {
        String key = Integer.toString(netuid);
        List<EventEnvelope<?>> events = new ArrayList<>();
        List<EpochSettled.UidPayout> payouts = split.uids().stream()
                .map(u -> new EpochSettled.UidPayout(u.uid(), u.hotkey(), u.minerRao(), u.validatorRao())).toList();
        events.add(EventEnvelope.create(EventCatalog.EPOCH_SETTLED, key, posting.block(), new EpochSettled(netuid, epoch,
                blocks, split.accrued(), split.ownerCut(), split.raoEmission(), split.paid(), payouts)));
        // One StakeChanged per credited hotkey: its delta over all positions, and its new total.
        Map<String, Long> deltaByHotkey = new TreeMap<>();
        posting.deltas().forEach((k, d) -> {
            if (k.isStake()) {
                deltaByHotkey.merge(k.hotkey(), d, Long::sum);
            }
        });
        deltaByHotkey.forEach((hotkey, delta) -> events.add(EventEnvelope.create(EventCatalog.STAKE_CHANGED, key,
                posting.block(), new StakeChanged(netuid, hotkey, owners.get(hotkey), delta,
                        posting.hotkeyTotals().getOrDefault(new Posting.HotkeyStake(netuid, hotkey), 0L), "epoch_payout"))));
        outbox.publishAll(events);
    }

    /** The subnets that earn now and the TAO staked on each (read at settlement). */
    private List<SplitPolicy.EarningSubnet> earningSubnets() {
        return jdbc.query("""
                SELECT s.netuid, coalesce(ss.total, 0) FROM subnet s LEFT JOIN subnet_stake ss ON ss.netuid = s.netuid
                WHERE NOT s.dissolved AND s.registration_allowed AND s.accrual_from_block IS NOT NULL
                ORDER BY s.netuid""",
                (rs, i) -> new SplitPolicy.EarningSubnet(rs.getInt(1), rs.getLong(2)));
    }

    private void deleteInbox(int netuid, long epoch) {
        jdbc.update("DELETE FROM epoch_inbox WHERE netuid = ? AND epoch = ?", netuid, epoch);
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    /** A settlement as stored. */
    public record SettlementRecord(int netuid, long epoch, long block, long blocksAccrued, long blockEmissionRao,
            String share, long accruedRao, long ownerCutRao, long raoEmission, long paidRao, long dustRao, Long journalTx) {
    }

    public List<SettlementRecord> settlements(int netuid, int limit) {
        return jdbc.query("""
                SELECT * FROM settlement WHERE netuid = ? ORDER BY epoch DESC LIMIT ?""",
                (rs, i) -> new SettlementRecord(rs.getInt("netuid"), rs.getLong("epoch"), rs.getLong("block"),
                        rs.getLong("blocks_accrued"), rs.getLong("block_emission"),
                        rs.getBigDecimal("share_num").toPlainString() + "/" + rs.getBigDecimal("share_den").toPlainString(),
                        rs.getLong("accrued_rao"), rs.getLong("owner_cut_rao"), rs.getLong("rao_emission"),
                        rs.getLong("paid_rao"), rs.getLong("rao_emission") - rs.getLong("paid_rao"),
                        (Long) rs.getObject("journal_tx")), netuid, limit);
    }

    /** What each UID received in one settled epoch. */
    public record UidPayout(int uid, String hotkey, long minerRao, long validatorRao) {
    }

    /** The per-UID payouts of a settled epoch of a subnet. */
    public record EpochPayouts(int netuid, long epoch, long block, List<UidPayout> payouts) {
    }

    /** The payouts of {@code epoch}, or of the subnet's latest settled epoch when null; empty if not settled. */
    public Optional<EpochPayouts> payouts(int netuid, Long epoch) {
        List<long[]> found = epoch == null
                ? jdbc.query("SELECT epoch, block FROM settlement WHERE netuid = ? ORDER BY epoch DESC LIMIT 1",
                        (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, netuid)
                : jdbc.query("SELECT epoch, block FROM settlement WHERE netuid = ? AND epoch = ?",
                        (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)}, netuid, epoch);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        long settledEpoch = found.get(0)[0];
        List<UidPayout> payouts = jdbc.query("""
                SELECT uid, hotkey, miner_rao, validator_rao FROM settlement_payout
                WHERE netuid = ? AND epoch = ? ORDER BY uid""",
                (rs, i) -> new UidPayout(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getLong(4)),
                netuid, settledEpoch);
        return Optional.of(new EpochPayouts(netuid, settledEpoch, found.get(0)[1], payouts));
    }

    public Map<String, Object> pending() {
        Map<String, Object> out = new LinkedHashMap<>();
        jdbc.query("SELECT netuid, epoch, attempts, last_reason FROM epoch_inbox ORDER BY netuid, epoch",
                rs -> {
                    out.put(rs.getInt(1) + ":" + rs.getLong(2), Map.of("attempts", rs.getInt(3),
                            "reason", rs.getString(4) == null ? "" : rs.getString(4)));
                });
        return out;
    }
}
