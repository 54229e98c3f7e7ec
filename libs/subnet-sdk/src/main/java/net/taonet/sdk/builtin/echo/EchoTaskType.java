package net.taonet.sdk.builtin.echo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import net.taonet.sdk.Challenge;
import net.taonet.sdk.ChallengeContext;
import net.taonet.sdk.ChallengeGenerator;
import net.taonet.sdk.Scorer;
import net.taonet.sdk.Submission;
import net.taonet.sdk.TaskContext;
import net.taonet.sdk.TaskException;
import net.taonet.sdk.TaskHandler;
import net.taonet.sdk.TaskSettings;
import net.taonet.sdk.TaskType;

/**
 * {@code echo}: a LOAD-TEST task type, not useful work. The challenge is a random nonce, the answer its
 * SHA-256, so both sides cost microseconds and what a load test measures is the plumbing (Kafka, signatures,
 * queues) rather than the work. Never open a production subnet for it.
 *
 * <p>Challenge {@code {"nonce":"<32 hex>"}}; result {@code {"sha256":"<64 hex>"}}; score 0 when wrong, else
 * {@code 0.5 + 0.5 * (1 - latency/timeout)}.
 */
public final class EchoTaskType implements TaskType {

    public static final String NAME = "echo";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ChallengeGenerator challenges() {
        return EchoTaskType::challenge;
    }

    @Override
    public Scorer scorer() {
        return EchoTaskType::score;
    }

    @Override
    public TaskHandler handler(TaskSettings settings) {
        return EchoTaskType::answer;
    }

    static Challenge challenge(ChallengeContext context) {
        byte[] nonce = new byte[16];
        context.random().nextBytes(nonce);
        long timeoutMillis = context.settings().getLong("timeout-ms", 5_000);
        return new Challenge("{\"nonce\":\"" + HexFormat.of().formatHex(nonce) + "\"}",
                Duration.ofMillis(timeoutMillis));
    }

    static String answer(String challenge, TaskContext context) throws TaskException {
        return "{\"sha256\":\"" + sha256(nonceOf(challenge)) + "\"}";
    }

    static double score(String challenge, Submission submission) {
        String expected;
        try {
            expected = "{\"sha256\":\"" + sha256(nonceOf(challenge)) + "\"}";
        } catch (TaskException e) {
            return 0;
        }
        if (!expected.equals(submission.result().strip())) {
            return 0;
        }
        return Scorer.clamp(0.5 + 0.5 * (1 - submission.latencyShare()));
    }

    /** The nonce is 32 hex characters; a fixed format keeps parsing trivial (no JSON library on this path). */
    static String nonceOf(String challenge) throws TaskException {
        String prefix = "{\"nonce\":\"";
        String c = challenge.strip();
        if (!c.startsWith(prefix) || !c.endsWith("\"}") || c.length() != prefix.length() + 32 + 2) {
            throw TaskException.badChallenge("echo challenge must be {\"nonce\":\"<32 hex>\"}");
        }
        String nonce = c.substring(prefix.length(), prefix.length() + 32);
        if (!nonce.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            throw TaskException.badChallenge("echo nonce must be hex");
        }
        return nonce;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
