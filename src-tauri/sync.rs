//! Running a sync for the app: one at a time, with the settings the app
//! holds, the engine's [`SyncEvent`]s turned into the UI's events and into
//! notifications; and the background schedule. The sync itself (feeds,
//! accounts, full articles, retention) is [`byline_engine::Engine::sync`].

use std::time::{Duration, Instant};

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

/// How often a running sync's progress goes to the window at most. A sync
/// of 200 feeds finishes a couple of hundred of them a second, and each
/// event is a script the web view runs between the user's key presses;
/// the status line shows no more than this anyway.
const PROGRESS_EVERY: Duration = Duration::from_millis(100);

/// The pace of one sync's progress events: the first at once, then at most
/// one every [`PROGRESS_EVERY`], the latest one held until then (those in
/// between dropped); an urgent one (an account done, the last source) goes
/// at once, after the one held, so none that says more is lost.
#[derive(Debug, Default)]
struct ProgressPace {
    /// When the last one was sent.
    sent: Option<Instant>,
    /// The latest one not sent yet.
    held: Option<SyncProgress>,
}

impl ProgressPace {
    /// What to send, in order, for `progress` at `now`: itself (after the
    /// one held, when it is urgent), or nothing (it is held).
    fn offer(&mut self, progress: SyncProgress, urgent: bool, now: Instant) -> Vec<SyncProgress> {
        let due = self.sent.is_none_or(|sent| now.saturating_duration_since(sent) >= PROGRESS_EVERY);
        if urgent || due {
            let held = if urgent { self.held.take() } else { None };
            self.held = None;
            self.sent = Some(now);
            held.into_iter().chain([progress]).collect()
        } else {
            self.held = Some(progress);
            Vec::new()
        }
    }

    /// When the held one is due, if one is held.
    fn due(&self) -> Option<Instant> {
        self.held.as_ref().and(self.sent).map(|sent| sent + PROGRESS_EVERY)
    }

    /// The held one, to send at `now`.
    fn take(&mut self, now: Instant) -> Option<SyncProgress> {
        let held = self.held.take();
        if held.is_some() {
            self.sent = Some(now);
        }
        held
    }
}

/// Sends the progress `pace` holds, if it holds one, now.
fn send_held<R: Runtime>(pace: &mut ProgressPace, app: &AppHandle<R>) {
    if let Some(held) = pace.take(Instant::now()) {
        let _ = held.emit(app);
    }
}

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

/// Turns the engine's events into the UI's: progress while sources sync
/// (at the pace of [`ProgressPace`]); once they are stored, the end of the
/// progress, notifications and [`ArticlesChanged`]; another
/// [`ArticlesChanged`] when pages were extracted.
pub(crate) async fn forward<R: Runtime>(
    app: AppHandle<R>,
    mut events: UnboundedReceiver<SyncEvent>,
    settings: Settings,
) {
    let mut failed = 0;
    // The last progress sent while sources sync; `None` once it has ended.
    let mut running: Option<SyncProgress> = None;
    let mut pace = ProgressPace::default();
    loop {
        let next = match pace.due() {
            Some(due) => tokio::select! {
                event = events.recv() => event,
                () = tokio::time::sleep_until(due.into()) => {
                    send_held(&mut pace, &app);
                    continue;
                }
            },
            None => events.recv().await,
        };
        let Some(event) = next else { break };
        if let (SyncEvent::AccountDone { account_id, .. }, Some(progress)) = (&event, &mut running) {
            progress.accounts_syncing.retain(|id| id != account_id);
        }
        let account_done = matches!(event, SyncEvent::AccountDone { .. });
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
                for send in pace.offer(progress.clone(), true, Instant::now()) {
                    let _ = send.emit(&app);
                }
                running = Some(progress);
            }
            SyncEvent::FeedDone { done, total, new_articles, error, .. }
            | SyncEvent::AccountDone { done, total, new_articles, error, .. } => {
                failed += u32::from(error.is_some());
                // An account done changes the sidebar; the last source ends the bar.
                let urgent = account_done || done >= total;
                let progress = SyncProgress {
                    running: true,
                    done: done as u32,
                    total: total as u32,
                    new_articles: new_articles as u32,
                    failed,
                    accounts_syncing: running.map(|p| p.accounts_syncing).unwrap_or_default(),
                };
                for send in pace.offer(progress.clone(), urgent, Instant::now()) {
                    let _ = send.emit(&app);
                }
                running = Some(progress);
            }
            SyncEvent::FeedsStored { sources, failed, new_articles, updated_articles, new_by_feed } => {
                send_held(&mut pace, &app);
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
    send_held(&mut pace, &app);
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

#[cfg(test)]
mod tests {
    use super::*;

    fn progress(done: u32) -> SyncProgress {
        SyncProgress { running: true, done, total: 200, new_articles: 0, failed: 0, accounts_syncing: Vec::new() }
    }

    #[test]
    fn progress_goes_at_most_once_a_pace_the_latest_held_until_then() {
        let start = Instant::now();
        let at = |ms: u64| start + Duration::from_millis(ms);
        let mut pace = ProgressPace::default();
        assert_eq!(pace.offer(progress(1), false, at(0)), [progress(1)], "the first at once");
        assert_eq!(pace.due(), None);
        assert!(pace.offer(progress(2), false, at(10)).is_empty());
        assert!(pace.offer(progress(3), false, at(20)).is_empty());
        assert_eq!(pace.due(), Some(at(100)), "the held one is due a pace after the last sent");
        assert_eq!(pace.take(at(100)), Some(progress(3)), "the latest, those between dropped");
        assert_eq!(pace.take(at(101)), None);
        assert!(pace.offer(progress(4), false, at(150)).is_empty());
        assert_eq!(pace.offer(progress(5), false, at(200)), [progress(5)], "due again: at once, the held one dropped");
        assert_eq!(pace.due(), None, "and nothing held");
    }

    #[test]
    fn urgent_progress_goes_at_once_after_the_one_held() {
        let start = Instant::now();
        let mut pace = ProgressPace::default();
        pace.offer(progress(1), false, start);
        assert!(pace.offer(progress(2), false, start).is_empty());
        assert_eq!(pace.offer(progress(3), true, start), [progress(2), progress(3)]);
        assert_eq!(pace.take(start), None);
        assert_eq!(pace.offer(progress(4), true, start), [progress(4)], "nothing held");
    }
}
