package net.taonet.cli.network;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import net.taonet.cli.CliRun;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** subnet create/list/show/hyperparameters/set/neurons and register against the registry's API. */
class RegistryCommandsTest extends NetworkTestBase {

    String subnet() {
        return "{\"netuid\":1,\"ownerColdkey\":\"" + coldkey.address() + "\",\"ownerHotkey\":\"" + hotkey.address()
                + "\",\"taskType\":\"gemm\",\"identity\":{\"name\":\"matmul\",\"description\":\"GEMM on GPUs\","
                + "\"url\":null,\"contact\":\"ops@example.org\"},\"hyperparameters\":{\"tempo\":360,\"kappa\":32767,"
                + "\"maxAllowedUids\":256,\"commitRevealEnabled\":true},\"neuronCount\":3,\"lockRao\":1000000000000,"
                + "\"lockCostRao\":2000000000000,\"registrationPriceRao\":1260000000,\"registeredAtBlock\":5}";
    }

    @Test
    void createIsSignedByTheColdkeyAndNamesTheOwnerHotkey() {
        network.on("POST", "/api/v1/subnets", 201, subnet());
        CliRun.Result r = ok(run("subnet", "create", "--wallet", "alice", "--task-type", "gemm", "--name", "matmul",
                "--description", "GEMM on GPUs", "--contact", "ops@example.org"));
        FakeNetwork.Request req = network.only();
        assertThat(req.method()).isEqualTo("POST");
        assertThat(req.pathAndQuery()).isEqualTo("/api/v1/subnets");
        signedBy(req, coldkey);
        assertThat(req.json()).isEqualTo(body("{\"ownerColdkey\":\"" + coldkey.address() + "\",\"ownerHotkey\":\""
                + hotkey.address() + "\",\"taskType\":\"gemm\",\"identity\":{\"name\":\"matmul\",\"description\":"
                + "\"GEMM on GPUs\",\"url\":null,\"contact\":\"ops@example.org\"}}"));
        assertThat(r.out()).contains("Created subnet 1 'matmul'").contains("locked   1000 TAO");
    }

    @Test
    void createRefusedForFundsIsOneLine() {
        network.problem("POST", "/api/v1/subnets", 422, "insufficient-balance", "the lock cost is 1000 TAO");
        oneErrorLine(run("subnet", "create", "--wallet", "alice", "--task-type", "gemm", "--name", "x"), 1,
                "422 insufficient-balance: the lock cost is 1000 TAO");
        oneErrorLine(run("subnet", "create", "--wallet", "alice", "--name", "x"), 2, "--task-type");
    }

    @Test
    void listShowAndHyperparameters() {
        network.on("GET", "/api/v1/subnets", 200, "[" + subnet() + "]");
        CliRun.Result list = ok(run("subnet", "list"));
        assertThat(list.out()).containsPattern("1\\s+matmul\\s+gemm\\s+3/256\\s+360\\s+1.26");
        assertThat(json(run("subnet", "list", "--json")).get(0).path("netuid").asInt()).isEqualTo(1);

        network.on("GET", "/api/v1/subnets/1", 200, subnet());
        CliRun.Result show = ok(run("subnet", "show", "--netuid", "1"));
        assertThat(show.out()).contains("name          matmul").contains("neurons       3 of 256")
                .contains("lock cost     2000 TAO").contains("reg. price    1.26 TAO").containsPattern("commit_reveal_enabled\\s+true")
                .doesNotContain("url  ");

        network.on("GET", "/api/v1/subnets/1/hyperparameters", 200, "{\"tempo\":360,\"bondsMovingAverage\":900000}");
        assertThat(ok(run("subnet", "hyperparameters", "--netuid", "1")).out())
                .containsPattern("bonds_moving_average\\s+900000").containsPattern("tempo\\s+360");
        assertThat(network.requests()).allSatisfy(req -> assertThat(req.signer()).isNull());
    }

    @Test
    void anUnknownSubnetIsExit1WithTheServersWords() {
        network.problem("GET", "/api/v1/subnets/9", 404, "subnet-not-found", "no subnet 9");
        oneErrorLine(run("subnet", "show", "--netuid", "9"), 1, "404 subnet-not-found: no subnet 9");
        oneErrorLine(run("subnet", "show", "--netuid", "-1"), 2, "--netuid");
        oneErrorLine(run("subnet", "show", "--netuid", "x"), 2, "netuid");
    }

    @Test
    void setAsOwnerIsSignedByTheColdkey() {
        network.on("PUT", "/api/v1/subnets/1/hyperparameters/immunity_period", 200, "{\"tempo\":360,\"immunityPeriod\":7000}");
        CliRun.Result r = ok(run("subnet", "set", "--netuid", "1", "--param", "immunityPeriod", "--value", "7000",
                "--wallet", "alice"));
        FakeNetwork.Request req = network.only();
        signedBy(req, coldkey);
        assertThat(req.header("X-Taonet-Admin-Key")).isNull();
        assertThat(req.json()).isEqualTo(body("{\"value\":7000}"));
        assertThat(r.out()).contains("Set immunity_period = 7000 on subnet 1");
    }

