/**
 * The transactional outbox, the one way every service publishes events. Invariants: an event row is
 * written in the same transaction as the state change; the relay sends rows in commit order under a
 * per-database lock and deletes them only after the broker's acknowledgement (at-least-once).
 */
package net.taonet.platform.outbox;
