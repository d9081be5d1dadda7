//! Server accounts: a feed server (Google Reader API, Fever API, Tiny Tiny
//! RSS) as one more kind of source ([`Engine::add_account`];
//! [`Engine::sync`] syncs them after the local feeds).
//!
//! One account's sync, in order:
//!
//! 1. **Send** the changes queued here (read, unread, saved, unsaved; the
//!    latest per item). Only what the server accepted leaves the queue; when
//!    it fails, the sync of that account stops and everything stays queued.
//! 2. **Folders and feeds**: made what the server has (one transaction).
//! 3. **Items** new since the stored cursor (the first time, only the
//!    recent ones and every starred one: [`crate::SyncOptions::first_fetch`];
//!    they notify nothing), through the one ingest
//!    (sanitized, folded for search, bylines); then their read and saved
//!    state: the server's wins, unless a change made here is still queued
//!    for that item (it is newer).
//! 4. **States** of every stored item, against the server's full unread and
//!    starred lists.
//! 5. **Cursor** saved, only now: a server that goes away at any step leaves
//!    what was stored whole, and the next sync fetches the rest again
//!    (storing is idempotent).
//!
//! Passwords live behind a [`CredentialStore`] (the OS keyring by default, or
//! `BYLINE_ACCOUNT_PASSWORD`: [`byline_accounts::system_store`]),
//! never in the database.
//!
//! A server session that saves a login (the Google Reader API's `Auth`
//! token, [`RemoteAccount::session`]) is kept between syncs: in memory
//! for the engine's life ([`Sessions`]) and in the credential store under
//! the account's [`session_key`] (written when it changes; the keyring
//! keeps it, `BYLINE_ACCOUNT_PASSWORD` does not), so a sync resumes it
//! instead of logging in. When the server refuses it, the client logs in
//! again once with the password and the new token replaces the old.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use byline_accounts::{
    credential_key, session_key, ChangeSet, CredentialError, CredentialStore, Fever, GReader, HttpOptions, Protocol,
    RemoteAccount, RemoteItem, SyncCursor, TtRss,
};
use byline_feeds::sanitize::{is_web_url, plain_text, sanitize_html};
use byline_feeds::{ParsedEntry, ParsedFeed};
use byline_store::{
    Account, AccountFeed, AccountFolder, AccountId, AccountKind, FetchValidators, NewAccount, PreparedFeed,
    RemoteState, StatusChange, StoreError,
};
use serde::Serialize;

use crate::{Engine, EngineError, FeedNewArticles, SyncOptions};

/// What can go wrong with a server account.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    /// The server refused, failed or could not be reached (wrong password,
    /// unreachable, not a server of that kind…).
    #[error(transparent)]
    Server(#[from] byline_accounts::Error),
    /// The password could not be stored or read (no keyring, none stored).
    #[error(transparent)]
    Credentials(#[from] CredentialError),
    /// The database failed, or the account does not exist.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// Anything else of the engine's.
    #[error(transparent)]
    Engine(#[from] EngineError),
    /// A change to an account's subscriptions that its server did not make:
    /// its protocol lacks it ([`byline_accounts::Error::Unsupported`]), or
    /// the server could not be reached, failed or refused. Nothing was
    /// changed here either.
    #[error("{0} (nothing was changed)")]
    NotChanged(byline_accounts::Error),
    /// A feed was to move between accounts (the local one and a server's,
    /// or two servers'): a feed moves only between its own account's
    /// folders.
    #[error("a feed moves only between the folders of its own account")]
    OtherAccount,
}

/// What syncing one account did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccountSyncReport {
    /// The account.
    pub account_id: AccountId,
    /// Its name.
    pub display_name: String,
    /// Queued changes the server accepted.
    pub sent_changes: usize,
    /// Feeds new here (the server's subscriptions).
    pub feeds_added: usize,
    /// Feeds the server no longer has.
    pub feeds_removed: usize,
    /// New articles stored.
    pub new_articles: usize,
    /// Articles whose content changed.
    pub updated_articles: usize,
    /// The account's feeds that brought new articles, with how many, for
    /// [`crate::SyncEvent::FeedsStored`]'s notifications: empty after the
    /// account's first fetch (its history, not news).
    #[serde(skip)]
    pub new_by_feed: Vec<FeedNewArticles>,
    /// Why the sync of this account stopped, when it did (what was stored
    /// stays; queued changes stay queued).
    pub error: Option<String>,
}

/// Server sessions kept in memory for the engine's life, by the account's
/// [`credential_key`] (see the module documentation). Secrets: never in
/// logs.
#[derive(Clone, Default)]
pub(crate) struct Sessions(Arc<Mutex<HashMap<String, String>>>);

impl std::fmt::Debug for Sessions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Sessions").finish_non_exhaustive()
    }
}

