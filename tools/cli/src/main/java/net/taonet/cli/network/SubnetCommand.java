package net.taonet.cli.network;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import net.taonet.cli.CliException;
import net.taonet.cli.format.Table;
import net.taonet.cli.format.Tao;
import net.taonet.cli.format.Units;
import net.taonet.cli.http.TaonetClient;
import net.taonet.cli.http.TaonetClient.Answer;
import net.taonet.cli.wallet.KeyOptions;
import net.taonet.cli.wallet.Passwords;
import net.taonet.identity.KeyPair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code taonet subnet create|list|show|hyperparameters|set|neurons}: subnets at the registry. */
@Command(name = "subnet", mixinStandardHelpOptions = true,
        description = "Create subnets, list and show them, read and set their hyperparameters, list their neurons.",
        subcommands = {SubnetCommand.Create.class, SubnetCommand.ListSubnets.class, SubnetCommand.Show.class,
                SubnetCommand.HyperparametersCommand.class, SubnetCommand.Set.class, SubnetCommand.Neurons.class})
public class SubnetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CliException.USAGE;
    }

    static String subnetPath(int netuid) {
        return "/api/v1/subnets/" + RemoteCommand.netuid(netuid);
    }

    /** A subnet's name: its identity's, else none. */
    static String name(JsonNode subnet) {
        return RemoteCommand.text(subnet.path("identity"), "name") != null
                ? RemoteCommand.text(subnet.path("identity"), "name") : RemoteCommand.text(subnet, "name");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a subnet (signed by the owner's coldkey, which pays the lock cost); the owner hotkey "
                    + "(--hotkey, a name in the wallet or an SS58 address) becomes UID 0.")
    static class Create extends RemoteCommand {
        @Mixin
        KeyOptions keys;

        @Mixin
        IdempotencyOption idempotency;

        @Option(names = "--task-type", required = true, paramLabel = "NAME", description = "The subnet's task type (e.g. gemm, chat, echo).")
        String taskType;

        @Option(names = "--name", required = true, description = "The subnet's name.")
        String name;

        @Option(names = "--description", description = "What the subnet does.")
        String description;

        @Option(names = "--subnet-url", paramLabel = "URL", description = "The subnet's web page.")
        String subnetUrl;

        @Option(names = "--contact", description = "How to reach the owner.")
        String contact;

        @Override
        public Integer call() {
            String ownerHotkey = hotkeyAddress(keys);
            KeyPair coldkey = keys.coldkey(root());
            Map<String, Object> identity = new LinkedHashMap<>();
            identity.put("name", name);
            identity.put("description", description);
            identity.put("url", subnetUrl);
            identity.put("contact", contact);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("ownerColdkey", coldkey.address());
            body.put("ownerHotkey", ownerHotkey);
            body.put("taskType", taskType);
            body.put("identity", identity);
            Answer answer = signed("POST", "/api/v1/subnets", body, coldkey, idempotency);
            if (json) {
                printJson(answer.body());
                return 0;
            }
            JsonNode s = answer.body();
            println("Created subnet " + text(s, "netuid") + " '" + name + "' (task type " + taskType + ")");
            if (tao(s, "lockRao", "lockCostRao") != null) {
                println("locked   " + tao(s, "lockRao", "lockCostRao") + " TAO from " + coldkey.address());
            }
            println("owner    hotkey " + ownerHotkey + " holds UID 0");
            noteReplay(answer);
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the subnets.")
    static class ListSubnets extends RemoteCommand {
        @Option(names = "--wide", description = "Full addresses.")
        boolean wide;

        @Override
        public Integer call() {
            JsonNode answer = get("/api/v1/subnets");
            if (json) {
                printJson(answer);
                return 0;
            }
            List<JsonNode> subnets = items(answer, "subnets", "content");
            if (subnets.isEmpty()) {
                println("No subnets yet (create one: taonet subnet create)");
                return 0;
            }
            Table t = new Table("NETUID>", "NAME", "TASK TYPE", "UIDS>", "TEMPO>", "PRICE (TAO)>", "OWNER");
            for (JsonNode s : subnets) {
                Long n = number(s, "neuronCount", "n", "neurons");
                Long max = number(s.path("hyperparameters"), "maxAllowedUids");
                t.row(text(s, "netuid"), name(s), text(s, "taskType"),
                        n == null ? null : max == null ? n.toString() : n + "/" + max,
                        text(s.path("hyperparameters"), "tempo"),
                        tao(s, "registrationPriceRao", "burnRao", "priceRao"),
                        Units.shortAddress(text(s, "ownerColdkey"), wide));
            }
            print(t);
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "A subnet: identity, owner, neurons, lock cost, registration price and hyperparameters.")
    static class Show extends RemoteCommand {
        @Option(names = "--netuid", required = true, description = "The subnet.")
        int netuid;

        @Override
        public Integer call() {
            JsonNode s = get(subnetPath(netuid));
            if (json) {
                printJson(s);
                return 0;
            }
            JsonNode identity = s.path("identity");
            println("netuid        " + text(s, "netuid"));
            println("name          " + name(s));
            line("description", text(identity, "description"));
            line("url", text(identity, "url"));
            line("contact", text(identity, "contact"));
            println("task type     " + text(s, "taskType"));
            println("owner         coldkey " + text(s, "ownerColdkey") + ", hotkey " + text(s, "ownerHotkey"));
            Long n = number(s, "neuronCount", "n", "neurons");
            line("neurons", n == null ? null : n + " of " + text(s.path("hyperparameters"), "maxAllowedUids"));
            line("registered at", text(s, "registeredAtBlock", "registrationBlock") == null ? null
                    : "block " + text(s, "registeredAtBlock", "registrationBlock"));
            line("locked", tao(s, "lockRao") == null ? null : tao(s, "lockRao") + " TAO");
            line("lock cost", tao(s, "lockCostRao") == null ? null : tao(s, "lockCostRao") + " TAO (to create a subnet now)");
            line("reg. price", tao(s, "registrationPriceRao", "burnRao", "priceRao") == null ? null
                    : tao(s, "registrationPriceRao", "burnRao", "priceRao") + " TAO (to register a neuron now)");
            if (s.path("hyperparameters").isObject()) {
                println("hyperparameters");
                HyperparametersCommand.table(s.path("hyperparameters")).lines().forEach(l -> println("  " + l));
            }
            return 0;
        }

        private void line(String label, String value) {
            if (value != null) {
                println(String.format("%-13s %s", label, value));
            }
        }
    }

    @Command(name = "hyperparameters", aliases = "hparams", mixinStandardHelpOptions = true,
            description = "A subnet's hyperparameters (spec/protocol.md §8).")
    static class HyperparametersCommand extends RemoteCommand {
        @Option(names = "--netuid", required = true, description = "The subnet.")
        int netuid;

        static Table table(JsonNode hyperparameters) {
            Table t = new Table("NAME", "VALUE>");
            JsonNode values = hyperparameters.path("hyperparameters").isObject()
                    ? hyperparameters.path("hyperparameters") : hyperparameters;
            for (Map.Entry<String, JsonNode> e : values.properties()) {
                if (e.getValue().isValueNode()) {
                    t.row(snake(e.getKey()), e.getValue().asString());
                }
            }
            return t;
        }

        @Override
        public Integer call() {
            JsonNode h = get(subnetPath(netuid) + "/hyperparameters");
            if (json) {
                printJson(h);
                return 0;
            }
            print(table(h));
            return 0;
        }
    }

    /** {@code bondsMovingAverage} → {@code bonds_moving_average}, the spelling of spec §8. */
    static String snake(String camel) {
        StringBuilder b = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                b.append('_').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set one hyperparameter: as the subnet's owner (signed by the owner's coldkey) for the "
                    + "owner's parameters, or with --admin (the network's admin key) for any.")
    static class Set extends RemoteCommand {
        @Option(names = "--netuid", required = true, description = "The subnet.")
        int netuid;

        @Option(names = "--param", required = true, paramLabel = "NAME", description = "E.g. tempo, immunity_period, kappa.")
        String param;

        @Option(names = "--value", required = true, paramLabel = "VALUE", description = "An integer, or true/false.")
        String value;

        @Option(names = "--wallet", paramLabel = "NAME", description = "The owner's wallet (its coldkey signs).")
        String wallet;

        @Option(names = "--password-file", paramLabel = "FILE",
                description = "Read the coldkey password from the first line of FILE (else $TAONET_WALLET_PASSWORD, else a prompt).")
        Path passwordFile;

        @Option(names = "--admin", description = "Send the network's admin key (for the parameters only the admin may change).")
        boolean admin;

        @Option(names = "--admin-key-file", paramLabel = "FILE",
                description = "The admin key's file (else $TAONET_ADMIN_KEY, else the local network's default).")
        Path adminKeyFile;

        @Mixin
        IdempotencyOption idempotency;

        @Override
        public Integer call() {
            netuid(netuid);
            String name = snake(Hyperparams.wireName(param));
            Object v = Hyperparams.value(name, value);
            if (wallet == null && !admin) {
                throw CliException.usage("who sets it: --wallet (the subnet's owner) or --admin (the network's admin key)");
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("value", v);
            String path = subnetPath(netuid) + "/hyperparameters/" + name;
            Map<String, String> headers = admin
                    ? Map.of(AdminKey.HEADER, AdminKey.read(root().context(), adminKeyFile)) : Map.of();
            Answer answer;
            if (wallet != null) {
                answer = signed("PUT", path, body, coldkey(), idempotency, headers);
            } else {
                Map<String, String> all = new LinkedHashMap<>(headers);
                all.put(TaonetClient.IDEMPOTENCY_HEADER, idempotency.key());
                answer = client().exchange("PUT", path, body, null, all);
            }
            if (json) {
                printJson(answer.body());
                return 0;
            }
            println("Set " + name + " = " + v + " on subnet " + netuid);
            noteReplay(answer);
            return 0;
        }

        private KeyPair coldkey() {
            var store = root().wallets();
            if (!store.exists(wallet)) {
                throw CliException.usage("no wallet '" + wallet + "' in " + store.root());
            }
            char[] password = Passwords.read(root().context(), passwordFile, "Password for wallet '" + wallet + "': ", false);
            try {
                return store.unlockColdkey(wallet, password);
            } finally {
                Arrays.fill(password, '\0');
            }
        }
    }

    @Command(name = "neurons", mixinStandardHelpOptions = true, description = "A subnet's neurons: UID, hotkey, coldkey, registration.")
    static class Neurons extends RemoteCommand {
        @Option(names = "--netuid", required = true, description = "The subnet.")
        int netuid;

        @Option(names = "--wide", description = "Full addresses.")
        boolean wide;

        @Override
        public Integer call() {
            JsonNode answer = get(subnetPath(netuid) + "/neurons");
            if (json) {
                printJson(answer);
                return 0;
            }
            List<JsonNode> neurons = items(answer, "neurons", "content");
            if (neurons.isEmpty()) {
                println("No neurons on subnet " + netuid);
                return 0;
            }
            Table t = new Table("UID>", "HOTKEY", "COLDKEY", "REGISTERED>", "SERVING");
            for (JsonNode n : neurons) {
                JsonNode serving = n.path("serving");
                t.row(text(n, "uid"), Units.shortAddress(text(n, "hotkey"), wide), Units.shortAddress(text(n, "coldkey"), wide),
                        text(n, "registrationBlock", "registeredAtBlock"),
                        serving.isObject() ? text(serving, "accelerator", "endpoint") : null);
            }
            print(t);
            return 0;
        }
    }
}
