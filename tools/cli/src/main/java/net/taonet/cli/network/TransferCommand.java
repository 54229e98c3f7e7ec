package net.taonet.cli.network;

import java.util.LinkedHashMap;
import java.util.Map;
import net.taonet.cli.format.Tao;
import net.taonet.cli.http.TaonetClient.Answer;
import net.taonet.cli.wallet.KeyOptions;
import net.taonet.identity.KeyPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code taonet transfer}: free TAO from a wallet's coldkey to an address (POST /api/v1/transfers, coldkey-signed). */
@Command(name = "transfer", mixinStandardHelpOptions = true,
        description = "Send free TAO from a wallet's coldkey to any address (signed by the coldkey).")
public class TransferCommand extends RemoteCommand {

    @Mixin
    KeyOptions keys;

    @Mixin
    IdempotencyOption idempotency;

    @Option(names = "--to", required = true, paramLabel = "SS58", description = "The receiving address.")
    String to;

    @Option(names = "--amount", required = true, paramLabel = "TAO", description = "How much, in TAO (up to 9 decimals).")
    String amount;

    @Override
    public Integer call() {
        String dest = address(to, "--to");
        long rao = Tao.parsePositive(amount, "--amount");
        KeyPair coldkey = keys.coldkey(root());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", coldkey.address());
        body.put("to", dest);
        body.put("amountRao", rao);
        Answer answer = signed("POST", "/api/v1/transfers", body, coldkey, idempotency);
        if (json) {
            printJson(answer.body());
            return 0;
        }
        JsonNode t = answer.body();
        println("Transferred " + Tao.withUnit(t.path("amountRao").asLong(rao)) + " from " + coldkey.address() + " to " + dest);
        if (t.has("block")) {
            println("block    " + t.path("block").asLong() + "  (journal tx " + text(t, "journalTx") + ")");
        }
        if (t.has("fromBalanceRao")) {
            println("free     " + Tao.withUnit(t.path("fromBalanceRao").asLong()) + " left");
        }
        noteReplay(answer);
        return 0;
    }
}
