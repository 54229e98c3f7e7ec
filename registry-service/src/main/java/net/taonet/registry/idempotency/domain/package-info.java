/**
 * Idempotency keys of the paying requests (subnet creation, registration): the same signer and
 * {@code Idempotency-Key} with the same request gets the first answer again and changes nothing; with a
 * different request it is a 409. Invariant: the answer is stored in the transaction of the change it
 * describes, so an answer exists exactly when the change does.
 */
package net.taonet.registry.idempotency.domain;
