package net.taonet.emission.ledger.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import net.taonet.platform.chain.BlockClock;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Posts journal transactions: the only code that changes balances. See the package documentation for
 * the lock order that keeps concurrent postings free of deadlocks and overdrafts.
 */
@Component
public class Books {

    /** Bound of the account-id cache (about 100 bytes an entry). */
    private static final int MAX_KNOWN_IDS = 500_000;

    private final JdbcTemplate jdbc;
    private final BlockClock clock;
    private final Map<String, Long> knownIds = new ConcurrentHashMap<>();

    public Books(JdbcTemplate jdbc, BlockClock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Creates the accounts that do not exist yet, locks all of {@code accounts} in id order, asks
     * {@code movement} for the deltas given the locked balances (it may refuse by throwing an
     * {@link ApiProblem}), checks that no balance goes negative and that free balances respect the
     * existential deposit, and writes the journal transaction, the balances and the hotkey totals.
     * Must run inside the caller's transaction.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Posting post(String kind, String reference, Collection<AccountKey> accounts,
            Function<Balances, Movement> movement) {
        TreeSet<AccountKey> keys = new TreeSet<>(accounts);
        Map<AccountKey, long[]> locked = createAndLock(keys);
        Map<AccountKey, Long> before = new HashMap<>();
        locked.forEach((k, v) -> before.put(k, v[1]));
        Movement m = movement.apply(new Balances(before));

        Map<AccountKey, Long> deltas = new TreeMap<>();
        long sum = 0;
        for (Map.Entry<AccountKey, Long> e : m.deltas().entrySet()) {
            if (!locked.containsKey(e.getKey())) {
                throw new IllegalStateException(e.getKey().name() + " moves but was not locked");
            }
            if (e.getValue() != 0) {
                deltas.put(e.getKey(), e.getValue());
                sum = Math.addExact(sum, e.getValue());
            }
        }
        if (sum != 0) {
            throw new IllegalStateException("unbalanced movement: lines sum to " + sum);
        }
        long block = clock.currentBlock();
        Map<AccountKey, Long> after = new HashMap<>(before);
        deltas.forEach((k, d) -> after.merge(k, d, Math::addExact));
        checkRules(before, after);
        if (deltas.isEmpty()) {
            return new Posting(null, block, deltas, after, Map.of());
        }
        long tx = write(kind, reference, block, deltas, locked);
        Map<Posting.HotkeyStake, Long> totals = updateHotkeyTotals(deltas);
        return new Posting(tx, block, deltas, after, totals);
    }

    private Map<AccountKey, long[]> createAndLock(TreeSet<AccountKey> keys) {
        int n = keys.size();
        Long[] ids = new Long[n];
        int i = 0;
        for (AccountKey k : keys) {
            ids[i] = knownIds.get(k.name());
            if (ids[i++] == null) {
                return createAndLockByName(keys);
            }
        }
        // Every account is known: lock by primary key, no creation step.
        Map<Long, AccountKey> byId = new HashMap<>();
        i = 0;
        for (AccountKey k : keys) {
            byId.put(ids[i++], k);
        }
        Map<AccountKey, long[]> locked = new HashMap<>();
        jdbc.query("SELECT id, balance FROM account WHERE id = ANY(?) ORDER BY id FOR UPDATE",
                rs -> {
                    locked.put(byId.get(rs.getLong(1)), new long[] {rs.getLong(1), rs.getLong(2)});
                }, new SqlArrayValue("int8", (Object[]) ids));
        if (locked.size() != n) {
            throw new IllegalStateException("expected " + n + " accounts, locked " + locked.size());
        }
        return locked;
    }

