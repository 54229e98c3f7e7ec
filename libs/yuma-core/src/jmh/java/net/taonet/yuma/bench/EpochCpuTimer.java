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
 * <p>Arguments: {@code [SIZE ...]} (default: all sizes); {@code -Dbench.seconds=N} bounds the
 * measuring time per case (default 10), {@code -Dbench.warmup=N} the warm-up epochs (default 20).
 */
public final class EpochCpuTimer {

    private EpochCpuTimer() {
    }

    public static void main(String[] args) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "10"));
        int warmup = Integer.getInteger("bench.warmup", 20);
        String[] sizes = args.length > 0 ? args : Arrays.stream(BenchInputs.Size.values()).map(Enum::name).toArray(String[]::new);
        System.out.printf("%-12s %-8s %8s %12s %12s %12s%n", "size", "mode", "epochs", "median ms", "min ms", "p90 ms");
        for (String sizeName : sizes) {
            BenchInputs.Size size = BenchInputs.Size.valueOf(sizeName);
            EpochInput input = BenchInputs.input(size);
            for (BenchInputs.Mode mode : BenchInputs.Mode.values()) {
                Hyperparameters hp = BenchInputs.hyperparameters(size, mode);
                long warmEnd = System.nanoTime() + (long) (seconds * 0.3e9);
                for (int i = 0; i < warmup && System.nanoTime() < warmEnd; i++) {
                    Yuma.epoch(input, hp);
                }
                long[] cpu = new long[1 << 16];
                int count = 0;
                long end = System.nanoTime() + (long) (seconds * 1e9);
                do {
                    long t0 = mx.getCurrentThreadCpuTime();
                    Yuma.epoch(input, hp);
                    cpu[count++] = mx.getCurrentThreadCpuTime() - t0;
                } while (System.nanoTime() < end && count < cpu.length);
                long[] t = Arrays.copyOf(cpu, count);
                Arrays.sort(t);
                System.out.printf("%-12s %-8s %8d %12.3f %12.3f %12.3f%n", size, mode, count,
                        t[count / 2] / 1e6, t[0] / 1e6, t[(int) (count * 0.9)] / 1e6);
            }
        }
    }
}
