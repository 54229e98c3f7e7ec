package net.taonet.identity;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The commit-reveal hash (spec/protocol.md §6): lowercase hex of SHA-256 over this canonical encoding,
 * every integer big-endian, lists in the order they are submitted (not sorted):
 *
 * <pre>
 *   "taonet-weights-commit-v1"        24 ASCII bytes (domain separation)
 *   hotkey public key                 32 bytes (the SS58 address decoded)
 *   netuid                            u16
 *   number of uids                    u32, then each uid as u16
 *   number of weights                 u32, then each weight as u16
 *   salt length                       u32, then the salt bytes
 *   version_key                       u64
 * </pre>
 *
 * Shared by the scoring-service (which verifies reveals) and the CLI (which commits); scoring-service/README.md repeats it with a test vector that {@code CommitHashTest} pins.
 */
public final class CommitHash {

    public static final String DOMAIN = "taonet-weights-commit-v1";
    public static final int MAX_SALT_BYTES = 256;

    private CommitHash() {
    }

    public static byte[] encode(String hotkey, int netuid, List<Integer> uids, List<Integer> weights, byte[] salt,
            long versionKey) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128 + 2 * (uids.size() + weights.size()) + salt.length);
        out.writeBytes(DOMAIN.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(Ss58.decode(hotkey));
        u16(out, netuid);
        u32(out, uids.size());
        uids.forEach(u -> u16(out, u));
        u32(out, weights.size());
        weights.forEach(w -> u16(out, w));
        u32(out, salt.length);
        out.writeBytes(salt);
        u64(out, versionKey);
        return out.toByteArray();
    }

    public static String of(String hotkey, int netuid, List<Integer> uids, List<Integer> weights, byte[] salt,
            long versionKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(encode(hotkey, netuid, uids, weights, salt, versionKey));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static boolean isWellFormed(String hash) {
        return hash != null && hash.matches("[0-9a-f]{64}");
    }

    private static void u16(ByteArrayOutputStream out, int v) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException("not a u16: " + v);
        }
        out.write(v >>> 8);
        out.write(v);
    }

    private static void u32(ByteArrayOutputStream out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static void u64(ByteArrayOutputStream out, long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (v >>> shift));
        }
    }
}
