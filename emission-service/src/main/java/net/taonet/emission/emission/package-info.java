/**
 * Emission and epoch payouts (spec/protocol.md §2, spec/yuma-consensus.md §5.13).
 *
 * <p><b>Block emission</b> = ⌊10⁹ rao × 2<sup>−k</sup>⌋ with k the largest integer such that
 * 2<sup>k</sup> × (21M TAO − issuance) ≤ 21M TAO (that is k = ⌊log₂(1 / (1 − issuance / 21M))⌋,
 * computed in integers), where issuance = minted − recycled; 0 once issuance reaches 21M TAO.
 *
 * <p><b>Which subnets earn, and from when.</b> A subnet earns while it is registered, not dissolved, has
 * registration allowed, and has completed at least one epoch. Its accrual starts at the block of its
 * first completed epoch: the settlement of that first {@code EpochCompleted} pays nothing
 * ({@code blocksAccrued = 0}) and only starts the clock. Every later settlement covers
 * {@code blocks = epochBlock − previous settled epoch block}; a missed epoch therefore delays payment
 * but loses nothing. A subnet that does not earn at the moment of a settlement (registration switched
 * off) gets nothing for the blocks that settlement covers, and its clock moves on.
 *
 * <p><b>Split between subnets</b>, evaluated at settlement (not block by block): the share of a subnet
 * is {@code num/den} from the configured {@link net.taonet.emission.emission.domain.SplitPolicy}.
 * {@code stake} (default): the TAO staked on the subnet (the sum of its hotkey totals) over the TAO staked
 * on all earning subnets, read when the settlement runs; while no earning subnet has any stake it falls
 * back to an equal split so a young network still emits. {@code equal}: 1 / (number of earning subnets).
 * accrued = ⌊blocks × blockEmission × num / den⌋, clamped so issuance never exceeds 21M TAO.
 *
 * <p><b>Payout</b> of one (netuid, epoch), in one database transaction: owner cut =
 * ⌊accrued × 11,796 / 65,535⌋ to the stake position (owner coldkey, owner hotkey, netuid); rao_emission =
 * accrued − owner cut; each UID's miner and validator rao = ⌊bits × rao_emission / 2³²⌋ (I96F32 product,
 * floored, clamped at 0); miner rao goes to the position (hotkey's coldkey, hotkey, netuid); validator
 * rao: the hotkey's take ⌊v × take / 65,535⌋ to the hotkey owner's position, the rest pro rata over every
 * position on that hotkey in that subnet by its stake at settlement (before this payout; owner
 * included), with largest-remainder rounding (ties: the lower account name) so the parts add up to the
 * rest to the rao; with no stake on the hotkey the rest also goes to the owner's position. Rounding dust
 * (rao_emission − what the UIDs got) is not minted.
 *
 * <p>Invariants: every (netuid, epoch) is settled at most once (primary key, and the subnet row is
 * locked while settling); issuance rises by exactly what is credited; {@code EpochSettled} and one
 * {@code StakeChanged} per credited hotkey (with its new total) are written to the outbox in the same
 * transaction. An {@code EpochCompleted} that names a hotkey whose owner the ledger has not learnt yet
 * (the registry's events may lag) waits in {@code epoch_inbox} and is retried; epochs of one subnet are
 * settled in epoch order.
 */
package net.taonet.emission.emission;
