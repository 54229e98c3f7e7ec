package net.taonet.cli.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import net.taonet.cli.CliException;
import net.taonet.cli.format.Table;
import net.taonet.cli.format.Tao;
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

/** {@code taonet stake add|remove|list}: stake positions (coldkey, hotkey, netuid) at the ledger. */
@Command(name = "stake", mixinStandardHelpOptions = true,
        description = "Stake free TAO on a hotkey of a subnet, unstake it, and list positions.",
        subcommands = {StakeCommand.Add.class, StakeCommand.Remove.class, StakeCommand.ListStakes.class})
public class StakeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CliException.USAGE;
    }

    /** What add and remove share: who signs, which hotkey and subnet. */
    abstract static class Move extends RemoteCommand {
        @Mixin
        KeyOptions keys;

        @Mixin
        IdempotencyOption idempotency;

        @Option(names = "--netuid", required = true, description = "The subnet.")
        int netuid;

        Answer move(String verb, long rao, KeyPair coldkey, String hotkey) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("coldkey", coldkey.address());
            body.put("hotkey", hotkey);
            body.put("netuid", netuid);
            body.put("amountRao", rao);
            return signed("POST", "/api/v1/stakes/" + verb, body, coldkey, idempotency);
        }

        int report(String done, Answer answer, long rao, String hotkey) {
            if (json) {
                printJson(answer.body());
                return 0;
            }
            JsonNode m = answer.body();
            println(done + " " + Tao.withUnit(m.path("amountRao").asLong(rao)) + " on hotkey " + hotkey + " of subnet " + netuid);
            if (m.has("positionRao")) {
                println("position " + Tao.withUnit(m.path("positionRao").asLong()));
            }
            if (m.has("hotkeyTotalRao")) {
                println("hotkey   " + Tao.withUnit(m.path("hotkeyTotalRao").asLong()) + " staked in all on subnet " + netuid);
            }
            if (m.has("freeBalanceRao")) {
                println("free     " + Tao.withUnit(m.path("freeBalanceRao").asLong()));
            }
            if (m.has("block")) {
                println("block    " + m.path("block").asLong() + "  (journal tx " + text(m, "journalTx") + ")");
            }
            noteReplay(answer);
            return 0;
        }
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Move free TAO of the wallet's coldkey into a stake on a hotkey of a subnet (signed by the coldkey). "
                    + "--hotkey names one of the wallet's hotkeys, or is any hotkey's SS58 address (a delegate).")
    static class Add extends Move {
        @Option(names = "--amount", required = true, paramLabel = "TAO", description = "How much, in TAO (at least 0.002).")
        String amount;

        @Override
        public Integer call() {
            netuid(netuid);
            long rao = Tao.parsePositive(amount, "--amount");
            String hotkey = hotkeyAddress(keys);
            KeyPair coldkey = keys.coldkey(root());
            return report("Staked", move("add", rao, coldkey, hotkey), rao, hotkey);
        }
    }

    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Move stake back to the coldkey's free balance (signed by the coldkey); what stays is 0 or at least 0.002 TAO.")
    static class Remove extends Move {
        @ArgGroup(exclusive = true, multiplicity = "1")
        HowMuch howMuch;

        static class HowMuch {
            @Option(names = "--amount", paramLabel = "TAO", description = "How much, in TAO.")
            String amount;

            @Option(names = "--all", description = "The whole position.")
            boolean all;
        }

        @Override
        public Integer call() {
            netuid(netuid);
            long rao = howMuch.all ? 0 : Tao.parsePositive(howMuch.amount, "--amount");
            String hotkey = hotkeyAddress(keys);
            KeyPair coldkey = keys.coldkey(root());
            if (howMuch.all) {
                rao = position(coldkey.address(), hotkey);
                if (rao == 0) {
                    throw CliException.usage("coldkey " + coldkey.address() + " has no stake on hotkey " + hotkey
                            + " of subnet " + netuid);
                }
            }
            return report("Unstaked", move("remove", rao, coldkey, hotkey), rao, hotkey);
        }

        private long position(String coldkey, String hotkey) {
            JsonNode account = get("/api/v1/accounts/" + coldkey);
            long sum = 0;
            for (JsonNode p : items(account, "positions")) {
                if (hotkey.equals(text(p, "hotkey")) && p.path("netuid").asInt(-1) == netuid) {
                    sum = Math.addExact(sum, p.path("stakeRao").asLong());
                }
            }
            return sum;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = "List stake positions: a wallet's (or coldkey's), a hotkey's across subnets, or a subnet's by hotkey.")
    static class ListStakes extends RemoteCommand {
        @ArgGroup(exclusive = true, multiplicity = "1")
        Whose whose;

        static class Whose {
            @Option(names = "--wallet", paramLabel = "NAME", description = "The positions of a wallet's coldkey.")
            String wallet;

            @Option(names = "--coldkey", paramLabel = "SS58", description = "The positions of any coldkey.")
            String coldkey;

            @Option(names = "--hotkey-address", paramLabel = "SS58", description = "Every stake on a hotkey, per subnet.")
            String hotkey;

            @Option(names = "--netuid", description = "Every stake on a subnet, per hotkey.")
            Integer netuid;
        }

        @Option(names = "--wide", description = "Full addresses in the table.")
        boolean wide;

        @Override
        public Integer call() {
            if (whose.netuid != null) {
                return bySubnet(netuid(whose.netuid));
            }
            if (whose.hotkey != null) {
                return byHotkey(address(whose.hotkey, "--hotkey-address"));
            }
            String coldkey = whose.wallet != null ? root().wallets().coldkeyAddress(whose.wallet)
                    : address(whose.coldkey, "--coldkey");
            JsonNode account = get("/api/v1/accounts/" + coldkey);
            if (json) {
                printJson(account);
                return 0;
            }
            List<JsonNode> positions = items(account, "positions");
            if (positions.isEmpty()) {
                println("No stake: coldkey " + coldkey + " has " + Tao.withUnit(account.path("freeRao").asLong()) + " free");
                return 0;
            }
            Table table = new Table("NETUID>", "HOTKEY", "STAKE (TAO)>");
            for (JsonNode p : positions) {
                table.row(text(p, "netuid"), Units.shortAddress(text(p, "hotkey"), wide), tao(p, "stakeRao"));
            }
            table.row("", "total", Tao.format(account.path("stakedRao").asLong()));
            print(table);
            return 0;
        }

        private int byHotkey(String hotkey) {
            JsonNode answer = get("/api/v1/stakes/hotkeys/" + hotkey);
            if (json) {
                printJson(answer);
                return 0;
            }
            Table table = new Table("NETUID>", "COLDKEY", "STAKE (TAO)>");
            for (JsonNode subnet : items(answer, "subnets")) {
                for (JsonNode p : items(subnet, "positions")) {
                    table.row(text(subnet, "netuid"), Units.shortAddress(text(p, "coldkey"), wide), tao(p, "stakeRao"));
                }
                table.row(text(subnet, "netuid"), "(total)", tao(subnet, "totalRao"));
            }
            if (table.size() == 0) {
                println("No stake on hotkey " + hotkey);
                return 0;
            }
            print(table);
            return 0;
        }

        private int bySubnet(int netuid) {
            JsonNode answer = get("/api/v1/stakes/subnets/" + netuid);
            if (json) {
                printJson(answer);
                return 0;
            }
            Table table = new Table("HOTKEY", "NOMINATORS>", "STAKE (TAO)>");
            for (JsonNode h : items(answer, "hotkeys")) {
                table.row(Units.shortAddress(text(h, "hotkey"), wide), items(h, "positions").size(), tao(h, "totalRao"));
            }
            if (table.size() == 0) {
                println("No stake on subnet " + netuid);
                return 0;
            }
            table.row("total", "", tao(answer, "totalRao"));
            print(table);
            return 0;
        }
    }
}
