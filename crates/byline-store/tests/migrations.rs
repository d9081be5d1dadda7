//! Every earlier schema, migrated forward: for each migration file in
//! `migrations/`, a database is built at exactly that version (the first N
//! files applied with sqlx's own bookkeeping, as an old app left it, each
//! followed by what the app of its version wrote), then opened with today's
//! [`Store::open`]. Nothing the reader kept may be lost on the way, search
//! still finds the old articles, and SQLite finds the file and every foreign
//! key sound.
//!
//! The migrations are read from the directory, so a new one is covered
//! without touching this file, except for one thing: what a database at that
//! version holds. That is [`WRITES`], one row per migration; add yours.

use std::path::{Path, PathBuf};

use byline_feeds::{ParsedEntry, ParsedFeed};
use byline_store::fold::fold;
use byline_store::{
    ArticleId, Author, FeedId, FeedProblem, FetchValidators, FolderId, ListQuery, PageStatus, RuleSet, Store, View,
};
use sqlx::migrate::{Migrate, Migrator};
use sqlx::sqlite::{SqliteAutoVacuum, SqliteConnectOptions, SqliteJournalMode};
use sqlx::{ConnectOptions, Connection};

/// This crate's migrations, found from the directory cargo runs the test
/// in (a build reused from another checkout keeps that checkout's
/// compile-time path; see `byline_testkit::workspace_root`).
fn migrations_dir() -> PathBuf {
    std::env::var_os("CARGO_MANIFEST_DIR")
        .map_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")), PathBuf::from)
        .join("migrations")
}

/// What the app wrote into a database at each schema version: the row for
/// migration N runs right after migration N, on every database built to
/// version N or later. A migration that adds nothing to write still gets a
/// row (with `nothing`), so a missing row is a test failure, not a silent
/// gap.
const WRITES: &[(i64, Write)] = &[
    (1, initial),
    (2, important_feeds),
    (3, full_articles),
    (4, unsubscribed_feed),
    (5, feed_text_kept),
    (6, feed_error_kind),
    (7, nothing),
    (8, status_sort_key),
    (9, server_account),
    (10, search_in_list_order),
    (11, ttrss_account),
    (12, search_columns_only),
    (13, nothing),
    (14, article_agency),
    (15, search_by_agency),
];

/// SQL that writes what an old app wrote.
type Write = fn() -> String;

// The old database's contents, named once for the writes and the checks.
const NEWS: FeedId = FeedId(1);
const ECONOMY: FeedId = FeedId(2);
const SPORT: FeedId = FeedId(3);
/// Subscribed once, unsubscribed with a saved article kept (from 0004 on).
const GONE: FeedId = FeedId(4);
const TOP_FOLDER: FolderId = FolderId(1);
const SUB_FOLDER: FolderId = FolderId(2);
/// Per subscribed feed: articles 10·feed + 1 … 10·feed + ARTICLES_PER_FEED.
const ARTICLES_PER_FEED: i64 = 5;
/// Read.
const READ: ArticleId = ArticleId(11);
/// Saved; from 0003 on, its page is extracted (full text and bylines).
const SAVED: ArticleId = ArticleId(12);
/// Muted by a rule.
const MUTED: ArticleId = ArticleId(13);
/// From 0003 on, its page failed.
const PAGE_FAILED: ArticleId = ArticleId(31);
/// From 0003 on, its page is not wanted.
const PAGE_NOT_WANTED: ArticleId = ArticleId(32);
/// Read and saved; from 0005 on, extracted but the feed's text kept.
const READ_SAVED: ArticleId = ArticleId(21);
/// From 0014 on: a wire story, its agency stored (found by it from 0015 on).
const WIRE: ArticleId = ArticleId(22);
/// The agency [`WIRE`] credits.
const WIRE_AGENCY: &str = "APA";
/// Saved, in the unsubscribed feed.
const GONE_SAVED: ArticleId = ArticleId(41);
/// From 0009 on: a server account's feed, in its top folder, with one
/// article whose change to unread waits in the queue.
const ACCOUNT_FEED: FeedId = FeedId(5);
const ACCOUNT_FOLDER: FolderId = FolderId(3);
const ACCOUNT_ARTICLE: ArticleId = ArticleId(51);
/// From 0011 on: a Tiny Tiny RSS account, the same again (its feed in a
/// folder of its own under its top folder, its article saved and the save
/// queued).
const TTRSS_FEED: FeedId = FeedId(6);
const TTRSS_FOLDER: FolderId = FolderId(4);
const TTRSS_SUB_FOLDER: FolderId = FolderId(5);
const TTRSS_ARTICLE: ArticleId = ArticleId(61);
/// The word only the saved article's extracted page holds.
const FULL_TEXT_WORD: &str = "Qarabağdakı";
/// A word in every article's content, as its feed had it.
const CONTENT_WORD: &str = "Xankəndi";

