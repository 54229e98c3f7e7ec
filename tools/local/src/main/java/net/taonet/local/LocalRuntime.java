package net.taonet.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The local runtime behind {@code ./taonet up | down | status}: a real Kafka broker and a real PostgreSQL
 * without Docker, and every service as a process of its own, all tracked by PID under {@code .taonet/}.
 */
public final class LocalRuntime {

    private final Layout layout;
    private final PrintStream out;
    private final Map<String, String> env;

    public LocalRuntime(Layout layout, PrintStream out) {
        this(layout, out, System.getenv());
    }

    LocalRuntime(Layout layout, PrintStream out, Map<String, String> env) {
        this.layout = layout;
        this.out = out;
        this.env = Map.copyOf(env);
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        LocalRuntime runtime = new LocalRuntime(Layout.fromSystemProperties(), System.out);
        int status;
        try {
            status = switch (command) {
                case "up" -> runtime.up();
                case "down" -> runtime.down();
                case "status" -> runtime.status();
                case "demo" -> args.length == 2 && args[1].equals("reset") ? runtime.demoReset() : usage();
                default -> usage();
            };
        } catch (RuntimeException e) {
            System.err.println("taonet " + command + ": " + e.getMessage());
            status = 1;
        }
        System.exit(status);
    }

    private static int usage() {
        System.err.println("usage: LocalRuntime up|down|status|demo reset");
        return 2;
    }

    /** The processes of {@code services.conf}, and the demo network's own when it adds some (a model server). */
    List<ServiceSpec> services() {
        return DemoSeeding.withDemoServices(ServiceSpec.load(layout.servicesFile()), env);
    }

