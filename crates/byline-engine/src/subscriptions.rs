//! Changing subscriptions: renaming, moving and unsubscribing a feed, and
//! subscribing in a folder; one entry point each, for the local account's
//! feeds and server accounts' alike.
//!
//! A feed of the local account changes in the store alone, as before. A
//! server account's feed is kept by its server (each sync brings the
//! server's names, folders and subscriptions back), so the server is asked
//! first, when its protocol allows the change at all
//! ([`byline_accounts::Protocol::capabilities`]; otherwise
//! [`AccountError::NotChanged`] with [`byline_accounts::Error::Unsupported`],
//! before any request). The rows here change only once the server said yes:
//! a server that cannot be reached, fails or refuses leaves everything here
//! as it was, and the error says so ([`AccountError::NotChanged`]).
//!
//! A feed moves only between folders of its own account
//! ([`AccountError::OtherAccount`] otherwise); on a server a feed is always
//! in one of the account's folders, never in the account's top folder.

use byline_accounts::{Capabilities, RemoteAccount, RemoteFolder, SubscriptionChange};
use byline_store::{Account, AccountKind, Feed, FeedId, FolderId, RemoteRef};
use serde::Serialize;

use crate::remote_sync::protocol;
use crate::{AccountError, Engine, EngineError};

/// What the server of an account of this kind lets Byline change.
pub fn capabilities(kind: AccountKind) -> Capabilities {
    protocol(kind).capabilities()
}

/// A server account with what its server lets Byline change (for the
/// app's menus).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccountInfo {
    /// The account.
    #[serde(flatten)]
    pub account: Account,
    /// What its server allows.
    pub capabilities: Capabilities,
}

impl From<Account> for AccountInfo {
    fn from(account: Account) -> Self {
        Self { capabilities: capabilities(account.kind), account }
    }
}

impl Engine {
    /// Every server account, with what its server allows.
    pub async fn accounts(&self) -> Result<Vec<AccountInfo>, AccountError> {
        Ok(self.store.accounts().await?.into_iter().map(AccountInfo::from).collect())
    }

    /// Renames a feed (see the module documentation for an account's feed).
    pub async fn rename_feed(&self, id: FeedId, title: &str) -> Result<(), AccountError> {
        let Some(feed) = self.store.feed_remote(id).await? else {
            return Ok(self.store.rename_feed(id, title).await?);
        };
        let title = title.trim();
        if title.is_empty() {
            return Err(EngineError::Invalid("a feed of a server account needs a name".into()).into());
        }
        let (account, server) = self.server_for(&feed, SubscriptionChange::RenameFeed).await?;
        let renamed = server.rename_feed(&feed.remote_id, title).await.map_err(AccountError::NotChanged);
        self.settle_session(&account, Some(server.as_ref()), renamed).await?;
        Ok(self.store.rename_feed(id, title).await?)
    }

    /// Moves a feed into a folder, or to the top level (a local feed only;
    /// see the module documentation).
    pub async fn move_feed(&self, id: FeedId, folder: Option<FolderId>) -> Result<(), AccountError> {
        let feed = self.store.feed_remote(id).await?;
        let target = match folder {
            Some(folder) => self.store.folder_remote(folder).await?,
            None => None,
        };
        let (feed, target) = match (feed, target) {
            (None, None) => return Ok(self.store.move_feed(id, folder).await?),
            (Some(feed), Some(target)) if feed.account_id == target.account_id => (feed, target),
            _ => return Err(AccountError::OtherAccount),
        };
        if target.remote_id.is_empty() {
            return Err(EngineError::Invalid(
                "on its server, a feed is always in a folder: move it into one of the account's folders".into(),
            )
            .into());
        }
        let from = match self.store.feed(id).await?.folder_id {
            Some(current) => self.store.folder_remote(current).await?.map(|f| f.remote_id).filter(|r| !r.is_empty()),
            None => None,
        };
        let (account, server) = self.server_for(&feed, SubscriptionChange::MoveFeed).await?;
        let moved = async {
            let folders = server.folders().await.map_err(AccountError::NotChanged)?;
            let to = folder_title(&folders, &target.remote_id)?;
            let from = from.and_then(|remote_id| folder_title(&folders, &remote_id).ok());
            if from.as_deref() != Some(to.as_str()) {
                server.move_feed(&feed.remote_id, from.as_deref(), &to).await.map_err(AccountError::NotChanged)?;
            }
            Ok(())
        }
        .await;
        self.settle_session(&account, Some(server.as_ref()), moved).await?;
        Ok(self.store.move_feed(id, folder).await?)
    }

