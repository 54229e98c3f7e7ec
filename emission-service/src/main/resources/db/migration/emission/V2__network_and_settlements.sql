-- What the ledger knows about the network, projected from the registry's events.
CREATE TABLE subnet (
    netuid               INT         PRIMARY KEY,
    owner_coldkey        VARCHAR(64) NOT NULL,
    owner_hotkey         VARCHAR(64) NOT NULL,
    registration_allowed BOOLEAN     NOT NULL,
    tempo                INT         NOT NULL,
    registered_at_block  BIGINT      NOT NULL,
    dissolved            BOOLEAN     NOT NULL DEFAULT FALSE,
    -- block of the subnet's first completed epoch, then of its last settled one: accrual starts here
    accrual_from_block   BIGINT,
    last_settled_epoch   BIGINT
);

-- Which hotkey holds which UID now.
CREATE TABLE neuron (
    netuid             INT         NOT NULL,
    uid                INT         NOT NULL,
    hotkey             VARCHAR(64) NOT NULL,
    registration_block BIGINT      NOT NULL,
    PRIMARY KEY (netuid, uid)
);
CREATE INDEX neuron_by_hotkey ON neuron (hotkey, netuid);

-- A hotkey belongs to the first coldkey that registered it, for ever (spec §4).
CREATE TABLE hotkey_owner (
    hotkey  VARCHAR(64) PRIMARY KEY,
    coldkey VARCHAR(64) NOT NULL
);
CREATE INDEX hotkey_owner_by_coldkey ON hotkey_owner (coldkey);

-- EpochCompleted events received and not yet settled (waiting for their turn or for the projections).
CREATE TABLE epoch_inbox (
    netuid      INT         NOT NULL,
    epoch       BIGINT      NOT NULL,
    block       BIGINT      NOT NULL,
    event_id    UUID        NOT NULL,
    payload     TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    attempts    INT         NOT NULL DEFAULT 0,
    last_reason VARCHAR(500),
    PRIMARY KEY (netuid, epoch)
);

-- Every (netuid, epoch) is settled at most once.
CREATE TABLE settlement (
    netuid         INT         NOT NULL,
    epoch          BIGINT      NOT NULL,
    block          BIGINT      NOT NULL,
    blocks_accrued BIGINT      NOT NULL CHECK (blocks_accrued >= 0),
    block_emission BIGINT      NOT NULL CHECK (block_emission >= 0),
    share_num      NUMERIC     NOT NULL,
    share_den      NUMERIC     NOT NULL,
    accrued_rao    BIGINT      NOT NULL CHECK (accrued_rao >= 0),
    owner_cut_rao  BIGINT      NOT NULL CHECK (owner_cut_rao >= 0),
    rao_emission   BIGINT      NOT NULL CHECK (rao_emission >= 0),
    paid_rao       BIGINT      NOT NULL CHECK (paid_rao >= 0 AND paid_rao <= rao_emission),
    journal_tx     BIGINT      REFERENCES journal_tx (id),
    settled_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (netuid, epoch)
);