impl Sessions {
    fn get(&self, key: &str) -> Option<String> {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).get(key).cloned()
    }

    /// Keeps `session` for `key`; whether it is new (not the one kept).
    fn insert(&self, key: &str, session: &str) -> bool {
        let mut sessions = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if sessions.get(key).is_some_and(|kept| kept == session) {
            return false;
        }
        sessions.insert(key.to_string(), session.to_string());
        true
    }

    fn remove(&self, key: &str) {
        self.0.lock().unwrap_or_else(|e| e.into_inner()).remove(key);
    }
}

impl Engine {
    /// Keeps account passwords in `credentials` instead of
    /// [`byline_accounts::system_store`] (tests use
    /// [`byline_accounts::MemoryStore`]).
    pub fn with_credentials(mut self, credentials: Arc<dyn CredentialStore>) -> Self {
        self.credentials = credentials;
        self
    }

    /// Adds a server account: logs in (a wrong password or an unreachable
    /// server is an error, and nothing is stored), keeps the password in
    /// the credential store, and stores the account. Its feeds and articles
    /// arrive with the next [`Engine::sync`].
    pub async fn add_account(
        &self,
        kind: AccountKind,
        url: &str,
        username: &str,
        password: &str,
    ) -> Result<Account, AccountError> {
        let url = url.trim();
        let username = username.trim();
        if self.store.accounts().await?.iter().any(|a| a.kind == kind && a.url == url && a.username == username) {
            return Err(StoreError::Invalid(format!("the {kind} account {username} at {url} is already added")).into());
        }
        let server = connect(kind, url, username, password).await?;
        let key = credential_key(kind.as_str(), username, url);
        let secret = password.to_string();
        let password_key = key.clone();
        self.credentials_call(move |c| c.set(&password_key, &secret)).await?;
        // This login's session serves the first sync too.
        self.keep_session(&key, server.as_ref()).await;
        let display_name = display_name(url, username);
        let account = self.store.add_account(&NewAccount { kind, url, username, display_name: &display_name }).await;
        if account.is_err() {
            self.forget_credentials(key).await;
        }
        Ok(account?)
    }

    /// Removes an account: its feeds and unsaved articles go (saved ones
    /// stay, as when a feed is unsubscribed), with its queued changes, its
    /// password and its kept session (when the keyring can be reached).
    pub async fn remove_account(&self, id: AccountId) -> Result<(), AccountError> {
        let account = self.store.account(id).await?;
        self.store.remove_account(id).await?;
        self.forget_credentials(credential_key(account.kind.as_str(), &account.username, &account.url)).await;
        Ok(())
    }

    /// Checks an account now, without syncing it: its server answers and
    /// takes its credentials (the kept session, or a login with the kept
    /// password). A refused login is [`byline_accounts::Error::Unauthorized`]
    /// (and the kept session is forgotten), a server that does not answer
    /// [`byline_accounts::Error::Unreachable`]; nothing else changes.
    pub async fn check_account(&self, id: AccountId) -> Result<(), AccountError> {
        let account = self.store.account(id).await?;
        let (checked, server) = match self.log_in(&account).await {
            Ok(server) => (server.check_auth().await.map_err(AccountError::from), Some(server)),
            Err(err) => (Err(err), None),
        };
        self.settle_session(&account, server.as_deref(), checked).await
    }

