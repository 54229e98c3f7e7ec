package net.taonet.sdk.builtin.gemm;

import java.util.Arrays;

/**
 * Prints GEMM throughput (GFLOP/s = 2·n³ / time) of the CPU paths for square n×n·n×n products: the plain
 * triple loop, the BLAS backend on one thread and on every core, and the BLAS backend's peak (the best over
 * larger sizes). Not a test; run it as a main class (see the README). Arguments: sizes (default 256 512);
 * {@code -Dgemm.peak-sizes=1024,2048}; {@code -Dtaonet.bench.out=<file>} also writes the figures as JSON.
 */
public final class GemmBenchmark {

    private GemmBenchmark() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length > 0 ? Arrays.stream(args).mapToInt(Integer::parseInt).toArray() : new int[] {256, 512};
        int cores = Runtime.getRuntime().availableProcessors();
        NaiveGemmBackend naive = new NaiveGemmBackend();
        NetlibGemmBackend blas1 = new NetlibGemmBackend(1);
        NetlibGemmBackend blasN = new NetlibGemmBackend(cores);
        System.out.printf("gemm CPU paths on %d cores, %s, BLAS implementation %s%n", cores,
                System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                blas1.describe().get("blas"));
        System.out.printf("%6s %14s %14s %14s%n", "n", "triple loop", "BLAS 1 thread", "BLAS " + cores + " threads");
        java.util.Map<String, Object> figures = new java.util.LinkedHashMap<>();
        figures.put("cores", cores);
        figures.put("blas", String.valueOf(blas1.describe().get("blas")));
        java.util.List<java.util.Map<String, Object>> rows = new java.util.ArrayList<>();
        for (int n : sizes) {
            float[] a = random(n * n, 1);
            float[] b = random(n * n, 2);
            double loop = gflops(naive, n, a, b);
            double one = gflops(blas1, n, a, b);
            double all = gflops(blasN, n, a, b);
            System.out.printf("%6d %14.2f %14.2f %14.2f   GFLOP/s%n", n, loop, one, all);
            rows.add(java.util.Map.of("n", n, "tripleLoop", loop, "blas1Thread", one, "blasAllThreads", all));
        }
        figures.put("sizes", rows);
        double peak1 = 0;
        double peakN = 0;
        int[] peakSizes = Arrays.stream(System.getProperty("gemm.peak-sizes", "1024,2048").split(","))
                .mapToInt(Integer::parseInt).toArray();
        for (int n : peakSizes) {
            float[] a = random(n * n, 3);
            float[] b = random(n * n, 4);
            peak1 = Math.max(peak1, gflops(blas1, n, a, b));
            peakN = Math.max(peakN, gflops(blasN, n, a, b));
        }
        System.out.printf("BLAS peak (best of n = %s): %.2f GFLOP/s on 1 thread, %.2f GFLOP/s on %d threads%n",
                Arrays.toString(peakSizes), peak1, peakN, cores);
        blasN.close();
        figures.put("peakSizes", Arrays.toString(peakSizes));
        figures.put("peak1Thread", peak1);
        figures.put("peakAllThreads", peakN);
        String out = System.getProperty("taonet.bench.out", "");
        if (!out.isBlank()) {
            try {
                java.nio.file.Files.writeString(java.nio.file.Path.of(out),
                        tools.jackson.databind.json.JsonMapper.builder().build().writeValueAsString(figures));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** Best of several timed runs after warm-up (the JIT must have compiled the kernels first). */
    static double gflops(GemmBackend backend, int n, float[] a, float[] b) {
        double flops = 2.0 * n * n * n;
        long budgetNanos = 3_000_000_000L;
        long start = System.nanoTime();
        backend.multiply(n, n, n, a, b); // warm-up
        backend.multiply(n, n, n, a, b);
        long best = Long.MAX_VALUE;
        int runs = 0;
        while (runs < 3 || (System.nanoTime() - start < budgetNanos && runs < 20)) {
            long t0 = System.nanoTime();
            float[] c = backend.multiply(n, n, n, a, b);
            long t = System.nanoTime() - t0;
            if (c[0] == 12345.678f) {
                System.out.print(""); // keeps the result alive
            }
            best = Math.min(best, t);
            runs++;
        }
        return flops / best;
    }

    private static float[] random(int size, long seed) {
        SplitMix64 prng = new SplitMix64(seed);
        float[] v = new float[size];
        for (int i = 0; i < size; i++) {
            v[i] = prng.nextFloat();
        }
        return v;
    }
}
