package net.taonet.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class Ss58Test {

    /**
     * Published pairs: the Substrate development accounts (sr25519 //Alice ... //Ferdie, and ed25519 //Alice)
     * with their addresses in the generic format (prefix 42) that Bittensor also uses. The address depends
     * only on the 32 public-key bytes, whatever the key scheme.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Alice,   d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d, 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
            "Bob,     8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48, 5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty",
            "Charlie, 90b5ab205c6974c9ea841be688864633dc9ca8a357843eeacf2314649965fe22, 5FLSigC9HGRKVhB9FiEo4Y3koPsNmBmLJbpXg2mp1hXcS59Y",
            "Dave,     306721211d5404bd9da88e0204360a1a9ab8b87c66c1bc2fcdd37f3c2222cc20, 5DAAnrj7VHTznn2AWBemMuyBwZWs6FNFjdyVXUeYum3PTXFy",
            "Eve,     e659a7a1628cdd93febc04a4e0646ea20e9f5f0ce097d9a05290d4a9e054df4e, 5HGjWAeFDfFCWPsjFQdVV2Msvz2XtMktvgocEZcCj68kUMaw",
            "Ferdie,  1cbd2d43530a44705ad088af313e18f80b53ef16b36177cd4b77b846f2a5f07c, 5CiPPseXPECbkjWCa6MnjNokrgYjMqmKndv2rSnekmSK2DjL",
            "Alice ed25519, 88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee, 5FA9nQDVg267DEd8m1ZypXLBnvN7SFxYwV7ndqSYGiN9TTpu",
    })
    void publishedDevelopmentAccounts(String who, String publicKeyHex, String address) {
        byte[] publicKey = HexFormat.of().parseHex(publicKeyHex);
        assertThat(Ss58.encode(publicKey)).isEqualTo(address);
        assertThat(Ss58.decode(address)).isEqualTo(publicKey);
        assertThat(Ss58.isValid(address)).isTrue();
    }

    @Test
    void rejectsABadChecksum() {
        String good = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
        String bad = good.substring(0, good.length() - 1) + "Z";
        assertThatThrownBy(() -> Ss58.decode(bad)).isInstanceOf(InvalidAddressException.class)
                .hasMessageContaining("checksum");
    }

    @Test
    void rejectsAnotherNetworkPrefix() {
        // Polkadot (prefix 0) encoding of Alice's key.
        byte[] payload = new byte[35];
        payload[0] = 0;
        System.arraycopy(HexFormat.of().parseHex("d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d"),
                0, payload, 1, 32);
        String polkadot = Base58.encode(payload);
        assertThatThrownBy(() -> Ss58.decode(polkadot)).isInstanceOf(InvalidAddressException.class)
                .hasMessageContaining("prefix 0");
    }

    @Test
    void rejectsWrongLengthsAndCharacters() {
        assertThatThrownBy(() -> Ss58.decode("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQ"))
                .isInstanceOf(InvalidAddressException.class).hasMessageContaining("length");
        assertThatThrownBy(() -> Ss58.decode("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKut0Y"))
                .isInstanceOf(InvalidAddressException.class).hasMessageContaining("base58");
        assertThatThrownBy(() -> Ss58.decode(" ")).isInstanceOf(InvalidAddressException.class);
        assertThatThrownBy(() -> Ss58.encode(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThat(Ss58.isValid(null)).isFalse();
    }

    @Test
    void refusesAnOverlongAddressBeforeDecodingItAndDoesNotEchoIt() {
        // 'x' is a Base58 digit: decoding 100,000 of them (quadratic) would take minutes, not a refusal
        String huge = "x".repeat(100_000);
        assertThatThrownBy(() -> Ss58.decode(huge)).isInstanceOf(InvalidAddressException.class)
                .hasMessageContaining("too long (100000 characters; an SS58 address has 47 or 48)")
                .hasMessageNotContaining("x".repeat(17));
        assertThatThrownBy(() -> Ss58.decode("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY1"))
                .isInstanceOf(InvalidAddressException.class).hasMessageContaining("too long (49 characters");
        // the longest real addresses are 48 characters and still decode
        assertThat(Ss58.isValid("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY")).isTrue();
    }
}
