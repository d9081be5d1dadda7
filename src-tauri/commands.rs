//! The IPC commands: each parses its arguments, calls the engine, and maps
//! errors. Nothing else lives here.

use std::path::PathBuf;

use byline_engine::store::{
    AccountId, AccountKind, Article, ArticleId, Counts, Feed, FeedId, Folder, FolderId, ListQuery, NewRule, Page, Rule,
    RuleId,
};
use byline_engine::{AccountInfo, ImportReport, SyncOptions, SyncReport};
use byline_share::{is_allowed_share_url, share_action, ShareAction, ShareRequest, ShareTarget};
use serde::Serialize;
use tauri::{AppHandle, Manager, Runtime, State};
use tauri_plugin_clipboard_manager::ClipboardExt;
use tauri_plugin_opener::OpenerExt;
use tauri_specta::Event;

use crate::error::{Error, ErrorKind, Result};
use crate::events::ArticlesChanged;
use crate::settings::{self, Settings};
use crate::state::AppState;

/// Basic facts about the running app.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct AppInfo {
    /// Product name ("Byline").
    pub name: String,
    /// App version, from `Cargo.toml`.
    pub version: String,
    /// Where Byline keeps its data.
    pub data_dir: String,
}

/// The app's name, version and data directory.
#[tauri::command]
#[specta::specta]
pub fn app_info<R: Runtime>(app: AppHandle<R>) -> Result<AppInfo> {
    let package = app.package_info();
    Ok(AppInfo {
        name: package.name.clone(),
        version: package.version.to_string(),
        data_dir: app.path().app_data_dir()?.to_string_lossy().into_owned(),
    })
}

/// Every feed, with unread counts and errors.
#[tauri::command]
#[specta::specta]
pub async fn list_feeds(state: State<'_, AppState>) -> Result<Vec<Feed>> {
    Ok(state.engine.store().feeds().await?)
}

/// Every folder.
#[tauri::command]
#[specta::specta]
pub async fn list_folders(state: State<'_, AppState>) -> Result<Vec<Folder>> {
    Ok(state.engine.store().folders().await?)
}

/// Subscribes by feed or site URL and fetches the feed; the full pages of
/// its articles are fetched right after, in the background. In a server
/// account's folder, it subscribes on the server (when its protocol allows
/// it) and syncs the account in the background for the articles.
#[tauri::command]
#[specta::specta]
pub async fn add_source<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    url: String,
    folder_id: Option<FolderId>,
) -> Result<Feed> {
    let feed = state.engine.subscribe(&url, folder_id).await?;
    let _ = ArticlesChanged { new_articles: feed.unread_count as u32, updated_articles: 0 }.emit(&app);
    let background = app.clone();
    let account = feed.account_id;
    tauri::async_runtime::spawn(async move {
        let done = match account {
            Some(id) => crate::sync::sync_account_now(&background, id).await,
            None => crate::sync::extract_now(&background).await,
        };
        if let Err(err) = done {
            eprintln!("byline: fetching the new source's articles failed: {err}");
        }
    });
    Ok(feed)
}

/// Unsubscribes from a feed (its articles go too, saved ones stay); a
/// server account's feed on the server first.
#[tauri::command]
#[specta::specta]
pub async fn remove_feed(state: State<'_, AppState>, id: FeedId) -> Result<()> {
    Ok(state.engine.remove_feed(id).await?)
}

/// Renames a feed; a server account's feed on the server first.
#[tauri::command]
#[specta::specta]
pub async fn rename_feed(state: State<'_, AppState>, id: FeedId, title: String) -> Result<()> {
    Ok(state.engine.rename_feed(id, &title).await?)
}

/// Marks a feed important: its new articles raise a desktop notification
/// (when notifications are on in settings).
#[tauri::command]
#[specta::specta]
pub async fn set_feed_important(state: State<'_, AppState>, id: FeedId, important: bool) -> Result<()> {
    Ok(state.engine.store().set_feed_important(id, important).await?)
}

/// Sets when a feed's full article pages are fetched; `None` follows the
/// setting.
#[tauri::command]
#[specta::specta]
pub async fn set_feed_extraction(
    state: State<'_, AppState>,
    id: FeedId,
    policy: Option<byline_engine::ExtractionPolicy>,
) -> Result<()> {
    Ok(state.engine.store().set_feed_extraction(id, policy).await?)
}