fn article_title(id: i64) -> String {
    format!("Məqalə {id}: Şəhər xəbərləri")
}

fn article_content(id: i64) -> String {
    format!("<p>Bakı, {CONTENT_WORD} — mətn nömrə {id}, <b>qalın</b> və <a href=\"https://news.example.az/{id}\">keçid</a>.</p>")
}

/// SQL text literal.
fn q(text: &str) -> String {
    format!("'{}'", text.replace('\'', "''"))
}

/// One article as the app stored it at 0001: the row, its status and its
/// search row (folded, as the app folded it).
fn article_sql(id: i64, feed: FeedId, read: bool, saved: bool, muted: bool) -> String {
    let (title, author, content) = (article_title(id), "Gülağa İsgəndərov", article_content(id));
    let sort_key = 1_700_000_000 + id * 60;
    let text = byline_feeds::sanitize::html_to_text(&content);
    format!(
        "INSERT INTO articles (id, feed_id, guid, url, title, author, published, summary_html, content_html, language,
           enclosures, content_hash, sort_key, fetched_at)
         VALUES ({id}, {feed}, 'guid-{id}', 'https://news.example.az/{id}', {title}, {author}, {sort_key},
           '<p>Qısa</p>', {content}, 'az', {enclosures}, 'hash-{id}', {sort_key}, {sort_key});
         INSERT INTO article_status (article_id, feed_id, read, saved, muted, read_at, saved_at)
         VALUES ({id}, {feed}, {read}, {saved}, {muted}, {read_at}, {saved_at});
         INSERT INTO articles_fts (rowid, title, author, body) VALUES ({id}, {ft}, {fa}, {fb});\n",
        feed = feed.0,
        title = q(&title),
        author = q(author),
        content = q(&content),
        enclosures = q(r#"[{"url":"https://news.example.az/a.mp3","mime_type":"audio/mpeg","length":1000}]"#),
        read = i64::from(read),
        saved = i64::from(saved),
        muted = i64::from(muted),
        read_at = if read { (sort_key + 5).to_string() } else { "NULL".into() },
        saved_at = if saved { (sort_key + 9).to_string() } else { "NULL".into() },
        ft = q(&fold(&title)),
        fa = q(&fold(author)),
        fb = q(&fold(&text)),
    )
}

/// 0001: folders (one nested), three feeds, articles with statuses and
/// search rows, a mute rule, an article retention deleted.
fn initial() -> String {
    let mut sql = format!(
        "INSERT INTO folders (id, name, parent_id, position) VALUES ({TOP_FOLDER}, 'Xəbərlər', NULL, 0),
           ({SUB_FOLDER}, 'İqtisadiyyat', {TOP_FOLDER}, 1);
         INSERT INTO feeds (id, url, title, site_url, folder_id, etag, content_hash, last_checked_at, created_at) VALUES
           ({NEWS}, 'https://news.example.az/rss', 'Xəbərlər lenti', 'https://news.example.az/', {TOP_FOLDER}, '\"e1\"', 'h1', 1700000000, 1690000000),
           ({ECONOMY}, 'https://economy.example.az/rss', 'İqtisadiyyat', NULL, {SUB_FOLDER}, NULL, NULL, NULL, 1690000000),
           ({SPORT}, 'https://sport.example.az/rss', 'İdman', NULL, NULL, NULL, NULL, NULL, 1690000000);
         INSERT INTO rules (id, feed_id, field, pattern, is_regex, action, created_at)
           VALUES (1, NULL, 'title', 'reklam', 0, 'mute', 1690000000);
         INSERT INTO pruned_articles (feed_id, guid, pruned_at) VALUES ({NEWS}, 'guid-old', 1690000000);\n"
    );
    for feed in [NEWS, ECONOMY, SPORT] {
        for n in 1..=ARTICLES_PER_FEED {
            let id = feed.0 * 10 + n;
            let status = |a: ArticleId| id == a.0;
            sql += &article_sql(
                id,
                feed,
                status(READ) || status(READ_SAVED),
                status(SAVED) || status(READ_SAVED),
                status(MUTED),
            );
        }
    }
    sql
}

