package net.taonet.worker.cuda;

import static jcuda.jcublas.cublasOperation.CUBLAS_OP_N;
import static jcuda.runtime.cudaMemcpyKind.cudaMemcpyDeviceToHost;
import static jcuda.runtime.cudaMemcpyKind.cudaMemcpyHostToDevice;

import java.util.Map;
import java.util.Optional;
import jcuda.Pointer;
import jcuda.Sizeof;
import jcuda.jcublas.JCublas2;
import jcuda.jcublas.cublasHandle;
import jcuda.jcublas.cublasMath;
import jcuda.runtime.JCuda;
import jcuda.runtime.cudaDeviceProp;
import net.taonet.sdk.TaskSettings;
import net.taonet.sdk.builtin.gemm.GemmBackend;
import net.taonet.sdk.builtin.gemm.GemmBackendProvider;

/**
 * The GPU path of {@code gemm}: {@code cublasSgemm} through JCuda. Full float32 (the default math mode, so no
 * TF32 tensor-core shortcut, which the validator's Freivalds tolerance would reject). A row-major C = A·B is
 * the column-major Cᵀ = Bᵀ·Aᵀ, so B is passed first. One cuBLAS handle, used by one task at a time: the GPU
 * serialises the kernels anyway, and our products are small enough that copying dominates.
 */
public final class CublasGemmBackend implements GemmBackend {

    private final int device;
    private final String deviceName;
    private final long memoryMib;
    private final cublasHandle handle = new cublasHandle();

    private CublasGemmBackend(int device, String deviceName, long memoryMib) {
        this.device = device;
        this.deviceName = deviceName;
        this.memoryMib = memoryMib;
        JCuda.cudaSetDevice(device);
        JCublas2.cublasCreate(handle);
        JCublas2.cublasSetMathMode(handle, cublasMath.CUBLAS_DEFAULT_MATH);
    }

    @Override
    public String name() {
        return "cuda";
    }

    @Override
    public synchronized float[] multiply(int m, int n, int k, float[] a, float[] b) {
        JCuda.cudaSetDevice(device);
        Pointer dA = new Pointer();
        Pointer dB = new Pointer();
        Pointer dC = new Pointer();
        try {
            JCuda.cudaMalloc(dA, (long) m * k * Sizeof.FLOAT);
            JCuda.cudaMalloc(dB, (long) k * n * Sizeof.FLOAT);
            JCuda.cudaMalloc(dC, (long) m * n * Sizeof.FLOAT);
            JCuda.cudaMemcpy(dA, Pointer.to(a), (long) m * k * Sizeof.FLOAT, cudaMemcpyHostToDevice);
            JCuda.cudaMemcpy(dB, Pointer.to(b), (long) k * n * Sizeof.FLOAT, cudaMemcpyHostToDevice);
            JCublas2.cublasSgemm(handle, CUBLAS_OP_N, CUBLAS_OP_N, n, m, k, Pointer.to(new float[] {1f}), dB, n, dA, k,
                    Pointer.to(new float[] {0f}), dC, n);
            float[] c = new float[m * n];
            JCuda.cudaMemcpy(Pointer.to(c), dC, (long) m * n * Sizeof.FLOAT, cudaMemcpyDeviceToHost);
            return c;
        } finally {
            JCuda.cudaFree(dA);
            JCuda.cudaFree(dB);
            JCuda.cudaFree(dC);
        }
    }

    @Override
    public Map<String, String> describe() {
        return Map.of("backend", name(), "device", deviceName, "memory-mib", Long.toString(memoryMib),
                "cuda-device", Integer.toString(device));
    }

    @Override
    public synchronized void close() {
        JCublas2.cublasDestroy(handle);
    }

    /**
     * Opens the first CUDA device (setting {@code cuda-device} picks another). Empty when the JCuda natives,
     * the CUDA 12 runtime or a device are missing: the worker then uses the CPU.
     */
    public static final class Provider implements GemmBackendProvider {

        @Override
        public String name() {
            return "cuda";
        }

        @Override
        public int priority() {
            return 100;
        }

        @Override
        public Optional<GemmBackend> open(TaskSettings settings) {
            try {
                JCuda.setExceptionsEnabled(true);
                JCublas2.setExceptionsEnabled(true);
                int[] count = new int[1];
                JCuda.cudaGetDeviceCount(count);
                int device = settings.getInt("cuda-device", 0);
                if (count[0] <= device) {
                    return Optional.empty();
                }
                cudaDeviceProp prop = new cudaDeviceProp();
                JCuda.cudaGetDeviceProperties(prop, device);
                return Optional.of(new CublasGemmBackend(device, prop.getName(), prop.totalGlobalMem / (1024 * 1024)));
            } catch (RuntimeException | LinkageError e) {
                // No natives, no driver, no device: not a GPU machine.
                return Optional.empty();
            }
        }
    }
}
