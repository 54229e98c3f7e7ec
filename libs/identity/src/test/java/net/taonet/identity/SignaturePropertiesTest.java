package net.taonet.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.time.Duration;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class SignaturePropertiesTest {

    static final KeyPair KEY = KeyPair.fromSeedHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    @Property(tries = 200)
    void anyRequestRoundTrips(@ForAll @Size(max = 512) byte[] body, @ForAll @AlphaChars @StringLength(max = 40) String segment) {
        MutableClock clock = new MutableClock(1_000_000L);
        RequestVerifier verifier = new RequestVerifier(new InMemoryNonceStore(), Duration.ofSeconds(60), clock);
        SignedHeaders h = new RequestSigner(KEY, clock).sign("PATCH", "/x/" + segment, body);
        assertThat(verifier.verify("PATCH", "/x/" + segment, body, h.signer(), Long.toString(h.nonce()), h.signature()))
                .isEqualTo(KEY.address());
    }

    @Property(tries = 200)
    void flippingAnyBitOfTheBodyBreaksTheSignature(@ForAll @Size(min = 1, max = 256) byte[] body,
            @ForAll @IntRange(min = 0, max = 2047) int bit) {
        MutableClock clock = new MutableClock(1_000_000L);
        RequestVerifier verifier = new RequestVerifier(new InMemoryNonceStore(), Duration.ofSeconds(60), clock);
        SignedHeaders h = new RequestSigner(KEY, clock).sign("POST", "/p", body);
        byte[] tampered = body.clone();
        int i = bit % (body.length * 8);
        tampered[i / 8] ^= (byte) (1 << (i % 8));
        assertThatThrownBy(() -> verifier.verify("POST", "/p", tampered, h.signer(), Long.toString(h.nonce()), h.signature()))
                .isInstanceOfSatisfying(SignatureException.class,
                        e -> assertThat(e.reason()).isEqualTo(SignatureException.Reason.INVALID));
    }

    /**
     * Keys and signatures are byte for byte those of the JDK's own ed25519 provider (the implementation this
     * library used before), and the JDK's verifier accepts them: nothing signed before or elsewhere changes.
     */
    @Property(tries = 100)
    void keysAndSignaturesAreThoseOfTheJdkProvider(@ForAll @Size(value = 32) byte[] seed,
            @ForAll @Size(max = 1024) byte[] message) throws GeneralSecurityException {
        KeyPair key = KeyPair.fromSeed(seed);

        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
        byte[] x509 = generator.generateKeyPair().getPublic().getEncoded();
        assertThat(key.publicKey()).isEqualTo(Arrays.copyOfRange(x509, x509.length - 32, x509.length));

        Signature jdk = Signature.getInstance("Ed25519");
        jdk.initSign(KeyFactory.getInstance("Ed25519").generatePrivate(new EdECPrivateKeySpec(NamedParameterSpec.ED25519, seed)));
        jdk.update(message);
        byte[] signature = key.sign(message);
        assertThat(signature).isEqualTo(jdk.sign());
        assertThat(Signatures.verify(Signatures.publicKey(key.publicKey()), message, signature)).isTrue();
        assertThat(Signatures.verify(key.address(), message, signature)).isTrue();
    }

    /**
     * Verification through the decoded-key cache answers exactly what Bouncy Castle's and the JDK's verifiers
     * answer from the raw key, on the first call and on the cached ones: for arbitrary 32-byte "keys" (most
     * not on the curve), genuine signatures, and signatures with one bit flipped.
     */
    @Property(tries = 200)
    void cachedKeysVerifyLikeRawKeys(@ForAll @Size(value = 32) byte[] rawKey, @ForAll @Size(value = 32) byte[] seed,
            @ForAll @Size(max = 256) byte[] message, @ForAll @IntRange(min = 0, max = 511) int bit) {
        KeyPair signer = KeyPair.fromSeed(seed);
        byte[] genuine = signer.sign(message);
        byte[] flipped = genuine.clone();
        flipped[bit / 8] ^= (byte) (1 << (bit % 8));
        for (byte[] key : new byte[][] {rawKey, signer.publicKey()}) {
            String address = Ss58.encode(key);
            for (byte[] signature : new byte[][] {genuine, flipped}) {
                boolean raw = org.bouncycastle.math.ec.rfc8032.Ed25519.verify(signature, 0, key, 0, message, 0, message.length);
                assertThat(Signatures.verify(address, message, signature)).isEqualTo(raw);
                assertThat(Signatures.verify(address, message, signature)).isEqualTo(raw);
                boolean jdk;
                try {
                    jdk = Signatures.verify(Signatures.publicKey(key), message, signature);
                } catch (IllegalArgumentException notAKeyForTheJdk) {
                    jdk = false;
                }
                assertThat(raw).isEqualTo(jdk);
            }
        }
        assertThat(Signatures.verify(signer.address(), message, genuine)).isTrue();
    }

    /** Hands the seed to the JDK's key generator, which derives the pair from its first 32 random bytes. */
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
