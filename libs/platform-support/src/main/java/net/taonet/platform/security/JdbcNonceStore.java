package net.taonet.platform.security;

import net.taonet.identity.NonceStore;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The last accepted nonce of each signer in the service's own PostgreSQL (table
 * {@code signed_request_nonce}, migration {@code db/platform/V0_2}). One statement decides and records:
 * the upsert changes a row only when the new nonce is greater than the stored one, and PostgreSQL's row
 * lock on conflict serializes concurrent requests of one signer, so exactly one of two equal nonces wins.
 * It runs in its own (auto-commit) transaction: an accepted nonce stays used even if the request then
 * fails, and the client signs its retry afresh.
 */
public class JdbcNonceStore implements NonceStore {

    private static final String ADVANCE = """
            INSERT INTO signed_request_nonce (signer, last_nonce) VALUES (?, ?)
            ON CONFLICT (signer) DO UPDATE SET last_nonce = EXCLUDED.last_nonce, updated_at = now()
            WHERE signed_request_nonce.last_nonce < EXCLUDED.last_nonce""";

    private final JdbcTemplate jdbc;

    public JdbcNonceStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean advance(String signer, long nonce) {
        return jdbc.update(ADVANCE, signer, nonce) == 1;
    }
}
