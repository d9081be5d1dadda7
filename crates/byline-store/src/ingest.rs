//! Storing what a sync brought: each feed's entries are prepared away from
//! the writer ([`PreparedFeed::new`]: hashes, search text, rules; plain CPU
//! work a blocking thread can do while the writer writes), then written in
//! batches ([`Store::store_feeds`]), many feeds in one transaction.
//!
//! One transaction for many feeds is what makes a cold sync fast: each
//! commit writes the WAL and flushes FTS5's pending index to a new segment
//! that later has to be merged, so 200 small commits cost far more than one
//! big one. New articles get their ids here (the writer holds the write lock
//! for the whole transaction), so statuses and search rows need no lookups.

use std::collections::{HashMap, HashSet};

use byline_feeds::{ParsedEntry, ParsedFeed};
use sqlx::{QueryBuilder, Sqlite, SqliteConnection};

use crate::feeds::FetchValidators;
use crate::rules::RuleSubject;
use crate::search_index::{self, feed_text, SearchText};
use crate::{now, ArticleId, FeedId, Result, RuleAction, RuleSet, Store, StoreError, StoreOutcome};

/// Rows per multi-row `INSERT … VALUES` (articles bind 18 values a row;
/// SQLite allows 32766 a statement).
const ROWS_PER_INSERT: usize = 1000;

/// A parsed feed made ready to store: its entries deduplicated, hashed,
/// their search text folded and the rules applied. Building one is CPU work
/// only; storing it is [`Store::store_feeds`].
#[derive(Debug)]
pub struct PreparedFeed {
    feed_id: FeedId,
    feed: ParsedFeed,
    etag: Option<String>,
    last_modified: Option<String>,
    content_hash: Option<String>,
    entries: Vec<PreparedEntry>,
}

/// One entry of a [`PreparedFeed`].
#[derive(Debug)]
struct PreparedEntry {
    entry: ParsedEntry,
    author: Option<String>,
    /// The feed's credits with roles, as the JSON the `bylines` column keeps.
    bylines: String,
    search: SearchText,
    hash: String,
    sort_key: i64,
    action: Option<RuleAction>,
}

impl PreparedFeed {
    /// Prepares `feed`'s entries for feed `feed_id`. An entry repeated in
    /// the feed (same id) is kept once, the first time it appears.
    pub fn new(feed_id: FeedId, mut feed: ParsedFeed, validators: &FetchValidators<'_>, rules: &RuleSet) -> Self {
        let fetched_at = now();
        let mut seen = HashSet::new();
        let mut entries = Vec::with_capacity(feed.entries.len());
        for (position, entry) in std::mem::take(&mut feed.entries).into_iter().enumerate() {
            if !seen.insert(entry.id.clone()) {
                continue;
            }
            // Undated entries keep the feed's order: earlier in the feed sorts newer.
            let sort_key = entry.published.map_or(fetched_at - position as i64, |d| d.timestamp());
            let sort_key = search_index::clamp_sort_key(sort_key);
            entries.push(PreparedEntry::new(entry, sort_key, feed_id, rules));
        }
        Self {
            feed_id,
            feed,
            etag: validators.etag.map(str::to_string),
            last_modified: validators.last_modified.map(str::to_string),
            content_hash: validators.content_hash.map(str::to_string),
            entries,
        }
    }

    /// How many distinct entries it carries.
    pub fn entry_count(&self) -> usize {
        self.entries.len()
    }
}

impl PreparedEntry {
    fn new(entry: ParsedEntry, sort_key: i64, feed_id: FeedId, rules: &RuleSet) -> Self {
        let author = entry.author_line();
        let text = entry_text(&entry);
        let action = if rules.is_empty() {
            None
        } else {
            let author = author.as_deref().unwrap_or_default();
            rules.evaluate(&RuleSubject { feed_id, title: &entry.title, author, text: &text })
        };
        let search = SearchText::new(&entry.title, author.as_deref(), entry.agency.as_deref(), &text);
        let bylines = serde_json::to_string(&entry.authors).unwrap_or_else(|_| "[]".into());
        Self { hash: entry.content_hash(), entry, author, bylines, search, sort_key, action }
    }
}

