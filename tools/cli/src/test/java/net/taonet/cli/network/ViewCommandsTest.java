package net.taonet.cli.network;

import static org.assertj.core.api.Assertions.assertThat;

import net.taonet.cli.CliRun;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** metagraph (gateway) and epochs (consensus-service): unsigned reads, tables and --json. */
class ViewCommandsTest extends NetworkTestBase {

    @Test
    void metagraphTableAndJson() {
        network.on("GET", "/api/v1/subnets/1/metagraph", 200, "{\"netuid\":1,\"epoch\":4,\"epochBlock\":1798,"
                + "\"composedAtBlock\":1800,\"n\":2,\"neurons\":["
                + "{\"uid\":0,\"hotkey\":\"" + hotkey.address() + "\",\"coldkey\":\"" + coldkey.address() + "\",\"stakeRao\":1000000000000,"
                + "\"incentive\":0,\"dividends\":65535,\"consensus\":0,\"validatorTrust\":65535,\"stakeWeight\":65535,"
                + "\"emissionRao\":500000000,\"validatorPermit\":true,\"active\":true,\"lastUpdate\":1700,\"registrationBlock\":5,\"serving\":null},"
                + "{\"uid\":1,\"hotkey\":\"" + miner.address() + "\",\"coldkey\":\"" + coldkey.address() + "\",\"stakeRao\":0,"
                + "\"incentive\":65535,\"dividends\":0,\"consensus\":32767,\"validatorTrust\":0,\"stakeWeight\":0,"
                + "\"emissionRao\":500000000,\"validatorPermit\":false,\"active\":true,\"lastUpdate\":1600,\"registrationBlock\":9,\"serving\":{}}]}");
        CliRun.Result r = ok(run("metagraph", "--netuid", "1"));
        assertThat(r.out()).contains("subnet 1  2 UIDs  epoch 4 (block 1798)  at block 1800")
                .containsPattern("0\\s+\\S+…\\S+\\s+1000\\s+0.0000\\s+1.0000\\s+0.0000\\s+1.0000\\s+0.5\\s+yes\\s+yes\\s+1700")
                .containsPattern("1\\s+\\S+\\s+0\\s+1.0000\\s+0.0000\\s+0.5000\\s+0.0000\\s+0.5\\s+no\\s+yes\\s+1600")
                .contains("total stake 1000 TAO, emission 1 TAO");
        assertThat(ok(run("metagraph", "--netuid", "1", "--wide")).out()).contains(miner.address()).contains(coldkey.address());
        JsonNode json = json(run("metagraph", "--netuid", "1", "--json", "--block", "1000"));
        assertThat(json.path("neurons").size()).isEqualTo(2);
        assertThat(network.last().pathAndQuery()).isEqualTo("/api/v1/subnets/1/metagraph?block=1000");
        assertThat(network.requests()).allSatisfy(req -> {
            assertThat(req.method()).isEqualTo("GET");
            assertThat(req.signer()).isNull();
        });
    }

    @Test
    void metagraphBeforeTheFirstEpochAndErrors() {
        network.on("GET", "/api/v1/subnets/2/metagraph", 200, "{\"netuid\":2,\"epoch\":null,\"n\":0,\"neurons\":[]}");
        assertThat(ok(run("metagraph", "--netuid", "2")).out()).contains("no epoch yet");
        network.problem("GET", "/api/v1/subnets/3/metagraph", 503, "upstream-unavailable", "consensus-service is not answering");
        oneErrorLine(run("metagraph", "--netuid", "3"), 1, "503 upstream-unavailable: consensus-service is not answering");
        oneErrorLine(run("metagraph", "--netuid", "3", "--block", "-5"), 2, "--block");
    }

    @Test
    void epochsListPagesAndDetail() {
        network.on("GET", "/api/v1/subnets/1/epochs", 200, "{\"netuid\":1,\"page\":1,\"size\":2,\"total\":5,\"epochs\":["
                + "{\"epoch\":3,\"block\":1438,\"n\":4,\"inputsHash\":\"" + "ab".repeat(32) + "\",\"computedBy\":\"c-1\","
                + "\"computeMicros\":812,\"completedAt\":\"2026-01-01T00:00:00Z\"}]}");
        CliRun.Result r = ok(run("epochs", "--netuid", "1", "--page", "1", "--size", "2"));
        assertThat(network.only().pathAndQuery()).isEqualTo("/api/v1/subnets/1/epochs?page=1&size=2");
        assertThat(r.out()).containsPattern("3\\s+1438\\s+4\\s+abababababababab…\\s+c-1\\s+812").contains("1 of 5 epochs");

        network.on("GET", "/api/v1/subnets/1/epochs/3", 200, "{\"netuid\":1,\"epoch\":3,\"block\":1438,\"raoEmission\":"
                + "360000000000,\"inputsHash\":\"h\",\"inputs\":{},\"outputs\":[{\"uid\":0,\"hotkey\":\"" + hotkey.address()
                + "\",\"active\":true,\"stakeWeight\":65535,\"consensus\":0,\"incentive\":0,\"dividends\":65535,"
                + "\"validatorTrust\":65535,\"validatorPermit\":true,\"emission\":180000000000}]}");
        CliRun.Result d = ok(run("epochs", "--netuid", "1", "--epoch", "3"));
        assertThat(d.out()).contains("emission 360 TAO").containsPattern("0\\s+\\S+\\s+yes\\s+1.0000\\s+0.0000\\s+0.0000\\s+1.0000\\s+1.0000\\s+yes\\s+180");
        assertThat(json(run("epochs", "--netuid", "1", "--epoch", "3", "--json")).path("raoEmission").asLong()).isEqualTo(360_000_000_000L);

        oneErrorLine(run("epochs", "--netuid", "1", "--size", "500"), 2, "--size");
        network.problem("GET", "/api/v1/subnets/1/epochs/99", 404, "epoch-not-found", "subnet 1 has no epoch 99");
        oneErrorLine(run("epochs", "--netuid", "1", "--epoch", "99"), 1, "404 epoch-not-found");
    }

