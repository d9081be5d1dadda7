//! Full articles: which articles still need their page extracted, and
//! storing what extraction found.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::feeds::{expect_subscribed, SUBSCRIBED_ID};
use crate::search_index::SearchText;
use crate::{ArticleId, FeedId, Result, Store, StoreError};

/// When to fetch and extract the page behind a feed item.
// Stored in `feeds.extraction` as the same snake_case text it serializes to
// (`always`, `when_no_content`, `never`), as the column has always held.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default, sqlx::Type)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[sqlx(rename_all = "snake_case")]
pub enum ExtractionPolicy {
    /// For every new item.
    Always,
    /// Only when the feed carries no full content.
    #[default]
    WhenNoContent,
    /// Never.
    Never,
}

pub use byline_feeds::Author;

/// An article whose page has not been extracted yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingExtraction {
    /// The article.
    pub id: ArticleId,
    /// Its feed.
    pub feed_id: FeedId,
    /// The page to fetch.
    pub url: String,
    /// The author the feed named.
    pub feed_author: Option<String>,
    /// The feed's own text for it, as sanitized HTML: its content, or its
    /// summary when that is longer.
    pub feed_html: String,
    /// The people the feed credited, with their roles.
    pub feed_bylines: Vec<Author>,
    /// The feed's own policy, when it has one.
    pub feed_policy: Option<ExtractionPolicy>,
}

/// What extracting a page found, ready to store (HTML already sanitized).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExtractedArticle {
    /// The clean body, sanitized HTML.
    pub content_html: String,
    /// Its text, for search.
    pub text: String,
    /// Bylines, in order.
    pub bylines: Vec<Author>,
    /// The news agency the page credits, apart from the people.
    pub agency: Option<String>,
    /// Minutes to read.
    pub reading_minutes: u32,
    /// Lead image, when the feed had none.
    pub lead_image: Option<String>,
    /// Publication date, when the feed had none.
    pub published: Option<DateTime<Utc>>,
    /// Language, when the feed had none.
    pub language: Option<String>,
    /// The feed's text reads better than this page: keep showing the feed's
    /// (the page stays, for the reader to switch to).
    pub prefer_feed_text: bool,
}

#[derive(sqlx::FromRow)]
struct PendingRow {
    id: ArticleId,
    feed_id: FeedId,
    url: Option<String>,
    author: Option<String>,
    bylines: String,
    feed_html: String,
    extraction: Option<ExtractionPolicy>,
}

impl Store {
    /// Up to `limit` articles not tried yet, newest first.
    pub async fn pending_extractions(&self, limit: u32) -> Result<Vec<PendingExtraction>> {
        let rows: Vec<PendingRow> = sqlx::query_as(
            "SELECT a.id, a.feed_id, a.url, a.author, a.bylines,
               CASE WHEN LENGTH(COALESCE(a.summary_html, '')) > LENGTH(COALESCE(a.content_html, ''))
                 THEN a.summary_html ELSE COALESCE(a.content_html, '') END AS feed_html,
               f.extraction
             FROM articles a JOIN subscribed_feeds f ON f.id = a.feed_id
             WHERE a.extraction_state = 0 ORDER BY a.sort_key DESC LIMIT ?",
        )
        .bind(i64::from(limit))
        .fetch_all(&self.reader)
        .await?;
        let mut pending = Vec::new();
        for row in rows {
            match row.url.filter(|u| byline_feeds::sanitize::is_web_url(u)) {
                Some(url) => pending.push(PendingExtraction {
                    id: row.id,
                    feed_id: row.feed_id,
                    url,
                    feed_author: row.author,
                    feed_html: row.feed_html,
                    feed_bylines: serde_json::from_str(&row.bylines).unwrap_or_default(),
                    feed_policy: row.extraction,
                }),
                None => self.skip_extraction(row.id).await?,
            }
        }
        Ok(pending)
    }

    /// Records that an article's page is not wanted (policy, or no web link).
    pub async fn skip_extraction(&self, id: ArticleId) -> Result<()> {
        sqlx::query("UPDATE articles SET extraction_state = 3 WHERE id = ?").bind(id).execute(&self.writer).await?;
        Ok(())
    }

    /// Records that extracting an article's page failed, and why.
    pub async fn fail_extraction(&self, id: ArticleId, error: &str) -> Result<()> {
        sqlx::query("UPDATE articles SET extraction_state = 2, extraction_error = ? WHERE id = ?")
            .bind(error)
            .bind(id)
            .execute(&self.writer)
            .await?;
        Ok(())
    }

    /// Stores an extracted page: the full body, bylines (which become the
    /// list's author line), reading time, and what the feed lacked; the
    /// search index then covers the whole text.
    pub async fn save_extraction(&self, id: ArticleId, extracted: &ExtractedArticle) -> Result<()> {
        let bylines = serde_json::to_string(&extracted.bylines).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let names = (!extracted.bylines.is_empty())
            .then(|| extracted.bylines.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join(", "));
        let mut tx = self.writer.begin().await?;
        let title: Option<(String, Option<String>, Option<String>)> = sqlx::query_as(
            "UPDATE articles SET full_html = ?, bylines = ?, agency = COALESCE(?, agency), reading_minutes = ?, author = COALESCE(?, author),
               lead_image = COALESCE(lead_image, ?), published = COALESCE(published, ?),
               language = COALESCE(language, ?), extraction_state = 1, extraction_error = NULL,
               prefer_feed_text = ?
             WHERE id = ? RETURNING title, author, agency",
        )
        .bind(&extracted.content_html)
        .bind(&bylines)
        .bind(&extracted.agency)
        .bind(i64::from(extracted.reading_minutes))
        .bind(&names)
        .bind(&extracted.lead_image)
        .bind(extracted.published.map(|d| d.timestamp()))
        .bind(&extracted.language)
        .bind(extracted.prefer_feed_text)
        .bind(id)
        .fetch_optional(&mut *tx)
        .await?;
        let (title, author, agency) = title.ok_or_else(|| StoreError::NotFound(format!("article {id}")))?;
        let search = SearchText::new(&title, author.as_deref(), agency.as_deref(), &extracted.text);
        crate::search_index::replace(&mut tx, id, &search).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Sets a feed's extraction policy (`None` follows the default). An
    /// unsubscribed feed is [`StoreError::NotFound`].
    pub async fn set_feed_extraction(&self, feed: FeedId, policy: Option<ExtractionPolicy>) -> Result<()> {
        let done = sqlx::query(&format!("UPDATE feeds SET extraction = ? WHERE {SUBSCRIBED_ID}"))
            .bind(policy)
            .bind(feed)
            .execute(&self.writer)
            .await?;
        expect_subscribed(done.rows_affected(), feed)
    }
}
