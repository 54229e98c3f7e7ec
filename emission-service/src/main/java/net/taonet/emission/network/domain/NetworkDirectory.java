package net.taonet.emission.network.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import net.taonet.emission.ledger.domain.AccountKey;
import net.taonet.emission.ledger.domain.Books;
import net.taonet.emission.ledger.domain.Movement;
import net.taonet.emission.ledger.domain.Posting;
import net.taonet.emission.ledger.domain.Rao;
import net.taonet.emission.stake.domain.StakeEvents;
import net.taonet.events.registry.NeuronRegistered;
import net.taonet.events.registry.NeuronReplaced;
import net.taonet.events.registry.SubnetDissolved;
import net.taonet.events.registry.SubnetHyperparametersChanged;
import net.taonet.events.registry.SubnetRegistered;
import net.taonet.platform.problem.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The network projection: applied from registry events, read by staking, takes and settlement. */
@Component
public class NetworkDirectory {

    private static final Logger log = LoggerFactory.getLogger(NetworkDirectory.class);

    static final RowMapper<SubnetInfo> SUBNET = (rs, i) -> new SubnetInfo(rs.getInt("netuid"),
            rs.getString("owner_coldkey"), rs.getString("owner_hotkey"), rs.getBoolean("registration_allowed"),
            rs.getInt("tempo"), rs.getLong("registered_at_block"), rs.getBoolean("dissolved"),
            (Long) rs.getObject("accrual_from_block"), (Long) rs.getObject("last_settled_epoch"));

    private final JdbcTemplate jdbc;
    private final Books books;
    private final StakeEvents stakeEvents;

    public NetworkDirectory(JdbcTemplate jdbc, Books books, StakeEvents stakeEvents) {
        this.jdbc = jdbc;
        this.books = books;
        this.stakeEvents = stakeEvents;
    }

    // ---- reads

    public Optional<SubnetInfo> subnet(int netuid) {
        return jdbc.query("SELECT * FROM subnet WHERE netuid = ?", SUBNET, netuid).stream().findFirst();
    }

    /**
     * A subnet the ledger has learned of from the registry, or a 404 {@code unknown-subnet} for the reads of
     * a subnet. A dissolved subnet is known: its stakes and settlements stay readable.
     */
    public SubnetInfo knownSubnet(int netuid) {
        return subnet(netuid).orElseThrow(() -> ApiProblem.notFound("unknown-subnet",
                "subnet " + netuid + " is not registered").with("netuid", netuid));
    }

    /** Locks the subnet's row (before any account: see the ledger's lock order). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<SubnetInfo> lockSubnet(int netuid) {
        return jdbc.query("SELECT * FROM subnet WHERE netuid = ? FOR UPDATE", SUBNET, netuid).stream().findFirst();
    }

    public List<SubnetInfo> subnets() {
        return jdbc.query("SELECT * FROM subnet ORDER BY netuid", SUBNET);
    }

    public boolean holdsUid(String hotkey, int netuid) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM neuron WHERE netuid = ? AND hotkey = ?", Integer.class,
                netuid, hotkey);
        return n != null && n > 0;
    }

    public Optional<String> ownerOf(String hotkey) {
        return jdbc.queryForList("SELECT coldkey FROM hotkey_owner WHERE hotkey = ?", String.class, hotkey).stream()
                .findFirst();
    }

    /** The owning coldkey of each known hotkey among {@code hotkeys}. */
    public Map<String, String> ownersOf(Collection<String> hotkeys) {
        Map<String, String> owners = new HashMap<>();
        if (hotkeys.isEmpty()) {
            return owners;
        }
        jdbc.query("SELECT hotkey, coldkey FROM hotkey_owner WHERE hotkey = ANY(?)",
                rs -> {
                    owners.put(rs.getString(1), rs.getString(2));
                }, new SqlArrayValue("varchar", hotkeys.toArray()));
        return owners;
    }

