//! Byline's engine: the handle the desktop app and the headless CLI share.
//!
//! An [`Engine`] owns the [`Store`] (one SQLite file) and the polite
//! [`Fetcher`], and does what needs both: subscribing by feed or site URL
//! (with autodiscovery), syncing ([`Engine::sync`]), OPML import and export,
//! retention, and server accounts ([`Engine::add_account`],
//! [`Engine::sync_accounts`]).
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
mod discovery;
mod error;
pub mod fetch;
mod full_articles;
mod opml;
mod remote_sync;
mod sync;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::{DateTime, Duration, Utc};
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
pub use sync::{FeedFailure, SyncEvent, SyncOptions, SyncReport};

/// The app's identifier; its data directory is named after it.
pub const APP_IDENTIFIER: &str = "az.byline.reader";
/// The database file's name inside the data directory.
pub const DB_FILE_NAME: &str = "byline.sqlite3";

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
    /// Unsaved articles older than this many days are deleted; `None` keeps
    /// everything.
    pub retention_days: Option<u32>,
    /// When to fetch the full article page, for feeds without their own choice.
    pub extraction: ExtractionPolicy,
    /// Most article pages fetched after one sync.
    pub max_extractions_per_sync: u32,
}

impl Default for EngineConfig {
    fn default() -> Self {
        Self {
            fetch: FetchConfig::default(),
            retention_days: Some(90),
            extraction: ExtractionPolicy::default(),
            max_extractions_per_sync: 200,
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
}

impl Engine {
    /// Opens the database at `db_path` (creating it) and sets up the fetcher.
    pub async fn open(db_path: &Path, config: EngineConfig) -> Result<Self> {
        let store = Store::open(db_path).await?;
        let fetcher = Fetcher::new(config.fetch.clone())?;
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Ok(Self {
            store,
            fetcher,
            config,
            cpu_slots: Arc::new(Semaphore::new(cores)),
            credentials: byline_accounts::system_store(),
        })
    }

    /// The store, for queries and statuses.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The fetcher.
    pub fn fetcher(&self) -> &Fetcher {
        &self.fetcher
    }

    /// Deletes unsaved articles past the retention period and reclaims the
    /// space. Does nothing when retention is off.
    pub async fn apply_retention(&self) -> Result<byline_store::PruneOutcome> {
        match self.retention_cutoff() {
            Some(cutoff) => Ok(self.store.prune(cutoff).await?),
            None => Ok(byline_store::PruneOutcome::default()),
        }
    }

    /// Runs CPU-heavy `work` on a blocking thread, once a core is free for it.
    async fn run_cpu<T: Send + 'static>(&self, work: impl FnOnce() -> T + Send + 'static) -> Result<T> {
        let _slot = self.cpu_slots.acquire().await.map_err(|e| EngineError::Invalid(e.to_string()))?;
        tokio::task::spawn_blocking(work).await.map_err(|e| EngineError::Invalid(format!("a worker crashed: {e}")))
    }

    /// Unsaved articles stored before this are deleted by retention.
    fn retention_cutoff(&self) -> Option<DateTime<Utc>> {
        self.config.retention_days.map(|days| Utc::now() - Duration::days(i64::from(days)))
    }
}
