package net.taonet.local.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * Turns the JSON figures of one {@code ./taonet bench} run into {@code docs/performance.md}: one table row per
 * figure with its target, then what 1,024 subnets × 4,096 UIDs would need, computed from the same figures (so
 * the paper part moves with the measurements).
 */
public final class PerformanceReport {

    /** How one benchmark of the plan ended. */
    public record Outcome(BenchPlan.Step step, String status, double seconds, double loadAverage) {
        public Outcome(BenchPlan.Step step, String status, double seconds) {
            this(step, status, seconds, -1);
        }
    }

    record Row(String benchmark, String target, String measured) {
    }

    /** The targets of the issues; epoch anchors are the figures libs/yuma-core/README.md states. */
    static final double BLOCK_SECONDS = 12;
    static final int TEMPO = 360;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path results;
    private int cores = Runtime.getRuntime().availableProcessors();
    private final Map<String, JsonNode> figures = new TreeMap<>();
    private final Map<String, String> status = new TreeMap<>();
    /** What the person who ran it saw: {@code <results>/note.md}, written beside the figures before --report-only. */
    private String note = "";

    PerformanceReport(Path results, List<Outcome> outcomes) {
        this.results = results.toAbsolutePath();
        Path noteFile = results.resolve("note.md");
        if (Files.exists(noteFile)) {
            try {
                note = Files.readString(noteFile).strip();
            } catch (IOException e) {
                note = "(note.md could not be read: " + e.getMessage() + ")";
            }
        }
        for (Outcome o : outcomes) {
            status.put(o.step().id(), o.status());
            Path file = BenchPlan.out(results, o.step().id());
            if (Files.exists(file)) {
                try {
                    figures.put(o.step().id(), JSON.readTree(Files.readString(file)));
                } catch (IOException | RuntimeException e) {
                    status.put(o.step().id(), "unreadable figures: " + e.getMessage());
                }
            }
        }
    }

    public static void write(Path report, Path results, Bench.Machine machine, List<Outcome> outcomes, boolean quick,
            double minutes) throws IOException {
        Files.createDirectories(report.getParent());
        Files.writeString(report, new PerformanceReport(results, outcomes).markdown(machine, outcomes, quick, minutes,
                Instant.now()));
    }

    JsonNode get(String id) {
        return figures.getOrDefault(id, MissingNode.getInstance());
    }

