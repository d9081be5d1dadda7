//! The one sync there is ([`Engine::sync`]), in phases: local feeds
//! (`feed_sync`), then server accounts (`remote_sync`), then full articles
//! (`full_articles`), then retention. Settings come in through
//! [`SyncOptions`]; progress and each phase's result go out as
//! [`SyncEvent`]s, which the app and the CLI only forward.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use byline_accounts::SyncCursor;
use byline_store::{Account, AccountId, FeedId, PruneOutcome, StoreError};
use serde::Serialize;
use tokio::sync::mpsc::UnboundedSender;

use crate::error::EngineError;
use crate::{AccountError, AccountSyncReport, Engine, ExtractReport, ExtractionPolicy, DEFAULT_RETENTION_DAYS};

/// How a sync runs: what to sync, and the settings it follows.
#[derive(Debug, Clone)]
pub struct SyncOptions {
    /// Fetch even feeds that are backing off or that a server asked us to
    /// leave alone for a while.
    pub force: bool,
    /// Only these local feeds. When both this and `accounts` are empty, the
    /// sync takes every local feed and every server account.
    pub feeds: Vec<FeedId>,
    /// Only these server accounts (see `feeds`).
    pub accounts: Vec<AccountId>,
    /// When to fetch full article pages, for feeds without their own
    /// choice; `None` uses the engine's configuration.
    pub extraction: Option<ExtractionPolicy>,
    /// Unsaved articles stored longer ago than this many days are deleted
    /// after the sync; `None` or `Some(0)` keeps everything. Defaults to
    /// [`DEFAULT_RETENTION_DAYS`]. It also bounds a server account's first
    /// fetch ([`SyncOptions::first_fetch`]).
    pub retention_days: Option<u32>,
    /// At most this many items (besides starred ones) in a server
    /// account's first fetch. Defaults to [`SyncOptions::FIRST_FETCH_ITEMS`].
    pub first_fetch_items: usize,
}

impl SyncOptions {
    /// How many items a server account's first fetch takes at most, unless
    /// [`SyncOptions::first_fetch_items`] says otherwise.
    pub const FIRST_FETCH_ITEMS: usize = 10_000;

    /// Where a server account that has fetched nothing yet starts: the
    /// items its server stored within the retention window (all of them
    /// when retention keeps everything), at most
    /// [`SyncOptions::first_fetch_items`] of them, the newest, and every
    /// starred item whatever its age. Later syncs fetch what is new since.
    pub fn first_fetch(&self) -> SyncCursor {
        let stored_since = crate::retention_cutoff(self.retention_days).map(|cutoff| cutoff.timestamp());
        SyncCursor::Recent { stored_since, max_items: self.first_fetch_items }
    }
}

impl Default for SyncOptions {
    fn default() -> Self {
        Self {
            force: false,
            feeds: Vec::new(),
            accounts: Vec::new(),
            extraction: None,
            retention_days: Some(DEFAULT_RETENTION_DAYS),
            first_fetch_items: Self::FIRST_FETCH_ITEMS,
        }
    }
}

/// New articles one feed brought.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct FeedNewArticles {
    /// The feed.
    pub feed_id: FeedId,
    /// How many new articles it brought.
    pub new_articles: usize,
}

