//! What the app keeps while it runs: the engine handle, and a lock so only
//! one sync runs at a time.

use byline_engine::Engine;
use tokio::sync::Mutex;

/// Managed by Tauri; commands reach it through `State<'_, AppState>`.
pub struct AppState {
    /// The engine (database and fetcher).
    pub engine: Engine,
    /// Held while a sync runs, so background and manual syncs queue up.
    pub sync_lock: Mutex<()>,
}

impl AppState {
    /// Wraps an opened engine.
    pub fn new(engine: Engine) -> Self {
        Self { engine, sync_lock: Mutex::new(()) }
    }
}
