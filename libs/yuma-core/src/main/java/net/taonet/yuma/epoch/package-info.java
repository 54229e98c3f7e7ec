/**
 * The epoch itself: {@link net.taonet.yuma.epoch.SparseEpoch} (production, normative) and {@link
 * net.taonet.yuma.epoch.DenseEpoch} (subtensor's test-only variant, spec §9), with one method per
 * step of spec §5 named after it, and {@link net.taonet.yuma.epoch.YumaMath}, the helpers of
 * subtensor's {@code math.rs} that {@code unit_math.json} pins.
 *
 * <p>Invariants: each run owns its working arrays (an instance per call, nothing static and
 * mutable); entry order of sparse rows is preserved wherever subtensor's is observable (liquid
 * alpha's merge lookup, stored Yuma3 bond rows); no step uses floating point.
 */
package net.taonet.yuma.epoch;
