/**
 * The two prices of spec/protocol.md §3 and §4: the lock cost of a new subnet and the registration price
 * (burn) of a neuron. Pure integer arithmetic, no Spring, no I/O.
 *
 * <p>Invariants: every amount is a {@code long} number of rao, computed exactly and rounded down to the
 * rao; nothing here ever uses floating-point for a result, so every service, language or machine that
 * follows the documented formulas gets the same figures.
 */
package net.taonet.registry.pricing.domain;
