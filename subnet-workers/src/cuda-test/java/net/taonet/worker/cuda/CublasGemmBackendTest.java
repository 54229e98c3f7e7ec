package net.taonet.worker.cuda;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import net.taonet.sdk.Submission;
import net.taonet.sdk.TaskContext;
import net.taonet.sdk.TaskHandler;
import net.taonet.sdk.TaskSettings;
import net.taonet.sdk.TaskTypes;
import net.taonet.sdk.builtin.gemm.Freivalds;
import net.taonet.sdk.builtin.gemm.GemmBackend;
import net.taonet.sdk.builtin.gemm.GemmBackends;
import net.taonet.sdk.builtin.gemm.GemmChallenge;
import net.taonet.sdk.builtin.gemm.NetlibGemmBackend;
import org.junit.jupiter.api.Test;

/**
 * Built and run only with {@code -Pcuda}. On a GPU machine it checks cuBLAS products with the validator's
 * Freivalds check and against the CPU path; on a machine without one it checks that the worker falls back to
 * the CPU instead of failing.
 */
class CublasGemmBackendTest {

    private final Optional<GemmBackend> gpu = new CublasGemmBackend.Provider().open(TaskSettings.empty());

    @Test
    void productsPassTheValidatorsCheckOrTheWorkerFallsBackToTheCpu() throws Exception {
        GemmBackend chosen = GemmBackends.open(TaskSettings.empty());
        if (gpu.isEmpty()) {
            System.out.println("no CUDA device here: checking the CPU fallback");
            assertThat(chosen.name()).isEqualTo("cpu-blas");
            return;
        }
        System.out.println("CUDA device: " + gpu.get().describe());
        assertThat(chosen.name()).isEqualTo("cuda");
        NetlibGemmBackend cpu = new NetlibGemmBackend(4);
        for (int[] s : new int[][] {{1, 1, 1}, {64, 64, 64}, {256, 256, 1024}, {128, 1024, 4096}, {256, 512, 16384}}) {
            GemmChallenge ch = new GemmChallenge(s[0] * 31L + s[2], s[0], s[1], s[2]);
            float[] a = ch.matrixA();
            float[] b = ch.matrixB();
            float[] c = gpu.get().multiply(s[0], s[1], s[2], a, b);
            Freivalds.Verdict verdict = Freivalds.verify(ch, c, 16, new SplittableRandom(7));
            assertThat(verdict.ok()).as("%s: %s", java.util.Arrays.toString(s), verdict.detail()).isTrue();
            float[] ref = cpu.multiply(s[0], s[1], s[2], a, b);
            double maxDiff = 0;
            for (int i = 0; i < c.length; i++) {
                maxDiff = Math.max(maxDiff, Math.abs(c[i] - ref[i]));
            }
            System.out.printf("m=%d n=%d k=%d: Freivalds ok, max |cuBLAS - CPU BLAS| = %.3g%n", s[0], s[1], s[2], maxDiff);
        }
        try (TaskHandler handler = TaskTypes.load().require("gemm").handler(TaskSettings.of(Map.of("backend", "cuda")))) {
            String challenge = new GemmChallenge(5, 256, 256, 2048).toJson();
            String result = handler.execute(challenge, TaskContext.simple("t", Long.MAX_VALUE));
            assertThat(TaskTypes.load().require("gemm").scorer().score(challenge, new Submission(result, 10, 10_000)))
                    .isGreaterThan(0.5);
        }
    }
}
