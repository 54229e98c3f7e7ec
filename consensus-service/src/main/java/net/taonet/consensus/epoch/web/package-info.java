/**
 * The read API of epochs (docs/contracts.md: {@code /api/v1/subnets/{netuid}/epochs/**} and
 * {@code /consensus}) and the replay endpoint. Read-only: a replay computes but never writes.
 */
package net.taonet.consensus.epoch.web;
