-- The producer's own state: every stake change it accepted.
CREATE TABLE stake_change (
    id      BIGSERIAL PRIMARY KEY,
    hotkey  VARCHAR(64) NOT NULL,
    delta   BIGINT      NOT NULL
);
