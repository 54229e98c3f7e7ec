/**
 * Organic dispatch, what the gateway calls: an app's request for a subnet's task type goes to one miner,
 * picked with probability proportional to its incentive in the latest epoch (uniformly among the subnet's
 * miners before the first epoch), and to the next one when it times out, fails or is busy. Resilience4j:
 * a time limiter per attempt, a retry bounded by the request's own time budget, and a circuit breaker per
 * miner so a dead miner stops being tried. Answers travel as signed {@code TaskCompleted} like validator
 * tasks and are scored by the task type's scorer where it scores answers on their own.
 *
 * <p>Invariants: the requester gets at most one answer, always one whose signature matches the miner it
 * was assigned to; an attempt never outlives the request's deadline; chunks streamed from one miner are
 * never followed by another miner's answer.
 */
package net.taonet.scoring.dispatch;
