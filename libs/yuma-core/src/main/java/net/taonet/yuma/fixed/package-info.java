/**
 * The fixed-point formats of substrate-fixed v0.6.0 that the epoch uses: {@link
 * net.taonet.yuma.fixed.I32F32} (almost everything), {@link net.taonet.yuma.fixed.I64F64} (stake
 * normalisation, the bonds moving average), {@link net.taonet.yuma.fixed.I96F32} (rao amounts),
 * and the library's Taylor-series {@link net.taonet.yuma.fixed.FixedExp exp}.
 *
 * <p>Invariants: results are bit-identical to the Rust library — products floor, quotients
 * truncate toward zero, "safe" division yields 0 on a zero divisor or overflow, saturating
 * operations clamp; I32F32 is carried as raw {@code long} bits so the O(n²) loops never box or
 * allocate. Helpers are stateless static functions.
 */
package net.taonet.yuma.fixed;
