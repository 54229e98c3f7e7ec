package net.taonet.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import net.taonet.cli.wallet.KeyOptions;
import net.taonet.identity.KeyPair;
import net.taonet.identity.wallet.ScryptParams;
import net.taonet.identity.wallet.WalletStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** The key options a later network command mixes in, exercised by a stand-in command. */
class KeyOptionsTest {

    @TempDir
    Path dir;

    @Command(name = "whoami")
    static class WhoAmI implements Callable<Integer> {
        @ParentCommand
        TaonetCli root;
        @Mixin
        KeyOptions keys;

        @Override
        public Integer call() {
            root.println("coldkey " + keys.coldkey(root).address());
            root.println("hotkey " + keys.hotkey(root).address());
            return 0;
        }
    }

    int run(Map<String, String> env, StringWriter out, StringWriter err, String... args) {
        CliContext context = new CliContext(new PrintWriter(out, true), new PrintWriter(err, true), env, null);
        CommandLine cli = new CommandLine(new TaonetCli(context));
        cli.addSubcommand(new WhoAmI());
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setExecutionExceptionHandler((e, c, p) -> {
            c.getErr().println("taonet: " + e.getMessage());
            return TaonetCli.exitCode(e);
        });
        return cli.execute(args);
    }

    @Test
    void unlocksTheColdkeyAndLoadsTheHotkey() {
        WalletStore store = new WalletStore(dir, ScryptParams.FAST_FOR_TESTS);
        KeyPair coldkey = store.create("w", "pw".toCharArray());
        KeyPair hotkey = store.createHotkey("w", "default");
        Map<String, String> env = new HashMap<>(Map.of("TAONET_WALLET_PASSWORD", "pw"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(env, out, err, "--wallets-dir", dir.toString(), "whoami", "--wallet", "w")).as(err.toString()).isZero();
        assertThat(out.toString()).contains("coldkey " + coldkey.address()).contains("hotkey " + hotkey.address());

        env.put("TAONET_WALLET_PASSWORD", "wrong");
        StringWriter err2 = new StringWriter();
        assertThat(run(env, new StringWriter(), err2, "--wallets-dir", dir.toString(), "whoami", "--wallet", "w")).isEqualTo(2);
        assertThat(err2.toString()).contains("wrong password for wallet 'w'");
    }
}
