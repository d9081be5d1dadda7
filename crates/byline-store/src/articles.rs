//! Articles: lists with keyset paging, search, one article, and the
//! reader's statuses. Storing them is [`crate::ingest`]'s job.

use chrono::{DateTime, Utc};
use sqlx::{QueryBuilder, Sqlite};

use byline_feeds::sanitize::html_to_text;

use crate::fold::fts_query;
use crate::search_index;
use crate::snippet::snippet;
use crate::{
    now, Article, ArticleId, ArticleSummary, Counts, Cursor, FeedId, ListQuery, Page, PageStatus, Result, Store,
    StoreError, View,
};

const SUMMARY_COLUMNS: &str = "a.id, a.feed_id, f.title AS feed_title, a.title, a.url, a.author, a.agency,
    a.published, a.lead_image, s.read, s.saved, a.sort_key";
const MAX_PAGE: u32 = 500;

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
    extraction_state: i64,
    prefer_feed_text: bool,
}

impl Store {
    /// One page of a list (all, unread, saved; by feed or folder; or search
    /// results), newest first, paged by keyset.
    ///
    /// The page is chosen from `article_status` alone, walking one of its
    /// list indexes in list order (or, for a search, the search index's
    /// matches, which come in list order: see `search_index`), and stops
    /// after the page; only the page's own articles are read, since an
    /// article row holds its HTML.
    pub async fn list(&self, query: &ListQuery) -> Result<Page> {
        let limit = query.limit.clamp(1, MAX_PAGE);
        let search = match query.search.as_deref() {
            Some(search) => match fts_query(search) {
                Some(fts) => Some((search, fts)),
                None => return Ok(Page { items: Vec::new(), next: None }),
            },
            None => None,
        };
        let mut sql: QueryBuilder<Sqlite> =
            QueryBuilder::new(format!("SELECT {SUMMARY_COLUMNS} FROM (SELECT s.article_id, s.sort_key FROM "));
        // A search walks the index's matches in list order (its rowids are
        // list positions) and looks up each one's status; a list walks one
        // of the statuses' list indexes. CROSS JOIN keeps that order.
        match &search {
            Some(_) => sql.push(format!(
                "articles_fts CROSS JOIN article_status s ON s.article_id = {}",
                search_index::article_id_sql("articles_fts.rowid")
            )),
            None => sql.push("article_status s"),
        };
        if query.folder.is_some() {
            sql.push(if search.is_some() { " CROSS JOIN" } else { " JOIN" }).push(" feeds f ON f.id = s.feed_id");
        }
        sql.push(match query.view {
            View::All => " WHERE s.muted = 0",
            View::Unread => " WHERE s.read = 0 AND s.muted = 0",
            View::Saved => " WHERE s.saved = 1",
        });
        if let Some(feed) = query.feed {
            sql.push(" AND s.feed_id = ").push_bind(feed);
        }
        if let Some(folder) = query.folder {
            sql.push(" AND f.folder_id IN (WITH RECURSIVE sub(id) AS (SELECT ").push_bind(folder).push(
                " UNION SELECT folders.id FROM folders JOIN sub ON folders.parent_id = sub.id) SELECT id FROM sub)",
            );
        }
        match (&search, query.after) {
            (Some((_, fts)), after) => {
                sql.push(" AND articles_fts MATCH ").push_bind(fts.clone());
                if let Some(after) = after {
                    sql.push(" AND articles_fts.rowid < ").push_bind(search_index::rowid(after.sort_key, after.id)?);
                }
                sql.push(" ORDER BY articles_fts.rowid DESC");
            }
            (None, after) => {
                if let Some(after) = after {
                    sql.push(" AND (s.sort_key, s.article_id) < (")
                        .push_bind(after.sort_key)
                        .push(", ")
                        .push_bind(after.id)
                        .push(")");
                }
                sql.push(" ORDER BY s.sort_key DESC, s.article_id DESC");
            }
        }
        sql.push(" LIMIT ").push_bind(i64::from(limit) + 1).push(
            ") page JOIN articles a ON a.id = page.article_id JOIN article_status s ON s.article_id = a.id
             JOIN feeds f ON f.id = a.feed_id
             ORDER BY page.sort_key DESC, page.article_id DESC",
        );
        let mut items: Vec<ArticleSummary> = sql.build_query_as().fetch_all(&self.reader).await?;
        let next = if items.len() > limit as usize {
            items.truncate(limit as usize);
            items.last().map(|last| Cursor { sort_key: last.sort_key, id: last.id })
        } else {
            None
        };
        if let Some((search, _)) = search {
            self.add_snippets(&mut items, search).await?;
        }
        Ok(Page { items, next })
    }