/// Moves a feed into a folder, or to the top level; a server account's
/// feed only between the account's folders, on the server first.
#[tauri::command]
#[specta::specta]
pub async fn move_feed(state: State<'_, AppState>, id: FeedId, folder_id: Option<FolderId>) -> Result<()> {
    Ok(state.engine.move_feed(id, folder_id).await?)
}

/// Creates a folder (or returns the existing one of that name).
#[tauri::command]
#[specta::specta]
pub async fn create_folder(state: State<'_, AppState>, name: String, parent_id: Option<FolderId>) -> Result<Folder> {
    Ok(state.engine.store().create_folder(&name, parent_id).await?)
}

/// Renames a folder.
#[tauri::command]
#[specta::specta]
pub async fn rename_folder(state: State<'_, AppState>, id: FolderId, name: String) -> Result<()> {
    Ok(state.engine.store().rename_folder(id, &name).await?)
}

/// Deletes a folder; its feeds move to the top level.
#[tauri::command]
#[specta::specta]
pub async fn delete_folder(state: State<'_, AppState>, id: FolderId) -> Result<()> {
    Ok(state.engine.store().delete_folder(id).await?)
}

/// Imports an OPML file the user picked, then syncs the new feeds.
#[tauri::command]
#[specta::specta]
pub async fn import_opml<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
) -> Result<ImportReport> {
    let bytes = tokio::fs::read(&path).await.map_err(|e| Error::new(ErrorKind::Io, format!("{path}: {e}")))?;
    let report = state.engine.import_opml(&bytes).await?;
    tauri::async_runtime::spawn(async move {
        if let Err(err) = crate::sync::run(&app, SyncOptions::default()).await {
            eprintln!("byline: sync after import failed: {err}");
        }
    });
    Ok(report)
}

/// Writes every subscription to an OPML file the user picked.
#[tauri::command]
#[specta::specta]
pub async fn export_opml(state: State<'_, AppState>, path: String) -> Result<()> {
    let opml = state.engine.export_opml().await?;
    let path = PathBuf::from(path);
    let temp = path.with_extension("opml.partial");
    tokio::fs::write(&temp, opml).await?;
    tokio::fs::rename(&temp, &path).await?;
    Ok(())
}

/// Every server account, with when it last synced, its last error, and
/// what its server lets Byline change.
#[tauri::command]
#[specta::specta]
pub async fn list_accounts(state: State<'_, AppState>) -> Result<Vec<AccountInfo>> {
    Ok(state.engine.accounts().await?)
}

/// Adds a server account: logs in (a wrong password or an unreachable
/// server is an error and nothing is stored), keeps the password in the
/// keyring, and starts its first sync in the background; its folders,
/// feeds and articles arrive with the usual events.
#[tauri::command]
#[specta::specta]
pub async fn add_account<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    kind: AccountKind,
    url: String,
    username: String,
    password: String,
) -> Result<AccountInfo> {
    if url.trim().is_empty() || username.trim().is_empty() || password.is_empty() {
        return Err(Error::new(ErrorKind::Invalid, "the server address, user name and password are all needed"));
    }
    let account = state.engine.add_account(kind, &url, &username, &password).await?;
    let background = app.clone();
    let id = account.id;
    tauri::async_runtime::spawn(async move {
        if let Err(err) = crate::sync::sync_account_now(&background, id).await {
            eprintln!("byline: the first sync of account {id} failed: {err}");
        }
    });
    Ok(account.into())
}

/// Checks a server account now without syncing it: its server answers and
/// takes its credentials. A refused password is `unauthorized`, a server
/// that does not answer `unreachable`.
#[tauri::command]
#[specta::specta]
pub async fn test_account(state: State<'_, AppState>, id: AccountId) -> Result<()> {
    Ok(state.engine.check_account(id).await?)
}

