package net.taonet.yuma.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import net.taonet.yuma.EpochInput;
import net.taonet.yuma.Hyperparameters;
import net.taonet.yuma.Yuma;

/**
 * Companion to {@link EpochBenchmark} for shared machines: times each epoch by the calling
 * thread's CPU time, which (unlike wall-clock time) does not count the time other processes hold
 * the cores. Prints median, minimum and 90th percentile per size and mode.
 *
 * <p>Arguments: {@code [SIZE ...]} (default: all sizes). Per case it first warms up for up to
 * {@code -Dbench.warmup=N} epochs (default 1000) or a third of the budget, then measures for
 * {@code -Dbench.seconds=S} seconds of the thread's CPU time (default 10). Budgets count CPU time,
 * not wall time, so a busy machine stretches the run instead of shortening the JIT warm-up.
 * {@code -Dtaonet.bench.out=<file>} also writes the figures there as JSON.
 */
public final class EpochCpuTimer {

    private EpochCpuTimer() {
    }

    public static void main(String[] args) throws java.io.IOException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "10"));
        int warmup = Integer.getInteger("bench.warmup", 1000);
        String[] sizes = args.length > 0 ? args : Arrays.stream(BenchInputs.Size.values()).map(Enum::name).toArray(String[]::new);
        System.out.printf("%-12s %-8s %8s %12s %12s %12s%n", "size", "mode", "epochs", "median ms", "min ms", "p90 ms");
        java.util.List<java.util.Map<String, Object>> figures = new java.util.ArrayList<>();
        for (String sizeName : sizes) {
            BenchInputs.Size size = BenchInputs.Size.valueOf(sizeName);
            EpochInput input = BenchInputs.input(size);
            for (BenchInputs.Mode mode : BenchInputs.Mode.values()) {
                Hyperparameters hp = BenchInputs.hyperparameters(size, mode);
                long budget = (long) (seconds * 1e9);
                long warmStart = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < warmup && mx.getCurrentThreadCpuTime() - warmStart < budget / 3; i++) {
                    Yuma.epoch(input, hp);
                }
                long[] cpu = new long[1 << 16];
                int count = 0;
                long spent = 0;
                do {
                    long t0 = mx.getCurrentThreadCpuTime();
                    Yuma.epoch(input, hp);
                    long t = mx.getCurrentThreadCpuTime() - t0;
                    cpu[count++] = t;
                    spent += t;
                } while (spent < budget && count < cpu.length);
                long[] t = Arrays.copyOf(cpu, count);
                Arrays.sort(t);
                System.out.printf("%-12s %-8s %8d %12.3f %12.3f %12.3f%n", size, mode, count,
                        t[count / 2] / 1e6, t[0] / 1e6, t[(int) (count * 0.9)] / 1e6);
                figures.add(java.util.Map.of("size", size.name(), "mode", mode.name(), "epochs", count,
                        "cpuMedianMs", t[count / 2] / 1e6, "cpuMinMs", t[0] / 1e6, "cpuP90Ms", t[(int) (count * 0.9)] / 1e6));
            }
        }
        String out = System.getProperty("taonet.bench.out", "");
        if (!out.isBlank()) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(out),
                    tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(figures));
        }
    }
}
