/**
 * {@code echo}: a load-test task type (SHA-256 of a nonce). It measures the network's plumbing, not useful
 * work; the answer is checked exactly.
 */
package net.taonet.sdk.builtin.echo;
