/**
 * The block clock (DESIGN §3): a height derived from genesis and block time, the same in every service,
 * a manual clock for tests, and the stateless epoch schedule. Invariant: all services agree on the
 * height at any instant because none of them stores it.
 */
package net.taonet.platform.chain;
