//! Syncing feeds: fetch (conditionally) → skip if unchanged → parse → store,
//! many feeds at once, each failure recorded on its own feed while the rest
//! goes on.

use std::sync::atomic::{AtomicUsize, Ordering};

use byline_store::{FeedFetchState, FeedId, FetchValidators, RuleSet};
use chrono::{Duration, Utc};
use futures::stream::{self, StreamExt};
use serde::Serialize;
use tokio::sync::mpsc::UnboundedSender;

use crate::error::{EngineError, FetchError};
use crate::fetch::Validators;
use crate::Engine;

/// First wait after a failure; it doubles with each consecutive failure.
const BACKOFF_BASE_MINUTES: i64 = 5;
/// The longest wait after failures.
const BACKOFF_MAX_HOURS: i64 = 24;

/// How a sync runs.
#[derive(Debug, Clone, Default)]
pub struct SyncOptions {
    /// Fetch even feeds that are backing off or that a server asked us to
    /// leave alone for a while.
    pub force: bool,
    /// Only these feeds (all when empty).
    pub feeds: Vec<FeedId>,
    /// When to fetch full article pages, for feeds without their own
    /// choice; `None` uses the engine's configuration.
    pub extraction: Option<crate::ExtractionPolicy>,
}

/// Progress of a running sync, for a progress bar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum SyncEvent {
    /// The sync started with this many feeds to fetch.
    Started {
        /// Feeds to fetch.
        total: usize,
    },
    /// One feed is done.
    FeedDone {
        /// Feeds done so far.
        done: usize,
        /// Feeds in this sync.
        total: usize,
        /// New articles so far, over all feeds.
        new_articles: usize,
        /// The feed just done.
        feed_id: FeedId,
        /// New articles from this feed.
        feed_new_articles: usize,
        /// Its error, when it failed.
        error: Option<String>,
    },
}

/// One feed that failed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FeedFailure {
    /// The feed.
    pub feed_id: FeedId,
    /// Its URL.
    pub url: String,
    /// What went wrong.
    pub error: String,
}

/// What a sync did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SyncReport {
    /// Feeds fetched.
    pub feeds: usize,
    /// Feeds fetched without error (changed or not).
    pub ok: usize,
    /// Feeds that failed.
    pub failed: usize,
    /// Feeds left alone because they are backing off.
    pub skipped: usize,
    /// New articles stored.
    pub new_articles: usize,
    /// Articles whose content changed.
    pub updated_articles: usize,
    /// Each failure.
    pub errors: Vec<FeedFailure>,
    /// Full articles fetched and extracted after the feeds.
    pub extraction: crate::ExtractReport,
}

/// What syncing one feed did.
#[derive(Debug, Clone, Copy, Default)]
struct FeedOutcome {
    new: usize,
    updated: usize,
}

