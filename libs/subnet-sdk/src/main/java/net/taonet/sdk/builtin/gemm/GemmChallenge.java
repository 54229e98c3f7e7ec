package net.taonet.sdk.builtin.gemm;

import java.util.stream.IntStream;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import net.taonet.sdk.TaskException;

/**
 * A gemm challenge: compute C = A·B where A is m×k and B is k×n, both float32, row-major, derived from
 * {@code seed} with {@link SplitMix64}: A[i][l] is float {@code i·k + l} of the stream, B[l][j] is float
 * {@code m·k + l·n + j} (B continues where A ends). JSON: {@code {"seed":-42,"m":256,"n":256,"k":1024}}.
 *
 * <p>Limits keep every message within Kafka's default 1 MB: the result has m·n floats, base64-encoded
 * (4/3 growth), so m·n ≤ {@value #MAX_RESULT_FLOATS} (about 700 KB of text). k only costs time and memory.
 */
public record GemmChallenge(long seed, int m, int n, int k) {

    /** 2^17 floats = 512 KiB raw = about 700 KB base64: safely under Kafka's 1 MB default. */
    public static final int MAX_RESULT_FLOATS = 1 << 17;
    public static final int MAX_DIMENSION = 16_384;
    /** At most 64 Mi input floats (256 MiB for A and B together) so a challenge can't exhaust a worker. */
    public static final long MAX_INPUT_FLOATS = 1L << 26;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public GemmChallenge {
        if (m < 1 || n < 1 || k < 1 || m > MAX_DIMENSION || n > MAX_DIMENSION || k > MAX_DIMENSION) {
            throw new IllegalArgumentException("gemm dimensions must be in [1, " + MAX_DIMENSION + "]: m=" + m
                    + " n=" + n + " k=" + k);
        }
        if ((long) m * n > MAX_RESULT_FLOATS) {
            throw new IllegalArgumentException("gemm result m*n=" + ((long) m * n) + " exceeds "
                    + MAX_RESULT_FLOATS + " floats (Kafka message limit)");
        }
        if ((long) k * (m + n) > MAX_INPUT_FLOATS) {
            throw new IllegalArgumentException("gemm inputs k*(m+n)=" + ((long) k * (m + n)) + " exceed "
                    + MAX_INPUT_FLOATS + " floats");
        }
    }

    public static GemmChallenge parse(String json) throws TaskException {
        try {
            JsonNode node = JSON.readTree(json);
            for (String field : new String[] {"seed", "m", "n", "k"}) {
                if (node == null || !node.path(field).isIntegralNumber()) {
                    throw TaskException.badChallenge("gemm challenge needs an integer " + field);
                }
            }
            if (!node.path("seed").canConvertToLong() || !node.path("m").canConvertToInt()
                    || !node.path("n").canConvertToInt() || !node.path("k").canConvertToInt()) {
                throw TaskException.badChallenge("gemm challenge numbers out of range");
            }
            return new GemmChallenge(node.path("seed").asLong(), node.path("m").asInt(), node.path("n").asInt(),
                    node.path("k").asInt());
        } catch (JacksonException e) {
            throw TaskException.badChallenge("gemm challenge is not JSON: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw TaskException.badChallenge(e.getMessage());
        }
    }

    public String toJson() {
        return "{\"seed\":" + seed + ",\"m\":" + m + ",\"n\":" + n + ",\"k\":" + k + "}";
    }

    /** 2·m·n·k: the floating-point operations of the product. */
    public double flops() {
        return 2.0 * m * n * k;
    }

    /** A, m×k row-major. Rows are generated in parallel; the bits don't depend on it. */
    public float[] matrixA() {
        float[] a = new float[m * k];
        fill(a, 0, m, k);
        return a;
    }

    /** B, k×n row-major. */
    public float[] matrixB() {
        float[] b = new float[k * n];
        fill(b, (long) m * k, k, n);
        return b;
    }

    private void fill(float[] target, long firstIndex, int rows, int cols) {
        IntStream.range(0, rows).parallel().forEach(row -> {
            long index = firstIndex + (long) row * cols;
            int offset = row * cols;
            for (int col = 0; col < cols; col++) {
                target[offset + col] = SplitMix64.floatAt(seed, index + col);
            }
        });
    }
}
