package net.taonet.consensus.projection.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.taonet.events.ledger.StakeChanged;
import net.taonet.events.registry.NeuronRegistered;
import net.taonet.events.registry.NeuronReplaced;
import net.taonet.events.registry.SubnetDissolved;
import net.taonet.events.registry.SubnetHyperparametersChanged;
import net.taonet.events.registry.SubnetRegistered;
import net.taonet.events.scoring.WeightsCommitted;
import net.taonet.events.scoring.WeightsSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Applies one event to the projection tables. Every method runs inside the caller's transaction (the
 * idempotent consumer's), so the effect and the event id commit together.
 */
@Component
public class ProjectionStore {

    private static final Logger log = LoggerFactory.getLogger(ProjectionStore.class);

    private final JdbcTemplate jdbc;

    public ProjectionStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Blocks while an epoch of the subnet is being computed, so the epoch's snapshot is consistent. */
    private void shareLockSubnet(int netuid) {
        jdbc.query("SELECT netuid FROM subnet WHERE netuid = ? FOR SHARE", rs -> null, netuid);
    }

    public void subnetRegistered(SubnetRegistered e) {
        Boolean dissolved = jdbc.query("SELECT dissolved FROM subnet WHERE netuid = ? FOR UPDATE",
                rs -> rs.next() ? rs.getBoolean(1) : null, e.netuid());
        if (Boolean.FALSE.equals(dissolved)) {
            return; // redelivery of the registration of a live subnet
        }
        if (Boolean.TRUE.equals(dissolved)) {
            // netuids are reused after dissolution: the new subnet starts from nothing. Facts of the new
            // subnet that overtook this event on other topics (at or after its registration block) stay.
            long since = e.registeredAtBlock();
            jdbc.update("DELETE FROM neuron WHERE netuid = ? AND registration_block < ?", e.netuid(), since);
            jdbc.update("DELETE FROM weight_row WHERE netuid = ? AND last_update < ?", e.netuid(), since);
            jdbc.update("DELETE FROM weight_commit WHERE netuid = ? AND commit_block < ?", e.netuid(), since);
            jdbc.update("DELETE FROM subnet WHERE netuid = ?", e.netuid());
        }
        jdbc.update("""
                INSERT INTO subnet (netuid, owner_hotkey, owner_coldkey, tempo, hyperparameters, registered_at_block)
                VALUES (?, ?, ?, ?, ?, ?)""",
                e.netuid(), e.ownerHotkey(), e.ownerColdkey(), e.hyperparameters().tempo(),
                HyperparametersJson.write(e.hyperparameters()), e.registeredAtBlock());
        // the owner hotkey holds UID 0 from the subnet's creation (protocol §3)
        jdbc.update("""
                INSERT INTO neuron (netuid, uid, hotkey, coldkey, registration_block) VALUES (?, 0, ?, ?, ?)
                ON CONFLICT (netuid, uid) DO NOTHING""",
                e.netuid(), e.ownerHotkey(), e.ownerColdkey(), e.registeredAtBlock());
    }

    public void hyperparametersChanged(SubnetHyperparametersChanged e) {
        int updated = jdbc.update("UPDATE subnet SET hyperparameters = ?, tempo = ? WHERE netuid = ?",
                HyperparametersJson.write(e.hyperparameters()), e.hyperparameters().tempo(), e.netuid());
        if (updated == 0) {
            log.warn("hyperparameters of unknown subnet {} ignored", e.netuid());
        }
    }

    public void subnetDissolved(SubnetDissolved e) {
        jdbc.update("UPDATE subnet SET dissolved = TRUE WHERE netuid = ?", e.netuid());
    }

    public void neuronRegistered(NeuronRegistered e) {
        shareLockSubnet(e.netuid());
        Existing existing = existing(e.netuid(), e.uid());
        if (existing == null) {
            jdbc.update("""
                    INSERT INTO neuron (netuid, uid, hotkey, coldkey, registration_block) VALUES (?, ?, ?, ?, ?)""",
                    e.netuid(), e.uid(), e.hotkey(), e.coldkey(), e.registrationBlock());
        } else if (existing.registrationBlock() < e.registrationBlock()) {
            // the slot was held before (by another hotkey, or by this one in a dissolved subnet of the same
            // netuid whose reuse has not arrived yet on its own topic): the same as a replacement
            takeOver(e.netuid(), e.uid(), e.hotkey(), e.coldkey(), e.registrationBlock());
        }
    }

    public void neuronReplaced(NeuronReplaced e) {
        shareLockSubnet(e.netuid());
        Existing existing = existing(e.netuid(), e.uid());
        if (existing != null && existing.registrationBlock() > e.registrationBlock()) {
            return; // a later registration of this UID was applied already
        }
        if (existing != null && existing.hotkey().equals(e.hotkey())
                && existing.registrationBlock() == e.registrationBlock()) {
            return; // applied already
        }
        if (existing == null) {
            jdbc.update("""
                    INSERT INTO neuron (netuid, uid, hotkey, coldkey, registration_block) VALUES (?, ?, ?, ?, ?)""",
                    e.netuid(), e.uid(), e.hotkey(), e.coldkey(), e.registrationBlock());
            zeroWeightsOn(e.netuid(), e.uid(), e.registrationBlock());
        } else {
            takeOver(e.netuid(), e.uid(), e.hotkey(), e.coldkey(), e.registrationBlock());
        }
    }