    /// Unsubscribes from a feed: its articles go, saved ones stay
    /// ([`byline_store::Store::remove_feed`]); an account's feed is
    /// unsubscribed on its server first.
    pub async fn remove_feed(&self, id: FeedId) -> Result<(), AccountError> {
        let Some(feed) = self.store.feed_remote(id).await? else {
            return Ok(self.store.remove_feed(id).await?);
        };
        let (account, server) = self.server_for(&feed, SubscriptionChange::Unsubscribe).await?;
        let unsubscribed = server.unsubscribe(&feed.remote_id).await.map_err(AccountError::NotChanged);
        self.settle_session(&account, Some(server.as_ref()), unsubscribed).await?;
        Ok(self.store.remove_feed(id).await?)
    }

    /// Subscribes to a feed or site at `url` in `folder`: a local folder (or
    /// none) as [`Engine::add_source`] does; a server account's folder on
    /// the server, after which the account's folders and feeds are brought
    /// here (its articles arrive with the next sync of the account).
    pub async fn subscribe(&self, url: &str, folder: Option<FolderId>) -> Result<Feed, AccountError> {
        let target = match folder {
            Some(folder) => self.store.folder_remote(folder).await?,
            None => None,
        };
        let Some(target) = target else { return Ok(self.add_source(url, folder).await?) };
        let url = crate::discovery::normalize_input_url(url)?;
        let (account, server) = self.server_for(&target, SubscriptionChange::Subscribe).await?;
        let subscribed = async {
            let folder_name = match target.remote_id.as_str() {
                "" => None,
                remote_id => {
                    let folders = server.folders().await.map_err(AccountError::NotChanged)?;
                    Some(folder_title(&folders, remote_id)?)
                }
            };
            let remote_id =
                server.subscribe(url.as_str(), None, folder_name.as_deref()).await.map_err(AccountError::NotChanged)?;
            // The server has it now: bring the account's tree here, as a sync does.
            self.pull_tree(account.id, server.as_ref()).await?;
            Ok(remote_id)
        }
        .await;
        let remote_id = self.settle_session(&account, Some(server.as_ref()), subscribed).await?;
        let feed = self.store.account_feed_ids(account.id).await?.get(&remote_id).copied().ok_or_else(|| {
            byline_accounts::Error::Protocol(format!(
                "the server subscribed to {url} but does not list it yet: it arrives with the next sync"
            ))
        })?;
        Ok(self.store.feed(feed).await?)
    }

    /// The account of `at` and its server, logged in, when its protocol
    /// allows `change`; otherwise, or when the server cannot be reached or
    /// refuses the login, [`AccountError::NotChanged`]. Once the server is
    /// used, pass what it did to `settle_session`, so a session the client
    /// logged in again for is kept.
    async fn server_for(
        &self,
        at: &RemoteRef,
        change: SubscriptionChange,
    ) -> Result<(Account, Box<dyn RemoteAccount>), AccountError> {
        let account = self.store.account(at.account_id).await?;
        let protocol = protocol(account.kind);
        if !protocol.capabilities().allows(change) {
            return Err(AccountError::NotChanged(change.unsupported(protocol)));
        }
        let server = self.log_in(&account).await.map_err(|err| match err {
            AccountError::Server(err) => AccountError::NotChanged(err),
            err => err,
        })?;
        Ok((account, server))
    }
}

