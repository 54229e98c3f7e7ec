/**
 * Spring glue shared by the services (DESIGN §1): the block clock, problem details, the outbox and the
 * idempotent consumer, dead letters and topics. Each service gets it by depending on this module.
 */
package net.taonet.platform;
