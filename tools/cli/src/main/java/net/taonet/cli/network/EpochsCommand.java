package net.taonet.cli.network;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.taonet.cli.CliException;
import net.taonet.cli.format.Table;
import net.taonet.cli.format.Tao;
import net.taonet.cli.format.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/**
 * {@code taonet epochs}: a subnet's epochs (consensus-service): the list, newest first; one epoch's outputs
 * per UID with {@code --epoch}; a what-if replay of a stored epoch with {@code --replay --set name=value}.
 */
@Command(name = "epochs", mixinStandardHelpOptions = true,
        description = "List a subnet's epochs, show one epoch's outputs per UID (--epoch), or replay a stored epoch "
                + "with other hyperparameters (--epoch E --replay --set kappa=40000 ...).")
public class EpochsCommand extends RemoteCommand {

    @Option(names = "--netuid", required = true, description = "The subnet.")
    int netuid;

    @Option(names = "--epoch", paramLabel = "N", description = "One epoch: its outputs per UID.")
    Long epoch;

    @Option(names = "--page", defaultValue = "0", description = "Page of the list, newest first (default: ${DEFAULT-VALUE}).")
    int page;

    @Option(names = "--size", defaultValue = "20", description = "Epochs per page, 1..200 (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--replay", description = "Recompute --epoch from its stored inputs and show what differs.")
    boolean replay;

    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "A hyperparameter override for --replay (repeatable).")
    List<String> overrides;

    @Option(names = "--wide", description = "Full addresses.")
    boolean wide;

    @Override
    public Integer call() {
        netuid(netuid);
        if ((replay || overrides != null) && epoch == null) {
            throw CliException.usage("--replay needs --epoch");
        }
        if (overrides != null && !replay) {
            throw CliException.usage("--set goes with --replay");
        }
        if (replay) {
            return replay();
        }
        if (epoch != null) {
            return detail();
        }
        if (page < 0) {
            throw CliException.usage("--page cannot be negative");
        }
        if (size < 1 || size > 200) {
            throw CliException.usage("--size must be within 1..200");
        }
        JsonNode answer = get("/api/v1/subnets/" + netuid + "/epochs?page=" + page + "&size=" + size);
        if (json) {
            printJson(answer);
            return 0;
        }
        List<JsonNode> epochs = items(answer, "epochs");
        if (epochs.isEmpty()) {
            println("No epochs on subnet " + netuid + (page > 0 ? " on page " + page : " yet"));
            return 0;
        }
        Table t = new Table("EPOCH>", "BLOCK>", "UIDS>", "INPUTS HASH", "COMPUTED BY", "MICROS>", "COMPLETED AT");
        for (JsonNode e : epochs) {
            String hash = text(e, "inputsHash");
            t.row(text(e, "epoch"), text(e, "block"), text(e, "n"),
                    hash != null && hash.length() > 16 && !wide ? hash.substring(0, 16) + "…" : hash,
                    text(e, "computedBy"), text(e, "computeMicros"), text(e, "completedAt"));
        }
        print(t);
        if (answer.has("total")) {
            println("(" + epochs.size() + " of " + answer.path("total").asLong() + " epochs; page " + page + ")");
        }
        return 0;
    }

    private int detail() {
        JsonNode d = get("/api/v1/subnets/" + netuid + "/epochs/" + epoch);
        if (json) {
            printJson(d);
            return 0;
        }
        println("subnet   " + netuid + "  epoch " + epoch + "  block " + text(d, "block"));
        if (number(d, "raoEmission") != null) {
            println("emission " + Tao.withUnit(d.path("raoEmission").asLong()));
        }
        println("inputs   " + text(d, "inputsHash"));
        Table t = new Table("UID>", "HOTKEY", "ACTIVE", "STAKE>", "CONSENSUS>", "INCENTIVE>", "DIVIDENDS>", "V-TRUST>",
                "PERMIT", "EMISSION (TAO)>");
        for (JsonNode o : items(d, "outputs", "outcomes", "uids")) {
            t.row(text(o, "uid"), Units.shortAddress(text(o, "hotkey"), wide), yes(o, "active"),
                    u16(o, "stakeWeight"), u16(o, "consensus"), u16(o, "incentive"), u16(o, "dividends"),
                    u16(o, "validatorTrust"), yes(o, "validatorPermit"), tao(o, "emission"));
        }
        print(t);
        return 0;
    }

    private int replay() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("hyperparameters", Hyperparams.assignments(overrides, "--set"));
        JsonNode r = client().post("/api/v1/subnets/" + netuid + "/epochs/" + epoch + "/replay", body, null);
        if (json) {
            printJson(r);
            return 0;
        }
        println("subnet   " + netuid + "  epoch " + epoch + "  block " + text(r, "block"));
        println("inputs   " + text(r, "inputsHash") + (r.path("inputsHashVerified").asBoolean(false) ? "  (verified)" : ""));
        if (r.path("identical").asBoolean(false)) {
            println("The replay is identical to the stored outputs (" + text(r, "uidsCompared") + " UIDs compared).");
            return 0;
        }
        println(text(r, "uidsChanged") + " of " + text(r, "uidsCompared") + " UIDs differ:");
        Table t = new Table("UID>", "HOTKEY", "FIELD", "STORED>", "REPLAYED>");
        for (JsonNode d : items(r, "diffs")) {
            for (JsonNode f : items(d, "fields")) {
                t.row(text(d, "uid"), Units.shortAddress(text(d, "hotkey"), wide), text(f, "field"), text(f, "stored"),
                        text(f, "replayed"));
            }
        }
        print(t);
        return 0;
    }

    private static String yes(JsonNode node, String field) {
        return node.path(field).asBoolean(false) ? "yes" : "no";
    }

    private static String u16(JsonNode node, String field) {
        return node.path(field).isNumber() ? Units.u16(node.path(field).asLong()) : null;
    }
}
