//! [`RemoteAccount`]: one async trait for every sync protocol.

use async_trait::async_trait;
use chrono::{DateTime, Utc};

use crate::{
    Capabilities, ChangeSet, FetchedItems, Protocol, RemoteFeed, RemoteFolder, Result, SubscriptionChange, SyncCursor,
};

/// A logged-in account on a feed server, whatever its protocol.
///
/// Obtain one with [`crate::GReader::login`], [`crate::Fever::login`] or
/// [`crate::TtRss::login`]; all implement this trait, so the sync code can hold
/// a `Box<dyn RemoteAccount>`.
/// Every method talks to the server; none of them retries on its own (except
/// the Google Reader token refresh, which is part of the protocol).
///
/// Folder arguments are folder *names* (titles): a Google Reader server
/// creates a folder the first time a feed is put in it.
#[async_trait]
pub trait RemoteAccount: Send + Sync {
    /// The protocol of the account.
    fn protocol(&self) -> Protocol;

    /// What the protocol can do beyond reading and syncing states.
    fn capabilities(&self) -> Capabilities;

    /// Checks that the credentials are (still) accepted; fails with
    /// [`crate::Error::Unauthorized`] otherwise.
    async fn check_auth(&self) -> Result<()>;

    /// The session to keep between syncs, when the protocol has one that
    /// saves a login: the Google Reader API's `Auth` token
    /// ([`crate::GReader::resume`] takes it back). A secret, kept like the
    /// password. `None` by default.
    fn session(&self) -> Option<String> {
        None
    }

    /// Every folder of the account.
    async fn folders(&self) -> Result<Vec<RemoteFolder>>;

    /// Every subscription of the account, with its folders.
    async fn feeds(&self) -> Result<Vec<RemoteFeed>>;

    /// The items new since `since` (all of them for [`SyncCursor::Start`]),
    /// with the cursor for the next call. Items come with their read and
    /// starred state at the time of the call.
    async fn fetch_items(&self, since: SyncCursor) -> Result<FetchedItems>;

    /// The ids of every unread item on the server (for a full state sync).
    async fn unread_ids(&self) -> Result<Vec<String>>;

    /// The ids of every starred item on the server.
    async fn starred_ids(&self) -> Result<Vec<String>>;

    /// Marks items read (`true`) or unread (`false`).
    async fn set_read(&self, item_ids: &[String], read: bool) -> Result<()>;

    /// Stars (`true`) or unstars (`false`) items.
    async fn set_starred(&self, item_ids: &[String], starred: bool) -> Result<()>;

    /// Sends a batch of local state changes: read, unread, starred, unstarred,
    /// in that order. Stops at the first error (every call is idempotent, so
    /// the whole set can be sent again).
    async fn apply_changes(&self, changes: &ChangeSet) -> Result<()> {
        if !changes.read.is_empty() {
            self.set_read(&changes.read, true).await?;
        }
        if !changes.unread.is_empty() {
            self.set_read(&changes.unread, false).await?;
        }
        if !changes.starred.is_empty() {
            self.set_starred(&changes.starred, true).await?;
        }
        if !changes.unstarred.is_empty() {
            self.set_starred(&changes.unstarred, false).await?;
        }
        Ok(())
    }

    /// Marks every item of a feed read, up to `before` (items the server
    /// stored after it stay unread).
    async fn mark_feed_read(&self, feed_id: &str, before: DateTime<Utc>) -> Result<()>;

    /// Subscribes to the feed at `url`, optionally with a title and in a
    /// folder (by name), and returns its [`RemoteFeed::remote_id`]. The server
    /// fetches the feed itself.
    async fn subscribe(&self, url: &str, title: Option<&str>, folder: Option<&str>) -> Result<String> {
        let _ = (url, title, folder);
        Err(SubscriptionChange::Subscribe.unsupported(self.protocol()))
    }

    /// Removes a subscription.
    async fn unsubscribe(&self, feed_id: &str) -> Result<()> {
        let _ = feed_id;
        Err(SubscriptionChange::Unsubscribe.unsupported(self.protocol()))
    }

    /// Renames a subscription.
    async fn rename_feed(&self, feed_id: &str, title: &str) -> Result<()> {
        let _ = (feed_id, title);
        Err(SubscriptionChange::RenameFeed.unsupported(self.protocol()))
    }

    /// Moves a subscription from folder `from` (by name; `None` when it is in
    /// none) to folder `to` (by name).
    async fn move_feed(&self, feed_id: &str, from: Option<&str>, to: &str) -> Result<()> {
        let _ = (feed_id, from, to);
        Err(SubscriptionChange::MoveFeed.unsupported(self.protocol()))
    }
}
