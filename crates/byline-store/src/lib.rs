//! Byline's store: one SQLite file, reached through sqlx.
//!
//! * Migrations are embedded and run on [`Store::open`]; the file uses WAL
//!   with `synchronous=NORMAL`, foreign keys, a busy timeout and incremental
//!   auto-vacuum.
//! * One writer connection serializes every write; a small pool of read-only
//!   connections serves lists and search at the same time.
//! * Feeds and articles hold what sync rewrites; `article_status` holds what
//!   the reader decided (read, saved, muted), so a sync never resets it.
//! * Full-text search (FTS5) runs over folded text (see [`fold`]); its rows
//!   are keyed in list order, so a search reads one page of matches.
//!
//! ```no_run
//! # async fn demo() -> Result<(), byline_store::StoreError> {
//! use byline_store::{ListQuery, Store, View};
//! let store = Store::open("byline.sqlite3".as_ref()).await?;
//! let feed = store.add_feed("https://example.com/rss", None).await?;
//! let unread = store.list(&ListQuery { view: View::Unread, ..Default::default() }).await?;
//! # Ok(()) }
//! ```
#![deny(missing_docs)]

mod accounts;
mod articles;
mod error;
mod extraction;
mod feeds;
pub mod fold;
mod ingest;
mod model;
mod retention;
mod rules;
mod search_index;
pub mod snippet;
mod writer_thread;

use std::path::Path;
use std::time::Duration;

use sqlx::sqlite::{
    SqliteAutoVacuum, SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteSynchronous,
};

pub use accounts::{
    Account, AccountFeed, AccountFolder, AccountId, AccountKind, NewAccount, PendingChange, RemoteRef, RemoteState,
    StatusChange, TreeOutcome,
};
pub use error::{Result, StoreError};
pub use extraction::{Author, ExtractedArticle, ExtractionPolicy, PendingExtraction};
pub use feeds::{FetchValidators, NewSubscription, Subscribed};
pub use ingest::PreparedFeed;
pub use model::*;
pub use rules::RuleSet;
pub use search_index::SORT_KEY_LIMIT;
pub use snippet::SnippetPart;

/// Rows a read query's connection hands over before it waits for the
/// caller to take them: a read of up to this many rows never stops the
/// connection's thread to be woken again. sqlx's default of 50 stopped it
/// three times for [`Store::feeds`] with 200 feeds, each stop a scheduler
/// round trip, costly on busy cores (see the Scale section of BENCHMARKS.md).
const READER_ROW_BUFFER: usize = 1024;

/// Handle to the database; cheap to clone.
#[derive(Debug, Clone)]
pub struct Store {
    writer: SqlitePool,
    reader: SqlitePool,
}

impl Store {
    /// Opens (creating if needed) the database file at `path` and brings its
    /// schema up to date.
    pub async fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::Invalid(format!("cannot create {}: {e}", dir.display())))?;
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .auto_vacuum(SqliteAutoVacuum::Incremental)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Normal)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10))
            .pragma("temp_store", "memory")
            .pragma("cache_size", "-16384")
            .optimize_on_close(true, None);
        let writer = SqlitePoolOptions::new()
            .max_connections(1)
            .min_connections(1)
            .idle_timeout(None)
            .max_lifetime(None)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations").run(&writer).await?;
        search_index::prepare(&mut *writer.acquire().await?).await?;
        let reader = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(
                SqliteConnectOptions::new()
                    .filename(path)
                    .read_only(true)
                    .foreign_keys(true)
                    .busy_timeout(Duration::from_secs(10))
                    .row_buffer_size(READER_ROW_BUFFER),
            )
            .await?;
        Ok(Self { writer, reader })
    }

    /// Checks the file: SQLite's own integrity check, every foreign key, the
    /// search index's own check, and that every article has its status and
    /// its search row (each is written in the article's transaction).
    /// Returns what is wrong; empty when all is well.
    pub async fn integrity_problems(&self) -> Result<Vec<String>> {
        let rows: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check").fetch_all(&self.writer).await?;
        let mut problems: Vec<String> = rows.into_iter().filter(|row| row != "ok").collect();
        let orphans: Vec<(String, Option<i64>, String)> =
            sqlx::query_as("SELECT \"table\", rowid, parent FROM pragma_foreign_key_check")
                .fetch_all(&self.writer)
                .await?;
        problems.extend(orphans.into_iter().map(|(table, rowid, parent)| {
            format!("{table} row {} points to a missing {parent} row", rowid.map_or("?".into(), |r| r.to_string()))
        }));
        if let Err(err) = sqlx::query("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
            .execute(&self.writer)
            .await
        {
            problems.push(format!("search index: {err}"));
        }
        let (no_status, not_indexed): (i64, i64) = sqlx::query_as(&format!(
            "SELECT (SELECT COUNT(*) FROM articles WHERE id NOT IN (SELECT article_id FROM article_status)),
               (SELECT COUNT(*) FROM articles a WHERE {} NOT IN (SELECT rowid FROM articles_fts))",
            search_index::rowid_sql("a.sort_key", "a.id")
        ))
        .fetch_one(&self.writer)
        .await?;
        if no_status > 0 {
            problems.push(format!("{no_status} articles have no status"));
        }
        if not_indexed > 0 && !self.search_index_pending().await? {
            problems.push(format!("{not_indexed} articles are missing from the search index"));
        }
        Ok(problems)
    }

    /// Gives back the memory SQLite holds for pages it has cached: the
    /// writer's cache fills up to its `cache_size` during a sync and stays
    /// full until the connection closes. Shrinks the writer's cache and
    /// that of every idle reader; the caches fill again as they are used.
    pub async fn release_memory(&self) -> Result<()> {
        sqlx::query("PRAGMA shrink_memory").execute(&self.writer).await?;
        let mut idle_readers = Vec::new();
        while let Some(reader) = self.reader.try_acquire() {
            idle_readers.push(reader);
        }
        for reader in &mut idle_readers {
            sqlx::query("PRAGMA shrink_memory").execute(&mut **reader).await?;
        }
        Ok(())
    }

    /// Closes every connection, checkpointing the WAL.
    pub async fn close(&self) {
        self.reader.close().await;
        self.writer.close().await;
    }
}

