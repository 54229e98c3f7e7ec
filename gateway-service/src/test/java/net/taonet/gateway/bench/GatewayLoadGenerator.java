package net.taonet.gateway.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import net.taonet.gateway.GatewayApplication;
import net.taonet.gateway.network.GatewayNetwork;
import net.taonet.registry.RegistryApplication;
import net.taonet.testsupport.JitWarmUp;
import net.taonet.testsupport.ServiceLauncher;
import net.taonet.testsupport.ServiceLauncher.RunningService;

/**
 * What the gateway costs: the same cheap GET straight to the service and through the gateway, at the same
 * concurrency, in one run. Two measurements per path:
 * <ul>
 *   <li>closed loop: {@code concurrency} connections each sending the next request as soon as the last one
 *       answered, for {@code seconds}: the throughput;</li>
 *   <li>open loop: requests started at a fixed rate ({@code rate}/s) whatever the answers do, latency counted
 *       from the moment each request was due (so a stall is not hidden by requests that were never sent):
 *       p50, p99 and the p99 the gateway adds.</li>
 * </ul>
 * Targets: gateway throughput ≥ 70 % of direct, ≤ 5 ms added p99 at 1,000 requests per second.
 *
 * <p>Without {@code taonet.bench.gateway}/{@code taonet.bench.direct} it starts the registry and a gateway in
 * front of it in this JVM (embedded PostgreSQL and Kafka, as the tests do). Settings (system properties,
 * {@code taonet.bench.*}): {@code gateway}, {@code direct} (base URLs, localhost only), {@code path}
 * ({@code /api/v1/prices/lock-cost}), {@code concurrency} (16), {@code seconds} (10), {@code warmup-seconds}
 * (30, and longer until the JIT has settled when the services run in this JVM), {@code rate} (1000), {@code out}
 * (a file for the figures as JSON).
 *
 * <pre>./mvnw -q -pl gateway-service test-compile exec:java -Dtaonet.bench.out=target/gateway-bench.json</pre>
 */
public final class GatewayLoadGenerator {

    /** One path's figures. */
    public record Figures(String target, double throughput, double closedP50Ms, double closedP99Ms, long closedErrors,
            double openRate, double openP50Ms, double openP99Ms, double openMaxMs, long openErrors) {
    }

    private record Run(long ok, long errors, double seconds, long[] latencyNanos) {
        double perSecond() {
            return ok / seconds;
        }

        double percentileMs(double p) {
            if (latencyNanos.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(latencyNanos.length - 1, Math.ceil(p / 100.0 * latencyNanos.length) - 1);
            return latencyNanos[Math.max(0, index)] / 1e6;
        }
    }

    /** The services' and the broker's start-up logs would bury the figures. */
    private static final Map<String, Object> QUIET = Map.of("logging.level.root", "WARN");

    private static final int MAX_EXTRA_WARMUP_ROUNDS = 24;

    /** A request more than this late (the path cannot keep up with the rate) ends the open loop. */
    private static final long GIVE_UP_NANOS = 5_000_000_000L;

    private final String path;
    private final int concurrency;
    private final int seconds;
    private final int warmupSeconds;
    private final int rate;
    /** Whether the services run in this JVM, so that its JIT compiler is theirs too. */
    private boolean inProcess;

    GatewayLoadGenerator(String path, int concurrency, int seconds, int warmupSeconds, int rate) {
        this.path = path;
        this.concurrency = concurrency;
        this.seconds = seconds;
        this.warmupSeconds = warmupSeconds;
        this.rate = rate;
    }

