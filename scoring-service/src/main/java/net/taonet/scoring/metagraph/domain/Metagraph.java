package net.taonet.scoring.metagraph.domain;

import java.util.List;
import java.util.Optional;
import net.taonet.events.consensus.EpochCompleted;
import net.taonet.events.registry.Hyperparameters;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The projection tables and their queries. Writers are the event consumers (idempotent); readers are the
 * weights checks and the validators.
 */
@Repository
public class Metagraph {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    private final JdbcTemplate jdbc;

    public Metagraph(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // ---- writes (from events)

    public void upsertSubnet(int netuid, String ownerHotkey, String taskType, Hyperparameters hp, long block) {
        jdbc.update("""
                INSERT INTO subnet (netuid, owner_hotkey, task_type, hyperparameters, registered_at_block)
                VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (netuid) DO UPDATE SET owner_hotkey = EXCLUDED.owner_hotkey,
                    task_type = EXCLUDED.task_type, hyperparameters = EXCLUDED.hyperparameters,
                    registered_at_block = EXCLUDED.registered_at_block""",
                netuid, ownerHotkey, taskType, JSON.writeValueAsString(hp), block);
    }

    /** Returns false when the subnet is unknown (its registration has not arrived). */
    public boolean updateHyperparameters(int netuid, Hyperparameters hp) {
        return jdbc.update("UPDATE subnet SET hyperparameters = ? WHERE netuid = ?",
                JSON.writeValueAsString(hp), netuid) > 0;
    }

    public void dissolve(int netuid) {
        for (String table : List.of("subnet", "neuron", "stake", "epoch_state", "epoch_neuron", "weight_row",
                "last_update", "weight_commit", "miner_score", "pending_reveal")) {
            jdbc.update("DELETE FROM " + table + " WHERE netuid = ?", netuid);
        }
    }

    /**
     * Puts {@code hotkey} on the UID. When another hotkey held it, everything tied to the slot is cleared:
     * its weight row, the column other validators set on it, its last update, the old hotkey's commits and
     * every validator's score history for it (a new hotkey inherits nothing).
     */
    public void putNeuron(int netuid, int uid, String hotkey, String coldkey, long registrationBlock) {
        List<String> previous = jdbc.queryForList("SELECT hotkey FROM neuron WHERE netuid = ? AND uid = ?",
                String.class, netuid, uid);
        if (!previous.isEmpty() && previous.get(0).equals(hotkey)) {
            return;
        }
        if (!previous.isEmpty()) {
            clearSlot(netuid, uid, previous.get(0));
        }
        // A hotkey holds at most one UID per subnet: a stale row of the same hotkey elsewhere goes too.
        jdbc.update("DELETE FROM neuron WHERE netuid = ? AND hotkey = ? AND uid <> ?", netuid, hotkey, uid);
        jdbc.update("""
                INSERT INTO neuron (netuid, uid, hotkey, coldkey, registration_block) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (netuid, uid) DO UPDATE SET hotkey = EXCLUDED.hotkey, coldkey = EXCLUDED.coldkey,
                    registration_block = EXCLUDED.registration_block""",
                netuid, uid, hotkey, coldkey, registrationBlock);
    }

    private void clearSlot(int netuid, int uid, String previousHotkey) {
        jdbc.update("DELETE FROM weight_row WHERE netuid = ? AND uid = ?", netuid, uid);
        jdbc.update("DELETE FROM last_update WHERE netuid = ? AND uid = ?", netuid, uid);
        jdbc.update("DELETE FROM weight_commit WHERE netuid = ? AND hotkey = ?", netuid, previousHotkey);
        jdbc.update("DELETE FROM pending_reveal WHERE netuid = ? AND validator_hotkey = ?", netuid, previousHotkey);
        jdbc.update("DELETE FROM miner_score WHERE netuid = ? AND uid = ?", netuid, uid);
        jdbc.update("DELETE FROM epoch_neuron WHERE netuid = ? AND uid = ?", netuid, uid);
        // The column others set on the slot: remove the entry from every row that has it.
        jdbc.update("""
                UPDATE weight_row w SET
                    uids = ARRAY(SELECT u FROM unnest(w.uids, w.weights) AS t(u, v) WHERE u <> ? ORDER BY u),
                    weights = ARRAY(SELECT v FROM unnest(w.uids, w.weights) AS t(u, v) WHERE u <> ? ORDER BY u)
                WHERE netuid = ? AND ? = ANY(uids)""", uid, uid, netuid, uid);
    }

    public void setStake(int netuid, String hotkey, long totalRao) {
        jdbc.update("""
                INSERT INTO stake (netuid, hotkey, total_rao) VALUES (?, ?, ?)
                ON CONFLICT (netuid, hotkey) DO UPDATE SET total_rao = EXCLUDED.total_rao""",
                netuid, hotkey, totalRao);
    }

    /** Records an epoch's permits and incentive unless a later epoch is already known; true if applied. */
    public boolean recordEpoch(EpochCompleted epoch) {
        List<Long> known = jdbc.queryForList("SELECT epoch FROM epoch_state WHERE netuid = ? FOR UPDATE",
                Long.class, epoch.netuid());
        if (!known.isEmpty() && known.get(0) >= epoch.epoch()) {
            return false;
        }
        jdbc.update("""
                INSERT INTO epoch_state (netuid, epoch, block) VALUES (?, ?, ?)
                ON CONFLICT (netuid) DO UPDATE SET epoch = EXCLUDED.epoch, block = EXCLUDED.block""",
                epoch.netuid(), epoch.epoch(), epoch.block());
        jdbc.update("DELETE FROM epoch_neuron WHERE netuid = ?", epoch.netuid());
        jdbc.batchUpdate("INSERT INTO epoch_neuron (netuid, uid, hotkey, validator_permit, incentive) VALUES (?, ?, ?, ?, ?)",
                epoch.uids(), 256, (ps, u) -> {
                    ps.setInt(1, epoch.netuid());
                    ps.setInt(2, u.uid());
                    ps.setString(3, u.hotkey());
                    ps.setBoolean(4, u.validatorPermit());
                    ps.setInt(5, u.incentive());
                });
        return true;
    }

    // ---- reads

    public Optional<SubnetInfo> subnet(int netuid) {
        return jdbc.query("SELECT netuid, owner_hotkey, task_type, hyperparameters FROM subnet WHERE netuid = ?",
                (rs, i) -> new SubnetInfo(rs.getInt(1), rs.getString(2), rs.getString(3),
                        JSON.readValue(rs.getString(4), Hyperparameters.class)), netuid).stream().findFirst();
    }

    public List<SubnetInfo> subnets() {
        return jdbc.query("SELECT netuid, owner_hotkey, task_type, hyperparameters FROM subnet ORDER BY netuid",
                (rs, i) -> new SubnetInfo(rs.getInt(1), rs.getString(2), rs.getString(3),
                        JSON.readValue(rs.getString(4), Hyperparameters.class)));
    }

    public List<NeuronInfo> neurons(int netuid) {
        return jdbc.query("SELECT netuid, uid, hotkey, registration_block FROM neuron WHERE netuid = ? ORDER BY uid",
                (rs, i) -> new NeuronInfo(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getLong(4)), netuid);
    }

    public int subnetSize(int netuid) {
        Integer n = jdbc.queryForObject("SELECT count(*) FROM neuron WHERE netuid = ?", Integer.class, netuid);
        return n == null ? 0 : n;
    }

    public Optional<NeuronInfo> neuronByHotkey(int netuid, String hotkey) {
        return jdbc.query("SELECT netuid, uid, hotkey, registration_block FROM neuron WHERE netuid = ? AND hotkey = ?",
                (rs, i) -> new NeuronInfo(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getLong(4)),
                netuid, hotkey).stream().findFirst();
    }

    public Optional<NeuronInfo> neuron(int netuid, int uid) {
        return jdbc.query("SELECT netuid, uid, hotkey, registration_block FROM neuron WHERE netuid = ? AND uid = ?",
                (rs, i) -> new NeuronInfo(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getLong(4)),
                netuid, uid).stream().findFirst();
    }

    public long stake(int netuid, String hotkey) {
        List<Long> rows = jdbc.queryForList("SELECT total_rao FROM stake WHERE netuid = ? AND hotkey = ?",
                Long.class, netuid, hotkey);
        return rows.isEmpty() ? 0 : rows.get(0);
    }

    /** The latest epoch's index, if one has completed. */
    public Optional<Long> latestEpoch(int netuid) {
        return jdbc.queryForList("SELECT epoch FROM epoch_state WHERE netuid = ?", Long.class, netuid)
                .stream().findFirst();
    }

    public List<EpochNeuron> epochNeurons(int netuid) {
        return jdbc.query("SELECT uid, hotkey, validator_permit, incentive FROM epoch_neuron WHERE netuid = ? ORDER BY uid",
                (rs, i) -> new EpochNeuron(rs.getInt(1), rs.getString(2), rs.getBoolean(3), rs.getInt(4)), netuid);
    }

    /** Whether the latest epoch gave this hotkey, on this UID, a validator permit. */
    public boolean hasValidatorPermit(int netuid, int uid, String hotkey) {
        Integer n = jdbc.queryForObject("""
                SELECT count(*) FROM epoch_neuron
                WHERE netuid = ? AND uid = ? AND validator_permit AND (hotkey IS NULL OR hotkey = ?)""",
                Integer.class, netuid, uid, hotkey);
        return n != null && n > 0;
    }
}
