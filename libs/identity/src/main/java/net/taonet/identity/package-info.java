/**
 * Keys and addresses (ed25519, SS58 prefix 42) and signed requests (DESIGN §6). No Spring.
 * Invariants: the canonical string of a request is defined once, in {@link net.taonet.identity.SignedRequests};
 * a verifier records a signer's nonce only after the signature and freshness checks passed, and only if it is
 * strictly greater than the last one ({@link net.taonet.identity.NonceStore}).
 */
package net.taonet.identity;
