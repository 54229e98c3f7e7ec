package net.taonet.identity;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An ed25519 key pair known by its 32-byte seed (the RFC 8032 secret key). A coldkey owns funds and
 * hotkeys; a hotkey is a neuron's operating key (DESIGN §6). Signing uses Bouncy Castle's RFC 8032 code:
 * ed25519 signatures are deterministic, so they are byte for byte those of any other implementation (the
 * JDK's included), and Bouncy Castle's is several times faster, which matters to a worker signing every
 * answer.
 */
public final class KeyPair {

    private final byte[] seed;
    private final byte[] publicKey;
    private final String address;

    private KeyPair(byte[] seed) {
        this.seed = seed.clone();
        this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
        Ed25519.generatePublicKey(this.seed, 0, this.publicKey, 0);
        this.address = Ss58.encode(publicKey);
    }

    public static KeyPair generate() {
        byte[] seed = new byte[32];
        new SecureRandom().nextBytes(seed);
        return new KeyPair(seed);
    }

    public static KeyPair fromSeed(byte[] seed) {
        if (seed == null || seed.length != 32) {
            throw new IllegalArgumentException("an ed25519 seed has 32 bytes");
        }
        return new KeyPair(seed);
    }

    public static KeyPair fromSeedHex(String hex) {
        return fromSeed(HexFormat.of().parseHex(hex.startsWith("0x") ? hex.substring(2) : hex));
    }

    public byte[] sign(byte[] message) {
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
        return signature;
    }

    public byte[] publicKey() {
        return publicKey.clone();
    }

    public String publicKeyHex() {
        return HexFormat.of().formatHex(publicKey);
    }

    /** The SS58 address (prefix 42). */
    public String address() {
        return address;
    }

    public byte[] seed() {
        return seed.clone();
    }

    public String seedHex() {
        return HexFormat.of().formatHex(seed);
    }

    @Override
    public String toString() {
        return "KeyPair[" + address + "]";
    }
}
