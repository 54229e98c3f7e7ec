/**
 * The Yuma Consensus epoch of one subnet mechanism, bit-exact with subtensor's production epoch
 * (spec {@code yuma-consensus.md}). {@link net.taonet.yuma.Yuma#epoch} is the entry point; it takes
 * an {@link net.taonet.yuma.EpochInput} and {@link net.taonet.yuma.Hyperparameters} and returns an
 * {@link net.taonet.yuma.EpochOutput}.
 *
 * <p>Invariants: every input and output type is immutable (vectors copy on the way in and out, or
 * expose read-only accessors); the engine is a pure function with no static mutable state, so
 * epochs may run concurrently; u64 quantities travel as unsigned bits in {@code long}; fixed-point
 * values travel as their raw bits (see {@link net.taonet.yuma.fixed}). No Spring, no I/O.
 */
package net.taonet.yuma;
