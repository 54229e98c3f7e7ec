/**
 * Minting outside of emission: genesis allocations from configuration ({@code taonet.emission.genesis},
 * applied once per address at start-up) and the development faucet ({@code taonet.emission.faucet},
 * enabled only in the {@code local} profile; the endpoint does not exist otherwise).
 *
 * <p>Invariants: every mint is a journal transaction from {@code issuance} to a free balance, so the
 * books stay balanced and issuance rises by exactly what is credited; total issuance never exceeds 21M
 * TAO; a genesis allocation is applied at most once per address, whatever the number of restarts or
 * instances (primary key, in the minting transaction); a changed amount for an address already funded
 * is not applied again.
 */
package net.taonet.emission.genesis;
