package net.taonet.cli.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import net.taonet.cli.CliContext;
import net.taonet.cli.CliException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The salts of weight commits waiting for their reveal: one file per commit,
 * {@code <dir>/<hotkey>-<netuid>-<hash>.json}, permissions 600 (a salt is what keeps the weights hidden until
 * the reveal). The directory is {@code --commits-dir}, else {@value #ENV}, else {@code ~/.taonet/commits}.
 * A commit is saved before it is sent, so an answer lost on the way still leaves its salt for the reveal.
 */
final class CommitStore {

    static final String ENV = "TAONET_COMMITS_DIR";

    /** A saved commit: everything the reveal sends again, and what the network said about it. */
    record SavedCommit(int netuid, String hotkey, List<Integer> uids, List<Integer> weights, String salt,
            long versionKey, String commitHash, String committedAt, Long commitBlock, Long revealFromBlock,
            Long revealUntilBlock) {

        SavedCommit accepted(Long commitBlock, Long revealFromBlock, Long revealUntilBlock) {
            return new SavedCommit(netuid, hotkey, uids, weights, salt, versionKey, commitHash, committedAt, commitBlock,
                    revealFromBlock, revealUntilBlock);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path dir;

    CommitStore(Path dir) {
        this.dir = dir;
    }

    static CommitStore of(CliContext context, Path option) {
        if (option != null) {
            return new CommitStore(option);
        }
        String env = context.env().get(ENV);
        if (env != null && !env.isBlank()) {
            return new CommitStore(Path.of(env));
        }
        return new CommitStore(Path.of(System.getProperty("user.home"), ".taonet", "commits"));
    }

    Path dir() {
        return dir;
    }

    Path file(SavedCommit c) {
        return dir.resolve(c.hotkey() + "-" + c.netuid() + "-" + c.commitHash() + ".json");
    }

    void save(SavedCommit c) {
        Path target = file(c);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".commit-", ".tmp");
            try {
                restrict(tmp);
                Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(c), StandardCharsets.UTF_8);
                try {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw CliException.runtime("cannot save the commit's salt in " + dir + ": " + e.getMessage());
        }
    }

    void delete(SavedCommit c) {
        try {
            Files.deleteIfExists(file(c));
        } catch (IOException e) {
            throw CliException.runtime("cannot delete " + file(c) + ": " + e.getMessage());
        }
    }

    /** The saved commits of a hotkey on a subnet, oldest first. */
    List<SavedCommit> list(String hotkey, int netuid) {
        List<SavedCommit> out = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, hotkey + "-" + netuid + "-*.json")) {
            for (Path f : files) {
                try {
                    SavedCommit c = JSON.readValue(Files.readString(f, StandardCharsets.UTF_8), SavedCommit.class);
                    if (c.hotkey().equals(hotkey) && c.netuid() == netuid) {
                        out.add(c);
                    }
                } catch (JacksonException e) {
                    throw CliException.runtime("cannot read saved commit " + f + ": " + e.getOriginalMessage());
                }
            }
        } catch (IOException e) {
            throw CliException.runtime("cannot read saved commits in " + dir + ": " + e.getMessage());
        }
        out.sort(Comparator.comparing(SavedCommit::committedAt).thenComparing(SavedCommit::commitHash));
        return out;
    }

    private static void restrict(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (Windows): the user's profile directory is the protection there.
        }
    }

    static Map<String, Object> describe(SavedCommit c) {
        return JSON.convertValue(c, Map.class);
    }
}
