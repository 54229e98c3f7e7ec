/**
 * Epochs: when a subnet's epoch is due (DESIGN §3), the snapshot of its projections, the run of yuma-core
 * on it, and the record of inputs and outputs, replayable from the stored snapshot.
 *
 * <p>Invariants: each (netuid, epoch) runs at most once, whatever the number of instances and however a
 * run ends: the subnet row is locked (FOR UPDATE SKIP LOCKED) for the whole run, and the snapshot, the
 * outputs, the bonds and permits for the next epoch, the subnet's last epoch and the
 * {@code EpochCompleted} event (through the outbox) commit in one transaction keyed by (netuid, epoch).
 * The stored snapshot is exactly what the engine read, so a replay reproduces the stored outputs bit for
 * bit; its SHA-256 is checked before a replay.
 */
package net.taonet.consensus.epoch.domain;
