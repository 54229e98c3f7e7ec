package net.taonet.systemtests.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.taonet.testsupport.LocalNetwork;
import tools.jackson.databind.JsonNode;

/**
 * What a refused request must leave as it was, read while the network keeps running: the ledger's books
 * without the epoch settlements (which go on by themselves) — every account's sum of non-settlement lines
 * and the number of such transactions —, the registry's subnets, hyperparameters and neurons, and the
 * gateway's API keys.
 */
public record NetworkState(Map<String, Long> books, long commands, List<String> subnets, List<String> neurons,
        int apiKeys) {

    public static NetworkState read(SystemNetwork net) {
        var ledger = net.jdbc(LocalNetwork.LEDGER);
        Map<String, Long> books = new TreeMap<>();
        ledger.query("""
                SELECT a.name, sum(l.amount) AS s FROM journal_line l
                JOIN journal_tx t ON t.id = l.tx_id JOIN account a ON a.id = l.account_id
                WHERE t.kind <> 'SETTLEMENT' GROUP BY a.name""", rs -> {
            books.put(rs.getString(1), rs.getLong(2));
        });
        Long commands = ledger.queryForObject("SELECT count(*) FROM journal_tx WHERE kind <> 'SETTLEMENT'", Long.class);
        List<String> subnets = new ArrayList<>();
        List<String> neurons = new ArrayList<>();
        for (JsonNode s : net.read("/api/v1/subnets").path("subnets")) {
            int netuid = s.path("netuid").asInt();
            subnets.add(netuid + " " + s.path("ownerColdkey").asString() + " " + s.path("ownerHotkey").asString() + " "
                    + s.path("taskType").asString() + " " + s.path("identity") + " " + s.path("hyperparameters"));
            for (JsonNode n : net.read("/api/v1/subnets/" + netuid + "/neurons").path("neurons")) {
                neurons.add(netuid + "/" + n.path("uid").asInt() + " " + n.path("hotkey").asString() + " "
                        + n.path("coldkey").asString() + " " + n.path("registrationBlock").asLong());
            }
        }
        JsonNode keys = net.gateway().get("/admin/api-keys", Map.of("X-Taonet-Admin-Key", SystemNetwork.ADMIN_KEY)).json();
        return new NetworkState(books, commands == null ? 0 : commands, subnets, neurons, keys == null ? -1 : keys.size());
    }

    /** The differences to another state, for a readable failure. */
    public Map<String, Object> diff(NetworkState other) {
        Map<String, Object> d = new LinkedHashMap<>();
        Map<String, String> accounts = new TreeMap<>();
        books.forEach((k, v) -> {
            if (!v.equals(other.books.get(k))) {
                accounts.put(k, v + " → " + other.books.get(k));
            }
        });
        other.books.forEach((k, v) -> {
            if (!books.containsKey(k)) {
                accounts.put(k, "absent → " + v);
            }
        });
        if (!accounts.isEmpty()) {
            d.put("accounts", accounts);
        }
        if (commands != other.commands) {
            d.put("ledger commands", commands + " → " + other.commands);
        }
        if (!subnets.equals(other.subnets)) {
            d.put("subnets", subnets + " → " + other.subnets);
        }
        if (!neurons.equals(other.neurons)) {
            d.put("neurons", neurons + " → " + other.neurons);
        }
        if (apiKeys != other.apiKeys) {
            d.put("API keys", apiKeys + " → " + other.apiKeys);
        }
        return d;
    }
}
