/**
 * Charges the registry makes on a coldkey's free balance (docs/contracts.md, spec/protocol.md §3, §4):
 * {@code LOCK} moves a subnet's lock cost to {@code lock:<netuid>}; {@code BURN} recycles a registration
 * price (moves it to {@code recycled}, which lowers total issuance); a refund reverses either exactly once.
 *
 * <p>Invariants: one charge per request id — the same id and body get the first answer, the same id with
 * a different body is a 409; a refused charge (insufficient balance, existential deposit) changes nothing
 * and records nothing; a refund moves the charged amount back once (a second refund answers the refunded
 * charge again); a lock already returned by the subnet's dissolution is marked refunded and moves nothing
 * more. Only callers presenting the service key reach these endpoints.
 */
package net.taonet.emission.charge;
