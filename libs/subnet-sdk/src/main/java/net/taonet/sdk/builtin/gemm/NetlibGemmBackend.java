package net.taonet.sdk.builtin.gemm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import dev.ludovic.netlib.blas.BLAS;

import net.taonet.sdk.TaskSettings;

/**
 * The CPU path: {@code sgemm} from netlib-java's successor {@code dev.ludovic.netlib:blas} (the BLAS Spark
 * uses). It picks the fastest implementation it finds: a native BLAS through JNI when the machine has one
 * ({@code libblas.so.3}, e.g. OpenBLAS), else the Vector API, else pure Java. Large products are split by
 * rows of C over {@code threads} threads (setting {@code threads}, default: all cores), since the Java
 * implementations are single-threaded.
 *
 * <p>BLAS is column-major: a row-major C = A·B is the column-major Cᵀ = Bᵀ·Aᵀ, so B is passed first.
 */
public final class NetlibGemmBackend implements GemmBackend {

    /** Below this many multiply-adds one thread is faster than handing work out. */
    private static final long PARALLEL_THRESHOLD = 1L << 22;

    private final BLAS blas;
    private final int threads;
    private final ExecutorService pool;

    public NetlibGemmBackend(int threads) {
        this.blas = BLAS.getInstance();
        if (blas.getClass().getSimpleName().equals("Java11BLAS")) {
            java.util.logging.Logger.getLogger(NetlibGemmBackend.class.getName()).info("gemm runs on pure-Java BLAS, "
                    + "about as fast as a plain loop: install a native BLAS (libblas.so.3, e.g. libopenblas0) or run "
                    + "the JVM with --add-modules jdk.incubator.vector for several times the speed");
        }
        this.threads = Math.max(1, threads);
        this.pool = this.threads == 1 ? null : Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "gemm-blas");
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String name() {
        return "cpu-blas";
    }

    @Override
    public float[] multiply(int m, int n, int k, float[] a, float[] b) {
        float[] c = new float[m * n];
        long work = (long) m * n * k;
        int parts = pool == null || work < PARALLEL_THRESHOLD ? 1 : Math.min(threads, m);
        if (parts == 1) {
            blas.sgemm("N", "N", n, m, k, 1.0f, b, 0, n, a, 0, k, 0.0f, c, 0, n);
            return c;
        }
        List<Future<?>> futures = new ArrayList<>(parts);
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) m * p / parts);
            int to = (int) ((long) m * (p + 1) / parts);
            futures.add(pool.submit(() -> blas.sgemm("N", "N", n, to - from, k, 1.0f, b, 0, n, a, from * k, k,
                    0.0f, c, from * n, n)));
        }
        try {
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            futures.forEach(f -> f.cancel(true));
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sgemm failed: " + e.getCause(), e.getCause());
        }
        return c;
    }

    @Override
    public Map<String, String> describe() {
        return Map.of("backend", name(), "blas", blas.getClass().getSimpleName(), "threads",
                Integer.toString(threads), "device", "cpu");
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    /** Always available: netlib falls back to pure Java. */
    public static final class Provider implements GemmBackendProvider {
        @Override
        public String name() {
            return "cpu-blas";
        }

        @Override
        public int priority() {
            return 10;
        }

        @Override
        public Optional<GemmBackend> open(TaskSettings settings) {
            return Optional.of(new NetlibGemmBackend(
                    settings.getInt("threads", Runtime.getRuntime().availableProcessors())));
        }
    }
}
