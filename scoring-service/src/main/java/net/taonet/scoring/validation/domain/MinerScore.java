package net.taonet.scoring.validation.domain;

/** A validator's view of one miner: the moving average of its scores and how many it has. */
public record MinerScore(String validatorHotkey, int netuid, int uid, String minerHotkey, double ema,
        double lastScore, long samples, long organicSamples) {
}
