//! Feeds, folders and each feed's fetch state.

use chrono::{DateTime, Utc};

use crate::{now, Feed, FeedFetchState, FeedId, FeedProblem, Folder, FolderId, Result, Store, StoreError};

const FEED_COLUMNS: &str = "f.id, f.url, f.title, f.site_url, f.folder_id, f.last_checked_at, f.last_success_at,
    f.last_error, f.last_error_kind, f.error_count, f.next_attempt_at, COALESCE(u.unread, 0) AS unread_count, f.important, f.extraction, f.account_id";
/// The `WHERE` clause of a write to one feed (bound to its id) that must
/// leave an unsubscribed feed alone; pair it with [`expect_subscribed`].
pub(crate) const SUBSCRIBED_ID: &str = "id = ? AND id IN (SELECT id FROM subscribed_feeds)";
const UNREAD_JOIN: &str = "LEFT JOIN (SELECT feed_id, COUNT(*) AS unread FROM article_status
    WHERE read = 0 AND muted = 0 GROUP BY feed_id) u ON u.feed_id = f.id";

/// What a successful fetch tells us about a feed.
#[derive(Debug, Clone, Default)]
pub struct FetchValidators<'a> {
    /// The response's ETag.
    pub etag: Option<&'a str>,
    /// The response's Last-Modified.
    pub last_modified: Option<&'a str>,
    /// Hash of the body.
    pub content_hash: Option<&'a str>,
}

/// A feed to subscribe to, for [`Store::add_feeds`].
#[derive(Debug, Clone, Copy, Default)]
pub struct NewSubscription<'a> {
    /// The feed's URL.
    pub url: &'a str,
    /// The folder to put it in.
    pub folder: Option<FolderId>,
    /// Its title, until the feed's own arrives (for a new subscription).
    pub title: Option<&'a str>,
}

/// What [`Store::add_feeds`] did with one feed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Subscribed {
    /// Newly subscribed.
    Added(FeedId),
    /// It was subscribed already.
    Existing(FeedId),
    /// Not subscribed, and why.
    Refused(String),
}

impl Store {
    /// Subscribes to `url` (returns the existing feed if already subscribed).
    /// The same rule as [`Store::add_feeds`] (one code path): an existing
    /// feed keeps its title and moves only when a folder is given.
    pub async fn add_feed(&self, url: &str, folder: Option<FolderId>) -> Result<Feed> {
        let mut tx = self.writer.begin().await?;
        let subscribed = subscribe(&mut tx, &NewSubscription { url, folder, title: None }, now()).await?;
        tx.commit().await?;
        match subscribed {
            Subscribed::Added(id) | Subscribed::Existing(id) => self.feed(id).await,
            Subscribed::Refused(why) => Err(StoreError::Invalid(why)),
        }
    }