/// Seconds since the Unix epoch, now.
pub(crate) fn now() -> i64 {
    chrono::Utc::now().timestamp()
}

#[cfg(test)]
mod tests {
    use sqlx::{ConnectOptions, Connection};

    use super::*;

    #[tokio::test]
    async fn a_read_returns_more_rows_than_its_buffer_holds() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("byline.sqlite3")).await.unwrap();
        let urls: Vec<String> =
            (0..READER_ROW_BUFFER + 5).map(|i| format!("https://news{i:04}.example.az/rss")).collect();
        let subscriptions: Vec<NewSubscription> =
            urls.iter().map(|url| NewSubscription { url, ..Default::default() }).collect();
        store.add_feeds(&subscriptions).await.unwrap();
        let listed: Vec<String> = store.feeds().await.unwrap().into_iter().map(|f| f.url).collect();
        assert_eq!(listed, urls);
        store.close().await;
    }

    #[tokio::test]
    async fn released_memory_leaves_every_connection_working() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("byline.sqlite3")).await.unwrap();
        store.add_feed("https://news.example.az/rss", None).await.unwrap();
        // Two readers idle at once, so both are shrunk.
        let (first, second) = tokio::join!(store.feeds(), store.feeds());
        assert_eq!((first.unwrap().len(), second.unwrap().len()), (1, 1));
        store.release_memory().await.unwrap();
        store.add_feed("https://other.example.ru/rss", None).await.unwrap();
        assert_eq!(store.feeds().await.unwrap().len(), 2);
        store.close().await;
    }

    #[tokio::test]
    async fn integrity_problems_name_broken_links_and_lost_rows() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("byline.sqlite3");
        let store = Store::open(&path).await.unwrap();
        let feed = store.add_feed("https://news.example.az/rss", None).await.unwrap();
        assert_eq!(store.integrity_problems().await.unwrap(), Vec::<String>::new());
        store.close().await;

        // What a write outside the store's transactions could leave behind.
        let mut conn = SqliteConnectOptions::new().filename(&path).foreign_keys(false).connect().await.unwrap();
        let article = "INSERT INTO articles (id, feed_id, guid, title, content_hash, sort_key, fetched_at)
                       VALUES (?, ?, ?, 't', 'h', 1, 1)";
        sqlx::query(article).bind(1).bind(feed.id).bind("a").execute(&mut conn).await.unwrap();
        sqlx::query(article).bind(2).bind(999).bind("b").execute(&mut conn).await.unwrap();
        // Article 2's search row (sort key 1, id 2: see `search_index`).
        sqlx::query("INSERT INTO articles_fts (rowid, title, author, body) VALUES (2147483650, 't', '', '')")
            .execute(&mut conn)
            .await
            .unwrap();
        conn.close().await.unwrap();

        let store = Store::open(&path).await.unwrap();
        assert_eq!(
            store.integrity_problems().await.unwrap(),
            vec![
                "articles row 2 points to a missing feeds row".to_string(),
                "2 articles have no status".into(),
                "1 articles are missing from the search index".into(),
            ]
        );
        store.close().await;
    }
}
