package net.taonet.cli.wallet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import net.taonet.cli.CliContext;
import net.taonet.cli.CliException;

/**
 * Where a wallet password comes from, first match wins: {@code --password-file} (its first line), the
 * {@value #ENV} environment variable, or a prompt at the terminal. Never an argument: command lines end
 * up in shell histories and process lists.
 */
public final class Passwords {

    public static final String ENV = "TAONET_WALLET_PASSWORD";

    private Passwords() {
    }

    public static char[] read(CliContext context, Path passwordFile, String prompt, boolean confirm) {
        if (passwordFile != null) {
            return fromFile(passwordFile);
        }
        String env = context.env().get(ENV);
        if (env != null && !env.isEmpty()) {
            return env.toCharArray();
        }
        if (context.terminal() == null) {
            throw CliException.usage("a password is needed: use --password-file, set " + ENV
                    + ", or run in a terminal");
        }
        char[] password = context.terminal().readPassword(prompt);
        if (password == null || password.length == 0) {
            throw CliException.usage("no password given");
        }
        if (confirm) {
            char[] again = context.terminal().readPassword("Repeat the password: ");
            boolean same = Arrays.equals(password, again);
            if (again != null) {
                Arrays.fill(again, '\0');
            }
            if (!same) {
                Arrays.fill(password, '\0');
                throw CliException.usage("the passwords do not match");
            }
        }
        return password;
    }

    private static char[] fromFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw CliException.usage("password file " + file + " does not exist");
        } catch (IOException e) {
            throw CliException.runtime("cannot read password file " + file + ": " + e.getMessage());
        }
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (line.isEmpty()) {
            throw CliException.usage("password file " + file + " is empty");
        }
        return line.toCharArray();
    }
}
