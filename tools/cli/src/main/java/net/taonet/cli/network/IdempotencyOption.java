package net.taonet.cli.network;

import java.util.UUID;
import net.taonet.cli.CliException;
import picocli.CommandLine.Option;

/**
 * {@code --idempotency-key}: every state change carries one (spec §7). By default a fresh random UUID per
 * invocation; give the same key again to retry a command whose answer was lost without doing it twice.
 */
public class IdempotencyOption {

    public static final int MAX_LENGTH = 200;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Retry a command with the key it used before, so that it happens at most once "
                    + "(default: a new random UUID).")
    String key;

    private String resolved;

    /** Whether the caller chose the key. */
    public boolean given() {
        return key != null;
    }

    /** For another request of the same invocation: a new random key (a chosen key belongs to one request). */
    public IdempotencyOption fresh() {
        if (given()) {
            throw new IllegalStateException("a chosen idempotency key belongs to one request");
        }
        return new IdempotencyOption();
    }

    /** The key this invocation sends (the same on every call within it). */
    public String key() {
        if (resolved == null) {
            if (key == null) {
                resolved = UUID.randomUUID().toString();
            } else {
                String k = key.strip();
                if (k.isEmpty() || k.length() > MAX_LENGTH || !k.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
                    throw CliException.usage("--idempotency-key must be 1 to " + MAX_LENGTH
                            + " printable ASCII characters without spaces");
                }
                resolved = k;
            }
        }
        return resolved;
    }
}
