//! A Fever API client ([`Fever`]), as spoken by FreshRSS, Miniflux and Tiny
//! Tiny RSS (with a plugin).
//!
//! # The calls it makes
//!
//! Every call is a `POST <url>?api&<what>` with `api_key = md5("user:pass")`
//! in the form body ([`Fever::api_key`]); an answer with `"auth":0` means the
//! key was refused ([`Error::Unauthorized`]).
//!
//! - `groups` and `feeds` (with `feeds_groups`, which says which feed is in
//!   which group);
//! - `items` pages of at most 50, by `since_id` (ascending), `max_id`
//!   (descending) or `with_ids`;
//! - `unread_item_ids` and `saved_item_ids` (comma-separated strings);
//! - `mark=item&as=read|unread|saved|unsaved&id=…` (one item per call) and
//!   `mark=feed&as=read&id=…&before=<unix seconds>`.
//!
//! The Fever API has no calls to subscribe, unsubscribe, rename or move
//! feeds: [`Fever::capabilities`](RemoteAccount::capabilities) says so, and
//! those [`RemoteAccount`] methods fail with [`Error::Unsupported`].
//!
//! # Ids
//!
//! Item ids are JSON strings (numbers on some servers), feed and group ids
//! numbers; all are kept as decimal strings. On FreshRSS a Fever item id
//! equals the decimal Google Reader id ([`crate::greader::normalize_item_id`]).

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use md5::{Digest, Md5};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::Value;

use crate::http::{check_server_url, Http};
use crate::{
    de, Capabilities, Error, FetchedItems, HttpOptions, Protocol, RemoteAccount, RemoteFeed, RemoteFolder, RemoteItem,
    Result, SyncCursor,
};

/// The most items a Fever `items` call returns.
pub const ITEMS_PER_PAGE: usize = 50;

/// A state change for one item (`mark=item&as=…`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemMark {
    /// `as=read`.
    Read,
    /// `as=unread`.
    Unread,
    /// `as=saved` (starred).
    Saved,
    /// `as=unsaved` (not starred).
    Unsaved,
}

impl ItemMark {
    fn as_str(self) -> &'static str {
        match self {
            ItemMark::Read => "read",
            ItemMark::Unread => "unread",
            ItemMark::Saved => "saved",
            ItemMark::Unsaved => "unsaved",
        }
    }
}

/// A Fever API account whose key the server accepted.
///
/// ```no_run
/// use byline_accounts::{Fever, RemoteAccount, SyncCursor};
///
/// # async fn demo() -> byline_accounts::Result<()> {
/// let account = Fever::login("https://rss.example.com/api/fever.php", "alice", "api password").await?;
/// let fetched = account.fetch_items(SyncCursor::Start).await?;
/// assert!(account.subscribe("https://example.com/feed.xml", None, None).await.is_err()); // Unsupported
/// # let _ = fetched;
/// # Ok(())
/// # }
/// ```
pub struct Fever {
    http: Http,
    /// The endpoint (`…/api/fever.php`), without a query.
    url: String,
    api_key: String,
}

impl std::fmt::Debug for Fever {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The API key is a password equivalent: never in logs.
        f.debug_struct("Fever").field("url", &self.url).finish_non_exhaustive()
    }
}

