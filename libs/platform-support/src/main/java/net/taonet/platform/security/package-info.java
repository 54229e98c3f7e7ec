/**
 * Signed requests on the server side (DESIGN §6): {@link net.taonet.platform.security.SignedRequest} endpoints
 * get their signature verified before the controller runs and receive a
 * {@link net.taonet.platform.security.VerifiedSigner}; plus a client interceptor that signs outgoing calls.
 * Invariants: a missing, bad, stale or replayed signature is a 401 problem detail and the controller never
 * runs; a handler that asks for a VerifiedSigner is verified even without the annotation; each signer's
 * nonce is recorded atomically in the service's database, only after the signature and freshness checks.
 */
package net.taonet.platform.security;
