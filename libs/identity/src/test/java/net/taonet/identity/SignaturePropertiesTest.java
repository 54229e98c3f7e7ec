package net.taonet.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
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
}
