-- Shared by every service that owns a database (libs/platform-support).

-- The transactional outbox: written in the transaction of the state change, sent by the relay.
CREATE TABLE outbox_event (
    seq           BIGSERIAL PRIMARY KEY,
    event_id      UUID         NOT NULL UNIQUE,
    topic         VARCHAR(200) NOT NULL,
    record_key    VARCHAR(200) NOT NULL,
    event_type    VARCHAR(100) NOT NULL,
    event_version INT          NOT NULL,
    block         BIGINT       NOT NULL,
    payload       TEXT         NOT NULL,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now()
);

-- The idempotent consumer: one row per (consumer, event) that took effect.
CREATE TABLE processed_event (
    consumer     VARCHAR(100) NOT NULL,
    event_id     UUID         NOT NULL,
    processed_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
);
