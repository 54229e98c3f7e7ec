package net.taonet.scoring.validation.domain;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** Tasks in flight, persisted so that a restart continues them. */
@Repository
public class TaskStore {

    private final JdbcTemplate jdbc;

    public TaskStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void insertAll(List<InFlightTask> tasks) {
        jdbc.batchUpdate("""
                INSERT INTO task_in_flight (task_id, round_id, round_size, validator_hotkey, netuid, uid, miner_hotkey,
                    task_type, challenge, assigned_millis, deadline_millis, organic)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", tasks, 500, (ps, t) -> {
            ps.setString(1, t.taskId());
            ps.setString(2, t.roundId());
            ps.setInt(3, t.roundSize());
            ps.setString(4, t.validatorHotkey());
            ps.setInt(5, t.netuid());
            ps.setInt(6, t.uid());
            ps.setString(7, t.minerHotkey());
            ps.setString(8, t.taskType());
            ps.setString(9, t.challenge());
            ps.setLong(10, t.assignedMillis());
            ps.setLong(11, t.deadlineMillis());
            ps.setBoolean(12, t.organic());
        });
    }

    /** Keeps an answer of a round that is still waiting for other miners. */
    public void saveOutcome(String taskId, TaskOutcome outcome) {
        if (outcome instanceof TaskOutcome.Answered a) {
            jdbc.update("UPDATE task_in_flight SET result = ?, latency_millis = ?, failed = ? WHERE task_id = ?",
                    a.result(), a.latencyMillis(), a.late(), taskId);
        } else {
            jdbc.update("UPDATE task_in_flight SET failed = TRUE WHERE task_id = ?", taskId);
        }
    }

    public void deleteAll(Collection<String> taskIds) {
        if (taskIds.isEmpty()) {
            return;
        }
        String[] ids = taskIds.toArray(String[]::new);
        jdbc.execute((ConnectionCallback<Integer>) con -> {
            java.sql.Array array = con.createArrayOf("varchar", ids);
            try (var ps = con.prepareStatement("DELETE FROM task_in_flight WHERE task_id = ANY(?)")) {
                ps.setArray(1, array);
                return ps.executeUpdate();
            }
        });
    }

    /** Every task in flight with what was already received for it ({@code null} outcome when nothing yet). */
    public List<Stored> loadAll() {
        return jdbc.query("""
                SELECT task_id, round_id, round_size, validator_hotkey, netuid, uid, miner_hotkey, task_type, challenge,
                       assigned_millis, deadline_millis, organic, result, latency_millis, failed
                FROM task_in_flight ORDER BY assigned_millis""", (rs, i) -> {
            InFlightTask task = new InFlightTask(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                    rs.getInt(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getLong(10),
                    rs.getLong(11), rs.getBoolean(12));
            String result = rs.getString(13);
            boolean failed = rs.getBoolean(15);
            TaskOutcome outcome = result != null ? new TaskOutcome.Answered(result, rs.getLong(14), failed)
                    : failed ? new TaskOutcome.Failed("error", "recorded before a restart") : null;
            return new Stored(task, outcome);
        });
    }

    public long count() {
        Long n = jdbc.queryForObject("SELECT count(*) FROM task_in_flight", Long.class);
        return n == null ? 0 : n;
    }

    public record Stored(InFlightTask task, TaskOutcome outcome) {
    }
}
