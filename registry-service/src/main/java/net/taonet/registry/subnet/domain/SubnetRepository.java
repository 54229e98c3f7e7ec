package net.taonet.registry.subnet.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.taonet.events.registry.Hyperparameters;
import net.taonet.events.registry.SubnetIdentity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Tables {@code subnet}, {@code network_state} and {@code hyperparameter_change}. */
@Repository
public class SubnetRepository {

    static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private static final String COLUMNS = """
            netuid, owner_coldkey, owner_hotkey, task_type, name, description, url, contact, hyperparameters,
            lock_rao, registered_at_block, burn_rao, burn_block, last_settled_epoch""";

    private final JdbcClient jdbc;

    public SubnetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The creation state, locked until the end of the transaction. */
    public record NetworkState(long lastLockRao, Long lastCreationBlock) {
    }

    public NetworkState lockNetwork() {
        return jdbc.sql("SELECT last_lock_rao, last_creation_block FROM network_state WHERE id = 1 FOR UPDATE")
                .query((rs, i) -> new NetworkState(rs.getLong(1), (Long) rs.getObject(2))).single();
    }

    public NetworkState network() {
        return jdbc.sql("SELECT last_lock_rao, last_creation_block FROM network_state WHERE id = 1")
                .query((rs, i) -> new NetworkState(rs.getLong(1), (Long) rs.getObject(2))).single();
    }

    public void recordCreation(long lockRao, long block) {
        jdbc.sql("UPDATE network_state SET last_lock_rao = ?, last_creation_block = ? WHERE id = 1")
                .params(lockRao, block).update();
    }

    public int count() {
        return jdbc.sql("SELECT count(*) FROM subnet").query(Integer.class).single();
    }

    /** The lowest netuid ≥ 1 not in use. */
    public int lowestFreeNetuid() {
        return jdbc.sql("""
                SELECT COALESCE(min(n), 1) FROM (
                    SELECT 1 AS n WHERE NOT EXISTS (SELECT 1 FROM subnet WHERE netuid = 1)
                    UNION ALL
                    SELECT s.netuid + 1 FROM subnet s
                    WHERE NOT EXISTS (SELECT 1 FROM subnet t WHERE t.netuid = s.netuid + 1)) free""")
                .query(Integer.class).single();
    }

    public void insert(Subnet s, UUID lockRequestId) {
        jdbc.sql("""
                INSERT INTO subnet (netuid, owner_coldkey, owner_hotkey, task_type, name, description, url, contact,
                    hyperparameters, lock_rao, lock_request_id, registered_at_block, burn_rao, burn_block)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(s.netuid(), s.ownerColdkey(), s.ownerHotkey(), s.taskType(), s.identity().name(),
                        s.identity().description(), s.identity().url(), s.identity().contact(),
                        JSON.writeValueAsString(s.hyperparameters()), s.lockRao(), lockRequestId,
                        s.registeredAtBlock(), s.burnRao(), s.burnBlock())
                .update();
    }

    public Optional<Subnet> find(int netuid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subnet WHERE netuid = ?").param(netuid)
                .query(SubnetRepository::row).optional();
    }

    /** The subnet, its row locked until the end of the transaction: serialises registrations and changes. */
    public Optional<Subnet> lock(int netuid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subnet WHERE netuid = ? FOR UPDATE").param(netuid)
                .query(SubnetRepository::row).optional();
    }

    public List<Subnet> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM subnet ORDER BY netuid").query(SubnetRepository::row).list();
    }

    public void updateHyperparameters(int netuid, Hyperparameters h) {
        jdbc.sql("UPDATE subnet SET hyperparameters = ? WHERE netuid = ?")
                .params(JSON.writeValueAsString(h), netuid).update();
    }

    public void updateBurn(int netuid, long burnRao, long burnBlock) {
        jdbc.sql("UPDATE subnet SET burn_rao = ?, burn_block = ? WHERE netuid = ?").params(burnRao, burnBlock, netuid)
                .update();
    }

    /** Advances the settled epoch; false if {@code epoch} is not newer (a late or repeated settlement). */
    public boolean advanceSettledEpoch(int netuid, long epoch) {
        return jdbc.sql("""
                UPDATE subnet SET last_settled_epoch = ?
                WHERE netuid = ? AND (last_settled_epoch IS NULL OR last_settled_epoch < ?)""")
                .params(epoch, netuid, epoch).update() == 1;
    }

    public Optional<Long> lastOwnerChange(int netuid, String name) {
        return jdbc.sql("SELECT owner_block FROM hyperparameter_change WHERE netuid = ? AND name = ?")
                .params(netuid, name).query(Long.class).optional();
    }

    public void recordOwnerChange(int netuid, String name, long block) {
        jdbc.sql("""
                INSERT INTO hyperparameter_change (netuid, name, owner_block) VALUES (?, ?, ?)
                ON CONFLICT (netuid, name) DO UPDATE SET owner_block = EXCLUDED.owner_block""")
                .params(netuid, name, block).update();
    }

    private static Subnet row(ResultSet rs, int i) throws SQLException {
        return new Subnet(rs.getInt("netuid"), rs.getString("owner_coldkey"), rs.getString("owner_hotkey"),
                rs.getString("task_type"),
                new SubnetIdentity(rs.getString("name"), rs.getString("description"), rs.getString("url"),
                        rs.getString("contact")),
                JSON.readValue(rs.getString("hyperparameters"), Hyperparameters.class),
                rs.getLong("lock_rao"), rs.getLong("registered_at_block"), rs.getLong("burn_rao"),
                rs.getLong("burn_block"), (Long) rs.getObject("last_settled_epoch"));
    }
}
