-- Lists, search and counts at scale (see the Scale section of BENCHMARKS.md).
-- Every list walks an index of article_status in list order and reads the
-- articles of one page only: an article row is large (its HTML), and its
-- sort key sits after the HTML, so sorting articles read whole rows.
-- A status carries its article's sort key (the list order; it never changes
-- once the article is stored) for these indexes.
ALTER TABLE article_status ADD COLUMN sort_key INTEGER NOT NULL DEFAULT 0;
UPDATE article_status
SET sort_key = (SELECT a.sort_key FROM articles a WHERE a.id = article_status.article_id);

-- All, and one feed's or one folder's All.
CREATE INDEX status_listed ON article_status(sort_key DESC, article_id DESC) WHERE muted = 0;
CREATE INDEX status_listed_feed ON article_status(feed_id, sort_key DESC, article_id DESC) WHERE muted = 0;
-- Unread, one feed's unread, and every feed's unread count.
CREATE INDEX status_unread_sorted ON article_status(sort_key DESC, article_id DESC) WHERE read = 0 AND muted = 0;
CREATE INDEX status_unread_feed ON article_status(feed_id, sort_key DESC, article_id DESC)
    WHERE read = 0 AND muted = 0;
DROP INDEX status_unread;
-- Saved, in list order (nothing reads saved_at in order).
CREATE INDEX status_saved_sorted ON article_status(sort_key DESC, article_id DESC) WHERE saved = 1;
DROP INDEX status_saved;
-- "All" counts every article but the muted ones, which are few.
CREATE INDEX status_muted ON article_status(article_id) WHERE muted = 1;
