/**
 * The scoring-service's own view of the network, projected from other services' events: subnets and their
 * hyperparameters and task types (registry), neurons (registry), stakes (ledger), and the latest epoch's
 * permits and incentive (consensus). Weights are checked against it; validators pick miners from it.
 * Invariants: every event has one effect however often it is delivered; an older epoch never overwrites a
 * newer one; a replaced UID keeps nothing of its previous hotkey (weights, last update, scores, commits).
 */
package net.taonet.scoring.metagraph;
