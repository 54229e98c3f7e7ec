package net.taonet.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * SS58 addresses with network prefix 42, the format Bittensor uses:
 * {@code base58(prefix ‖ publicKey ‖ blake2b-512("SS58PRE" ‖ prefix ‖ publicKey)[0..2])}.
 */
public final class Ss58 {

    public static final int PREFIX = 42;
    /** The longest SS58 address with a one-byte prefix and a 32-byte key. */
    static final int MAX_LENGTH = 48;
    private static final byte[] CONTEXT = "SS58PRE".getBytes(StandardCharsets.US_ASCII);

    private Ss58() {
    }

    public static String encode(byte[] publicKey) {
        if (publicKey == null || publicKey.length != 32) {
            throw new IllegalArgumentException("a public key has 32 bytes");
        }
        byte[] payload = new byte[35];
        payload[0] = (byte) PREFIX;
        System.arraycopy(publicKey, 0, payload, 1, 32);
        byte[] checksum = checksum(payload, 33);
        payload[33] = checksum[0];
        payload[34] = checksum[1];
        return Base58.encode(payload);
    }

    /** The 32-byte public key of an address; rejects a wrong prefix, checksum or length with a clear message. */
    public static byte[] decode(String address) {
        if (address == null || address.isBlank()) {
            throw new InvalidAddressException("address is empty");
        }
        String trimmed = address.trim();
        // 35 bytes (prefix, key, checksum) are 47 or 48 Base58 characters. The length is checked first because
        // Base58 decoding takes time quadratic in the length: a 100,000-character "address" would hold a core
        // for minutes.
        if (trimmed.length() > MAX_LENGTH) {
            throw new InvalidAddressException("address '" + shown(trimmed) + "' is too long (" + trimmed.length()
                    + " characters; an SS58 address has 47 or 48)");
        }
        byte[] raw = Base58.decode(trimmed);
        if (raw.length != 35) {
            throw new InvalidAddressException("address '" + address + "' has the wrong length (expected a 32-byte key)");
        }
        if ((raw[0] & 0xFF) != PREFIX) {
            throw new InvalidAddressException("address '" + address + "' has network prefix " + (raw[0] & 0xFF)
                    + ", expected " + PREFIX);
        }
        byte[] checksum = checksum(raw, 33);
        if (!MessageDigest.isEqual(new byte[] {checksum[0], checksum[1]}, Arrays.copyOfRange(raw, 33, 35))) {
            throw new InvalidAddressException("address '" + address + "' has a bad checksum");
        }
        return Arrays.copyOfRange(raw, 1, 33);
    }

    /** The start of a long input, so that an error message does not echo all of it. */
    private static String shown(String input) {
        return input.length() <= 16 ? input : input.substring(0, 16) + "…";
    }

    public static boolean isValid(String address) {
        try {
            decode(address);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] checksum(byte[] payload, int length) {
        Blake2bDigest digest = new Blake2bDigest(512);
        digest.update(CONTEXT, 0, CONTEXT.length);
        digest.update(payload, 0, length);
        byte[] out = new byte[64];
        digest.doFinal(out, 0);
        return out;
    }
}
