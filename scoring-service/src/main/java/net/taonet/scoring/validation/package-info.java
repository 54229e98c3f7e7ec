/**
 * The managed validators: sampling miners, challenges from the subnet's task type, task assignments signed
 * by the validator, results verified against the miner's hotkey, scores and their moving average, and
 * weights from the normalised averages (set directly, or committed and revealed). Organic tasks travel the
 * same way ({@code TaskBroker}).
 *
 * <p>Invariants: every task in flight is persisted with its assignment event (one transaction), so a restart
 * continues where it stopped; a task has exactly one outcome (answer, failure or timeout), the first that
 * arrives; a result counts only if signed by the hotkey the task was assigned to and received by the deadline
 * (plus a transport grace); timeouts and failures score 0; a score updates a miner's average only while the
 * UID still belongs to the hotkey that was asked (a replaced UID starts from nothing).
 */
package net.taonet.scoring.validation;
