package net.taonet.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import net.taonet.cli.network.BalanceCommand;
import net.taonet.cli.network.EpochsCommand;
import net.taonet.cli.network.FaucetCommand;
import net.taonet.cli.network.MetagraphCommand;
import net.taonet.cli.network.RegisterCommand;
import net.taonet.cli.network.StakeCommand;
import net.taonet.cli.network.SubnetCommand;
import net.taonet.cli.network.TakeCommand;
import net.taonet.cli.network.TransferCommand;
import net.taonet.cli.network.WeightsCommand;
import net.taonet.cli.wallet.WalletCommand;
import net.taonet.identity.InvalidAddressException;
import net.taonet.identity.wallet.WalletException;
import net.taonet.identity.wallet.WalletStore;
import net.taonet.identity.wallet.WrongPasswordException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The TaoNet command-line client ({@code ./taonet <verb> ...}). Exit status: 0 on success, 1 on a remote
 * or runtime error, 2 on bad usage or bad input; errors are one line on stderr, never a stack trace.
 */
@Command(name = "taonet", mixinStandardHelpOptions = true, version = "taonet 0.1.0",
        description = "The TaoNet command-line client: wallets and, with a running network, its commands.",
        subcommands = {WalletCommand.class, SubnetCommand.class, RegisterCommand.class, StakeCommand.class,
                TransferCommand.class, BalanceCommand.class, TakeCommand.class, WeightsCommand.class,
                MetagraphCommand.class, EpochsCommand.class, FaucetCommand.class, CommandLine.HelpCommand.class})
public class TaonetCli implements java.util.concurrent.Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Without a verb: the usage, as a usage error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(context.err());
        return CliException.USAGE;
    }

    /** The network's entry point when neither --url nor TAONET_URL says otherwise. */
    public static final String DEFAULT_URL = "http://localhost:8080";

    @Option(names = "--wallets-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where wallets live (default: $TAONET_WALLETS_DIR, else ~/.taonet/wallets).")
    Path walletsDir;

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The network's gateway (default: $TAONET_URL, else " + DEFAULT_URL + ").")
    String url;

    private final CliContext context;

    public TaonetCli(CliContext context) {
        this.context = context;
    }

    public CliContext context() {
        return context;
    }

    public WalletStore wallets() {
        if (walletsDir != null) {
            return new WalletStore(walletsDir);
        }
        String env = context.env().get(WalletStore.ROOT_ENV);
        if (env != null && !env.isBlank()) {
            return new WalletStore(Path.of(env));
        }
        return new WalletStore(Path.of(System.getProperty("user.home"), ".taonet", "wallets"));
    }

    public URI baseUrl() {
        String value = url != null ? url : context.env().getOrDefault("TAONET_URL", DEFAULT_URL);
        try {
            URI uri = URI.create(value);
            if (uri.getScheme() == null || uri.getHost() == null
                    || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            throw CliException.usage("invalid --url '" + value + "': expected http(s)://host[:port]");
        }
    }

    public static void main(String[] args) {
        System.exit(run(CliContext.system(), args));
    }

    /** Runs one command line and returns its exit status. */
    public static int run(CliContext context, String... args) {
        CommandLine cli = new CommandLine(new TaonetCli(context));
        cli.setOut(context.out());
        cli.setErr(context.err());
        cli.setParameterExceptionHandler((e, a) -> {
            String message = e.getMessage() == null ? "invalid usage" : e.getMessage().replaceFirst("^Error: ", "");
            e.getCommandLine().getErr().println("taonet: " + message
                    + " (see '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return CliException.USAGE;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            int code = exitCode(e);
            commandLine.getErr().println("taonet: " + message(e));
            return code;
        });
        try {
            return cli.execute(args);
        } finally {
            context.out().flush();
            context.err().flush();
        }
    }

    static int exitCode(Exception e) {
        if (e instanceof CliException c) {
            return c.exitCode();
        }
        if (e instanceof WrongPasswordException || e instanceof InvalidAddressException) {
            return CliException.USAGE;
        }
        if (e instanceof WalletException w) {
            // A wallet error caused by the file system is a runtime error; the rest (exists, unknown, bad name) is input.
            return w.getCause() instanceof java.io.IOException ? CliException.RUNTIME : CliException.USAGE;
        }
        if (e instanceof IllegalArgumentException) {
            return CliException.USAGE;
        }
        return CliException.RUNTIME;
    }

    static String message(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.replace('\n', ' ');
    }

    /** Writes a line to stdout. */
    public void println(String line) {
        PrintWriter out = context.out();
        out.println(line);
    }
}
