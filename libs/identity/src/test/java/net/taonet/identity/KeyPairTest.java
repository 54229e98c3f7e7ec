package net.taonet.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KeyPairTest {

    /** RFC 8032 §7.1, TEST 1: the seed is the RFC's 32-byte secret key, so any ed25519 library agrees with us. */
    @Test
    void rfc8032TestVector1() {
        KeyPair key = KeyPair.fromSeedHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");
        assertThat(key.publicKeyHex()).isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(HexFormat.of().formatHex(key.sign(new byte[0]))).isEqualTo(
                "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065"
                        + "224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    }

    /** RFC 8032 §7.1, TEST 2: a one-byte message. */
    @Test
    void rfc8032TestVector2() {
        KeyPair key = KeyPair.fromSeedHex("4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb");
        assertThat(key.publicKeyHex()).isEqualTo("3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c");
        assertThat(HexFormat.of().formatHex(key.sign(new byte[] {0x72}))).isEqualTo(
                "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da"
                        + "085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00");
    }

    @Test
    void aSeedAlwaysGivesTheSameKeyAndAddress() {
        KeyPair a = KeyPair.generate();
        KeyPair b = KeyPair.fromSeedHex("0x" + a.seedHex());
        assertThat(b.address()).isEqualTo(a.address());
        assertThat(b.publicKeyHex()).isEqualTo(a.publicKeyHex());
        assertThat(Ss58.decode(a.address())).isEqualTo(a.publicKey());
        assertThat(Signatures.verify(a.address(), "m".getBytes(), b.sign("m".getBytes()))).isTrue();
        assertThat(a.toString()).doesNotContain(a.seedHex());
    }

    @Test
    void rejectsSeedsOfTheWrongLength() {
        assertThatThrownBy(() -> KeyPair.fromSeed(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyPair.fromSeedHex("abcd")).isInstanceOf(IllegalArgumentException.class);
    }
}
