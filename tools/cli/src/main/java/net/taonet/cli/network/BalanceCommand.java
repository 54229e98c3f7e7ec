package net.taonet.cli.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.taonet.cli.format.Table;
import net.taonet.cli.format.Tao;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.JsonNode;

/** {@code taonet balance}: free, staked and total TAO of a coldkey (GET /api/v1/accounts/{address}). */
@Command(name = "balance", mixinStandardHelpOptions = true,
        description = "Show the free, staked and total TAO of a wallet's coldkey, of an address, or of every wallet.")
public class BalanceCommand extends RemoteCommand {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Whose whose;

    static class Whose {
        @Option(names = "--wallet", paramLabel = "NAME", description = "A wallet (its coldkey; no password needed).")
        String wallet;

        @Option(names = "--address", paramLabel = "SS58", description = "Any address.")
        String address;

        @Option(names = "--all", description = "Every wallet in the wallets directory, with a total.")
        boolean all;
    }

    @Override
    public Integer call() {
        if (whose.all) {
            return all();
        }
        String address = whose.wallet != null ? root().wallets().coldkeyAddress(whose.wallet)
                : address(whose.address, "--address");
        JsonNode account = get("/api/v1/accounts/" + address);
        if (json) {
            printJson(account);
            return 0;
        }
        if (whose.wallet != null) {
            println("wallet   " + whose.wallet);
        }
        println("address  " + address);
        println("free     " + Tao.withUnit(account.path("freeRao").asLong()));
        println("staked   " + Tao.withUnit(account.path("stakedRao").asLong()));
        println("total    " + Tao.withUnit(account.path("totalRao").asLong()));
        return 0;
    }

    private int all() {
        var store = root().wallets();
        List<Map<String, Object>> rows = new ArrayList<>();
        Table table = new Table("WALLET", "COLDKEY", "FREE (TAO)>", "STAKED (TAO)>", "TOTAL (TAO)>");
        long free = 0;
        long staked = 0;
        long total = 0;
        for (String name : store.list()) {
            String address = store.coldkeyAddress(name);
            JsonNode account = get("/api/v1/accounts/" + address);
            long f = account.path("freeRao").asLong();
            long s = account.path("stakedRao").asLong();
            long t = account.path("totalRao").asLong();
            free = Math.addExact(free, f);
            staked = Math.addExact(staked, s);
            total = Math.addExact(total, t);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("wallet", name);
            row.put("account", account);
            rows.add(row);
            table.row(name, address, Tao.format(f), Tao.format(s), Tao.format(t));
        }
        if (json) {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("wallets", rows);
            out.put("freeRao", free);
            out.put("stakedRao", staked);
            out.put("totalRao", total);
            printJson(out);
            return 0;
        }
        if (rows.isEmpty()) {
            println("No wallets in " + store.root() + " (create one: taonet wallet create --name NAME)");
            return 0;
        }
        table.row("total", "", Tao.format(free), Tao.format(staked), Tao.format(total));
        print(table);
        return 0;
    }
}
