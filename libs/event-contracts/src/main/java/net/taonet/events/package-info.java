/**
 * The events that cross service boundaries (DESIGN §5): payload records, their stable names and
 * versions ({@link net.taonet.events.EventCatalog}), topics, envelope headers and the JSON codec.
 * Invariants: an event name never changes meaning; additive optional fields keep the version; anything
 * else is a new version published beside the old one. No Spring here.
 */
package net.taonet.events;
