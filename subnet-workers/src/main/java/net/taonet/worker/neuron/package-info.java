/**
 * The worker's place on its subnet (its UID) and its registration. Invariants: assignments are taken only
 * while the UID is known; registration never pays more than the configured price and survives the registry
 * being down (it retries); a duplicate registry event changes nothing.
 */
package net.taonet.worker.neuron;