/// What a running sync tells: its progress, source by source, and the end
/// of each phase. In order: `Started`, one `FeedDone` per local feed, one
/// `AccountDone` per server account, `FeedsStored`, `Extracted`, `Pruned`,
/// `Finished`. A sync that stops with an error sends no more events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum SyncEvent {
    /// The sync started with this many sources (local feeds to fetch, and
    /// server accounts).
    Started {
        /// Sources to sync.
        total: usize,
        /// The server accounts among them, in the order they sync (after
        /// the local feeds).
        accounts: Vec<AccountId>,
    },
    /// One local feed is done.
    FeedDone {
        /// Sources done so far.
        done: usize,
        /// Sources in this sync.
        total: usize,
        /// New articles so far, over all sources.
        new_articles: usize,
        /// The feed just done.
        feed_id: FeedId,
        /// New articles from this feed.
        feed_new_articles: usize,
        /// Its error, when it failed.
        error: Option<String>,
    },
    /// One server account is done.
    AccountDone {
        /// Sources done so far.
        done: usize,
        /// Sources in this sync.
        total: usize,
        /// New articles so far, over all sources.
        new_articles: usize,
        /// The account just done.
        account_id: AccountId,
        /// New articles from this account.
        account_new_articles: usize,
        /// Why its sync stopped, when it did (also kept on the account).
        error: Option<String>,
    },
    /// Every source is stored: new articles can be shown now, before their
    /// pages are fetched.
    FeedsStored {
        /// Sources synced (local feeds fetched, and accounts).
        sources: usize,
        /// Sources that failed.
        failed: usize,
        /// New articles stored.
        new_articles: usize,
        /// Articles whose content changed.
        updated_articles: usize,
        /// The feeds that brought new articles, with how many: local feeds
        /// and server accounts' feeds alike, sorted by feed. An account's
        /// first fetch (its history) counts in `new_articles` but not here,
        /// so it notifies nothing.
        new_by_feed: Vec<FeedNewArticles>,
    },
    /// The full pages of new articles were fetched and extracted.
    Extracted {
        /// What extraction did.
        report: ExtractReport,
    },
    /// Retention deleted old unsaved articles.
    Pruned {
        /// What it deleted.
        outcome: PruneOutcome,
    },
    /// The sync is over.
    Finished,
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

/// What a sync did. Each server account counts as one source in `feeds`,
/// `ok`, `failed` and the article counts; its details are in `accounts`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SyncReport {
    /// Sources synced: local feeds fetched, and server accounts.
    pub feeds: usize,
    /// Sources synced without error (changed or not).
    pub ok: usize,
    /// Sources that failed.
    pub failed: usize,
    /// Local feeds left alone because they are backing off.
    pub skipped: usize,
    /// New articles stored.
    pub new_articles: usize,
    /// Articles whose content changed.
    pub updated_articles: usize,
    /// Each local feed's failure.
    pub errors: Vec<FeedFailure>,
    /// Failures that could not be written to the database (the feed's
    /// error, failure count and backoff were not saved, so it is tried again
    /// at the next sync as if it had not failed). Normally 0.
    pub unrecorded_failures: usize,
    /// The database error behind the first unrecorded failure, when there
    /// was one.
    pub unrecorded_failure_error: Option<String>,
    /// Each server account synced.
    pub accounts: Vec<AccountSyncReport>,
    /// Full articles fetched and extracted after the sources.
    pub extraction: ExtractReport,
    /// What retention deleted at the end.
    pub pruned: PruneOutcome,
}

impl SyncReport {
    /// Counts a failure that could not be recorded, keeping the first error.
    pub(crate) fn count_unrecorded(&mut self, error: Option<EngineError>) {
        if let Some(error) = error {
            self.unrecorded_failures += 1;
            self.unrecorded_failure_error.get_or_insert_with(|| error.to_string());
        }
    }

    /// Counts one account as one source.
    fn add_account(&mut self, account: AccountSyncReport) {
        self.feeds += 1;
        if account.error.is_some() {
            self.failed += 1;
        } else {
            self.ok += 1;
        }
        self.new_articles += account.new_articles;
        self.updated_articles += account.updated_articles;
        self.accounts.push(account);
    }
}

/// Counts sources done and new articles, and sends [`SyncEvent`]s. Also
/// holds whether a write found the disk full: from then on the sync fetches
/// and stores nothing more, records no failure on any feed (a full disk is
/// not the feed's fault, and must not put it in backoff), and ends with that
/// error.
pub(crate) struct Progress {
    total: usize,
    done: AtomicUsize,
    new_articles: AtomicUsize,
    events: Option<UnboundedSender<SyncEvent>>,
    disk_full: OnceLock<String>,
}

impl Progress {
    /// Starts counting `total` sources, `accounts` among them; sends
    /// [`SyncEvent::Started`].
    pub(crate) fn new(total: usize, accounts: Vec<AccountId>, events: Option<UnboundedSender<SyncEvent>>) -> Self {
        let progress = Self {
            total,
            done: AtomicUsize::new(0),
            new_articles: AtomicUsize::new(0),
            events,
            disk_full: OnceLock::new(),
        };
        progress.send(SyncEvent::Started { total, accounts });
        progress
    }

