//! Articles: storing a feed's entries, lists with keyset paging, search, and
//! the reader's statuses.

use std::collections::{HashMap, HashSet};

use byline_feeds::sanitize::html_to_text;
use byline_feeds::{ParsedEntry, ParsedFeed};
use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use crate::feeds::{record_parsed, FetchValidators};
use crate::fold::{fold, fts_query};
use crate::rules::RuleSubject;
use crate::{
    now, Article, ArticleId, ArticleSummary, Cursor, FeedId, ListQuery, Page, Result, RuleAction, RuleSet, Store,
    StoreError, StoreOutcome, View,
};

const SUMMARY_COLUMNS: &str = "a.id, a.feed_id, f.title AS feed_title, a.title, a.url, a.author, a.published,
    a.lead_image, s.read, s.saved, a.sort_key";
const MAX_PAGE: u32 = 500;

/// Rows per insert statement (each row is one JSON array element).
const INSERT_CHUNK: usize = 1000;

#[derive(sqlx::FromRow)]
struct ArticleDetails {
    updated: Option<DateTime<Utc>>,
    summary_html: Option<String>,
    content_html: Option<String>,
    language: Option<String>,
    enclosures: String,
    fetched_at: DateTime<Utc>,
    full_html: Option<String>,
    bylines: String,
    reading_minutes: Option<i64>,
}

impl Store {
    /// Stores a parsed feed in one transaction: the feed's metadata and
    /// validators, new entries (with rules applied and the search index
    /// updated), changed entries updated in place. Entries that retention
    /// already deleted are not added again. An entry repeated in the feed
    /// (same id) counts once.
    ///
    /// New entries go in with a handful of set-based statements per feed
    /// (JSON arrays expanded with `json_each`), not several statements per
    /// article: each statement is a round trip to SQLite's thread.
    pub async fn store_feed(
        &self,
        feed_id: FeedId,
        feed: &ParsedFeed,
        validators: &FetchValidators<'_>,
        rules: &RuleSet,
    ) -> Result<StoreOutcome> {
        let fetched_at = now();
        let mut seen = HashSet::new();
        let entries: Vec<(usize, &ParsedEntry)> =
            feed.entries.iter().enumerate().filter(|(_, e)| seen.insert(e.id.as_str())).collect();
        let guids = serde_json::to_string(&entries.iter().map(|(_, e)| e.id.as_str()).collect::<Vec<_>>())
            .map_err(|e| StoreError::Invalid(e.to_string()))?;

        let mut tx = self.writer.begin().await?;
        record_parsed(&mut tx, feed_id, feed, validators).await?;
        // One row each, aggregated in SQLite: rows cross to this task one message at a time.
        let existing: String = sqlx::query_scalar(
            "SELECT json_group_object(guid, json_array(id, content_hash)) FROM articles
             WHERE feed_id = ? AND guid IN (SELECT value FROM json_each(?))",
        )
        .bind(feed_id)
        .bind(&guids)
        .fetch_one(&mut *tx)
        .await?;
        let existing: HashMap<String, (ArticleId, String)> =
            serde_json::from_str(&existing).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let pruned: String = sqlx::query_scalar(
            "SELECT json_group_array(guid) FROM pruned_articles
             WHERE feed_id = ? AND guid IN (SELECT value FROM json_each(?))",
        )
        .bind(feed_id)
        .bind(&guids)
        .fetch_one(&mut *tx)
        .await?;
        let pruned: HashSet<String> = serde_json::from_str(&pruned).map_err(|e| StoreError::Invalid(e.to_string()))?;

        let mut outcome = StoreOutcome::default();
        let mut fresh = Vec::new();
        for (position, entry) in entries {
            let hash = entry.content_hash();
            match existing.get(&entry.id) {
                Some((_, old_hash)) if *old_hash == hash => {}
                Some((id, _)) => {
                    update_article(&mut tx, *id, entry, &hash).await?;
                    outcome.updated += 1;
                }
                None if pruned.contains(&entry.id) => {}
                None => {
                    // Undated entries keep the feed's order: earlier in the feed sorts newer.
                    let sort_key = entry.published.map_or(fetched_at - position as i64, |d| d.timestamp());
                    fresh.push(NewArticle::new(entry, hash, sort_key, feed_id, rules));
                }
            }
        }
        for chunk in fresh.chunks(INSERT_CHUNK) {
            insert_articles(&mut tx, feed_id, chunk, fetched_at).await?;
        }
        outcome.new = fresh.len();
        outcome.filtered = fresh.iter().filter(|a| a.action.is_some()).count();
        tx.commit().await?;
        Ok(outcome)
    }

