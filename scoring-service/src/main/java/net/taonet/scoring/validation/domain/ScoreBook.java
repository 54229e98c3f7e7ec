package net.taonet.scoring.validation.domain;

import java.util.Comparator;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Each validator's exponential moving average of each miner's scores: {@code ema ← α·score + (1−α)·ema},
 * starting from 0. A score counts only while the UID still belongs to the hotkey that was asked; when the
 * stored average belongs to another hotkey (the UID was replaced), it starts again from the new score.
 */
@Repository
public class ScoreBook {

    private static final Comparator<ScoreUpdate> LOCK_ORDER = Comparator.comparing(ScoreUpdate::validatorHotkey)
            .thenComparingInt(ScoreUpdate::netuid).thenComparingInt(ScoreUpdate::uid);

    private final JdbcTemplate jdbc;

    public ScoreBook(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void apply(List<ScoreUpdate> updates, double alpha, long nowMillis) {
        if (updates.isEmpty()) {
            return;
        }
        // One lock order for every writer, so concurrent batches cannot deadlock on the same rows.
        List<ScoreUpdate> ordered = updates.stream().sorted(LOCK_ORDER).toList();
        jdbc.batchUpdate("""
                INSERT INTO miner_score (validator_hotkey, netuid, uid, miner_hotkey, ema, last_score, samples,
                    organic_samples, updated_millis)
                SELECT ?, ?, ?, ?, ?, ?, 1, ?, ?
                WHERE EXISTS (SELECT 1 FROM neuron n WHERE n.netuid = ? AND n.uid = ? AND n.hotkey = ?)
                ON CONFLICT (validator_hotkey, netuid, uid) DO UPDATE SET
                    ema = CASE WHEN miner_score.miner_hotkey = EXCLUDED.miner_hotkey
                               THEN ? * EXCLUDED.last_score + (1 - ?) * miner_score.ema ELSE EXCLUDED.ema END,
                    samples = CASE WHEN miner_score.miner_hotkey = EXCLUDED.miner_hotkey
                               THEN miner_score.samples + 1 ELSE 1 END,
                    organic_samples = CASE WHEN miner_score.miner_hotkey = EXCLUDED.miner_hotkey
                               THEN miner_score.organic_samples + EXCLUDED.organic_samples ELSE EXCLUDED.organic_samples END,
                    miner_hotkey = EXCLUDED.miner_hotkey,
                    last_score = EXCLUDED.last_score,
                    updated_millis = EXCLUDED.updated_millis""", ordered, 500, (ps, u) -> {
            ps.setString(1, u.validatorHotkey());
            ps.setInt(2, u.netuid());
            ps.setInt(3, u.uid());
            ps.setString(4, u.minerHotkey());
            ps.setDouble(5, alpha * u.score());
            ps.setDouble(6, u.score());
            ps.setLong(7, u.organic() ? 1 : 0);
            ps.setLong(8, nowMillis);
            ps.setInt(9, u.netuid());
            ps.setInt(10, u.uid());
            ps.setString(11, u.minerHotkey());
            ps.setDouble(12, alpha);
            ps.setDouble(13, alpha);
        });
    }

    /** A validator's scores on a subnet, for the UIDs whose hotkey is still the one scored. */
    public List<MinerScore> scores(String validatorHotkey, int netuid) {
        return jdbc.query("""
                SELECT s.validator_hotkey, s.netuid, s.uid, s.miner_hotkey, s.ema, s.last_score, s.samples, s.organic_samples
                FROM miner_score s JOIN neuron n ON n.netuid = s.netuid AND n.uid = s.uid AND n.hotkey = s.miner_hotkey
                WHERE s.validator_hotkey = ? AND s.netuid = ? ORDER BY s.uid""",
                (rs, i) -> new MinerScore(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getDouble(5),
                        rs.getDouble(6), rs.getLong(7), rs.getLong(8)), validatorHotkey, netuid);
    }

    public List<MinerScore> scores(int netuid) {
        return jdbc.query("""
                SELECT s.validator_hotkey, s.netuid, s.uid, s.miner_hotkey, s.ema, s.last_score, s.samples, s.organic_samples
                FROM miner_score s JOIN neuron n ON n.netuid = s.netuid AND n.uid = s.uid AND n.hotkey = s.miner_hotkey
                WHERE s.netuid = ? ORDER BY s.validator_hotkey, s.uid""",
                (rs, i) -> new MinerScore(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getDouble(5),
                        rs.getDouble(6), rs.getLong(7), rs.getLong(8)), netuid);
    }
}
