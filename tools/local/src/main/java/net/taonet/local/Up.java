package net.taonet.local;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import net.taonet.local.demo.DemoPlan;
import net.taonet.local.demo.DemoSeed;
import net.taonet.local.demo.DemoState;

/**
 * {@code ./taonet up}: PostgreSQL and Kafka first, then every service of {@code services.conf}, then
 * waits until every one reports UP. What already runs is left alone, so a second {@code up} starts
 * nothing twice. If this {@code up} fails or is interrupted (Ctrl-C), it stops exactly what it started
 * itself, so it never leaves half a network of orphans behind.
 */
final class Up {

    /** Block time of the local profile (DESIGN §3): one block a second makes epochs come by quickly. */
    static final String LOCAL_BLOCK_TIME = "1s";
    /** SIGTERM to SIGKILL: time for Spring's graceful shutdown. */
    static final int SERVICE_GRACE_SECONDS = 30;

    private final Layout layout;
    private final List<ServiceSpec> services;
    private final PrintStream out;
    private final LocalPostgres postgres;
    private final LocalKafka kafka;
    private final AppImages images;
    private final Map<String, String> env;

    /** Guards starting a process against an interruption: the abort waits for a start in progress. */
    private final Object guard = new Object();
    private boolean aborting;
    private boolean finished;
    private final List<Stopper> startedHere = new ArrayList<>();
    private final Map<Path, List<String>> archivesToRecord = new LinkedHashMap<>();

    Up(Layout layout, List<ServiceSpec> services, PrintStream out) {
        this(layout, services, out, Map.of(DemoSeeding.SWITCH_ENV, "off"));
    }

    /** {@code env}: the environment, which decides whether the demo network is seeded (see {@link DemoSeeding}). */
    Up(Layout layout, List<ServiceSpec> services, PrintStream out, Map<String, String> env) {
        this.env = Map.copyOf(env);
        this.layout = layout;
        this.services = services;
        this.out = out;
        this.postgres = new LocalPostgres(layout);
        this.kafka = new LocalKafka(layout);
        this.images = new AppImages(layout);
    }

    private record Stopper(String name, Runnable stop) {
    }

    /** Thrown when Ctrl-C arrived while starting: the shutdown hook does the cleaning up. */
    static final class Aborted extends RuntimeException {
        Aborted() {
            super("interrupted");
        }
    }

