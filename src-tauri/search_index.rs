//! The search index's rebuild after an update, behind the window: the
//! store opens at once and indexes the articles in short steps, newest
//! first ([`byline_engine::store::Store::rebuild_search_index`]), while the
//! window is used and syncs run.

use byline_engine::Engine;
use tauri::{AppHandle, Runtime};
use tauri_specta::Event;

use crate::events::ArticlesChanged;

/// Starts the rebuild when an update asked for one; when it is done, tells
/// the window to reload, so that a search on screen finds everything.
pub fn spawn_rebuild<R: Runtime>(app: AppHandle<R>, engine: Engine) {
    tauri::async_runtime::spawn(async move {
        let store = engine.store();
        match store.search_index_pending().await {
            Ok(true) => {}
            Ok(false) => return,
            Err(err) => return eprintln!("byline: cannot read the search index's state: {err}"),
        }
        match store.rebuild_search_index().await {
            Ok(()) => {
                let _ = ArticlesChanged { new_articles: 0, updated_articles: 0 }.emit(&app);
            }
            Err(err) => eprintln!("byline: rebuilding the search index failed (it resumes at the next start): {err}"),
        }
    });
}