    /// One page of a list (all, unread, saved; by feed or folder; or search
    /// results), newest first, paged by keyset.
    pub async fn list(&self, query: &ListQuery) -> Result<Page> {
        let limit = query.limit.clamp(1, MAX_PAGE);
        let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new(format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles a JOIN article_status s ON s.article_id = a.id
             JOIN feeds f ON f.id = a.feed_id WHERE 1 = 1"
        ));
        match query.view {
            View::All => sql.push(" AND s.muted = 0"),
            View::Unread => sql.push(" AND s.read = 0 AND s.muted = 0"),
            View::Saved => sql.push(" AND s.saved = 1"),
        };
        if let Some(feed) = query.feed {
            sql.push(" AND a.feed_id = ").push_bind(feed);
        }
        if let Some(folder) = query.folder {
            sql.push(" AND f.folder_id IN (WITH RECURSIVE sub(id) AS (SELECT ").push_bind(folder).push(
                " UNION SELECT folders.id FROM folders JOIN sub ON folders.parent_id = sub.id) SELECT id FROM sub)",
            );
        }
        if let Some(search) = query.search.as_deref() {
            let Some(fts) = fts_query(search) else {
                return Ok(Page { items: Vec::new(), next: None });
            };
            sql.push(" AND a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ").push_bind(fts).push(")");
        }
        if let Some(after) = query.after {
            sql.push(" AND (a.sort_key, a.id) < (").push_bind(after.sort_key).push(", ").push_bind(after.id).push(")");
        }
        sql.push(" ORDER BY a.sort_key DESC, a.id DESC LIMIT ").push_bind(i64::from(limit) + 1);
        let mut items: Vec<ArticleSummary> = sql.build_query_as().fetch_all(&self.reader).await?;
        let next = if items.len() > limit as usize {
            items.truncate(limit as usize);
            items.last().map(|last| Cursor { sort_key: last.sort_key, id: last.id })
        } else {
            None
        };
        Ok(Page { items, next })
    }

    /// One article with its content.
    pub async fn article(&self, id: ArticleId) -> Result<Article> {
        let summary: ArticleSummary = sqlx::query_as(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM articles a JOIN article_status s ON s.article_id = a.id
             JOIN feeds f ON f.id = a.feed_id WHERE a.id = ?"
        ))
        .bind(id)
        .fetch_optional(&self.reader)
        .await?
        .ok_or_else(|| StoreError::NotFound(format!("article {id}")))?;
        let details: ArticleDetails = sqlx::query_as(
            "SELECT updated, summary_html, content_html, language, enclosures, fetched_at, full_html, bylines,
               reading_minutes
             FROM articles WHERE id = ?",
        )
        .bind(id)
        .fetch_one(&self.reader)
        .await?;
        Ok(Article {
            summary,
            updated: details.updated,
            summary_html: details.summary_html,
            content_html: details.content_html,
            language: details.language,
            enclosures: serde_json::from_str(&details.enclosures).unwrap_or_default(),
            fetched_at: details.fetched_at,
            full_html: details.full_html,
            bylines: serde_json::from_str(&details.bylines).unwrap_or_default(),
            reading_minutes: details.reading_minutes.map(|m| m as u32),
        })
    }

    /// Marks an article read or unread.
    pub async fn set_read(&self, id: ArticleId, read: bool) -> Result<()> {
        let done = sqlx::query("UPDATE article_status SET read = ?, read_at = ? WHERE article_id = ?")
            .bind(read)
            .bind(read.then(now))
            .bind(id)
            .execute(&self.writer)
            .await?;
        expect_one(done.rows_affected(), id)
    }

    /// Saves an article (kept forever, readable offline) or unsaves it.
    pub async fn set_saved(&self, id: ArticleId, saved: bool) -> Result<()> {
        let done = sqlx::query("UPDATE article_status SET saved = ?, saved_at = ? WHERE article_id = ?")
            .bind(saved)
            .bind(saved.then(now))
            .bind(id)
            .execute(&self.writer)
            .await?;
        expect_one(done.rows_affected(), id)
    }

    /// Marks every unread article read, or only a feed's; returns how many.
    pub async fn mark_all_read(&self, feed: Option<FeedId>) -> Result<u64> {
        let done = sqlx::query(
            "UPDATE article_status SET read = 1, read_at = ? WHERE read = 0 AND (? IS NULL OR feed_id = ?)",
        )
        .bind(now())
        .bind(feed)
        .bind(feed)
        .execute(&self.writer)
        .await?;
        Ok(done.rows_affected())
    }

    /// Number of unread, unmuted articles.
    pub async fn unread_count(&self) -> Result<i64> {
        Ok(sqlx::query_scalar("SELECT COUNT(*) FROM article_status WHERE read = 0 AND muted = 0")
            .fetch_one(&self.reader)
            .await?)
    }
}

fn expect_one(rows: u64, id: ArticleId) -> Result<()> {
    if rows == 0 {
        return Err(StoreError::NotFound(format!("article {id}")));
    }
    Ok(())
}

fn entry_text(entry: &ParsedEntry) -> String {
    let mut text = String::new();
    for html in [entry.summary_html.as_deref(), entry.content_html.as_deref()].into_iter().flatten() {
        text.push_str(&html_to_text(html));
        text.push('\n');
    }
    text
}

/// A new article, ready to insert: what the tables need, and what the
/// rules decided.
struct NewArticle<'a> {
    entry: &'a ParsedEntry,
    author: Option<String>,
    text: String,
    hash: String,
    sort_key: i64,
    action: Option<RuleAction>,
}

