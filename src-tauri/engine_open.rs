//! Opens the engine (the database, its migrations, the fetcher) while Tauri
//! builds the window and WebKit starts its web process, rather than on the
//! main thread in `setup`, where it held up the window's event loop, and so
//! the page's start, for as long as it took (BENCHMARKS.md, "App start").

use std::path::PathBuf;

use byline_engine::{Engine, EngineConfig, DB_FILE_NAME};
use tokio::runtime::Runtime;
use tokio::task::JoinHandle;

/// The engine being opened at the app's data directory, as `main` guessed
/// it before Tauri could say it.
pub struct EarlyOpen {
    path: PathBuf,
    task: JoinHandle<byline_engine::Result<Engine>>,
}

/// Starts opening the engine at the database path Tauri's
/// `app_data_dir()` gives for the app `identifier` (the platform's data
/// directory, then the identifier), on `runtime`. `None` when the platform
/// has no data directory: `setup` opens it then.
pub fn start(runtime: &Runtime, identifier: &str, config: EngineConfig) -> Option<EarlyOpen> {
    Some(start_at(runtime, dirs::data_dir()?.join(identifier).join(DB_FILE_NAME), config))
}

/// Starts opening the engine at `path` on `runtime`.
fn start_at(runtime: &Runtime, path: PathBuf, config: EngineConfig) -> EarlyOpen {
    let at = path.clone();
    let task = runtime.spawn(async move { Engine::open(&at, config).await });
    EarlyOpen { path, task }
}

/// The engine at `db_path` (the path Tauri resolved): the one opened early
/// when it was opened there, else opened now with `config` (a directory
/// overridden in the configuration); blocks until it is open.
///
/// # Errors
/// The engine's error when the database cannot be opened, or a task's
/// when the opening panicked.
pub fn finish(
    early: Option<EarlyOpen>,
    db_path: &std::path::Path,
    config: EngineConfig,
) -> Result<Engine, Box<dyn std::error::Error>> {
    match early {
        Some(early) if early.path == db_path => Ok(tauri::async_runtime::block_on(early.task)??),
        other => {
            if let Some(early) = other {
                // Opened at the wrong place: let it finish, then drop it.
                let _ = tauri::async_runtime::block_on(early.task);
            }
            Ok(tauri::async_runtime::block_on(Engine::open(db_path, config))?)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn runtime() -> Runtime {
        tokio::runtime::Builder::new_multi_thread().worker_threads(1).enable_all().build().unwrap()
    }

    #[test]
    fn the_engine_opened_early_is_the_one_setup_gets_when_the_paths_agree() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("data").join(DB_FILE_NAME);
        let rt = runtime();
        let engine =
            finish(Some(start_at(&rt, path.clone(), EngineConfig::default())), &path, EngineConfig::default()).unwrap();
        assert!(path.exists());
        drop(engine);
    }

    #[test]
    fn a_guess_at_another_place_is_set_aside_and_the_database_opens_where_tauri_says() {
        let dir = tempfile::tempdir().unwrap();
        let guessed = dir.path().join("guessed").join(DB_FILE_NAME);
        let resolved = dir.path().join("resolved").join(DB_FILE_NAME);
        let rt = runtime();
        let engine =
            finish(Some(start_at(&rt, guessed, EngineConfig::default())), &resolved, EngineConfig::default()).unwrap();
        assert!(resolved.exists());
        drop(engine);
        let fresh = dir.path().join("fresh").join(DB_FILE_NAME);
        assert!(finish(None, &fresh, EngineConfig::default()).is_ok());
        assert!(fresh.exists());
    }
}