    /// What a use of the account's server (`done`) leaves for the next one:
    /// the session the server ended with is kept (one the client logged in
    /// again for replaces the kept one); when the server refused the
    /// credentials, the kept session is forgotten (neither it nor the
    /// password is accepted now), also when a change was refused for it.
    /// Returns `done`, for the caller to go on with.
    pub(crate) async fn settle_session<T>(
        &self,
        account: &Account,
        server: Option<&dyn RemoteAccount>,
        done: Result<T, AccountError>,
    ) -> Result<T, AccountError> {
        let key = credential_key(account.kind.as_str(), &account.username, &account.url);
        if let Some(server) = server {
            self.keep_session(&key, server).await;
        }
        if matches!(
            done,
            Err(AccountError::Server(byline_accounts::Error::Unauthorized)
                | AccountError::NotChanged(byline_accounts::Error::Unauthorized))
        ) {
            self.forget_session(&key).await;
        }
        done
    }

    /// Forgets the password and the session kept under `key`. Best effort:
    /// where no keyring runs (the `BYLINE_ACCOUNT_PASSWORD` fallback)
    /// nothing was kept.
    async fn forget_credentials(&self, key: String) {
        self.sessions.remove(&key);
        let _ = self.credentials_call(move |c| c.delete(&session_key(&key)).and_then(|()| c.delete(&key))).await;
    }

    /// Keeps the server's session for the next sync when it is new: in
    /// memory, and in the credential store (best effort: a store that
    /// cannot keep it only costs a login next time).
    async fn keep_session(&self, key: &str, server: &dyn RemoteAccount) {
        let Some(session) = server.session() else { return };
        if self.sessions.insert(key, &session) {
            let key = session_key(key);
            let _ = self.credentials_call(move |c| c.set(&key, &session)).await;
        }
    }

    /// Forgets a session the server refused (memory and store).
    async fn forget_session(&self, key: &str) {
        self.sessions.remove(key);
        let key = session_key(key);
        let _ = self.credentials_call(move |c| c.delete(&key)).await;
    }

    /// The accounts phase of [`Engine::sync`] alone: syncs every server
    /// account, one after the other (see the module documentation). An
    /// account that fails has its error in its report (and recorded on the
    /// account); the others go on.
    pub async fn sync_accounts(&self) -> Result<Vec<AccountSyncReport>, AccountError> {
        let mut reports = Vec::new();
        for account in self.store.accounts().await? {
            reports.push(self.sync_account(&account).await?);
        }
        Ok(reports)
    }

    /// Syncs one account, with [`SyncOptions::default`]'s limits on a first
    /// fetch. Errors of the server or the credentials end in the report;
    /// only a database failure is an `Err`.
    pub async fn sync_account(&self, account: &Account) -> Result<AccountSyncReport, AccountError> {
        self.sync_account_with(account, SyncOptions::default().first_fetch()).await
    }

    /// [`Engine::sync_account`], fetching with `first_fetch` when the
    /// account has fetched nothing yet ([`SyncOptions::first_fetch`]).
    pub(crate) async fn sync_account_with(
        &self,
        account: &Account,
        first_fetch: SyncCursor,
    ) -> Result<AccountSyncReport, AccountError> {
        let mut report = AccountSyncReport {
            account_id: account.id,
            display_name: account.display_name.clone(),
            ..Default::default()
        };
        let (pulled, server) = match self.log_in(account).await {
            Ok(server) => (self.pull_account(account, server.as_ref(), first_fetch, &mut report).await, Some(server)),
            Err(err) => (Err(err), None),
        };
        match self.settle_session(account, server.as_deref(), pulled).await {
            Ok(()) => {}
            Err(AccountError::Store(err)) => {
                let _ = self.store.record_account_error(account.id, &err.to_string()).await;
                return Err(err.into());
            }
            Err(err) => {
                let message = err.to_string();
                self.store.record_account_error(account.id, &message).await?;
                report.error = Some(message);
            }
        }
        Ok(report)
    }

