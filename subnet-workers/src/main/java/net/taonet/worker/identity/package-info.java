/**
 * The worker's keys. Invariants: the hotkey is loaded once at start-up (wallet first, then a hex seed) and
 * signs every result; the coldkey is unlocked only to pay for a registration.
 */
package net.taonet.worker.identity;
