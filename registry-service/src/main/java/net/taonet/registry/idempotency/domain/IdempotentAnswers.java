package net.taonet.registry.idempotency.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import net.taonet.platform.problem.ApiProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Table {@code idempotent_answer}. */
@Component
public class IdempotentAnswers {

    public static final int MAX_KEY_LENGTH = 200;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient jdbc;

    public IdempotentAnswers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An earlier answer to replay. */
    public record Replay<T>(int status, T body) {
    }

    public static String fingerprint(String... parts) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                sha.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void requireValidKey(String key) {
        if (key != null && (key.isBlank() || key.length() > MAX_KEY_LENGTH)) {
            throw ApiProblem.badRequest("invalid-idempotency-key", "an Idempotency-Key has 1 to " + MAX_KEY_LENGTH
                    + " characters");
        }
    }

    /** Call under the flow's lock: the earlier answer for this key, or empty (no key or first use). */
    public <T> Optional<Replay<T>> find(String signer, String key, String requestHash, Class<T> type) {
        if (key == null) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT request_hash, status, body FROM idempotent_answer WHERE signer = ? AND idem_key = ?")
                .params(signer, key)
                .query((rs, i) -> {
                    if (!rs.getString(1).equals(requestHash)) {
                        throw ApiProblem.conflict("idempotency-key-reused", "the Idempotency-Key '" + key
                                + "' was already used by " + signer + " for a different request");
                    }
                    return new Replay<>(rs.getInt(2), JSON.readValue(rs.getString(3), type));
                }).optional();
    }

    /** In the transaction of the change: remembers its answer. */
    public void remember(String signer, String key, String requestHash, int status, Object body) {
        if (key == null) {
            return;
        }
        jdbc.sql("INSERT INTO idempotent_answer (signer, idem_key, request_hash, status, body) VALUES (?, ?, ?, ?, ?)")
                .params(signer, key, requestHash, status, JSON.writeValueAsString(body)).update();
    }
}