    @Test
    void replayWithOverridesShowsTheDiff() {
        network.on("POST", "/api/v1/subnets/1/epochs/3/replay", 200, "{\"netuid\":1,\"epoch\":3,\"block\":1438,"
                + "\"inputsHash\":\"h\",\"inputsHashVerified\":true,\"overrides\":{\"kappa\":40000},\"identical\":false,"
                + "\"uidsCompared\":4,\"uidsChanged\":1,\"diffs\":[{\"uid\":2,\"hotkey\":\"" + miner.address()
                + "\",\"fields\":[{\"field\":\"incentive\",\"stored\":100,\"replayed\":90}]}]}");
        CliRun.Result r = ok(run("epochs", "--netuid", "1", "--epoch", "3", "--replay", "--set", "kappa=40000",
                "--set", "liquid_alpha_enabled=true"));
        FakeNetwork.Request req = network.only();
        assertThat(req.method()).isEqualTo("POST");
        assertThat(req.json()).isEqualTo(body("{\"hyperparameters\":{\"kappa\":40000,\"liquidAlphaEnabled\":true}}"));
        assertThat(r.out()).contains("(verified)").contains("1 of 4 UIDs differ").containsPattern("2\\s+\\S+\\s+incentive\\s+100\\s+90");
        oneErrorLine(run("epochs", "--netuid", "1", "--replay"), 2, "--epoch");
        oneErrorLine(run("epochs", "--netuid", "1", "--epoch", "3", "--set", "kappa=1"), 2, "--replay");
    }

    @Test
    void everyReadCommandPrintsTheNetworksAnswerAsOneJsonDocument() {
        String h = hotkey.address();
        String c = coldkey.address();
        String[][] cases = {
                {"/api/v1/subnets", "[{\"netuid\":1}]", "subnet list"},
                {"/api/v1/subnets/1", "{\"netuid\":1,\"identity\":{\"name\":\"n\"}}", "subnet show --netuid 1"},
                {"/api/v1/subnets/1/hyperparameters", "{\"tempo\":360}", "subnet hyperparameters --netuid 1"},
                {"/api/v1/subnets/1/neurons", "[{\"uid\":0}]", "subnet neurons --netuid 1"},
                {"/api/v1/accounts/" + c, "{\"freeRao\":1,\"positions\":[]}", "balance --wallet alice"},
                {"/api/v1/accounts/" + c, "{\"freeRao\":1,\"positions\":[]}", "stake list --coldkey " + c},
                {"/api/v1/stakes/hotkeys/" + h, "{\"hotkey\":\"" + h + "\",\"subnets\":[]}", "stake list --hotkey-address " + h},
                {"/api/v1/stakes/subnets/1", "{\"netuid\":1,\"totalRao\":0,\"hotkeys\":[]}", "stake list --netuid 1"},
                {"/api/v1/takes/" + h, "{\"take\":11796}", "take show --hotkey-address " + h},
                {"/api/v1/weights/1", "[]", "weights show --netuid 1"},
                {"/api/v1/weights/1/commits/" + h, "[]", "weights commits --netuid 1 --hotkey-address " + h},
                {"/api/v1/subnets/1/metagraph", "{\"netuid\":1,\"neurons\":[]}", "metagraph --netuid 1"},
                {"/api/v1/subnets/1/epochs", "{\"netuid\":1,\"epochs\":[]}", "epochs --netuid 1"},
                {"/api/v1/subnets/1/epochs/0", "{\"netuid\":1,\"epoch\":0,\"outputs\":[]}", "epochs --netuid 1 --epoch 0"},
        };
        for (String[] k : cases) {
            network.on("GET", k[0], 200, k[1]);
            String[] args = (k[2] + " --json").split(" ");
            JsonNode printed = json(run(args));
            assertThat(printed).as(k[2]).isEqualTo(body(k[1]));
            assertThat(network.last().signer()).as(k[2]).isNull();
        }
    }
}