/// The title of the server's folder `remote_id` (the server names folders
/// by title in its calls); [`AccountError::NotChanged`] when the server no
/// longer has it.
fn folder_title(folders: &[RemoteFolder], remote_id: &str) -> Result<String, AccountError> {
    folders.iter().find(|f| f.remote_id == remote_id).map(|f| f.title.clone()).ok_or_else(|| {
        AccountError::NotChanged(byline_accounts::Error::Protocol(
            "that folder is no longer on the server: refresh, then try again".into(),
        ))
    })
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use byline_accounts::MemoryStore;
    use byline_store::NewAccount;

    use super::*;
    use crate::EngineConfig;

    /// An engine with a Fever account (nothing listens at its address) that
    /// holds one feed in one folder, and a local feed and folder.
    async fn setup(dir: &tempfile::TempDir) -> (Engine, Feed, Feed, FolderId, FolderId) {
        let engine = Engine::open(&dir.path().join("byline.sqlite3"), EngineConfig::default())
            .await
            .unwrap()
            .with_credentials(Arc::new(MemoryStore::new()));
        let store = engine.store();
        let new = NewAccount {
            kind: AccountKind::Fever,
            url: "http://127.0.0.1:9/fever.php",
            username: "a",
            display_name: "a",
        };
        let account = store.add_account(&new).await.unwrap();
        let folders = [byline_store::AccountFolder { remote_id: "2".into(), title: "News".into() }];
        let feeds = [byline_store::AccountFeed {
            remote_id: "7".into(),
            title: "Remote".into(),
            url: "http://127.0.0.1:9/remote.xml".into(),
            site_url: None,
            folder: Some("2".into()),
        }];
        store.apply_account_tree(account.id, &folders, &feeds).await.unwrap();
        let remote = store.feeds().await.unwrap().remove(0);
        let local_folder = store.create_folder("Local", None).await.unwrap().id;
        let local = store.add_feed("http://127.0.0.1:9/local.xml", Some(local_folder)).await.unwrap();
        (engine, remote.clone(), local, local_folder, remote.folder_id.unwrap())
    }

    #[tokio::test]
    async fn fever_refuses_every_change_before_asking_and_nothing_changes() {
        let dir = tempfile::tempdir().unwrap();
        let (engine, remote, _, _, news) = setup(&dir).await;
        let unsupported = |r: Result<(), AccountError>| {
            let err = r.unwrap_err();
            assert!(matches!(err, AccountError::NotChanged(byline_accounts::Error::Unsupported { .. })), "{err:?}");
            assert!(err.to_string().starts_with("the Fever API cannot"), "{err}");
        };
        unsupported(engine.rename_feed(remote.id, "New").await);
        unsupported(engine.move_feed(remote.id, Some(news)).await);
        unsupported(engine.remove_feed(remote.id).await);
        unsupported(engine.subscribe("http://127.0.0.1:9/other.xml", Some(news)).await.map(|_| ()));
        assert_eq!(engine.store().feeds().await.unwrap().iter().find(|f| f.id == remote.id), Some(&remote));
    }

    #[tokio::test]
    async fn feeds_move_only_within_their_account() {
        let dir = tempfile::tempdir().unwrap();
        let (engine, remote, local, local_folder, news) = setup(&dir).await;
        let other = |r: Result<(), AccountError>| assert!(matches!(r, Err(AccountError::OtherAccount)), "{r:?}");
        other(engine.move_feed(remote.id, Some(local_folder)).await);
        other(engine.move_feed(remote.id, None).await);
        other(engine.move_feed(local.id, Some(news)).await);
        // A local feed moves as before.
        engine.move_feed(local.id, None).await.unwrap();
        assert_eq!(engine.store().feed(local.id).await.unwrap().folder_id, None);
        engine.rename_feed(local.id, "Mine").await.unwrap();
        assert_eq!(engine.store().feed(local.id).await.unwrap().title, "Mine");
        engine.remove_feed(local.id).await.unwrap();
        assert_eq!(engine.store().feeds().await.unwrap(), vec![remote]);
    }
}
