/**
 * Neurons (spec/protocol.md §4): registration at the registration price, UID assignment and replacement by
 * the prune rule, hotkey ownership, serving metadata, and what the ledger tells about emission and stake.
 *
 * <p>Invariants: registrations on a subnet happen one at a time under the subnet's row lock (price, UID and
 * replacement are decided there, and the price bump of one registration is seen by the next); a UID is never
 * held twice and never beyond {@code max_allowed_uids} (primary key and unique (netuid, hotkey) besides);
 * a hotkey belongs to the first coldkey that registered it, everywhere; the owner's UID is never replaced;
 * a replacement clears the slot's serving metadata and last emission and sets its registration block.
 */
package net.taonet.registry.neuron.domain;
