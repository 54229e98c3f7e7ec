package net.taonet.sdk.builtin.gemm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A gemm result: C, m×n float32 row-major, as base64 of its little-endian bytes.
 * JSON: {@code {"m":256,"n":256,"c":"<base64>"}}.
 */
public record GemmResult(int m, int n, float[] c) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public GemmResult {
        if (c.length != (long) m * n) {
            throw new IllegalArgumentException("C has " + c.length + " floats, expected " + m + "x" + n);
        }
    }

    public String toJson() {
        ByteBuffer bytes = ByteBuffer.allocate(c.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asFloatBuffer().put(c);
        return "{\"m\":" + m + ",\"n\":" + n + ",\"c\":\"" + Base64.getEncoder().encodeToString(bytes.array())
                + "\"}";
    }

    /** Parses a result; anything malformed is an {@link IllegalArgumentException} (the scorer scores it 0). */
    public static GemmResult parse(String json) {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.path("m").canConvertToInt() || !node.path("n").canConvertToInt()
                    || !node.path("c").isString()) {
                throw new IllegalArgumentException("gemm result needs m, n and c");
            }
            int m = node.path("m").asInt();
            int n = node.path("n").asInt();
            byte[] raw = Base64.getDecoder().decode(node.path("c").asString());
            if (raw.length % Float.BYTES != 0) {
                throw new IllegalArgumentException("gemm result c is not whole floats");
            }
            float[] c = new float[raw.length / Float.BYTES];
            ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(c);
            return new GemmResult(m, n, c);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("gemm result is not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
