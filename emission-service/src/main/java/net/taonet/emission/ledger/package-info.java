/**
 * The books of the TAO ledger (spec/protocol.md §1, §7): accounts, the double-entry journal, balances and
 * stake positions.
 *
 * <p>Accounts: the system accounts {@code issuance} (the mint's counter-account; {@code -balance} is all
 * rao ever minted), {@code recycled} (every recycled rao), {@code lock:<netuid>} (a subnet's locked
 * cost); one free-balance account per coldkey ({@code free:<coldkey>}); one stake position per
 * (coldkey, hotkey, netuid) ({@code stake:<netuid>:<hotkey>:<coldkey>}). Total issuance, which drives the
 * halvings and the 21M cap, is what was minted less what was recycled: {@code -balance(issuance) -
 * balance(recycled)}, which is also the sum of every free, stake and lock balance.
 *
 * <p>Invariants, enforced here and re-checked by the audit:
 * <ul>
 *   <li>every movement is one journal transaction whose lines sum to zero (checked in code, by a
 *       statement trigger on the lines each statement inserts, and by a deferred constraint trigger at
 *       commit, which also rejects a transaction with fewer than two lines); the journal is append-only;</li>
 *   <li>an account's balance is the sum of its lines, updated in the same database transaction;</li>
 *   <li>no balance but {@code issuance} is ever negative; a free balance is 0 or at least the existential
 *       deposit (500 rao); both are also CHECK constraints;</li>
 *   <li>{@code hotkey_stake.total} is the sum of the positions on that (netuid, hotkey), and
 *       {@code subnet_stake.total} the sum of the hotkey totals of that subnet.</li>
 * </ul>
 *
 * <p>Concurrency: a posting first creates any missing account (inserts in name order), then locks every
 * account it touches in id order ({@code SELECT … ORDER BY id FOR UPDATE}), decides the movement from the
 * locked balances, and finally updates the hotkey totals in (netuid, hotkey) order and the subnet totals
 * in netuid order. Every transaction
 * takes its locks in that one global order, so concurrent commands never deadlock and never overdraw.
 * Rows other features lock (idempotency keys, charges, subnets) are always locked before any account.
 * Accounts are never deleted (a trigger forbids it) and keep their id, so the books remember name → id
 * and, when every account of a posting is known, skip the creation step and lock by primary key.
 */
package net.taonet.emission.ledger;
