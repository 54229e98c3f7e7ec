-- The write path of the books, tuned for settlements that post hundreds of lines at once.

-- Balances and stake totals change all the time while their indexed columns never do: leave room on each
-- page so PostgreSQL can update them in place (HOT), without touching the indexes.
ALTER TABLE account SET (fillfactor = 70);
ALTER TABLE hotkey_stake SET (fillfactor = 70);
ALTER TABLE subnet_stake SET (fillfactor = 50);

-- The per-row foreign-key checks of journal lines cost more than the rest of a posting; they are replaced
-- by one set-based check per statement (below), with accounts and transactions made undeletable so a
-- checked reference stays valid.
ALTER TABLE journal_line DROP CONSTRAINT journal_line_tx_id_fkey;
ALTER TABLE journal_line DROP CONSTRAINT journal_line_account_id_fkey;

-- The statement check reads only the lines the statement inserted: per transaction they must sum to zero
-- (so a transaction stays balanced whatever is appended to it later), and reference an existing
-- transaction and account. That a transaction has at least two lines is checked at commit
-- (journal_tx_balanced, V1).
CREATE OR REPLACE FUNCTION journal_lines_balanced() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    bad RECORD;
BEGIN
    SELECT i.tx_id, sum(i.amount) AS total INTO bad FROM inserted i GROUP BY i.tx_id HAVING sum(i.amount) <> 0 LIMIT 1;
    IF FOUND THEN
        RAISE EXCEPTION 'journal transaction % is unbalanced: its lines sum to %', bad.tx_id, bad.total;
    END IF;
    IF EXISTS (SELECT 1 FROM inserted i WHERE NOT EXISTS (SELECT 1 FROM journal_tx t WHERE t.id = i.tx_id)) THEN
        RAISE EXCEPTION 'journal line of an unknown transaction';
    END IF;
    IF EXISTS (SELECT 1 FROM inserted i WHERE NOT EXISTS (SELECT 1 FROM account a WHERE a.id = i.account_id)) THEN
        RAISE EXCEPTION 'journal line of an unknown account';
    END IF;
    RETURN NULL;
END $$;

CREATE FUNCTION account_permanent() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'accounts are never deleted (%)', OLD.name;
END $$;
CREATE TRIGGER account_permanent BEFORE DELETE ON account FOR EACH ROW EXECUTE FUNCTION account_permanent();