impl Fever {
    /// The Fever API key of a user: the hex MD5 of `"user:password"`.
    pub fn api_key(username: &str, password: &str) -> String {
        let digest = Md5::digest(format!("{username}:{password}").as_bytes());
        digest.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// Checks the credentials against the endpoint `url` (for FreshRSS
    /// `https://host/api/fever.php`, for Miniflux `https://host/fever/`),
    /// with [`HttpOptions::default`].
    ///
    /// # Errors
    /// [`Error::Unauthorized`] when the server answers `"auth":0`;
    /// [`Error::InvalidUrl`]/[`Error::InsecureUrl`] for a refused address;
    /// [`Error::Unreachable`] when the server cannot be reached.
    pub async fn login(url: &str, username: &str, password: &str) -> Result<Fever> {
        Self::login_with(url, username, password, &HttpOptions::default()).await
    }

    /// Like [`Fever::login`] with the given HTTP options.
    pub async fn login_with(url: &str, username: &str, password: &str, options: &HttpOptions) -> Result<Fever> {
        Self::with_api_key(url, &Self::api_key(username, password), options).await
    }

    /// Like [`Fever::login`] with a ready API key ([`Fever::api_key`]).
    pub async fn with_api_key(url: &str, api_key: &str, options: &HttpOptions) -> Result<Fever> {
        let base = check_server_url(url)?;
        let http = Http::new(options, &base)?;
        let mut url = base.to_string();
        // check_server_url removed a trailing slash; Miniflux's endpoint is `/fever/`.
        if base.path().is_empty() || url.ends_with("/fever") {
            url.push('/');
        }
        let fever = Fever { http, url, api_key: api_key.to_owned() };
        fever.check().await?;
        Ok(fever)
    }

    /// One call: `POST <url>?api[&query]` with the key and `form`.
    async fn call<T: DeserializeOwned>(&self, query: &str, form: &[(&str, &str)]) -> Result<T> {
        let what = if query.is_empty() { "api".to_owned() } else { format!("api&{query}") };
        let mut fields = vec![("api_key", self.api_key.as_str())];
        fields.extend_from_slice(form);
        let request = self.http.client().post(format!("{}?{what}", self.url)).form(&fields);
        let reply = self.http.send(request).await?.check_status(&what)?;
        let value: Value = reply.json(&what)?;
        match value.get("auth").and_then(|a| a.as_i64().or_else(|| a.as_str().and_then(|s| s.parse().ok()))) {
            Some(1) => {}
            Some(_) => return Err(Error::Unauthorized),
            None => {
                return Err(Error::ServerError(format!("the answer to {what} has no \"auth\": {}", reply.snippet())))
            }
        }
        serde_json::from_value(value).map_err(|e| Error::ServerError(format!("unexpected answer to {what}: {e}")))
    }

    async fn check(&self) -> Result<()> {
        let _: Value = self.call("", &[]).await?;
        Ok(())
    }

    /// Every group (folder).
    pub async fn groups(&self) -> Result<Vec<RemoteFolder>> {
        let answer: Groups = self.call("groups", &[]).await?;
        Ok(answer
            .groups
            .into_iter()
            .map(|g| RemoteFolder { remote_id: g.id, title: g.title.unwrap_or_default() })
            .collect())
    }

    /// Every feed, with the groups it is in.
    pub async fn list_feeds(&self) -> Result<Vec<RemoteFeed>> {
        let answer: Feeds = self.call("feeds", &[]).await?;
        Ok(answer.into_remote())
    }

    async fn items(&self, query: &str) -> Result<Vec<RemoteItem>> {
        let answer: Items = self.call(query, &[]).await?;
        Ok(answer.items.into_iter().map(FeverItem::into_remote).collect())
    }

    /// One page of at most [`ITEMS_PER_PAGE`] items with ids above
    /// `since_id`, oldest first.
    pub async fn items_since(&self, since_id: i64) -> Result<Vec<RemoteItem>> {
        self.items(&format!("items&since_id={since_id}")).await
    }

    /// One page of at most [`ITEMS_PER_PAGE`] items with ids below `max_id`,
    /// newest first (to walk back in history).
    pub async fn items_before(&self, max_id: i64) -> Result<Vec<RemoteItem>> {
        self.items(&format!("items&max_id={max_id}")).await
    }

    /// The items with these ids (in calls of [`ITEMS_PER_PAGE`]).
    pub async fn items_with_ids(&self, ids: &[String]) -> Result<Vec<RemoteItem>> {
        let mut items = Vec::with_capacity(ids.len());
        for batch in ids.chunks(ITEMS_PER_PAGE) {
            items.extend(self.items(&format!("items&with_ids={}", batch.join(","))).await?);
        }
        Ok(items)
    }

    /// The ids of every unread item.
    pub async fn unread_item_ids(&self) -> Result<Vec<String>> {
        let answer: IdLists = self.call("unread_item_ids", &[]).await?;
        Ok(split_ids(answer.unread_item_ids.as_deref()))
    }

    /// The ids of every saved (starred) item.
    pub async fn saved_item_ids(&self) -> Result<Vec<String>> {
        let answer: IdLists = self.call("saved_item_ids", &[]).await?;
        Ok(split_ids(answer.saved_item_ids.as_deref()))
    }

    /// Marks one item.
    pub async fn mark_item(&self, id: &str, mark: ItemMark) -> Result<()> {
        let _: Value = self.call("", &[("mark", "item"), ("as", mark.as_str()), ("id", id)]).await?;
        Ok(())
    }

    /// Marks the items of a feed read, up to `before`. Fever counts in whole
    /// seconds, so `before` is rounded up to the next second: items stored
    /// in the same second as `before` are marked too.
    pub async fn mark_feed(&self, feed_id: &str, before: DateTime<Utc>) -> Result<()> {
        let secs = before.timestamp() + i64::from(before.timestamp_subsec_nanos() > 0);
        let before = secs.max(0).to_string();
        let _: Value = self.call("", &[("mark", "feed"), ("as", "read"), ("id", feed_id), ("before", &before)]).await?;
        Ok(())
    }

    async fn mark_items(&self, ids: &[String], mark: ItemMark) -> Result<()> {
        for id in ids {
            self.mark_item(id, mark).await?;
        }
        Ok(())
    }

    /// A [`SyncCursor::Recent`] fetch: the newest `max_items` items (pages
    /// by `max_id`, newest first) and every saved one. The Fever API cannot
    /// ask by date, so only the count limits it.
    async fn fetch_recent(&self, max_items: usize, since: SyncCursor) -> Result<FetchedItems> {
        let mut items = Vec::new();
        let mut max_id = i64::MAX;
        while items.len() < max_items {
            let page = self.items_before(max_id).await?;
            let below = max_id;
            match page.iter().filter_map(|i| i.remote_id.parse::<i64>().ok()).min() {
                // Stop on an empty page, and on a server that ignores max_id.
                Some(oldest) if oldest < max_id => max_id = oldest,
                _ => break,
            }
            items.extend(page.into_iter().filter(|i| i.remote_id.parse::<i64>().map_or(true, |id| id < below)));
        }
        let saved = self.saved_item_ids().await?;
        let old_saved = crate::model::limit_first_fetch(max_items, &mut items, |i| i.remote_id.as_str(), &saved);
        items.extend(self.items_with_ids(&old_saved).await?);
        let newest = items.iter().filter_map(|i| i.remote_id.parse::<i64>().ok()).max();
        Ok(FetchedItems { items, cursor: newest.map_or(since, SyncCursor::After) })
    }
}

#[async_trait]
impl RemoteAccount for Fever {
    fn protocol(&self) -> Protocol {
        Protocol::Fever
    }

