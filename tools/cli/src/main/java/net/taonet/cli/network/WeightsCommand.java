package net.taonet.cli.network;

import net.taonet.identity.CommitHash;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import net.taonet.cli.CliException;
import net.taonet.cli.format.Table;
import net.taonet.cli.format.Units;
import net.taonet.cli.http.RemoteException;
import net.taonet.cli.http.TaonetClient.Answer;
import net.taonet.cli.network.CommitStore.SavedCommit;
import net.taonet.cli.wallet.KeyOptions;
import net.taonet.identity.KeyPair;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/**
 * {@code taonet weights set|commit|reveal|show|commits}: a validator's weights (spec/protocol.md §6), signed by
 * its hotkey. With commit-reveal on (the default), {@code commit} sends only the hash, computed here, and
 * keeps the salt in the commits directory until {@code reveal} sends the weights in the reveal epoch.
 */
@Command(name = "weights", mixinStandardHelpOptions = true,
        description = "Set, commit and reveal a validator's weights (signed by its hotkey); show a subnet's weights.",
        subcommands = {WeightsCommand.SetWeights.class, WeightsCommand.Commit.class, WeightsCommand.Reveal.class,
                WeightsCommand.Show.class, WeightsCommand.Commits.class})
public class WeightsCommand implements Callable<Integer> {

