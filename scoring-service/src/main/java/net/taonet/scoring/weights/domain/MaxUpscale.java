package net.taonet.scoring.weights.domain;

/**
 * spec/yuma-consensus.md §10.1, bit-exact: u16 values become I32F32 (long bits, 32 fractional bits);
 * with {@code M = max(v)}: {@code M = 0} gives zeros; {@code M > 32768} computes {@code v ⊗ (65535 ⊘ M)};
 * otherwise {@code (v ⊗ 65535) ⊘ M}; then rounds half away from zero and saturates to u16. The two branches
 * exist because {@code v × 65535} overflows I32F32 when {@code v > 32768}, so the result differs in the last
 * bit between them; we reproduce both.
 */
public final class MaxUpscale {

    private static final long ONE = 1L << 32;
    private static final long HALF = 1L << 31;

    private MaxUpscale() {
    }

    public static int[] apply(int[] values) {
        int max = 0;
        for (int v : values) {
            requireU16(v);
            max = Math.max(max, v);
        }
        int[] out = new int[values.length];
        if (max == 0) {
            return out;
        }
        if (max > 32768) {
            // 65535 ⊘ M: trunc((65535·2^32)·2^32 / (M·2^32)) = trunc(65535·2^32 / M): fits in 64 bits.
            long ratio = (65535L << 32) / max;
            for (int i = 0; i < values.length; i++) {
                // v ⊗ ratio: floor((v·2^32)·ratio / 2^32) = v·ratio, exact (v < 2^16, ratio < 2^33).
                out[i] = roundToU16((long) values[i] * ratio);
            }
        } else {
            for (int i = 0; i < values.length; i++) {
                // v ⊗ 65535 is exact (≤ 32768·65535 < 2^31); ⊘ M truncates: trunc(v·65535·2^32 / M).
                long numerator = (long) values[i] * 65535L;
                out[i] = roundToU16(Math.floorDiv(numerator << 32, max));
            }
        }
        return out;
    }

    /** Round half away from zero (bits are never negative here), then saturate to u16. */
    private static int roundToU16(long bits) {
        long rounded = (bits + HALF) / ONE;
        return (int) Math.min(65535, Math.max(0, rounded));
    }

    private static void requireU16(int v) {
        if (v < 0 || v > 65535) {
            throw new IllegalArgumentException("not a u16: " + v);
        }
    }
}
