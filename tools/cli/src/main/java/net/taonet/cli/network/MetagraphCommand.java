package net.taonet.cli.network;

import java.util.List;
import net.taonet.cli.CliException;
import net.taonet.cli.format.Table;
import net.taonet.cli.format.Tao;
import net.taonet.cli.format.Units;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code taonet metagraph}: a subnet per UID, the way Bittensor users know it (gateway's composed view). */
@Command(name = "metagraph", mixinStandardHelpOptions = true,
        description = "A subnet's metagraph: per UID its hotkey, stake, incentive, dividends, consensus, trust, emission, permit.")
public class MetagraphCommand extends RemoteCommand {

    @Option(names = "--netuid", required = true, description = "The subnet.")
    int netuid;

    @Option(names = "--block", paramLabel = "N", description = "As of the epoch of a past block.")
    Long block;

    @Option(names = "--wide", description = "Full addresses, and the coldkey column.")
    boolean wide;

    @Override
    public Integer call() {
        netuid(netuid);
        if (block != null && block < 0) {
            throw CliException.usage("--block cannot be negative");
        }
        JsonNode m = get("/api/v1/subnets/" + netuid + "/metagraph" + (block == null ? "" : "?block=" + block));
        if (json) {
            printJson(m);
            return 0;
        }
        List<JsonNode> neurons = items(m, "neurons", "uids");
        Long epoch = number(m, "epoch");
        println("subnet " + netuid + "  " + neurons.size() + " UIDs  "
                + (epoch == null ? "no epoch yet" : "epoch " + epoch + " (block " + text(m, "epochBlock") + ")")
                + (number(m, "composedAtBlock") != null ? "  at block " + m.path("composedAtBlock").asLong() : ""));
        if (neurons.isEmpty()) {
            return 0;
        }
        Table t = wide
                ? new Table("UID>", "HOTKEY", "COLDKEY", "STAKE (TAO)>", "INCENTIVE>", "DIVIDENDS>", "CONSENSUS>",
                        "V-TRUST>", "EMISSION (TAO)>", "PERMIT", "ACTIVE", "UPDATED>", "REGISTERED>")
                : new Table("UID>", "HOTKEY", "STAKE (TAO)>", "INCENTIVE>", "DIVIDENDS>", "CONSENSUS>", "V-TRUST>",
                        "EMISSION (TAO)>", "PERMIT", "ACTIVE", "UPDATED>");
        long stake = 0;
        long emission = 0;
        for (JsonNode n : neurons) {
            stake = Math.addExact(stake, n.path("stakeRao").asLong());
            emission = Math.addExact(emission, n.path("emissionRao").asLong());
            String hotkey = Units.shortAddress(text(n, "hotkey"), wide);
            if (wide) {
                t.row(text(n, "uid"), hotkey, text(n, "coldkey"), tao(n, "stakeRao"), u16(n, "incentive"),
                        u16(n, "dividends"), u16(n, "consensus"), u16(n, "validatorTrust"), tao(n, "emissionRao"),
                        flag(n, "validatorPermit"), flag(n, "active"), text(n, "lastUpdate"), text(n, "registrationBlock"));
            } else {
                t.row(text(n, "uid"), hotkey, tao(n, "stakeRao"), u16(n, "incentive"), u16(n, "dividends"),
                        u16(n, "consensus"), u16(n, "validatorTrust"), tao(n, "emissionRao"), flag(n, "validatorPermit"),
                        flag(n, "active"), text(n, "lastUpdate"));
            }
        }
        print(t);
        println("total stake " + Tao.withUnit(stake) + ", emission " + Tao.withUnit(emission));
        return 0;
    }

    private static String flag(JsonNode node, String field) {
        return node.path(field).asBoolean(false) ? "yes" : "no";
    }

    private static String u16(JsonNode node, String field) {
        return node.path(field).isNumber() ? Units.u16(node.path(field).asLong()) : null;
    }
}
