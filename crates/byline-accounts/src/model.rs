//! Protocol-neutral data: what a feed server reports, in plain serde types.
//!
//! Every `remote_id` is the server's own identifier, as a string, in the form
//! the protocol's module documents ([`crate::greader`], [`crate::fever`]). They
//! are only meaningful for the account they came from.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// The sync protocol an account speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Protocol {
    /// The Google Reader API (FreshRSS, Miniflux, Inoreader, The Old Reader,
    /// BazQux…).
    GoogleReader,
    /// The Fever API (FreshRSS, Miniflux, Tiny Tiny RSS with a plugin…).
    Fever,
    /// Tiny Tiny RSS's own JSON API.
    TtRss,
}

impl Protocol {
    /// What the protocol can do beyond reading and syncing states: the one
    /// place these facts are written ([`crate::RemoteAccount::capabilities`]
    /// of every client, and the app's menus, come from here).
    pub const fn capabilities(self) -> Capabilities {
        match self {
            Protocol::GoogleReader => {
                Capabilities { subscribe: true, unsubscribe: true, rename_feed: true, move_feed: true }
            }
            Protocol::Fever => {
                Capabilities { subscribe: false, unsubscribe: false, rename_feed: false, move_feed: false }
            }
            Protocol::TtRss => {
                Capabilities { subscribe: true, unsubscribe: true, rename_feed: false, move_feed: false }
            }
        }
    }
}

impl std::fmt::Display for Protocol {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Protocol::GoogleReader => "Google Reader",
            Protocol::Fever => "Fever",
            Protocol::TtRss => "Tiny Tiny RSS",
        })
    }
}

/// What an account can do beyond reading items and syncing read and starred
/// states (which every protocol can). Calls outside these fail with
/// [`crate::Error::Unsupported`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Capabilities {
    /// [`crate::RemoteAccount::subscribe`] works.
    pub subscribe: bool,
    /// [`crate::RemoteAccount::unsubscribe`] works.
    pub unsubscribe: bool,
    /// [`crate::RemoteAccount::rename_feed`] works.
    pub rename_feed: bool,
    /// [`crate::RemoteAccount::move_feed`] works.
    pub move_feed: bool,
}

impl Capabilities {
    /// Whether the protocol allows `change`.
    pub const fn allows(self, change: SubscriptionChange) -> bool {
        match change {
            SubscriptionChange::Subscribe => self.subscribe,
            SubscriptionChange::Unsubscribe => self.unsubscribe,
            SubscriptionChange::RenameFeed => self.rename_feed,
            SubscriptionChange::MoveFeed => self.move_feed,
        }
    }
}

/// A change to an account's subscriptions, which a protocol may or may not
/// allow ([`Capabilities::allows`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SubscriptionChange {
    /// [`crate::RemoteAccount::subscribe`].
    Subscribe,
    /// [`crate::RemoteAccount::unsubscribe`].
    Unsubscribe,
    /// [`crate::RemoteAccount::rename_feed`].
    RenameFeed,
    /// [`crate::RemoteAccount::move_feed`].
    MoveFeed,
}

impl SubscriptionChange {
    /// The change in words, for [`crate::Error::Unsupported`] ("rename a
    /// feed").
    pub const fn describe(self) -> &'static str {
        match self {
            Self::Subscribe => "subscribe to a feed",
            Self::Unsubscribe => "unsubscribe from a feed",
            Self::RenameFeed => "rename a feed",
            Self::MoveFeed => "move a feed to another folder",
        }
    }

    /// The error for this change on a protocol that lacks it.
    pub const fn unsupported(self, protocol: Protocol) -> crate::Error {
        crate::Error::Unsupported { protocol, operation: self.describe() }
    }
}

/// A folder (Google Reader "label", Fever "group").
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RemoteFolder {
    /// The server's id (`user/-/label/News`, or a Fever group id such as `2`).
    pub remote_id: String,
    /// The folder's name as shown to the user.
    pub title: String,
}

/// A subscription on the server.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct RemoteFeed {
    /// The server's id (`feed/12`, or a Fever feed id such as `12`).
    pub remote_id: String,
    /// The feed's title (as renamed by the user, when it was).
    pub title: String,
    /// The feed's own address (RSS, Atom or JSON Feed).
    pub url: String,
    /// The address of the feed's web site, when the server knows it.
    pub site_url: Option<String>,
    /// The [`RemoteFolder::remote_id`]s of the folders holding the feed
    /// (usually zero or one).
    pub folders: Vec<String>,
}

/// An item (article) of a remote feed, with its state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemoteItem {
    /// The server's id, normalised (see the protocol's module).
    pub remote_id: String,
    /// The [`RemoteFeed::remote_id`] of the feed it belongs to.
    pub remote_feed_id: String,
    /// The title as the server sends it (may contain HTML entities).
    pub title: String,
    /// The article's web address.
    pub url: Option<String>,
    /// The author, when known.
    pub author: Option<String>,
    /// The content as HTML, unsanitized: it must go through the sanitizer
    /// before it is stored or shown.
    pub content_html: String,
    /// The article's own publication date, when known.
    pub published: Option<DateTime<Utc>>,
    /// Read on the server.
    pub read: bool,
    /// Starred (Fever: "saved") on the server.
    pub starred: bool,
}

