//! Server accounts: a feed server (Google Reader API, Fever API, Tiny Tiny
//! RSS) is one more kind of source. Its folders, feeds and articles are
//! ordinary rows that remember their account and the server's id for them
//! (NULL is the local account), stored by the one ingest
//! ([`crate::PreparedFeed`]).
//!
//! Read and saved changes made here to an account's articles wait in
//! `pending_changes` until the server accepted them: they are written in
//! the transaction of the status change itself ([`enqueue`], called by
//! [`Store::set_read`] and the other status writes), so a killed process
//! never loses one. The password is never stored here.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use sqlx::SqliteConnection;

use crate::{now, ArticleId, FeedFetchState, FeedId, FolderId, Result, Store, StoreError};

/// Identifies a server account.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(transparent)]
#[sqlx(transparent)]
pub struct AccountId(pub i64);

impl std::fmt::Display for AccountId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// The protocol a server account speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum AccountKind {
    /// The Google Reader API (FreshRSS, Miniflux, Inoreader…).
    Greader,
    /// The Fever API.
    Fever,
    /// Tiny Tiny RSS's own JSON API.
    #[serde(rename = "ttrss")]
    #[sqlx(rename = "ttrss")]
    TtRss,
}

impl AccountKind {
    /// Every kind, in the order the CLI and the app offer them.
    pub const ALL: [AccountKind; 3] = [Self::Greader, Self::Fever, Self::TtRss];

    /// The name the database and the CLI use: `greader`, `fever` or `ttrss`.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Greader => "greader",
            Self::Fever => "fever",
            Self::TtRss => "ttrss",
        }
    }
}

impl std::fmt::Display for AccountKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for AccountKind {
    type Err = StoreError;

    fn from_str(s: &str) -> Result<Self> {
        Self::ALL
            .into_iter()
            .find(|kind| kind.as_str() == s)
            .ok_or_else(|| StoreError::Invalid(format!("unknown account kind {s:?} (greader, fever or ttrss)")))
    }
}

/// A server account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, sqlx::FromRow)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Account {
    /// Its id.
    pub id: AccountId,
    /// Its protocol.
    pub kind: AccountKind,
    /// The server's API address.
    pub url: String,
    /// The user name on the server.
    pub username: String,
    /// The name shown for it ("alice @ rss.example.com").
    pub display_name: String,
    /// Where the next incremental fetch starts (opaque to the store).
    pub sync_cursor: Option<String>,
    /// When it last synced without error.
    pub last_sync_at: Option<DateTime<Utc>>,
    /// The error of its last sync, when it failed.
    pub last_error: Option<String>,
    /// When it was added.
    pub created_at: DateTime<Utc>,
}

/// An account to add, for [`Store::add_account`].
#[derive(Debug, Clone, Copy)]
pub struct NewAccount<'a> {
    /// Its protocol.
    pub kind: AccountKind,
    /// The server's API address.
    pub url: &'a str,
    /// The user name on the server.
    pub username: &'a str,
    /// The name shown for it.
    pub display_name: &'a str,
}

/// A status change made here, to send to the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, sqlx::Type)]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum StatusChange {
    /// Marked read.
    Read,
    /// Marked unread.
    Unread,
    /// Saved (starred on the server).
    Starred,
    /// Unsaved.
    Unstarred,
}

impl StatusChange {
    /// [`StatusChange::Read`] or [`StatusChange::Unread`].
    pub fn read(read: bool) -> Self {
        if read {
            Self::Read
        } else {
            Self::Unread
        }
    }

    /// [`StatusChange::Starred`] or [`StatusChange::Unstarred`].
    pub fn starred(starred: bool) -> Self {
        if starred {
            Self::Starred
        } else {
            Self::Unstarred
        }
    }
}

/// One queued change ([`Store::pending_changes`]).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct PendingChange {
    /// Its place in the queue (grows with every change).
    pub id: i64,
    /// The account of the article.
    pub account_id: AccountId,
    /// The server's id of the article.
    pub remote_item_id: String,
    /// What changed.
    pub change: StatusChange,
    /// When it changed.
    pub changed_at: DateTime<Utc>,
}

