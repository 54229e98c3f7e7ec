package net.taonet.cli.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import net.taonet.cli.CliContext;
import net.taonet.cli.CliException;

/**
 * The network's admin key (header {@value #HEADER}) for admin-only operations: the faucet and the
 * hyperparameters §8 reserves to the network. From {@code --admin-key-file} (first line), else
 * {@value #ENV}, else the local network's default: like passwords, never a command-line argument.
 */
final class AdminKey {

    static final String HEADER = "X-Taonet-Admin-Key";
    static final String ENV = "TAONET_ADMIN_KEY";
    /** What {@code ./taonet up} configures; any other network sets its own. */
    static final String LOCAL_DEFAULT = "local-admin-key";

    private AdminKey() {
    }

    static String read(CliContext context, Path file) {
        if (file != null) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                throw CliException.usage("admin key file " + file + " does not exist");
            } catch (IOException e) {
                throw CliException.runtime("cannot read admin key file " + file + ": " + e.getMessage());
            }
            String line = text.lines().findFirst().orElse("").strip();
            if (line.isEmpty()) {
                throw CliException.usage("admin key file " + file + " is empty");
            }
            return line;
        }
        String env = context.env().get(ENV);
        return env != null && !env.isBlank() ? env.strip() : LOCAL_DEFAULT;
    }
}
