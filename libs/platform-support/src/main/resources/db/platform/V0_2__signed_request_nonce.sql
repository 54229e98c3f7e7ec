-- Shared by every service that owns a database (libs/platform-support, signed requests, DESIGN §6).

-- The last nonce accepted from each signer: a signed request is accepted only if its nonce is greater,
-- decided and recorded by one conditional upsert (JdbcNonceStore).
CREATE TABLE signed_request_nonce (
    signer     VARCHAR(64) PRIMARY KEY,
    last_nonce BIGINT      NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