    /// Gives each search result a snippet of the text it shows around the
    /// first match.
    async fn add_snippets(&self, items: &mut [ArticleSummary], search: &str) -> Result<()> {
        if items.is_empty() {
            return Ok(());
        }
        let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new(
            "SELECT id, CASE WHEN extraction_state = 1 AND prefer_feed_text = 0 AND full_html IS NOT NULL
               THEN full_html ELSE COALESCE(content_html, summary_html, '') END
             FROM articles WHERE id IN (",
        );
        let mut ids = sql.separated(", ");
        for item in items.iter() {
            ids.push_bind(item.id);
        }
        sql.push(")");
        let bodies: Vec<(ArticleId, String)> = sql.build_query_as().fetch_all(&self.reader).await?;
        for item in items.iter_mut() {
            if let Some((_, html)) = bodies.iter().find(|(id, _)| *id == item.id) {
                item.snippet = Some(snippet(&html_to_text(html), search));
            }
        }
        Ok(())
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
               reading_minutes, extraction_state, prefer_feed_text
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
            page: PageStatus::from_columns(details.extraction_state, details.prefer_feed_text),
            bylines: serde_json::from_str(&details.bylines).unwrap_or_default(),
            reading_minutes: details.reading_minutes.map(|m| m as u32),
        })
    }

    /// Marks an article read or unread.
    pub async fn set_read(&self, id: ArticleId, read: bool) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        let done = sqlx::query("UPDATE article_status SET read = ?, read_at = ? WHERE article_id = ?")
            .bind(read)
            .bind(read.then(now))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        expect_one(done.rows_affected(), id)?;
        crate::accounts::enqueue(&mut tx, &[id], crate::StatusChange::read(read)).await?;
        Ok(tx.commit().await?)
    }

    /// Saves an article (kept forever, readable offline) or unsaves it.
    pub async fn set_saved(&self, id: ArticleId, saved: bool) -> Result<()> {
        let mut tx = self.writer.begin().await?;
        let done = sqlx::query("UPDATE article_status SET saved = ?, saved_at = ? WHERE article_id = ?")
            .bind(saved)
            .bind(saved.then(now))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        expect_one(done.rows_affected(), id)?;
        crate::accounts::enqueue(&mut tx, &[id], crate::StatusChange::starred(saved)).await?;
        Ok(tx.commit().await?)
    }

    /// Marks every unread article read, or only a feed's; returns how many.
    pub async fn mark_all_read(&self, feed: Option<FeedId>) -> Result<Vec<ArticleId>> {
        let mut tx = self.writer.begin().await?;
        let ids = sqlx::query_scalar(
            "UPDATE article_status SET read = 1, read_at = ? WHERE read = 0 AND (? IS NULL OR feed_id = ?)
             RETURNING article_id",
        )
        .bind(now())
        .bind(feed)
        .bind(feed)
        .fetch_all(&mut *tx)
        .await?;
        crate::accounts::enqueue(&mut tx, &ids, crate::StatusChange::Read).await?;
        tx.commit().await?;
        Ok(ids)
    }

    /// Marks these articles read or unread at once (the undo of
    /// [`Store::mark_all_read`]); ids that no longer exist are skipped.
    pub async fn set_read_many(&self, ids: &[ArticleId], read: bool) -> Result<u64> {
        let mut done = 0;
        let mut tx = self.writer.begin().await?;
        for chunk in ids.chunks(500) {
            let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new("UPDATE article_status SET read = ");
            sql.push_bind(read).push(", read_at = ").push_bind(read.then(now)).push(" WHERE article_id IN (");
            let mut list = sql.separated(", ");
            for id in chunk {
                list.push_bind(*id);
            }
            sql.push(")");
            done += sql.build().execute(&mut *tx).await?.rows_affected();
            crate::accounts::enqueue(&mut tx, chunk, crate::StatusChange::read(read)).await?;
        }
        tx.commit().await?;
        Ok(done)
    }

    /// How many articles "All", "Unread" and "Saved" hold, in one query:
    /// each count reads an index (all statuses less the few muted ones), not
    /// every status.
    pub async fn counts(&self) -> Result<Counts> {
        Ok(sqlx::query_as(
            "SELECT (SELECT COUNT(*) FROM article_status) - (SELECT COUNT(*) FROM article_status WHERE muted = 1)
                 AS \"all\",
               (SELECT COUNT(*) FROM article_status WHERE read = 0 AND muted = 0) AS unread,
               (SELECT COUNT(*) FROM article_status WHERE saved = 1) AS saved",
        )
        .fetch_one(&self.reader)
        .await?)
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
