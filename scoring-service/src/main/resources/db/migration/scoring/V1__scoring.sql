-- scoring-service: the validator's state (DESIGN §2).

-- Projection of the registry's and ledger's and consensus's events: what weights are checked against.
CREATE TABLE subnet (
    netuid              INT          PRIMARY KEY,
    owner_hotkey        VARCHAR(64)  NOT NULL,
    task_type           VARCHAR(100) NOT NULL,
    hyperparameters     TEXT         NOT NULL, -- JSON of net.taonet.events.registry.Hyperparameters
    registered_at_block BIGINT       NOT NULL
);

CREATE TABLE neuron (
    netuid             INT         NOT NULL,
    uid                INT         NOT NULL,
    hotkey             VARCHAR(64) NOT NULL,
    coldkey            VARCHAR(64),
    registration_block BIGINT      NOT NULL,
    PRIMARY KEY (netuid, uid),
    UNIQUE (netuid, hotkey)
);

CREATE TABLE stake (
    netuid    INT         NOT NULL,
    hotkey    VARCHAR(64) NOT NULL,
    total_rao BIGINT      NOT NULL,
    PRIMARY KEY (netuid, hotkey)
);

-- The latest epoch per subnet, and what it said about each UID (permits; incentive for organic dispatch).
CREATE TABLE epoch_state (
    netuid INT    PRIMARY KEY,
    epoch  BIGINT NOT NULL,
    block  BIGINT NOT NULL
);

CREATE TABLE epoch_neuron (
    netuid           INT         NOT NULL,
    uid              INT         NOT NULL,
    hotkey           VARCHAR(64),
    validator_permit BOOLEAN     NOT NULL,
    incentive        INT         NOT NULL,
    PRIMARY KEY (netuid, uid)
);

-- Weights (spec/protocol.md §6): rows as stored (max-upscaled, sorted by UID), last updates, commits.
CREATE TABLE weight_row (
    netuid    INT         NOT NULL,
    uid       INT         NOT NULL,
    hotkey    VARCHAR(64) NOT NULL,
    uids      INT[]       NOT NULL,
    weights   INT[]       NOT NULL,
    set_block BIGINT      NOT NULL,
    PRIMARY KEY (netuid, uid)
);

CREATE TABLE last_update (
    netuid INT    NOT NULL,
    uid    INT    NOT NULL,
    block  BIGINT NOT NULL,
    PRIMARY KEY (netuid, uid)
);

CREATE TABLE weight_commit (
    id           BIGSERIAL   PRIMARY KEY,
    netuid       INT         NOT NULL,
    uid          INT         NOT NULL,
    hotkey       VARCHAR(64) NOT NULL,
    commit_hash  CHAR(64)    NOT NULL,
    commit_block BIGINT      NOT NULL,
    commit_epoch BIGINT      NOT NULL
);
CREATE INDEX weight_commit_by_hotkey ON weight_commit (netuid, hotkey);

-- Managed validators: the EMA of each miner's scores, tasks in flight, reveals still to do.
CREATE TABLE miner_score (
    validator_hotkey VARCHAR(64)      NOT NULL,
    netuid           INT              NOT NULL,
    uid              INT              NOT NULL,
    miner_hotkey     VARCHAR(64)      NOT NULL,
    ema              DOUBLE PRECISION NOT NULL,
    last_score       DOUBLE PRECISION NOT NULL,
    samples          BIGINT           NOT NULL,
    organic_samples  BIGINT           NOT NULL DEFAULT 0,
    updated_millis   BIGINT           NOT NULL,
    PRIMARY KEY (validator_hotkey, netuid, uid)
);

CREATE TABLE task_in_flight (
    task_id          VARCHAR(64)  PRIMARY KEY,
    round_id         VARCHAR(64)  NOT NULL,
    round_size       INT          NOT NULL,
    validator_hotkey VARCHAR(64)  NOT NULL,
    netuid           INT          NOT NULL,
    uid              INT          NOT NULL,
    miner_hotkey     VARCHAR(64)  NOT NULL,
    task_type        VARCHAR(100) NOT NULL,
    challenge        TEXT         NOT NULL,
    assigned_millis  BIGINT       NOT NULL,
    deadline_millis  BIGINT       NOT NULL,
    organic          BOOLEAN      NOT NULL,
    result           TEXT,
    latency_millis   BIGINT,
    failed           BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE INDEX task_in_flight_by_round ON task_in_flight (round_id);

CREATE TABLE pending_reveal (
    validator_hotkey VARCHAR(64) NOT NULL,
    netuid           INT         NOT NULL,
    commit_hash      CHAR(64)    NOT NULL,
    uids             INT[]       NOT NULL,
    weights          INT[]       NOT NULL,
    salt             BYTEA       NOT NULL,
    version_key      BIGINT      NOT NULL,
    commit_epoch     BIGINT      NOT NULL,
    PRIMARY KEY (validator_hotkey, netuid, commit_hash)
);