    fn capabilities(&self) -> Capabilities {
        Protocol::Fever.capabilities()
    }

    async fn check_auth(&self) -> Result<()> {
        self.check().await
    }

    async fn folders(&self) -> Result<Vec<RemoteFolder>> {
        self.groups().await
    }

    async fn feeds(&self) -> Result<Vec<RemoteFeed>> {
        self.list_feeds().await
    }

    async fn fetch_items(&self, since: SyncCursor) -> Result<FetchedItems> {
        let start = match since {
            SyncCursor::Start => 0,
            SyncCursor::After(id) => id,
            SyncCursor::Recent { max_items, .. } => return self.fetch_recent(max_items, since).await,
        };
        let mut since_id = start;
        let mut items = Vec::new();
        loop {
            let page = self.items_since(since_id).await?;
            let newest = page.iter().filter_map(|i| i.remote_id.parse::<i64>().ok()).max();
            match newest {
                // Stop on an empty page, and on a server that ignores since_id.
                Some(n) if n > since_id => since_id = n,
                _ => break,
            }
            items.extend(page.into_iter().filter(|i| i.remote_id.parse::<i64>().map_or(true, |id| id > start)));
        }
        let cursor = if since_id > start { SyncCursor::After(since_id) } else { since };
        Ok(FetchedItems { items, cursor })
    }

    async fn unread_ids(&self) -> Result<Vec<String>> {
        self.unread_item_ids().await
    }

    async fn starred_ids(&self) -> Result<Vec<String>> {
        self.saved_item_ids().await
    }

