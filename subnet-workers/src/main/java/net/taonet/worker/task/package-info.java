/**
 * Task execution: the assignments addressed to this worker's (netuid, uid), read from the partition of its key,
 * are verified (validator signature, addressing, deadline), executed with bounded concurrency by the task
 * types' handlers, and answered with hotkey-signed {@code TaskCompleted}/{@code TaskFailed} on
 * {@code tasks.results}. Invariants: a forged, misaddressed or expired assignment gets no answer; late work is
 * never sent; a full queue answers {@code busy} at once.
 */
package net.taonet.worker.task;
