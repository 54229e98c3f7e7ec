package net.taonet.scoring.weights.domain;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.taonet.events.scoring.WeightsSet.UidWeight;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Weight rows, last updates and commits. */
@Repository
public class WeightStore {

    private final JdbcTemplate jdbc;

    public WeightStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Serialises the checks and writes of one hotkey on one subnet for the rest of the transaction, so two
     * concurrent requests cannot both pass the rate limit or the commit count.
     */
    public void lock(int netuid, String hotkey) {
        jdbc.queryForList("SELECT pg_advisory_xact_lock(?, hashtext(?))", netuid, hotkey);
    }

    public Optional<Long> lastUpdate(int netuid, int uid) {
        return jdbc.queryForList("SELECT block FROM last_update WHERE netuid = ? AND uid = ?", Long.class, netuid, uid)
                .stream().findFirst();
    }

    public void setLastUpdate(int netuid, int uid, long block) {
        jdbc.update("""
                INSERT INTO last_update (netuid, uid, block) VALUES (?, ?, ?)
                ON CONFLICT (netuid, uid) DO UPDATE SET block = EXCLUDED.block""", netuid, uid, block);
    }

    public void saveRow(StoredRow row) {
        Integer[] uids = row.weights().stream().map(UidWeight::uid).toArray(Integer[]::new);
        Integer[] weights = row.weights().stream().map(UidWeight::weight).toArray(Integer[]::new);
        jdbc.execute((ConnectionCallback<Void>) con -> {
            Array u = con.createArrayOf("int4", uids);
            Array w = con.createArrayOf("int4", weights);
            jdbc.update("""
                    INSERT INTO weight_row (netuid, uid, hotkey, uids, weights, set_block) VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (netuid, uid) DO UPDATE SET hotkey = EXCLUDED.hotkey, uids = EXCLUDED.uids,
                        weights = EXCLUDED.weights, set_block = EXCLUDED.set_block""",
                    row.netuid(), row.uid(), row.hotkey(), u, w, row.setBlock());
            return null;
        });
    }

    public List<StoredRow> rows(int netuid) {
        return jdbc.query("SELECT netuid, uid, hotkey, uids, weights, set_block FROM weight_row WHERE netuid = ? ORDER BY uid",
                WeightStore::row, netuid);
    }

    public Optional<StoredRow> row(int netuid, int uid) {
        return jdbc.query("SELECT netuid, uid, hotkey, uids, weights, set_block FROM weight_row WHERE netuid = ? AND uid = ?",
                WeightStore::row, netuid, uid).stream().findFirst();
    }

    public long insertCommit(int netuid, int uid, String hotkey, String hash, long block, long epoch) {
        Long id = jdbc.queryForObject("""
                INSERT INTO weight_commit (netuid, uid, hotkey, commit_hash, commit_block, commit_epoch)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""", Long.class, netuid, uid, hotkey, hash, block, epoch);
        return id == null ? 0 : id;
    }

    /** The hotkey's commits on the subnet, oldest first. */
    public List<PendingCommit> commits(int netuid, String hotkey) {
        return jdbc.query("""
                SELECT id, netuid, uid, hotkey, commit_hash, commit_block, commit_epoch FROM weight_commit
                WHERE netuid = ? AND hotkey = ? ORDER BY id""", WeightStore::commit, netuid, hotkey);
    }

    public void deleteCommit(long id) {
        jdbc.update("DELETE FROM weight_commit WHERE id = ?", id);
    }

    /** Drops commits whose reveal epoch ended more than {@code retentionEpochs} ago (epochs of their subnet). */
    public int deleteCommitsExpiredBefore(int netuid, long epoch) {
        return jdbc.update("DELETE FROM weight_commit WHERE netuid = ? AND commit_epoch < ?", netuid, epoch);
    }

    private static StoredRow row(ResultSet rs, int i) throws SQLException {
        Integer[] uids = (Integer[]) rs.getArray(4).getArray();
        Integer[] weights = (Integer[]) rs.getArray(5).getArray();
        List<UidWeight> entries = new ArrayList<>(uids.length);
        for (int k = 0; k < uids.length; k++) {
            entries.add(new UidWeight(uids[k], weights[k]));
        }
        return new StoredRow(rs.getInt(1), rs.getInt(2), rs.getString(3), entries, rs.getLong(6));
    }

    private static PendingCommit commit(ResultSet rs, int i) throws SQLException {
        return new PendingCommit(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                rs.getLong(6), rs.getLong(7));
    }
}