impl Engine {
    /// Syncs every feed (or the ones in `options`), reporting progress on
    /// `progress`. Returns an error only when the sync could not run at all;
    /// feeds that fail are in the report.
    pub async fn sync(
        &self,
        options: &SyncOptions,
        progress: Option<UnboundedSender<SyncEvent>>,
    ) -> Result<SyncReport, EngineError> {
        let now = Utc::now();
        let mut states = self.store.fetch_states().await?;
        if !options.feeds.is_empty() {
            states.retain(|s| options.feeds.contains(&s.id));
        }
        let total_known = states.len();
        if !options.force {
            states.retain(|s| s.next_attempt_at.is_none_or(|at| at <= now));
        }
        let skipped = total_known - states.len();
        let total = states.len();
        let send = |event: SyncEvent| {
            if let Some(tx) = &progress {
                let _ = tx.send(event);
            }
        };
        send(SyncEvent::Started { total });

        let rules = self.store.rule_set().await?;
        let done = AtomicUsize::new(0);
        let new_total = AtomicUsize::new(0);
        let results: Vec<(FeedFetchState, Result<FeedOutcome, EngineError>)> = stream::iter(states)
            .map(|state| {
                let rules = &rules;
                let done = &done;
                let new_total = &new_total;
                let send = &send;
                async move {
                    let result = self.sync_feed(&state, rules).await;
                    if let Err(err) = &result {
                        let _ = self.record_failure(&state, err).await;
                    }
                    let new = result.as_ref().map_or(0, |o| o.new);
                    send(SyncEvent::FeedDone {
                        done: done.fetch_add(1, Ordering::SeqCst) + 1,
                        total,
                        new_articles: new_total.fetch_add(new, Ordering::SeqCst) + new,
                        feed_id: state.id,
                        feed_new_articles: new,
                        error: result.as_ref().err().map(ToString::to_string),
                    });
                    (state, result)
                }
            })
            .buffer_unordered(self.fetcher.config().max_concurrent.max(1))
            .collect()
            .await;

        let mut report = SyncReport { feeds: total, skipped, ..SyncReport::default() };
        for (state, result) in results {
            match result {
                Ok(outcome) => {
                    report.ok += 1;
                    report.new_articles += outcome.new;
                    report.updated_articles += outcome.updated;
                }
                Err(err) => {
                    report.failed += 1;
                    report.errors.push(FeedFailure { feed_id: state.id, url: state.url, error: err.to_string() });
                }
            }
        }
        report.errors.sort_by_key(|e| e.feed_id);
        let policy = options.extraction.unwrap_or(self.config.extraction);
        report.extraction = self.extract_pending(self.config.max_extractions_per_sync, policy).await?;
        Ok(report)
    }

    async fn sync_feed(&self, state: &FeedFetchState, rules: &RuleSet) -> Result<FeedOutcome, EngineError> {
        let validators = Validators { etag: state.etag.clone(), last_modified: state.last_modified.clone() };
        let fetched = self.fetcher.get(&state.url, Some(&validators)).await?;
        if let Some(moved) = &fetched.moved_permanently_to {
            self.store.set_feed_url(state.id, moved.as_str()).await?;
        }
        let fetch_validators = FetchValidators {
            etag: fetched.validators.etag.as_deref(),
            last_modified: fetched.validators.last_modified.as_deref(),
            content_hash: None,
        };
        let Some(body) = &fetched.body else {
            self.store.record_unchanged(state.id, &fetch_validators).await?;
            return Ok(FeedOutcome::default());
        };
        let hash = blake3::hash(body).to_hex().to_string();
        if state.content_hash.as_deref() == Some(hash.as_str()) {
            self.store.record_unchanged(state.id, &fetch_validators).await?;
            return Ok(FeedOutcome::default());
        }
        let body = body.clone();
        let content_type = fetched.content_type.clone();
        let url = fetched.final_url.to_string();
        let parsed =
            tokio::task::spawn_blocking(move || byline_feeds::parse_feed(&body, content_type.as_deref(), Some(&url)))
                .await
                .map_err(|e| EngineError::Invalid(format!("parser crashed: {e}")))??;
        let validators = FetchValidators { content_hash: Some(&hash), ..fetch_validators };
        let outcome = self.store.store_feed(state.id, &parsed, &validators, rules).await?;
        Ok(FeedOutcome { new: outcome.new, updated: outcome.updated })
    }

    async fn record_failure(&self, state: &FeedFetchState, err: &EngineError) -> Result<(), EngineError> {
        let failures = state.error_count + 1;
        let backoff = Duration::minutes(BACKOFF_BASE_MINUTES * 2_i64.pow((failures - 1).clamp(0, 16) as u32))
            .min(Duration::hours(BACKOFF_MAX_HOURS));
        let next = match err {
            EngineError::Fetch(FetchError::RateLimited { retry_after: Some(at), .. }) => *at,
            _ => Utc::now() + backoff,
        };
        self.store.record_failure(state.id, &err.to_string(), Some(next)).await?;
        Ok(())
    }
}