/// 0002: an important feed.
fn important_feeds() -> String {
    format!("UPDATE feeds SET important = 1 WHERE id = {NEWS};")
}

fn saved_full_html() -> String {
    format!("<p>Tam mətn: {FULL_TEXT_WORD} bərpa işləri davam edir.</p><p>İkinci abzas.</p>")
}

fn saved_bylines() -> Vec<Author> {
    vec![Author::new("Gülağa İsgəndərov", Some("Zərdab Rayon Təhsil Sektorunun müdiri".into()))]
}

/// 0003: the saved article's page extracted (its search row now covers the
/// full text), one page failed, one not wanted; a feed's own policy.
fn full_articles() -> String {
    let full = saved_full_html();
    let text = byline_feeds::sanitize::html_to_text(&full);
    let bylines = serde_json::to_string(&saved_bylines()).unwrap();
    format!(
        "UPDATE articles SET full_html = {full}, bylines = {bylines}, reading_minutes = 4, extraction_state = 1
           WHERE id = {SAVED};
         DELETE FROM articles_fts WHERE rowid = {SAVED};
         INSERT INTO articles_fts (rowid, title, author, body) VALUES ({SAVED}, {ft}, {fa}, {fb});
         UPDATE articles SET extraction_state = 2, extraction_error = 'HTTP 404' WHERE id = {PAGE_FAILED};
         UPDATE articles SET extraction_state = 3 WHERE id = {PAGE_NOT_WANTED};
         UPDATE feeds SET extraction = 'always' WHERE id = {ECONOMY};",
        full = q(&full),
        bylines = q(&bylines),
        ft = q(&fold(&article_title(SAVED.0))),
        fa = q(&fold("Gülağa İsgəndərov")),
        fb = q(&fold(&text)),
    )
}

/// 0004: a feed unsubscribed, its one saved article kept.
fn unsubscribed_feed() -> String {
    format!(
        "INSERT INTO feeds (id, url, title, created_at, unsubscribed_at)
           VALUES ({GONE}, 'https://gone.example.az/rss', 'Köhnə mənbə', 1690000000, 1700000000);\n{}",
        article_sql(GONE_SAVED.0, GONE, false, true, false)
    )
}

/// 0005: an extracted page that reads worse than the feed's text.
fn feed_text_kept() -> String {
    format!(
        "UPDATE articles SET full_html = '<p>Qısa səhifə</p>', extraction_state = 1, prefer_feed_text = 1
           WHERE id = {READ_SAVED};"
    )
}

/// 0006: a feed whose last fetch failed, with the kind of failure.
fn feed_error_kind() -> String {
    format!(
        "UPDATE feeds SET last_error = 'network error: refused', last_error_kind = 'unreachable', error_count = 2
           WHERE id = {SPORT};"
    )
}

/// From 0008 on, the app writes each status with its article's sort key
/// (the writes above, from older apps, leave it out).
fn status_sort_key() -> String {
    "UPDATE article_status SET sort_key = (SELECT a.sort_key FROM articles a WHERE a.id = article_status.article_id);"
        .into()
}

/// 0009: a Google Reader account with its top folder, a feed, one article
/// (its account and remote id set by the trigger) and a queued change.
fn server_account() -> String {
    format!(
        "INSERT INTO accounts (id, kind, url, username, display_name, sync_cursor, last_sync_at, created_at)
           VALUES (1, 'greader', 'https://rss.example.az/api/greader.php', 'gülnar', 'gülnar @ rss.example.az',
             '{{\"after\":1700000000000000}}', 1700000100, 1700000000);
         INSERT INTO folders (id, name, parent_id, position, account_id, remote_id)
           VALUES ({ACCOUNT_FOLDER}, 'gülnar @ rss.example.az', NULL, 2, 1, '');
         INSERT INTO feeds (id, url, title, folder_id, created_at, account_id, remote_id)
           VALUES ({ACCOUNT_FEED}, 'https://remote.example.az/rss', 'Uzaq lent', {ACCOUNT_FOLDER}, 1700000000, 1,
             'feed/7');
         {}
         UPDATE article_status SET sort_key = (SELECT sort_key FROM articles WHERE id = {ACCOUNT_ARTICLE})
           WHERE article_id = {ACCOUNT_ARTICLE};
         INSERT INTO pending_changes (account_id, remote_item_id, change, changed_at)
           VALUES (1, 'guid-{ACCOUNT_ARTICLE}', 'unread', 1700000200);",
        article_sql(ACCOUNT_ARTICLE.0, ACCOUNT_FEED, false, false, false)
    )
}

