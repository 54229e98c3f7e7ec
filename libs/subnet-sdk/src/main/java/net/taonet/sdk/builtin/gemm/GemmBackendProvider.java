package net.taonet.sdk.builtin.gemm;

import java.util.Optional;

import net.taonet.sdk.TaskSettings;

/**
 * Makes a {@link GemmBackend} when the hardware is there. Found with {@link java.util.ServiceLoader}
 * ({@code META-INF/services/net.taonet.sdk.builtin.gemm.GemmBackendProvider}), so a GPU backend ships as an
 * optional jar: the worker's {@code cuda} build profile adds one. At start-up the gemm handler opens the
 * available provider with the highest {@link #priority()} (or the one named by the {@code backend} setting).
 */
public interface GemmBackendProvider {

    String name();

    /** Higher is preferred when the backend is chosen automatically (GPU 100, CPU BLAS 10, naive 0). */
    int priority();

    /** The backend, or empty when this machine can't run it (no GPU, no driver); never throws for that. */
    Optional<GemmBackend> open(TaskSettings settings);
}
