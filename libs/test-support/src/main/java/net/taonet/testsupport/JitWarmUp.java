package net.taonet.testsupport;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.util.Locale;

/**
 * Warm-up for benchmarks that run the services in their own JVM: rounds of load until the JIT compiler has
 * settled (it compiled for less than 5 % of a round's wall time). On two cores, several services and Kafka in
 * one JVM keep its single C2 thread busy for minutes; until then a measurement reports the compiler, not the
 * code under test.
 */
public final class JitWarmUp {

    /** One round of load; it may block for as long as the round lasts. */
    @FunctionalInterface
    public interface Round {
        void run() throws InterruptedException;
    }

    static final double SETTLED_COMPILE_SHARE = 0.05;

    private JitWarmUp() {
    }

    /** Runs {@code round} until the JIT has settled or {@code maxRounds} have run, printing each round's share. */
    public static void untilSettled(int maxRounds, Round round) throws InterruptedException {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        for (int i = 0; i < maxRounds; i++) {
            long compiledBefore = jit.getTotalCompilationTime();
            long started = System.nanoTime();
            round.run();
            double share = (jit.getTotalCompilationTime() - compiledBefore) / ((System.nanoTime() - started) / 1e6);
            System.out.printf(Locale.ROOT, "warm-up: JIT compiling %.0f %% of the last round%n", share * 100);
            if (share < SETTLED_COMPILE_SHARE) {
                return;
            }
        }
        System.out.println("warm-up: the JIT did not settle; measuring anyway");
    }
}
