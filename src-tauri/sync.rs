//! Running a sync for the app: one at a time, progress forwarded as
//! events, the server accounts after the local feeds, retention applied
//! afterwards; and the background schedule.

use std::collections::HashMap;
use std::time::Duration;

use byline_engine::store::{Account, AccountId, FeedId};
use tauri_plugin_notification::NotificationExt;

use byline_engine::{SyncEvent, SyncOptions, SyncReport};
use tauri::{AppHandle, Manager, Runtime};
use tauri_specta::Event;

use crate::error::Result;
use crate::events::{ArticlesChanged, SyncProgress};
use crate::settings;
use crate::state::AppState;

/// How often the schedule looks again when background sync is off.
const IDLE_CHECK: Duration = Duration::from_secs(60);

/// Syncs feeds (all of them when `feeds` is empty), then, when it syncs
/// everything, every server account; emits [`SyncProgress`] while it runs
/// and [`ArticlesChanged`] when something changed: once the feeds and
/// accounts are stored, and again when full articles were extracted after
/// them. Each account counts as one source in the progress and the report
/// (`feeds`, `ok`, `failed`, new and updated articles); its error is kept
/// on the account. Waits for a sync already running to finish first.
pub async fn run<R: Runtime>(app: &AppHandle<R>, options: SyncOptions) -> Result<SyncReport> {
    let state = app.state::<AppState>();
    let _running = state.sync_lock.lock().await;
    let accounts = if options.feeds.is_empty() { state.engine.store().accounts().await? } else { Vec::new() };
    let extra = accounts.len() as u32;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let forwarder = {
        let app = app.clone();
        tauri::async_runtime::spawn(async move {
            let mut new_by_feed: HashMap<FeedId, usize> = HashMap::new();
            let mut failed = 0;
            while let Some(event) = rx.recv().await {
                let progress = match event {
                    SyncEvent::Started { total } => {
                        SyncProgress { running: true, done: 0, total: total as u32 + extra, new_articles: 0, failed: 0 }
                    }
                    SyncEvent::FeedDone { done, total, new_articles, feed_id, feed_new_articles, error } => {
                        failed += u32::from(error.is_some());
                        if feed_new_articles > 0 {
                            new_by_feed.insert(feed_id, feed_new_articles);
                        }
                        SyncProgress {
                            running: true,
                            done: done as u32,
                            total: total as u32 + extra,
                            new_articles: new_articles as u32,
                            failed,
                        }
                    }
                };
                let _ = progress.emit(&app);
            }
            new_by_feed
        })
    };
    let mut options = options;
    if options.extraction.is_none() {
        options.extraction = extraction_setting(app);
    }
    let result = state.engine.sync_feeds(&options, Some(tx)).await;
    let new_by_feed = forwarder.await.unwrap_or_default();
    let mut report = result?;
    sync_accounts(app, &state, &accounts, &mut report).await;
    notify_important(app, &state, &new_by_feed).await;
    let _ = SyncProgress {
        running: false,
        done: report.feeds as u32,
        total: report.feeds as u32,
        new_articles: report.new_articles as u32,
        failed: report.failed as u32,
    }
    .emit(app);
    if report.new_articles > 0 || report.updated_articles > 0 {
        let _ = ArticlesChanged {
            new_articles: report.new_articles as u32,
            updated_articles: report.updated_articles as u32,
        }
        .emit(app);
    }
    // New articles are on screen now; their full pages come after.
    report.extraction = extract_pages(app, &state, &options).await?;
    let retention_days = settings::load(app).map(|s| s.retention_days).unwrap_or(90);
    if retention_days > 0 {
        let cutoff = chrono::Utc::now() - chrono::Duration::days(i64::from(retention_days));
        state.engine.store().prune(cutoff).await?;
    }
    Ok(report)
}

