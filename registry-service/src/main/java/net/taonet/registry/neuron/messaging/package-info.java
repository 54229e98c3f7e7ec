/**
 * The ledger's events the registry consumes: {@code EpochSettled} (each UID's emission in the last settled
 * epoch, the prune rule's measure) and {@code StakeChanged} (stake shown with the neurons). Idempotent: the
 * event id is recorded in the transaction of the effect.
 */
package net.taonet.registry.neuron.messaging;
