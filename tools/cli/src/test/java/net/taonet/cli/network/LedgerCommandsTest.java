package net.taonet.cli.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.Map;
import net.taonet.cli.CliRun;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** balance, transfer, stake add/remove/list, take and faucet against the ledger's API (emission-service). */
class LedgerCommandsTest extends NetworkTestBase {

    String account(String address, long free, long staked, String positions) {
        return "{\"address\":\"" + address + "\",\"freeRao\":" + free + ",\"stakedRao\":" + staked + ",\"totalRao\":"
                + (free + staked) + ",\"positions\":" + positions + "}";
    }

    @Test
    void balanceOfAWalletIsAnUnsignedGetPrintedInTao() {
        network.on("GET", "/api/v1/accounts/" + coldkey.address(), 200, account(coldkey.address(), 1_500_000_000L, 2, "[]"));
        CliRun.Result r = ok(run("balance", "--wallet", "alice"));
        FakeNetwork.Request req = network.only();
        assertThat(req.method()).isEqualTo("GET");
        assertThat(req.signer()).isNull();
        assertThat(r.out()).contains("free     1.5 TAO").contains("staked   0.000000002 TAO")
                .contains("total    1.500000002 TAO").contains(coldkey.address());

        JsonNode json = json(run("balance", "--address", coldkey.address(), "--json"));
        assertThat(json.path("freeRao").asLong()).isEqualTo(1_500_000_000L);
    }

    @Test
    void anApiKeyFromTheEnvironmentGoesWithEveryRequest() {
        network.on("GET", "/api/v1/accounts/" + BOB, 200, account(BOB, 0, 0, "[]"));
        ok(run("balance", "--address", BOB));
        assertThat(network.last().header("X-Api-Key")).isNull();
        cli.env.put("TAONET_API_KEY", "tk_123");
        ok(run("balance", "--address", BOB));
        assertThat(network.last().header("X-Api-Key")).isEqualTo("tk_123");
    }

    @Test
    void balanceOfEveryWalletAddsUp() {
        network.on("GET", "/api/v1/accounts/" + coldkey.address(), 200, account(coldkey.address(), 3_000_000_000L, 1_000_000_000L, "[]"));
        CliRun.Result r = ok(run("balance", "--all"));
        assertThat(r.out()).contains("alice").containsPattern("total\\s+3\\s+1\\s+4");
        JsonNode json = json(run("balance", "--all", "--json"));
        assertThat(json.path("totalRao").asLong()).isEqualTo(4_000_000_000L);
        assertThat(json.path("wallets").get(0).path("wallet").asString()).isEqualTo("alice");
    }

    @Test
    void transferIsSignedByTheColdkeyWithTheExactRaoAmount() {
        network.on("POST", "/api/v1/transfers", 200, "{\"journalTx\":7,\"block\":42,\"from\":\"" + coldkey.address()
                + "\",\"to\":\"" + BOB + "\",\"amountRao\":1000000001,\"fromBalanceRao\":8999999999}");
        CliRun.Result r = ok(run("transfer", "--wallet", "alice", "--to", BOB, "--amount", "1.000000001"));
        FakeNetwork.Request req = network.only();
        assertThat(req.method()).isEqualTo("POST");
        assertThat(req.pathAndQuery()).isEqualTo("/api/v1/transfers");
        signedBy(req, coldkey);
        assertThat(req.json()).isEqualTo(body("{\"from\":\"" + coldkey.address() + "\",\"to\":\"" + BOB
                + "\",\"amountRao\":1000000001}"));
        assertThat(r.out()).contains("Transferred 1.000000001 TAO").contains("block    42").contains("8.999999999 TAO left");
    }

