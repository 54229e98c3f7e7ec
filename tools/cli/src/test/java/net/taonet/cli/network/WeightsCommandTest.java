package net.taonet.cli.network;

import net.taonet.identity.CommitHash;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import net.taonet.cli.CliRun;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** weights set, commit, reveal, show and commits against scoring-service's weights API. */
class WeightsCommandTest extends NetworkTestBase {

    String applied(String weights) {
        return "{\"netuid\":1,\"uid\":4,\"hotkey\":\"" + hotkey.address() + "\",\"weights\":" + weights
                + ",\"block\":120,\"lastUpdate\":120,\"revealedCommitHash\":null}";
    }

    List<Path> savedCommits() throws Exception {
        Path dir = this.dir.resolve("commits");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".json")).toList();
        }
    }

    @Test
    void setIsSignedByTheHotkey() {
        network.on("POST", "/api/v1/weights", 200, applied("[{\"uid\":0,\"weight\":65535},{\"uid\":2,\"weight\":39321}]"));
        CliRun.Result r = ok(run("weights", "set", "--wallet", "alice", "--netuid", "1", "--uids", "2,0",
                "--weights", "0.3,0.5", "--version-key", "3"));
        FakeNetwork.Request req = network.only();
        assertThat(req.pathAndQuery()).isEqualTo("/api/v1/weights");
        signedBy(req, hotkey);
        assertThat(req.json()).isEqualTo(body("{\"netuid\":1,\"uids\":[2,0],\"weights\":[39321,65535],\"versionKey\":3,"
                + "\"hotkey\":\"" + hotkey.address() + "\"}"));
        assertThat(r.out()).contains("Weights set on subnet 1").containsPattern("0\\s+65535\\s+62.50%");
    }

    @Test
    void setWithAnotherHotkeyAndItsRefusal() {
        network.problem("POST", "/api/v1/weights", 409, "commit-reveal-enabled", "subnet 1 uses commit-reveal: commit, then reveal");
        oneErrorLine(run("weights", "set", "--wallet", "alice", "--hotkey", "miner", "--netuid", "1", "--uids", "0",
                "--weights", "1"), 1, "409 commit-reveal-enabled: subnet 1 uses commit-reveal");
        signedBy(network.only(), miner);
        oneErrorLine(run("weights", "set", "--wallet", "alice", "--netuid", "1", "--uids", "0,1", "--weights", "1"), 2,
                "one weight per UID");
        oneErrorLine(run("weights", "set", "--wallet", "alice", "--hotkey", "nope", "--netuid", "1", "--uids", "0",
                "--weights", "1"), 2, "nope");
        assertThat(network.requests()).hasSize(1);
    }

    @Test
    void commitSendsOnlyTheHashAndRevealSendsWhatWasSaved() throws Exception {
        network.on("POST", "/api/v1/weights/commit", 200, "{\"netuid\":1,\"uid\":4,\"hotkey\":\"" + hotkey.address()
                + "\",\"commitHash\":\"x\",\"commitBlock\":100,\"commitEpoch\":0,\"revealEpoch\":1,\"revealFromBlock\":359,"
                + "\"revealUntilBlock\":719}");
        CliRun.Result c = ok(run("weights", "commit", "--wallet", "alice", "--netuid", "1", "--uids", "0,1,2",
                "--weights", "65535,32768,0", "--version-key", "7"));
        FakeNetwork.Request commit = network.only();
        assertThat(commit.pathAndQuery()).isEqualTo("/api/v1/weights/commit");
        signedBy(commit, hotkey);
        JsonNode body = commit.json();
        assertThat(body.path("netuid").asInt()).isEqualTo(1);
        assertThat(body.path("hotkey").asString()).isEqualTo(hotkey.address());
        assertThat(body.has("uids")).isFalse();
        assertThat(body.has("weights")).isFalse();
        String hash = body.path("commitHash").asString();
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(c.out()).contains(hash).contains("from block 359 until block 719").contains("weights reveal");

        List<Path> saved = savedCommits();
        assertThat(saved).hasSize(1);
        assertThat(Files.getPosixFilePermissions(saved.get(0))).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        JsonNode file = FakeNetwork.JSON.readTree(Files.readString(saved.get(0)));
        byte[] salt = HexFormat.of().parseHex(file.path("salt").asString());
        assertThat(salt).hasSize(32);
        // The hash sent is the documented hash of what was saved.
        assertThat(CommitHash.of(hotkey.address(), 1, List.of(0, 1, 2), List.of(65535, 32768, 0), salt, 7)).isEqualTo(hash);
        assertThat(file.path("revealFromBlock").asLong()).isEqualTo(359);

        network.on("POST", "/api/v1/weights/reveal", 200, applied("[{\"uid\":0,\"weight\":65535},{\"uid\":1,\"weight\":32768}]"));
        CliRun.Result r = ok(run("weights", "reveal", "--wallet", "alice", "--netuid", "1"));
        FakeNetwork.Request reveal = network.last();
        assertThat(reveal.pathAndQuery()).isEqualTo("/api/v1/weights/reveal");
        signedBy(reveal, hotkey);
        assertThat(reveal.json()).isEqualTo(body("{\"netuid\":1,\"uids\":[0,1,2],\"weights\":[65535,32768,0],\"salt\":\""
                + HexFormat.of().formatHex(salt) + "\",\"versionKey\":7,\"hotkey\":\"" + hotkey.address() + "\"}"));
        assertThat(r.out()).contains("Revealed commit " + hash);
        assertThat(savedCommits()).isEmpty();

        oneErrorLine(run("weights", "reveal", "--wallet", "alice", "--netuid", "1"), 2, "no saved commit");
    }

    @Test
    void aRefusedCommitKeepsNoSaltAndARefusedRevealKeepsIt() throws Exception {
        network.problem("POST", "/api/v1/weights/commit", 429, "too-many-commits", "at most 10 unrevealed commits");
        oneErrorLine(run("weights", "commit", "--wallet", "alice", "--netuid", "1", "--uids", "0", "--weights", "1"), 1,
                "429 too-many-commits");
        assertThat(savedCommits()).isEmpty();

        network.on("POST", "/api/v1/weights/commit", 200, "{}");
        ok(run("weights", "commit", "--wallet", "alice", "--netuid", "1", "--uids", "0", "--weights", "1"));
        network.problem("POST", "/api/v1/weights/reveal", 409, "reveal-too-early", "reveal from block 359");
        oneErrorLine(run("weights", "reveal", "--wallet", "alice", "--netuid", "1"), 1, "409 reveal-too-early");
        assertThat(savedCommits()).hasSize(1);
    }

    @Test
    void aCommitWhoseAnswerWasLostKeepsItsSalt() throws Exception {
        network.on("POST", "/api/v1/weights/commit", 503, "{\"status\":503,\"detail\":\"scoring is unavailable\"}");
        CliRun.Result r = run("weights", "commit", "--wallet", "alice", "--netuid", "1", "--uids", "0", "--weights", "1");
        oneErrorLine(r, 1, "503");
        assertThat(r.err()).contains("--idempotency-key");
        assertThat(savedCommits()).hasSize(1);
    }

    @Test
    void revealPicksTheOldestOrTheNamedCommit() throws Exception {
        network.on("POST", "/api/v1/weights/commit", 200, "{}");
        WeightsCommand.clock = java.time.Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        try {
            ok(run("weights", "commit", "--wallet", "alice", "--netuid", "1", "--uids", "0", "--weights", "1"));
            WeightsCommand.clock = java.time.Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:01Z"), java.time.ZoneOffset.UTC);
            ok(run("weights", "commit", "--wallet", "alice", "--netuid", "1", "--uids", "1", "--weights", "1"));
        } finally {
            WeightsCommand.clock = java.time.Clock.systemUTC();
        }
        String first = network.requests().get(0).json().path("commitHash").asString();
        String second = network.requests().get(1).json().path("commitHash").asString();
        network.on("POST", "/api/v1/weights/reveal", 200, applied("[]"));

        ok(run("weights", "reveal", "--wallet", "alice", "--netuid", "1", "--hash", second));
        assertThat(network.last().json().path("uids").get(0).asInt()).isEqualTo(1);
        CliRun.Result r = ok(run("weights", "reveal", "--wallet", "alice", "--netuid", "1"));
        assertThat(r.out()).contains(first);
        assertThat(network.last().json().path("uids").get(0).asInt()).isZero();
        oneErrorLine(run("weights", "reveal", "--wallet", "alice", "--netuid", "1", "--hash", first), 2, "no saved commit");
    }

    @Test
    void showAndCommitsAreUnsignedReads() throws Exception {
        network.on("GET", "/api/v1/weights/1", 200, "[{\"netuid\":1,\"uid\":4,\"hotkey\":\"" + hotkey.address()
                + "\",\"weights\":[{\"uid\":0,\"weight\":65535},{\"uid\":3,\"weight\":32767}],\"setBlock\":99}]");
        assertThat(ok(run("weights", "show", "--netuid", "1")).out()).contains("0:1.0000 3:0.5000").containsPattern("4\\s+\\S+\\s+99");
        network.on("POST", "/api/v1/weights/commit", 200, "{}");
        ok(run("weights", "commit", "--wallet", "alice", "--netuid", "1", "--uids", "0", "--weights", "1"));
        String hash = network.last().json().path("commitHash").asString();
        network.on("GET", "/api/v1/weights/1/commits/" + hotkey.address(), 200, "[{\"id\":1,\"netuid\":1,\"uid\":4,\"hotkey\":\""
                + hotkey.address() + "\",\"commitHash\":\"" + hash + "\",\"commitBlock\":100,\"commitEpoch\":0},"
                + "{\"id\":2,\"commitHash\":\"" + "ab".repeat(32) + "\",\"commitBlock\":101,\"commitEpoch\":0}]");
        CliRun.Result r = ok(run("weights", "commits", "--netuid", "1", "--wallet", "alice"));
        assertThat(r.out()).containsPattern(hash + "\\s+100\\s+0\\s+yes").containsPattern("abab\\S*\\s+101\\s+0\\s+no");
        assertThat(json(run("weights", "commits", "--netuid", "1", "--hotkey-address", hotkey.address(), "--json")).size()).isEqualTo(2);
    }

    @Test
    void aCommitThatCanNoLongerBeRevealedIsDroppedAndTheNextOneTried() throws Exception {
        network.on("POST", "/api/v1/weights/commit", 200, "{}");
        WeightsCommand.clock = java.time.Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:00Z"), java.time.ZoneOffset.UTC);
        try {
            ok(run("weights", "commit", "--wallet", "alice", "--netuid", "1", "--uids", "0", "--weights", "1"));
            WeightsCommand.clock = java.time.Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:01Z"), java.time.ZoneOffset.UTC);
            ok(run("weights", "commit", "--wallet", "alice", "--netuid", "1", "--uids", "1", "--weights", "1"));
            WeightsCommand.clock = java.time.Clock.fixed(java.time.Instant.parse("2026-01-01T00:00:02Z"), java.time.ZoneOffset.UTC);
            ok(run("weights", "commit", "--wallet", "alice", "--netuid", "1", "--uids", "2", "--weights", "1"));
        } finally {
            WeightsCommand.clock = java.time.Clock.systemUTC();
        }
        String expired = network.requests().get(0).json().path("commitHash").asString();
        network.on("POST", "/api/v1/weights/reveal", 200, applied("[]"));
        network.problemOnce("POST", "/api/v1/weights/reveal", 409, "reveal-too-late", "epoch 3 is past the reveal epoch 1");

        CliRun.Result r = ok(run("weights", "reveal", "--wallet", "alice", "--netuid", "1"));
        List<FakeNetwork.Request> reveals = network.requests().subList(3, network.requests().size());
        assertThat(reveals).hasSize(2);
        assertThat(reveals.get(0).json().path("uids").get(0).asInt()).isZero();
        assertThat(reveals.get(1).json().path("uids").get(0).asInt()).isEqualTo(1);
        assertThat(reveals.get(0).header("Idempotency-Key")).isNotEqualTo(reveals.get(1).header("Idempotency-Key"));
        assertThat(r.out()).contains("Dropped saved commit " + expired + " (reveal-too-late)").contains("1 more saved commit");
        assertThat(savedCommits()).hasSize(1);

        network.problemOnce("POST", "/api/v1/weights/reveal", 400, "commit-not-found", "no pending commit has this hash");
        CliRun.Result last = run("weights", "reveal", "--wallet", "alice", "--netuid", "1");
        oneErrorLine(last, 1, "commit-not-found");
        assertThat(last.err()).contains("deleted the saved salt");
        assertThat(savedCommits()).isEmpty();
    }
}