/// Plain text of an entry's summary and content, for search and rules.
pub(crate) fn entry_text(entry: &ParsedEntry) -> String {
    feed_text(entry.summary_html.as_deref(), entry.content_html.as_deref())
}

impl Store {
    /// Stores a parsed feed in one transaction: the feed's metadata and
    /// validators, new entries (with rules applied and the search index
    /// updated), changed entries updated in place. Entries that retention
    /// already deleted are not added again. An entry repeated in the feed
    /// (same id) counts once.
    pub async fn store_feed(
        &self,
        feed_id: FeedId,
        feed: &ParsedFeed,
        validators: &FetchValidators<'_>,
        rules: &RuleSet,
    ) -> Result<StoreOutcome> {
        let prepared = PreparedFeed::new(feed_id, feed.clone(), validators, rules);
        self.store_feeds(std::slice::from_ref(&prepared)).await.remove(0)
    }

    /// Stores several prepared feeds, as [`Store::store_feed`] stores one,
    /// in a single transaction. When that transaction fails, each feed is
    /// stored in its own, so one feed's problem is that feed's error only.
    /// Returns one result per feed, in order.
    pub async fn store_feeds(&self, feeds: &[PreparedFeed]) -> Vec<Result<StoreOutcome>> {
        if feeds.len() > 1 {
            if let Ok(outcomes) = self.write_feeds(feeds).await {
                return outcomes.into_iter().map(Ok).collect();
            }
        }
        let mut results = Vec::with_capacity(feeds.len());
        for feed in feeds {
            results.push(self.write_feeds(std::slice::from_ref(feed)).await.map(|mut o| o.remove(0)));
        }
        results
    }

    async fn write_feeds(&self, feeds: &[PreparedFeed]) -> Result<Vec<StoreOutcome>> {
        let fetched_at = now();
        let mut tx = self.writer.begin().await?;
        // A write first, so the transaction holds the write lock from here on:
        // no one else can add articles, and the ids below stay ours.
        record_feeds(&mut tx, feeds).await?;
        let known = Known::find(&mut tx, feeds).await?;
        let first_id: ArticleId =
            sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) + 1 FROM articles").fetch_one(&mut *tx).await?;

        let mut outcomes = Vec::with_capacity(feeds.len());
        let mut fresh: Vec<(ArticleId, FeedId, &PreparedEntry)> = Vec::new();
        for feed in feeds {
            let mut outcome = StoreOutcome::default();
            for entry in &feed.entries {
                let guid = entry.entry.id.as_str();
                match known.existing(feed.feed_id, guid) {
                    Some((_, old_hash)) if *old_hash == entry.hash => {}
                    Some((id, _)) => {
                        update_article(&mut tx, *id, entry).await?;
                        outcome.updated += 1;
                    }
                    None if known.was_pruned(feed.feed_id, guid) => {}
                    None => {
                        fresh.push((ArticleId(first_id.0 + fresh.len() as i64), feed.feed_id, entry));
                        outcome.new += 1;
                        outcome.filtered += usize::from(entry.action.is_some());
                    }
                }
            }
            outcomes.push(outcome);
        }
        if !fresh.is_empty() {
            insert_articles(&mut tx, &fresh, fetched_at).await?;
            insert_statuses(&mut tx, &fresh, first_id, fetched_at).await?;
            insert_search(&mut tx, &fresh).await?;
        }
        tx.commit().await?;
        Ok(outcomes)
    }
}