    async fn pull_account(
        &self,
        account: &Account,
        server: &dyn RemoteAccount,
        first_fetch: SyncCursor,
        report: &mut AccountSyncReport,
    ) -> Result<(), AccountError> {
        // 1. Send what was changed here.
        report.sent_changes = self.send_changes(account.id, server).await?;

        // 2. Folders and feeds.
        let tree = self.pull_tree(account.id, server).await?;
        (report.feeds_added, report.feeds_removed) = (tree.added, tree.removed);

        // 3. New items, then their states.
        let stored: Option<SyncCursor> = account.sync_cursor.as_deref().and_then(|c| serde_json::from_str(c).ok());
        let cursor = match stored {
            Some(after @ SyncCursor::After(_)) => after,
            _ => first_fetch,
        };
        let fetched = server.fetch_items(cursor).await?;
        let states: Vec<(String, bool, bool)> =
            fetched.items.iter().map(|i| (i.remote_id.clone(), i.read, i.starred)).collect();
        let new_by_feed = self.store_items(account.id, fetched.items, report).await?;
        // A first fetch is the account's history, not news: it notifies nothing.
        if matches!(cursor, SyncCursor::After(_)) {
            report.new_by_feed = new_by_feed;
        }
        let states: Vec<RemoteState> = states
            .iter()
            .map(|(id, read, starred)| RemoteState { remote_id: id, read: *read, starred: *starred })
            .collect();
        self.store.apply_remote_states(account.id, &states).await?;

        // 4. Every item's state.
        let unread = server.unread_ids().await?;
        let starred = server.starred_ids().await?;
        self.store.reconcile_remote_states(account.id, &unread, &starred).await?;

        // 5. Only now, the cursor.
        let cursor = serde_json::to_string(&fetched.cursor).map_err(|e| EngineError::Invalid(e.to_string()))?;
        self.store.record_account_sync(account.id, &cursor).await?;
        Ok(())
    }

    /// The account's server, logged in: the kept session resumed when
    /// there is one (no login request; the password logs in again if the
    /// server refuses it), otherwise a login with the password kept for it.
    pub(crate) async fn log_in(&self, account: &Account) -> Result<Box<dyn RemoteAccount>, AccountError> {
        let key = credential_key(account.kind.as_str(), &account.username, &account.url);
        let in_memory = self.sessions.get(&key);
        let look_up = resumes(account.kind) && in_memory.is_none();
        let (password, stored) = {
            let key = key.clone();
            self.credentials_call(move |c| {
                let stored = if look_up { c.get(&session_key(&key)).ok() } else { None };
                Ok((c.get(&key)?, stored))
            })
            .await?
        };
        if let Some(stored) = &stored {
            self.sessions.insert(&key, stored);
        }
        let (url, user) = (account.url.as_str(), account.username.as_str());
        let server = match in_memory.or(stored).and_then(|s| resume(account.kind, url, user, &password, &s)) {
            Some(resumed) => resumed?,
            None => connect(account.kind, url, user, &password).await?,
        };
        self.keep_session(&key, server.as_ref()).await;
        Ok(server)
    }

    /// Makes the account's folders and feeds here what the server has now
    /// (one transaction; [`byline_store::Store::apply_account_tree`]).
    pub(crate) async fn pull_tree(
        &self,
        id: AccountId,
        server: &dyn RemoteAccount,
    ) -> Result<byline_store::TreeOutcome, AccountError> {
        let folders: Vec<AccountFolder> = server
            .folders()
            .await?
            .into_iter()
            .map(|f| AccountFolder { remote_id: f.remote_id, title: plain_text(&f.title) })
            .collect();
        let feeds: Vec<AccountFeed> = server
            .feeds()
            .await?
            .into_iter()
            .map(|f| AccountFeed {
                title: plain_text(&f.title),
                folder: f.folders.into_iter().next(),
                remote_id: f.remote_id,
                url: f.url,
                site_url: f.site_url.filter(|u| is_web_url(u)),
            })
            .collect();
        Ok(self.store.apply_account_tree(id, &folders, &feeds).await?)
    }

