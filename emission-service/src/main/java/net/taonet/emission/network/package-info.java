/**
 * What the ledger knows about the network, projected from the registry's events
 * ({@code registry.subnets}: SubnetRegistered, SubnetHyperparametersChanged, SubnetDissolved;
 * {@code registry.neurons}: NeuronRegistered, NeuronReplaced): each subnet's owner coldkey and hotkey,
 * whether registration is allowed, which hotkey holds which UID, and which coldkey owns each hotkey.
 *
 * <p>Invariants: every event takes effect once (the idempotent consumer records its id in the same
 * transaction); a hotkey belongs to the first coldkey seen registering it, for ever; a re-delivered or
 * older SubnetRegistered never resets a live subnet. Dissolving a subnet returns its lock to the owner,
 * returns every stake position on it to its coldkey's free balance (a remainder that would leave a free
 * balance below the existential deposit is recycled instead), forgets its neurons, and marks its lock
 * charges refunded — all in the transaction that records the event.
 */
package net.taonet.emission.network;
