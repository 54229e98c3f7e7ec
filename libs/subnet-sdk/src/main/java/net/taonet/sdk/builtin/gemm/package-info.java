/**
 * {@code gemm}: verifiable float32 matrix multiplication. Invariants: A and B are a pure function of
 * (seed, m, n, k) through {@link net.taonet.sdk.builtin.gemm.SplitMix64}, bit-identical everywhere; results
 * stay under Kafka's 1 MB message limit ({@link net.taonet.sdk.builtin.gemm.GemmChallenge#MAX_RESULT_FLOATS});
 * the validator never recomputes the product, it checks it with Freivalds in O(n²).
 */
package net.taonet.sdk.builtin.gemm;