/// 0010: the store rebuilt the search index on its first open (rows keyed
/// in list order, `sort_key · 2³¹ + id`) and cleared the request for it.
fn search_in_list_order() -> String {
    let mut sql = "INSERT INTO articles_fts (articles_fts) VALUES ('delete-all');
                   DELETE FROM search_reindex;\n"
        .to_string();
    let local = [NEWS, ECONOMY, SPORT].into_iter().flat_map(|f| (1..=ARTICLES_PER_FEED).map(move |n| f.0 * 10 + n));
    for id in local.chain([GONE_SAVED.0, ACCOUNT_ARTICLE.0]) {
        let html = if id == SAVED.0 { saved_full_html() } else { article_content(id) };
        let sort_key = 1_700_000_000 + id * 60;
        sql += &format!(
            "INSERT INTO articles_fts (rowid, title, author, body) VALUES ({}, {}, {}, {});\n",
            sort_key * (1 << 31) + id,
            q(&fold(&article_title(id))),
            q(&fold("Gülağa İsgəndərov")),
            q(&fold(&byline_feeds::sanitize::html_to_text(&html))),
        );
    }
    sql
}

/// 0011: a Tiny Tiny RSS account with its top folder, a server folder, a
/// feed, one saved article and its save queued.
fn ttrss_account() -> String {
    format!(
        "INSERT INTO accounts (id, kind, url, username, display_name, sync_cursor, last_sync_at, created_at)
           VALUES (2, 'ttrss', 'https://tt.example.az/tt-rss/api/', 'rəşad', 'rəşad @ tt.example.az',
             '{{\"after\":612}}', 1700000300, 1700000000);
         INSERT INTO folders (id, name, parent_id, position, account_id, remote_id)
           VALUES ({TTRSS_FOLDER}, 'rəşad @ tt.example.az', NULL, 3, 2, ''),
             ({TTRSS_SUB_FOLDER}, 'Mədəniyyət', {TTRSS_FOLDER}, 4, 2, '4');
         INSERT INTO feeds (id, url, title, folder_id, created_at, account_id, remote_id)
           VALUES ({TTRSS_FEED}, 'https://culture.example.az/rss', 'Mədəniyyət lenti', {TTRSS_SUB_FOLDER},
             1700000000, 2, '12');
         {}
         INSERT INTO articles_fts (rowid, title, author, body) SELECT sort_key * (1 << 31) + id, {ft}, {fa}, {fb}
           FROM articles WHERE id = {TTRSS_ARTICLE};
         DELETE FROM articles_fts WHERE rowid = {TTRSS_ARTICLE};
         UPDATE article_status SET sort_key = (SELECT sort_key FROM articles WHERE id = {TTRSS_ARTICLE})
           WHERE article_id = {TTRSS_ARTICLE};
         INSERT INTO pending_changes (account_id, remote_item_id, change, changed_at)
           VALUES (2, 'guid-{TTRSS_ARTICLE}', 'starred', 1700000400);",
        article_sql(TTRSS_ARTICLE.0, TTRSS_FEED, false, true, false),
        ft = q(&fold(&article_title(TTRSS_ARTICLE.0))),
        fa = q(&fold("Gülağa İsgəndərov")),
        fb = q(&fold(&byline_feeds::sanitize::html_to_text(&article_content(TTRSS_ARTICLE.0)))),
    )
}