/// Removes a server account: its feeds and unsaved articles go (saved ones
/// stay), with its queued changes and its password.
#[tauri::command]
#[specta::specta]
pub async fn remove_account<R: Runtime>(app: AppHandle<R>, state: State<'_, AppState>, id: AccountId) -> Result<()> {
    // Not while it syncs: its sync would write feeds of an account that is gone.
    let _running = state.sync_lock.lock().await;
    state.engine.remove_account(id).await?;
    let _ = ArticlesChanged { new_articles: 0, updated_articles: 0 }.emit(&app);
    Ok(())
}

/// Syncs now with the app's settings (`sync::run`): every feed and server
/// account, or only `feed_id`; `force` ignores backoff.
#[tauri::command]
#[specta::specta]
pub async fn sync_now<R: Runtime>(app: AppHandle<R>, feed_id: Option<FeedId>, force: bool) -> Result<SyncReport> {
    crate::sync::run(&app, SyncOptions { force, feeds: feed_id.into_iter().collect(), ..SyncOptions::default() }).await
}

/// One page of articles (all, unread, saved; a feed, a folder, a search),
/// each with the URL of its list thumbnail when it has a lead image.
#[tauri::command]
#[specta::specta]
pub async fn list_articles(state: State<'_, AppState>, query: ListQuery) -> Result<Page> {
    let mut page = state.engine.store().list(&query).await?;
    for item in &mut page.items {
        item.thumbnail = item.lead_image.as_ref().map(|_| crate::images::thumbnail_url(item.id));
    }
    Ok(page)
}

/// One article with its content; its images point at Byline's image cache
/// (the `media:` scheme), never at their hosts.
#[tauri::command]
#[specta::specta]
pub async fn get_article(state: State<'_, AppState>, id: ArticleId) -> Result<Article> {
    let mut article = state.engine.store().article(id).await?;
    for html in [&mut article.full_html, &mut article.content_html, &mut article.summary_html].into_iter().flatten() {
        *html = byline_media::localize_images(html);
    }
    if let Some(lead) = &mut article.summary.lead_image {
        *lead = byline_media::local_image_url(lead);
    }
    Ok(article)
}

/// Marks an article read or unread.
#[tauri::command]
#[specta::specta]
pub async fn set_read(state: State<'_, AppState>, id: ArticleId, read: bool) -> Result<()> {
    Ok(state.engine.store().set_read(id, read).await?)
}

/// Saves or unsaves an article; saving downloads its images, so it reads
/// offline.
#[tauri::command]
#[specta::specta]
pub async fn set_saved<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: ArticleId,
    saved: bool,
) -> Result<()> {
    state.engine.store().set_saved(id, saved).await?;
    if saved {
        crate::images::prefetch_article(&app, id);
    }
    Ok(())
}

/// Marks everything read, or a feed's articles; returns the articles it
/// changed, so the UI can undo it.
#[tauri::command]
#[specta::specta]
pub async fn mark_all_read(state: State<'_, AppState>, feed_id: Option<FeedId>) -> Result<Vec<ArticleId>> {
    Ok(state.engine.store().mark_all_read(feed_id).await?)
}

/// Marks these articles read or unread (the undo of "mark all read").
#[tauri::command]
#[specta::specta]
pub async fn set_read_many(state: State<'_, AppState>, ids: Vec<ArticleId>, read: bool) -> Result<u32> {
    Ok(state.engine.store().set_read_many(&ids, read).await? as u32)
}

/// How many articles "All", "Unread" and "Saved" hold.
#[tauri::command]
#[specta::specta]
pub async fn article_counts(state: State<'_, AppState>) -> Result<Counts> {
    Ok(state.engine.store().counts().await?)
}

/// Closes Byline (Ctrl+Q).
#[tauri::command]
#[specta::specta]
pub fn quit_app<R: Runtime>(app: AppHandle<R>) -> Result<()> {
    app.exit(0);
    Ok(())
}

/// Every mute / mark-read rule.
#[tauri::command]
#[specta::specta]
pub async fn list_rules(state: State<'_, AppState>) -> Result<Vec<Rule>> {
    Ok(state.engine.store().rules().await?)
}

/// Adds a rule; it applies to articles stored from now on.
#[tauri::command]
#[specta::specta]
pub async fn add_rule(state: State<'_, AppState>, rule: NewRule) -> Result<Rule> {
    // A feed that is gone is "not found", not a failed constraint.
    if let Some(feed) = rule.feed_id {
        state.engine.store().feed(feed).await?;
    }
    Ok(state.engine.store().add_rule(&rule).await?)
}

