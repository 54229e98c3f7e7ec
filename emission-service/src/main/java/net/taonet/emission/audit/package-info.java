/**
 * The audit (spec/protocol.md §7): runs the ledger's invariants over one consistent snapshot of the
 * books and answers with the figures — the sum of all journal lines (0), balances equal to the sums of
 * their lines, no negative user balance or position, the existential deposit, issuance = minted −
 * recycled = Σ free + staked + locked ≤ 21M TAO, hotkey and subnet stake totals equal to their
 * positions, every (netuid, epoch) settled at most once, and settlements minting exactly what they
 * credited. Read-only; safe to call at any time.
 */
package net.taonet.emission.audit;