    public int up() {
        try (FileLock ignored = exclusive()) {
            return new Up(layout, services(), out, env).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code ./taonet demo reset}: stops everything, deletes the network's data (a new chain, see
     * {@link DemoSeeding#resetPaths}) and starts it again, which seeds the demo network anew.
     */
    public int demoReset() {
        int down = down();
        if (down != 0) {
            return down;
        }
        try (FileLock ignored = exclusive()) {
            DemoSeeding.wipe(layout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.println("deleted the network's data (databases, Kafka's log, genesis, logs); starting it over...");
        return up();
    }

    /**
     * Stops everything: the services (SIGTERM, SIGKILL after 30 s), then Kafka (30 s), then PostgreSQL
     * (fast shutdown). Besides the PID files it sweeps any process that carries this checkout's marker, so
     * a lost PID file cannot leave a process behind.
     */
    public int down() {
        try (FileLock ignored = exclusive()) {
            boolean anything = false;
            Map<String, ProcessHandle> services = new LinkedHashMap<>();
            for (String name : serviceNamesWithPidFiles()) {
                Optional<ProcessHandle> p = Processes.live(layout.pidFile(name), Processes.markers(layout, name));
                p.ifPresent(handle -> services.put(name, handle));
            }
            // Strays: marked processes of this checkout without a (valid) PID file, except the broker. The
            // class-data recorder and its training runs are only a cache: they are killed outright.
            String stateMarker = "-Dtaonet.local.state=" + layout.state() + " ";
            List<ProcessHandle> recorders = new ArrayList<>();
            for (ProcessHandle p : Processes.withCommandLineContaining(stateMarker)) {
                String name = markedName(Processes.commandLine(p));
                if (name.equals(LocalKafka.NAME) || services.values().stream().anyMatch(h -> h.pid() == p.pid())) {
                    continue;
                }
                if (name.equals(AppImages.RECORDER) || name.endsWith(AppImages.TRAINING_SUFFIX)) {
                    recorders.add(p);
                } else {
                    services.put(name + " (pid " + p.pid() + ")", p);
                }
            }
            if (!recorders.isEmpty()) {
                anything = true;
                recorders.forEach(p -> {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                });
                Processes.awaitExit(recorders, Duration.ofSeconds(10));
                out.println("stopped the class-data recorder");
            }
            if (!services.isEmpty()) {
                anything = true;
                out.println("stopping " + String.join(", ", services.keySet()) + "...");
                boolean graceful = Processes.stopAll(services.values(), Duration.ofSeconds(Up.SERVICE_GRACE_SECONDS));
                out.println(graceful ? "  services stopped" : "  services stopped (some had to be killed)");
            }
            serviceNamesWithPidFiles().stream()
                    .filter(n -> !n.equals(LocalKafka.NAME))
                    .forEach(n -> Processes.deleteQuietly(layout.pidFile(n)));

            LocalKafka kafka = new LocalKafka(layout);
            List<ProcessHandle> brokers = new ArrayList<>();
            kafka.running().ifPresent(brokers::add);
            for (ProcessHandle p : Processes.withCommandLineContaining(stateMarker)) {
                if (brokers.stream().noneMatch(b -> b.pid() == p.pid())) {
                    brokers.add(p);
                }
            }
            if (!brokers.isEmpty()) {
                anything = true;
                out.println("stopping kafka (pid " + brokers.get(0).pid() + ")...");
                boolean graceful = Processes.stopAll(brokers, Duration.ofSeconds(30));
                out.println(graceful ? "  kafka stopped" : "  kafka stopped (killed after 30 s)");
            }
            Processes.deleteQuietly(layout.pidFile(LocalKafka.NAME));

            LocalPostgres postgres = new LocalPostgres(layout);
            Optional<ProcessHandle> postmaster = postgres.running();
            if (postmaster.isPresent()) {
                anything = true;
                out.println("stopping postgres (pid " + postmaster.get().pid() + ")...");
                boolean graceful = postgres.stop(postmaster.get());
                out.println(graceful ? "  postgres stopped" : "  postgres stopped (killed)");
            }
            if (!anything) {
                out.println("nothing was running");
            }
            // Unpacked jars of older builds: nothing runs from them any more.
            List<Path> current = new ArrayList<>();
            AppImages images = new AppImages(layout);
            for (ServiceSpec spec : services()) {
                spec.jar(layout.root()).ifPresent(jar -> current.add(images.folder(spec.module(), jar)));
            }
            images.pruneExcept(current);
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The name in the last {@code -Dtaonet.local.process=} marker of a command line. */
    static String markedName(String commandLine) {
        String marker = "-Dtaonet.local.process=";
        int at = commandLine.lastIndexOf(marker);
        if (at < 0) {
            return "process";
        }
        int end = commandLine.indexOf(' ', at);
        return commandLine.substring(at + marker.length(), end < 0 ? commandLine.length() : end);
    }

    /** A table of every component: PID, port, health and resident memory; exit status 0 when all are UP. */
    public int status() {
        LocalPostgres postgres = new LocalPostgres(layout);
        LocalKafka kafka = new LocalKafka(layout);
        out.printf("%-20s %-8s %-6s %-9s %-8s %s%n", "COMPONENT", "PID", "PORT", "STATE", "HEALTH", "RSS");
        boolean allUp = true;
        long totalKib = 0;
        long totalPssKib = 0;

        Optional<ProcessHandle> pg = postgres.running();
        totalPssKib += pg.map(Processes::proportionalKib).orElse(0L);
        totalKib += row(postgres.name(), pg, postgres.port(), pg.isPresent() && postgres.accepts() ? "UP" : "-",
                Processes.readPid(postgres.postmasterPid()).isPresent());
        allUp &= pg.isPresent();

        Optional<ProcessHandle> broker = kafka.running();
        totalPssKib += broker.map(Processes::proportionalKib).orElse(0L);
        totalKib += row(kafka.name(), broker, kafka.port(),
                broker.isPresent() && Health.listening(kafka.port()) ? "UP" : "-",
                Files.exists(layout.pidFile(kafka.name())));
        allUp &= broker.isPresent();

        for (ServiceSpec spec : services()) {
            Optional<ProcessHandle> p = Processes.live(layout.pidFile(spec.name()),
                    Processes.markers(layout, spec.name()));
            String health = p.isPresent() ? Health.actuatorStatus(spec.healthUrl()) : "-";
            totalPssKib += p.map(Processes::proportionalKib).orElse(0L);
            totalKib += row(spec.name(), p, spec.port(), health, Files.exists(layout.pidFile(spec.name())));
            allUp &= "UP".equals(health);
        }
        out.printf("%-20s %-8s %-6s %-9s %-8s %s%n", "total", "", "", "", "", mib(totalKib));
        if (totalPssKib > 0) {
            out.printf("(RSS counts each process and its children; shared pages counted once, the total is %s.)%n",
                    mib(totalPssKib));
        }
        return allUp ? 0 : 3;
    }

    private long row(String name, Optional<ProcessHandle> process, int port, String health, boolean pidFile) {
        long kib = process.map(Processes::residentKib).orElse(0L);
        String state = process.isPresent() ? "running" : pidFile ? "stale-pid" : "stopped";
        out.printf("%-20s %-8s %-6d %-9s %-8s %s%n", name, process.map(p -> Long.toString(p.pid())).orElse("-"),
                port, state, health, process.isPresent() ? mib(kib) : "-");
        return kib;
    }

    private static String mib(long kib) {
        return kib >= 1024 * 1024 ? String.format("%.2f GiB", kib / 1024.0 / 1024.0) : (kib / 1024) + " MiB";
    }

    /** Names of the configured services and of every PID file (a service removed from the list still stops). */
    private List<String> serviceNamesWithPidFiles() {
        Set<String> names = new LinkedHashSet<>();
        services().forEach(s -> names.add(s.name()));
        if (Files.isDirectory(layout.pids())) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(layout.pids(), "*.pid")) {
                for (Path f : files) {
                    String n = f.getFileName().toString();
                    names.add(n.substring(0, n.length() - ".pid".length()));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        names.remove(LocalKafka.NAME);
        return new ArrayList<>(names);
    }

    /** One {@code up} or {@code down} at a time per checkout. */
    private FileLock exclusive() throws IOException {
        Files.createDirectories(layout.state());
        FileChannel channel = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock();
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("another ./taonet up or down is running in " + layout.root());
        }
        return lock;
    }
}
