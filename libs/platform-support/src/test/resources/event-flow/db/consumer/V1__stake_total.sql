-- The consumer's projection: the total stake per hotkey, built from StakeChanged events.
CREATE TABLE stake_total (
    hotkey  VARCHAR(64) PRIMARY KEY,
    total   BIGINT      NOT NULL,
    events  INT         NOT NULL
);