    @Test
    void aRetriedTransferReusesItsKeyAndSaysWhenTheNetworkReplayed() {
        network.on("POST", "/api/v1/transfers", 200, "{\"amountRao\":1000000000}", Map.of("Idempotent-Replayed", "true"));
        CliRun.Result r = ok(run("transfer", "--wallet", "alice", "--to", BOB, "--amount", "1", "--idempotency-key", "t-1"));
        signedBy(network.only(), coldkey, "t-1");
        assertThat(r.out()).contains("already done");
        oneErrorLine(run("transfer", "--wallet", "alice", "--to", BOB, "--amount", "1", "--idempotency-key", "has space"),
                2, "--idempotency-key");
        oneErrorLine(run("transfer", "--wallet", "alice", "--to", BOB, "--amount", "1", "--idempotency-key", "k".repeat(201)),
                2, "--idempotency-key");
    }

    @Test
    void eachInvocationHasItsOwnIdempotencyKey() {
        network.on("POST", "/api/v1/transfers", 200, "{}");
        ok(run("transfer", "--wallet", "alice", "--to", BOB, "--amount", "1"));
        ok(run("transfer", "--wallet", "alice", "--to", BOB, "--amount", "1"));
        assertThat(network.requests()).hasSize(2);
        assertThat(network.requests().get(0).header("Idempotency-Key"))
                .isNotEqualTo(network.requests().get(1).header("Idempotency-Key"));
    }

    @Test
    void aRefusedTransferIsOneLineFromTheProblemDetailAndExit1() {
        network.problem("POST", "/api/v1/transfers", 422, "insufficient-balance", "free balance 5 rao is less than 10 rao");
        oneErrorLine(run("transfer", "--wallet", "alice", "--to", BOB, "--amount", "0.00000001"), 1,
                "422 insufficient-balance: free balance 5 rao is less than 10 rao");
    }

    @Test
    void badTransferInputIsExit2AndSendsNothing() {
        oneErrorLine(run("transfer", "--wallet", "alice", "--to", BOB, "--amount", "0"), 2, "more than 0 TAO");
        oneErrorLine(run("transfer", "--wallet", "alice", "--to", BOB, "--amount", "-1"), 2, "negative");
        oneErrorLine(run("transfer", "--wallet", "alice", "--to", BOB, "--amount", "0.0000000001"), 2, "9 decimals");
        oneErrorLine(run("transfer", "--wallet", "alice", "--to", BOB, "--amount", "99999999999"), 2, "too large");
        oneErrorLine(run("transfer", "--wallet", "alice", "--to", BOB, "--amount", "1e3"), 2, "not an amount");
        oneErrorLine(run("transfer", "--wallet", "alice", "--to", "5Nope", "--amount", "1"), 2, "--to");
        oneErrorLine(run("transfer", "--wallet", "ghost", "--to", BOB, "--amount", "1"), 2, "no wallet 'ghost'");
        oneErrorLine(run("transfer", "--wallet", "alice", "--to", BOB), 2, "--amount");
        cli.env.put("TAONET_WALLET_PASSWORD", "wrong");
        oneErrorLine(run("transfer", "--wallet", "alice", "--to", BOB, "--amount", "1"), 2, "wrong password");
        assertThat(network.requests()).isEmpty();
    }

    @Test
    void stakeAddSignsWithTheColdkeyForTheNamedHotkey() {
        network.on("POST", "/api/v1/stakes/add", 200, "{\"journalTx\":3,\"block\":9,\"coldkey\":\"" + coldkey.address()
                + "\",\"hotkey\":\"" + miner.address() + "\",\"netuid\":1,\"amountRao\":2500000000,"
                + "\"freeBalanceRao\":500000000,\"positionRao\":2500000000,\"hotkeyTotalRao\":12500000000}");
        CliRun.Result r = ok(run("stake", "add", "--wallet", "alice", "--hotkey", "miner", "--netuid", "1", "--amount", "2.5"));
        FakeNetwork.Request req = network.only();
        assertThat(req.pathAndQuery()).isEqualTo("/api/v1/stakes/add");
        signedBy(req, coldkey);
        assertThat(req.json()).isEqualTo(body("{\"coldkey\":\"" + coldkey.address() + "\",\"hotkey\":\"" + miner.address()
                + "\",\"netuid\":1,\"amountRao\":2500000000}"));
        assertThat(r.out()).contains("Staked 2.5 TAO on hotkey " + miner.address() + " of subnet 1")
                .contains("12.5 TAO staked in all");
    }

