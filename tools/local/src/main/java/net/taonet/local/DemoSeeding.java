package net.taonet.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import net.taonet.local.demo.DemoPlan;
import net.taonet.local.demo.DemoState;

/**
 * The demo network around {@code ./taonet up}: whether it is seeded, what a reset wipes, and the short guide
 * printed once it is seeded.
 *
 * <p>{@code TAONET_DEMO=off} (or {@code 0}, {@code false}) starts the services without seeding anything.
 */
final class DemoSeeding {

    static final String SWITCH_ENV = "TAONET_DEMO";
    /** Seeding takes a few seconds; this bounds a network that never gets ready. */
    static final Duration TIMEOUT = Duration.ofMinutes(3);

    private DemoSeeding() {
    }

    static boolean enabled(Map<String, String> env) {
        String value = env.getOrDefault(SWITCH_ENV, "on").strip().toLowerCase(Locale.ROOT);
        return !(value.equals("off") || value.equals("0") || value.equals("false") || value.equals("no"));
    }

    /** The configured services plus the demo's own (chat workers when a model server is configured). */
    static List<ServiceSpec> withDemoServices(List<ServiceSpec> configured, Map<String, String> env) {
        if (!enabled(env)) {
            return configured;
        }
        List<ServiceSpec> all = new ArrayList<>(configured);
        for (ServiceSpec extra : DemoPlan.extraServices(configured, env)) {
            boolean clash = configured.stream().anyMatch(s -> s.name().equals(extra.name()) || s.port() == extra.port());
            if (!clash) {
                all.add(extra);
            }
        }
        return all;
    }

    /**
     * What {@code demo reset} deletes (after {@code down}): the network's data (databases, the broker's log, the
     * genesis) and the marker, so the next {@code up} starts a new chain and seeds it again. The unpacked
     * PostgreSQL binaries, the unpacked jars and class-data archives, and the build stamps stay: they only
     * make starting faster.
     */
    static List<Path> resetPaths(Layout layout) {
        return List.of(layout.postgresData(), layout.kafkaHome(), layout.genesisFile(), layout.demoMarker(),
                layout.logs(), layout.pids());
    }

    static void wipe(Layout layout) {
        for (Path path : resetPaths(layout)) {
            if (!path.normalize().startsWith(layout.state().normalize())) {
                throw new IllegalStateException("refusing to delete " + path + " outside " + layout.state());
            }
            deleteRecursively(path);
        }
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    /** What to look at once the demo is seeded. */
    static String guide(DemoPlan plan, DemoState state, List<ServiceSpec> services) {
        int gateway = services.stream().filter(s -> s.module().equals("gateway-service")).mapToInt(ServiceSpec::port)
                .findFirst().orElse(8080);
        long workers = services.stream().filter(s -> s.module().equals("subnet-workers")).count();
        StringBuilder text = new StringBuilder();
        text.append("  owner      alice ").append(plan.owner().address()).append('\n');
        state.subnets().entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> text.append(String.format(
                "  subnet %d   %s (tempo %d blocks: an epoch every %d s)%n", e.getValue(), e.getKey(), DemoPlan.DEMO_TEMPO,
                DemoPlan.DEMO_TEMPO + 1)));
        text.append("  workers    ").append(workers).append(" register themselves in the next seconds")
                .append(" (subnet-workers-7 returns wrong results, subnet-workers-8 answers late)\n");
        text.append("  validators ").append(plan.seats().stream().map(DemoPlan.Seat::label).distinct().toList())
                .append(" staked by bob and charlie, nominated by dave and eve\n");
        int netuid = state.subnets().getOrDefault("gemm", 1);
        text.append("Watch it: ./taonet metagraph --netuid ").append(netuid).append("   (again every epoch; within five")
                .append(" minutes the honest workers lead the incentive)\n");
        text.append("  http://localhost:").append(gateway).append("/api/v1/subnets/").append(netuid).append("/metagraph")
                .append("   http://localhost:").append(gateway).append("/api/v1/audit\n");
        return text.toString();
    }
}
