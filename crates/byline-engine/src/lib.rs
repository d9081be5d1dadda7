//! Byline's engine: the handle the desktop app and the headless CLI share.
//!
//! An [`Engine`] owns the [`Store`] (one SQLite file) and the polite
//! [`Fetcher`], and does what needs both: subscribing by feed or site URL
//! (with autodiscovery), syncing ([`Engine::sync`]: local feeds, server
//! accounts, full articles and retention, in that order), OPML import and
//! export, server accounts ([`Engine::add_account`]), and changes to
//! subscriptions that go to an account's server first ([`Engine::rename_feed`],
//! [`Engine::move_feed`], [`Engine::remove_feed`], [`Engine::subscribe`]).
//!
//! ```no_run
//! # async fn demo() -> Result<(), byline_engine::EngineError> {
//! use byline_engine::{Engine, EngineConfig, SyncOptions};
//! let engine = Engine::open(&byline_engine::default_db_path().unwrap(), EngineConfig::default()).await?;
//! engine.add_source("https://news.example.az/", None).await?;
//! let report = engine.sync(&SyncOptions::default(), None).await?;
//! println!("{} new articles", report.new_articles);
//! # Ok(()) }
//! ```
#![deny(missing_docs)]

mod body_choice;
mod cpu_priority;
mod discovery;
mod error;
mod feed_sync;
pub mod fetch;
mod full_articles;
mod opml;
mod remote_sync;
mod subscriptions;
mod sync;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{Duration, Utc};
use tokio::sync::Semaphore;

pub use byline_accounts as accounts;
pub use byline_feeds as feeds;
pub use byline_store as store;
pub use byline_store::ExtractionPolicy;
pub use byline_store::Store;
pub use error::{EngineError, FetchError, Result};
pub use fetch::{FetchConfig, Fetcher};
pub use full_articles::{extract_bytes, ExtractReport};
pub use opml::ImportReport;
pub use remote_sync::{AccountError, AccountSyncReport};
pub use subscriptions::{capabilities, AccountInfo};
pub use sync::{FeedFailure, FeedNewArticles, SyncEvent, SyncOptions, SyncReport};

/// The app's identifier; its data directory is named after it.
pub const APP_IDENTIFIER: &str = "az.byline.reader";
/// The database file's name inside the data directory.
pub const DB_FILE_NAME: &str = "byline.sqlite3";
/// How many days unsaved articles are kept unless a setting says otherwise
/// ([`SyncOptions::retention_days`]); the app's settings and the CLI take
/// their default from here.
pub const DEFAULT_RETENTION_DAYS: u32 = 90;

/// The moment before which a retention of `days` lets unsaved articles go,
/// `None` when it keeps everything (`None` or `Some(0)`): the one rule for
/// pruning ([`Engine::apply_retention`]) and for how far back a server
/// account's first fetch reaches ([`SyncOptions::first_fetch`]).
pub fn retention_cutoff(days: Option<u32>) -> Option<chrono::DateTime<Utc>> {
    days.filter(|d| *d > 0).map(|days| Utc::now() - Duration::days(i64::from(days)))
}

/// Where the app keeps its database: the platform data directory for
/// [`APP_IDENTIFIER`] (on Linux `~/.local/share/az.byline.reader/`), the
/// same place the desktop app uses.
pub fn default_db_path() -> Option<PathBuf> {
    dirs::data_dir().map(|dir| dir.join(APP_IDENTIFIER).join(DB_FILE_NAME))
}

/// How the engine behaves.
#[derive(Debug, Clone)]
pub struct EngineConfig {
    /// Limits of the fetcher.
    pub fetch: FetchConfig,
    /// When to fetch the full article page, for feeds without their own choice.
    pub extraction: ExtractionPolicy,
    /// Most article pages fetched after one sync.
    pub max_extractions_per_sync: u32,
    /// Runs the CPU work of syncs and extraction at a lower scheduling
    /// priority, so a window on the same cores answers first (the app sets
    /// it; see `cpu_priority`): the parsing and sanitizing threads, and the
    /// store's writer thread (every write, a sync's inserts and search
    /// indexing among them). Off by default.
    pub background_cpu: bool,
}

impl Default for EngineConfig {
    fn default() -> Self {
        Self {
            fetch: FetchConfig::default(),
            extraction: ExtractionPolicy::default(),
            max_extractions_per_sync: 200,
            background_cpu: false,
        }
    }
}

/// The engine handle; cheap to clone.
#[derive(Debug, Clone)]
pub struct Engine {
    store: Store,
    fetcher: Fetcher,
    config: EngineConfig,
    /// Parsing and extraction are CPU work on blocking threads: one at a
    /// time per core, so they do not crowd out the writer (which a sync
    /// waits on) or each other.
    cpu_slots: Arc<Semaphore>,
    /// Where server accounts' passwords are kept
    /// ([`byline_accounts::system_store`] unless [`Engine::with_credentials`]
    /// says otherwise).
    credentials: Arc<dyn byline_accounts::CredentialStore>,
    /// Server accounts' sessions kept between syncs (see `remote_sync`).
    sessions: remote_sync::Sessions,
}

impl Engine {
    /// Opens the database at `db_path` (creating it) and sets up the fetcher.
    pub async fn open(db_path: &Path, config: EngineConfig) -> Result<Self> {
        let store = Store::open(db_path).await?;
        if config.background_cpu {
            // A sync's inserts and search indexing run on the writer's thread.
            store.run_on_writer_thread(cpu_priority::lower_this_thread).await?;
        }
        let fetcher = Fetcher::new(config.fetch.clone())?;
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Ok(Self {
            store,
            fetcher,
            config,
            cpu_slots: Arc::new(Semaphore::new(cores)),
            credentials: byline_accounts::system_store(),
            sessions: Default::default(),
        })
    }

    /// The store, for queries and statuses.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Gives back memory the engine keeps only to be fast (the database's
    /// page caches, which a sync fills). Call when the app goes idle, e.g.
    /// a few seconds after a sync.
    pub async fn release_memory(&self) -> Result<()> {
        Ok(self.store.release_memory().await?)
    }

    /// The fetcher.
    pub fn fetcher(&self) -> &Fetcher {
        &self.fetcher
    }

    /// The retention phase of [`Engine::sync`] alone: deletes unsaved
    /// articles stored more than `days` days ago and reclaims the space.
    /// `None` or `Some(0)` keeps everything.
    pub async fn apply_retention(&self, days: Option<u32>) -> Result<byline_store::PruneOutcome> {
        match retention_cutoff(days) {
            Some(cutoff) => Ok(self.store.prune(cutoff).await?),
            None => Ok(byline_store::PruneOutcome::default()),
        }
    }

    /// Runs CPU-heavy `work` on a blocking thread, once a core is free for it.
    async fn run_cpu<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Result<T> {
        let _slot = self.cpu_slots.acquire().await.map_err(|e| EngineError::Internal(e.to_string()))?;
        let background = self.config.background_cpu;
        let work = move || {
            if background {
                cpu_priority::lower_this_thread();
            }
            work()
        };
        tokio::task::spawn_blocking(work).await.map_err(|e| EngineError::Internal(format!("a worker crashed: {e}")))
    }
}
