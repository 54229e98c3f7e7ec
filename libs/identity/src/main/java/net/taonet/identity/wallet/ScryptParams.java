package net.taonet.identity.wallet;

/**
 * scrypt cost parameters for new coldkeys. Each coldkey file records its own parameters, so files
 * written with any setting stay readable. {@link #DEFAULT}: N = 2^15, r = 8, p = 1 (32 MiB, about 0.1 s).
 */
public record ScryptParams(int n, int r, int p) {

    public static final ScryptParams DEFAULT = new ScryptParams(1 << 15, 8, 1);
    /** Cheap parameters for tests only: never for keys that guard anything. */
    public static final ScryptParams FAST_FOR_TESTS = new ScryptParams(1 << 10, 8, 1);

    public ScryptParams {
        if (n < 2 || (n & (n - 1)) != 0 || n > (1 << 22)) {
            throw new IllegalArgumentException("scrypt N must be a power of two between 2 and 2^22");
        }
        if (r < 1 || r > 32 || p < 1 || p > 16) {
            throw new IllegalArgumentException("scrypt r must be 1..32 and p 1..16");
        }
    }
}