    @Test
    void stakeAddOnADelegateTakesItsAddress() {
        network.on("POST", "/api/v1/stakes/add", 200, "{}");
        ok(run("stake", "add", "--wallet", "alice", "--hotkey", BOB, "--netuid", "2", "--amount", "0.002"));
        FakeNetwork.Request req = network.only();
        signedBy(req, coldkey);
        assertThat(req.json().path("hotkey").asString()).isEqualTo(BOB);
        assertThat(req.json().path("amountRao").asLong()).isEqualTo(2_000_000L);
        oneErrorLine(run("stake", "add", "--wallet", "alice", "--hotkey", "nosuch", "--netuid", "2", "--amount", "1"),
                2, "has no hotkey 'nosuch'");
        oneErrorLine(run("stake", "add", "--wallet", "alice", "--netuid", "70000", "--amount", "1"), 2, "--netuid");
    }

    @Test
    void stakeRemoveAllReadsThePositionFirst() {
        network.on("GET", "/api/v1/accounts/" + coldkey.address(), 200, account(coldkey.address(), 0, 7_000_000_000L,
                "[{\"coldkey\":\"" + coldkey.address() + "\",\"hotkey\":\"" + hotkey.address() + "\",\"netuid\":3,\"stakeRao\":7000000000},"
                        + "{\"coldkey\":\"" + coldkey.address() + "\",\"hotkey\":\"" + hotkey.address() + "\",\"netuid\":4,\"stakeRao\":5}]"));
        network.on("POST", "/api/v1/stakes/remove", 200, "{\"amountRao\":7000000000,\"positionRao\":0}");
        CliRun.Result r = ok(run("stake", "remove", "--wallet", "alice", "--netuid", "3", "--all"));
        assertThat(network.requests()).hasSize(2);
        FakeNetwork.Request req = network.last();
        signedBy(req, coldkey);
        assertThat(req.json()).isEqualTo(body("{\"coldkey\":\"" + coldkey.address() + "\",\"hotkey\":\"" + hotkey.address()
                + "\",\"netuid\":3,\"amountRao\":7000000000}"));
        assertThat(r.out()).contains("Unstaked 7 TAO").contains("position 0 TAO");

        oneErrorLine(run("stake", "remove", "--wallet", "alice", "--netuid", "9", "--all"), 2, "no stake");
        oneErrorLine(run("stake", "remove", "--wallet", "alice", "--netuid", "3"), 2, "--amount");
    }

    @Test
    void stakeRemoveAmount() {
        network.on("POST", "/api/v1/stakes/remove", 200, "{}");
        ok(run("stake", "remove", "--wallet", "alice", "--netuid", "3", "--amount", "0.5", "--json"));
        FakeNetwork.Request req = network.only();
        assertThat(req.pathAndQuery()).isEqualTo("/api/v1/stakes/remove");
        signedBy(req, coldkey);
        assertThat(req.json().path("amountRao").asLong()).isEqualTo(500_000_000L);
    }