    /// Sends the queued changes, the latest per item and kind; returns how
    /// many the server accepted (and removes them from the queue).
    async fn send_changes(&self, id: AccountId, server: &dyn RemoteAccount) -> Result<usize, AccountError> {
        let queued = self.store.pending_changes(id).await?;
        let Some(last) = queued.last().map(|c| c.id) else { return Ok(0) };
        // The latest change per item and column wins.
        let mut latest: HashMap<(&str, bool), StatusChange> = HashMap::new();
        for change in &queued {
            let is_read = matches!(change.change, StatusChange::Read | StatusChange::Unread);
            latest.insert((change.remote_item_id.as_str(), is_read), change.change);
        }
        let mut set = ChangeSet::default();
        for ((item, _), change) in &latest {
            let list = match change {
                StatusChange::Read => &mut set.read,
                StatusChange::Unread => &mut set.unread,
                StatusChange::Starred => &mut set.starred,
                StatusChange::Unstarred => &mut set.unstarred,
            };
            list.push((*item).to_string());
        }
        for list in [&mut set.read, &mut set.unread, &mut set.starred, &mut set.unstarred] {
            list.sort();
        }
        server.apply_changes(&set).await?;
        self.store.ack_pending_changes(id, last).await?;
        Ok(latest.len())
    }

    /// Stores items through the one ingest: per feed, sanitized, prepared on
    /// a blocking thread, written in one transaction.
    async fn store_items(
        &self,
        id: AccountId,
        items: Vec<RemoteItem>,
        report: &mut AccountSyncReport,
    ) -> Result<Vec<FeedNewArticles>, AccountError> {
        if items.is_empty() {
            return Ok(Vec::new());
        }
        let feed_ids = self.store.account_feed_ids(id).await?;
        let rules = self.store.rule_set().await?;
        let prepared = self
            .run_cpu(move || {
                let mut by_feed: HashMap<String, Vec<ParsedEntry>> = HashMap::new();
                for item in items {
                    by_feed.entry(item.remote_feed_id.clone()).or_default().push(entry(item));
                }
                by_feed
                    .into_iter()
                    .filter_map(|(remote_feed, entries)| {
                        let feed_id = *feed_ids.get(&remote_feed)?;
                        let feed =
                            ParsedFeed { title: String::new(), link: None, description: None, language: None, entries };
                        Some((feed_id, PreparedFeed::new(feed_id, feed, &FetchValidators::default(), &rules)))
                    })
                    .unzip::<_, _, Vec<_>, Vec<_>>()
            })
            .await?;
        let (feeds, prepared) = prepared;
        let mut new_by_feed = Vec::new();
        for (feed_id, outcome) in feeds.into_iter().zip(self.store.store_feeds(&prepared).await) {
            let outcome = outcome?;
            report.new_articles += outcome.new;
            report.updated_articles += outcome.updated;
            if outcome.new > 0 {
                new_by_feed.push(FeedNewArticles { feed_id, new_articles: outcome.new });
            }
        }
        new_by_feed.sort_by_key(|n| n.feed_id);
        Ok(new_by_feed)
    }

    /// Runs a (blocking) call of the credential store on a blocking thread.
    async fn credentials_call<T: Send + 'static>(
        &self,
        call: impl FnOnce(&dyn CredentialStore) -> Result<T, CredentialError> + Send + 'static,
    ) -> Result<T, AccountError> {
        let credentials = Arc::clone(&self.credentials);
        let joined = tokio::task::spawn_blocking(move || call(credentials.as_ref())).await;
        Ok(joined.map_err(|e| EngineError::Internal(format!("the keyring call crashed: {e}")))??)
    }
}

