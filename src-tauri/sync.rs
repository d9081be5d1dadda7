//! Running a sync for the app: one at a time, with the settings the app
//! holds, the engine's [`SyncEvent`]s turned into the UI's events and into
//! notifications; and the background schedule. The sync itself (feeds,
//! accounts, full articles, retention) is [`byline_engine::Engine::sync`].

use std::time::Duration;

use byline_engine::store::{AccountId, Feed};
use byline_engine::{FeedNewArticles, SyncEvent, SyncOptions, SyncReport};
use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;
use tauri_specta::Event;
use tokio::sync::mpsc::UnboundedReceiver;

use crate::error::Result;
use crate::events::{ArticlesChanged, SyncProgress};
use crate::settings::{self, Settings};
use crate::startup;
use crate::state::AppState;

/// How often the schedule looks again when background sync is off.
const IDLE_CHECK: Duration = Duration::from_secs(60);
/// How long the start-up sync waits for the first article list at most.
const FIRST_LIST_WAIT: Duration = Duration::from_secs(5);

/// Runs the engine's sync (everything when `options` names no feed or
/// account) with the extraction policy and retention from the settings.
/// Emits [`SyncProgress`] while it runs (each server account one source),
/// and [`ArticlesChanged`] when something changed: once the feeds and
/// accounts are stored, and again when full articles were extracted after
/// them. Waits for a sync already running to finish first.
pub async fn run<R: Runtime>(app: &AppHandle<R>, options: SyncOptions) -> Result<SyncReport> {
    let state = app.state::<AppState>();
    let _running = state.sync_lock.lock().await;
    let settings = settings::load(app).unwrap_or_default();
    let options = SyncOptions {
        extraction: options.extraction.or(Some(settings.extraction_policy)),
        retention_days: Some(settings.retention_days),
        ..options
    };
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let forwarder = tauri::async_runtime::spawn(forward(app.clone(), rx, settings));
    let result = state.engine.sync(&options, Some(tx)).await;
    // The engine dropped the sender: the forwarder ends once it has sent everything.
    let _ = forwarder.await;
    Ok(result?)
}

/// Turns the engine's events into the UI's: progress while sources sync;
/// once they are stored, the end of the progress, notifications and
/// [`ArticlesChanged`]; another [`ArticlesChanged`] when pages were
/// extracted.
pub(crate) async fn forward<R: Runtime>(
    app: AppHandle<R>,
    mut events: UnboundedReceiver<SyncEvent>,
    settings: Settings,
) {
    let mut failed = 0;
    // The last progress sent while sources sync; `None` once it has ended.
    let mut running: Option<SyncProgress> = None;
    while let Some(event) = events.recv().await {
        if let (SyncEvent::AccountDone { account_id, .. }, Some(progress)) = (&event, &mut running) {
            progress.accounts_syncing.retain(|id| id != account_id);
        }
        match event {
            SyncEvent::Started { total, accounts } => {
                let progress = SyncProgress {
                    running: true,
                    done: 0,
                    total: total as u32,
                    new_articles: 0,
                    failed: 0,
                    accounts_syncing: accounts,
                };
                let _ = progress.emit(&app);
                running = Some(progress);
            }
            SyncEvent::FeedDone { done, total, new_articles, error, .. }
            | SyncEvent::AccountDone { done, total, new_articles, error, .. } => {
                failed += u32::from(error.is_some());
                let progress = SyncProgress {
                    running: true,
                    done: done as u32,
                    total: total as u32,
                    new_articles: new_articles as u32,
                    failed,
                    accounts_syncing: running.map(|p| p.accounts_syncing).unwrap_or_default(),
                };
                let _ = progress.emit(&app);
                running = Some(progress);
            }
            SyncEvent::FeedsStored { sources, failed, new_articles, updated_articles, new_by_feed } => {
                if settings.notifications {
                    notify_important(&app, &new_by_feed).await;
                }
                running = None;
                let _ = SyncProgress {
                    running: false,
                    done: sources as u32,
                    total: sources as u32,
                    new_articles: new_articles as u32,
                    failed: failed as u32,
                    accounts_syncing: Vec::new(),
                }
                .emit(&app);
                if new_articles > 0 || updated_articles > 0 {
                    let _ = ArticlesChanged {
                        new_articles: new_articles as u32,
                        updated_articles: updated_articles as u32,
                    }
                    .emit(&app);
                }
            }
            SyncEvent::Extracted { report } if report.extracted > 0 => {
                let _ = ArticlesChanged { new_articles: 0, updated_articles: report.extracted as u32 }.emit(&app);
            }
            SyncEvent::Extracted { .. } | SyncEvent::Pruned { .. } | SyncEvent::Finished => {}
        }
    }
    // The sync stopped before its sources were stored (a full disk, say):
    // the progress ends here, or the status line would say "syncing" on.
    if let Some(progress) = running {
        let _ = SyncProgress { running: false, accounts_syncing: Vec::new(), ..progress.clone() }.emit(&app);
        if progress.new_articles > 0 {
            let _ = ArticlesChanged { new_articles: progress.new_articles, updated_articles: 0 }.emit(&app);
        }
    }
}

