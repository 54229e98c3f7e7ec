package net.taonet.gateway.metagraph;

import tools.jackson.databind.JsonNode;

/**
 * One UID of a subnet's metagraph, the way Bittensor users know it. u16 proportions stay u16
 * (value/65535); stake and emission are rao. {@code emissionRao} is what the UID earned in the last settled
 * epoch (miner incentive plus validator dividends) when the ledger has settled one, else the consensus
 * share of that epoch's nominal emission.
 */
public record MetagraphEntry(
        int uid,
        String hotkey,
        String coldkey,
        long stakeRao,
        int incentive,
        int dividends,
        int consensus,
        int validatorTrust,
        int stakeWeight,
        long emissionRao,
        boolean validatorPermit,
        boolean active,
        Long lastUpdate,
        Long registrationBlock,
        JsonNode serving) {
}
