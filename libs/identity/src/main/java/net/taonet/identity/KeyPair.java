package net.taonet.identity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An ed25519 key pair from the JDK's own provider, known by its 32-byte seed. A coldkey owns funds and
 * hotkeys; a hotkey is a neuron's operating key (DESIGN §6).
 */
public final class KeyPair {

    private final byte[] seed;
    private final byte[] publicKey;
    private final PrivateKey privateKey;
    private final String address;

    private KeyPair(byte[] seed) {
        this.seed = seed.clone();
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            // The JDK derives an ed25519 key pair from 32 random bytes: feeding it the seed reproduces the pair.
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(this.seed));
            java.security.KeyPair pair = generator.generateKeyPair();
            byte[] x509 = pair.getPublic().getEncoded();
            this.publicKey = Arrays.copyOfRange(x509, x509.length - 32, x509.length);
            this.privateKey = KeyFactory.getInstance("Ed25519")
                    .generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, this.seed));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("ed25519 is not available in this JDK", e);
        }
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
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(privateKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
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

    /** Hands the seed to the key generator once; never used for anything else. */
    private static final class SeedRandom extends SecureRandom {
        private final byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed;
        }

        @Override
        public void nextBytes(byte[] bytes) {
            System.arraycopy(seed, 0, bytes, 0, Math.min(seed.length, bytes.length));
        }
    }
}