/// Syncs one account now (one just added), as [`run`] does, waiting for a
/// running sync first.
pub async fn sync_account_now<R: Runtime>(app: &AppHandle<R>, id: AccountId) -> Result<()> {
    run(app, SyncOptions { accounts: vec![id], ..SyncOptions::default() }).await?;
    Ok(())
}

/// Fetches the full pages of articles not tried yet (a source just added),
/// right away rather than at the next scheduled sync, and tells the UI when
/// they are in. Waits for a running sync, which would do the same.
pub async fn extract_now<R: Runtime>(app: &AppHandle<R>) -> Result<()> {
    let state = app.state::<AppState>();
    let _running = state.sync_lock.lock().await;
    let extraction = settings::load(app).ok().map(|s| s.extraction_policy);
    let report = state.engine.extract_after_sync(&SyncOptions { extraction, ..SyncOptions::default() }).await?;
    if report.extracted > 0 {
        let _ = ArticlesChanged { new_articles: 0, updated_articles: report.extracted as u32 }.emit(app);
    }
    Ok(())
}

/// Shows the desktop notifications of a sync ([`notifications`]).
async fn notify_important<R: Runtime>(app: &AppHandle<R>, new_by_feed: &[FeedNewArticles]) {
    if new_by_feed.is_empty() {
        return;
    }
    let Ok(feeds) = app.state::<AppState>().engine.store().feeds().await else { return };
    for (title, body) in notifications(&feeds, new_by_feed) {
        let _ = app.notification().builder().title(title).body(body).show();
    }
}

/// The rule of the sync's notifications, the one place it is written: one
/// (title, body) per important feed with new articles, whether the feed is
/// local or a server account's (the engine counts both alike, and not an
/// account's first sync, which is its history).
pub(crate) fn notifications(feeds: &[Feed], new_by_feed: &[FeedNewArticles]) -> Vec<(String, String)> {
    feeds
        .iter()
        .filter(|f| f.important)
        .filter_map(|feed| {
            let new = new_by_feed.iter().find(|n| n.feed_id == feed.id && n.new_articles > 0)?;
            let title = if feed.title.is_empty() { &feed.url } else { &feed.title };
            Some((title.clone(), format!("+{}", new.new_articles)))
        })
        .collect()
}

/// Syncs on start, once the first article list is painted (waiting
/// [`FIRST_LIST_WAIT`] at most), then every `sync_interval_minutes` from
/// the settings (read again each time, so a change applies without a
/// restart).
pub fn spawn_schedule<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        startup::first_list_shown(FIRST_LIST_WAIT).await;
        loop {
            let interval = settings::load(&app).map(|s| s.sync_interval_minutes).unwrap_or(30);
            if interval == 0 {
                tokio::time::sleep(IDLE_CHECK).await;
                continue;
            }
            if let Err(err) = run(&app, SyncOptions::default()).await {
                eprintln!("byline: background sync failed: {err}");
            }
            tokio::time::sleep(Duration::from_secs(u64::from(interval) * 60)).await;
        }
    });
}