/// 0012: the store rebuilt the search index (columns only, no positions)
/// on its first open, as after 0010, the Tiny Tiny RSS article included.
fn search_columns_only() -> String {
    search_in_list_order()
        + &format!(
            "INSERT INTO articles_fts (rowid, title, author, body) SELECT sort_key * (1 << 31) + id, {}, {}, {}
               FROM articles WHERE id = {TTRSS_ARTICLE};",
            q(&fold(&article_title(TTRSS_ARTICLE.0))),
            q(&fold("Gülağa İsgəndərov")),
            q(&fold(&byline_feeds::sanitize::html_to_text(&article_content(TTRSS_ARTICLE.0)))),
        )
}

/// 0014: a wire story's page credited an agency, which the app stored
/// (its search row, as then, without it).
fn article_agency() -> String {
    format!("UPDATE articles SET agency = {} WHERE id = {WIRE};", q(WIRE_AGENCY))
}

/// 0015: the store rebuilt the search index with each article's agency in
/// its author column.
fn search_by_agency() -> String {
    format!(
        "DELETE FROM search_reindex;
         DELETE FROM articles_fts WHERE rowid = (SELECT sort_key * (1 << 31) + id FROM articles WHERE id = {WIRE});
         INSERT INTO articles_fts (rowid, title, author, body) SELECT sort_key * (1 << 31) + id, {}, {}, {}
           FROM articles WHERE id = {WIRE};",
        q(&fold(&article_title(WIRE.0))),
        q(&fold(&format!("Gülağa İsgəndərov {WIRE_AGENCY}"))),
        q(&fold(&byline_feeds::sanitize::html_to_text(&article_content(WIRE.0)))),
    )
}

fn nothing() -> String {
    String::new()
}

/// Builds a database at `version` in `path` the way it came to be: each
/// migration up to `version` applied as sqlx applies it (in a transaction,
/// with its `_sqlx_migrations` row), then what the app of that version wrote.
async fn old_database(path: &Path, migrator: &Migrator, version: i64) {
    let mut conn = SqliteConnectOptions::new()
        .filename(path)
        .create_if_missing(true)
        .auto_vacuum(SqliteAutoVacuum::Incremental)
        .journal_mode(SqliteJournalMode::Wal)
        .foreign_keys(true)
        .connect()
        .await
        .unwrap();
    conn.ensure_migrations_table().await.unwrap();
    for migration in migrator.iter().take_while(|m| m.version <= version) {
        conn.apply(migration).await.unwrap();
        let (_, write) = WRITES.iter().find(|(v, _)| *v == migration.version).expect("a row in WRITES");
        let sql = write();
        if !sql.is_empty() {
            sqlx::raw_sql(&sql)
                .execute(&mut conn)
                .await
                .unwrap_or_else(|e| panic!("the write for {} at {version}: {e}", migration.version));
        }
    }
    conn.close().await.unwrap();
}

