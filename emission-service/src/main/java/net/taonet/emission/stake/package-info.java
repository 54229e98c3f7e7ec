/**
 * Staking (spec/protocol.md §5): add_stake moves free balance into the position (coldkey, hotkey,
 * netuid); remove_stake moves it back; the delegate take of a hotkey.
 *
 * <p>Rules, checked before anything moves (a refusal is a 4xx problem and changes nothing): amounts are
 * positive; add_stake is at least 0.002 TAO and needs a hotkey that holds a UID on a live subnet;
 * remove_stake leaves 0 or at least 0.002 TAO in the position; the free balance keeps the existential
 * deposit (0 or at least 500 rao) on both sides; only the coldkey that signed may move its funds.
 *
 * <p>Take: a hotkey's share of its validator dividends, u16 in 0..11,796 (0–18 %), default 11,796. Only
 * the hotkey's owning coldkey sets it; a decrease is allowed any time, an increase only when
 * {@code take-increase-rate-limit-blocks} (216,000) blocks have passed since the last change.
 *
 * <p>Every change of a position publishes {@code StakeChanged} through the outbox, in the same
 * transaction, with the hotkey's new total on the subnet (its Yuma stake); the total comes from the
 * locked {@code hotkey_stake} row, so the events of one hotkey carry totals in commit order.
 */
package net.taonet.emission.stake;