    @Test
    void stakeListByWalletHotkeyAndSubnet() {
        network.on("GET", "/api/v1/accounts/" + coldkey.address(), 200, account(coldkey.address(), 1, 3_000_000_000L,
                "[{\"coldkey\":\"" + coldkey.address() + "\",\"hotkey\":\"" + hotkey.address() + "\",\"netuid\":1,\"stakeRao\":3000000000}]"));
        CliRun.Result mine = ok(run("stake", "list", "--wallet", "alice", "--wide"));
        assertThat(mine.out()).contains(hotkey.address()).containsPattern("1\\s+" + hotkey.address() + "\\s+3");

        network.on("GET", "/api/v1/stakes/hotkeys/" + hotkey.address(), 200, "{\"hotkey\":\"" + hotkey.address()
                + "\",\"subnets\":[{\"hotkey\":\"" + hotkey.address() + "\",\"netuid\":1,\"totalRao\":3000000000,\"positions\":"
                + "[{\"coldkey\":\"" + coldkey.address() + "\",\"hotkey\":\"" + hotkey.address() + "\",\"netuid\":1,\"stakeRao\":3000000000}]}]}");
        assertThat(ok(run("stake", "list", "--hotkey-address", hotkey.address())).out()).contains("(total)");
        assertThat(network.last().pathAndQuery()).isEqualTo("/api/v1/stakes/hotkeys/" + hotkey.address());

        network.on("GET", "/api/v1/stakes/subnets/1", 200, "{\"netuid\":1,\"totalRao\":3000000000,\"hotkeys\":[{\"hotkey\":\""
                + hotkey.address() + "\",\"netuid\":1,\"totalRao\":3000000000,\"positions\":[{}]}]}");
        JsonNode json = json(run("stake", "list", "--netuid", "1", "--json"));
        assertThat(json.path("totalRao").asLong()).isEqualTo(3_000_000_000L);
        assertThat(ok(run("stake", "list", "--netuid", "1")).out()).containsPattern("total\\s+3");
        assertThat(network.requests()).allSatisfy(req -> assertThat(req.signer()).isNull());
    }

    @Test
    void takeShowAndSet() {
        String take = "{\"hotkey\":\"" + hotkey.address() + "\",\"ownerColdkey\":\"" + coldkey.address()
                + "\",\"take\":5898,\"lastChangeBlock\":10,\"increaseAllowedFromBlock\":216010}";
        network.on("GET", "/api/v1/takes/" + hotkey.address(), 200, take);
        assertThat(ok(run("take", "show", "--wallet", "alice")).out()).contains("9.00%").contains("(5898 of 65535)");
        network.on("PUT", "/api/v1/takes/" + hotkey.address(), 200, take);
        ok(run("take", "set", "--wallet", "alice", "--take", "9%"));
        FakeNetwork.Request req = network.last();
        assertThat(req.method()).isEqualTo("PUT");
        signedBy(req, coldkey);
        assertThat(req.json()).isEqualTo(body("{\"take\":5898}"));
        oneErrorLine(run("take", "set", "--wallet", "alice", "--take", "120%"), 2, "at most 100%");
    }

    @Test
    void faucetSendsTheAdminKeyFromTheEnvironmentOrAFile() throws Exception {
        network.on("POST", "/api/v1/faucet", 200, "{\"amountRao\":100000000000,\"freeBalanceRao\":100000000000}");
        cli.env.put("TAONET_ADMIN_KEY", "env-key");
        assertThat(ok(run("faucet", "--wallet", "alice", "--amount", "100")).out()).contains("Minted 100 TAO");
        FakeNetwork.Request req = network.only();
        assertThat(req.header("X-Taonet-Admin-Key")).isEqualTo("env-key");
        assertThat(req.header("Idempotency-Key")).isNotBlank();
        assertThat(req.json()).isEqualTo(body("{\"address\":\"" + coldkey.address() + "\",\"amountRao\":100000000000}"));

        var file = Files.writeString(dir.resolve("admin"), "file-key\n");
        ok(run("faucet", "--address", BOB, "--amount", "1", "--admin-key-file", file.toString()));
        assertThat(network.last().header("X-Taonet-Admin-Key")).isEqualTo("file-key");
    }

    @Test
    void anUnreachableNetworkSaysHowToRetryAStateChangeOnce() {
        String url = network.url();
        network.close();
        CliRun.Result r = cli.run("transfer", "--wallet", "alice", "--to", BOB, "--amount", "1", "--url", url,
                "--idempotency-key", "abc", "--wallets-dir", dir.resolve("wallets").toString());
        oneErrorLine(r, 1, "cannot reach");
        assertThat(r.err()).contains("--idempotency-key abc");
    }
}
