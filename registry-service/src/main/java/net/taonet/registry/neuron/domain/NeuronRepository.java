package net.taonet.registry.neuron.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tables {@code neuron}, {@code hotkey_owner} and {@code hotkey_stake}. */
@Repository
public class NeuronRepository {

    private static final String COLUMNS = "netuid, uid, hotkey, coldkey, registered_at_block, burn_rao, emission_rao";

    private final JdbcClient jdbc;

    public NeuronRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Neuron> ofSubnet(int netuid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM neuron WHERE netuid = ? ORDER BY uid").param(netuid)
                .query(NeuronRepository::row).list();
    }

    public Optional<Neuron> find(int netuid, int uid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM neuron WHERE netuid = ? AND uid = ?").params(netuid, uid)
                .query(NeuronRepository::row).optional();
    }

    public Optional<Neuron> findByHotkey(int netuid, String hotkey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM neuron WHERE netuid = ? AND hotkey = ?").params(netuid, hotkey)
                .query(NeuronRepository::row).optional();
    }

    public List<Neuron> ofHotkey(String hotkey) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM neuron WHERE hotkey = ? ORDER BY netuid").param(hotkey)
                .query(NeuronRepository::row).list();
    }

    public int count(int netuid) {
        return jdbc.sql("SELECT count(*) FROM neuron WHERE netuid = ?").param(netuid).query(Integer.class).single();
    }

    public java.util.Map<Integer, Integer> counts() {
        java.util.Map<Integer, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("SELECT netuid, count(*) FROM neuron GROUP BY netuid")
                .query((ResultSet rs) -> {
                    counts.put(rs.getInt(1), rs.getInt(2));
                });
        return counts;
    }

    public void insert(Neuron n) {
        jdbc.sql("""
                INSERT INTO neuron (netuid, uid, hotkey, coldkey, registered_at_block, burn_rao, emission_rao)
                VALUES (?, ?, ?, ?, ?, ?, 0)""")
                .params(n.netuid(), n.uid(), n.hotkey(), n.coldkey(), n.registeredAtBlock(), n.burnRao()).update();
    }

    /** The slot gets a new holder: registration block now, no emission yet. */
    public void replace(int netuid, int uid, String hotkey, String coldkey, long block, long burnRao) {
        jdbc.sql("""
                UPDATE neuron SET hotkey = ?, coldkey = ?, registered_at_block = ?, burn_rao = ?, emission_rao = 0
                WHERE netuid = ? AND uid = ?""")
                .params(hotkey, coldkey, block, burnRao, netuid, uid).update();
    }

    /**
     * Claims {@code hotkey} for {@code coldkey} if no one has it; returns its owner (the claimer, or whoever
     * had it). A concurrent claim waits for the other transaction, so both never win.
     */
    public String claimHotkey(String hotkey, String coldkey, long block) {
        jdbc.sql("INSERT INTO hotkey_owner (hotkey, coldkey, first_block) VALUES (?, ?, ?) ON CONFLICT DO NOTHING")
                .params(hotkey, coldkey, block).update();
        return jdbc.sql("SELECT coldkey FROM hotkey_owner WHERE hotkey = ?").param(hotkey).query(String.class).single();
    }

    public Optional<String> ownerOf(String hotkey) {
        return jdbc.sql("SELECT coldkey FROM hotkey_owner WHERE hotkey = ?").param(hotkey).query(String.class).optional();
    }

    /** Last settled emission: every UID 0 unless paid, and a payout counts only for the hotkey it was for. */
    public void setEmissions(int netuid, List<EmissionOfUid> emissions) {
        jdbc.sql("UPDATE neuron SET emission_rao = 0 WHERE netuid = ?").param(netuid).update();
        for (EmissionOfUid e : emissions) {
            jdbc.sql("UPDATE neuron SET emission_rao = ? WHERE netuid = ? AND uid = ? AND hotkey = ?")
                    .params(e.rao(), netuid, e.uid(), e.hotkey()).update();
        }
    }

    public record EmissionOfUid(int uid, String hotkey, long rao) {
    }

    public void setStake(int netuid, String hotkey, long totalRao) {
        jdbc.sql("""
                INSERT INTO hotkey_stake (netuid, hotkey, total_rao) VALUES (?, ?, ?)
                ON CONFLICT (netuid, hotkey) DO UPDATE SET total_rao = EXCLUDED.total_rao""")
                .params(netuid, hotkey, totalRao).update();
    }

    public java.util.Map<String, Long> stakes(int netuid) {
        java.util.Map<String, Long> stakes = new java.util.HashMap<>();
        jdbc.sql("SELECT hotkey, total_rao FROM hotkey_stake WHERE netuid = ?").param(netuid)
                .query((ResultSet rs) -> {
                    stakes.put(rs.getString(1), rs.getLong(2));
                });
        return stakes;
    }

    public long stake(int netuid, String hotkey) {
        return jdbc.sql("SELECT total_rao FROM hotkey_stake WHERE netuid = ? AND hotkey = ?").params(netuid, hotkey)
                .query(Long.class).optional().orElse(0L);
    }

    private static Neuron row(ResultSet rs, int i) throws SQLException {
        return new Neuron(rs.getInt("netuid"), rs.getInt("uid"), rs.getString("hotkey"), rs.getString("coldkey"),
                rs.getLong("registered_at_block"), rs.getLong("burn_rao"), rs.getLong("emission_rao"));
    }
}
