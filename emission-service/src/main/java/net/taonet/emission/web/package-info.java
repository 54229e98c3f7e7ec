/**
 * Web glue shared by the ledger's controllers: address validation, the idempotency header, and the
 * service-key check of {@code /internal/**}. Invariant: bad input is a 4xx problem detail before any
 * command runs.
 */
package net.taonet.emission.web;