    /// Subscribes to many feeds in one transaction (an OPML import, a list
    /// of URLs). Returns, for each, its id and whether it is new, or why it
    /// was refused (not an http(s) URL). A feed already subscribed keeps its
    /// title and moves only when a folder is given.
    pub async fn add_feeds(&self, feeds: &[NewSubscription<'_>]) -> Result<Vec<Subscribed>> {
        let created_at = now();
        let mut results = Vec::with_capacity(feeds.len());
        let mut tx = self.writer.begin().await?;
        for feed in feeds {
            results.push(subscribe(&mut tx, feed, created_at).await?);
        }
        tx.commit().await?;
        Ok(results)
    }

    /// One feed, subscribed or not (an unsubscribed one stays while it has
    /// saved articles).
    pub async fn feed(&self, id: FeedId) -> Result<Feed> {
        sqlx::query_as(&format!("SELECT {FEED_COLUMNS} FROM feeds f {UNREAD_JOIN} WHERE f.id = ?"))
            .bind(id)
            .fetch_optional(&self.reader)
            .await?
            .ok_or_else(|| StoreError::NotFound(format!("feed {id}")))
    }

    /// The feed subscribed at `url`, if any.
    pub async fn feed_by_url(&self, url: &str) -> Result<Option<Feed>> {
        Ok(sqlx::query_as(&format!("SELECT {FEED_COLUMNS} FROM subscribed_feeds f {UNREAD_JOIN} WHERE f.url = ?"))
            .bind(url)
            .fetch_optional(&self.reader)
            .await?)
    }

    /// Every subscribed feed, by title.
    pub async fn feeds(&self) -> Result<Vec<Feed>> {
        Ok(sqlx::query_as(&format!(
            "SELECT {FEED_COLUMNS} FROM subscribed_feeds f {UNREAD_JOIN} ORDER BY f.title COLLATE NOCASE, f.id"
        ))
        .fetch_all(&self.reader)
        .await?)
    }

    /// Unsubscribes: the feed is no longer fetched or listed, and its
    /// articles are deleted, except the saved ones, which stay readable
    /// (under Saved) until they are unsaved and retention takes them. A feed
    /// with no saved articles is deleted outright.
    pub async fn remove_feed(&self, id: FeedId) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        let done = sqlx::query(&format!(
            "UPDATE feeds SET unsubscribed_at = ?, folder_id = NULL, etag = NULL, last_modified = NULL,
               content_hash = NULL, last_error = NULL, last_error_kind = NULL, error_count = 0, next_attempt_at = NULL
             WHERE {SUBSCRIBED_ID}",
        ))
        .bind(now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        expect_subscribed(done.rows_affected(), id)?;
        let unsaved = "SELECT id FROM articles WHERE feed_id = ?1
                       AND id NOT IN (SELECT article_id FROM article_status WHERE feed_id = ?1 AND saved = 1)";
        sqlx::query(&crate::search_index::delete_sql(unsaved)).bind(id).execute(&mut *tx).await?;
        sqlx::query(&format!("DELETE FROM articles WHERE id IN ({unsaved})")).bind(id).execute(&mut *tx).await?;
        delete_empty_unsubscribed(&mut tx).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Renames a feed. An unsubscribed feed is [`StoreError::NotFound`].
    pub async fn rename_feed(&self, id: FeedId, title: &str) -> Result<()> {
        let done = sqlx::query(&format!("UPDATE feeds SET title = ? WHERE {SUBSCRIBED_ID}"))
            .bind(title.trim())
            .bind(id)
            .execute(&self.writer)
            .await?;
        expect_subscribed(done.rows_affected(), id)
    }

    /// Marks a feed important (new articles notify) or not. An unsubscribed
    /// feed is [`StoreError::NotFound`].
    pub async fn set_feed_important(&self, id: FeedId, important: bool) -> Result<()> {
        let done = sqlx::query(&format!("UPDATE feeds SET important = ? WHERE {SUBSCRIBED_ID}"))
            .bind(important)
            .bind(id)
            .execute(&self.writer)
            .await?;
        expect_subscribed(done.rows_affected(), id)
    }

    /// Moves a feed into a folder (or out of every folder). An unsubscribed
    /// feed is [`StoreError::NotFound`].
    pub async fn move_feed(&self, id: FeedId, folder: Option<FolderId>) -> Result<()> {
        let done = sqlx::query(&format!("UPDATE feeds SET folder_id = ? WHERE {SUBSCRIBED_ID}"))
            .bind(folder)
            .bind(id)
            .execute(&self.writer)
            .await?;
        expect_subscribed(done.rows_affected(), id)
    }

    /// Changes where a feed is fetched from (after a permanent redirect).
    /// When another feed already has that URL, nothing changes.
    pub async fn set_feed_url(&self, id: FeedId, url: &str) -> Result<()> {
        sqlx::query("UPDATE OR IGNORE feeds SET url = ? WHERE id = ?").bind(url).bind(id).execute(&self.writer).await?;
        Ok(())
    }

    /// Fetch state of every feed.
    pub async fn fetch_states(&self) -> Result<Vec<FeedFetchState>> {
        Ok(sqlx::query_as(
            "SELECT id, url, etag, last_modified, content_hash, error_count, next_attempt_at FROM subscribed_feeds
             ORDER BY id",
        )
        .fetch_all(&self.reader)
        .await?)
    }

    /// Records a fetch that answered 304 or an unchanged body.
    pub async fn record_unchanged(&self, id: FeedId, validators: &FetchValidators<'_>) -> Result<()> {
        let now = now();
        sqlx::query(
            "UPDATE feeds SET etag = COALESCE(?, etag), last_modified = COALESCE(?, last_modified),
             last_checked_at = ?, last_success_at = ?, last_error = NULL, last_error_kind = NULL, error_count = 0, next_attempt_at = NULL
             WHERE id = ?",
        )
        .bind(validators.etag)
        .bind(validators.last_modified)
        .bind(now)
        .bind(now)
        .bind(id)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// Records a failed fetch: the error, one more consecutive failure, and
    /// the earliest time to try again.
    pub async fn record_failure(
        &self,
        id: FeedId,
        kind: FeedProblem,
        error: &str,
        next_attempt_at: Option<DateTime<Utc>>,
    ) -> Result<()> {
        sqlx::query(
            "UPDATE feeds SET last_checked_at = ?, last_error = ?, last_error_kind = ?, error_count = error_count + 1,
               next_attempt_at = ?
             WHERE id = ?",
        )
        .bind(now())
        .bind(error)
        .bind(kind)
        .bind(next_attempt_at.map(|t| t.timestamp()))
        .bind(id)
        .execute(&self.writer)
        .await?;
        Ok(())
    }

    /// Creates a folder (or returns the one of that name in that parent).
    pub async fn create_folder(&self, name: &str, parent: Option<FolderId>) -> Result<Folder> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("a folder needs a name".into()));
        }
        let existing: Option<Folder> =
            sqlx::query_as("SELECT id, name, parent_id, account_id FROM folders WHERE name = ? AND parent_id IS ?")
                .bind(name)
                .bind(parent)
                .fetch_optional(&self.writer)
                .await?;
        if let Some(folder) = existing {
            return Ok(folder);
        }
        Ok(sqlx::query_as(
            "INSERT INTO folders (name, parent_id) VALUES (?, ?) RETURNING id, name, parent_id, account_id",
        )
        .bind(name)
        .bind(parent)
        .fetch_one(&self.writer)
        .await?)
    }