    @Test
    void setAsAdminSendsTheAdminKey() throws Exception {
        network.on("PUT", "/api/v1/subnets/1/hyperparameters/registration_allowed", 200, "{}");
        var file = Files.writeString(dir.resolve("admin-key"), "secret-admin\n");
        ok(run("subnet", "set", "--netuid", "1", "--param", "registration-allowed", "--value", "false", "--admin",
                "--admin-key-file", file.toString()));
        FakeNetwork.Request req = network.only();
        assertThat(req.signer()).isNull();
        assertThat(req.header("X-Taonet-Admin-Key")).isEqualTo("secret-admin");
        assertThat(req.header("Idempotency-Key")).isNotBlank();
        assertThat(req.json()).isEqualTo(body("{\"value\":false}"));

        oneErrorLine(run("subnet", "set", "--netuid", "1", "--param", "tempo", "--value", "720"), 2, "--wallet");
        oneErrorLine(run("subnet", "set", "--netuid", "1", "--param", "tempo", "--value", "fast", "--wallet", "alice"), 2,
                "integer or true/false");
        network.problem("PUT", "/api/v1/subnets/1/hyperparameters/tempo", 400, "hyperparameter-out-of-range",
                "tempo must be within 360..50400");
        oneErrorLine(run("subnet", "set", "--netuid", "1", "--param", "tempo", "--value", "3", "--wallet", "alice"), 1,
                "tempo must be within 360..50400");
    }

    @Test
    void neuronsOfASubnet() {
        network.on("GET", "/api/v1/subnets/1/neurons", 200, "{\"neurons\":[{\"netuid\":1,\"uid\":0,\"hotkey\":\""
                + hotkey.address() + "\",\"coldkey\":\"" + coldkey.address() + "\",\"registrationBlock\":5,"
                + "\"serving\":{\"accelerator\":\"NVIDIA H100\"}}]}");
        assertThat(ok(run("subnet", "neurons", "--netuid", "1", "--wide")).out())
                .containsPattern("0\\s+" + hotkey.address() + "\\s+" + coldkey.address() + "\\s+5\\s+NVIDIA H100");
    }

    @Test
    void registerReadsThePriceAndPaysAtMostThat() {
        network.on("GET", "/api/v1/subnets/1/registration-price", 200, "{\"netuid\":1,\"priceRao\":1260000000}");
        network.on("POST", "/api/v1/subnets/1/neurons", 201, "{\"netuid\":1,\"uid\":5,\"hotkey\":\"" + miner.address()
                + "\",\"coldkey\":\"" + coldkey.address() + "\",\"burnRao\":1260000000}");
        CliRun.Result r = ok(run("register", "--wallet", "alice", "--hotkey", "miner", "--netuid", "1"));
        assertThat(network.requests()).hasSize(2);
        FakeNetwork.Request req = network.last();
        assertThat(req.pathAndQuery()).isEqualTo("/api/v1/subnets/1/neurons");
        signedBy(req, coldkey);
        assertThat(req.json()).isEqualTo(body("{\"hotkey\":\"" + miner.address() + "\",\"maxPriceRao\":1260000000}"));
        assertThat(r.out()).contains("as UID 5").contains("paid     1.26 TAO");
    }

    @Test
    void registerWithoutAReadablePriceAsksForALimit() {
        oneErrorLine(run("register", "--wallet", "alice", "--netuid", "1"), 1, "give --max-price");
        network.problem("GET", "/api/v1/subnets/1/registration-price", 404, "subnet-not-found", "no subnet 1");
        CliRun.Result r = run("register", "--wallet", "alice", "--netuid", "1");
        oneErrorLine(r, 1, "404 subnet-not-found: no subnet 1");
        assertThat(r.err()).doesNotContain("--max-price");
        assertThat(network.requests()).allSatisfy(req -> assertThat(req.method()).isEqualTo("GET"));
    }

    @Test
    void registerWithAPriceLimitSkipsTheLookUp() {
        network.on("POST", "/api/v1/subnets/2/neurons", 201, "{\"uid\":1}");
        JsonNode answer = json(run("register", "--wallet", "alice", "--netuid", "2", "--max-price", "0.5", "--json"));
        assertThat(answer.path("uid").asInt()).isEqualTo(1);
        FakeNetwork.Request req = network.only();
        signedBy(req, coldkey);
        assertThat(req.json()).isEqualTo(body("{\"hotkey\":\"" + hotkey.address() + "\",\"maxPriceRao\":500000000}"));

        network.problem("POST", "/api/v1/subnets/2/neurons", 409, "price-above-limit", "the price is 0.6 TAO");
        oneErrorLine(run("register", "--wallet", "alice", "--netuid", "2", "--max-price", "0.5"), 1, "409 price-above-limit");
        oneErrorLine(run("register", "--wallet", "alice", "--netuid", "2", "--max-price", "0.0000000001"), 2, "9 decimals");
    }
}
