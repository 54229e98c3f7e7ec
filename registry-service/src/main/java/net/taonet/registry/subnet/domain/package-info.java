/**
 * Subnets (spec/protocol.md §3, §8): creation against the lock cost, identity, hyperparameters and who may
 * change them.
 *
 * <p>Invariants: creations are decided one at a time under the lock of the single {@code network_state} row
 * (lock cost, rate limit, subnet limit, lowest free netuid); a subnet and its owner's UID 0 commit together
 * with the paid lock and {@code SubnetRegistered}; every hyperparameter change is checked by
 * {@link net.taonet.registry.subnet.domain.HyperparameterRules} under the subnet's row lock and publishes the
 * full set in {@code SubnetHyperparametersChanged}. A change of a registration-price setting first fixes the
 * price decayed so far, so the new setting never applies retroactively.
 */
package net.taonet.registry.subnet.domain;
