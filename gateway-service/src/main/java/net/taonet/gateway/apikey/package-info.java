/**
 * API keys for app builders: issued by the admin, stored hashed, each with a rate limit (token bucket)
 * and a monthly quota. Invariant: the plaintext of a key exists only in the answer that created it.
 */
package net.taonet.gateway.apikey;