    /**
     * Spec §8.4: the UID's registration block (and so its last update) become the replacement block; its
     * own weights, bonds and permit are cleared; every other row's weight on it becomes 0 and stays.
     */
    private void takeOver(int netuid, int uid, String hotkey, String coldkey, long block) {
        jdbc.update("""
                UPDATE neuron SET hotkey = ?, coldkey = ?, registration_block = ?, validator_permit = FALSE,
                       bonds = ''::BYTEA
                WHERE netuid = ? AND uid = ?""", hotkey, coldkey, block, netuid, uid);
        jdbc.update("DELETE FROM weight_row WHERE netuid = ? AND uid = ? AND hotkey <> ?", netuid, uid, hotkey);
        jdbc.update("DELETE FROM weight_commit WHERE netuid = ? AND uid = ? AND hotkey <> ?", netuid, uid, hotkey);
        zeroWeightsOn(netuid, uid, block);
    }

    /** Rows written at or before the replacement block pointed at the previous holder: their entry becomes 0. */
    private void zeroWeightsOn(int netuid, int uid, long block) {
        record Row(int uid, String hotkey, byte[] entries) {
        }
        List<Row> rows = jdbc.query("""
                SELECT uid, hotkey, entries FROM weight_row
                WHERE netuid = ? AND row_block <= ? AND octet_length(entries) > 0 FOR UPDATE""",
                (rs, i) -> new Row(rs.getInt(1), rs.getString(2), rs.getBytes(3)), netuid, block);
        List<Object[]> updates = new ArrayList<>();
        for (Row row : rows) {
            int[][] d = RowCodec.decode(row.entries());
            boolean changed = false;
            for (int k = 0; k < d[0].length; k++) {
                if (d[0][k] == uid && d[1][k] != 0) {
                    d[1][k] = 0;
                    changed = true;
                }
            }
            if (changed) {
                updates.add(new Object[] {RowCodec.encode(d[0], d[1]), netuid, row.uid(), row.hotkey()});
            }
        }
        if (!updates.isEmpty()) {
            jdbc.batchUpdate("UPDATE weight_row SET entries = ? WHERE netuid = ? AND uid = ? AND hotkey = ?", updates);
        }
    }

    public void stakeChanged(StakeChanged e, long block) {
        shareLockSubnet(e.netuid());
        jdbc.update("""
                INSERT INTO hotkey_stake (netuid, hotkey, stake_rao, block) VALUES (?, ?, ?, ?)
                ON CONFLICT (netuid, hotkey) DO UPDATE SET stake_rao = EXCLUDED.stake_rao, block = EXCLUDED.block
                WHERE hotkey_stake.block <= EXCLUDED.block""",
                e.netuid(), e.hotkey(), Math.max(0, e.hotkeyTotalRao()), block);
    }

    public void weightsSet(WeightsSet e) {
        shareLockSubnet(e.netuid());
        List<WeightsSet.UidWeight> sorted = new ArrayList<>(e.weights() == null ? List.of() : e.weights());
        sorted.sort(Comparator.comparingInt(WeightsSet.UidWeight::uid));
        int[] uids = sorted.stream().mapToInt(WeightsSet.UidWeight::uid).toArray();
        int[] values = sorted.stream().mapToInt(WeightsSet.UidWeight::weight).toArray();
        byte[] entries = RowCodec.encode(uids, values);
        // a row never goes back to an older last update (a late duplicate of an old row changes nothing)
        jdbc.update("""
                INSERT INTO weight_row (netuid, uid, hotkey, entries, row_block, last_update) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (netuid, uid, hotkey) DO UPDATE SET
                    entries = CASE WHEN weight_row.row_block <= EXCLUDED.row_block
                                   THEN EXCLUDED.entries ELSE weight_row.entries END,
                    row_block = GREATEST(weight_row.row_block, EXCLUDED.row_block),
                    last_update = GREATEST(weight_row.last_update, EXCLUDED.last_update)""",
                e.netuid(), e.uid(), e.hotkey(), entries, e.lastUpdate(), e.lastUpdate());
        if (e.revealedCommitHash() != null && !e.revealedCommitHash().isBlank()) {
            jdbc.update("DELETE FROM weight_commit WHERE netuid = ? AND uid = ? AND hotkey = ? AND commit_hash = ?",
                    e.netuid(), e.uid(), e.hotkey(), e.revealedCommitHash());
        }
    }

    public void weightsCommitted(WeightsCommitted e) {
        shareLockSubnet(e.netuid());
        jdbc.update("""
                INSERT INTO weight_commit (netuid, uid, hotkey, commit_hash, commit_block, commit_epoch)
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                e.netuid(), e.uid(), e.hotkey(), e.commitHash(), e.commitBlock(), e.commitEpoch());
        // a commit counts as the UID's last update (spec §3.1)
        jdbc.update("""
                INSERT INTO weight_row (netuid, uid, hotkey, last_update) VALUES (?, ?, ?, ?)
                ON CONFLICT (netuid, uid, hotkey) DO UPDATE SET
                    last_update = GREATEST(weight_row.last_update, EXCLUDED.last_update)""",
                e.netuid(), e.uid(), e.hotkey(), e.commitBlock());
    }

    private Existing existing(int netuid, int uid) {
        List<Existing> rows = jdbc.query(
                "SELECT hotkey, registration_block FROM neuron WHERE netuid = ? AND uid = ? FOR UPDATE",
                (rs, i) -> new Existing(rs.getString(1), rs.getLong(2)), netuid, uid);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private record Existing(String hotkey, long registrationBlock) {
    }
}
