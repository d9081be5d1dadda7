//! Syncing feeds: fetch (conditionally) → skip if unchanged → parse → store,
//! many feeds at once, each failure recorded on its own feed while the rest
//! goes on. Stores are batched: the writer stores every feed parsed while it
//! was busy in one transaction.

use std::collections::HashMap;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, OnceLock};

use byline_store::{FeedFetchState, FeedId, FetchValidators, PreparedFeed, RuleSet, StoreError};
use chrono::{Duration, Utc};
use futures::stream::{self, StreamExt};
use serde::Serialize;
use tokio::sync::mpsc::{self, UnboundedSender};

use crate::error::{EngineError, FetchError};
use crate::fetch::Validators;
use crate::Engine;

/// First wait after a failure; it doubles with each consecutive failure.
const BACKOFF_BASE_MINUTES: i64 = 5;
/// The longest wait after failures.
const BACKOFF_MAX_HOURS: i64 = 24;
/// Parsed feeds waiting for the writer; fetching and parsing pause when
/// this many are waiting, so memory stays bounded.
const PARSED_QUEUE: usize = 64;
/// The writer stores at most this many entries in one transaction.
const MAX_BATCH_ENTRIES: usize = 5000;

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
    /// Failures that could not be written to the database (the feed's
    /// error, failure count and backoff were not saved, so it is tried again
    /// at the next sync as if it had not failed). Normally 0.
    pub unrecorded_failures: usize,
    /// The database error behind the first unrecorded failure, when there
    /// was one.
    pub unrecorded_failure_error: Option<String>,
    /// Full articles fetched and extracted after the feeds.
    pub extraction: crate::ExtractReport,
}

impl SyncReport {
    /// Counts a failure that could not be recorded, keeping the first error.
    fn count_unrecorded(&mut self, error: Option<EngineError>) {
        if let Some(error) = error {
            self.unrecorded_failures += 1;
            self.unrecorded_failure_error.get_or_insert_with(|| error.to_string());
        }
    }
}

/// What syncing one feed did.
#[derive(Debug, Clone, Copy, Default)]
struct FeedOutcome {
    new: usize,
    updated: usize,
}

/// A feed, how its sync went, and, when it failed and that failure could not
/// be recorded, why not.
type FeedResult = (FeedFetchState, Result<FeedOutcome, EngineError>, Option<EngineError>);

/// Counts feeds done and new articles, and sends [`SyncEvent`]s. Also
/// holds whether a write found the disk full: from then on the sync fetches
/// and stores nothing more, records no failure on any feed (a full disk is
/// not the feed's fault, and must not put it in backoff), and ends with that
/// error.
struct Progress {
    total: usize,
    done: AtomicUsize,
    new_articles: AtomicUsize,
    events: Option<UnboundedSender<SyncEvent>>,
    disk_full: OnceLock<String>,
}

impl Progress {
    fn new(total: usize, events: Option<UnboundedSender<SyncEvent>>) -> Self {
        let progress = Self {
            total,
            done: AtomicUsize::new(0),
            new_articles: AtomicUsize::new(0),
            events,
            disk_full: OnceLock::new(),
        };
        progress.send(SyncEvent::Started { total });
        progress
    }

    /// Remembers the first disk-full error; whether `err` is one.
    fn note_disk_full(&self, err: &EngineError) -> bool {
        match err {
            EngineError::Store(StoreError::DiskFull(message)) => {
                let _ = self.disk_full.set(message.clone());
                true
            }
            _ => false,
        }
    }

    /// Whether the sync stopped because the disk is full.
    fn stopped(&self) -> bool {
        self.disk_full.get().is_some()
    }

    fn feed_done(&self, feed_id: FeedId, result: &Result<FeedOutcome, EngineError>) {
        let new = result.as_ref().map_or(0, |o| o.new);
        self.send(SyncEvent::FeedDone {
            done: self.done.fetch_add(1, Ordering::SeqCst) + 1,
            total: self.total,
            new_articles: self.new_articles.fetch_add(new, Ordering::SeqCst) + new,
            feed_id,
            feed_new_articles: new,
            error: result.as_ref().err().map(ToString::to_string),
        });
    }

    fn send(&self, event: SyncEvent) {
        if let Some(events) = &self.events {
            let _ = events.send(event);
        }
    }
}

impl Engine {
    /// Syncs every feed (or the ones in `options`), reporting progress on
    /// `progress`, then fetches the full pages of new articles as the
    /// extraction policy says ([`Engine::sync_feeds`], then
    /// [`Engine::extract_pending`]). Returns an error only when the sync
    /// could not run at all, or stopped because the disk is full
    /// ([`StoreError::DiskFull`]: what was stored stays, no feed is marked
    /// failed, and the next sync picks up the rest); feeds that fail are in
    /// the report.
    pub async fn sync(
        &self,
        options: &SyncOptions,
        progress: Option<UnboundedSender<SyncEvent>>,
    ) -> Result<SyncReport, EngineError> {
        let mut report = self.sync_feeds(options, progress).await?;
        report.extraction = self.extract_after_sync(options).await?;
        Ok(report)
    }

