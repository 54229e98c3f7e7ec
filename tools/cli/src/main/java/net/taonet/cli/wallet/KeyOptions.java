package net.taonet.cli.wallet;

import java.nio.file.Path;
import java.util.Arrays;
import net.taonet.cli.CliException;
import net.taonet.cli.TaonetCli;
import net.taonet.identity.KeyPair;
import picocli.CommandLine.Option;

/**
 * The options by which a network command names the key that signs it, for reuse as a picocli mixin:
 * <pre>{@code
 * @Mixin KeyOptions keys;
 * ...
 * KeyPair coldkey = keys.coldkey(root);   // asks for the password (file, environment or prompt)
 * KeyPair hotkey = keys.hotkey(root);     // --hotkey, default "default"
 * }</pre>
 */
public class KeyOptions {

    @Option(names = "--wallet", required = true, paramLabel = "NAME", description = "The wallet whose key signs.")
    String wallet;

    @Option(names = "--hotkey", paramLabel = "NAME", defaultValue = "default",
            description = "The wallet's hotkey, where the command needs one (default: ${DEFAULT-VALUE}).")
    String hotkey;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the coldkey password from the first line of FILE (else $TAONET_WALLET_PASSWORD, else a prompt).")
    Path passwordFile;

    public String wallet() {
        return wallet;
    }

    public String hotkeyName() {
        return hotkey;
    }

    /** The wallet's coldkey, decrypted with its password. */
    public KeyPair coldkey(TaonetCli cli) {
        var store = cli.wallets();
        if (!store.exists(wallet)) {
            throw CliException.usage("no wallet '" + wallet + "' in " + store.root());
        }
        char[] password = Passwords.read(cli.context(), passwordFile, "Password for wallet '" + wallet + "': ", false);
        try {
            return store.unlockColdkey(wallet, password);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /** The wallet's hotkey named by {@code --hotkey}. */
    public KeyPair hotkey(TaonetCli cli) {
        return cli.wallets().hotkey(wallet, hotkey);
    }

    /** The coldkey's address, without asking for the password. */
    public String coldkeyAddress(TaonetCli cli) {
        return cli.wallets().coldkeyAddress(wallet);
    }
}
