package net.taonet.drills;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import net.taonet.local.DrillInfrastructure;
import net.taonet.local.Layout;
import net.taonet.local.Processes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The network as real operating-system processes, so that a crash is a real {@code kill -9}: PostgreSQL
 * and a KRaft Kafka broker started as {@code ./taonet up} starts them, and every service from its built
 * executable jar ({@code <module>/target/<module>-*-exec.jar}), each on a free local port, with a fresh
 * state folder under the temporary directory. Nothing uses the fixed ports of {@code ./taonet up}, so a
 * local network may run beside it.
 *
 * <p>Everything it started is stopped by {@link #close()}, and by a shutdown hook if the JVM ends first.
 */
final class ProcessNetwork implements AutoCloseable {

    /** Block time of the network: one block a second, as the local profile. */
    static final Duration BLOCK_TIME = Duration.ofSeconds(1);
    static final String ADMIN_KEY = "local-admin-key";
    /** Starting a service takes 20–40 s on an idle two-core machine, minutes when it is busy. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(360);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A service process: its name, the Maven module whose jar runs, its port and its own arguments. */
    record Service(String name, String module, int port, List<String> arguments) {
        String url() {
            return "http://localhost:" + port;
        }
    }

    private final Path root;
    private final Path state;
    private final DrillInfrastructure infrastructure;
    private final Instant genesis;
    private final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, ProcessHandle> running = new LinkedHashMap<>();
    private final Map<String, Path> jars = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    private final Thread cleanup = new Thread(this::stopEverything, "drill-network-cleanup");
    private boolean keepState;

    private ProcessNetwork(Path root, Path state) {
        this.root = root;
        this.state = state;
        Layout layout = new Layout(root, state, freePort(), freePort(), freePort(),
                root.resolve("tools/local/services.conf"), START_TIMEOUT);
        this.infrastructure = new DrillInfrastructure(layout);
        this.genesis = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /** Starts PostgreSQL and Kafka (in parallel); services are added with {@link #start}. */
    static ProcessNetwork startInfrastructure() {
        Path root = repositoryRoot();
        Path state;
        try {
            state = Files.createTempDirectory("taonet-drills-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ProcessNetwork network = new ProcessNetwork(root, state);
        try {
            CompletableFuture<ProcessHandle> kafka = CompletableFuture.supplyAsync(
                    () -> network.infrastructure.startKafka(Duration.ofSeconds(120)));
            network.infrastructure.startPostgres();
            kafka.join();
            return network;
        } catch (RuntimeException e) {
            network.keepState = true;
            network.close();
            throw e;
        }
    }

    DrillInfrastructure infrastructure() {
        return infrastructure;
    }

    /** The chain's genesis: block 0; every process gets it, so all agree on the current block. */
    Instant genesis() {
        return genesis;
    }

    Path state() {
        return state;
    }

    String url(String name) {
        return service(name).url();
    }

    Service service(String name) {
        Service s = services.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no service " + name + " in this network");
        }
        return s;
    }

    /** A service definition on a free port; {@code arguments} may use {@link #url} of services defined before. */
    Service define(String name, String module, List<String> arguments) {
        Service s = new Service(name, module, freePort(), arguments);
        services.put(name, s);
        return s;
    }

    /** Defines a service on a port chosen beforehand (so that others may be told its URL first). */
    Service define(String name, String module, int port, List<String> arguments) {
        Service s = new Service(name, module, port, arguments);
        services.put(name, s);
        return s;
    }

    /** Starts the named services at once and waits until each reports UP; returns the time it took. */
    Duration start(String... names) {
        long t0 = System.nanoTime();
        for (String name : names) {
            launch(service(name));
        }
        for (String name : names) {
            awaitUp(name, START_TIMEOUT);
        }
        return Duration.ofNanos(System.nanoTime() - t0);
    }

    /** {@code kill -9}: SIGKILL to the service's JVM, no shutdown hook, no graceful anything. */
    void kill9(String name) {
        ProcessHandle p = running.remove(name);
        if (p == null || !p.isAlive()) {
            throw new IllegalStateException(name + " is not running");
        }
        p.destroyForcibly();
        await("exit of " + name + " after SIGKILL").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(20)).until(() -> !p.isAlive());
    }

    /** Starts a killed service again with the same port, database and arguments; returns the time to UP. */
    Duration restart(String name) {
        return start(name);
    }

    boolean isRunning(String name) {
        ProcessHandle p = running.get(name);
        return p != null && p.isAlive();
    }

    private void launch(Service s) {
        Path jar = jars.computeIfAbsent(s.module(), this::snapshotJar);
        List<String> command = new ArrayList<>(List.of(Layout.javaExecutable(), "-Xmx256m", "-Xss512k",
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Djava.awt.headless=true"));
        command.addAll(Processes.markerOptions(infrastructure.layout(), s.name()));
        command.addAll(List.of("-jar", jar.toString(),
                "--server.port=" + s.port(),
                "--spring.profiles.active=local",
                "--spring.kafka.bootstrap-servers=" + infrastructure.bootstrapServers(),
                "--taonet.chain.genesis=" + genesis,
                "--taonet.chain.block-time=" + BLOCK_TIME.toSeconds() + "s"));
        database(s.module()).ifPresent(db ->
                command.add("--spring.datasource.url=" + infrastructure.jdbcUrl(db)));
        command.addAll(s.arguments());
        Process process = Processes.startDetached(command, state, log(s.name()), Map.of());
        running.put(s.name(), process.toHandle());
    }

    /**
     * A copy of the module's executable jar in the state folder, taken at its first start: a restart runs
     * the same build even if the module is rebuilt meanwhile. {@code -Ddrills.jar.<module>=<path>} runs
     * another jar than the module's own target one.
     */
    private Path snapshotJar(String module) {
        String configured = System.getProperty("drills.jar." + module);
        Path source = configured != null && !configured.isBlank() ? Path.of(configured) : executableJar(root, module);
        Path copy = state.resolve("jars").resolve(module + ".jar");
        try {
            Files.createDirectories(copy.getParent());
            Files.copy(source, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source, e);
        }
        return copy;
    }

    private static java.util.Optional<String> database(String module) {
        return switch (module) {
            case "registry-service" -> java.util.Optional.of("taonet_registry");
            case "emission-service" -> java.util.Optional.of("taonet_emission");
            case "consensus-service" -> java.util.Optional.of("taonet_consensus");
            case "scoring-service" -> java.util.Optional.of("taonet_scoring");
            case "gateway-service" -> java.util.Optional.of("taonet_gateway");
            default -> java.util.Optional.empty();
        };
    }

    Path log(String name) {
        return infrastructure.logs().resolve(name + ".log");
    }

    /** Waits until the service's actuator health says UP; fails at once (with its log) if the process exits. */
    void awaitUp(String name, Duration timeout) {
        Service s = service(name);
        ProcessHandle p = running.get(name);
        try {
            await(name + " UP").atMost(timeout).pollInterval(Duration.ofMillis(250)).until(() -> {
                if (p == null || !p.isAlive()) {
                    throw new IllegalStateException(name + " exited while starting:\n" + tail(log(name), 60));
                }
                return "UP".equals(health(s.url() + "/actuator/health"));
            });
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new IllegalStateException(name + " not UP within " + timeout.toSeconds() + " s:\n"
                    + tail(log(name), 60), e);
        }
    }

    /** The overall status of an actuator health endpoint ("UP", "DOWN"...), or "-" when it does not answer. */
    String health(String url) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.ofString());
            JsonNode status = JSON.readTree(r.body()).path("status");
            return status.isString() ? status.asString() : "HTTP " + r.statusCode();
        } catch (IOException | JacksonException e) {
            return "-";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "-";
        }
    }

    /** Keeps the state folder (logs, data) after {@link #close()}: for a failed drill. */
    void keepStateForInspection() {
        keepState = true;
    }

    @Override
    public void close() {
        stopEverything();
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
            // the hook runs now and does the same
        }
        if (keepState) {
            System.out.println("[drill] state and logs kept in " + state);
        } else {
            deleteTree(state);
        }
    }

    /** Services first (SIGKILL: their data is in PostgreSQL and Kafka), then Kafka, then PostgreSQL. */
    private synchronized void stopEverything() {
        List<ProcessHandle> all = new ArrayList<>(running.values());
        running.clear();
        all.forEach(ProcessHandle::destroyForcibly);
        Processes.awaitExit(all, Duration.ofSeconds(20));
        infrastructure.stopKafka(Duration.ofSeconds(20));
        infrastructure.stopPostgres();
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /** The checkout: {@code -Ddrills.root} (the build sets it), else the first parent holding tools/local. */
    static Path repositoryRoot() {
        String configured = System.getProperty("drills.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("tools/local/services.conf"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the checkout (tools/local/services.conf) above "
                + Path.of("").toAbsolutePath() + "; set -Ddrills.root");
    }

    /** The newest {@code <module>/target/<module>-*-exec.jar}; fails with the command that builds it. */
    static Path executableJar(Path root, String module) {
        Path target = root.resolve(module).resolve("target");
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(target)) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(target, module + "-*-exec.jar")) {
                found.forEach(jars::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return jars.stream().max(Comparator.comparingLong(ProcessNetwork::lastModified))
                .orElseThrow(() -> new IllegalStateException("no executable jar " + target + "/" + module
                        + "-*-exec.jar: build it first (./mvnw -pl " + module + " -am package -DskipTests)"));
    }

    private static long lastModified(Path p) {
        try {
            return Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return 0;
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String tail(Path log, int lines) {
        if (!Files.isReadable(log)) {
            return "(no log at " + log + ")";
        }
        Deque<String> last = new ArrayDeque<>();
        try (Stream<String> all = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            all.forEach(line -> {
                if (last.size() == lines) {
                    last.removeFirst();
                }
                last.addLast(line);
            });
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + log + ")";
        }
        return String.join("\n", last);
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temporary folder: the system cleans up what is left
                }
            });
        } catch (IOException | UncheckedIOException ignored) {
            // same
        }
    }
}
