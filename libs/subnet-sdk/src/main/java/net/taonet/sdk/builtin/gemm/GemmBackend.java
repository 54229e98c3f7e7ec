package net.taonet.sdk.builtin.gemm;

import java.util.Map;

/**
 * Computes a float32 matrix product on some hardware. Implementations must be thread-safe: the worker calls
 * {@link #multiply} from several task threads at once.
 */
public interface GemmBackend extends AutoCloseable {

    /** A short name: {@code cpu-blas}, {@code cuda}, {@code naive}. */
    String name();

    /**
     * C = A·B, with A m×k, B k×n and C m×n, all row-major float32. Throws on a hardware failure (out of
     * memory, a lost device); the handler reports it as reason {@code error}.
     */
    float[] multiply(int m, int n, int k, float[] a, float[] b);

    /** What it runs on, for serving metadata: e.g. {@code backend=cuda, device=NVIDIA H100, memory-mib=81559}. */
    Map<String, String> describe();

    @Override
    default void close() {
    }
}
