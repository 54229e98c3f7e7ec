/**
 * Transfers of free TAO between coldkeys (spec/protocol.md §5): signed by the sender, no fees.
 *
 * <p>Rules, checked before anything moves: the amount is positive; sender and recipient are valid SS58
 * addresses and differ; the sender holds the amount; both free balances keep the existential deposit
 * (0 or at least 500 rao afterwards). One journal transaction of two lines per transfer.
 */
package net.taonet.emission.transfer;