/// A folder as the server has it, for [`Store::apply_account_tree`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountFolder {
    /// The server's id.
    pub remote_id: String,
    /// Its name.
    pub title: String,
}

/// A feed as the server has it, for [`Store::apply_account_tree`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountFeed {
    /// The server's id.
    pub remote_id: String,
    /// Its title on the server.
    pub title: String,
    /// The feed's own address.
    pub url: String,
    /// Its web site.
    pub site_url: Option<String>,
    /// The server's id of its folder, if any.
    pub folder: Option<String>,
}

/// What [`Store::apply_account_tree`] changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TreeOutcome {
    /// Feeds new here.
    pub added: usize,
    /// Feeds renamed or moved.
    pub changed: usize,
    /// Feeds the server no longer has, unsubscribed here (saved articles kept).
    pub removed: usize,
}

/// The read and starred state of an item on the server.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RemoteState<'a> {
    /// The server's id of the item.
    pub remote_id: &'a str,
    /// Read on the server.
    pub read: bool,
    /// Starred on the server.
    pub starred: bool,
}

/// Where a feed or folder of a server account lives: the account, and the
/// server's id for it ([`Store::feed_remote`], [`Store::folder_remote`]).
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct RemoteRef {
    /// The account.
    pub account_id: AccountId,
    /// The server's id (`""` for the account's top folder).
    pub remote_id: String,
}

const ACCOUNT_COLUMNS: &str =
    "id, kind, url, username, display_name, sync_cursor, last_sync_at, last_error, created_at";

/// The read columns' change kinds, and the saved columns', in SQL.
const READ_CHANGES: &str = "('read', 'unread')";
const STAR_CHANGES: &str = "('starred', 'unstarred')";

impl Store {
    /// Adds a server account. The same user on the same server twice is
    /// [`StoreError::Invalid`].
    pub async fn add_account(&self, account: &NewAccount<'_>) -> Result<Account> {
        let added: Option<Account> = sqlx::query_as(&format!(
            "INSERT INTO accounts (kind, url, username, display_name, created_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT DO NOTHING RETURNING {ACCOUNT_COLUMNS}"
        ))
        .bind(account.kind)
        .bind(account.url)
        .bind(account.username)
        .bind(account.display_name.trim())
        .bind(now())
        .fetch_optional(&self.writer)
        .await?;
        added.ok_or_else(|| {
            StoreError::Invalid(format!(
                "the {} account {} at {} is already added",
                account.kind, account.username, account.url
            ))
        })
    }

    /// Every server account, in the order they were added.
    pub async fn accounts(&self) -> Result<Vec<Account>> {
        Ok(sqlx::query_as(&format!("SELECT {ACCOUNT_COLUMNS} FROM accounts ORDER BY id"))
            .fetch_all(&self.reader)
            .await?)
    }

