/**
 * The metagraph: per subnet and UID, who holds it and what consensus and the ledger say of it, composed
 * from registry, ledger and consensus. Invariant: the gateway owns none of this data; it only composes
 * and caches (per epoch, briefly) what the owning services answer.
 */
package net.taonet.gateway.metagraph;
