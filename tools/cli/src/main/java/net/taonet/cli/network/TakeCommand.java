package net.taonet.cli.network;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import net.taonet.cli.CliException;
import net.taonet.cli.format.Units;
import net.taonet.cli.http.TaonetClient.Answer;
import net.taonet.cli.wallet.KeyOptions;
import net.taonet.identity.KeyPair;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code taonet take show|set}: a hotkey's delegate take (u16 of 65,535; 0–18 %), set by its owning coldkey. */
@Command(name = "take", mixinStandardHelpOptions = true,
        description = "Show or set a hotkey's delegate take (its cut of the dividends it earns for nominators).",
        subcommands = {TakeCommand.Show.class, TakeCommand.Set.class})
public class TakeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CliException.USAGE;
    }

    private static final BigDecimal U16_MAX = BigDecimal.valueOf(65_535);

    /** {@code 0.09} or {@code 9%} as a u16 take, rounded down: {@code 18%} → 11,796. */
    static int parseTake(String text) {
        String value = text == null ? "" : text.strip();
        boolean percent = value.endsWith("%");
        String number = percent ? value.substring(0, value.length() - 1).strip() : value;
        if (!number.matches("\\d+(\\.\\d*)?|\\.\\d+")) {
            throw CliException.usage("--take is a fraction (0.09) or a percentage (9%), got '" + text + "'");
        }
        BigDecimal fraction = new BigDecimal(number);
        if (percent) {
            fraction = fraction.movePointLeft(2);
        }
        if (fraction.compareTo(BigDecimal.ONE) > 0) {
            throw CliException.usage("--take is at most 100%, got '" + text + "'");
        }
        return fraction.multiply(U16_MAX).setScale(0, RoundingMode.FLOOR).intValueExact();
    }

    static void describe(RemoteCommand c, JsonNode take) {
        c.println("hotkey   " + RemoteCommand.text(take, "hotkey"));
        c.println("owner    " + RemoteCommand.text(take, "ownerColdkey"));
        long u16 = take.path("take").asLong();
        c.println("take     " + Units.percent(u16) + "  (" + u16 + " of 65535)");
        if (RemoteCommand.number(take, "lastChangeBlock") != null) {
            c.println("changed  at block " + take.path("lastChangeBlock").asLong());
        }
        if (RemoteCommand.number(take, "increaseAllowedFromBlock") != null) {
            c.println("increase allowed from block " + take.path("increaseAllowedFromBlock").asLong());
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Show a hotkey's take.")
    static class Show extends RemoteCommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        static class Which {
            @Option(names = "--hotkey-address", paramLabel = "SS58", description = "The hotkey's address.")
            String address;

            @ArgGroup(exclusive = false)
            Named named;
        }

        static class Named {
            @Option(names = "--wallet", required = true, paramLabel = "NAME", description = "A wallet ...")
            String wallet;

            @Option(names = "--hotkey", paramLabel = "NAME", defaultValue = "default", description = "... and its hotkey (default: ${DEFAULT-VALUE}).")
            String hotkey;
        }

        @Override
        public Integer call() {
            String hotkey = which.address != null ? address(which.address, "--hotkey-address")
                    : root().wallets().hotkey(which.named.wallet, which.named.hotkey).address();
            JsonNode take = get("/api/v1/takes/" + hotkey);
            if (json) {
                printJson(take);
                return 0;
            }
            describe(this, take);
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set the take of one of the wallet's hotkeys (signed by the coldkey that owns it). "
                    + "A decrease applies at once; an increase at most once per 216,000 blocks; 18% at most.")
    static class Set extends RemoteCommand {
        @Mixin
        KeyOptions keys;

        @Mixin
        IdempotencyOption idempotency;

        @Option(names = "--take", required = true, paramLabel = "FRACTION|PERCENT", description = "E.g. 0.09 or 9%.")
        String take;

        @Override
        public Integer call() {
            int u16 = parseTake(take);
            String hotkey = hotkeyAddress(keys);
            KeyPair coldkey = keys.coldkey(root());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("take", u16);
            Answer answer = signed("PUT", "/api/v1/takes/" + hotkey, body, coldkey, idempotency);
            if (json) {
                printJson(answer.body());
                return 0;
            }
            describe(this, answer.body());
            noteReplay(answer);
            return 0;
        }
    }
}