    public static void main(String[] args) throws Exception {
        String path = System.getProperty("taonet.bench.path", "/api/v1/prices/lock-cost");
        GatewayLoadGenerator bench = new GatewayLoadGenerator(path,
                Integer.getInteger("taonet.bench.concurrency", 16), Integer.getInteger("taonet.bench.seconds", 10),
                Integer.getInteger("taonet.bench.warmup-seconds", 30), Integer.getInteger("taonet.bench.rate", 1000));
        String gatewayUrl = System.getProperty("taonet.bench.gateway");
        String directUrl = System.getProperty("taonet.bench.direct");
        List<RunningService> started = new ArrayList<>();
        try {
            if (gatewayUrl == null || directUrl == null) {
                System.out.println("starting the registry and a gateway in front of it (embedded PostgreSQL and Kafka) ...");
                RunningService registry = ServiceLauncher.start(RegistryApplication.class, "registry_bench",
                        GatewayNetwork.servlet(QUIET));
                started.add(registry);
                directUrl = registry.baseUrl();
                Map<String, Object> wiring = new LinkedHashMap<>(QUIET);
                for (String service : List.of("registry", "emission", "consensus", "scoring")) {
                    wiring.put("taonet.gateway.services." + service, directUrl);
                }
                RunningService gateway = ServiceLauncher.start(GatewayApplication.class, "gateway_bench", wiring);
                started.add(gateway);
                gatewayUrl = gateway.baseUrl();
                bench.inProcess = true;
            }
            List<Figures> figures = bench.measure(URI.create(directUrl), URI.create(gatewayUrl));
            printResilienceMeters(gatewayUrl);
            String table = bench.table(figures);
            System.out.println(table);
            String out = System.getProperty("taonet.bench.out");
            if (out != null && !out.isBlank()) {
                Path file = Path.of(out);
                if (file.getParent() != null) {
                    Files.createDirectories(file.getParent());
                }
                Files.writeString(file, bench.json(figures));
                System.out.println("figures written to " + file.toAbsolutePath());
            }
        } finally {
            for (int i = started.size() - 1; i >= 0; i--) {
                started.get(i).close();
            }
        }
        System.exit(0); // the embedded Kafka and PostgreSQL keep non-daemon threads
    }

    List<Figures> measure(URI direct, URI gateway) throws InterruptedException {
        checkLocal(direct);
        checkLocal(gateway);
        warmUp(direct, gateway);
        System.out.printf(Locale.ROOT, "closed loop: %d connections, %d s per path%n", concurrency, seconds);
        Run directClosed = reportingErrors("direct", closedLoop(direct, seconds));
        Run gatewayClosed = reportingErrors("gateway", closedLoop(gateway, seconds));
        System.out.printf(Locale.ROOT, "open loop: %d requests/s, %d s per path%n", rate, seconds);
        Run directOpen = reportingErrors("direct", openLoop(direct, seconds));
        Run gatewayOpen = reportingErrors("gateway", openLoop(gateway, seconds));
        return List.of(figures("direct", directClosed, directOpen), figures("gateway", gatewayClosed, gatewayOpen));
    }

    /**
     * At least {@code warmup-seconds} on each path, then more rounds until the JIT compiler has settled: on two
     * cores, with the services, Kafka and the load generator in one JVM, its single C2 thread needs minutes to
     * compile the hot code, and until then the figures measure the compiler, not the gateway. (With the services in
     * other JVMs their compilers cannot be watched from here: the fixed warm-up alone applies.)
     */
    private void warmUp(URI direct, URI gateway) throws InterruptedException {
        System.out.printf(Locale.ROOT, "warming up: %d s closed loop on each path%n", warmupSeconds);
        reportingErrors("direct warm-up", closedLoop(direct, warmupSeconds));
        reportingErrors("gateway warm-up", closedLoop(gateway, warmupSeconds));
        if (!inProcess) {
            return;
        }
        JitWarmUp.untilSettled(MAX_EXTRA_WARMUP_ROUNDS, () -> {
            closedLoop(direct, 5);
            closedLoop(gateway, 5);
        });
    }

    private Run reportingErrors(String what, Run run) {
        if (!errorKinds.isEmpty()) {
            System.out.printf(Locale.ROOT, "  %s: errors %s%n", what, new TreeMap<>(errorKinds));
            errorKinds.clear();
        }
        return run;
    }

    private static Figures figures(String target, Run closed, Run open) {
        return new Figures(target, closed.perSecond(), closed.percentileMs(50), closed.percentileMs(99), closed.errors(),
                open.perSecond(), open.percentileMs(50), open.percentileMs(99),
                open.latencyNanos().length == 0 ? Double.NaN : open.latencyNanos()[open.latencyNanos().length - 1] / 1e6,
                open.errors());
    }

