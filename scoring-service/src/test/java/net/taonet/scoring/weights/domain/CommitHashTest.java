package net.taonet.scoring.weights.domain;

import net.taonet.identity.CommitHash;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import java.util.List;
import net.taonet.identity.KeyPair;
import org.junit.jupiter.api.Test;

/** The published test vector of scoring-service/README.md: clients in other languages check against it. */
class CommitHashTest {

    static final KeyPair HOTKEY = KeyPair.fromSeedHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    static final byte[] SALT = HexFormat.of().parseHex("0102030405060708");

    @Test
    void encodingIsTheDocumentedLayout() {
        byte[] encoded = CommitHash.encode(HOTKEY.address(), 1, List.of(0, 1, 2), List.of(65535, 32768, 0), SALT, 7);
        String hex = HexFormat.of().formatHex(encoded);
        assertThat(hex).isEqualTo(HexFormat.of().formatHex("taonet-weights-commit-v1".getBytes())
                + HOTKEY.publicKeyHex()
                + "0001"
                + "00000003" + "0000" + "0001" + "0002"
                + "00000003" + "ffff" + "8000" + "0000"
                + "00000008" + "0102030405060708"
                + "0000000000000007");
    }

    @Test
    void publishedVector() {
        assertThat(HOTKEY.address()).isEqualTo(VECTOR_ADDRESS);
        assertThat(CommitHash.of(HOTKEY.address(), 1, List.of(0, 1, 2), List.of(65535, 32768, 0), SALT, 7))
                .isEqualTo(VECTOR_HASH);
    }

    @Test
    void everyFieldChangesTheHash() {
        String base = CommitHash.of(HOTKEY.address(), 1, List.of(0, 1, 2), List.of(65535, 32768, 0), SALT, 7);
        assertThat(CommitHash.of(KeyPair.fromSeed(new byte[32]).address(), 1, List.of(0, 1, 2), List.of(65535, 32768, 0), SALT, 7)).isNotEqualTo(base);
        assertThat(CommitHash.of(HOTKEY.address(), 2, List.of(0, 1, 2), List.of(65535, 32768, 0), SALT, 7)).isNotEqualTo(base);
        assertThat(CommitHash.of(HOTKEY.address(), 1, List.of(0, 2, 1), List.of(65535, 32768, 0), SALT, 7)).isNotEqualTo(base);
        assertThat(CommitHash.of(HOTKEY.address(), 1, List.of(0, 1, 2), List.of(65535, 32767, 0), SALT, 7)).isNotEqualTo(base);
        assertThat(CommitHash.of(HOTKEY.address(), 1, List.of(0, 1, 2), List.of(65535, 32768, 0), new byte[] {1}, 7)).isNotEqualTo(base);
        assertThat(CommitHash.of(HOTKEY.address(), 1, List.of(0, 1, 2), List.of(65535, 32768, 0), SALT, 8)).isNotEqualTo(base);
        assertThat(CommitHash.isWellFormed(base)).isTrue();
    }

    static final String VECTOR_ADDRESS = "5C9TqVEs5Q51zUdjvp6tSsjHAfLseJKq1Dq6ULcuSLqEuRSf";
    static final String VECTOR_HASH = "2e5f1dd96c89f76de0b27bc45e2442bf48747a2792ef608758b57652a5339cce";
}
