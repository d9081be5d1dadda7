//! Events the backend sends the UI. Their TypeScript types are generated
//! with the commands' (see `bindings.rs`).

use serde::{Deserialize, Serialize};

/// A sync's progress: feeds done out of total, new articles so far.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct SyncProgress {
    /// Whether a sync is still running.
    pub running: bool,
    /// Feeds done.
    pub done: u32,
    /// Feeds in this sync.
    pub total: u32,
    /// New articles so far.
    pub new_articles: u32,
    /// Feeds that failed so far.
    pub failed: u32,
    /// The server accounts of this sync that are not done yet, in the order
    /// they sync (empty once the sync ended).
    pub accounts_syncing: Vec<byline_engine::store::AccountId>,
}

/// Articles were added or changed: lists and counts should reload. Also
/// sent, with both counts 0, when the search index has been rebuilt after
/// an update (a search on screen finds more).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct ArticlesChanged {
    /// New articles.
    pub new_articles: u32,
    /// Changed articles.
    pub updated_articles: u32,
}