/// Deletes a rule.
#[tauri::command]
#[specta::specta]
pub async fn remove_rule(state: State<'_, AppState>, id: RuleId) -> Result<()> {
    Ok(state.engine.store().remove_rule(id).await?)
}

/// The current preferences.
#[tauri::command]
#[specta::specta]
pub fn get_settings<R: Runtime>(app: AppHandle<R>) -> Result<Settings> {
    settings::load(&app)
}

/// Saves preferences after checking them.
#[tauri::command]
#[specta::specta]
pub fn set_settings<R: Runtime>(app: AppHandle<R>, settings: Settings) -> Result<()> {
    settings::save(&app, &settings)
}

/// Opens an http(s) link in the system browser; anything else is refused.
#[tauri::command]
#[specta::specta]
pub fn open_external<R: Runtime>(app: AppHandle<R>, url: String) -> Result<()> {
    if !byline_engine::feeds::sanitize::is_web_url(&url) {
        return Err(Error::new(ErrorKind::Invalid, format!("only http(s) links can be opened: {url}")));
    }
    open_or_copy(&app, &url)
}

/// Opens `url` in the system browser; when no program can, copies it to the
/// clipboard and says so ([`ErrorKind::NoBrowser`]), so the user can paste it.
fn open_or_copy<R: Runtime>(app: &AppHandle<R>, url: &str) -> Result<()> {
    let Err(open_error) = app.opener().open_url(url, None::<&str>) else { return Ok(()) };
    app.clipboard().write_text(url.to_string()).map_err(|e| Error::new(ErrorKind::Internal, e.to_string()))?;
    Err(Error::new(ErrorKind::NoBrowser, format!("{open_error} (the link was copied: {url})")))
}

/// What sharing did, for the UI's toast.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ShareOutcome {
    /// The link handed to the system (browser or mail client).
    pub opened: String,
    /// Set when the article's link was copied to the clipboard first
    /// (Messenger without an app id): the user pastes it.
    pub copied: Option<String>,
}

/// Shares an article: builds the target's link in Rust (byline-share),
/// checks its host against the allowlist, and opens it in the system
/// browser. Messenger without an app id copies the link and opens
/// messenger.com.
#[tauri::command]
#[specta::specta]
pub async fn share_article<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: ArticleId,
    target: ShareTarget,
) -> Result<ShareOutcome> {
    let article = state.engine.store().article(id).await?;
    let url = article
        .summary
        .url
        .as_deref()
        .ok_or_else(|| Error::new(ErrorKind::Invalid, "this article has no link to share"))?;
    let app_id = settings::load(&app)?.messenger_app_id;
    let request = ShareRequest {
        url,
        title: &article.summary.title,
        image: article.summary.lead_image.as_deref(),
        messenger_app_id: Some(app_id.as_str()),
    };
    let action = share_action(target, &request).map_err(|e| Error::new(ErrorKind::Invalid, e.to_string()))?;
    let (opened, copied) = match action {
        ShareAction::Open(link) => (link, None),
        ShareAction::CopyThenOpen { text, url } => {
            app.clipboard().write_text(text.clone()).map_err(|e| Error::new(ErrorKind::Internal, e.to_string()))?;
            (url, Some(text))
        }
    };
    if !is_allowed_share_url(&opened) {
        return Err(Error::new(ErrorKind::Invalid, format!("refusing to open {opened}")));
    }
    open_or_copy(&app, &opened)?;
    Ok(ShareOutcome { opened, copied })
}

/// Copies an article's link to the clipboard; returns the link.
#[tauri::command]
#[specta::specta]
pub async fn copy_article_link<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    id: ArticleId,
) -> Result<String> {
    let article = state.engine.store().article(id).await?;
    let url = article
        .summary
        .url
        .filter(|u| byline_engine::feeds::sanitize::is_web_url(u))
        .ok_or_else(|| Error::new(ErrorKind::Invalid, "this article has no web link to copy"))?;
    app.clipboard().write_text(url.clone()).map_err(|e| Error::new(ErrorKind::Internal, e.to_string()))?;
    Ok(url)
}
