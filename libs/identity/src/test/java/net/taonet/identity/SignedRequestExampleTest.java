package net.taonet.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The worked example of tools/cli/README.md ("Signed requests"): a client in another language that
 * reproduces these numbers signs exactly as TaoNet verifies.
 */
class SignedRequestExampleTest {

    static final String SEED = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    static final String METHOD = "POST";
    static final String PATH = "/api/v1/transfers";
    static final long NONCE = 1767225600000L;
    static final String BODY = "{\"to\":\"5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty\",\"amountRao\":1000000000}";

    static final String ADDRESS = "5Gw54ghuAHodDGAS91DUxqvKa6PeT9bhDdns3ztBupY8pSyn";
    static final String BODY_SHA256 = "c6d0cfc2379d7a50943e63eb94773743bffac3ca25634bae4171d84e8e1eff94";
    static final String SIGNATURE =
            "7Hl7ipUonSw9jXz+cIVAaDmbOIhBLIrbHQDjT/kyIW/yoDnmxUMdBQOkAAb9+YUT/537BlCGoYhxSMV8d9ZMAw==";

    @Test
    void workedExample() {
        KeyPair key = KeyPair.fromSeedHex(SEED);
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        SignedHeaders headers = new RequestSigner(key).sign(METHOD, PATH, NONCE, body);

        assertThat(key.address()).isEqualTo(ADDRESS);
        assertThat(SignedRequests.sha256Hex(body)).isEqualTo(BODY_SHA256);
        assertThat(SignedRequests.canonicalString(METHOD, PATH, NONCE, body))
                .isEqualTo("POST\n/api/v1/transfers\n1767225600000\n" + BODY_SHA256);
        assertThat(headers.asMap()).containsExactly(
                java.util.Map.entry("X-Taonet-Signer", ADDRESS),
                java.util.Map.entry("X-Taonet-Nonce", "1767225600000"),
                java.util.Map.entry("X-Taonet-Signature", SIGNATURE));

        MutableClock serverClock = new MutableClock(NONCE + 1500);
        RequestVerifier verifier = new RequestVerifier(new InMemoryNonceStore(), Duration.ofSeconds(60), serverClock);
        assertThat(verifier.verify(METHOD, PATH, body, ADDRESS, "1767225600000", SIGNATURE)).isEqualTo(ADDRESS);
    }

    @Test
    void emptyBodyHashesTheEmptyString() {
        assertThat(SignedRequests.sha256Hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(SignedRequests.sha256Hex(null)).isEqualTo(SignedRequests.sha256Hex(new byte[0]));
        assertThat(SignedRequests.canonicalString("get", "/api/v1/accounts/x?limit=10&after=a%20b", 5, null))
                .isEqualTo("GET\n/api/v1/accounts/x?limit=10&after=a%20b\n5\n"
                        + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void thePathOfAUriIsItsRawPathAndQuery() {
        assertThat(SignedRequests.pathAndQuery(java.net.URI.create("http://h:1/a%2Fb/c?x=1&y=%20")))
                .isEqualTo("/a%2Fb/c?x=1&y=%20");
        assertThat(SignedRequests.pathAndQuery(java.net.URI.create("http://h:1"))).isEqualTo("/");
        assertThat(SignedRequests.pathAndQuery(java.net.URI.create("http://h:1/p"))).isEqualTo("/p");
    }
}
