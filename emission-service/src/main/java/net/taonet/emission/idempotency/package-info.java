/**
 * Idempotent commands (spec/protocol.md §7). Every state-changing command carries a key (the
 * {@code Idempotency-Key} header, or the registry's request id); the key is recorded in the same
 * database transaction as the command's effect, together with a fingerprint of the request and the answer.
 *
 * <p>Invariants: the same key and the same request has one effect and gets the first answer again; the
 * same key with a different request is a 409 {@code idempotency-key-reused}. A command that failed
 * changed nothing and recorded nothing, so its key may be retried. Two concurrent requests with one key
 * serialise on the key's primary-key row: the second waits and then replays the first's answer.
 */
package net.taonet.emission.idempotency;
