package net.taonet.registry.neuron.domain;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Table {@code serving}. */
@Repository
public class ServingRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<Serving.TaskTypeInfo>> TASK_TYPES = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    public ServingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Serving> find(int netuid, int uid) {
        return jdbc.sql("SELECT * FROM serving WHERE netuid = ? AND uid = ?").params(netuid, uid)
                .query(ServingRepository::row).optional();
    }

    public List<Serving> ofSubnet(int netuid) {
        return jdbc.sql("SELECT * FROM serving WHERE netuid = ? ORDER BY uid").param(netuid)
                .query(ServingRepository::row).list();
    }

    public void upsert(Serving s) {
        jdbc.sql("""
                INSERT INTO serving (netuid, uid, hotkey, accelerator, memory_mib, task_types, software_version, endpoint,
                    served_at_block)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (netuid, uid) DO UPDATE SET hotkey = EXCLUDED.hotkey, accelerator = EXCLUDED.accelerator,
                    memory_mib = EXCLUDED.memory_mib, task_types = EXCLUDED.task_types,
                    software_version = EXCLUDED.software_version, endpoint = EXCLUDED.endpoint,
                    served_at_block = EXCLUDED.served_at_block""")
                .params(s.netuid(), s.uid(), s.hotkey(), s.accelerator(), s.memoryMib(),
                        JSON.writeValueAsString(s.taskTypes()), s.version(), s.endpoint(), s.servedAtBlock())
                .update();
    }

    public void delete(int netuid, int uid) {
        jdbc.sql("DELETE FROM serving WHERE netuid = ? AND uid = ?").params(netuid, uid).update();
    }

    private static Serving row(ResultSet rs, int i) throws SQLException {
        return new Serving(rs.getInt("netuid"), rs.getInt("uid"), rs.getString("hotkey"), rs.getString("accelerator"),
                (Long) rs.getObject("memory_mib"), JSON.readValue(rs.getString("task_types"), TASK_TYPES),
                rs.getString("software_version"), rs.getString("endpoint"), rs.getLong("served_at_block"));
    }
}