    /// Remembers the first disk-full error; whether `err` is one.
    pub(crate) fn note_disk_full(&self, err: &EngineError) -> bool {
        match err {
            EngineError::Store(StoreError::DiskFull(message)) => {
                let _ = self.disk_full.set(message.clone());
                true
            }
            _ => false,
        }
    }

    /// Whether the sync stopped because the disk is full.
    pub(crate) fn stopped(&self) -> bool {
        self.disk_full.get().is_some()
    }

    /// The disk-full error that stopped the sync, when one did.
    pub(crate) fn disk_full(&self) -> Option<String> {
        self.disk_full.get().cloned()
    }

    /// Counts one source done; returns (done, new articles so far).
    fn count(&self, new: usize) -> (usize, usize) {
        let done = self.done.fetch_add(1, Ordering::SeqCst) + 1;
        (done, self.new_articles.fetch_add(new, Ordering::SeqCst) + new)
    }

    /// One local feed is done, with `new` articles or an error.
    pub(crate) fn feed_done(&self, feed_id: FeedId, new: usize, error: Option<String>) {
        let (done, new_articles) = self.count(new);
        let total = self.total;
        self.send(SyncEvent::FeedDone { done, total, new_articles, feed_id, feed_new_articles: new, error });
    }

    /// One server account is done.
    fn account_done(&self, report: &AccountSyncReport) {
        let (done, new_articles) = self.count(report.new_articles);
        self.send(SyncEvent::AccountDone {
            done,
            total: self.total,
            new_articles,
            account_id: report.account_id,
            account_new_articles: report.new_articles,
            error: report.error.clone(),
        });
    }

    /// Sends an event to whoever listens.
    pub(crate) fn send(&self, event: SyncEvent) {
        if let Some(events) = &self.events {
            let _ = events.send(event);
        }
    }
}

impl Engine {
    /// Syncs, in phases, reporting each on `progress` (see [`SyncEvent`]):
    ///
    /// 1. **Local feeds**: every one, or those in `options`, fetched many at
    ///    once and stored by one writer.
    /// 2. **Server accounts**: when the sync takes everything (or the
    ///    accounts in `options`), one after the other, each one source in
    ///    the progress and the report; an account's error is kept on it.
    /// 3. **Full articles**: the pages of new articles, as `options`'
    ///    extraction policy (or the configured one) says.
    /// 4. **Retention**: unsaved articles older than `options`'
    ///    `retention_days` are deleted.
    ///
    /// Returns an error only when the sync could not run at all, or stopped
    /// because the disk is full ([`StoreError::DiskFull`]: what was stored
    /// stays, no feed is marked failed, and the next sync picks up the
    /// rest); sources that fail are in the report.
    pub async fn sync(
        &self,
        options: &SyncOptions,
        progress: Option<UnboundedSender<SyncEvent>>,
    ) -> Result<SyncReport, EngineError> {
        let plan = self.plan_feeds(options).await?;
        let accounts = self.planned_accounts(options).await?;
        let progress = Progress::new(plan.len() + accounts.len(), accounts.iter().map(|a| a.id).collect(), progress);

        let (mut report, mut new_by_feed) = self.fetch_and_store(plan, &progress).await?;
        for account in &accounts {
            let mut done = self.sync_account_for_sync(account, options).await?;
            progress.account_done(&done);
            new_by_feed.append(&mut done.new_by_feed);
            report.add_account(done);
        }
        new_by_feed.sort_by_key(|n| n.feed_id);
        progress.send(SyncEvent::FeedsStored {
            sources: report.feeds,
            failed: report.failed,
            new_articles: report.new_articles,
            updated_articles: report.updated_articles,
            new_by_feed,
        });

        report.extraction = self.extract_after_sync(options).await?;
        progress.send(SyncEvent::Extracted { report: report.extraction });

        report.pruned = self.apply_retention(options.retention_days).await?;
        progress.send(SyncEvent::Pruned { outcome: report.pruned });
        progress.send(SyncEvent::Finished);
        Ok(report)
    }