    private Map<AccountKey, long[]> createAndLockByName(TreeSet<AccountKey> keys) {
        int n = keys.size();
        String[] kinds = new String[n];
        String[] names = new String[n];
        String[] coldkeys = new String[n];
        String[] hotkeys = new String[n];
        Integer[] netuids = new Integer[n];
        Map<String, AccountKey> byName = new HashMap<>();
        int i = 0;
        for (AccountKey k : keys) {
            kinds[i] = k.kind().name();
            names[i] = k.name();
            coldkeys[i] = k.coldkey();
            hotkeys[i] = k.hotkey();
            netuids[i] = k.netuid();
            byName.put(k.name(), k);
            i++;
        }
        // Inserts in name order, before any row lock is taken (see the package documentation).
        Set<String> created = new HashSet<>(jdbc.queryForList("""
                INSERT INTO account (kind, name, coldkey, hotkey, netuid)
                SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::int[])
                    AS t(kind, name, coldkey, hotkey, netuid)
                WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.name = t.name)
                ORDER BY 2
                ON CONFLICT (name) DO NOTHING
                RETURNING name""", String.class,
                new SqlArrayValue("varchar", (Object[]) kinds), new SqlArrayValue("varchar", (Object[]) names),
                new SqlArrayValue("varchar", (Object[]) coldkeys), new SqlArrayValue("varchar", (Object[]) hotkeys),
                new SqlArrayValue("int4", (Object[]) netuids)));
        Map<AccountKey, long[]> locked = new HashMap<>();
        Map<String, Long> createdIds = new HashMap<>();
        jdbc.query("SELECT id, name, balance FROM account WHERE name = ANY(?) ORDER BY id FOR UPDATE",
                rs -> {
                    String name = rs.getString(2);
                    locked.put(byName.get(name), new long[] {rs.getLong(1), rs.getLong(3)});
                    if (created.contains(name)) {
                        createdIds.put(name, rs.getLong(1));
                    } else {
                        remember(name, rs.getLong(1));
                    }
                }, new SqlArrayValue("varchar", (Object[]) names));
        if (locked.size() != n) {
            throw new IllegalStateException("expected " + n + " accounts, locked " + locked.size());
        }
        if (!createdIds.isEmpty() && TransactionSynchronizationManager.isSynchronizationActive()) {
            // An account created here exists for others only once this transaction commits.
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    createdIds.forEach(Books.this::remember);
                }
            });
        }
        return locked;
    }

    /** Accounts are never deleted and never change id (a trigger forbids deletion), so ids can be cached. */
    private void remember(String name, long id) {
        if (knownIds.size() >= MAX_KNOWN_IDS) {
            knownIds.clear();
        }
        knownIds.put(name, id);
    }

    private static void checkRules(Map<AccountKey, Long> before, Map<AccountKey, Long> after) {
        for (Map.Entry<AccountKey, Long> e : after.entrySet()) {
            AccountKey k = e.getKey();
            long b = e.getValue();
            if (b < 0 && !k.mayBeNegative()) {
                throw ApiProblem.unprocessable("insufficient-balance", describe(k) + " holds " + before.get(k)
                        + " rao; the movement needs " + (before.get(k) - b) + " rao")
                        .with("account", k.name()).with("balanceRao", before.get(k)).with("neededRao", before.get(k) - b);
            }
            if (k.isFree() && b > 0 && b < Rao.EXISTENTIAL_DEPOSIT && b != before.get(k)) {
                throw ApiProblem.unprocessable("existential-deposit", describe(k) + " would hold " + b
                        + " rao; a free balance is 0 or at least " + Rao.EXISTENTIAL_DEPOSIT + " rao")
                        .with("account", k.name()).with("resultingBalanceRao", b)
                        .with("existentialDepositRao", Rao.EXISTENTIAL_DEPOSIT);
            }
        }
    }

    static String describe(AccountKey k) {
        return switch (k.kind()) {
            case FREE -> "the free balance of " + k.coldkey();
            case STAKE -> "the stake of " + k.coldkey() + " on hotkey " + k.hotkey() + " in subnet " + k.netuid();
            case SYSTEM -> "the system account " + k.name();
        };
    }

    private long write(String kind, String reference, long block, Map<AccountKey, Long> deltas,
            Map<AccountKey, long[]> locked) {
        int n = deltas.size();
        Long[] ids = new Long[n];
        Long[] amounts = new Long[n];
        int i = 0;
        for (Map.Entry<AccountKey, Long> e : deltas.entrySet()) {
            ids[i] = locked.get(e.getKey())[0];
            amounts[i] = e.getValue();
            i++;
        }
        // One statement: balances, the transaction and its lines (the line trigger checks the sum).
        return jdbc.queryForObject("""
                WITH d AS (SELECT * FROM unnest(?::bigint[], ?::bigint[]) AS t(id, delta)),
                     upd AS (UPDATE account a SET balance = a.balance + d.delta FROM d WHERE a.id = d.id
                             RETURNING a.id, a.balance, d.delta),
                     tx AS (INSERT INTO journal_tx (kind, reference, block) VALUES (?, ?, ?) RETURNING id),
                     lines AS (INSERT INTO journal_line (tx_id, account_id, amount, balance_after)
                               SELECT tx.id, upd.id, upd.delta, upd.balance FROM upd, tx RETURNING tx_id)
                SELECT (SELECT id FROM tx) WHERE (SELECT count(*) FROM lines) = ?""",
                Long.class, new SqlArrayValue("int8", (Object[]) ids), new SqlArrayValue("int8", (Object[]) amounts),
                kind, reference, block, n);
    }

    private Map<Posting.HotkeyStake, Long> updateHotkeyTotals(Map<AccountKey, Long> deltas) {
        TreeMap<Posting.HotkeyStake, Long> byHotkey = new TreeMap<>();
        deltas.forEach((k, d) -> {
            if (k.isStake()) {
                byHotkey.merge(new Posting.HotkeyStake(k.netuid(), k.hotkey()), d, Math::addExact);
            }
        });
        byHotkey.values().removeIf(d -> d == 0);
        if (byHotkey.isEmpty()) {
            return Map.of();
        }
        int n = byHotkey.size();
        Integer[] netuids = new Integer[n];
        String[] hotkeys = new String[n];
        Long[] amounts = new Long[n];
        int i = 0;
        for (Map.Entry<Posting.HotkeyStake, Long> e : byHotkey.entrySet()) {
            netuids[i] = e.getKey().netuid();
            hotkeys[i] = e.getKey().hotkey();
            amounts[i] = e.getValue();
            i++;
        }
        Map<Posting.HotkeyStake, Long> totals = new TreeMap<>();
        jdbc.query("""
                INSERT INTO hotkey_stake (netuid, hotkey, total)
                SELECT * FROM unnest(?::int[], ?::varchar[], ?::bigint[]) ORDER BY 1, 2
                ON CONFLICT (netuid, hotkey) DO UPDATE SET total = hotkey_stake.total + excluded.total
                RETURNING netuid, hotkey, total""",
                rs -> {
                    totals.put(new Posting.HotkeyStake(rs.getInt(1), rs.getString(2)), rs.getLong(3));
                }, new SqlArrayValue("int4", (Object[]) netuids), new SqlArrayValue("varchar", (Object[]) hotkeys),
                new SqlArrayValue("int8", (Object[]) amounts));
        TreeMap<Integer, Long> bySubnet = new TreeMap<>();
        byHotkey.forEach((h, d) -> bySubnet.merge(h.netuid(), d, Math::addExact));
        bySubnet.values().removeIf(d -> d == 0);
        if (!bySubnet.isEmpty()) {
            jdbc.update("""
                    INSERT INTO subnet_stake (netuid, total)
                    SELECT * FROM unnest(?::int[], ?::bigint[]) ORDER BY 1
                    ON CONFLICT (netuid) DO UPDATE SET total = subnet_stake.total + excluded.total""",
                    new SqlArrayValue("int4", bySubnet.keySet().toArray()),
                    new SqlArrayValue("int8", bySubnet.values().toArray()));
        }
        return totals;
    }

    /** Balances of accounts by key, without locking (0 for accounts that do not exist). */
    public Map<AccountKey, Long> peek(Collection<AccountKey> keys) {
        Map<String, AccountKey> byName = new HashMap<>();
        keys.forEach(k -> byName.put(k.name(), k));
        Map<AccountKey, Long> out = new HashMap<>();
        keys.forEach(k -> out.put(k, 0L));
        List<String> names = new ArrayList<>(byName.keySet());
        jdbc.query("SELECT name, balance FROM account WHERE name = ANY(?)",
                rs -> {
                    out.put(byName.get(rs.getString(1)), rs.getLong(2));
                }, new SqlArrayValue("varchar", names.toArray()));
        return out;
    }
}
