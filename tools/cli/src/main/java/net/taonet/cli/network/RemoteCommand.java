package net.taonet.cli.network;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import net.taonet.cli.CliException;
import net.taonet.cli.TaonetCli;
import net.taonet.cli.format.Table;
import net.taonet.cli.http.RemoteException;
import net.taonet.cli.http.TaonetClient;
import net.taonet.cli.http.TaonetClient.Answer;
import net.taonet.cli.wallet.KeyOptions;
import net.taonet.identity.KeyPair;
import net.taonet.identity.Ss58;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * What every command that talks to the network shares: the client for {@code --url}, {@code --json} output,
 * and signed, idempotent state changes. Answers are read tolerantly (a list may come bare or wrapped in an
 * object; a missing field prints as {@code -}), so a server that adds fields never breaks the CLI.
 */
public abstract class RemoteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the network's answer as JSON (for scripts).")
    boolean json;

    private TaonetClient client;

    /** A gateway API key for every request, where the network hands them out (its rate limit and quota apply). */
    public static final String API_KEY_ENV = "TAONET_API_KEY";

    protected TaonetCli root() {
        return (TaonetCli) spec.root().userObject();
    }

    protected TaonetClient client() {
        if (client == null) {
            client = new TaonetClient(root().baseUrl());
            String apiKey = root().context().env().get(API_KEY_ENV);
            if (apiKey != null && !apiKey.isBlank()) {
                client.withHeader("X-Api-Key", apiKey.strip());
            }
        }
        return client;
    }

    protected void println(String line) {
        root().println(line);
    }

    protected void print(Table table) {
        table.lines().forEach(this::println);
    }

    protected void printJson(Object value) {
        println(client().json().writerWithDefaultPrettyPrinter().writeValueAsString(value));
    }

    protected JsonNode get(String pathAndQuery) {
        return client().get(pathAndQuery);
    }

    /**
     * A state change signed by {@code key} with an {@code Idempotency-Key}. When no answer came (or a 5xx),
     * the error says how to retry without doing it twice.
     */
    protected Answer signed(String method, String path, Object body, KeyPair key, IdempotencyOption idempotency,
            Map<String, String> extraHeaders) {
        String idempotencyKey = idempotency.key();
        Map<String, String> headers = new java.util.LinkedHashMap<>(extraHeaders);
        headers.put(TaonetClient.IDEMPOTENCY_HEADER, idempotencyKey);
        try {
            return client().exchange(method, path, body, TaonetClient.signer(key), headers);
        } catch (RemoteException e) {
            if (e.status() == 0 || e.status() >= 500) {
                throw new RemoteException(e.status(), e.problemType(), e.getMessage()
                        + " (it may or may not have happened: retry with --idempotency-key " + idempotencyKey
                        + " to make it happen at most once)");
            }
            throw e;
        }
    }

    protected Answer signed(String method, String path, Object body, KeyPair key, IdempotencyOption idempotency) {
        return signed(method, path, body, key, idempotency, Map.of());
    }

    /** Says so when the server answered a retried idempotency key with its first answer. */
    protected void noteReplay(Answer answer) {
        if (answer.replayed()) {
            println("(already done: the network answered this idempotency key before; nothing happened again)");
        }
    }

    /** The address of {@code --hotkey}: a hotkey of the wallet by that name, else an SS58 address as given. */
    protected String hotkeyAddress(KeyOptions keys) {
        String name = keys.hotkeyName();
        var store = root().wallets();
        if (store.exists(keys.wallet()) && store.hotkeyNames(keys.wallet()).contains(name)) {
            return store.hotkey(keys.wallet(), name).address();
        }
        if (Ss58.isValid(name)) {
            return name;
        }
        if (!store.exists(keys.wallet())) {
            throw CliException.usage("no wallet '" + keys.wallet() + "' in " + store.root());
        }
        throw CliException.usage("wallet '" + keys.wallet() + "' has no hotkey '" + name
                + "' (give a hotkey's name or its SS58 address)");
    }

    /** A valid SS58 address, else a usage error naming the option. */
    protected static String address(String value, String option) {
        if (value == null || !Ss58.isValid(value.strip())) {
            try {
                Ss58.decode(value == null ? "" : value.strip());
            } catch (IllegalArgumentException e) {
                throw CliException.usage(option + ": " + e.getMessage());
            }
            throw CliException.usage(option + ": not an SS58 address: '" + value + "'");
        }
        return value.strip();
    }

    protected static int netuid(int netuid) {
        if (netuid < 0 || netuid > 65_535) {
            throw CliException.usage("--netuid must be within 0..65535, got " + netuid);
        }
        return netuid;
    }

    /** The elements of a list that may come bare or under one of {@code fields} of an object. */
    protected static List<JsonNode> items(JsonNode node, String... fields) {
        JsonNode list = node;
        if (!node.isArray()) {
            list = null;
            for (String field : fields) {
                if (node.path(field).isArray()) {
                    list = node.path(field);
                    break;
                }
            }
        }
        if (list == null) {
            return List.of();
        }
        List<JsonNode> out = new java.util.ArrayList<>(list.size());
        for (Iterator<JsonNode> it = list.iterator(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    /** The first of {@code fields} that is present (not null), else a missing node. */
    protected static JsonNode field(JsonNode node, String... fields) {
        for (String f : fields) {
            JsonNode v = node.get(f);
            if (v != null && !v.isNull()) {
                return v;
            }
        }
        return JsonNodeFactory.instance.missingNode();
    }

    /** A text field, or null. */
    protected static String text(JsonNode node, String... fields) {
        JsonNode v = field(node, fields);
        return v.isMissingNode() ? null : v.isValueNode() ? v.asString() : v.toString();
    }

    /** A rao amount field printed in TAO, or null (printed as {@code -}). */
    protected static String tao(JsonNode node, String... fields) {
        JsonNode v = field(node, fields);
        return v.isIntegralNumber() || (v.isString() && v.asString().matches("-?\\d+"))
                ? net.taonet.cli.format.Tao.format(v.asLong()) : null;
    }

    /** An integer field, or null. */
    protected static Long number(JsonNode node, String... fields) {
        JsonNode v = field(node, fields);
        return v.isIntegralNumber() ? v.asLong() : null;
    }
}
