-- Tiny Tiny RSS accounts (issue 12): the accounts table lets kind 'ttrss' in.
--
-- SQLite cannot alter a CHECK constraint, so the table is rebuilt by the
-- procedure of https://www.sqlite.org/lang_altertable.html#otheralter:
-- foreign keys off, new table, copy, drop the old one, rename the new one,
-- check every foreign key, foreign keys on. With foreign keys on, dropping
-- the old table would run the children's ON DELETE actions (folders and
-- pending_changes deleted, feeds and articles cut loose), and they cannot be
-- switched off inside a transaction. sqlx 0.8 runs every SQLite migration in
-- a transaction (it ignores `-- no-transaction` for SQLite), so this file
-- ends that transaction first, does the rebuild in its own, and opens a new
-- one for sqlx to record the migration in and commit. Run again after a
-- crash between the two commits, the rebuild does the same thing twice.
--
-- Nothing else refers to accounts by name: no index but its UNIQUE
-- constraint's, no trigger on it, no view; the children's REFERENCES name
-- it and point at the new table once it takes the name.
COMMIT;
PRAGMA foreign_keys = OFF;
BEGIN;

CREATE TABLE accounts_new (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('greader', 'fever', 'ttrss')),
    url             TEXT    NOT NULL,
    username        TEXT    NOT NULL,
    display_name    TEXT    NOT NULL,
    -- The incremental fetch's position (byline_accounts::SyncCursor as JSON).
    sync_cursor     TEXT,
    last_sync_at    INTEGER,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    UNIQUE (kind, url, username)
);
INSERT INTO accounts_new (id, kind, url, username, display_name, sync_cursor, last_sync_at, last_error, created_at)
    SELECT id, kind, url, username, display_name, sync_cursor, last_sync_at, last_error, created_at FROM accounts;
DROP TABLE accounts;
ALTER TABLE accounts_new RENAME TO accounts;

-- PRAGMA foreign_key_check only lists problems: a row here fails the CHECK
-- and the whole migration with it.
CREATE TEMP TABLE foreign_keys_broken (n INTEGER NOT NULL CHECK (n = 0));
INSERT INTO foreign_keys_broken SELECT COUNT(*) FROM pragma_foreign_key_check;
DROP TABLE foreign_keys_broken;

COMMIT;
PRAGMA foreign_keys = ON;
BEGIN;