/// The protocol an account of this kind speaks.
pub(crate) fn protocol(kind: AccountKind) -> Protocol {
    match kind {
        AccountKind::Greader => Protocol::GoogleReader,
        AccountKind::Fever => Protocol::Fever,
        AccountKind::TtRss => Protocol::TtRss,
    }
}

/// Logs in to the server.
async fn connect(
    kind: AccountKind,
    url: &str,
    username: &str,
    password: &str,
) -> Result<Box<dyn RemoteAccount>, byline_accounts::Error> {
    Ok(match kind {
        AccountKind::Greader => Box::new(GReader::login(url, username, password).await?),
        AccountKind::Fever => Box::new(Fever::login(url, username, password).await?),
        AccountKind::TtRss => Box::new(TtRss::login(url, username, password).await?),
    })
}

/// Whether accounts of this kind keep a session between syncs (those
/// [`resume`] takes one for).
fn resumes(kind: AccountKind) -> bool {
    matches!(kind, AccountKind::Greader)
}

/// The server of a kept session, without a login request; it logs in with
/// the password, once, when the server refuses the session. `None` for the
/// kinds that keep no session.
fn resume(
    kind: AccountKind,
    url: &str,
    username: &str,
    password: &str,
    session: &str,
) -> Option<Result<Box<dyn RemoteAccount>, byline_accounts::Error>> {
    match kind {
        AccountKind::Greader => Some(
            GReader::resume(url, username, password, session, &HttpOptions::default())
                .map(|s| Box::new(s) as Box<dyn RemoteAccount>),
        ),
        AccountKind::Fever | AccountKind::TtRss => None,
    }
}

/// "alice @ rss.example.com".
fn display_name(url: &str, username: &str) -> String {
    let host = url::Url::parse(url).ok().and_then(|u| u.host_str().map(str::to_string));
    format!("{username} @ {}", host.as_deref().unwrap_or(url))
}

/// A server's item as a feed entry: the same shape (and the same
/// sanitizer) as an item parsed from a feed.
fn entry(item: RemoteItem) -> ParsedEntry {
    let link = item.url.filter(|u| is_web_url(u));
    let base = link.as_deref().and_then(|u| url::Url::parse(u).ok());
    let content = sanitize_html(&item.content_html, base.as_ref());
    let author = item.author.as_deref().map(plain_text).filter(|a| !a.is_empty());
    ParsedEntry {
        id: item.remote_id,
        title: plain_text(&item.title),
        link,
        authors: byline_feeds::credit::people_from_feed(author.as_deref()),
        agency: author.as_deref().and_then(|a| byline_feeds::credit::agency_in_credit(a, base.as_ref())),
        published: item.published,
        updated: None,
        summary_html: None,
        content_html: (!content.trim().is_empty()).then_some(content),
        enclosures: Vec::new(),
        image: None,
        language: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(author: &str, url: &str) -> RemoteItem {
        RemoteItem {
            remote_id: "1".into(),
            remote_feed_id: "f".into(),
            title: "Büdcə qəbul edildi".into(),
            url: Some(url.into()),
            author: Some(author.into()),
            content_html: "<p>Mətn.</p>".into(),
            published: None,
            read: false,
            starred: false,
        }
    }

    #[test]
    fn a_server_item_s_agency_is_kept_apart_from_its_people() {
        let wire = entry(item("Иван Петров, ТАСС", "https://news.example.ru/1"));
        assert_eq!(wire.author_line().as_deref(), Some("Иван Петров"));
        assert_eq!(wire.agency.as_deref(), Some("ТАСС"));
        assert_eq!(entry(item("Report.az", "https://report.az/1")).agency, None, "the site's own name");
        assert_eq!(entry(item("Aysel Məmmədova", "https://news.example.az/1")).agency, None);
    }
}
