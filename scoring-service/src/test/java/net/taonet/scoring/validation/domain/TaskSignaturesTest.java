package net.taonet.scoring.validation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import net.taonet.identity.KeyPair;
import net.taonet.identity.Signatures;
import org.junit.jupiter.api.Test;

/** The fast path signs and verifies exactly what the identity library does. */
class TaskSignaturesTest {

    static final KeyPair KEY = KeyPair.fromSeedHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    static final String PAYLOAD = "TaskAssigned\nid\n1\n2\nminer\nvalidator\necho\n{\"nonce\":\"00\"}\n123\nfalse";

    @Test
    void signaturesAreTheIdentityLibrarysOwn() {
        String fast = TaskSignatures.sign(KEY, PAYLOAD);
        assertThat(fast).isEqualTo(Signatures.signBase64(KEY, PAYLOAD.getBytes(StandardCharsets.UTF_8)));
        assertThat(Signatures.verifyBase64(KEY.address(), PAYLOAD.getBytes(StandardCharsets.UTF_8), fast)).isTrue();
        assertThat(TaskSignatures.verify(KEY.address(), PAYLOAD,
                Signatures.signBase64(KEY, PAYLOAD.getBytes(StandardCharsets.UTF_8)))).isTrue();
    }

    @Test
    void anythingElseIsRejected() {
        String sig = TaskSignatures.sign(KEY, PAYLOAD);
        assertThat(TaskSignatures.verify(KEY.address(), PAYLOAD + "x", sig)).isFalse();
        assertThat(TaskSignatures.verify(KeyPair.fromSeed(new byte[32]).address(), PAYLOAD, sig)).isFalse();
        assertThat(TaskSignatures.verify(KEY.address(), PAYLOAD, "not base64!")).isFalse();
        assertThat(TaskSignatures.verify(KEY.address(), PAYLOAD, "AAAA")).isFalse();
        assertThat(TaskSignatures.verify("not-an-address", PAYLOAD, sig)).isFalse();
        assertThat(TaskSignatures.verify(KEY.address(), PAYLOAD, null)).isFalse();
    }
}
