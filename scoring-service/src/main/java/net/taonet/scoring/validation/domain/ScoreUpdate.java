package net.taonet.scoring.validation.domain;

/** One score in [0, 1] for a miner, from one validator. */
public record ScoreUpdate(String validatorHotkey, int netuid, int uid, String minerHotkey, double score,
        boolean organic) {
}
