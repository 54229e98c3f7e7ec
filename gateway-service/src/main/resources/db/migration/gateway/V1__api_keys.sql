-- API keys for app builders: only the SHA-256 of a key is stored; the key itself is shown once.
CREATE TABLE api_key (
    id                  UUID         PRIMARY KEY,
    name                VARCHAR(100) NOT NULL,
    key_hash            CHAR(64)     NOT NULL UNIQUE,
    key_prefix          VARCHAR(16)  NOT NULL,
    requests_per_second INT          NOT NULL CHECK (requests_per_second > 0),
    burst               INT          NOT NULL CHECK (burst > 0),
    monthly_quota       BIGINT       NOT NULL CHECK (monthly_quota > 0),
    created_at          TIMESTAMPTZ  NOT NULL DEFAULT now(),
    revoked_at          TIMESTAMPTZ
);

-- Requests counted per key and calendar month (UTC), for the monthly quota.
CREATE TABLE api_key_usage (
    key_id   UUID    NOT NULL REFERENCES api_key (id),
    month    CHAR(7) NOT NULL,
    requests BIGINT  NOT NULL,
    PRIMARY KEY (key_id, month)
);