    // ---- registry events (each runs inside the idempotent consumer's transaction)

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(SubnetRegistered e) {
        requireText(e.ownerColdkey(), "ownerColdkey");
        requireText(e.ownerHotkey(), "ownerHotkey");
        boolean allowed = e.hyperparameters() == null || e.hyperparameters().registrationAllowed();
        int tempo = e.hyperparameters() == null ? 360 : e.hyperparameters().tempo();
        // A newer registration of a netuid (after a dissolution) replaces the old subnet; an older or
        // repeated one never resets a live subnet's accrual.
        int changed = jdbc.update("""
                INSERT INTO subnet (netuid, owner_coldkey, owner_hotkey, registration_allowed, tempo, registered_at_block)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (netuid) DO UPDATE SET owner_coldkey = excluded.owner_coldkey,
                    owner_hotkey = excluded.owner_hotkey, registration_allowed = excluded.registration_allowed,
                    tempo = excluded.tempo, registered_at_block = excluded.registered_at_block, dissolved = FALSE,
                    accrual_from_block = NULL, last_settled_epoch = NULL
                WHERE subnet.dissolved OR subnet.registered_at_block < excluded.registered_at_block""",
                e.netuid(), e.ownerColdkey(), e.ownerHotkey(), allowed, tempo, e.registeredAtBlock());
        if (changed == 0) {
            log.info("ignoring SubnetRegistered for live subnet {} (not newer)", e.netuid());
            return;
        }
        claimHotkey(e.ownerHotkey(), e.ownerColdkey());
        putNeuron(e.netuid(), 0, e.ownerHotkey(), e.registeredAtBlock());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(SubnetHyperparametersChanged e) {
        if (e.hyperparameters() == null) {
            throw new IllegalArgumentException("SubnetHyperparametersChanged without hyperparameters");
        }
        int n = jdbc.update("UPDATE subnet SET registration_allowed = ?, tempo = ? WHERE netuid = ? AND NOT dissolved",
                e.hyperparameters().registrationAllowed(), e.hyperparameters().tempo(), e.netuid());
        if (n == 0) {
            log.warn("hyperparameters of unknown or dissolved subnet {} ignored", e.netuid());
        }
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(NeuronRegistered e) {
        requireText(e.hotkey(), "hotkey");
        requireText(e.coldkey(), "coldkey");
        claimHotkey(e.hotkey(), e.coldkey());
        putNeuron(e.netuid(), e.uid(), e.hotkey(), e.registrationBlock());
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(NeuronReplaced e) {
        requireText(e.hotkey(), "hotkey");
        requireText(e.coldkey(), "coldkey");
        claimHotkey(e.hotkey(), e.coldkey());
        putNeuron(e.netuid(), e.uid(), e.hotkey(), e.registrationBlock());
    }

    /**
     * Dissolution: the lock goes back to the owner, every position on the subnet back to its coldkey
     * (dust that the existential deposit forbids is recycled), lock charges are marked refunded, the
     * subnet's neurons and pending epochs are forgotten.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(SubnetDissolved e) {
        Optional<SubnetInfo> found = lockSubnet(e.netuid());
        if (found.isEmpty() || found.get().dissolved()) {
            log.warn("SubnetDissolved for unknown or already dissolved subnet {} ignored", e.netuid());
            return;
        }
        SubnetInfo subnet = found.get();
        String owner = e.ownerColdkey() != null ? e.ownerColdkey() : subnet.ownerColdkey();
        List<AccountKey> positions = jdbc.query("""
                SELECT coldkey, hotkey FROM account WHERE kind = 'STAKE' AND netuid = ? AND balance > 0""",
                (rs, i) -> AccountKey.stake(rs.getString(1), rs.getString(2), e.netuid()), e.netuid());
        TreeSet<AccountKey> accounts = new TreeSet<>(positions);
        AccountKey lock = AccountKey.lock(e.netuid());
        AccountKey ownerFree = AccountKey.free(owner);
        accounts.add(lock);
        accounts.add(ownerFree);
        accounts.add(AccountKey.RECYCLED);
        positions.forEach(p -> accounts.add(AccountKey.free(p.coldkey())));
        Posting posting = books.post("SUBNET_DISSOLVED", "netuid:" + e.netuid() + "@" + subnet.registeredAtBlock(),
                accounts, balances -> {
                    Movement m = new Movement();
                    Map<AccountKey, Long> free = new HashMap<>();
                    for (AccountKey k : accounts) {
                        if (k.isFree()) {
                            free.put(k, balances.of(k));
                        }
                    }
                    m.move(lock, ownerFree, balances.of(lock));
                    free.merge(ownerFree, balances.of(lock), Long::sum);
                    for (AccountKey p : new TreeSet<>(positions)) {
                        long amount = balances.of(p);
                        AccountKey to = AccountKey.free(p.coldkey());
                        long result = free.get(to) + amount;
                        if (result < Rao.EXISTENTIAL_DEPOSIT) {
                            m.move(p, AccountKey.RECYCLED, amount);
                        } else {
                            m.move(p, to, amount);
                            free.put(to, result);
                        }
                    }
                    return m;
                });
        jdbc.update("UPDATE subnet SET dissolved = TRUE WHERE netuid = ?", e.netuid());
        jdbc.update("DELETE FROM neuron WHERE netuid = ?", e.netuid());
        jdbc.update("DELETE FROM epoch_inbox WHERE netuid = ?", e.netuid());
        jdbc.update("""
                UPDATE charge SET state = 'REFUNDED', refund_tx = ?, refunded_block = ?
                WHERE netuid = ? AND kind = 'LOCK' AND state = 'CHARGED'""",
                posting.journalTx(), posting.block(), e.netuid());
        posting.deltas().forEach((k, d) -> {
            if (k.isStake()) {
                stakeEvents.stakeChanged(k.netuid(), k.hotkey(), k.coldkey(), d,
                        posting.hotkeyTotals().getOrDefault(new Posting.HotkeyStake(k.netuid(), k.hotkey()), 0L),
                        "subnet_dissolved", posting.block());
            }
        });
    }

    private void claimHotkey(String hotkey, String coldkey) {
        int n = jdbc.update("INSERT INTO hotkey_owner (hotkey, coldkey) VALUES (?, ?) ON CONFLICT DO NOTHING",
                hotkey, coldkey);
        if (n == 0) {
            String owner = ownerOf(hotkey).orElse(coldkey);
            if (!owner.equals(coldkey)) {
                log.warn("hotkey {} already belongs to {}; registration by {} does not change that", hotkey, owner,
                        coldkey);
            }
        }
    }

    private void putNeuron(int netuid, int uid, String hotkey, long registrationBlock) {
        jdbc.update("""
                INSERT INTO neuron (netuid, uid, hotkey, registration_block) VALUES (?, ?, ?, ?)
                ON CONFLICT (netuid, uid) DO UPDATE SET hotkey = excluded.hotkey,
                    registration_block = excluded.registration_block
                WHERE neuron.registration_block <= excluded.registration_block""",
                netuid, uid, hotkey, registrationBlock);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("registry event without " + name);
        }
    }
}
