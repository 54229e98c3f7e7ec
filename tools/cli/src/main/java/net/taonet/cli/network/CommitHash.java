package net.taonet.cli.network;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import net.taonet.identity.Ss58;

/**
 * The commit-reveal hash of spec/protocol.md §6 as scoring-service documents it (its README and
 * {@code CommitHash}): lowercase hex SHA-256 over, every integer big-endian, lists in submission order:
 * <pre>
 *   "taonet-weights-commit-v1"   24 ASCII bytes
 *   hotkey public key            32 bytes (the SS58 address decoded)
 *   netuid                       u16
 *   number of uids               u32, then each uid as u16
 *   number of weights            u32, then each weight as u16
 *   salt length                  u32, then the salt bytes
 *   version_key                  u64
 * </pre>
 * Computed here, on the validator's machine, so that the weights never leave it before the reveal.
 */
final class CommitHash {

    static final String DOMAIN = "taonet-weights-commit-v1";
    static final int MAX_SALT_BYTES = 256;

    private CommitHash() {
    }

    static byte[] encode(String hotkey, int netuid, List<Integer> uids, List<Integer> weights, byte[] salt, long versionKey) {
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
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (versionKey >>> shift));
        }
        return out.toByteArray();
    }

    static String of(String hotkey, int netuid, List<Integer> uids, List<Integer> weights, byte[] salt, long versionKey) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(encode(hotkey, netuid, uids, weights, salt, versionKey)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
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
}
