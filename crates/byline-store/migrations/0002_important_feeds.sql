-- Feeds the reader marks as important get a desktop notification for new
-- articles (when notifications are on).
ALTER TABLE feeds ADD COLUMN important INTEGER NOT NULL DEFAULT 0;
