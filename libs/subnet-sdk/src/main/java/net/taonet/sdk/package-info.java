/**
 * The task-type SPI shared by validators (challenge, score) and workers (execute). No Spring, no I/O of its
 * own: a task type is three pure roles over JSON text, found with {@link java.util.ServiceLoader}.
 * Invariants: scores are in [0, 1]; a challenge's randomness comes only from its context, so it can be
 * replayed; handlers are thread-safe.
 */
package net.taonet.sdk;
