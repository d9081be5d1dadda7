//! What the app keeps while it runs: the engine handle, and a lock so only
//! one sync runs at a time; and where the engine keeps account passwords.

use std::sync::Arc;

use byline_engine::accounts::{CredentialStore, EnvStore, KeyringStore};
use byline_engine::Engine;
use tokio::sync::Mutex;

/// Where account passwords live, as in `byline-cli`: the OS keyring; or,
/// when `BYLINE_ACCOUNT_PASSWORD` is set (where no keyring daemon runs),
/// that variable, for every account, for this session, storing none.
pub fn credentials() -> Arc<dyn CredentialStore> {
    if EnvStore::is_set() {
        Arc::new(EnvStore)
    } else {
        Arc::new(KeyringStore)
    }
}

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
