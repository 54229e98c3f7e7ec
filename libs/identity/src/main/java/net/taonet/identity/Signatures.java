package net.taonet.identity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/** Verifies ed25519 signatures against SS58 addresses. */
public final class Signatures {

    /** DER prefix of an X.509 SubjectPublicKeyInfo for an ed25519 key; the raw 32-byte key follows. */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    /**
     * Decoded public keys by address. Decoding an address (base58, checksum) and its curve point (a square
     * root in the field) is about a quarter of a verification, and a service verifies the same few thousand
     * signers over and over (its validators, its subnet's miners). Bounded: emptied when full.
     */
    private static final int CACHE_LIMIT = 65_536;
    private static final ConcurrentMap<String, Ed25519.PublicPoint> KEYS = new ConcurrentHashMap<>();

    private Signatures() {
    }

    public static boolean verify(String address, byte[] message, byte[] signature) {
        if (signature == null || signature.length != 64) {
            return false;
        }
        try {
            // Bouncy Castle's RFC 8032 verifier: the same answers as the JDK's, about seven times faster, which
            // matters on every signed request a service receives.
            Ed25519.PublicPoint key = KEYS.get(address);
            if (key == null) {
                // the checks verify(byte[] publicKey, ...) makes on every call: a canonical encoding of a point
                key = Ed25519.validatePublicKeyPartialExport(Ss58.decode(address), 0);
                if (key == null) {
                    return false;
                }
                if (KEYS.size() >= CACHE_LIMIT) {
                    KEYS.clear();
                }
                KEYS.put(address, key);
            }
            return Ed25519.verify(signature, 0, key, message, 0, message.length);
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static boolean verifyBase64(String address, byte[] message, String signatureBase64) {
        if (signatureBase64 == null) {
            return false;
        }
        try {
            return verify(address, message, Base64.getDecoder().decode(signatureBase64));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static String signBase64(KeyPair key, byte[] message) {
        return Base64.getEncoder().encodeToString(key.sign(message));
    }

    static boolean verify(PublicKey key, byte[] message, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(message);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    static PublicKey publicKey(byte[] raw) {
        byte[] encoded = new byte[X509_PREFIX.length + 32];
        System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, 32);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an ed25519 public key", e);
        }
    }
}
