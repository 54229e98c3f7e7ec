-- consensus-service: projections of other services' events (the epoch's inputs) and the epochs it ran.
-- Weight and bond rows are packed as BYTEA: 4 bytes per entry, (uid u16, value u16) big-endian, in
-- stored order. A subnet has up to 256 rows of up to 256 entries; one value per row keeps the epoch's
-- snapshot read at a few hundred rows instead of 65 536.

-- One row per subnet (registry.subnets). The epoch locks this row (FOR UPDATE SKIP LOCKED) so that only
-- one instance runs a subnet's epoch at a time; projection writers take FOR SHARE so a snapshot never
-- interleaves with a half-applied event.
CREATE TABLE subnet (
    netuid              INT          PRIMARY KEY,
    owner_hotkey        VARCHAR(64)  NOT NULL,
    owner_coldkey       VARCHAR(64),
    tempo               INT          NOT NULL,
    hyperparameters     TEXT         NOT NULL,   -- JSON of net.taonet.events.registry.Hyperparameters
    registered_at_block BIGINT       NOT NULL,
    dissolved           BOOLEAN      NOT NULL DEFAULT FALSE,
    last_epoch          BIGINT,                  -- number of the last completed epoch, NULL before the first
    last_epoch_block    BIGINT       NOT NULL DEFAULT 0   -- LastMechanismStepBlock (spec §3.1)
);

-- The UIDs of a subnet (registry.neurons) with what the previous epoch persisted for them.
CREATE TABLE neuron (
    netuid             INT          NOT NULL,
    uid                INT          NOT NULL,
    hotkey             VARCHAR(64)  NOT NULL,
    coldkey            VARCHAR(64),
    registration_block BIGINT       NOT NULL,
    validator_permit   BOOLEAN      NOT NULL DEFAULT FALSE,
    bonds              BYTEA        NOT NULL DEFAULT ''::BYTEA,
    PRIMARY KEY (netuid, uid)
);

-- Total stake per hotkey per subnet (ledger.stakes): the Yuma stake of the hotkey's UID. Kept by hotkey,
-- not by UID, because stake and registration events travel on different topics and may arrive in
-- either order.
CREATE TABLE hotkey_stake (
    netuid    INT         NOT NULL,
    hotkey    VARCHAR(64) NOT NULL,
    stake_rao BIGINT      NOT NULL,
    block     BIGINT      NOT NULL,
    PRIMARY KEY (netuid, hotkey)
);

-- A validator's weight row (scoring.weights), keyed by hotkey too: a row counts only while its hotkey
-- still holds the UID, so a row that arrives before the registration that it follows is not lost.
CREATE TABLE weight_row (
    netuid      INT         NOT NULL,
    uid         INT         NOT NULL,
    hotkey      VARCHAR(64) NOT NULL,
    entries     BYTEA       NOT NULL DEFAULT ''::BYTEA,  -- sorted by uid
    row_block   BIGINT      NOT NULL DEFAULT -1,         -- lastUpdate of the WeightsSet that wrote entries
    last_update BIGINT      NOT NULL,                    -- latest WeightsSet or WeightsCommitted block
    PRIMARY KEY (netuid, uid, hotkey)
);

-- Unrevealed commits (commit-reveal): their blocks drive the column mask of spec §6.4.
CREATE TABLE weight_commit (
    netuid       INT          NOT NULL,
    uid          INT          NOT NULL,
    hotkey       VARCHAR(64)  NOT NULL,
    commit_hash  VARCHAR(200) NOT NULL,
    commit_block BIGINT       NOT NULL,
    commit_epoch BIGINT       NOT NULL,
    PRIMARY KEY (netuid, uid, hotkey, commit_hash)
);

-- One row per epoch run: the complete input snapshot (JSON) and its SHA-256, so it can be replayed.
-- The primary key makes every (netuid, epoch) happen at most once, whatever the number of instances.
CREATE TABLE epoch (
    netuid         INT          NOT NULL,
    epoch          BIGINT       NOT NULL,
    block          BIGINT       NOT NULL,
    n              INT          NOT NULL,
    rao_emission   BIGINT       NOT NULL,
    inputs         TEXT         NOT NULL,
    inputs_hash    CHAR(64)     NOT NULL,
    computed_by    VARCHAR(200) NOT NULL,
    compute_micros BIGINT       NOT NULL,
    completed_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (netuid, epoch)
);
CREATE INDEX epoch_by_block ON epoch (netuid, block DESC);

-- The per-UID outputs of an epoch (spec §4/§5.14) and the I32F32 bits published to the ledger.
CREATE TABLE epoch_uid (
    netuid                  INT         NOT NULL,
    epoch                   BIGINT      NOT NULL,
    uid                     INT         NOT NULL,
    hotkey                  VARCHAR(64),
    active                  BOOLEAN     NOT NULL,
    stake_weight            INT         NOT NULL,
    consensus               INT         NOT NULL,
    incentive               INT         NOT NULL,
    dividends               INT         NOT NULL,
    validator_trust         INT         NOT NULL,
    validator_permit        BOOLEAN     NOT NULL,
    server_emission         BIGINT      NOT NULL,
    validator_emission      BIGINT      NOT NULL,
    emission                BIGINT      NOT NULL,
    server_emission_bits    BIGINT      NOT NULL,
    validator_emission_bits BIGINT      NOT NULL,
    bonds                   BYTEA       NOT NULL,
    PRIMARY KEY (netuid, epoch, uid),
    FOREIGN KEY (netuid, epoch) REFERENCES epoch (netuid, epoch)
);