/// Updates each feed's metadata and validators, and clears its errors: one
/// statement for the whole batch.
async fn record_feeds(conn: &mut SqliteConnection, feeds: &[PreparedFeed]) -> Result<()> {
    let rows: Vec<_> = feeds
        .iter()
        .map(|f| {
            let feed = &f.feed;
            (
                f.feed_id,
                &feed.title,
                &feed.link,
                &feed.description,
                &feed.language,
                &f.etag,
                &f.last_modified,
                &f.content_hash,
            )
        })
        .collect();
    let rows = serde_json::to_string(&rows).map_err(|e| StoreError::Invalid(e.to_string()))?;
    let now = now();
    sqlx::query(
        "UPDATE feeds SET
           title = CASE WHEN feeds.title = '' THEN j.value ->> 1 ELSE feeds.title END,
           site_url = COALESCE(j.value ->> 2, site_url), description = COALESCE(j.value ->> 3, description),
           language = COALESCE(j.value ->> 4, language),
           etag = j.value ->> 5, last_modified = j.value ->> 6, content_hash = j.value ->> 7,
           last_checked_at = ?2, last_success_at = ?2, last_error = NULL, last_error_kind = NULL, error_count = 0, next_attempt_at = NULL
         FROM json_each(?1) AS j WHERE feeds.id = j.value ->> 0",
    )
    .bind(rows)
    .bind(now)
    .persistent(false)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// The batch's entries the database already has, or had and retention
/// deleted: found with one statement for the whole batch.
struct Known {
    /// Feed → guid → (id, content hash).
    existing: HashMap<FeedId, HashMap<String, (ArticleId, String)>>,
    /// Feed → guids of deleted articles.
    pruned: HashMap<FeedId, HashSet<String>>,
}

impl Known {
    async fn find(conn: &mut SqliteConnection, feeds: &[PreparedFeed]) -> Result<Self> {
        let keys: Vec<(FeedId, &str)> =
            feeds.iter().flat_map(|f| f.entries.iter().map(|e| (f.feed_id, e.entry.id.as_str()))).collect();
        if keys.is_empty() {
            return Ok(Self { existing: HashMap::new(), pruned: HashMap::new() });
        }
        let keys = serde_json::to_string(&keys).map_err(|e| StoreError::Invalid(e.to_string()))?;
        // Aggregated in SQLite: rows cross to this task one message at a time.
        // CROSS JOIN keeps json_each outside, so each key is one index lookup.
        let (existing, pruned): (String, String) = sqlx::query_as(
            "SELECT
               (SELECT json_group_array(json_array(a.feed_id, a.guid, a.id, a.content_hash))
                FROM json_each(?1) AS j CROSS JOIN articles AS a
                WHERE a.feed_id = j.value ->> 0 AND a.guid = j.value ->> 1),
               (SELECT json_group_array(json_array(p.feed_id, p.guid))
                FROM json_each(?1) AS j CROSS JOIN pruned_articles AS p
                WHERE p.feed_id = j.value ->> 0 AND p.guid = j.value ->> 1)",
        )
        .bind(keys)
        .persistent(false)
        .fetch_one(&mut *conn)
        .await?;
        let existing: Vec<(FeedId, String, ArticleId, String)> =
            serde_json::from_str(&existing).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let pruned: Vec<(FeedId, String)> =
            serde_json::from_str(&pruned).map_err(|e| StoreError::Invalid(e.to_string()))?;
        let mut known = Self { existing: HashMap::new(), pruned: HashMap::new() };
        for (feed, guid, id, hash) in existing {
            known.existing.entry(feed).or_default().insert(guid, (id, hash));
        }
        for (feed, guid) in pruned {
            known.pruned.entry(feed).or_default().insert(guid);
        }
        Ok(known)
    }

    /// The stored article with this guid in this feed: its id and content hash.
    fn existing(&self, feed: FeedId, guid: &str) -> Option<&(ArticleId, String)> {
        self.existing.get(&feed)?.get(guid)
    }

    /// Whether retention deleted the article with this guid in this feed.
    fn was_pruned(&self, feed: FeedId, guid: &str) -> bool {
        self.pruned.get(&feed).is_some_and(|guids| guids.contains(guid))
    }
}

/// Inserts new articles with the ids chosen for them, many rows a statement.
async fn insert_articles(
    conn: &mut SqliteConnection,
    fresh: &[(ArticleId, FeedId, &PreparedEntry)],
    fetched_at: i64,
) -> Result<()> {
    for chunk in fresh.chunks(ROWS_PER_INSERT) {
        let enclosures: Vec<String> = chunk
            .iter()
            .map(|(_, _, p)| serde_json::to_string(&p.entry.enclosures).unwrap_or_else(|_| "[]".into()))
            .collect();
        let mut sql: QueryBuilder<Sqlite> = QueryBuilder::new(
            "INSERT INTO articles (id, feed_id, guid, url, title, author, bylines, agency, published, updated, summary_html,
               content_html, lead_image, language, enclosures, content_hash, sort_key, fetched_at) ",
        );
        sql.push_values(chunk.iter().zip(&enclosures), |mut row, ((id, feed_id, p), enclosures)| {
            let e = &p.entry;
            row.push_bind(*id)
                .push_bind(*feed_id)
                .push_bind(e.id.as_str())
                .push_bind(e.link.as_deref())
                .push_bind(e.title.as_str())
                .push_bind(p.author.as_deref())
                .push_bind(p.bylines.as_str())
                .push_bind(e.agency.as_deref())
                .push_bind(e.published.map(|d| d.timestamp()))
                .push_bind(e.updated.map(|d| d.timestamp()))
                .push_bind(e.summary_html.as_deref())
                .push_bind(e.content_html.as_deref())
                .push_bind(e.image.as_deref())
                .push_bind(e.language.as_deref())
                .push_bind(enclosures.as_str())
                .push_bind(p.hash.as_str())
                .push_bind(p.sort_key)
                .push_bind(fetched_at);
        });
        sql.build().persistent(false).execute(&mut *conn).await?;
    }
    Ok(())
}

