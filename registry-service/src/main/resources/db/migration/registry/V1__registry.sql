-- registry-service: subnets, neurons, registration price state, pending ledger charges.

-- Network-wide state of subnet creation (spec/protocol.md §3): one row, locked by every creation so that
-- the lock cost, the rate limit and the netuid are decided one creation at a time.
CREATE TABLE network_state (
    id                  SMALLINT PRIMARY KEY CHECK (id = 1),
    last_lock_rao       BIGINT NOT NULL DEFAULT 0 CHECK (last_lock_rao >= 0),
    last_creation_block BIGINT                      -- null until the first subnet
);
INSERT INTO network_state (id) VALUES (1);

CREATE TABLE subnet (
    netuid              INT          PRIMARY KEY CHECK (netuid BETWEEN 1 AND 65535),
    owner_coldkey       VARCHAR(64)  NOT NULL,
    owner_hotkey        VARCHAR(64)  NOT NULL,
    task_type           VARCHAR(64)  NOT NULL,
    name                VARCHAR(256) NOT NULL,
    description         TEXT,
    url                 VARCHAR(512),
    contact             VARCHAR(256),
    hyperparameters     TEXT         NOT NULL,      -- JSON of net.taonet.events.registry.Hyperparameters
    lock_rao            BIGINT       NOT NULL CHECK (lock_rao >= 0),
    lock_request_id     UUID         NOT NULL UNIQUE,
    registered_at_block BIGINT       NOT NULL,
    -- the registration price: burn_rao was set at burn_block (creation or last registration); it decays lazily
    burn_rao            BIGINT       NOT NULL CHECK (burn_rao >= 0),
    burn_block          BIGINT       NOT NULL,
    last_settled_epoch  BIGINT,                      -- the epoch whose emission the neurons' emission_rao holds
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- A hotkey belongs to the first coldkey that registers it (spec/protocol.md §4), on every subnet.
CREATE TABLE hotkey_owner (
    hotkey      VARCHAR(64) PRIMARY KEY,
    coldkey     VARCHAR(64) NOT NULL,
    first_block BIGINT      NOT NULL
);

CREATE TABLE neuron (
    netuid              INT         NOT NULL REFERENCES subnet (netuid),
    uid                 INT         NOT NULL CHECK (uid BETWEEN 0 AND 65535),
    hotkey              VARCHAR(64) NOT NULL,
    coldkey             VARCHAR(64) NOT NULL,
    registered_at_block BIGINT      NOT NULL,
    burn_rao            BIGINT      NOT NULL DEFAULT 0,
    emission_rao        BIGINT      NOT NULL DEFAULT 0,   -- miner + validator rao of the last settled epoch
    PRIMARY KEY (netuid, uid),
    UNIQUE (netuid, hotkey)
);
CREATE INDEX neuron_hotkey ON neuron (hotkey);

-- A neuron's serving metadata (like Bittensor's axon info); cleared when its UID is replaced.
CREATE TABLE serving (
    netuid           INT          NOT NULL,
    uid              INT          NOT NULL,
    hotkey           VARCHAR(64)  NOT NULL,
    accelerator      VARCHAR(256),
    memory_mib       BIGINT,
    task_types       TEXT         NOT NULL,          -- JSON list of {name, version, backend}
    software_version VARCHAR(64),
    endpoint         VARCHAR(512),
    served_at_block  BIGINT       NOT NULL,
    PRIMARY KEY (netuid, uid),
    FOREIGN KEY (netuid, uid) REFERENCES neuron (netuid, uid)
);

-- When an owner last changed each hyperparameter (the once-per-two-tempos rule of spec/protocol.md §8).
CREATE TABLE hyperparameter_change (
    netuid      INT          NOT NULL REFERENCES subnet (netuid),
    name        VARCHAR(64)  NOT NULL,
    owner_block BIGINT       NOT NULL,
    PRIMARY KEY (netuid, name)
);

-- Every charge asked of the ledger, written and committed BEFORE the ledger is called: if this service
-- dies between the charge and the commit of what was paid for, the reconciliation finds the row still
-- PENDING after a grace period and refunds it. COMPLETED is set in the transaction of the registration.
CREATE TABLE ledger_charge (
    request_id UUID         PRIMARY KEY,
    kind       VARCHAR(8)   NOT NULL CHECK (kind IN ('LOCK', 'BURN')),
    coldkey    VARCHAR(64)  NOT NULL,
    netuid     INT          NOT NULL,
    hotkey     VARCHAR(64)  NOT NULL,
    amount_rao BIGINT       NOT NULL CHECK (amount_rao >= 0),
    state      VARCHAR(16)  NOT NULL CHECK (state IN ('PENDING', 'COMPLETED', 'FAILED', 'REFUNDED', 'ABANDONED')),
    detail     TEXT,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX ledger_charge_pending ON ledger_charge (created_at) WHERE state = 'PENDING';

-- Answers of paying requests by (signer, Idempotency-Key): the same key again gets the first answer.
CREATE TABLE idempotent_answer (
    signer       VARCHAR(64)  NOT NULL,
    idem_key     VARCHAR(200) NOT NULL,
    request_hash VARCHAR(64)  NOT NULL,
    status       INT          NOT NULL,
    body         TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (signer, idem_key)
);

-- The Yuma stake of each hotkey per subnet, from the ledger's StakeChanged (shown with the neurons).
CREATE TABLE hotkey_stake (
    netuid    INT         NOT NULL,
    hotkey    VARCHAR(64) NOT NULL,
    total_rao BIGINT      NOT NULL,
    PRIMARY KEY (netuid, hotkey)
);
