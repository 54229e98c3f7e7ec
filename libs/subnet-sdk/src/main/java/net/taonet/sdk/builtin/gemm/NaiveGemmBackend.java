package net.taonet.sdk.builtin.gemm;

import java.util.Map;
import java.util.Optional;

import net.taonet.sdk.TaskSettings;

/**
 * The plain triple loop (i-l-j order, float accumulation): a reference for tests and the baseline of the
 * benchmark. Never chosen automatically unless nothing else is available.
 */
public final class NaiveGemmBackend implements GemmBackend {

    @Override
    public String name() {
        return "naive";
    }

    @Override
    public float[] multiply(int m, int n, int k, float[] a, float[] b) {
        float[] c = new float[m * n];
        for (int i = 0; i < m; i++) {
            int offC = i * n;
            for (int l = 0; l < k; l++) {
                float ail = a[i * k + l];
                int offB = l * n;
                for (int j = 0; j < n; j++) {
                    c[offC + j] += ail * b[offB + j];
                }
            }
        }
        return c;
    }

    @Override
    public Map<String, String> describe() {
        return Map.of("backend", name(), "device", "cpu");
    }

    public static final class Provider implements GemmBackendProvider {
        @Override
        public String name() {
            return "naive";
        }

        @Override
        public int priority() {
            return 0;
        }

        @Override
        public Optional<GemmBackend> open(TaskSettings settings) {
            return Optional.of(new NaiveGemmBackend());
        }
    }
}