/// Syncs `accounts` one after the other, after the local feeds in
/// `report`: each is one more source in the progress and in `report`.
async fn sync_accounts<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    accounts: &[Account],
    report: &mut SyncReport,
) {
    let total = (report.feeds + accounts.len()) as u32;
    for account in accounts {
        report.feeds += 1;
        match state.engine.sync_account(account).await {
            Ok(done) => {
                report.new_articles += done.new_articles;
                report.updated_articles += done.updated_articles;
                if done.error.is_some() {
                    report.failed += 1;
                } else {
                    report.ok += 1;
                }
            }
            Err(err) => {
                // The database failed; the error is on the account when it could be written.
                eprintln!("byline: syncing account {} failed: {err}", account.display_name);
                report.failed += 1;
            }
        }
        let _ = SyncProgress {
            running: true,
            done: report.feeds as u32,
            total,
            new_articles: report.new_articles as u32,
            failed: report.failed as u32,
        }
        .emit(app);
    }
}

/// Syncs one account now (one just added), waiting for a running sync
/// first; progress and [`ArticlesChanged`] as in [`run`], then the full
/// pages of its new articles.
pub async fn sync_account_now<R: Runtime>(app: &AppHandle<R>, id: AccountId) -> Result<()> {
    let state = app.state::<AppState>();
    let _running = state.sync_lock.lock().await;
    let account = state.engine.store().account(id).await?;
    let _ = SyncProgress { running: true, done: 0, total: 1, new_articles: 0, failed: 0 }.emit(app);
    let mut report = SyncReport::default();
    sync_accounts(app, &state, std::slice::from_ref(&account), &mut report).await;
    let _ = SyncProgress {
        running: false,
        done: 1,
        total: 1,
        new_articles: report.new_articles as u32,
        failed: report.failed as u32,
    }
    .emit(app);
    if report.new_articles > 0 || report.updated_articles > 0 {
        let _ = ArticlesChanged {
            new_articles: report.new_articles as u32,
            updated_articles: report.updated_articles as u32,
        }
        .emit(app);
    }
    let options = SyncOptions { extraction: extraction_setting(app), ..Default::default() };
    extract_pages(app, &state, &options).await?;
    Ok(())
}

/// Fetches the full pages of articles not tried yet (a source just added),
/// right away rather than at the next scheduled sync, and tells the UI when
/// they are in. Waits for a running sync, which would do the same.
pub async fn extract_now<R: Runtime>(app: &AppHandle<R>) -> Result<()> {
    let state = app.state::<AppState>();
    let _running = state.sync_lock.lock().await;
    let options = SyncOptions { extraction: extraction_setting(app), ..Default::default() };
    extract_pages(app, &state, &options).await?;
    Ok(())
}

/// When full pages are fetched, as the settings say (`None`: the engine's default).
fn extraction_setting<R: Runtime>(app: &AppHandle<R>) -> Option<byline_engine::ExtractionPolicy> {
    settings::load(app).ok().map(|s| s.extraction_policy)
}

/// Fetches and extracts the pages of articles not tried yet, and tells the
/// UI when some arrived. The caller holds the sync lock.
async fn extract_pages<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    options: &SyncOptions,
) -> Result<byline_engine::ExtractReport> {
    let report = state.engine.extract_after_sync(options).await?;
    if report.extracted > 0 {
        let _ = ArticlesChanged { new_articles: 0, updated_articles: report.extracted as u32 }.emit(app);
    }
    Ok(report)
}

/// One desktop notification per important feed with new articles, when
/// notifications are on (they are off by default).
async fn notify_important<R: Runtime>(app: &AppHandle<R>, state: &AppState, new_by_feed: &HashMap<FeedId, usize>) {
    if new_by_feed.is_empty() || !settings::load(app).is_ok_and(|s| s.notifications) {
        return;
    }
    let Ok(feeds) = state.engine.store().feeds().await else { return };
    for feed in feeds.iter().filter(|f| f.important) {
        if let Some(count) = new_by_feed.get(&feed.id) {
            let title = if feed.title.is_empty() { feed.url.as_str() } else { feed.title.as_str() };
            let _ = app.notification().builder().title(title).body(format!("+{count}")).show();
        }
    }
}

/// Syncs on start, then every `sync_interval_minutes` from the settings
/// (read again each time, so a change applies without a restart).
pub fn spawn_schedule<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
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
