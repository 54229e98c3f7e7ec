/**
 * The consuming side of events: envelope parsing and the idempotent consumer. Invariant: an event's
 * effect and the record of its id commit together, so every event has one effect however often it is
 * delivered.
 */
package net.taonet.platform.inbox;