    /** {@code concurrency} connections, each sending its next request when the last one answered. */
    Run closedLoop(URI base, int durationSeconds) throws InterruptedException {
        long end = System.nanoTime() + durationSeconds * 1_000_000_000L;
        long[][] samples = new long[concurrency][];
        long[] errors = new long[concurrency];
        int[] counts = new int[concurrency];
        CountDownLatch done = new CountDownLatch(concurrency);
        long start = System.nanoTime();
        for (int w = 0; w < concurrency; w++) {
            int worker = w;
            daemon("bench-closed-" + w, () -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try (HttpConnection connection = new HttpConnection(base, path)) {
                    while (System.nanoTime() < end) {
                        long t0 = System.nanoTime();
                        boolean ok = send(connection);
                        long t1 = System.nanoTime();
                        if (!ok) {
                            errors[worker]++;
                            continue;
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = t1 - t0;
                    }
                } finally {
                    samples[worker] = mine;
                    counts[worker] = n;
                    done.countDown();
                }
            });
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return merge(samples, counts, errors, elapsed);
    }

    /**
     * Requests due at a fixed rate; enough connections that one slow answer does not delay the next request,
     * and each latency counted from when its request was due.
     */
    Run openLoop(URI base, int durationSeconds) throws InterruptedException {
        long total = (long) rate * durationSeconds;
        long interval = 1_000_000_000L / rate;
        int workers = Math.max(32, concurrency * 2);
        AtomicLong next = new AtomicLong();
        long[][] samples = new long[workers][];
        long[] errors = new long[workers];
        int[] counts = new int[workers];
        CountDownLatch done = new CountDownLatch(workers);
        long start = System.nanoTime() + 50_000_000L;
        for (int w = 0; w < workers; w++) {
            int worker = w;
            daemon("bench-open-" + w, () -> {
                long[] mine = new long[(int) (total / workers) + 1024];
                int n = 0;
                try (HttpConnection connection = new HttpConnection(base, path)) {
                    long i;
                    while ((i = next.getAndIncrement()) < total) {
                        long due = start + i * interval;
                        if (System.nanoTime() - due > GIVE_UP_NANOS) {
                            // this far behind the schedule the path cannot carry the rate: the rest count as missed
                            next.set(total);
                            break;
                        }
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        boolean ok = send(connection);
                        long latency = System.nanoTime() - due;
                        if (!ok) {
                            errors[worker]++;
                            continue;
                        }
                        if (n == mine.length) {
                            mine = Arrays.copyOf(mine, n * 2);
                        }
                        mine[n++] = latency;
                    }
                } finally {
                    samples[worker] = mine;
                    counts[worker] = n;
                    done.countDown();
                }
            });
        }
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        Run run = merge(samples, counts, errors, elapsed);
        long missed = total - run.ok() - run.errors();
        if (missed > 0) {
            errorKinds.computeIfAbsent("not sent: more than 5 s behind the schedule", k -> new LongAdder()).add(missed);
        }
        return missed <= 0 ? run : new Run(run.ok(), run.errors() + missed, elapsed, run.latencyNanos());
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** What went wrong, by kind ("503", "IOException: ..."), so a failed run says why. */
    private final Map<String, LongAdder> errorKinds = new ConcurrentHashMap<>();

    private boolean send(HttpConnection connection) {
        try {
            int status = connection.get();
            if (status == 200) {
                return true;
            }
            errorKinds.computeIfAbsent("HTTP " + status, k -> new LongAdder()).increment();
        } catch (IOException | RuntimeException e) {
            errorKinds.computeIfAbsent(e.getClass().getSimpleName(), k -> new LongAdder()).increment();
        }
        return false;
    }

    private static Run merge(long[][] samples, int[] counts, long[] errors, double elapsed) {
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int w = 0; w < samples.length; w++) {
            System.arraycopy(samples[w], 0, all, at, counts[w]);
            at += counts[w];
        }
        Arrays.sort(all);
        return new Run(total, Arrays.stream(errors).sum(), elapsed, all);
    }

    String table(List<Figures> figures) {
        Figures d = figures.get(0);
        Figures g = figures.get(1);
        double ratio = g.throughput() / d.throughput();
        double addedP99 = g.openP99Ms() - d.openP99Ms();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "%nGATEWAY BENCHMARK  GET %s  (%d connections closed loop, %d req/s open loop, "
                + "%d s each; load average before: %s)%n", path, concurrency, rate, seconds, loadAverage()));
        s.append(String.format(Locale.ROOT, "%-32s %12s %12s %12s%n", "", "direct", "gateway", "gateway vs direct"));
        s.append(String.format(Locale.ROOT, "%-32s %12.0f %12.0f %11.1f %%%n", "throughput (req/s, closed loop)",
                d.throughput(), g.throughput(), ratio * 100));
        s.append(String.format(Locale.ROOT, "%-32s %12.2f %12.2f %+12.2f%n", "closed loop p50 (ms)", d.closedP50Ms(),
                g.closedP50Ms(), g.closedP50Ms() - d.closedP50Ms()));
        s.append(String.format(Locale.ROOT, "%-32s %12.2f %12.2f %+12.2f%n", "closed loop p99 (ms)", d.closedP99Ms(),
                g.closedP99Ms(), g.closedP99Ms() - d.closedP99Ms()));
        s.append(String.format(Locale.ROOT, "%-32s %12.0f %12.0f%n", "open loop achieved (req/s)", d.openRate(), g.openRate()));
        s.append(String.format(Locale.ROOT, "%-32s %12.2f %12.2f %+12.2f%n", "open loop p50 (ms)", d.openP50Ms(),
                g.openP50Ms(), g.openP50Ms() - d.openP50Ms()));
        s.append(String.format(Locale.ROOT, "%-32s %12.2f %12.2f %+12.2f%n", "open loop p99 (ms)", d.openP99Ms(),
                g.openP99Ms(), addedP99));
        s.append(String.format(Locale.ROOT, "%-32s %12.2f %12.2f%n", "open loop max (ms)", d.openMaxMs(), g.openMaxMs()));
        s.append(String.format(Locale.ROOT, "%-32s %12d %12d%n", "errors (closed + open)", d.closedErrors() + d.openErrors(),
                g.closedErrors() + g.openErrors()));
        s.append(String.format(Locale.ROOT, "targets: throughput >= 70 %% of direct: %s (%.1f %%); added p99 at %d req/s <= 5 ms: %s (%+.2f ms)%n",
                ratio >= 0.70 ? "MET" : "MISSED", ratio * 100, rate, addedP99 <= 5.0 ? "MET" : "MISSED", addedP99));
        return s.toString();
    }

