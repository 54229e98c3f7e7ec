package net.taonet.gateway.apikey.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.taonet.gateway.apikey.domain.ApiKey;
import net.taonet.gateway.apikey.domain.ApiKeyStore;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** API keys in the gateway's PostgreSQL database. */
@Repository
public class JdbcApiKeyStore implements ApiKeyStore {

    private static final String COLUMNS =
            "id, name, key_prefix, requests_per_second, burst, monthly_quota, created_at, revoked_at";

    private final JdbcClient jdbc;

    public JdbcApiKeyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void insert(ApiKey key, String keyHash) {
        jdbc.sql("""
                INSERT INTO api_key (id, name, key_hash, key_prefix, requests_per_second, burst, monthly_quota, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(key.id(), key.name(), keyHash, key.keyPrefix(), key.requestsPerSecond(), key.burst(),
                        key.monthlyQuota(), Timestamp.from(key.createdAt()))
                .update();
    }

    @Override
    public Optional<ApiKey> findByHash(String keyHash) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE key_hash = ?").param(keyHash)
                .query(JdbcApiKeyStore::map).optional();
    }

    @Override
    public Optional<ApiKey> findById(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE id = ?").param(id)
                .query(JdbcApiKeyStore::map).optional();
    }

    @Override
    public List<ApiKey> findAll() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_key ORDER BY created_at").query(JdbcApiKeyStore::map).list();
    }

    @Override
    public boolean revoke(UUID id) {
        return jdbc.sql("UPDATE api_key SET revoked_at = now() WHERE id = ? AND revoked_at IS NULL").param(id).update() == 1;
    }

    @Override
    public long usage(UUID keyId, String month) {
        return jdbc.sql("SELECT requests FROM api_key_usage WHERE key_id = ? AND month = ?").params(keyId, month)
                .query(Long.class).optional().orElse(0L);
    }

    @Override
    @Transactional
    public void addUsage(String month, Map<UUID, Long> requestsByKey) {
        requestsByKey.forEach((keyId, requests) -> jdbc.sql("""
                INSERT INTO api_key_usage (key_id, month, requests) VALUES (?, ?, ?)
                ON CONFLICT (key_id, month) DO UPDATE SET requests = api_key_usage.requests + EXCLUDED.requests""")
                .params(keyId, month, requests).update());
    }

    private static ApiKey map(ResultSet rs, int row) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new ApiKey(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("key_prefix"),
                rs.getInt("requests_per_second"), rs.getInt("burst"), rs.getLong("monthly_quota"),
                rs.getTimestamp("created_at").toInstant(), revoked == null ? null : revoked.toInstant());
    }
}