    /// One server account.
    pub async fn account(&self, id: AccountId) -> Result<Account> {
        sqlx::query_as(&format!("SELECT {ACCOUNT_COLUMNS} FROM accounts WHERE id = ?"))
            .bind(id)
            .fetch_optional(&self.reader)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("account {id}")))
    }

    /// Removes an account: each of its feeds is unsubscribed as
    /// [`Store::remove_feed`] does (its saved articles stay readable, as
    /// local ones), then its folders, queued changes and the account go.
    pub async fn remove_account(&self, id: AccountId) -> Result<()> {
        self.account(id).await?;
        for feed in self.account_feed_ids(id).await?.into_values() {
            match self.remove_feed(feed).await {
                Ok(()) | Err(StoreError::NotFound(_)) => {}
                Err(err) => return Err(err),
            }
        }
        // Folders and queued changes go with the account (ON DELETE CASCADE);
        // the kept feeds and saved articles become local (ON DELETE SET NULL).
        let done = sqlx::query("DELETE FROM accounts WHERE id = ?").bind(id).execute(&self.writer).await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("account {id}")));
        }
        Ok(())
    }

    /// Records a sync of the account that went through: its new cursor, the
    /// time, no error.
    pub async fn record_account_sync(&self, id: AccountId, cursor: &str) -> Result<()> {
        sqlx::query("UPDATE accounts SET sync_cursor = ?, last_sync_at = ?, last_error = NULL WHERE id = ?")
            .bind(cursor)
            .bind(now())
            .bind(id)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// Records a sync of the account that failed (the cursor stays).
    pub async fn record_account_error(&self, id: AccountId, error: &str) -> Result<()> {
        sqlx::query("UPDATE accounts SET last_error = ? WHERE id = ?")
            .bind(error)
            .bind(id)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// The account's queued changes, oldest first.
    pub async fn pending_changes(&self, id: AccountId) -> Result<Vec<PendingChange>> {
        Ok(sqlx::query_as(
            "SELECT id, account_id, remote_item_id, change, changed_at FROM pending_changes WHERE account_id = ?
             ORDER BY id",
        )
        .bind(id)
        .fetch_all(&self.writer)
        .await?)
    }

    /// Removes the account's queued changes up to and including `up_to`
    /// (a [`PendingChange::id`]): the server accepted them. Changes queued
    /// since stay. Returns how many went.
    pub async fn ack_pending_changes(&self, id: AccountId, up_to: i64) -> Result<u64> {
        let done = sqlx::query("DELETE FROM pending_changes WHERE account_id = ? AND id <= ?")
            .bind(id)
            .bind(up_to)
            .execute(&self.writer)
            .await?;
        Ok(done.rows_affected())
    }

    /// The account's subscribed feeds: remote id → feed.
    pub async fn account_feed_ids(&self, id: AccountId) -> Result<HashMap<String, FeedId>> {
        let rows: Vec<(String, FeedId)> = sqlx::query_as(
            "SELECT remote_id, id FROM feeds WHERE account_id = ? AND remote_id IS NOT NULL AND unsubscribed_at IS NULL",
        )
        .bind(id)
        .fetch_all(&self.reader)
        .await?;
        Ok(rows.into_iter().collect())
    }

    /// The account and the server's id of a subscribed feed, or `None` for a
    /// feed of the local account. An unsubscribed or unknown feed is
    /// [`StoreError::NotFound`].
    pub async fn feed_remote(&self, id: FeedId) -> Result<Option<RemoteRef>> {
        let row: Option<(Option<AccountId>, Option<String>)> =
            sqlx::query_as("SELECT account_id, remote_id FROM subscribed_feeds WHERE id = ?")
                .bind(id)
                .fetch_optional(&self.reader)
                .await?;
        let (account, remote) = row.ok_or_else(|| StoreError::NotFound(format!("feed {id}")))?;
        Ok(account.map(|account_id| RemoteRef { account_id, remote_id: remote.unwrap_or_default() }))
    }

    /// The account and the server's id of a folder (`""`: the account's top
    /// folder), or `None` for a folder of the local account. An unknown
    /// folder is [`StoreError::NotFound`].
    pub async fn folder_remote(&self, id: FolderId) -> Result<Option<RemoteRef>> {
        let row: Option<(Option<AccountId>, Option<String>)> =
            sqlx::query_as("SELECT account_id, remote_id FROM folders WHERE id = ?")
                .bind(id)
                .fetch_optional(&self.reader)
                .await?;
        let (account, remote) = row.ok_or_else(|| StoreError::NotFound(format!("folder {id}")))?;
        Ok(account.map(|account_id| RemoteRef { account_id, remote_id: remote.unwrap_or_default() }))
    }

    /// Fetch state of every subscribed feed of the local account: the feeds
    /// that sync fetches itself (a server account's feeds come from its
    /// server).
    pub async fn local_fetch_states(&self) -> Result<Vec<FeedFetchState>> {
        Ok(sqlx::query_as(
            "SELECT id, url, etag, last_modified, content_hash, error_count, next_attempt_at FROM subscribed_feeds
             WHERE account_id IS NULL ORDER BY id",
        )
        .fetch_all(&self.reader)
        .await?)
    }

    /// Makes the account's folders and feeds here what the server has, in
    /// one transaction: the account's top folder (named after it) holds its
    /// folders; feeds are added, renamed and moved. Feeds the server no
    /// longer has are unsubscribed afterwards as [`Store::remove_feed`] does
    /// (their saved articles stay).
    ///
    /// A feed's URL is unique among all feeds: when another feed (local, or
    /// another account's) has it already, the account's feed gets it with
    /// `#account-N` appended.
    pub async fn apply_account_tree(
        &self,
        id: AccountId,
        folders: &[AccountFolder],
        feeds: &[AccountFeed],
    ) -> Result<TreeOutcome> {
        let account = self.account(id).await?;
        let mut outcome = TreeOutcome::default();
        let mut tx = self.writer.begin().await?;
        let top = account_folder(&mut tx, id, "", &account.display_name, None).await?;
        let mut folder_ids: HashMap<&str, FolderId> = HashMap::new();
        for folder in folders {
            folder_ids.insert(
                &folder.remote_id,
                account_folder(&mut tx, id, &folder.remote_id, &folder.title, Some(top)).await?,
            );
        }
        let keep: Vec<&str> = folders.iter().map(|f| f.remote_id.as_str()).chain([""]).collect();
        sqlx::query("DELETE FROM folders WHERE account_id = ?1 AND remote_id NOT IN (SELECT value FROM json_each(?2))")
            .bind(id)
            .bind(serde_json::to_string(&keep).map_err(|e| StoreError::Invalid(e.to_string()))?)
            .execute(&mut *tx)
            .await?;

        let created_at = now();
        for feed in feeds {
            let folder = feed.folder.as_deref().and_then(|f| folder_ids.get(f).copied()).or(Some(top));
            let existing: Option<(FeedId, String, Option<FolderId>, bool)> = sqlx::query_as(
                "SELECT id, title, folder_id, unsubscribed_at IS NOT NULL FROM feeds
                 WHERE account_id = ? AND remote_id = ?",
            )
            .bind(id)
            .bind(&feed.remote_id)
            .fetch_optional(&mut *tx)
            .await?;
            match existing {
                Some((feed_id, title, old_folder, unsubscribed)) => {
                    if title != feed.title || old_folder != folder || unsubscribed {
                        sqlx::query(
                            "UPDATE feeds SET title = ?, folder_id = ?, site_url = COALESCE(?, site_url),
                               unsubscribed_at = NULL WHERE id = ?",
                        )
                        .bind(&feed.title)
                        .bind(folder)
                        .bind(&feed.site_url)
                        .bind(feed_id)
                        .execute(&mut *tx)
                        .await?;
                        if unsubscribed {
                            outcome.added += 1;
                        } else {
                            outcome.changed += 1;
                        }
                    }
                }
                None => {
                    let taken: bool = sqlx::query_scalar("SELECT EXISTS (SELECT 1 FROM feeds WHERE url = ?)")
                        .bind(&feed.url)
                        .fetch_one(&mut *tx)
                        .await?;
                    let url = if taken { format!("{}#account-{id}", feed.url) } else { feed.url.clone() };
                    sqlx::query(
                        "INSERT INTO feeds (url, title, site_url, folder_id, created_at, account_id, remote_id)
                         VALUES (?, ?, ?, ?, ?, ?, ?)",
                    )
                    .bind(url)
                    .bind(&feed.title)
                    .bind(&feed.site_url)
                    .bind(folder)
                    .bind(created_at)
                    .bind(id)
                    .bind(&feed.remote_id)
                    .execute(&mut *tx)
                    .await?;
                    outcome.added += 1;
                }
            }
        }
        tx.commit().await?;

        let on_server: std::collections::HashSet<&str> = feeds.iter().map(|f| f.remote_id.as_str()).collect();
        for (remote_id, feed) in self.account_feed_ids(id).await? {
            if !on_server.contains(remote_id.as_str()) {
                self.remove_feed(feed).await?;
                outcome.removed += 1;
            }
        }
        Ok(outcome)
    }

    /// Sets the read and saved state of the account's articles to the
    /// server's, in one transaction, except where a change made here is
    /// still queued for that item (it is newer than what the server knows).
    /// Items not stored here are skipped. Nothing is queued.
    pub async fn apply_remote_states(&self, id: AccountId, states: &[RemoteState<'_>]) -> Result<()> {
        if states.is_empty() {
            return Ok(());
        }
        let now = now();
        let mut tx = self.writer.begin().await?;
        for chunk in states.chunks(5000) {
            let json = serde_json::to_string(chunk).map_err(|e| StoreError::Invalid(e.to_string()))?;
            for (column, at, value, changes) in
                [("read", "read_at", "read", READ_CHANGES), ("saved", "saved_at", "starred", STAR_CHANGES)]
            {
                sqlx::query(&apply_remote_state_sql(column, at, value, changes))
                    .bind(id)
                    .bind(&json)
                    .bind(now)
                    .persistent(false)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        tx.commit().await?;
        Ok(())
    }

    /// Makes every article of the account read unless its id is in
    /// `unread`, and saved exactly when its id is in `starred` (the server's
    /// full lists), in one transaction; items with a change queued here keep
    /// theirs. Nothing is queued.
    pub async fn reconcile_remote_states(&self, id: AccountId, unread: &[String], starred: &[String]) -> Result<()> {
        let json = |ids: &[String]| serde_json::to_string(ids).map_err(|e| StoreError::Invalid(e.to_string()));
        let now = now();
        let mut tx = self.writer.begin().await?;
        for (column, at, ids, changes, wanted) in [
            ("read", "read_at", json(unread)?, READ_CHANGES, "NOT IN"),
            ("saved", "saved_at", json(starred)?, STAR_CHANGES, "IN"),
        ] {
            sqlx::query(&format!(
                "UPDATE article_status SET {column} = server.value,
                   {at} = CASE WHEN server.value THEN COALESCE({at}, ?3) END
                 FROM (SELECT a.id AS id, a.remote_id AS remote_id, a.remote_id {wanted} (SELECT value FROM json_each(?2)) AS value
                       FROM articles a WHERE a.account_id = ?1) AS server
                 WHERE article_status.article_id = server.id AND article_status.{column} <> server.value
                   AND NOT EXISTS (SELECT 1 FROM pending_changes p WHERE p.account_id = ?1
                     AND p.remote_item_id = server.remote_id AND p.change IN {changes})"
            ))
            .bind(id)
            .bind(ids)
            .bind(now)
            .persistent(false)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }
}

/// The statement that sets `column` (and its time `at`) of the account's
/// articles from the server's states in a JSON list (`?2`, field `value` of
/// each), skipping items with a change of `changes` queued here.
///
/// The articles that match are found first (`matched`, materialized), each
/// state looked up by the `articles_remote` index, and only then joined to
/// the statuses by primary key. Written as one join, SQLite's planner on a
/// database without statistics yet (a first sync) put `articles` outside
/// and read the whole JSON list again for each article: 10,000 items took
/// minutes instead of a fraction of a second (BENCHMARKS.md, server sync).
fn apply_remote_state_sql(column: &str, at: &str, value: &str, changes: &str) -> String {
    format!(
        "WITH matched AS MATERIALIZED (
           SELECT a.id AS id, j.value ->> '{value}' AS value
           FROM json_each(?2) AS j CROSS JOIN articles a
           WHERE a.account_id = ?1 AND a.remote_id = j.value ->> 'remote_id'
             AND NOT EXISTS (SELECT 1 FROM pending_changes p WHERE p.account_id = ?1
               AND p.remote_item_id = a.remote_id AND p.change IN {changes}))
         UPDATE article_status SET {column} = matched.value,
           {at} = CASE WHEN matched.value THEN COALESCE({at}, ?3) END
         FROM matched
         WHERE article_status.article_id = matched.id AND article_status.{column} <> matched.value"
    )
}

/// The account's folder with this remote id (`""`: its top folder),
/// created or renamed and moved as needed. A name another folder in the same
/// place has already gets the account's id appended.
async fn account_folder(
    conn: &mut SqliteConnection,
    account: AccountId,
    remote_id: &str,
    title: &str,
    parent: Option<FolderId>,
) -> Result<FolderId> {
    let title = match title.trim() {
        "" => remote_id,
        title => title,
    };
    let taken: bool = sqlx::query_scalar(
        "SELECT EXISTS (SELECT 1 FROM folders WHERE name = ? AND parent_id IS ?
           AND (account_id IS NOT ? OR remote_id IS NOT ?))",
    )
    .bind(title)
    .bind(parent)
    .bind(account)
    .bind(remote_id)
    .fetch_one(&mut *conn)
    .await?;
    let name = if taken { format!("{title} ({account})") } else { title.to_string() };
    let existing: Option<FolderId> =
        sqlx::query_scalar("SELECT id FROM folders WHERE account_id = ? AND remote_id = ?")
            .bind(account)
            .bind(remote_id)
            .fetch_optional(&mut *conn)
            .await?;
    Ok(match existing {
        Some(folder) => {
            sqlx::query(
                "UPDATE folders SET name = ?, parent_id = ? WHERE id = ? AND (name <> ? OR parent_id IS NOT ?)",
            )
            .bind(&name)
            .bind(parent)
            .bind(folder)
            .bind(&name)
            .bind(parent)
            .execute(&mut *conn)
            .await?;
            folder
        }
        None => {
            sqlx::query_scalar(
                "INSERT INTO folders (name, parent_id, account_id, remote_id) VALUES (?, ?, ?, ?) RETURNING id",
            )
            .bind(&name)
            .bind(parent)
            .bind(account)
            .bind(remote_id)
            .fetch_one(&mut *conn)
            .await?
        }
    })
}

/// Queues `change` for those of `articles` that belong to a server account,
/// in the caller's transaction (the one that changed their status), so the
/// change and its queue entry are written together or not at all.
pub(crate) async fn enqueue(conn: &mut SqliteConnection, articles: &[ArticleId], change: StatusChange) -> Result<()> {
    if articles.is_empty() {
        return Ok(());
    }
    let ids = serde_json::to_string(articles).map_err(|e| StoreError::Invalid(e.to_string()))?;
    sqlx::query(
        "INSERT INTO pending_changes (account_id, remote_item_id, change, changed_at)
         SELECT a.account_id, a.remote_id, ?, ? FROM json_each(?) AS j CROSS JOIN articles a
         WHERE a.id = j.value AND a.account_id IS NOT NULL AND a.remote_id IS NOT NULL",
    )
    .bind(change)
    .bind(now())
    .bind(ids)
    .persistent(false)
    .execute(conn)
    .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlx::Row;

    #[test]
    fn kinds_round_trip_through_their_names() {
        for kind in AccountKind::ALL {
            assert_eq!(kind.as_str().parse::<AccountKind>().unwrap(), kind);
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }
        assert_eq!(AccountKind::TtRss.as_str(), "ttrss");
        assert!("tt_rss".parse::<AccountKind>().is_err());
    }

    /// On a fresh database (no statistics yet, as on a first sync) each
    /// server state is looked up by index, never the whole JSON list once
    /// per article.
    #[tokio::test]
    async fn remote_states_are_matched_by_index_on_a_fresh_database() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("byline.sqlite3")).await.unwrap();
        for (column, at, value, changes) in
            [("read", "read_at", "read", READ_CHANGES), ("saved", "saved_at", "starred", STAR_CHANGES)]
        {
            let sql = format!("EXPLAIN QUERY PLAN {}", apply_remote_state_sql(column, at, value, changes));
            let rows = sqlx::query(&sql).bind(1_i64).bind("[]").bind(0_i64).fetch_all(&store.writer).await.unwrap();
            let plan: Vec<String> = rows.iter().map(|row| row.get::<String, _>("detail")).collect();
            let scans: Vec<&String> = plan.iter().filter(|step| step.starts_with("SCAN")).collect();
            assert!(
                scans.iter().all(|step| step.starts_with("SCAN j ") || step.as_str() == "SCAN matched"),
                "{column}: a table is scanned, not searched: {plan:#?}"
            );
            assert!(
                plan.iter().any(|step| step.starts_with("SEARCH a ") && step.contains("articles_remote")),
                "{column}: articles not looked up by their remote id: {plan:#?}"
            );
        }
    }

    #[tokio::test]
    async fn a_ttrss_account_is_stored_and_read_back() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("byline.sqlite3")).await.unwrap();
        for kind in AccountKind::ALL {
            let new = NewAccount {
                kind,
                url: "https://rss.example.com/tt-rss/api/",
                username: "alice",
                display_name: "alice",
            };
            store.add_account(&new).await.unwrap();
        }
        let kinds: Vec<AccountKind> = store.accounts().await.unwrap().iter().map(|a| a.kind).collect();
        assert_eq!(kinds, AccountKind::ALL);
        store.close().await;
    }
}
