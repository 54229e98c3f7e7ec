/**
 * Projections of other services' events into exactly the inputs of one epoch (spec/yuma-consensus.md §3):
 * subnets and their hyperparameters, UIDs with hotkeys and registration blocks, stake per hotkey, weight
 * rows with their last update, unrevealed commits, and the bonds and permits the previous epoch left.
 *
 * <p>Invariants: every write is idempotent under redelivery (the caller records the event id in the
 * same transaction) and tolerant of the order between topics (stake and weights are keyed by hotkey and
 * count only while that hotkey holds the UID; weight rows never go back to an older last update). A
 * replaced UID loses its weight row, bonds and permit, and every other row's weight on it becomes 0
 * (spec §8.4). Writers take a share lock on the subnet row, the epoch an exclusive one, so a snapshot
 * never sees half an event.
 */
package net.taonet.consensus.projection.domain;