/// SQLite's own checks, on a connection of its own: the file, and every
/// foreign key.
/// Also returns the versions `_sqlx_migrations` holds.
async fn sqlite_checks(path: &Path) -> (Vec<String>, Vec<String>, Vec<i64>) {
    let mut conn = SqliteConnectOptions::new().filename(path).connect().await.unwrap();
    let integrity: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check").fetch_all(&mut conn).await.unwrap();
    let foreign: Vec<(String, Option<i64>, String)> =
        sqlx::query_as("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check")
            .fetch_all(&mut conn)
            .await
            .unwrap();
    let applied: Vec<(i64, bool)> = sqlx::query_as("SELECT version, success FROM _sqlx_migrations ORDER BY version")
        .fetch_all(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    assert!(applied.iter().all(|(_, ok)| *ok), "{applied:?}");
    let foreign = foreign.into_iter().map(|f| format!("{f:?}")).collect();
    (integrity, foreign, applied.into_iter().map(|(version, _)| version).collect())
}

async fn ids(store: &Store, query: ListQuery) -> Vec<ArticleId> {
    let mut ids: Vec<ArticleId> = store.list(&query).await.unwrap().items.into_iter().map(|a| a.id).collect();
    ids.sort();
    ids
}

/// Everything written at `version` reads back through today's store.
async fn check(store: &Store, version: i64) {
    let at = |since: i64| version >= since;
    let local = [NEWS, ECONOMY, SPORT];
    let subscribed: Vec<FeedId> =
        local.into_iter().chain(at(9).then_some(ACCOUNT_FEED)).chain(at(11).then_some(TTRSS_FEED)).collect();
    let all_articles: Vec<ArticleId> = local
        .iter()
        .flat_map(|f| (1..=ARTICLES_PER_FEED).map(move |n| ArticleId(f.0 * 10 + n)))
        .chain(at(4).then_some(GONE_SAVED))
        .chain(at(9).then_some(ACCOUNT_ARTICLE))
        .chain(at(11).then_some(TTRSS_ARTICLE))
        .collect();

    // Feeds and folders.
    let feeds = store.feeds().await.unwrap();
    let mut listed: Vec<FeedId> = feeds.iter().map(|f| f.id).collect();
    listed.sort();
    assert_eq!(listed, subscribed);
    let feed = |id: FeedId| feeds.iter().find(|f| f.id == id).unwrap();
    assert_eq!(feed(NEWS).folder_id, Some(TOP_FOLDER));
    assert_eq!(feed(ECONOMY).folder_id, Some(SUB_FOLDER));
    assert_eq!(feed(NEWS).unread_count, ARTICLES_PER_FEED - 2, "less the read and the muted one");
    assert_eq!(feed(NEWS).important, at(2));
    assert_eq!(feed(ECONOMY).extraction, at(3).then_some(byline_store::ExtractionPolicy::Always));
    assert_eq!(feed(SPORT).last_error_kind, at(6).then_some(FeedProblem::Unreachable));
    assert_eq!(feed(SPORT).error_count, if at(6) { 2 } else { 0 });
    let folders = store.folders().await.unwrap();
    let mut expect_folders = vec![(TOP_FOLDER, "Xəbərlər", None), (SUB_FOLDER, "İqtisadiyyat", Some(TOP_FOLDER))];
    if at(9) {
        expect_folders.push((ACCOUNT_FOLDER, "gülnar @ rss.example.az", None));
    }
    if at(11) {
        expect_folders.push((TTRSS_FOLDER, "rəşad @ tt.example.az", None));
        expect_folders.push((TTRSS_SUB_FOLDER, "Mədəniyyət", Some(TTRSS_FOLDER)));
    }
    assert_eq!(folders.iter().map(|f| (f.id, f.name.as_str(), f.parent_id)).collect::<Vec<_>>(), expect_folders);
    if at(9) {
        let accounts = store.accounts().await.unwrap();
        assert_eq!(accounts.len(), if at(11) { 2 } else { 1 });
        assert_eq!((accounts[0].kind, accounts[0].username.as_str()), (byline_store::AccountKind::Greader, "gülnar"));
        let queued = store.pending_changes(accounts[0].id).await.unwrap();
        assert_eq!(queued.len(), 1);
        assert_eq!(queued[0].remote_item_id, format!("guid-{ACCOUNT_ARTICLE}"));
        assert_eq!(queued[0].change, byline_store::StatusChange::Unread);
        assert_eq!(accounts[0].sync_cursor.as_deref(), Some(r#"{"after":1700000000000000}"#));
        let account_feed = feeds.iter().find(|f| f.id == ACCOUNT_FEED).unwrap();
        assert_eq!((account_feed.folder_id, account_feed.account_id), (Some(ACCOUNT_FOLDER), Some(accounts[0].id)));
        assert_eq!(store.account_feed_ids(accounts[0].id).await.unwrap().get("feed/7"), Some(&ACCOUNT_FEED));
    }
    if at(11) {
        let ttrss = &store.accounts().await.unwrap()[1];
        assert_eq!(
            (ttrss.kind, ttrss.username.as_str(), ttrss.display_name.as_str()),
            (byline_store::AccountKind::TtRss, "rəşad", "rəşad @ tt.example.az")
        );
        assert_eq!(ttrss.sync_cursor.as_deref(), Some(r#"{"after":612}"#));
        let queued = store.pending_changes(ttrss.id).await.unwrap();
        assert_eq!(queued.len(), 1);
        assert_eq!(queued[0].remote_item_id, format!("guid-{TTRSS_ARTICLE}"));
        assert_eq!(queued[0].change, byline_store::StatusChange::Starred);
        let ttrss_feed = feeds.iter().find(|f| f.id == TTRSS_FEED).unwrap();
        assert_eq!((ttrss_feed.folder_id, ttrss_feed.account_id), (Some(TTRSS_SUB_FOLDER), Some(ttrss.id)));
    }
    let in_top = ids(store, ListQuery { folder: Some(TOP_FOLDER), limit: 100, ..Default::default() }).await;
    assert_eq!(in_top.len() as i64, 2 * ARTICLES_PER_FEED - 1, "both feeds under the top folder, less the muted");
    match store.feed(GONE).await {
        Ok(gone) => assert!(at(4) && gone.title == "Köhnə mənbə"),
        Err(byline_store::StoreError::NotFound(_)) => assert!(!at(4)),
        Err(e) => panic!("{e}"),
    }
    assert_eq!(store.rules().await.unwrap().len(), 1);

    // Statuses.
    let saved: Vec<ArticleId> = [SAVED, READ_SAVED]
        .into_iter()
        .chain(at(4).then_some(GONE_SAVED))
        .chain(at(11).then_some(TTRSS_ARTICLE))
        .collect();
    assert_eq!(ids(store, ListQuery { view: View::Saved, limit: 100, ..Default::default() }).await, saved);
    let listed = ids(store, ListQuery { limit: 100, ..Default::default() }).await;
    let not_muted: Vec<ArticleId> = all_articles.iter().copied().filter(|a| *a != MUTED).collect();
    assert_eq!(listed, not_muted, "every article but the muted one");
    let unread = ids(store, ListQuery { view: View::Unread, limit: 100, ..Default::default() }).await;
    let expect_unread: Vec<ArticleId> = not_muted.iter().copied().filter(|a| ![READ, READ_SAVED].contains(a)).collect();
    assert_eq!(unread, expect_unread);
    let counts = store.counts().await.unwrap();
    assert_eq!(
        (counts.all, counts.unread, counts.saved),
        (not_muted.len() as i64, expect_unread.len() as i64, saved.len() as i64)
    );

    // Every article, with its content; the saved ones with their pages.
    for id in &all_articles {
        let article = store.article(*id).await.unwrap();
        assert_eq!(article.summary.title, article_title(id.0));
        assert_eq!(article.content_html.as_deref(), Some(article_content(id.0).as_str()), "article {id}");
        assert_eq!(article.summary.read, [READ, READ_SAVED].contains(id), "article {id}");
        assert_eq!(article.summary.saved, saved.contains(id), "article {id}");
        assert_eq!(article.enclosures.len(), 1, "article {id}");
    }
    let kept = store.article(SAVED).await.unwrap();
    if at(3) {
        assert_eq!(kept.full_html.as_deref(), Some(saved_full_html().as_str()));
        assert_eq!(kept.bylines, saved_bylines());
        // Extracted before pages had an agency: none.
        assert_eq!(kept.summary.agency, None);
        assert_eq!((kept.reading_minutes, kept.page), (Some(4), PageStatus::Shown));
        assert_eq!(store.article(PAGE_FAILED).await.unwrap().page, PageStatus::Failed);
        assert_eq!(store.article(PAGE_NOT_WANTED).await.unwrap().page, PageStatus::NotWanted);
    } else {
        assert_eq!((kept.full_html, kept.page), (None, PageStatus::Pending));
    }
    let worse = store.article(READ_SAVED).await.unwrap().page;
    assert_eq!(worse, if at(5) { PageStatus::FeedTextBetter } else { PageStatus::Pending });

    // Search finds the old articles, folded: by title, by content, and the
    // saved article by its page's text.
    let search = |text: &str| ListQuery { search: Some(text.into()), limit: 100, ..Default::default() };
    assert_eq!(ids(store, search("seher xeberleri")).await, not_muted, "title words, without diacritics");
    let by_content: Vec<ArticleId> = not_muted.iter().copied().filter(|a| !(at(3) && *a == SAVED)).collect();
    assert_eq!(ids(store, search(CONTENT_WORD)).await, by_content, "content (the extracted page replaced it)");
    let by_page: Vec<ArticleId> = at(3).then_some(SAVED).into_iter().collect();
    assert_eq!(ids(store, search("qarabagdaki")).await, by_page);
    assert_eq!(ids(store, search("İSGƏNDƏROV")).await, not_muted, "author");
    let wire: Vec<ArticleId> = at(14).then_some(WIRE).into_iter().collect();
    assert_eq!(ids(store, search(WIRE_AGENCY)).await, wire, "the agency");
    assert_eq!(store.article(WIRE).await.unwrap().summary.agency.as_deref(), at(14).then_some(WIRE_AGENCY));
}

/// A sync after the upgrade: the old articles again (one changed) and a new
/// one. Nothing doubles, statuses stay.
async fn sync_after_upgrade(store: &Store, version: i64) {
    let entry = |id: i64, title: String| ParsedEntry {
        id: format!("guid-{id}"),
        title,
        link: Some(format!("https://news.example.az/{id}")),
        authors: vec![Author::new("Gülağa İsgəndərov", None)],
        agency: None,
        published: chrono::DateTime::from_timestamp(1_700_000_000 + id * 60, 0),
        updated: None,
        summary_html: Some("<p>Qısa</p>".into()),
        content_html: Some(article_content(id)),
        enclosures: vec![],
        image: None,
        language: Some("az".into()),
    };
    let mut entries: Vec<ParsedEntry> = (1..=ARTICLES_PER_FEED).map(|n| entry(10 + n, article_title(10 + n))).collect();
    entries[1].title = "Yenilənmiş başlıq".into();
    entries.push(entry(19, "Təzə məqalə".into()));
    entries.push(ParsedEntry { id: "guid-old".into(), ..entry(18, "Silinmiş".into()) });
    let feed = ParsedFeed { title: "Xəbərlər lenti".into(), link: None, description: None, language: None, entries };
    let outcome = store.store_feed(NEWS, &feed, &FetchValidators::default(), &RuleSet::default()).await.unwrap();
    assert_eq!((outcome.new, outcome.updated), (1, ARTICLES_PER_FEED as usize), "the pruned one stays pruned");
    let saved = store.article(SAVED).await.unwrap();
    assert_eq!(saved.summary.title, "Yenilənmiş başlıq");
    assert!(saved.summary.saved && !saved.summary.read);
    assert!(store.article(READ).await.unwrap().summary.read);
    // The saved article's feed entry changed: its extracted page stays searchable.
    let search = ListQuery { search: Some(FULL_TEXT_WORD.into()), limit: 100, ..Default::default() };
    let by_page: Vec<ArticleId> = (version >= 3).then_some(SAVED).into_iter().collect();
    assert_eq!(ids(store, search).await, by_page, "the page's text, after its entry changed");
}

#[tokio::test]
async fn every_earlier_schema_migrates_forward_without_losing_anything() {
    let migrations = migrations_dir();
    let migrator = Migrator::new(migrations.as_path()).await.unwrap();
    let versions: Vec<i64> = migrator.iter().map(|m| m.version).collect();
    assert!(versions.len() >= 7, "the migrations are read from {}", migrations.display());
    let written: Vec<i64> = WRITES.iter().map(|(v, _)| *v).collect();
    assert_eq!(written, versions, "WRITES needs one row per migration: what a database at that version holds");

    for &version in &versions {
        println!("schema after migration {version}");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("byline.sqlite3");
        old_database(&path, &migrator, version).await;

        let store = Store::open(&path).await.unwrap_or_else(|e| panic!("opening a database at {version}: {e}"));
        assert_eq!(store.integrity_problems().await.unwrap(), Vec::<String>::new(), "at {version}");
        // Versions before 0015 ask for a new search index; the app builds it
        // after its window is up.
        assert_eq!(store.search_index_pending().await.unwrap(), version < 15, "at {version}");
        store.rebuild_search_index().await.unwrap();
        assert_eq!(store.integrity_problems().await.unwrap(), Vec::<String>::new(), "at {version}");
        check(&store, version).await;
        store.close().await;
        let (integrity, foreign, applied) = sqlite_checks(&path).await;
        assert_eq!((integrity, foreign), (vec!["ok".to_string()], vec![]), "at {version}");
        assert_eq!(
            applied,
            versions,
            "Store::open applies every migration in {} (a stale build embeds fewer)",
            migrations.display()
        );

        // Opened again, and after a sync: still all there.
        let store = Store::open(&path).await.unwrap();
        check(&store, version).await;
        sync_after_upgrade(&store, version).await;
        store.close().await;
        let (integrity, foreign, _) = sqlite_checks(&path).await;
        assert_eq!((integrity, foreign), (vec!["ok".to_string()], vec![]), "after a sync at {version}");
    }
}
