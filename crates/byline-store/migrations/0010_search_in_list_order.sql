-- Search at scale (see the Scale section of BENCHMARKS.md): the full-text
-- index's rows are keyed in list order, sort_key * 2^31 + article id, so
-- FTS5 returns matches newest first and a search stops after one page; and
-- prefix indexes of 2 and 3 characters serve short prefixes ("və", "the").
-- The index is contentless, so the store refills it from the articles (in
-- Rust, where the folding is) the next time it opens: a row in
-- search_reindex asks for that, and the rebuild deletes it in the same
-- transaction.

-- Sort keys stay within +-(2^32 - 1) seconds of 1970 (the years 1834 to
-- 2106) so the key fits in 64 bits; the few beyond sort as the limit.
UPDATE articles SET sort_key = MAX(MIN(sort_key, 4294967295), -4294967295)
WHERE sort_key NOT BETWEEN -4294967295 AND 4294967295;
UPDATE article_status SET sort_key = MAX(MIN(sort_key, 4294967295), -4294967295)
WHERE sort_key NOT BETWEEN -4294967295 AND 4294967295;

DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, author, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3'
);

CREATE TABLE search_reindex (asked_at INTEGER NOT NULL);
INSERT INTO search_reindex (asked_at) VALUES (unixepoch());
