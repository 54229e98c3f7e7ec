package net.taonet.cli.network;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import net.taonet.cli.format.Tao;
import net.taonet.cli.http.TaonetClient;
import net.taonet.cli.http.TaonetClient.Answer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code taonet faucet}: mint TAO to an address on a local network (POST /api/v1/faucet, admin key). */
@Command(name = "faucet", mixinStandardHelpOptions = true,
        description = "Mint TAO to a wallet or address: local networks only, with the network's admin key.")
public class FaucetCommand extends RemoteCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Whom whom;

    static class Whom {
        @Option(names = "--wallet", paramLabel = "NAME", description = "A wallet's coldkey.")
        String wallet;

        @Option(names = "--address", paramLabel = "SS58", description = "Any address.")
        String address;
    }

    @Option(names = "--amount", required = true, paramLabel = "TAO", description = "How much, in TAO.")
    String amount;

    @Option(names = "--admin-key-file", paramLabel = "FILE",
            description = "The admin key's file (else $TAONET_ADMIN_KEY, else the local network's default).")
    Path adminKeyFile;

    @Mixin
    IdempotencyOption idempotency;

    @Override
    public Integer call() {
        String address = whom.wallet != null ? root().wallets().coldkeyAddress(whom.wallet) : address(whom.address, "--address");
        long rao = Tao.parsePositive(amount, "--amount");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("address", address);
        body.put("amountRao", rao);
        Answer answer = client().exchange("POST", "/api/v1/faucet", body, null, Map.of(
                AdminKey.HEADER, AdminKey.read(root().context(), adminKeyFile),
                TaonetClient.IDEMPOTENCY_HEADER, idempotency.key()));
        if (json) {
            printJson(answer.body());
            return 0;
        }
        JsonNode f = answer.body();
        println("Minted " + Tao.withUnit(f.path("amountRao").asLong(rao)) + " to " + address);
        if (f.has("freeBalanceRao")) {
            println("free     " + Tao.withUnit(f.path("freeBalanceRao").asLong()));
        }
        noteReplay(answer);
        return 0;
    }
}
