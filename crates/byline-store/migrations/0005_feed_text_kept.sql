-- An extracted page that reads worse than the feed's own text (shorter,
-- fewer paragraphs) is kept for the reader to switch to, but the feed's
-- text stays the one shown.
ALTER TABLE articles ADD COLUMN prefer_feed_text INTEGER NOT NULL DEFAULT 0;
