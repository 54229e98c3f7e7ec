package net.taonet.cli.network;

import java.util.LinkedHashMap;
import java.util.Map;
import net.taonet.cli.CliException;
import net.taonet.cli.format.Tao;
import net.taonet.cli.http.RemoteException;
import net.taonet.cli.http.TaonetClient.Answer;
import net.taonet.cli.wallet.KeyOptions;
import net.taonet.identity.KeyPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code taonet register}: a hotkey takes a UID on a subnet, paid (recycled) by the wallet's coldkey at the
 * registration price of the moment, never above {@code --max-price} (default: the price just read, so a
 * price that rose in between is refused rather than paid).
 */
@Command(name = "register", mixinStandardHelpOptions = true,
        description = "Register a hotkey on a subnet (signed by the paying coldkey); prints the UID it got.")
public class RegisterCommand extends RemoteCommand {

    @Mixin
    KeyOptions keys;

    @Mixin
    IdempotencyOption idempotency;

    @Option(names = "--netuid", required = true, description = "The subnet.")
    int netuid;

    @Option(names = "--max-price", paramLabel = "TAO",
            description = "The most it may cost, in TAO (default: the registration price now).")
    String maxPrice;

    @Override
    public Integer call() {
        netuid(netuid);
        Long limit = maxPrice == null ? null : Tao.parse(maxPrice, "--max-price");
        String hotkey = hotkeyAddress(keys);
        KeyPair coldkey = keys.coldkey(root());
        if (limit == null) {
            JsonNode price;
            try {
                price = get("/api/v1/subnets/" + netuid + "/registration-price");
            } catch (RemoteException e) {
                if (e.status() == 404 && !"subnet-not-found".equals(e.problemType()) && !"unknown-subnet".equals(e.problemType())) {
                    throw new RemoteException(404, e.problemType(), e.getMessage()
                            + " (the registration price cannot be read here: give --max-price)");
                }
                throw e;
            }
            Long now = number(price, "priceRao", "registrationPriceRao", "burnRao", "amountRao");
            if (now == null) {
                throw CliException.runtime("the network did not say the registration price of subnet " + netuid
                        + " (give --max-price)");
            }
            limit = now;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hotkey", hotkey);
        body.put("maxPriceRao", limit);
        Answer answer = signed("POST", "/api/v1/subnets/" + netuid + "/neurons", body, coldkey, idempotency);
        if (json) {
            printJson(answer.body());
            return 0;
        }
        JsonNode n = answer.body();
        println("Registered hotkey " + hotkey + " on subnet " + netuid + " as UID " + text(n, "uid"));
        String paid = tao(n, "burnRao", "priceRao", "paidRao");
        println("paid     " + (paid == null ? "at most " + Tao.format(limit) : paid) + " TAO (recycled) by " + coldkey.address());
        if (text(n, "replacedHotkey") != null) {
            println("replaced hotkey " + text(n, "replacedHotkey") + " (the prune candidate)");
        }
        noteReplay(answer);
        return 0;
    }
}
