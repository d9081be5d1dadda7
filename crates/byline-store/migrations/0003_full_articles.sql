-- Full articles: the page behind a feed item, extracted into a clean
-- reading view with bylines (name and role) and a reading time.
ALTER TABLE articles ADD COLUMN full_html TEXT;
ALTER TABLE articles ADD COLUMN bylines TEXT NOT NULL DEFAULT '[]';
ALTER TABLE articles ADD COLUMN reading_minutes INTEGER;
-- 0 not tried, 1 extracted, 2 failed, 3 not wanted (policy or no link).
ALTER TABLE articles ADD COLUMN extraction_state INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN extraction_error TEXT;
CREATE INDEX articles_extraction_pending ON articles(id) WHERE extraction_state = 0;
-- Per-feed choice: 'always', 'when_no_content', 'never'; NULL follows the default.
ALTER TABLE feeds ADD COLUMN extraction TEXT;