    async fn set_read(&self, item_ids: &[String], read: bool) -> Result<()> {
        self.mark_items(item_ids, if read { ItemMark::Read } else { ItemMark::Unread }).await
    }

    async fn set_starred(&self, item_ids: &[String], starred: bool) -> Result<()> {
        self.mark_items(item_ids, if starred { ItemMark::Saved } else { ItemMark::Unsaved }).await
    }

    async fn mark_feed_read(&self, feed_id: &str, before: DateTime<Utc>) -> Result<()> {
        self.mark_feed(feed_id, before).await
    }
}

// ------------------------------------------------------------------ parsing

/// Canonical decimal form of a Fever id (verbatim when not a number).
fn normalize_id(id: &str) -> String {
    let id = id.trim();
    id.parse::<u64>().map(|n| n.to_string()).unwrap_or_else(|_| id.to_owned())
}

/// `"1,2,3"` → `["1","2","3"]`; empty or absent → `[]`.
fn split_ids(list: Option<&str>) -> Vec<String> {
    list.unwrap_or_default().split(',').map(str::trim).filter(|s| !s.is_empty()).map(normalize_id).collect()
}

#[derive(Deserialize)]
struct Groups {
    #[serde(default)]
    groups: Vec<Group>,
}

#[derive(Deserialize)]
struct Group {
    #[serde(deserialize_with = "de::string")]
    id: String,
    #[serde(default)]
    title: Option<String>,
}

#[derive(Deserialize)]
struct FeedsGroup {
    #[serde(deserialize_with = "de::string")]
    group_id: String,
    #[serde(default, deserialize_with = "de::opt_string")]
    feed_ids: Option<String>,
}

#[derive(Deserialize)]
struct Feeds {
    #[serde(default)]
    feeds: Vec<FeverFeed>,
    #[serde(default)]
    feeds_groups: Vec<FeedsGroup>,
}

#[derive(Deserialize)]
struct FeverFeed {
    #[serde(deserialize_with = "de::string")]
    id: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    site_url: Option<String>,
}

impl Feeds {
    fn into_remote(self) -> Vec<RemoteFeed> {
        let memberships: Vec<(String, Vec<String>)> =
            self.feeds_groups.into_iter().map(|g| (g.group_id, split_ids(g.feed_ids.as_deref()))).collect();
        self.feeds
            .into_iter()
            .map(|f| {
                let id = normalize_id(&f.id);
                let folders = memberships
                    .iter()
                    .filter(|(_, feeds)| feeds.contains(&id))
                    .map(|(group, _)| normalize_id(group))
                    .collect();
                let url = f.url.unwrap_or_default();
                RemoteFeed {
                    title: f.title.filter(|t| !t.is_empty()).unwrap_or_else(|| url.clone()),
                    remote_id: id,
                    url,
                    site_url: f.site_url.filter(|u| !u.is_empty()),
                    folders,
                }
            })
            .collect()
    }
}

#[derive(Deserialize)]
struct Items {
    #[serde(default)]
    items: Vec<FeverItem>,
}

#[derive(Deserialize)]
struct FeverItem {
    #[serde(deserialize_with = "de::string")]
    id: String,
    #[serde(deserialize_with = "de::string")]
    feed_id: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    html: Option<String>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default, deserialize_with = "de::flag")]
    is_saved: bool,
    #[serde(default, deserialize_with = "de::flag")]
    is_read: bool,
    #[serde(default, deserialize_with = "de::opt_i64")]
    created_on_time: Option<i64>,
}

impl FeverItem {
    fn into_remote(self) -> RemoteItem {
        RemoteItem {
            remote_id: normalize_id(&self.id),
            remote_feed_id: normalize_id(&self.feed_id),
            title: self.title.unwrap_or_default(),
            url: self.url.filter(|u| !u.is_empty()),
            author: self.author.filter(|a| !a.is_empty()),
            content_html: self.html.unwrap_or_default(),
            published: self.created_on_time.filter(|&t| t > 0).and_then(|t| DateTime::from_timestamp(t, 0)),
            read: self.is_read,
            starred: self.is_saved,
        }
    }
}