    /// The full-articles phase of [`Engine::sync`] alone (after a source is
    /// added): fetches and extracts the pages of new articles, as many as
    /// the configuration allows for one sync, with `options`' extraction
    /// policy (or the configured one).
    pub async fn extract_after_sync(&self, options: &SyncOptions) -> Result<ExtractReport, EngineError> {
        let policy = options.extraction.unwrap_or(self.config.extraction);
        self.extract_pending(self.config.max_extractions_per_sync, policy).await
    }

    /// The server accounts `options` asks for: all of them when it names
    /// no feed and no account.
    async fn planned_accounts(&self, options: &SyncOptions) -> Result<Vec<Account>, EngineError> {
        let mut accounts = self.store.accounts().await?;
        if !options.feeds.is_empty() || !options.accounts.is_empty() {
            accounts.retain(|a| options.accounts.contains(&a.id));
        }
        Ok(accounts)
    }

    /// Syncs one account as one source of [`Engine::sync`]: a database
    /// failure is that account's error, unless the disk is full, which
    /// stops the sync.
    async fn sync_account_for_sync(
        &self,
        account: &Account,
        options: &SyncOptions,
    ) -> Result<AccountSyncReport, EngineError> {
        match self.sync_account_with(account, options.first_fetch()).await {
            Ok(report) => Ok(report),
            Err(AccountError::Store(err @ StoreError::DiskFull(_))) => Err(err.into()),
            Err(err) => {
                eprintln!("byline: syncing account {} failed: {err}", account.display_name);
                Ok(AccountSyncReport {
                    account_id: account.id,
                    display_name: account.display_name.clone(),
                    error: Some(err.to_string()),
                    ..Default::default()
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FetchError;

    #[test]
    fn a_full_disk_stops_the_sync_and_is_no_feed_failure() {
        let progress = Progress::new(3, Vec::new(), None);
        assert!(!progress.note_disk_full(&FetchError::Status(500).into()));
        assert!(!progress.note_disk_full(&StoreError::Invalid("bad".into()).into()));
        assert!(!progress.stopped(), "a feed's own failure goes on its record");
        assert!(progress.note_disk_full(&StoreError::DiskFull("first".into()).into()));
        assert!(progress.note_disk_full(&StoreError::DiskFull("second".into()).into()));
        assert!(progress.stopped());
        assert_eq!(progress.disk_full().as_deref(), Some("first"), "the first error is the one told");
    }

    #[test]
    fn a_first_fetch_reaches_back_as_far_as_retention_keeps() {
        let days = |d| SyncOptions { retention_days: d, ..SyncOptions::default() }.first_fetch();
        let SyncCursor::Recent { stored_since: Some(since), max_items } = days(Some(30)) else { panic!() };
        let expected = crate::retention_cutoff(Some(30)).unwrap().timestamp();
        assert!((expected - since).abs() <= 1, "the cutoff the pruning uses");
        assert_eq!(max_items, SyncOptions::FIRST_FETCH_ITEMS);
        for keeps_everything in [None, Some(0)] {
            assert!(matches!(days(keeps_everything), SyncCursor::Recent { stored_since: None, .. }));
        }
    }

    #[test]
    fn an_account_is_one_source_of_the_report() {
        let mut report = SyncReport { feeds: 2, ok: 2, new_articles: 3, ..SyncReport::default() };
        report.add_account(AccountSyncReport { new_articles: 4, updated_articles: 1, ..Default::default() });
        report.add_account(AccountSyncReport { error: Some("down".into()), ..Default::default() });
        let counts = (report.feeds, report.ok, report.failed, report.new_articles, report.updated_articles);
        assert_eq!(counts, (4, 3, 1, 7, 1));
        assert_eq!(report.accounts.len(), 2);
    }

    #[test]
    fn events_are_tagged_by_kind() {
        let event = SyncEvent::FeedsStored {
            sources: 1,
            failed: 0,
            new_articles: 2,
            updated_articles: 0,
            new_by_feed: vec![FeedNewArticles { feed_id: FeedId(7), new_articles: 2 }],
        };
        let json = serde_json::to_value(&event).unwrap();
        assert_eq!(json["kind"], "feeds_stored");
        assert_eq!(json["new_by_feed"][0]["feed_id"], 7);
        assert_eq!(serde_json::to_value(SyncEvent::Finished).unwrap(), serde_json::json!({ "kind": "finished" }));
    }
}
