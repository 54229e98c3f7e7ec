/**
 * Paying through the ledger: the registry's record of every charge it asks the ledger for, the payment
 * step of the paying flows (subnet creation, neuron registration), and the reconciliation of charges a
 * dead flow left behind.
 *
 * <p>Invariants:
 * <ul>
 *   <li>A charge row is committed (PENDING) before the ledger is called, under a fresh request id that every
 *       retry reuses, so the ledger applies it at most once.</li>
 *   <li>What was paid for commits in the same transaction that marks the charge COMPLETED, and only if the row
 *       is still PENDING; the reconciliation refunds a row only while it is still PENDING after the grace
 *       period. The two conditional updates on one row decide who wins: no TAO is kept without a
 *       registration, and no registration exists without its charge.</li>
 *   <li>A definite refusal by the ledger (a 4xx: nothing was charged) marks the row FAILED; an unknown outcome
 *       (timeout, 5xx, ledger down, open circuit) leaves it PENDING for the reconciliation.</li>
 * </ul>
 */
package net.taonet.registry.charge.domain;
