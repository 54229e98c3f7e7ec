package net.taonet.cli.wallet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import net.taonet.cli.CliException;
import net.taonet.cli.TaonetCli;
import net.taonet.identity.KeyPair;
import net.taonet.identity.Ss58;
import net.taonet.identity.wallet.HotkeyInfo;
import net.taonet.identity.wallet.WalletInfo;
import net.taonet.identity.wallet.WalletStore;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import tools.jackson.databind.json.JsonMapper;

/** {@code taonet wallet ...}: create and inspect wallets (DESIGN §6). */
@Command(name = "wallet", mixinStandardHelpOptions = true,
        description = "Create, restore and inspect wallets (a coldkey and its hotkeys).",
        subcommands = {WalletCommand.Create.class, WalletCommand.NewHotkey.class, WalletCommand.ListWallets.class,
                WalletCommand.Show.class, WalletCommand.Regen.class, WalletCommand.Inspect.class})
public class WalletCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Without a subcommand: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(root.context().err());
        return CliException.USAGE;
    }

    static final JsonMapper JSON = JsonMapper.builder().build();

    @ParentCommand
    TaonetCli root;

    static String json(Object value) {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a wallet with a new coldkey, encrypted with a password; prints its backup once.")
    static class Create implements Callable<Integer> {
        @ParentCommand
        WalletCommand wallet;

        @Option(names = "--name", required = true, description = "The wallet's name.")
        String name;

        @Option(names = "--password-file", paramLabel = "FILE",
                description = "Read the password from the first line of FILE (else $TAONET_WALLET_PASSWORD, else a prompt).")
        Path passwordFile;

        @Option(names = "--hotkey", paramLabel = "NAME", description = "Also create a hotkey with this name.")
        String hotkey;

        @Override
        public Integer call() {
            TaonetCli cli = wallet.root;
            WalletStore store = cli.wallets();
            if (store.exists(name)) {
                throw CliException.usage("wallet '" + name + "' already exists in " + store.root());
            }
            store.walletDirectory(name); // validates the name before asking for a password
            char[] password = Passwords.read(cli.context(), passwordFile, "Password for the new coldkey: ", true);
            KeyPair coldkey;
            try {
                coldkey = store.create(name, password);
            } finally {
                Arrays.fill(password, '\0');
            }
            cli.println("Created wallet '" + name + "' in " + store.walletDirectory(name));
            cli.println("coldkey  " + coldkey.address() + "  0x" + coldkey.publicKeyHex());
            if (hotkey != null) {
                KeyPair h = store.createHotkey(name, hotkey);
                cli.println("hotkey   " + h.address() + "  0x" + h.publicKeyHex() + "  (" + hotkey + ")");
            }
            cli.println("");
            cli.println("BACKUP: the coldkey's seed is shown only this once. Write it down and keep it secret;");
            cli.println("anyone who has it owns the wallet, and without it a lost password cannot be recovered.");
            cli.println("seed     " + coldkey.seedHex());
            cli.println("restore  taonet wallet regen --name " + name + " --seed <seed>");
            return 0;
        }
    }

    @Command(name = "new-hotkey", mixinStandardHelpOptions = true,
            description = "Add a hotkey (a neuron's operating key, kept unencrypted) to a wallet.")
    static class NewHotkey implements Callable<Integer> {
        @ParentCommand
        WalletCommand wallet;

        @Option(names = "--wallet", required = true, description = "The wallet's name.")
        String walletName;

        @Option(names = "--name", required = true, description = "The hotkey's name.")
        String name;

        @Override
        public Integer call() {
            KeyPair h = wallet.root.wallets().createHotkey(walletName, name);
            wallet.root.println("hotkey   " + h.address() + "  0x" + h.publicKeyHex() + "  (" + walletName + "/" + name + ")");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the wallets and their coldkey addresses.")
    static class ListWallets implements Callable<Integer> {
        @ParentCommand
        WalletCommand wallet;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            WalletStore store = wallet.root.wallets();
            List<String> names = store.list();
            if (json) {
                List<Map<String, Object>> rows = names.stream().map(n -> describe(store.info(n))).toList();
                wallet.root.println(json(rows));
                return 0;
            }
            if (names.isEmpty()) {
                wallet.root.println("No wallets in " + store.root() + " (create one: taonet wallet create --name NAME)");
                return 0;
            }
            int width = names.stream().mapToInt(String::length).max().orElse(0);
            for (String n : names) {
                WalletInfo info = store.info(n);
                wallet.root.println(String.format("%-" + width + "s  %s  %d hotkey%s", n, info.coldkeyAddress(),
                        info.hotkeys().size(), info.hotkeys().size() == 1 ? "" : "s"));
            }
            return 0;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a wallet's coldkey and hotkeys: addresses and public keys (no password needed).")
    static class Show implements Callable<Integer> {
        @ParentCommand
        WalletCommand wallet;

        @Option(names = "--name", required = true, description = "The wallet's name.")
        String name;

        @Option(names = "--json", description = "Print JSON.")
        boolean json;

        @Override
        public Integer call() {
            WalletInfo info = wallet.root.wallets().info(name);
            if (json) {
                wallet.root.println(json(describe(info)));
                return 0;
            }
            wallet.root.println("wallet   " + info.name() + "  (" + info.directory() + ")");
            wallet.root.println("coldkey  " + info.coldkeyAddress() + "  0x" + info.coldkeyPublicKeyHex());
            for (HotkeyInfo h : info.hotkeys()) {
                wallet.root.println("hotkey   " + h.address() + "  0x" + h.publicKeyHex() + "  (" + h.name() + ")");
            }
            if (info.hotkeys().isEmpty()) {
                wallet.root.println("(no hotkeys: taonet wallet new-hotkey --wallet " + info.name() + " --name default)");
            }
            return 0;
        }
    }

    @Command(name = "regen", mixinStandardHelpOptions = true,
            description = "Restore a wallet's coldkey from its backup seed, encrypted with a (new) password.")
    static class Regen implements Callable<Integer> {
        @ParentCommand
        WalletCommand wallet;

        @Option(names = "--name", required = true, description = "The wallet's name.")
        String name;

        @ArgGroup(exclusive = true, multiplicity = "1")
        SeedSource seed;

        static class SeedSource {
            @Option(names = "--seed", paramLabel = "HEX", description = "The 32-byte seed, 64 hex digits (0x optional).")
            String hex;

            @Option(names = "--seed-file", paramLabel = "FILE", description = "Read the seed from FILE.")
            Path file;
        }

        @Option(names = "--password-file", paramLabel = "FILE",
                description = "Read the password from the first line of FILE (else $TAONET_WALLET_PASSWORD, else a prompt).")
        Path passwordFile;

        @Option(names = "--overwrite", description = "Replace the coldkey of an existing wallet (its hotkeys stay).")
        boolean overwrite;

        @Override
        public Integer call() {
            WalletStore store = wallet.root.wallets();
            byte[] bytes = parseSeed(seed.hex != null ? seed.hex : readSeedFile(seed.file));
            if (store.exists(name) && !overwrite) {
                throw CliException.usage("wallet '" + name + "' already exists in " + store.root()
                        + " (add --overwrite to replace its coldkey)");
            }
            store.walletDirectory(name);
            char[] password = Passwords.read(wallet.root.context(), passwordFile, "Password for the coldkey: ", true);
            KeyPair coldkey;
            try {
                coldkey = store.regenerate(name, bytes, password, overwrite);
            } finally {
                Arrays.fill(password, '\0');
                Arrays.fill(bytes, (byte) 0);
            }
            wallet.root.println("Restored wallet '" + name + "' in " + store.walletDirectory(name));
            wallet.root.println("coldkey  " + coldkey.address() + "  0x" + coldkey.publicKeyHex());
            return 0;
        }

        private static String readSeedFile(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            } catch (IOException e) {
                throw CliException.usage("cannot read seed file " + file + ": " + e.getMessage());
            }
        }

        static byte[] parseSeed(String text) {
            String hex = text.trim();
            if (hex.startsWith("0x") || hex.startsWith("0X")) {
                hex = hex.substring(2);
            }
            if (hex.length() != 64) {
                throw CliException.usage("a seed is 64 hex digits (32 bytes); got " + hex.length() + " characters");
            }
            try {
                return HexFormat.of().parseHex(hex);
            } catch (IllegalArgumentException e) {
                throw CliException.usage("the seed is not hexadecimal");
            }
        }
    }

    @Command(name = "inspect", mixinStandardHelpOptions = true,
            description = "Convert between a 32-byte public key (hex) and its SS58 address (prefix 42).")
    static class Inspect implements Callable<Integer> {
        @ParentCommand
        WalletCommand wallet;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Input input;

        static class Input {
            @Option(names = "--public-key", paramLabel = "HEX", description = "A 32-byte public key, 64 hex digits (0x optional).")
            String publicKey;

            @Option(names = "--address", paramLabel = "SS58", description = "An SS58 address.")
            String address;
        }

        @Override
        public Integer call() {
            byte[] key;
            if (input.publicKey != null) {
                String hex = input.publicKey.trim();
                if (hex.startsWith("0x") || hex.startsWith("0X")) {
                    hex = hex.substring(2);
                }
                if (hex.length() != 64) {
                    throw CliException.usage("a public key is 64 hex digits (32 bytes); got " + hex.length() + " characters");
                }
                try {
                    key = HexFormat.of().parseHex(hex);
                } catch (IllegalArgumentException e) {
                    throw CliException.usage("the public key is not hexadecimal");
                }
            } else {
                key = Ss58.decode(input.address);
            }
            wallet.root.println("address     " + Ss58.encode(key));
            wallet.root.println("public key  0x" + HexFormat.of().formatHex(key));
            return 0;
        }
    }

    static Map<String, Object> describe(WalletInfo info) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("name", info.name());
        out.put("path", info.directory().toString());
        Map<String, Object> coldkey = new LinkedHashMap<>();
        coldkey.put("ss58Address", info.coldkeyAddress());
        coldkey.put("publicKey", "0x" + info.coldkeyPublicKeyHex());
        out.put("coldkey", coldkey);
        out.put("hotkeys", info.hotkeys().stream().map(h -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", h.name());
            row.put("ss58Address", h.address());
            row.put("publicKey", "0x" + h.publicKeyHex());
            return row;
        }).toList());
        return out;
    }
}