    String markdown(Bench.Machine machine, List<Outcome> outcomes, boolean quick, double minutes, Instant when) {
        cores = machine.cores();
        StringBuilder md = new StringBuilder();
        md.append("# Performance\n\n");
        md.append(String.format(Locale.ROOT, "Written by `./taonet bench%s` on %s UTC%s. "
                + "Machine: %d cores, %.1f GiB memory, %s, %s; load average %.1f when the run started (other work "
                + "on the machine lowers every figure: the load averages say how busy it was). Each benchmark writes its "
                + "figures as JSON (`.taonet/bench/<time>/<id>.json`, not committed); this file is generated from "
                + "them, so do not edit it by hand: run `./taonet bench` again.\n\n",
                quick ? " --quick" : "", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC).format(when),
                minutes >= 0 ? fmt(", %.1f minutes for the whole run", minutes)
                        : fmt(" from the figures in `.taonet/bench/%s/`", results.getFileName()), machine.cores(), machine.memoryBytes() / (double) (1L << 30), machine.jdk(), machine.os(),
                machine.loadAverage()).replace("when the run started", minutes >= 0 ? "when the run started" : "when this file was written"));
        if (!note.isEmpty()) {
            md.append(note).append("\n\n");
        }
        md.append("| benchmark | target | measured |\n|---|---|---|\n");
        for (Outcome o : outcomes) {
            List<Row> rows = rows(o.step().id());
            if (rows.isEmpty() || !figures.containsKey(o.step().id())) {
                md.append("| ").append(o.step().title()).append(" | | **not measured**: ").append(o.status()).append(" |\n");
                continue;
            }
            for (Row r : rows) {
                md.append("| ").append(r.benchmark()).append(" | ").append(r.target()).append(" | ").append(r.measured())
                        .append(" |\n");
            }
        }
        List<String> times = new ArrayList<>();
        for (Outcome o : outcomes.stream().filter(o -> o.seconds() > 0).toList()) {
            times.add(o.loadAverage() < 0 ? fmt("%s %.0f s", o.step().id(), o.seconds())
                    : fmt("%s %.0f s (load %.0f at its end)", o.step().id(), o.seconds(), o.loadAverage()));
        }
        md.append(times.isEmpty() ? "\n" : "\nRun times: " + String.join(", ", times) + ".\n\n");
        md.append(paper());
        md.append("\n## How to run\n\n"
                + "`./taonet bench` runs the full plan (about 15 minutes on 2 quiet cores: the dispatch and gateway "
                + "benchmarks warm up until the JIT compiler has settled) and rewrites this file; "
                + "`./taonet bench --quick` the same benchmarks with shorter measurements and smaller sizes; "
                + "`--only epoch,dispatch` a subset; `--report-only .taonet/bench/<time>` rewrites this file from "
                + "earlier figures (a `note.md` in that folder becomes the paragraph above the table). Each benchmark also runs on its own:\n\n");
        for (Outcome o : outcomes) {
            md.append("* ").append(o.step().id()).append(": `").append(String.join(" ", o.step().command().stream()
                    .map(a -> a.matches("[A-Za-z0-9_./:=,@%+-]+") ? a : "'" + a + "'").toList())
                    .replace(results.toString(), ".taonet/bench/<time>")).append("`\n");
        }
        return md.toString();
    }

    List<Row> rows(String id) {
        JsonNode f = get(id);
        if (f.isMissingNode()) {
            return List.of();
        }
        return switch (id) {
            case "epoch" -> epochRows(f, "JMH p50 wall clock");
            case "epochcpu" -> epochRows(f, "median thread CPU time");
            case "settlement" -> List.of(
                    new Row("ledger: settle 128 subnets × 256 UIDs (64 validators × 4 nominators), steady state", "≤ 2 s",
                            fmt("%.2f s (%,d journal lines; audit ok: %s)", f.path("steadySeconds").asDouble(),
                                    f.path("steadyJournalLines").asLong(), f.path("steadyAuditOk").asBoolean())),
                    new Row("ledger: the same, first payout (creates the miners' positions)", "—",
                            fmt("%.2f s; outbox of %,d events relayed to Kafka in %.2f s", f.path("firstPayoutSeconds").asDouble(),
                                    f.path("steadyOutboxEvents").asLong(), f.path("steadyRelaySeconds").asDouble())));
            case "registrations" -> List.of(new Row(fmt("registrations by burn through REST (%d clients, %d subnets, real ledger)",
                    f.path("clients").asInt(), f.path("subnets").asInt()), "—",
                    fmt("%,.0f/s (%,d in %.1f s); p50 %.1f ms, p99 %.1f ms", f.path("perSecond").asDouble(),
                            f.path("registrations").asLong(), f.path("seconds").asDouble(), f.path("p50Ms").asDouble(),
                            f.path("p99Ms").asDouble())));
            case "dispatch" -> List.of(
                    new Row(fmt("validator dispatch, `echo`, %d workers, %d in flight: tasks scored/s",
                            f.path("workers").asInt(), f.path("inFlight").asInt()), "≥ 2,000 tasks/s",
                            fmt("%,.0f/s (assigned %,.0f/s, answered %,.0f/s; timed out %d, rejected %d) — %s",
                                    f.path("scoredPerSecond").asDouble(), f.path("assignedPerSecond").asDouble(),
                                    f.path("answeredPerSecond").asDouble(), f.path("timedOut").asLong(),
                                    f.path("rejected").asLong(), met(f.path("scoredPerSecond").asDouble() >= 2000))),
                    new Row("dispatch overhead (validator latency less the miner's work)", "—",
                            fmt("p50 %d ms, p99 %d ms", f.path("overheadP50Ms").asLong(), f.path("overheadP99Ms").asLong())),
                    new Row("raw Kafka round trip, same broker and load (produce → consume → produce → consume)", "the ceiling",
                            fmt("%,.0f/s; p50 %.1f ms, p99 %.1f ms", f.path("rawRoundTripsPerSecond").asDouble(),
                                    f.path("rawP50Ms").asDouble(), f.path("rawP99Ms").asDouble())),
                    new Row("dispatch / raw round trip", "≥ 50 %", fmt("%.0f %% — %s", f.path("percentOfRaw").asDouble(),
                            met(f.path("percentOfRaw").asDouble() >= 50))),
                    new Row("the same by CPU time (what a busy shared machine does not distort): CPU per scored task, "
                            + "validator + 16 workers + broker + PostgreSQL, and the rate that gives on idle cores", "—",
                            fmt("%.3f ms per task → %,.0f tasks/s on %d idle cores; raw round trip %.3f ms → %,.0f/s; "
                                    + "dispatch / raw %.0f %%", f.path("cpuMsPerTask").asDouble(),
                                    cores * 1000 / f.path("cpuMsPerTask").asDouble(), cores,
                                    f.path("rawCpuMsPerRoundTrip").asDouble(),
                                    cores * 1000 / f.path("rawCpuMsPerRoundTrip").asDouble(),
                                    100 * f.path("rawCpuMsPerRoundTrip").asDouble() / f.path("cpuMsPerTask").asDouble())));
            case "gateway" -> List.of(
                    new Row(fmt("gateway vs direct, closed loop (%d connections): throughput", f.path("concurrency").asInt()),
                            "≥ 70 % of direct", fmt("%,.0f/s vs %,.0f/s direct: %.0f %% — %s",
                                    f.path("gateway").path("throughput").asDouble(), f.path("direct").path("throughput").asDouble(),
                                    100 * f.path("throughputRatio").asDouble(), met(f.path("throughputRatio").asDouble() >= 0.7))),
                    new Row(fmt("gateway vs direct, open loop at %,d req/s: p99", f.path("openLoopRate").asInt()),
                            "≤ 5 ms added", fmt("%.2f ms vs %.2f ms direct: +%.2f ms — %s",
                                    f.path("gateway").path("openP99Ms").asDouble(), f.path("direct").path("openP99Ms").asDouble(),
                                    f.path("addedP99Ms").asDouble(), met(f.path("addedP99Ms").asDouble() <= 5))));
            case "gemm" -> gemmRows(f);
            case "echo" -> List.of(new Row(fmt("worker runtime, `echo` through Kafka, %d workers (%,d tasks)",
                    f.path("workers").asInt(), f.path("tasks").asInt()), "—",
                    fmt("%,.0f tasks/s; latency p50 %.0f ms, p99 %.0f ms", f.path("tasksPerSecond").asDouble(),
                            f.path("p50Ms").asDouble(), f.path("p99Ms").asDouble())));
            case "scale" -> scaleRows(f);
            default -> List.of();
        };
    }

    private List<Row> epochRows(JsonNode f, String how) {
        Map<String, Map<String, Double>> p50 = epochMedians(f);
        List<Row> rows = new ArrayList<>();
        // size, label, target, README JMH p50 (Yuma3 · classic · liquid α), target ms, README CPU median
        String[][] sizes = {{"N256_V64", "n=256 / 64 validators", "≤ 1 ms", "0.74 · 0.98 · 1.29", "1", "0.78 · 1.00 · 1.40"},
            {"N4096_V256", "n=4096 / 256 validators", "≤ 50 ms", "53 · 104 · 120", "50", "48.9 · 65.6 · 84.8"}};
        for (String[] s : sizes) {
            Map<String, Double> m = p50.get(s[0]);
            if (m == null) {
                continue;
            }
            double target = Double.parseDouble(s[4]);
            rows.add(new Row("Yuma epoch " + s[1] + " (" + how + ", Yuma3 · classic · liquid α)", s[2],
                    fmt("%s · %s · %s ms (libs/yuma-core README: %s ms); Yuma3 %s", ms(m.get("Y3")), ms(m.get("CLASSIC")),
                            ms(m.get("Y3LA")), how.startsWith("JMH") ? s[3] : s[5],
                            met(m.getOrDefault("Y3", Double.MAX_VALUE) <= target))));
        }
        return rows;
    }

    /** size → mode → median ms, from JMH's JSON (sample mode) or EpochCpuTimer's. */
    static Map<String, Map<String, Double>> epochMedians(JsonNode f) {
        Map<String, Map<String, Double>> out = new TreeMap<>();
        for (JsonNode b : f) {
            if (b.has("cpuMedianMs")) {
                out.computeIfAbsent(b.path("size").asString(), k -> new TreeMap<>())
                        .put(b.path("mode").asString(), b.path("cpuMedianMs").asDouble());
                continue;
            }
            JsonNode metric = b.path("primaryMetric");
            double median = metric.path("scorePercentiles").path("50.0").asDouble(metric.path("score").asDouble());
            out.computeIfAbsent(b.path("params").path("size").asString(), k -> new TreeMap<>())
                    .put(b.path("params").path("mode").asString(), median);
        }
        return out;
    }

    private List<Row> gemmRows(JsonNode f) {
        List<String> sizes = new ArrayList<>();
        for (JsonNode s : f.path("sizes")) {
            sizes.add(fmt("n=%d %.1f (1 thread %.1f, triple loop %.1f)", s.path("n").asInt(),
                    s.path("blasAllThreads").asDouble(), s.path("blas1Thread").asDouble(), s.path("tripleLoop").asDouble()));
        }
        return List.of(new Row(fmt("GEMM fp32 on the CPU, BLAS (%s) on %d threads", f.path("blas").asString(),
                f.path("cores").asInt()), "—", String.join("; ", sizes) + fmt(" GFLOP/s; peak %.1f GFLOP/s (n=%s)",
                f.path("peakAllThreads").asDouble(), f.path("peakSizes").asString())));
    }

    private List<Row> scaleRows(JsonNode f) {
        List<Row> rows = new ArrayList<>();
        List<String> tried = new ArrayList<>();
        for (JsonNode r : f.path("runs")) {
            tried.add(fmt("%d×%d: %s ms%s", r.path("subnets").asInt(), r.path("uids").asInt(),
                    r.path("warmPublishedMs").asLong(), r.path("onTime").asBoolean() ? "" : " (late)"));
        }
        JsonNode best = f.path("largestOnTime");
        JsonNode dispatch = get("dispatch");
        String tasks = dispatch.isMissingNode() ? "tasks/s not measured"
                : fmt("%,.0f tasks/s dispatched (measured separately above)", dispatch.path("scoredPerSecond").asDouble());
        rows.add(new Row("the whole network at scale: largest network with every epoch on time (all subnets due at one "
                + "block, 64 validators each, stored and published within one block)", fmt("≤ %,d ms per round",
                f.path("deadlineMs").asLong()),
                best.isMissingNode() || best.isNull() ? "none of the sizes tried was on time; " + String.join(", ", tried)
                        : fmt("**%d subnets × %d UIDs** (%,d neurons), worst warm round %,d ms; %s; sizes tried: %s",
                                best.path("subnets").asInt(), best.path("uids").asInt(),
                                best.path("subnets").asLong() * best.path("uids").asLong(),
                                best.path("warmPublishedMs").asLong(), tasks, String.join(", ", tried))));
        return rows;
    }

    /**
     * The figures the README states (best runs on the same machine), used on paper where this run has none;
     * the text says which figure came from where.
     */
    static final double README_Y3_N256_MS = 0.78;
    static final double README_Y3_N4096_MS = 48.9;
    static final int README_SCALE_SUBNETS = 128;
    static final int README_SCALE_UIDS = 256;
    static final double README_SCALE_MS = 5_000;
    static final double README_DISPATCH_PER_SECOND = 712;
    static final double README_RAW_PER_SECOND = 12_881;
    static final double README_SETTLE_SECONDS = 2.03;
    static final int README_SETTLE_UIDS = 128 * 256;

    /** What 1,024 subnets × 4,096 UIDs needs, from this run's figures (else the README's); each says its source. */
    String paper() {
        StringBuilder md = new StringBuilder("## 1,024 subnets × 4,096 UIDs across machines (on paper)\n\n");
        md.append("Derived from the figures above; where this run has none, from the figures the README states "
                + "(marked *README*). A \"machine\" is one like this one (2 cores). Assumptions: tempo 360 blocks of "
                + "12 s, epochs staggered by netuid as on the chain (at most ⌈1,024 / 361⌉ = 3 subnets due per block), "
                + "every UID answering one task per block (1,024 × 4,096 / 12 s ≈ 349,525 tasks/s), stake and "
                + "validator mix per subnet as in the settlement benchmark.\n\n");
        int subnets = 1024;
        int uids = 4096;
        int duePerBlock = (int) Math.ceil(subnets / (double) (TEMPO + 1));
        double tasksPerSecond = subnets * (double) uids / BLOCK_SECONDS;

        // consensus: the epoch path per epoch at 256 UIDs (scale drill), grown like the engine to 4,096 UIDs
        Map<String, Double> y3 = new TreeMap<>();
        epochMedians(get("epochcpu")).forEach((size, modes) -> {
            if (modes.containsKey("Y3")) {
                y3.put(size, modes.get("Y3"));
            }
        });
        boolean engineMeasured = y3.containsKey("N256_V64") && y3.containsKey("N4096_V256");
        double e256 = engineMeasured ? y3.get("N256_V64") : README_Y3_N256_MS;
        double e4096 = engineMeasured ? y3.get("N4096_V256") : README_Y3_N4096_MS;
        JsonNode best = get("scale").path("largestOnTime");
        boolean scaleMeasured = !best.isMissingNode() && !best.isNull();
        int scaleSubnets = scaleMeasured ? best.path("subnets").asInt() : README_SCALE_SUBNETS;
        int scaleUids = scaleMeasured ? best.path("uids").asInt() : README_SCALE_UIDS;
        double scaleMs = scaleMeasured ? best.path("warmPublishedMs").asDouble() : README_SCALE_MS;
        double perEpoch256 = scaleMs / scaleSubnets;
        double growth = e4096 / e256;
        double perEpoch4096 = perEpoch256 * growth;
        double perBlock = duePerBlock * perEpoch4096;
        int staggered = Math.max(1, (int) Math.ceil(perBlock / (BLOCK_SECONDS * 1000)));
        double allAtOnce = subnets * perEpoch4096 / 1000;
        md.append(fmt("**Consensus.** %d subnets × %d UIDs went through one consensus instance in %,.0f ms%s: %.1f ms of "
                + "the machine per epoch (snapshot, engine, storage, outbox, Kafka). The engine grows %.0f× from n=256 to "
                + "n=4096 (Yuma3 median CPU %.2f → %.1f ms%s); taking the whole epoch path to grow as much (an upper "
                + "bound: storage grows with UIDs × validators, 64×), one 4,096-UID epoch costs ≈ %,.0f ms. Staggered, "
                + "a block brings %d of them: %,.0f ms of work per 12 s block → **%d consensus instance%s** (netuids "
                + "split by range, each with its own database). After an outage with all 1,024 due at once they need "
                + "%,.0f s of one machine: %d instances catch up within one block, one instance within %,.0f blocks.\n\n",
                scaleSubnets, scaleUids, scaleMs, scaleMeasured ? " (scale drill)" : " (*README*)", perEpoch256, growth,
                e256, e4096, engineMeasured ? "" : ", *README*", perEpoch4096, duePerBlock, perBlock, staggered,
                staggered == 1 ? "" : "s", allAtOnce, (int) Math.ceil(allAtOnce / BLOCK_SECONDS),
                Math.ceil(allAtOnce / BLOCK_SECONDS)));

        JsonNode d = get("dispatch");
        boolean dispatchMeasured = !d.isMissingNode();
        double perMachine = dispatchMeasured ? d.path("scoredPerSecond").asDouble() : README_DISPATCH_PER_SECOND;
        double raw = dispatchMeasured ? d.path("rawRoundTripsPerSecond").asDouble() : README_RAW_PER_SECOND;
        String capacity = "";
        if (dispatchMeasured && d.path("cpuMsPerTask").asDouble() > 0) {
            double idle = cores * 1000 / d.path("cpuMsPerTask").asDouble();
            capacity = fmt(" (by CPU time, %,.0f tasks/s on idle cores: %,d machines)", idle,
                    (int) Math.ceil(tasksPerSecond / idle));
        }
        double perPartition = raw / 8;
        int machines = (int) Math.ceil(tasksPerSecond / perMachine);
        int brokers = (int) Math.ceil(tasksPerSecond / raw);
        int partitions = Integer.highestOneBit((int) Math.ceil(tasksPerSecond / perPartition) - 1) << 1;
        md.append(fmt("**Dispatch and Kafka.** %,.0f tasks/s against %,.0f tasks/s per machine%s (validator, 16 workers, "
                + "broker and database on one machine) is **%,d machines** of validators and workers%s. The raw round "
                + "trip (%,.0f/s on one broker with 8 partitions%s: %,.0f/s per partition, two produces and two consumes "
                + "each) puts the task topics (`tasks.assigned`, `tasks.results`) at **%,d partitions** each (a power "
                + "of two, so that every validator and worker instance owns whole partitions) over at least **%,d "
                + "brokers**; epoch, stake and registry topics carry per-epoch or per-registration traffic (≈ %.2f "
                + "EpochCompleted per second on average) and stay at 8–16 partitions, keyed by netuid.\n\n",
                tasksPerSecond, perMachine, dispatchMeasured ? "" : " (*README*)", machines, capacity, raw,
                dispatchMeasured ? "" : ", *README*", perPartition, partitions, brokers, subnets / (TEMPO * BLOCK_SECONDS)));

        JsonNode s = get("settlement");
        boolean settleMeasured = !s.isMissingNode();
        double settleUids = settleMeasured ? s.path("subnets").asDouble() * s.path("uids").asDouble() : README_SETTLE_UIDS;
        double settleSeconds = settleMeasured ? s.path("steadySeconds").asDouble() : README_SETTLE_SECONDS;
        double uidsPerSecond = settleUids / settleSeconds;
        double needPerBlock = duePerBlock * (double) uids / BLOCK_SECONDS;
        double allUids = subnets * (double) uids;
        md.append(fmt("**Ledger.** One ledger instance settled %,.0f UIDs (accrual, owner cut, incentive, take and "
                + "pro-rata dividends to 4 nominators per validator, journal, balances, EpochSettled and StakeChanged "
                + "events) in %.2f s%s: %,.0f UIDs/s. Staggered, 1,024 × 4,096 UIDs need %,.0f UIDs/s (3 subnets of "
                + "4,096 per 12 s block) — %s; all 1,024 at once take %,.0f s of one instance (%.0f blocks), or one "
                + "block with %d instances (accounts sharded by netuid).",
                settleUids, settleSeconds, settleMeasured ? "" : " (*README*)", uidsPerSecond, needPerBlock,
                needPerBlock <= uidsPerSecond ? fmt("**one ledger instance** keeps up (%.0f %% busy)", 100 * needPerBlock / uidsPerSecond)
                        : fmt("**%d ledger instances**", (int) Math.ceil(needPerBlock / uidsPerSecond)),
                allUids / uidsPerSecond, allUids / uidsPerSecond / BLOCK_SECONDS,
                (int) Math.ceil(allUids / uidsPerSecond / BLOCK_SECONDS)));
        if (settleMeasured) {
            double lines = s.path("steadyJournalLines").asDouble();
            md.append(fmt(" Write rate: %.2f journal lines per UID per epoch, so %,.0f lines/s on average over a "
                    + "tempo and %,.0f lines/s in a block that settles 3 subnets.", lines / settleUids,
                    lines / settleUids * allUids / (TEMPO * BLOCK_SECONDS), lines / settleUids * needPerBlock));
        }
        JsonNode r = get("registrations");
        if (!r.isMissingNode()) {
            md.append(fmt(" Registrations: %,.0f/s measured through the registry and the ledger; 1,024 subnets each "
                    + "taking one registration per block need %.0f/s.", r.path("perSecond").asDouble(),
                    subnets / BLOCK_SECONDS));
        }
        md.append("\n");
        return md.toString();
    }

    private static String ms(Double v) {
        if (v == null) {
            return "—";
        }
        return v < 10 ? fmt("%.2f", v) : fmt("%.0f", v);
    }

    private static String met(boolean met) {
        return met ? "met" : "**not met**";
    }

    static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }

    static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
