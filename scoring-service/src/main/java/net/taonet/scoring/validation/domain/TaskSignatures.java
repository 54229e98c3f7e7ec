package net.taonet.scoring.validation.domain;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import net.taonet.identity.KeyPair;
import net.taonet.identity.Ss58;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * Ed25519 (RFC 8032) for the task hot path: signing assignments and verifying results. The same signatures
 * as {@link net.taonet.identity.Signatures} (a standard scheme: either verifies the other's), computed with
 * Bouncy Castle's implementation, which on this path is about ten times faster than the JDK's: at thousands
 * of tasks a second the JDK's cost alone would fill a core.
 */
public final class TaskSignatures {

    private TaskSignatures() {
    }

    /** Base64 signature of the UTF-8 payload with the key's 32-byte seed (the RFC 8032 private key). */
    public static String sign(KeyPair key, String payload) {
        byte[] message = payload.getBytes(StandardCharsets.UTF_8);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(key.seed(), 0, key.publicKey(), 0, message, 0, message.length, signature, 0);
        return Base64.getEncoder().encodeToString(signature);
    }

    /** Whether {@code signatureBase64} is the address's signature of the UTF-8 payload; false for any malformed input. */
    public static boolean verify(String address, String payload, String signatureBase64) {
        if (address == null || payload == null || signatureBase64 == null) {
            return false;
        }
        try {
            byte[] signature = Base64.getDecoder().decode(signatureBase64);
            if (signature.length != Ed25519.SIGNATURE_SIZE) {
                return false;
            }
            byte[] message = payload.getBytes(StandardCharsets.UTF_8);
            return Ed25519.verify(signature, 0, Ss58.decode(address), 0, message, 0, message.length);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
