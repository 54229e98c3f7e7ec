-- What each UID of a settled epoch received (the metagraph's per-UID emission): one row per UID the
-- EpochCompleted listed, written in the settlement's transaction. Epochs settled before this table
-- existed have no rows.
CREATE TABLE settlement_payout (
    netuid        INT         NOT NULL,
    epoch         BIGINT      NOT NULL,
    uid           INT         NOT NULL,
    hotkey        VARCHAR(64),
    miner_rao     BIGINT      NOT NULL CHECK (miner_rao >= 0),
    validator_rao BIGINT      NOT NULL CHECK (validator_rao >= 0),
    PRIMARY KEY (netuid, epoch, uid),
    FOREIGN KEY (netuid, epoch) REFERENCES settlement (netuid, epoch)
);
