package net.taonet.sdk.builtin.gemm;

/**
 * The PRNG both sides use to derive a gemm challenge's matrices from its seed: SplitMix64 (Steele, Lea and
 * Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014; the {@code java.util.SplittableRandom}
 * mixer). Written out here, not borrowed from the JDK, because the exact bits are part of the protocol.
 *
 * <pre>
 * GAMMA = 0x9E3779B97F4A7C15
 * mix(z):  z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9
 *          z = (z ^ (z >>> 27)) * 0x94D049BB133111EB
 *          return z ^ (z >>> 31)
 * output i (i = 0, 1, 2, ...) of the stream seeded with s:  mix(s + (i + 1) * GAMMA)      (mod 2^64)
 * float i:  ((output i) >>> 40) * 2^-23 - 1                                              in [-1, 1)
 * </pre>
 *
 * The float uses the top 24 bits, so every value is exactly representable in float32 and the same in every
 * language. Because output i depends only on (s, i), any element can be computed on its own: matrices are
 * generated in parallel (or on a GPU) with bit-identical results.
 */
public final class SplitMix64 {

    public static final long GAMMA = 0x9E3779B97F4A7C15L;

    private long state;

    public SplitMix64(long seed) {
        this.state = seed;
    }

    /** The next 64-bit output (output 0 first). */
    public long nextLong() {
        state += GAMMA;
        return mix(state);
    }

    /** The next float in [-1, 1). */
    public float nextFloat() {
        return toFloat(nextLong());
    }

    /** Output {@code index} of the stream seeded with {@code seed}, without walking the stream. */
    public static long output(long seed, long index) {
        return mix(seed + (index + 1) * GAMMA);
    }

    /** Float {@code index} of the stream seeded with {@code seed}. */
    public static float floatAt(long seed, long index) {
        return toFloat(output(seed, index));
    }

    /** The top 24 bits as a float in [-1, 1), exactly representable. */
    public static float toFloat(long bits) {
        return (bits >>> 40) * 0x1.0p-23f - 1.0f;
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
