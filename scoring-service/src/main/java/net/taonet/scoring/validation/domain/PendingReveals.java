package net.taonet.scoring.validation.domain;

import java.sql.Array;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What a managed validator committed to and must reveal one epoch later (persisted across restarts). */
@Repository
public class PendingReveals {

    private final JdbcTemplate jdbc;

    public PendingReveals(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public record Reveal(String validatorHotkey, int netuid, String commitHash, List<Integer> uids, List<Integer> weights,
            byte[] salt, long versionKey, long commitEpoch) {
    }

    public void save(Reveal r) {
        jdbc.execute((ConnectionCallback<Void>) con -> {
            Array u = con.createArrayOf("int4", r.uids().toArray(Integer[]::new));
            Array w = con.createArrayOf("int4", r.weights().toArray(Integer[]::new));
            jdbc.update("""
                    INSERT INTO pending_reveal (validator_hotkey, netuid, commit_hash, uids, weights, salt, version_key,
                        commit_epoch) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                    r.validatorHotkey(), r.netuid(), r.commitHash(), u, w, r.salt(), r.versionKey(), r.commitEpoch());
            return null;
        });
    }

    public List<Reveal> of(String validatorHotkey, int netuid) {
        return jdbc.query("""
                SELECT validator_hotkey, netuid, commit_hash, uids, weights, salt, version_key, commit_epoch
                FROM pending_reveal WHERE validator_hotkey = ? AND netuid = ? ORDER BY commit_epoch""",
                (rs, i) -> new Reveal(rs.getString(1), rs.getInt(2), rs.getString(3),
                        Arrays.asList((Integer[]) rs.getArray(4).getArray()),
                        Arrays.asList((Integer[]) rs.getArray(5).getArray()), rs.getBytes(6), rs.getLong(7),
                        rs.getLong(8)), validatorHotkey, netuid);
    }

    public void delete(String validatorHotkey, int netuid, String commitHash) {
        jdbc.update("DELETE FROM pending_reveal WHERE validator_hotkey = ? AND netuid = ? AND commit_hash = ?",
                validatorHotkey, netuid, commitHash);
    }
}
