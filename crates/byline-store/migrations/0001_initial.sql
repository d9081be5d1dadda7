-- Byline's schema. Content that a sync rewrites (feeds, articles) lives apart
-- from what the reader decides (article_status), so a sync never resets it.

CREATE TABLE folders (
    id         INTEGER PRIMARY KEY,
    name       TEXT    NOT NULL,
    parent_id  INTEGER REFERENCES folders(id) ON DELETE CASCADE,
    position   INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX folders_name_in_parent ON folders(COALESCE(parent_id, 0), name);

CREATE TABLE feeds (
    id               INTEGER PRIMARY KEY,
    url              TEXT    NOT NULL UNIQUE,
    title            TEXT    NOT NULL DEFAULT '',
    site_url         TEXT,
    description      TEXT,
    language         TEXT,
    folder_id        INTEGER REFERENCES folders(id) ON DELETE SET NULL,
    etag             TEXT,
    last_modified    TEXT,
    content_hash     TEXT,
    last_checked_at  INTEGER,
    last_success_at  INTEGER,
    last_error       TEXT,
    error_count      INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  INTEGER,
    created_at       INTEGER NOT NULL
);
CREATE INDEX feeds_folder ON feeds(folder_id);

CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    feed_id       INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    guid          TEXT    NOT NULL,
    url           TEXT,
    title         TEXT    NOT NULL,
    author        TEXT,
    published     INTEGER,
    updated       INTEGER,
    summary_html  TEXT,
    content_html  TEXT,
    lead_image    TEXT,
    language      TEXT,
    enclosures    TEXT    NOT NULL DEFAULT '[]',
    content_hash  TEXT    NOT NULL,
    -- Publication time, or the time we first saw it: the list order.
    sort_key      INTEGER NOT NULL,
    fetched_at    INTEGER NOT NULL,
    UNIQUE (feed_id, guid)
);
CREATE INDEX articles_sort ON articles(sort_key DESC, id DESC);
CREATE INDEX articles_feed_sort ON articles(feed_id, sort_key DESC, id DESC);

CREATE TABLE article_status (
    article_id  INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    feed_id     INTEGER NOT NULL,
    read        INTEGER NOT NULL DEFAULT 0,
    saved       INTEGER NOT NULL DEFAULT 0,
    muted       INTEGER NOT NULL DEFAULT 0,
    read_at     INTEGER,
    saved_at    INTEGER
);
CREATE INDEX status_unread ON article_status(feed_id) WHERE read = 0 AND muted = 0;
CREATE INDEX status_saved ON article_status(saved_at) WHERE saved = 1;

CREATE TABLE rules (
    id          INTEGER PRIMARY KEY,
    feed_id     INTEGER REFERENCES feeds(id) ON DELETE CASCADE,
    field       TEXT    NOT NULL CHECK (field IN ('title', 'author', 'text', 'any')),
    pattern     TEXT    NOT NULL,
    is_regex    INTEGER NOT NULL DEFAULT 0,
    action      TEXT    NOT NULL CHECK (action IN ('mute', 'mark_read')),
    created_at  INTEGER NOT NULL
);

-- Full-text search over folded (case- and diacritic-free) copies of title,
-- author and text; the fold is done in Rust so Azerbaijani ə/ı/İ work.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, author, body,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);

-- Articles retention deleted, so a feed that still lists them does not bring
-- them back as unread.
CREATE TABLE pruned_articles (
    feed_id    INTEGER NOT NULL REFERENCES feeds(id) ON DELETE CASCADE,
    guid       TEXT    NOT NULL,
    pruned_at  INTEGER NOT NULL,
    PRIMARY KEY (feed_id, guid)
) WITHOUT ROWID;