/// Gives every new article its status: unread, unless a rule muted it or
/// marked it read, with the article's sort key (which never changes after
/// this) for the list indexes. The new articles are exactly those with ids
/// from `first_id` on (this transaction chose them).
async fn insert_statuses(
    conn: &mut SqliteConnection,
    fresh: &[(ArticleId, FeedId, &PreparedEntry)],
    first_id: ArticleId,
    fetched_at: i64,
) -> Result<()> {
    sqlx::query(
        "INSERT INTO article_status (article_id, feed_id, sort_key) SELECT id, feed_id, sort_key FROM articles
         WHERE id >= ?",
    )
    .bind(first_id)
    .execute(&mut *conn)
    .await?;
    for (action, set) in [(RuleAction::MarkRead, "read = 1, read_at = ?1"), (RuleAction::Mute, "muted = 1")] {
        let ids: Vec<ArticleId> =
            fresh.iter().filter(|(_, _, p)| p.action == Some(action)).map(|(id, ..)| *id).collect();
        if ids.is_empty() {
            continue;
        }
        let ids = serde_json::to_string(&ids).map_err(|e| StoreError::Invalid(e.to_string()))?;
        sqlx::query(&format!("UPDATE article_status SET {set} WHERE article_id IN (SELECT value FROM json_each(?2))"))
            .bind(fetched_at)
            .bind(ids)
            .persistent(false)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}

/// Adds the new articles to the full-text index.
async fn insert_search(conn: &mut SqliteConnection, fresh: &[(ArticleId, FeedId, &PreparedEntry)]) -> Result<()> {
    let rows: Vec<_> = fresh.iter().map(|(id, _, p)| (p.sort_key, *id, &p.search)).collect();
    search_index::insert(conn, &rows).await
}

/// Rewrites a changed article's content and search entry; its status is
/// left alone. An extracted article keeps its page's text, credits and
/// search entry: its index row is written again from what it stores.
async fn update_article(conn: &mut SqliteConnection, id: ArticleId, prepared: &PreparedEntry) -> Result<()> {
    let entry = &prepared.entry;
    let extracted: bool = sqlx::query_scalar(
        "UPDATE articles SET url = ?, title = ?, author = CASE WHEN extraction_state = 1 THEN author ELSE ? END,
           bylines = CASE WHEN extraction_state = 1 THEN bylines ELSE ? END,
           agency = CASE WHEN extraction_state = 1 AND agency IS NOT NULL THEN agency ELSE ? END,
           published = COALESCE(?, published), updated = ?,
           summary_html = ?, content_html = ?, lead_image = ?, language = ?, enclosures = ?, content_hash = ?
         WHERE id = ? RETURNING extraction_state = 1",
    )
    .bind(&entry.link)
    .bind(&entry.title)
    .bind(&prepared.author)
    .bind(&prepared.bylines)
    .bind(&entry.agency)
    .bind(entry.published.map(|d| d.timestamp()))
    .bind(entry.updated.map(|d| d.timestamp()))
    .bind(&entry.summary_html)
    .bind(&entry.content_html)
    .bind(&entry.image)
    .bind(&entry.language)
    .bind(serde_json::to_string(&entry.enclosures).unwrap_or_else(|_| "[]".into()))
    .bind(&prepared.hash)
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    if extracted {
        search_index::reindex(conn, id).await
    } else {
        search_index::replace(conn, id, &prepared.search).await
    }
}
