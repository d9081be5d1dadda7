-- The search index keeps which columns hold a word, not where in them
-- (FTS5 `detail = column`). Search matches single words only: every term of
-- a query is one token (`fold::fts_query`), nothing asks for a phrase, NEAR
-- or an FTS5 snippet (snippets are made in Rust). Writing the positions was
-- a fifth of the index's cost in a full-content sync and half its size (see
-- the "full content" Sync section of BENCHMARKS.md). Rebuilt from the
-- articles on the next open, as 0010 does.
DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, author, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2',
    prefix = '2 3',
    detail = column
);

INSERT INTO search_reindex (asked_at) VALUES (unixepoch());