    String json(List<Figures> figures) {
        Figures d = figures.get(0);
        Figures g = figures.get(1);
        StringBuilder s = new StringBuilder("{\n");
        s.append(String.format(Locale.ROOT, "  \"benchmark\": \"gateway\",%n  \"path\": \"%s\",%n  \"concurrency\": %d,%n"
                + "  \"seconds\": %d,%n  \"openLoopRate\": %d,%n", path, concurrency, seconds, rate));
        for (Figures f : figures) {
            s.append(String.format(Locale.ROOT, "  \"%s\": {\"throughput\": %.1f, \"closedP50Ms\": %.3f, \"closedP99Ms\": %.3f, "
                    + "\"openRate\": %.1f, \"openP50Ms\": %.3f, \"openP99Ms\": %.3f, \"openMaxMs\": %.3f, \"errors\": %d},%n",
                    f.target(), f.throughput(), f.closedP50Ms(), f.closedP99Ms(), f.openRate(), f.openP50Ms(),
                    f.openP99Ms(), f.openMaxMs(), f.closedErrors() + f.openErrors()));
        }
        s.append(String.format(Locale.ROOT, "  \"throughputRatio\": %.4f,%n  \"addedP99Ms\": %.3f%n}%n",
                g.throughput() / d.throughput(), g.openP99Ms() - d.openP99Ms()));
        return s.toString();
    }

    /** The gateway's breaker and time limiter counts, so refused or timed-out calls in a run are explained. */
    private static void printResilienceMeters(String gatewayUrl) {
        try {
            String metrics = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(gatewayUrl + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            metrics.lines().filter(l -> l.startsWith("resilience4j_circuitbreaker_calls_seconds_count")
                    || l.startsWith("resilience4j_circuitbreaker_not_permitted_calls_total")
                    || l.startsWith("resilience4j_timelimiter_calls_total")).forEach(l -> System.out.println("  " + l));
        } catch (IOException | RuntimeException e) {
            System.out.println("  (the gateway's resilience meters could not be read: " + e + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ", 4)[0];
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private static void checkLocal(URI base) {
        String host = base.getHost();
        if (!("localhost".equals(host) || "127.0.0.1".equals(host) || "::1".equals(host))) {
            throw new IllegalArgumentException("the load generator only targets this machine (localhost), not " + host);
        }
    }
}