impl<'a> NewArticle<'a> {
    fn new(entry: &'a ParsedEntry, hash: String, sort_key: i64, feed_id: FeedId, rules: &RuleSet) -> Self {
        let author = entry.author_line();
        let text = entry_text(entry);
        let action = if rules.is_empty() {
            None
        } else {
            let author = author.as_deref().unwrap_or_default();
            rules.evaluate(&RuleSubject { feed_id, title: &entry.title, author, text: &text })
        };
        Self { entry, author, text, hash, sort_key, action }
    }
}

/// Inserts new articles, their statuses (rules applied) and their search
/// entries: three statements for the whole batch.
async fn insert_articles(
    conn: &mut SqliteConnection,
    feed_id: FeedId,
    batch: &[NewArticle<'_>],
    fetched_at: i64,
) -> Result<()> {
    let rows: Vec<serde_json::Value> = batch
        .iter()
        .map(|a| {
            let e = a.entry;
            serde_json::json!([
                e.id,
                e.link,
                e.title,
                a.author,
                e.published.map(|d| d.timestamp()),
                e.updated.map(|d| d.timestamp()),
                e.summary_html,
                e.content_html,
                e.image,
                e.language,
                serde_json::to_string(&e.enclosures).unwrap_or_else(|_| "[]".into()),
                a.hash,
                a.sort_key,
            ])
        })
        .collect();
    sqlx::query(
        "INSERT INTO articles (feed_id, guid, url, title, author, published, updated, summary_html, content_html,
           lead_image, language, enclosures, content_hash, sort_key, fetched_at)
         SELECT ?1, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6,
           value ->> 7, value ->> 8, value ->> 9, value ->> 10, value ->> 11, value ->> 12, ?2
         FROM json_each(?3)",
    )
    .bind(feed_id)
    .bind(fetched_at)
    .bind(serde_json::Value::Array(rows).to_string())
    .execute(&mut *conn)
    .await?;

    // Statuses and search entries find their article by (feed, guid), so no
    // ids travel back and forth. CROSS JOIN keeps json_each outside, so each
    // row is one lookup in the (feed_id, guid) index, never a table scan.
    let mut statuses = Vec::with_capacity(batch.len());
    let mut search = Vec::with_capacity(batch.len());
    for article in batch {
        let read = article.action == Some(RuleAction::MarkRead);
        let muted = article.action == Some(RuleAction::Mute);
        statuses.push(serde_json::json!([article.entry.id, read, muted, read.then_some(fetched_at)]));
        search.push(serde_json::json!([
            article.entry.id,
            fold(&article.entry.title),
            fold(article.author.as_deref().unwrap_or_default()),
            fold(&article.text)
        ]));
    }
    sqlx::query(
        "INSERT INTO article_status (article_id, feed_id, read, muted, read_at)
         SELECT a.id, a.feed_id, j.value ->> 1, j.value ->> 2, j.value ->> 3
         FROM json_each(?2) AS j CROSS JOIN articles AS a
         WHERE a.feed_id = ?1 AND a.guid = j.value ->> 0",
    )
    .bind(feed_id)
    .bind(serde_json::Value::Array(statuses).to_string())
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO articles_fts (rowid, title, author, body)
         SELECT a.id, j.value ->> 1, j.value ->> 2, j.value ->> 3
         FROM json_each(?2) AS j CROSS JOIN articles AS a
         WHERE a.feed_id = ?1 AND a.guid = j.value ->> 0",
    )
    .bind(feed_id)
    .bind(serde_json::Value::Array(search).to_string())
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Rewrites a changed article's content; its status is left alone.
async fn update_article(conn: &mut SqliteConnection, id: ArticleId, entry: &ParsedEntry, hash: &str) -> Result<()> {
    let author = entry.author_line();
    sqlx::query(
        "UPDATE articles SET url = ?, title = ?, author = ?, published = COALESCE(?, published), updated = ?,
           summary_html = ?, content_html = ?, lead_image = ?, language = ?, enclosures = ?, content_hash = ?
         WHERE id = ?",
    )
    .bind(&entry.link)
    .bind(&entry.title)
    .bind(&author)
    .bind(entry.published.map(|d| d.timestamp()))
    .bind(entry.updated.map(|d| d.timestamp()))
    .bind(&entry.summary_html)
    .bind(&entry.content_html)
    .bind(&entry.image)
    .bind(&entry.language)
    .bind(serde_json::to_string(&entry.enclosures).unwrap_or_else(|_| "[]".into()))
    .bind(hash)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM articles_fts WHERE rowid = ?").bind(id).execute(&mut *conn).await?;
    index_article(conn, id, &entry.title, &author.unwrap_or_default(), &entry_text(entry)).await
}

async fn index_article(
    conn: &mut SqliteConnection,
    id: ArticleId,
    title: &str,
    author: &str,
    text: &str,
) -> Result<()> {
    sqlx::query("INSERT INTO articles_fts (rowid, title, author, body) VALUES (?, ?, ?, ?)")
        .bind(id)
        .bind(fold(title))
        .bind(fold(author))
        .bind(fold(text))
        .execute(conn)
        .await?;
    Ok(())
}
