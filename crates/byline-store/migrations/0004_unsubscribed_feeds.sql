-- Unsubscribing keeps the feed's saved articles: the feed row stays, hidden
-- and never fetched, until none of its articles is left. Subscribing to the
-- same URL again brings it back.
ALTER TABLE feeds ADD COLUMN unsubscribed_at INTEGER;