    /// The full-articles part of [`Engine::sync`]: fetches and extracts the
    /// pages of new articles, as many as the configuration allows for one
    /// sync, with `options`' extraction policy (or the configured one).
    pub async fn extract_after_sync(&self, options: &SyncOptions) -> Result<crate::ExtractReport, EngineError> {
        let policy = options.extraction.unwrap_or(self.config.extraction);
        self.extract_pending(self.config.max_extractions_per_sync, policy).await
    }

    /// The feeds part of [`Engine::sync`]: fetch, parse and store every
    /// feed, without fetching article pages (the report's `extraction` is
    /// empty). The app shows new articles after this, and extracts after.
    ///
    /// Fetching and parsing run many feeds at once; storing runs on the one
    /// writer, which takes every feed parsed while it was busy and stores
    /// them in one transaction. A full disk stops it, as [`Engine::sync`]
    /// says.
    pub async fn sync_feeds(
        &self,
        options: &SyncOptions,
        progress: Option<UnboundedSender<SyncEvent>>,
    ) -> Result<SyncReport, EngineError> {
        let now = Utc::now();
        // A server account's feeds come from its server (`remote_sync`).
        let mut states = self.store.local_fetch_states().await?;
        if !options.feeds.is_empty() {
            states.retain(|s| options.feeds.contains(&s.id));
        }
        let total_known = states.len();
        if !options.force {
            states.retain(|s| s.next_attempt_at.is_none_or(|at| at <= now));
        }
        let skipped = total_known - states.len();
        let progress = Progress::new(states.len(), progress);
        let rules = Arc::new(self.store.rule_set().await?);

        let (parsed_tx, mut parsed_rx) = mpsc::channel::<(FeedFetchState, PreparedFeed)>(PARSED_QUEUE);
        let fetch_all = async {
            let process = |state: FeedFetchState| {
                let (rules, parsed_tx, progress) = (&rules, &parsed_tx, &progress);
                async move {
                    if progress.stopped() {
                        return None;
                    }
                    match self.fetch_and_prepare(&state, rules).await {
                        // The writer stores it and reports it done.
                        Ok(Some(prepared)) => match parsed_tx.send((state, prepared)).await {
                            Ok(()) => None,
                            Err(unsent) => {
                                let stopped = EngineError::Invalid("the sync stopped storing".into());
                                Some(self.finish_feed(unsent.0 .0, Err(stopped), progress).await)
                            }
                        },
                        Ok(None) => Some(self.finish_feed(state, Ok(FeedOutcome::default()), progress).await),
                        Err(err) => Some(self.finish_feed(state, Err(err), progress).await),
                    }
                }
            };
            // Each host's feeds queue on their own, as many at once as the
            // host allows, and many hosts run side by side: feeds waiting
            // for a slow host never hold places other hosts could use.
            let config = self.fetcher.config();
            let (per_host, hosts_at_once) = (config.max_per_host.max(1), config.max_concurrent.max(1));
            let done_early: Vec<FeedResult> = stream::iter(group_by_host(states))
                .map(|feeds| stream::iter(feeds).map(process).buffer_unordered(per_host))
                .flatten_unordered(hosts_at_once)
                .filter_map(std::future::ready)
                .collect()
                .await;
            drop(parsed_tx);
            done_early
        };
        let store_all = async {
            let mut stored: Vec<FeedResult> = Vec::new();
            while let Some(first) = parsed_rx.recv().await {
                if progress.stopped() {
                    continue; // drained, so no fetch waits on a full queue
                }
                let mut entries = first.1.entry_count();
                let mut batch = vec![first];
                while entries < MAX_BATCH_ENTRIES {
                    let Ok(next) = parsed_rx.try_recv() else { break };
                    entries += next.1.entry_count();
                    batch.push(next);
                }
                let (batch_states, prepared): (Vec<_>, Vec<_>) = batch.into_iter().unzip();
                let outcomes = self.store.store_feeds(&prepared).await;
                for (state, outcome) in batch_states.into_iter().zip(outcomes) {
                    let result = outcome.map(|o| FeedOutcome { new: o.new, updated: o.updated }).map_err(Into::into);
                    stored.push(self.finish_feed(state, result, &progress).await);
                }
            }
            stored
        };
        let (done_early, stored) = futures::join!(fetch_all, store_all);
        if let Some(message) = progress.disk_full.get() {
            return Err(StoreError::DiskFull(message.clone()).into());
        }

        let mut report = SyncReport { feeds: progress.total, skipped, ..SyncReport::default() };
        for (state, result, unrecorded) in done_early.into_iter().chain(stored) {
            report.count_unrecorded(unrecorded);
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
        Ok(report)
    }

    /// Fetches a feed and, when it changed, parses and prepares it on a
    /// blocking thread. `None` when it did not change (304, or the same
    /// bytes as last time); that is recorded here.
    async fn fetch_and_prepare(
        &self,
        state: &FeedFetchState,
        rules: &Arc<RuleSet>,
    ) -> Result<Option<PreparedFeed>, EngineError> {
        let validators = Validators { etag: state.etag.clone(), last_modified: state.last_modified.clone() };
        let fetched = self.fetcher.get(&state.url, Some(&validators)).await?;
        if let Some(moved) = &fetched.moved_permanently_to {
            self.store.set_feed_url(state.id, moved.as_str()).await?;
        }
        let unchanged = FetchValidators {
            etag: fetched.validators.etag.as_deref(),
            last_modified: fetched.validators.last_modified.as_deref(),
            content_hash: None,
        };
        let Some(body) = &fetched.body else {
            self.store.record_unchanged(state.id, &unchanged).await?;
            return Ok(None);
        };
        let hash = blake3::hash(body).to_hex().to_string();
        if state.content_hash.as_deref() == Some(hash.as_str()) {
            self.store.record_unchanged(state.id, &unchanged).await?;
            return Ok(None);
        }
        let feed_id = state.id;
        let url = fetched.final_url.to_string();
        let rules = Arc::clone(rules);
        self.run_cpu(move || {
            let parsed = byline_feeds::parse_feed(
                fetched.body.as_deref().unwrap_or_default(),
                fetched.content_type.as_deref(),
                Some(&url),
            )?;
            let validators = FetchValidators {
                etag: fetched.validators.etag.as_deref(),
                last_modified: fetched.validators.last_modified.as_deref(),
                content_hash: Some(&hash),
            };
            Ok(Some(PreparedFeed::new(feed_id, parsed, &validators, &rules)))
        })
        .await?
    }

    /// Records a feed's failure (if it failed, and not for a full disk) and
    /// reports it done.
    async fn finish_feed(
        &self,
        state: FeedFetchState,
        result: Result<FeedOutcome, EngineError>,
        progress: &Progress,
    ) -> FeedResult {
        let unrecorded = match &result {
            Err(err) if progress.note_disk_full(err) => None,
            Err(err) => {
                let unrecorded = self.record_failure(&state, err).await.err();
                if let Some(db_err) = &unrecorded {
                    progress.note_disk_full(db_err);
                }
                unrecorded
            }
            Ok(_) => None,
        };
        if let Some(db_err) = &unrecorded {
            eprintln!("byline: could not record the failure of feed {} ({}): {db_err}", state.id, state.url);
        }
        progress.feed_done(state.id, &result);
        (state, result, unrecorded)
    }

    async fn record_failure(&self, state: &FeedFetchState, err: &EngineError) -> Result<(), EngineError> {
        let failures = state.error_count + 1;
        let backoff = Duration::minutes(BACKOFF_BASE_MINUTES * 2_i64.pow((failures - 1).clamp(0, 16) as u32))
            .min(Duration::hours(BACKOFF_MAX_HOURS));
        let next = match err {
            EngineError::Fetch(FetchError::RateLimited { retry_after: Some(at), .. }) => *at,
            _ => Utc::now() + backoff,
        };
        self.store.record_failure(state.id, err.feed_problem(), &err.to_string(), Some(next)).await?;
        Ok(())
    }
}

/// Feeds grouped by the host the fetcher limits them by, in their order.
fn group_by_host(states: Vec<FeedFetchState>) -> Vec<Vec<FeedFetchState>> {
    let mut groups: Vec<Vec<FeedFetchState>> = Vec::new();
    let mut index: HashMap<String, usize> = HashMap::new();
    for state in states {
        let key = url::Url::parse(state.url.trim()).map(|u| crate::fetch::host_key(&u)).unwrap_or_default();
        let at = *index.entry(key).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[at].push(state);
    }
    groups
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn feeds_are_grouped_by_host_and_port_in_order() {
        let state = |id: i64, url: &str| FeedFetchState {
            id: FeedId(id),
            url: url.into(),
            etag: None,
            last_modified: None,
            content_hash: None,
            error_count: 0,
            next_attempt_at: None,
        };
        let groups = group_by_host(vec![
            state(1, "http://a.example/1"),
            state(2, "http://b.example/1"),
            state(3, "http://a.example:80/2"),
            state(4, "http://a.example:8080/3"),
            state(5, "not a url"),
        ]);
        let ids: Vec<Vec<i64>> = groups.iter().map(|g| g.iter().map(|s| s.id.0).collect()).collect();
        assert_eq!(ids, vec![vec![1, 3], vec![2], vec![4], vec![5]]);
    }

    #[test]
    fn a_full_disk_stops_the_sync_and_is_no_feed_failure() {
        let progress = Progress::new(3, None);
        assert!(!progress.note_disk_full(&FetchError::Status(500).into()));
        assert!(!progress.note_disk_full(&StoreError::Invalid("bad".into()).into()));
        assert!(!progress.stopped(), "a feed's own failure goes on its record");
        assert!(progress.note_disk_full(&StoreError::DiskFull("first".into()).into()));
        assert!(progress.note_disk_full(&StoreError::DiskFull("second".into()).into()));
        assert!(progress.stopped());
        assert_eq!(progress.disk_full.get().map(String::as_str), Some("first"), "the first error is the one told");
    }
}
