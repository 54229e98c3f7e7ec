package net.taonet.systemtests.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.taonet.identity.KeyPair;
import net.taonet.identity.SignedRequests;
import net.taonet.systemtests.badinput.HostileRequests.Probe;
import net.taonet.systemtests.support.Http;
import net.taonet.systemtests.support.Keys;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class HostileRequestsTest {

    final HostileRequests generator = new HostileRequests(Keys.MALLORY);
    final KeyPair owner = Keys.NOBODY;

    Endpoint transfer() {
        ObjectNode body = Http.JSON.createObjectNode().put("from", owner.address()).put("to", Keys.ALICE.address())
                .put("amountRao", 1_000);
        body.putObject("memo").put("text", "hi");
        return Endpoint.post("/api/v1/things/{netuid}").var("netuid", 3, Endpoint.Kind.NUMBER).query("limit", 5)
                .signedBy(owner).idempotent().body(body).build();
    }

    static String text(Probe p) {
        return new String(p.call().body(), StandardCharsets.UTF_8);
    }

    @Test
    void everyFieldIsMissingOnceAndOfEveryOtherJsonType() {
        List<Probe> probes = generator.probes(transfer());
        Map<String, Long> byCategory = probes.stream().collect(Collectors.groupingBy(Probe::category, Collectors.counting()));
        assertThat(byCategory).containsKeys("missing:/from", "missing:/to", "missing:/amountRao", "missing:/memo",
                "missing:/memo/text", "field:/amountRao", "field:/memo/text", "path:netuid", "query:limit", "body",
                "signature:forged", "signature:replayed", "header:idempotency-key", "baseline");
        assertThat(probes).filteredOn(p -> p.category().equals("missing:/amountRao")).singleElement()
                .satisfies(p -> assertThat(text(p)).doesNotContain("amountRao"));
        List<String> amounts = probes.stream().filter(p -> p.category().equals("field:/amountRao")).map(HostileRequestsTest::text).toList();
        assertThat(amounts).anySatisfy(t -> assertThat(t).contains("\"amountRao\":9223372036854775808"))
                .anySatisfy(t -> assertThat(t).contains("\"amountRao\":1e400"))
                .anySatisfy(t -> assertThat(t).contains("\"amountRao\":-1,"))
                .anySatisfy(t -> assertThat(t).contains("\"amountRao\":true"))
                .anySatisfy(t -> assertThat(t).contains("\"amountRao\":\"not a number\""))
                .anySatisfy(t -> assertThat(t).contains("\"amountRao\":null"))
                .noneSatisfy(t -> assertThat(t).contains("\"amountRao\":1000"));
        assertThat(probes).filteredOn(p -> p.category().equals("field:/from"))
                .anySatisfy(p -> assertThat(text(p)).contains("DROP TABLE"))
                .anySatisfy(p -> assertThat(text(p)).contains("\"from\":{\"x\":1}"));
    }

    @Test
    void pathAndQueryValuesAreMalformedOrUnknown() {
        List<String> paths = generator.probes(transfer()).stream().filter(p -> p.category().equals("path:netuid"))
                .map(p -> p.call().pathAndQuery()).toList();
        assertThat(paths).contains("/api/v1/things/abc?limit=5", "/api/v1/things/-1?limit=5",
                "/api/v1/things/99999999999999999999?limit=5", "/api/v1/things/4242?limit=5");
        assertThat(paths).allSatisfy(p -> assertThat(p).doesNotContain(" ", "'", "<"));
    }

    @Test
    void hugeAndNestedBodiesAreBeyondEveryLimit() {
        List<Probe> bodies = generator.probes(transfer()).stream().filter(p -> p.category().equals("body")).toList();
        assertThat(bodies).anySatisfy(p -> assertThat(p.call().body().length).isGreaterThan(2 * 1024 * 1024));
        assertThat(bodies).anySatisfy(p -> assertThat(text(p)).startsWith("[".repeat(1_000)));
        assertThat(bodies).anySatisfy(p -> assertThat(p.call().body()).isEmpty());
    }

    @Test
    void signatureProbesNameTheOwnerButNeverCarryItsValidSignature() {
        List<Probe> sigs = generator.probes(transfer()).stream().filter(p -> p.category().startsWith("signature:")).toList();
        assertThat(sigs).extracting(Probe::category).contains("signature:missing", "signature:garbage", "signature:forged",
                "signature:stale", "signature:future", "signature:tampered-body", "signature:other-path", "signature:replayed");
        Probe forged = sigs.stream().filter(p -> p.category().equals("signature:forged")).findFirst().orElseThrow();
        assertThat(forged.call().headers()).containsEntry(SignedRequests.SIGNER_HEADER, owner.address());
        assertThat(forged.call().signer()).isNull();
        Probe replayed = sigs.stream().filter(p -> p.category().equals("signature:replayed")).findFirst().orElseThrow();
        assertThat(replayed.replay()).isTrue();
        assertThat(replayed.call().signer()).isEqualTo(owner);
    }

    @Test
    void readsGetNoBodyOrSignatureProbes() {
        List<Probe> probes = generator.probes(Endpoint.get("/api/v1/accounts/{address}")
                .var("address", owner.address(), Endpoint.Kind.ADDRESS).build());
        assertThat(probes).isNotEmpty().allSatisfy(p -> assertThat(p.category()).matches("path:address|baseline"));
    }
}
