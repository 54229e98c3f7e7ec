/**
 * The commands that talk to a running network through its gateway: subnets, registration, staking,
 * transfers, balances, takes, weights, the metagraph and epochs. Invariants: every state change is signed by
 * the key that owns it (coldkey for funds, subnets and registrations; hotkey for weights) and carries an
 * {@code Idempotency-Key}; amounts are typed and printed in TAO and sent in rao, exactly; answers are read
 * tolerantly, so a server adding fields never breaks a command; {@code --json} prints the network's own answer.
 */
package net.taonet.cli.network;
