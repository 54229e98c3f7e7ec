/**
 * Weights (spec/protocol.md §6): set_weights, commit and reveal, for external validators over REST and for
 * the managed validators directly. Invariants: every check runs in the order of §6 and each refusal has its
 * own problem type; a refused request changes nothing; a stored row is max-upscaled (spec
 * yuma-consensus.md §10.1) and sorted by UID; a row takes effect together with its {@code WeightsSet}
 * event (outbox, same transaction); set and commit are a UID's update for the rate limit; a commit is
 * revealed only in epoch {@code commit_epoch + reveal_period} and at most 10 are pending per hotkey.
 */
package net.taonet.scoring.weights;
