/**
 * The ledger's internal charges over HTTP: a typed {@code @HttpExchange} interface on a {@code RestClient},
 * guarded by Resilience4j. Every attempt has a time limit; a timeout, an I/O error or a 5xx is retried with
 * the same request id (the ledger applies a request id once, so a retry can never charge twice); a 4xx is a
 * definite answer and is never retried; the circuit breaker counts only the failures that say the ledger is
 * unwell, and while it is open calls fail at once as "unavailable".
 */
package net.taonet.registry.charge.client;