#[derive(Deserialize)]
struct IdLists {
    #[serde(default, deserialize_with = "de::opt_string")]
    unread_item_ids: Option<String>,
    #[serde(default, deserialize_with = "de::opt_string")]
    saved_item_ids: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_key_is_md5_of_user_colon_password() {
        assert_eq!(Fever::api_key("alice", "apipass123"), "292de5f14f0f0a31122988ee2087bf7e");
    }

    #[test]
    fn groups_and_feeds() {
        let groups: Groups = serde_json::from_str(r#"{"api_version":3,"auth":1,"last_refreshed_on_time":1796179370,"groups":[{"id":2,"title":"Fixtures"},{"id":1,"title":"Uncategorized"}],"feeds_groups":[{"group_id":2,"feed_ids":"2"},{"group_id":1,"feed_ids":"1"}]}"#).unwrap();
        assert_eq!((groups.groups[0].id.as_str(), groups.groups[0].title.as_deref()), ("2", Some("Fixtures")));

        let feeds: Feeds = serde_json::from_str(r#"{"api_version":3,"auth":1,"feeds":[{"id":2,"favicon_id":2,"title":"Fixture Atom","url":"http:\/\/127.0.0.1:8192\/atom.xml","site_url":"http:\/\/127.0.0.1:8182\/","is_spark":0,"last_updated_on_time":1796179370},{"id":1,"favicon_id":1,"title":"Fixture RSS Feed","url":"http:\/\/127.0.0.1:8192\/rss.xml","site_url":"","is_spark":0,"last_updated_on_time":1796179370}],"feeds_groups":[{"group_id":2,"feed_ids":"2"},{"group_id":1,"feed_ids":"1,12"}]}"#).unwrap();
        let feeds = feeds.into_remote();
        assert_eq!(
            feeds[0],
            RemoteFeed {
                remote_id: "2".into(),
                title: "Fixture Atom".into(),
                url: "http://127.0.0.1:8192/atom.xml".into(),
                site_url: Some("http://127.0.0.1:8182/".into()),
                folders: vec!["2".into()],
            }
        );
        assert_eq!((feeds[1].folders.as_slice(), feeds[1].site_url.as_deref()), (["1".to_owned()].as_slice(), None));
    }

    #[test]
    fn items_with_string_ids() {
        let json = r#"{"api_version":3,"auth":1,"total_items":6,"items":[{"id":"1796179369032599","feed_id":1,"title":"RSS item 1","author":"","html":"<p>Body 1<\/p>","url":"http:\/\/127.0.0.1:8192\/rss\/1","is_saved":0,"is_read":1,"created_on_time":1704103200},{"id":1796179369032600,"feed_id":"1","title":"RSS item 2","author":"Jane","html":"","url":"","is_saved":true,"is_read":false,"created_on_time":0}]}"#;
        let items: Vec<RemoteItem> =
            serde_json::from_str::<Items>(json).unwrap().items.into_iter().map(FeverItem::into_remote).collect();
        assert_eq!(
            items[0],
            RemoteItem {
                remote_id: "1796179369032599".into(),
                remote_feed_id: "1".into(),
                title: "RSS item 1".into(),
                url: Some("http://127.0.0.1:8192/rss/1".into()),
                author: None,
                content_html: "<p>Body 1</p>".into(),
                published: DateTime::from_timestamp(1704103200, 0),
                read: true,
                starred: false,
            }
        );
        let second = &items[1];
        assert_eq!(
            (second.remote_id.as_str(), second.author.as_deref(), second.url.as_deref()),
            ("1796179369032600", Some("Jane"), None)
        );
        assert!(second.starred && !second.read && second.published.is_none());
    }

    #[test]
    fn id_lists() {
        let lists: IdLists = serde_json::from_str(
            r#"{"api_version":3,"auth":1,"unread_item_ids":"1796179369032599,1796179369032601","saved_item_ids":""}"#,
        )
        .unwrap();
        assert_eq!(split_ids(lists.unread_item_ids.as_deref()), ["1796179369032599", "1796179369032601"]);
        assert!(split_ids(lists.saved_item_ids.as_deref()).is_empty());
        assert_eq!(split_ids(Some("7")), ["7"]);
    }
}
