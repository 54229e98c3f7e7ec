package net.taonet.cli.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import net.taonet.cli.CliRun;
import net.taonet.identity.KeyPair;
import net.taonet.identity.wallet.ScryptParams;
import net.taonet.identity.wallet.WalletStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A fake network, a wallet "alice" (coldkey, hotkeys "default" and "miner"), and the CLI pointed at both. */
abstract class NetworkTestBase {

    static final String BOB = "5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty";

    @TempDir
    Path dir;

    FakeNetwork network;
    CliRun cli;
    KeyPair coldkey;
    KeyPair hotkey;
    KeyPair miner;

    @BeforeEach
    void startNetwork() throws Exception {
        network = new FakeNetwork();
        WalletStore store = new WalletStore(dir.resolve("wallets"), ScryptParams.FAST_FOR_TESTS);
        coldkey = store.create("alice", "pw".toCharArray());
        hotkey = store.createHotkey("alice", "default");
        miner = store.createHotkey("alice", "miner");
        cli = new CliRun();
        cli.env.put("TAONET_WALLET_PASSWORD", "pw");
        cli.env.put("TAONET_COMMITS_DIR", dir.resolve("commits").toString());
    }

    @AfterEach
    void stopNetwork() {
        network.close();
    }

    /** Runs the CLI against the fake network and the test wallets. */
    CliRun.Result run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--url");
        all.add(network.url());
        all.add("--wallets-dir");
        all.add(dir.resolve("wallets").toString());
        return cli.run(all.toArray(String[]::new));
    }

    static CliRun.Result ok(CliRun.Result r) {
        assertThat(r.code()).as("exit status; stderr: %s", r.err()).isZero();
        assertThat(r.err()).isEmpty();
        return r;
    }

    static JsonNode json(CliRun.Result r) {
        ok(r);
        return FakeNetwork.JSON.readTree(r.out());
    }

    static void oneErrorLine(CliRun.Result r, int code, String fragment) {
        assertThat(r.code()).as(r.err()).isEqualTo(code);
        assertThat(r.err()).startsWith("taonet: ").contains(fragment).doesNotContain("\tat ").doesNotContain("Exception");
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    /** A state change: signed by {@code key}, with an idempotency key (a UUID unless {@code expectedKey}). */
    static void signedBy(FakeNetwork.Request request, KeyPair key, String expectedKey) {
        assertThat(request.signer()).as("verified signer of %s %s", request.method(), request.pathAndQuery())
                .isEqualTo(key.address());
        String idempotencyKey = request.header("Idempotency-Key");
        assertThat(idempotencyKey).as("Idempotency-Key").isNotBlank();
        if (expectedKey == null) {
            assertThat(UUID.fromString(idempotencyKey).toString()).isEqualTo(idempotencyKey);
        } else {
            assertThat(idempotencyKey).isEqualTo(expectedKey);
        }
    }

    static void signedBy(FakeNetwork.Request request, KeyPair key) {
        signedBy(request, key, null);
    }

    static JsonNode body(String json) {
        return FakeNetwork.JSON.readTree(json);
    }
}
