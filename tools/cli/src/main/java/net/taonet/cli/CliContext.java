package net.taonet.cli;

import java.io.PrintWriter;
import java.util.Map;

/**
 * What commands see of the outside world, so that tests run them in-process: output streams, the
 * environment, and a terminal (null when there is none).
 */
public record CliContext(PrintWriter out, PrintWriter err, Map<String, String> env, Terminal terminal) {

    /** Reads secrets from a person at a terminal. */
    public interface Terminal {
        char[] readPassword(String prompt);
    }

    public static CliContext system() {
        java.io.Console console = System.console();
        Terminal terminal = console == null ? null : prompt -> console.readPassword("%s", prompt);
        return new CliContext(new PrintWriter(System.out, true), new PrintWriter(System.err, true), System.getenv(),
                terminal);
    }

}