/// Where an incremental fetch of items starts. Store the cursor returned by
/// [`crate::RemoteAccount::fetch_items`] and hand it back next time; its
/// value is only meaningful to the account that made it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SyncCursor {
    /// Nothing fetched yet: fetch everything the server offers.
    #[default]
    Start,
    /// Nothing fetched yet: fetch the newest items within these limits, and
    /// every starred item whatever its age (an account's first sync takes
    /// its recent news and its saved articles, not years of history). Each
    /// protocol applies what it can ask the server for: the Google Reader
    /// API both limits (`ot=`, then the newest ids), the Fever API and Tiny
    /// Tiny RSS the count (newest first: Fever by `max_id`, tt-rss by
    /// `limit`/`skip`), which they cannot ask by date.
    Recent {
        /// Leave on the server the items it stored before this time (unix
        /// seconds); `None`: no time limit.
        stored_since: Option<i64>,
        /// At most this many items (besides starred ones), the newest the
        /// server stored.
        max_items: usize,
    },
    /// Fetch what came after this point: for the Google Reader API the
    /// server time (microseconds) at which the newest item seen was stored;
    /// for the Fever API and Tiny Tiny RSS the largest item id seen.
    After(i64),
}

/// Keeps the first `max_items` of `recent` (the newest first) and returns
/// the ids of `starred` not among them, to fetch too: the rule of a
/// [`SyncCursor::Recent`] fetch, for every protocol.
pub(crate) fn limit_first_fetch<T>(
    max_items: usize,
    recent: &mut Vec<T>,
    id: impl Fn(&T) -> &str,
    starred: &[String],
) -> Vec<String> {
    recent.truncate(max_items);
    let have: std::collections::HashSet<&str> = recent.iter().map(id).collect();
    starred.iter().filter(|id| !have.contains(id.as_str())).cloned().collect()
}

/// The result of [`crate::RemoteAccount::fetch_items`].
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct FetchedItems {
    /// The items new since the cursor (with their current state).
    pub items: Vec<RemoteItem>,
    /// The cursor for the next fetch (the same one when nothing was new).
    pub cursor: SyncCursor,
}

/// Local state changes to send to the server in one go
/// ([`crate::RemoteAccount::apply_changes`]). Each list holds item
/// [`RemoteItem::remote_id`]s.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct ChangeSet {
    /// Items to mark read.
    pub read: Vec<String>,
    /// Items to mark unread.
    pub unread: Vec<String>,
    /// Items to star.
    pub starred: Vec<String>,
    /// Items to unstar.
    pub unstarred: Vec<String>,
}

impl ChangeSet {
    /// True when there is nothing to send.
    pub fn is_empty(&self) -> bool {
        self.read.is_empty() && self.unread.is_empty() && self.starred.is_empty() && self.unstarred.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_fetch_keeps_the_newest_and_asks_for_the_other_starred() {
        let ids = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        let mut recent = ids(&["9", "8", "7", "6"]);
        let missing = limit_first_fetch(2, &mut recent, String::as_str, &ids(&["8", "6", "1"]));
        assert_eq!((recent, missing), (ids(&["9", "8"]), ids(&["6", "1"])));
        let mut all = ids(&["3", "2"]);
        assert!(limit_first_fetch(10, &mut all, String::as_str, &ids(&["2"])).is_empty());
        assert_eq!(all.len(), 2);
        let cursor = SyncCursor::Recent { stored_since: Some(1_700_000_000), max_items: 10 };
        let json = serde_json::to_string(&cursor).unwrap();
        assert_eq!(serde_json::from_str::<SyncCursor>(&json).unwrap(), cursor);
        assert_eq!(
            serde_json::to_string(&SyncCursor::After(5)).unwrap(),
            r#"{"after":5}"#,
            "stored cursors still read"
        );
    }

    #[test]
    fn each_protocol_says_what_it_can_change() {
        let all = Capabilities { subscribe: true, unsubscribe: true, rename_feed: true, move_feed: true };
        assert_eq!(Protocol::GoogleReader.capabilities(), all);
        assert_eq!(
            Protocol::Fever.capabilities(),
            Capabilities { subscribe: false, unsubscribe: false, rename_feed: false, move_feed: false }
        );
        let ttrss = Protocol::TtRss.capabilities();
        assert!(ttrss.subscribe && ttrss.unsubscribe && !ttrss.rename_feed && !ttrss.move_feed);
        assert!(ttrss.allows(SubscriptionChange::Unsubscribe) && !ttrss.allows(SubscriptionChange::MoveFeed));
        assert_eq!(
            SubscriptionChange::RenameFeed.unsupported(Protocol::Fever).to_string(),
            "the Fever API cannot rename a feed"
        );
    }
}
