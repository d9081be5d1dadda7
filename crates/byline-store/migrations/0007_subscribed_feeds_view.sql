-- The feeds the reader is subscribed to, written once: every query that
-- lists, fetches or edits subscribed feeds reads this view instead of
-- repeating `unsubscribed_at IS NULL`. Only the rows that unsubscribing keeps
-- for their saved articles (see 0004) are left out; `SELECT *` follows any
-- column added to `feeds` later.
CREATE VIEW subscribed_feeds AS SELECT * FROM feeds WHERE unsubscribed_at IS NULL;
