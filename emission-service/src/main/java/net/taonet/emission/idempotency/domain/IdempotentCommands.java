package net.taonet.emission.idempotency.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Supplier;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Runs a command at most once per (scope, key), in one transaction with the record of its answer. */
@Component
public class IdempotentCommands {

    public static final int MAX_KEY_LENGTH = 200;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    public IdempotentCommands(JdbcTemplate jdbc, PlatformTransactionManager txManager, JsonMapper json) {
        this.jdbc = jdbc;
        this.tx = new TransactionTemplate(txManager);
        this.json = json;
    }

    /** The answer of a command, and whether it is a replay of an earlier one. */
    public record Outcome<R>(R value, boolean replayed) {
    }

    /**
     * @param scope       who the key belongs to (e.g. the signer's address and the command name)
     * @param key         the client's idempotency key
     * @param request     what the request was, canonically (its fingerprint is stored and compared)
     */
    public <R> Outcome<R> execute(String scope, String key, String request, Class<R> answerType, Supplier<R> command) {
        requireKey(key);
        String fingerprint = fingerprint(request);
        return tx.execute(status -> {
            int inserted = jdbc.update(
                    "INSERT INTO idempotency_key (scope, key, request_hash) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    scope, key, fingerprint);
            if (inserted == 0) {
                return replay(scope, key, fingerprint, answerType);
            }
            R answer = command.get();
            jdbc.update("UPDATE idempotency_key SET response_body = ? WHERE scope = ? AND key = ?",
                    json.writeValueAsString(answer), scope, key);
            return new Outcome<>(answer, false);
        });
    }

    private <R> Outcome<R> replay(String scope, String key, String fingerprint, Class<R> answerType) {
        var row = jdbc.queryForMap("SELECT request_hash, response_body FROM idempotency_key WHERE scope = ? AND key = ?",
                scope, key);
        if (!fingerprint.equals(row.get("request_hash"))) {
            throw ApiProblem.conflict("idempotency-key-reused", "the Idempotency-Key '" + key
                    + "' was already used for a different request").with("idempotencyKey", key);
        }
        return new Outcome<>(json.readValue((String) row.get("response_body"), answerType), true);
    }

    public static void requireKey(String key) {
        if (key == null || key.isBlank()) {
            throw ApiProblem.badRequest("missing-idempotency-key",
                    "every command needs an Idempotency-Key header (spec §7)");
        }
        if (key.length() > MAX_KEY_LENGTH) {
            throw ApiProblem.badRequest("invalid-idempotency-key",
                    "the Idempotency-Key is longer than " + MAX_KEY_LENGTH + " characters");
        }
    }

    /** SHA-256 over the parts of a request (each part length-prefixed, so the encoding is unambiguous). */
    public static String fingerprint(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                byte[] b = (p == null ? "\u0000null" : p).getBytes(StandardCharsets.UTF_8);
                sha.update(Integer.toString(b.length).getBytes(StandardCharsets.US_ASCII));
                sha.update((byte) ':');
                sha.update(b);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
