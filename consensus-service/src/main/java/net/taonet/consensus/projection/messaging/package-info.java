/**
 * Kafka listeners that feed the projections: one per input topic, each record applied through the
 * idempotent consumer (effect and event id in one transaction). Records are keyed by netuid, so each
 * subnet's events of one topic arrive in order; unknown event types on these topics are skipped.
 */
package net.taonet.consensus.projection.messaging;