    static final int SALT_BYTES = 32;
    private static final DateTimeFormatter INSTANT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    /** The clock that stamps saved commits (their order for {@code reveal}); replaced in tests. */
    static Clock clock = Clock.systemUTC();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CliException.USAGE;
    }

    /** The options of a weight vector: subnet, UIDs, weights, version key. */
    static class VectorOptions {
        @Option(names = "--netuid", required = true, description = "The subnet.")
        int netuid;

        @Option(names = "--uids", required = true, split = ",", paramLabel = "UID[,UID...]", description = "The UIDs weighted.")
        List<String> uids;

        @Option(names = "--weights", required = true, split = ",", paramLabel = "W[,W...]",
                description = "One weight per UID: u16 integers (0..65535) as they are, or decimals (0.5,0.3,0.2) "
                        + "max-upscaled to u16.")
        List<String> weights;

        @Option(names = "--version-key", defaultValue = "0", paramLabel = "N",
                description = "The validator software's version key (default: ${DEFAULT-VALUE}).")
        long versionKey;

        WeightVector vector() {
            RemoteCommand.netuid(netuid);
            if (versionKey < 0) {
                throw CliException.usage("--version-key cannot be negative");
            }
            return WeightVector.parse(uids, weights);
        }
    }

    static void describeApplied(RemoteCommand c, JsonNode applied) {
        c.println("netuid   " + RemoteCommand.text(applied, "netuid") + "  uid " + RemoteCommand.text(applied, "uid")
                + "  hotkey " + RemoteCommand.text(applied, "hotkey"));
        if (applied.has("block")) {
            c.println("block    " + applied.path("block").asLong());
        }
        List<JsonNode> row = RemoteCommand.items(applied, "weights");
        if (!row.isEmpty()) {
            Table t = new Table("UID>", "WEIGHT>", "SHARE>");
            long sum = row.stream().mapToLong(w -> w.path("weight").asLong()).sum();
            for (JsonNode w : row) {
                long v = w.path("weight").asLong();
                t.row(RemoteCommand.text(w, "uid"), v, sum == 0 ? "-"
                        : new java.math.BigDecimal(v * 100).divide(java.math.BigDecimal.valueOf(sum), 2,
                                java.math.RoundingMode.HALF_EVEN).toPlainString() + "%");
            }
            c.print(t);
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set weights directly (only on a subnet with commit-reveal off).")
    static class SetWeights extends RemoteCommand {
        @Mixin
        KeyOptions keys;

        @Mixin
        VectorOptions vector;

        @Mixin
        IdempotencyOption idempotency;

        @Override
        public Integer call() {
            WeightVector v = vector.vector();
            KeyPair hotkey = keys.hotkey(root());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("netuid", vector.netuid);
            body.put("uids", v.uids());
            body.put("weights", v.weights());
            body.put("versionKey", vector.versionKey);
            body.put("hotkey", hotkey.address());
            Answer answer = signed("POST", "/api/v1/weights", body, hotkey, idempotency);
            if (json) {
                printJson(answer.body());
                return 0;
            }
            println("Weights set on subnet " + vector.netuid + ".");
            describeApplied(this, answer.body());
            return 0;
        }
    }

    @Command(name = "commit", mixinStandardHelpOptions = true,
            description = "Commit to weights: sends only their hash (computed here) and keeps the salt in the "
                    + "commits directory for 'weights reveal' in the reveal epoch.")
    static class Commit extends RemoteCommand {
        @Mixin
        KeyOptions keys;

        @Mixin
        VectorOptions vector;

        @Mixin
        IdempotencyOption idempotency;

        @Option(names = "--commits-dir", paramLabel = "DIR",
                description = "Where salts wait for their reveal (default: $TAONET_COMMITS_DIR, else ~/.taonet/commits).")
        Path commitsDir;

        @Override
        public Integer call() {
            WeightVector v = vector.vector();
            KeyPair hotkey = keys.hotkey(root());
            byte[] salt = new byte[SALT_BYTES];
            new SecureRandom().nextBytes(salt);
            String hash = CommitHash.of(hotkey.address(), vector.netuid, v.uids(), v.weights(), salt, vector.versionKey);
            CommitStore store = CommitStore.of(root().context(), commitsDir);
            SavedCommit saved = new SavedCommit(vector.netuid, hotkey.address(), v.uids(), v.weights(),
                    HexFormat.of().formatHex(salt), vector.versionKey, hash, INSTANT.format(clock.instant()), null, null,
                    null);
            store.save(saved);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("netuid", vector.netuid);
            body.put("commitHash", hash);
            body.put("hotkey", hotkey.address());
            Answer answer;
            try {
                answer = signed("POST", "/api/v1/weights/commit", body, hotkey, idempotency);
            } catch (RemoteException e) {
                if (e.status() >= 400 && e.status() < 500) {
                    store.delete(saved); // refused: nothing to reveal
                }
                throw e;
            }
            JsonNode a = answer.body();
            SavedCommit accepted = saved.accepted(number(a, "commitBlock"), number(a, "revealFromBlock"),
                    number(a, "revealUntilBlock"));
            store.save(accepted);
            if (json) {
                printJson(a);
                return 0;
            }
            println("Committed weights on subnet " + vector.netuid + " (hash " + hash + ")");
            if (number(a, "revealFromBlock") != null) {
                println("reveal   from block " + a.path("revealFromBlock").asLong() + " until block "
                        + text(a, "revealUntilBlock") + " (epoch " + text(a, "revealEpoch") + ")");
            }
            println("salt     saved in " + store.file(accepted));
            println("then     taonet weights reveal --wallet " + keys.wallet() + " --hotkey " + keys.hotkeyName()
                    + " --netuid " + vector.netuid);
            return 0;
        }
    }

    @Command(name = "reveal", mixinStandardHelpOptions = true,
            description = "Reveal a saved commit (the oldest one of this hotkey on the subnet, or --hash): sends the "
                    + "weights and the salt; the saved salt is deleted once the reveal is accepted.")
    static class Reveal extends RemoteCommand {
        @Mixin
        KeyOptions keys;

        @Mixin
        IdempotencyOption idempotency;

        @Option(names = "--netuid", required = true, description = "The subnet.")
        int netuid;

        @Option(names = "--hash", paramLabel = "HEX", description = "Which saved commit (default: the oldest).")
        String hash;

        @Option(names = "--commits-dir", paramLabel = "DIR",
                description = "Where salts wait for their reveal (default: $TAONET_COMMITS_DIR, else ~/.taonet/commits).")
        Path commitsDir;

        @Override
        public Integer call() {
            netuid(netuid);
            KeyPair hotkey = keys.hotkey(root());
            CommitStore store = CommitStore.of(root().context(), commitsDir);
            List<SavedCommit> saved = store.list(hotkey.address(), netuid);
            List<SavedCommit> candidates;
            if (hash != null) {
                String h = hash.strip().toLowerCase(java.util.Locale.ROOT);
                candidates = saved.stream().filter(s -> s.commitHash().equals(h)).toList();
                if (candidates.isEmpty()) {
                    throw CliException.usage("no saved commit " + h + " of hotkey " + hotkey.address() + " on subnet "
                            + netuid + " in " + store.dir());
                }
            } else if (saved.isEmpty()) {
                throw CliException.usage("no saved commit of hotkey " + hotkey.address() + " on subnet " + netuid
                        + " in " + store.dir() + " (commit first: taonet weights commit)");
            } else {
                // Oldest first; one that can no longer be revealed is dropped and the next one tried, unless the
                // caller chose the commit or the idempotency key.
                candidates = idempotency.given() ? saved.subList(0, 1) : saved;
            }
            List<String> dropped = new java.util.ArrayList<>();
            IdempotencyOption key = idempotency;
            for (int i = 0; i < candidates.size(); i++) {
                SavedCommit c = candidates.get(i);
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("netuid", c.netuid());
                body.put("uids", c.uids());
                body.put("weights", c.weights());
                body.put("salt", c.salt());
                body.put("versionKey", c.versionKey());
                body.put("hotkey", c.hotkey());
                Answer answer;
                try {
                    answer = signed("POST", "/api/v1/weights/reveal", body, hotkey, key);
                } catch (RemoteException e) {
                    if (!GONE.contains(e.problemType())) {
                        throw e;
                    }
                    store.delete(c); // expired, already revealed, or never accepted: its salt is of no more use
                    dropped.add(c.commitHash() + " (" + e.problemType() + ")");
                    if (i == candidates.size() - 1) {
                        throw new RemoteException(e.status(), e.problemType(), e.getMessage()
                                + " (deleted the saved salt of " + String.join(", ", dropped) + ": it cannot be revealed)");
                    }
                    key = key.fresh();
                    continue;
                }
                store.delete(c);
                if (json) {
                    printJson(answer.body());
                    return 0;
                }
                for (String d : dropped) {
                    println("Dropped saved commit " + d + ": it can no longer be revealed.");
                }
                println("Revealed commit " + c.commitHash() + " on subnet " + netuid + "; the weights took effect.");
                describeApplied(this, answer.body());
                int left = store.list(hotkey.address(), netuid).size();
                if (left > 0) {
                    println("(" + left + " more saved commit" + (left > 1 ? "s" : "") + " of this hotkey on subnet "
                            + netuid + " wait in " + store.dir() + ")");
                }
                return 0;
            }
            throw new IllegalStateException("no commit was tried");
        }

        /** The problems after which a saved commit can never be revealed. */
        static final Set<String> GONE = Set.of("reveal-too-late", "commit-not-found");
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "The weight rows in effect on a subnet (max-upscaled, sorted by UID).")
    static class Show extends RemoteCommand {
        @Option(names = "--netuid", required = true, description = "The subnet.")
        int netuid;

        @Option(names = "--wide", description = "Full addresses.")
        boolean wide;

        @Override
        public Integer call() {
            JsonNode rows = get("/api/v1/weights/" + netuid(netuid));
            if (json) {
                printJson(rows);
                return 0;
            }
            List<JsonNode> list = items(rows, "rows", "weights");
            if (list.isEmpty()) {
                println("No weights set on subnet " + netuid);
                return 0;
            }
            Table t = new Table("UID>", "HOTKEY", "SET AT>", "WEIGHTS");
            for (JsonNode r : list) {
                String weights = items(r, "weights").stream()
                        .map(w -> text(w, "uid") + ":" + Units.u16(w.path("weight").asLong()))
                        .collect(Collectors.joining(" "));
                t.row(text(r, "uid"), Units.shortAddress(text(r, "hotkey"), wide), text(r, "setBlock", "block"), weights);
            }
            print(t);
            return 0;
        }
    }

    @Command(name = "commits", mixinStandardHelpOptions = true,
            description = "A hotkey's unrevealed commits on a subnet, as the network has them, and whether their salt is saved here.")
    static class Commits extends RemoteCommand {
        @Option(names = "--netuid", required = true, description = "The subnet.")
        int netuid;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Which which;

        static class Which {
            @Option(names = "--hotkey-address", paramLabel = "SS58", description = "The hotkey's address.")
            String address;

            @ArgGroup(exclusive = false)
            Named named;
        }

        static class Named {
            @Option(names = "--wallet", required = true, paramLabel = "NAME", description = "A wallet ...")
            String wallet;

            @Option(names = "--hotkey", paramLabel = "NAME", defaultValue = "default",
                    description = "... and its hotkey (default: ${DEFAULT-VALUE}).")
            String hotkey;
        }

        @Option(names = "--commits-dir", paramLabel = "DIR",
                description = "Where salts wait for their reveal (default: $TAONET_COMMITS_DIR, else ~/.taonet/commits).")
        Path commitsDir;

        @Override
        public Integer call() {
            netuid(netuid);
            String hotkey = which.address != null ? address(which.address, "--hotkey-address")
                    : root().wallets().hotkey(which.named.wallet, which.named.hotkey).address();
            JsonNode pending = get("/api/v1/weights/" + netuid + "/commits/" + hotkey);
            if (json) {
                printJson(pending);
                return 0;
            }
            Set<String> saved = CommitStore.of(root().context(), commitsDir).list(hotkey, netuid).stream()
                    .map(SavedCommit::commitHash).collect(Collectors.toSet());
            List<JsonNode> list = items(pending, "commits");
            if (list.isEmpty()) {
                println("No unrevealed commits of hotkey " + hotkey + " on subnet " + netuid);
                return 0;
            }
            Table t = new Table("HASH", "BLOCK>", "EPOCH>", "SALT SAVED");
            for (JsonNode c : list) {
                String h = text(c, "commitHash");
                t.row(h, text(c, "commitBlock"), text(c, "commitEpoch"), saved.contains(h) ? "yes" : "no");
            }
            print(t);
            return 0;
        }
    }
}