    int run() {
        long t0 = System.nanoTime();
        Thread hook = new Thread(this::abort, "taonet-up-abort");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            String genesis = genesis();
            startInfrastructure(t0);
            Map<ServiceSpec, ProcessHandle> processes = startServices(genesis);
            awaitHealthy(processes, t0);
            synchronized (guard) {
                finished = true;
            }
            printSummary(t0);
            int seeded = seedDemo(t0);
            if (!archivesToRecord.isEmpty()) {
                images.recordInBackground(archivesToRecord);
                out.println("(Recording class-data archives in the background, once per build: later starts are faster.)");
            }
            return seeded;
        } catch (Aborted e) {
            return 130;
        } catch (RuntimeException e) {
            System.err.println();
            System.err.println("taonet up failed: " + e.getMessage());
            rollback();
            return 1;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running (Ctrl-C): it cleans up
            }
        }
    }

    /** The network's genesis: fixed at the first {@code up} and kept, so every service and restart agrees. */
    String genesis() {
        try {
            if (Files.exists(layout.genesisFile())) {
                String text = Files.readString(layout.genesisFile()).strip();
                Instant.parse(text);
                return text;
            }
            String genesis = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            Files.createDirectories(layout.state());
            Files.writeString(layout.genesisFile(), genesis + "\n");
            return genesis;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalStateException(layout.genesisFile() + " does not hold an ISO instant: " + e.getMessage());
        }
    }

    private void startInfrastructure(long t0) {
        // Kafka's JVM takes longest: launch it first and prepare PostgreSQL while it boots.
        Optional<ProcessHandle> broker = kafka.running();
        ProcessHandle kafkaProcess;
        if (broker.isPresent()) {
            kafkaProcess = broker.get();
            line(kafka.name(), "running", kafkaProcess.pid(), kafka.port(), "");
        } else {
            requireFree(kafka.name(), layout.kafkaPort());
            requireFree(kafka.name() + " controller", layout.kafkaControllerPort());
            kafkaProcess = guarded(() -> {
                ProcessHandle p = kafka.start().toHandle();
                startedHere.add(new Stopper(kafka.name(), () -> {
                    Processes.stop(p, Duration.ofSeconds(30));
                    Processes.deleteQuietly(layout.pidFile(kafka.name()));
                }));
                return p;
            });
            line(kafka.name(), "starting", kafkaProcess.pid(), kafka.port(), "");
        }

        Optional<ProcessHandle> server = postgres.running();
        if (server.isPresent()) {
            line(postgres.name(), "running", server.get().pid(), postgres.port(), "");
        } else {
            requireFree(postgres.name(), layout.postgresPort());
            ProcessHandle p = guarded(() -> {
                ProcessHandle started = postgres.start();
                startedHere.add(new Stopper(postgres.name(), () -> postgres.stop(started)));
                return started;
            });
            line(postgres.name(), "started", p.pid(), postgres.port(), "");
        }
        List<String> created = postgres.createDatabases();
        if (!created.isEmpty()) {
            line(postgres.name(), "databases", -1, postgres.port(), "created " + String.join(", ", created));
        }

        kafka.awaitReady(kafkaProcess, Duration.ofSeconds(90));
        int topics = kafka.createTopics();
        line(kafka.name(), "ready", kafkaProcess.pid(), kafka.port(), (topics > 0 ? "created " + topics + " topics, " : "")
                + String.format("infrastructure ready after %.1f s", (System.nanoTime() - t0) / 1e9));
    }

    private Map<ServiceSpec, ProcessHandle> startServices(String genesis) {
        Map<ServiceSpec, ProcessHandle> processes = new LinkedHashMap<>();
        List<Path[]> toUnpack = new ArrayList<>();
        for (ServiceSpec spec : services) {
            if (Processes.live(layout.pidFile(spec.name()), Processes.markers(layout, spec.name())).isEmpty()) {
                spec.jar(layout.root()).ifPresent(jar -> toUnpack.add(new Path[] {Path.of(spec.module()), jar}));
            }
        }
        images.prepare(toUnpack);
        for (ServiceSpec spec : services) {
            Optional<ProcessHandle> existing = Processes.live(layout.pidFile(spec.name()),
                    Processes.markers(layout, spec.name()));
            if (existing.isPresent()) {
                processes.put(spec, existing.get());
                line(spec.name(), "running", existing.get().pid(), spec.port(), "");
                continue;
            }
            Processes.deleteQuietly(layout.pidFile(spec.name()));
            requireFree(spec.name(), spec.port());
            var jar = spec.jar(layout.root()).orElseThrow(() -> new IllegalStateException(
                    "no runnable jar for " + spec.module() + " (" + spec.module()
                            + "/target/*-exec.jar); build it with ./mvnw -DskipTests install"));
            List<String> command = new ArrayList<>(List.of(Layout.javaExecutable(), "-Xmx256m",
                    "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss512k"));
            command.addAll(Processes.markerOptions(layout, spec.name()));
            AppImages.Launch launch = images.launch(spec.name(), spec.module(), jar);
            command.addAll(launch.arguments());
            command.addAll(List.of("--server.port=" + spec.port(),
                    "--spring.profiles.active=local",
                    "--spring.kafka.bootstrap-servers=" + kafka.bootstrapServers(),
                    "--taonet.chain.genesis=" + genesis,
                    "--taonet.chain.block-time=" + LOCAL_BLOCK_TIME));
            command.addAll(spec.arguments());
            ProcessHandle p = guarded(() -> {
                ProcessHandle started = Processes.startDetached(command, layout.root(), layout.log(spec.name()),
                        Map.of()).toHandle();
                Processes.writePid(layout.pidFile(spec.name()), started.pid());
                startedHere.add(new Stopper(spec.name(), () -> {
                    Processes.stop(started, Duration.ofSeconds(SERVICE_GRACE_SECONDS));
                    Processes.deleteQuietly(layout.pidFile(spec.name()));
                }));
                return started;
            });
            processes.put(spec, p);
            if (launch.archiveToRecord() != null) {
                archivesToRecord.put(launch.archiveToRecord(), command);
            }
            line(spec.name(), "starting", p.pid(), spec.port(), "");
        }
        return processes;
    }

    private void awaitHealthy(Map<ServiceSpec, ProcessHandle> processes, long t0) {
        out.println("waiting for every service to report UP (up to " + layout.healthTimeout().toSeconds() + " s)...");
        long deadline = System.nanoTime() + layout.healthTimeout().toNanos();
        Map<ServiceSpec, ProcessHandle> pending = new LinkedHashMap<>(processes);
        while (!pending.isEmpty()) {
            checkNotAborted();
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var entry = it.next();
                ServiceSpec spec = entry.getKey();
                if (!entry.getValue().isAlive()) {
                    throw new IllegalStateException(spec.name() + " exited while starting. Last lines of "
                            + layout.log(spec.name()) + ":\n" + Health.tail(layout.log(spec.name()), 40));
                }
                if (Health.isUp(spec.healthUrl())) {
                    it.remove();
                    out.printf("  %-20s UP after %.1f s%n", spec.name(), (System.nanoTime() - t0) / 1e9);
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                StringBuilder message = new StringBuilder("not healthy after " + layout.healthTimeout().toSeconds()
                        + " s: " + String.join(", ", pending.keySet().stream().map(ServiceSpec::name).toList()));
                for (ServiceSpec spec : pending.keySet()) {
                    message.append("\n\n--- last lines of ").append(layout.log(spec.name())).append(" ---\n")
                            .append(Health.tail(layout.log(spec.name()), 30));
                }
                throw new IllegalStateException(message.toString());
            }
            Processes.pause(250);
        }
    }

    private void printSummary(long t0) {
        out.printf("%nTaoNet is up (%.1f s).%n", (System.nanoTime() - t0) / 1e9);
        services.stream().filter(s -> s.module().equals("gateway-service")).findFirst().ifPresent(gateway -> {
            out.println("  gateway            http://localhost:" + gateway.port() + "   (every API; /services/<name>/** reaches each service)");
            out.println("  dashboard          http://localhost:" + gateway.port() + "/");
        });
        for (ServiceSpec spec : services) {
            out.printf("  %-18s http://localhost:%d   (log: %s)%n", spec.name(), spec.port(),
                    layout.root().relativize(layout.log(spec.name())));
        }
        out.printf("  %-18s localhost:%d   (databases %s, user postgres)%n", "postgres", layout.postgresPort(),
                String.join(", ", LocalPostgres.DATABASES));
        out.printf("  %-18s localhost:%d%n", "kafka", layout.kafkaPort());
        out.println("Stop everything with ./taonet down; see ./taonet status and ./taonet logs <name>.");
    }

    /**
     * Seeds the demo network on the first {@code up} of a fresh {@code .taonet/} (see {@link DemoSeeding}). A
     * failed seed leaves the services running: the next {@code up} resumes it.
     */
    private int seedDemo(long t0) {
        Optional<ServiceSpec> gateway = services.stream().filter(s -> s.module().equals("gateway-service")).findFirst();
        if (!DemoSeeding.enabled(env) || gateway.isEmpty()) {
            return 0;
        }
        if (DemoSeed.seeded(layout.demoMarker())) {
            out.println("Demo network: seeded at the first start (" + layout.root().relativize(layout.demoMarker())
                    + "); ./taonet demo reset starts it over.");
            return 0;
        }
        out.println();
        out.println("Seeding the demo network (first start; TAONET_DEMO=off skips it)...");
        long s0 = System.nanoTime();
        DemoPlan plan = DemoPlan.of(services, env);
        try {
            DemoState state = new DemoSeed(java.net.URI.create("http://localhost:" + gateway.get().port()), plan, out)
                    .run(layout.demoMarker(), DemoSeeding.TIMEOUT);
            out.printf("Demo network seeded in %.1f s (%.1f s after the start).%n", (System.nanoTime() - s0) / 1e9,
                    (System.nanoTime() - t0) / 1e9);
            out.print(DemoSeeding.guide(plan, state, services));
            return 0;
        } catch (RuntimeException e) {
            System.err.println("taonet up: " + e.getMessage());
            System.err.println("The services keep running; ./taonet up again resumes the demo seed.");
            return 1;
        }
    }

    private void requireFree(String name, int port) {
        if (Health.listening(port)) {
            throw new IllegalStateException("cannot start " + name + ": port " + port
                    + " is already in use by a program that ./taonet did not start");
        }
    }

    private <T> T guarded(Supplier<T> start) {
        synchronized (guard) {
            if (aborting) {
                throw new Aborted();
            }
            return start.get();
        }
    }

    private void checkNotAborted() {
        synchronized (guard) {
            if (aborting) {
                throw new Aborted();
            }
        }
    }

    /** Shutdown hook: Ctrl-C (or a kill) before {@code up} finished stops what this {@code up} started. */
    private void abort() {
        synchronized (guard) {
            if (finished) {
                return;
            }
            aborting = true;
        }
        System.err.println();
        System.err.println("taonet up interrupted: stopping what it started...");
        rollback();
    }

    private void rollback() {
        List<Stopper> toStop;
        synchronized (guard) {
            aborting = true;
            toStop = new ArrayList<>(startedHere);
            startedHere.clear();
        }
        // Services first (in parallel), then Kafka and PostgreSQL, the reverse of the start order.
        List<Thread> serviceStops = new ArrayList<>();
        List<Stopper> infrastructure = new ArrayList<>();
        for (Stopper s : toStop) {
            if (s.name().equals(kafka.name()) || s.name().equals(postgres.name())) {
                infrastructure.add(0, s);
            } else {
                Thread t = new Thread(s.stop(), "stop-" + s.name());
                t.start();
                serviceStops.add(t);
            }
        }
        for (Thread t : serviceStops) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Stopper s : infrastructure) {
            s.stop().run();
        }
        for (Stopper s : toStop) {
            System.err.println("  stopped " + s.name());
        }
    }

    private void line(String name, String state, long pid, int port, String detail) {
        out.printf("  %-20s %-10s %-12s port %-6d %s%n", name, state, pid > 0 ? "pid " + pid : "", port, detail);
    }
}
