-- The TAO ledger (spec/protocol.md §1, §2, §5, §7). Money is BIGINT rao everywhere.

-- Accounts: system accounts (issuance, recycled, lock:<netuid>), free balances (one per coldkey) and
-- stake positions (one per coldkey, hotkey, netuid). The balance column is the sum of the account's
-- journal lines, kept in the same transaction that writes them (the audit re-checks it).
CREATE TABLE account (
    id         BIGSERIAL    PRIMARY KEY,
    kind       VARCHAR(8)   NOT NULL CHECK (kind IN ('SYSTEM', 'FREE', 'STAKE')),
    name       VARCHAR(220) NOT NULL UNIQUE,
    coldkey    VARCHAR(64),
    hotkey     VARCHAR(64),
    netuid     INT,
    balance    BIGINT       NOT NULL DEFAULT 0,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- only the mint's counter-account goes negative: -balance(issuance) is everything ever minted
    CONSTRAINT account_not_negative CHECK (name = 'issuance' OR balance >= 0),
    -- the existential deposit: a free balance is 0 or at least 500 rao, never in between
    CONSTRAINT account_existential_deposit CHECK (kind <> 'FREE' OR balance = 0 OR balance >= 500),
    CONSTRAINT account_shape CHECK (
        (kind = 'FREE' AND coldkey IS NOT NULL AND hotkey IS NULL AND netuid IS NULL)
        OR (kind = 'STAKE' AND coldkey IS NOT NULL AND hotkey IS NOT NULL AND netuid IS NOT NULL)
        OR (kind = 'SYSTEM' AND coldkey IS NULL AND hotkey IS NULL))
);
CREATE INDEX account_by_coldkey ON account (coldkey) WHERE coldkey IS NOT NULL;
CREATE INDEX account_stake_by_hotkey ON account (netuid, hotkey) WHERE kind = 'STAKE';
CREATE INDEX account_stake_by_hotkey_only ON account (hotkey) WHERE kind = 'STAKE';

-- The two global system accounts have fixed, lowest ids: every transaction that locks them locks them first.
INSERT INTO account (id, kind, name) VALUES (1, 'SYSTEM', 'issuance'), (2, 'SYSTEM', 'recycled');
SELECT setval('account_id_seq', 100);

