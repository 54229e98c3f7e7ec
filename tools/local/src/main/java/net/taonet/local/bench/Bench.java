package net.taonet.local.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./taonet bench [--quick] [--only id,id] [--report-only <results folder>]}: runs every component's
 * benchmark one after the other on this machine (see {@link BenchPlan}), each writing its figures as JSON
 * under {@code .taonet/bench/<time>/}, then writes the table of {@code docs/performance.md} from those files
 * ({@link PerformanceReport}). A benchmark that fails or runs past its limit leaves its row marked as such;
 * the others still run. Logs: {@code .taonet/bench/<time>/<id>.log}.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("taonet.root", ".")).toAbsolutePath().normalize();
        boolean quick = false;
        Set<String> only = new TreeSet<>();
        Path reportOnly = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--only" -> only.addAll(List.of(args[++i].split(",")));
                case "--report-only" -> reportOnly = Path.of(args[++i]).toAbsolutePath();
                default -> {
                    System.err.println("usage: ./taonet bench [--quick] [--only epoch,settlement,...] [--report-only <folder>]");
                    System.exit(2);
                }
            }
        }
        Path results = reportOnly != null ? reportOnly : root.resolve(".taonet/bench")
                .resolve(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now()));
        Files.createDirectories(results);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Machine machine = Machine.here();
        List<PerformanceReport.Outcome> outcomes = new ArrayList<>();
        long started = System.nanoTime();
        for (BenchPlan.Step step : BenchPlan.steps(results, quick, java)) {
            if (!only.isEmpty() && !only.contains(step.id())) {
                continue;
            }
            if (reportOnly != null) {
                outcomes.add(new PerformanceReport.Outcome(step, Files.exists(BenchPlan.out(results, step.id())) ? "ok" : "no figures", 0));
                continue;
            }
            outcomes.add(run(root, results, step));
        }
        double minutes = (System.nanoTime() - started) / 60e9;
        Path report = root.resolve("docs/performance.md");
        PerformanceReport.write(report, results, machine, outcomes, quick, reportOnly != null ? -1 : minutes);
        System.out.printf("%nfigures in %s; report written to %s (%.1f min)%n", results, root.relativize(report), minutes);
    }

    private static PerformanceReport.Outcome run(Path root, Path results, BenchPlan.Step step)
            throws IOException, InterruptedException {
        Path log = results.resolve(step.id() + ".log");
        Files.deleteIfExists(BenchPlan.out(results, step.id()));
        System.out.printf("%-14s %s ... ", step.id(), step.title());
        System.out.flush();
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(step.command()).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        String status;
        if (!process.waitFor(step.timeoutSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
            status = "timed out after " + step.timeoutSeconds() + " s";
        } else if (process.exitValue() != 0) {
            status = "failed (exit " + process.exitValue() + ", see " + root.relativize(log) + ")";
        } else {
            status = Files.exists(BenchPlan.out(results, step.id())) ? "ok" : "no figures (see " + root.relativize(log) + ")";
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%s in %.0f s%n", status, seconds);
        return new PerformanceReport.Outcome(step, status, seconds,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** The machine the figures come from. */
    public record Machine(int cores, long memoryBytes, String jdk, String os, double loadAverage) {
        static Machine here() {
            long memory = 0;
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                memory = os.getTotalMemorySize();
            }
            return new Machine(Runtime.getRuntime().availableProcessors(), memory,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.arch"),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