    /// Every folder.
    pub async fn folders(&self) -> Result<Vec<Folder>> {
        Ok(sqlx::query_as("SELECT id, name, parent_id, account_id FROM folders ORDER BY position, name COLLATE NOCASE")
            .fetch_all(&self.reader)
            .await?)
    }

    /// Deletes a folder and its subfolders; their feeds move to the top level.
    pub async fn delete_folder(&self, id: FolderId) -> Result<()> {
        let done = sqlx::query("DELETE FROM folders WHERE id = ?").bind(id).execute(&self.writer).await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("folder {id}")));
        }
        Ok(())
    }

    /// Renames a folder. Another folder of that name in the same parent is
    /// a clear error, not a constraint failure.
    pub async fn rename_folder(&self, id: FolderId, name: &str) -> Result<()> {
        let name = name.trim();
        if name.is_empty() {
            return Err(StoreError::Invalid("a folder needs a name".into()));
        }
        let taken: bool = sqlx::query_scalar(
            "SELECT EXISTS (SELECT 1 FROM folders f JOIN folders me ON me.id = ?
               WHERE f.id <> me.id AND f.name = ? AND f.parent_id IS me.parent_id)",
        )
        .bind(id)
        .bind(name)
        .fetch_one(&self.writer)
        .await?;
        if taken {
            return Err(StoreError::Invalid(format!("there is already a folder named “{name}” there")));
        }
        let done =
            sqlx::query("UPDATE folders SET name = ? WHERE id = ?").bind(name).bind(id).execute(&self.writer).await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound(format!("folder {id}")));
        }
        Ok(())
    }
}

/// Subscribes to one feed, the one rule for [`Store::add_feed`] and
/// [`Store::add_feeds`]: a new feed takes the given title; a feed unsubscribed
/// earlier (kept for its saved articles) comes back as added, with the given
/// title if any; a feed subscribed already keeps its title. Either moves only
/// when a folder is given.
async fn subscribe(
    conn: &mut sqlx::SqliteConnection,
    feed: &NewSubscription<'_>,
    created_at: i64,
) -> Result<Subscribed> {
    if !byline_feeds::sanitize::is_web_url(feed.url) {
        return Ok(Subscribed::Refused(format!("not an http(s) URL: {}", feed.url)));
    }
    let title = feed.title.map(str::trim).unwrap_or_default();
    let added: Option<FeedId> = sqlx::query_scalar(
        "INSERT INTO feeds (url, title, folder_id, created_at) VALUES (?, ?, ?, ?)
         ON CONFLICT(url) DO UPDATE SET unsubscribed_at = NULL,
           folder_id = COALESCE(excluded.folder_id, feeds.folder_id),
           title = CASE WHEN excluded.title <> '' THEN excluded.title ELSE feeds.title END
         WHERE feeds.unsubscribed_at IS NOT NULL
         RETURNING id",
    )
    .bind(feed.url)
    .bind(title)
    .bind(feed.folder)
    .bind(created_at)
    .fetch_optional(&mut *conn)
    .await?;
    if let Some(id) = added {
        return Ok(Subscribed::Added(id));
    }
    let id: FeedId =
        sqlx::query_scalar("UPDATE feeds SET folder_id = COALESCE(?, folder_id) WHERE url = ? RETURNING id")
            .bind(feed.folder)
            .bind(feed.url)
            .fetch_one(&mut *conn)
            .await?;
    Ok(Subscribed::Existing(id))
}

/// Deletes unsubscribed feeds that have no article left.
pub(crate) async fn delete_empty_unsubscribed(conn: &mut sqlx::SqliteConnection) -> Result<()> {
    sqlx::query(
        "DELETE FROM feeds WHERE unsubscribed_at IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM articles WHERE articles.feed_id = feeds.id)",
    )
    .execute(conn)
    .await?;
    Ok(())
}

/// A write to one feed that changed no row: there is no subscribed feed with
/// that id (it never existed, or was unsubscribed).
pub(crate) fn expect_subscribed(rows: u64, id: FeedId) -> Result<()> {
    if rows == 0 {
        return Err(StoreError::NotFound(format!("subscribed feed {id}")));
    }
    Ok(())
}