-- Journal: one transaction per movement, its lines sum to zero (one line per account and transaction).
CREATE TABLE journal_tx (
    id         BIGSERIAL    PRIMARY KEY,
    kind       VARCHAR(32)  NOT NULL,
    reference  VARCHAR(250),
    block      BIGINT       NOT NULL,
    created_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE journal_line (
    id            BIGSERIAL PRIMARY KEY,
    tx_id         BIGINT    NOT NULL REFERENCES journal_tx (id),
    account_id    BIGINT    NOT NULL REFERENCES account (id),
    amount        BIGINT    NOT NULL CHECK (amount <> 0),
    balance_after BIGINT    NOT NULL,
    UNIQUE (tx_id, account_id)
);
CREATE INDEX journal_line_by_account ON journal_line (account_id, id);

-- Every statement that inserts lines must leave each transaction it touched balanced (the ledger inserts
-- all lines of a transaction in one statement), so a later stray line can never unbalance the books.
CREATE FUNCTION journal_lines_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad RECORD;
BEGIN
    SELECT l.tx_id, sum(l.amount) AS total, count(*) AS n INTO bad
    FROM journal_line l
    WHERE l.tx_id IN (SELECT DISTINCT tx_id FROM inserted)
    GROUP BY l.tx_id
    HAVING sum(l.amount) <> 0 OR count(*) < 2
    LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'journal transaction % is unbalanced: % lines summing to %', bad.tx_id, bad.n, bad.total;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER journal_lines_balanced AFTER INSERT ON journal_line
    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION journal_lines_balanced();

-- A transaction without lines is caught at commit (deferred), whatever order the rows were written in.
CREATE FUNCTION journal_tx_has_lines() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    total NUMERIC;
    n     BIGINT;
BEGIN
    SELECT coalesce(sum(amount), 0), count(*) INTO total, n FROM journal_line WHERE tx_id = NEW.id;
    IF n < 2 OR total <> 0 THEN
        RAISE EXCEPTION 'journal transaction % is unbalanced at commit: % lines summing to %', NEW.id, n, total;
    END IF;
    RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER journal_tx_balanced AFTER INSERT ON journal_tx
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION journal_tx_has_lines();

-- The journal is append-only.
CREATE FUNCTION journal_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the journal is append-only (% on %)', TG_OP, TG_TABLE_NAME;
END $$;
CREATE TRIGGER journal_tx_append_only BEFORE UPDATE OR DELETE ON journal_tx
    FOR EACH ROW EXECUTE FUNCTION journal_append_only();
CREATE TRIGGER journal_line_append_only BEFORE UPDATE OR DELETE ON journal_line
    FOR EACH ROW EXECUTE FUNCTION journal_append_only();

-- The Yuma stake of a hotkey on a subnet: the sum of its positions, kept with them (its row lock also
-- orders the StakeChanged events of one hotkey). No CHECK (total >= 0) here: PostgreSQL checks the
-- proposed row of an upsert before it finds the conflict, and a decrement is upserted as a negative
-- row; the total is the sum of positions that are themselves never negative (and the audit says so).
CREATE TABLE hotkey_stake (
    netuid INT         NOT NULL,
    hotkey VARCHAR(64) NOT NULL,
    total  BIGINT      NOT NULL,
    PRIMARY KEY (netuid, hotkey)
);

-- The TAO staked on each subnet: the sum of its hotkey totals (read by the stake-proportional split).
-- Locked after hotkey_stake rows, in netuid order.
CREATE TABLE subnet_stake (
    netuid INT    PRIMARY KEY,
    total  BIGINT NOT NULL
);

-- Delegate take per hotkey (u16 of 65,535); absent = the default.
CREATE TABLE hotkey_take (
    hotkey            VARCHAR(64) PRIMARY KEY,
    take              INT         NOT NULL CHECK (take BETWEEN 0 AND 11796),
    last_change_block BIGINT
);

-- Idempotency of commands (§7): the first answer to (scope, key), replayed for the same request.
CREATE TABLE idempotency_key (
    scope         VARCHAR(100) NOT NULL,
    key           VARCHAR(200) NOT NULL,
    request_hash  CHAR(64)     NOT NULL,
    response_body TEXT,
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    PRIMARY KEY (scope, key)
);

-- Charges made by the registry (lock a subnet's cost, burn a registration price), by its request id.
CREATE TABLE charge (
    request_id    VARCHAR(200) PRIMARY KEY,
    kind          VARCHAR(8)   NOT NULL CHECK (kind IN ('LOCK', 'BURN')),
    coldkey       VARCHAR(64)  NOT NULL,
    netuid        INT          NOT NULL,
    amount_rao    BIGINT       NOT NULL CHECK (amount_rao > 0),
    state         VARCHAR(10)  NOT NULL CHECK (state IN ('CHARGED', 'REFUNDED')),
    journal_tx    BIGINT       REFERENCES journal_tx (id),
    refund_tx     BIGINT       REFERENCES journal_tx (id),
    request_hash  CHAR(64)     NOT NULL,
    charged_block BIGINT       NOT NULL,
    refunded_block BIGINT
);
CREATE INDEX charge_by_netuid ON charge (netuid, kind, state);

-- Genesis allocations applied (at most once per address).
CREATE TABLE genesis_allocation (
    address    VARCHAR(64) PRIMARY KEY,
    amount_rao BIGINT      NOT NULL CHECK (amount_rao > 0),
    journal_tx BIGINT      NOT NULL REFERENCES journal_tx (id),
    applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
