-- Server accounts (issue 12): a feed server (Google Reader API or Fever API)
-- is one more kind of source. Its feeds, folders and articles are ordinary
-- rows that remember their account and the server's id for them; NULL is the
-- local account. The password is never here: it lives in the OS keyring.
CREATE TABLE accounts (
    id              INTEGER PRIMARY KEY,
    kind            TEXT    NOT NULL CHECK (kind IN ('greader', 'fever')),
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

-- Removing an account keeps its saved articles, as unsubscribing a feed
-- does: the kept feed rows and articles become local ones.
ALTER TABLE feeds ADD COLUMN account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL;
ALTER TABLE feeds ADD COLUMN remote_id TEXT;
CREATE UNIQUE INDEX feeds_remote ON feeds(account_id, remote_id) WHERE account_id IS NOT NULL;

ALTER TABLE folders ADD COLUMN account_id INTEGER REFERENCES accounts(id) ON DELETE CASCADE;
-- The server's id; '' for the account's own top folder, which holds the rest.
ALTER TABLE folders ADD COLUMN remote_id TEXT;
CREATE UNIQUE INDEX folders_remote ON folders(account_id, remote_id) WHERE account_id IS NOT NULL;

ALTER TABLE articles ADD COLUMN account_id INTEGER REFERENCES accounts(id) ON DELETE SET NULL;
ALTER TABLE articles ADD COLUMN remote_id TEXT;
CREATE UNIQUE INDEX articles_remote ON articles(account_id, remote_id) WHERE account_id IS NOT NULL;

-- An account's articles are stored by the one ingest (its guid is the
-- server's item id); this gives them their account and remote id in the same
-- statement, so no article of an account is ever without them.
CREATE TRIGGER articles_of_account AFTER INSERT ON articles
WHEN (SELECT account_id FROM feeds WHERE id = NEW.feed_id) IS NOT NULL
BEGIN
    UPDATE articles SET account_id = (SELECT account_id FROM feeds WHERE id = NEW.feed_id), remote_id = NEW.guid
    WHERE id = NEW.id;
END;

-- Read and saved changes made here to an account's articles, waiting to be
-- sent to the server. Written in the transaction of the status change, and
-- deleted only after the server accepted them.
CREATE TABLE pending_changes (
    id              INTEGER PRIMARY KEY,
    account_id      INTEGER NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
    remote_item_id  TEXT    NOT NULL,
    change          TEXT    NOT NULL CHECK (change IN ('read', 'unread', 'starred', 'unstarred')),
    changed_at      INTEGER NOT NULL
);
CREATE INDEX pending_changes_item ON pending_changes(account_id, remote_item_id);
