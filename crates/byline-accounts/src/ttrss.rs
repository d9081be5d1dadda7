//! A Tiny Tiny RSS API client ([`TtRss`]), written from the protocol as
//! tt-rss 21 (API level 15) speaks it.
//!
//! # The calls it makes
//!
//! Every call is a `POST <base>/api/` whose body is one JSON object: the
//! operation (`"op"`), the session id (`"sid"`) and the operation's fields.
//! Every answer is `{"seq": n, "status": 0|1, "content": …}`: status `0`
//! carries the result in `content`, status `1` an error code in
//! `content.error`.
//!
//! - `login` (`user`, `password`) → `session_id`, `api_level`. A wrong user
//!   name or password is `LOGIN_ERROR` ([`Error::Unauthorized`]); a user
//!   without API access is `API_DISABLED` ([`Error::Protocol`], saying how to
//!   enable it). A session that expired is `NOT_LOGGED_IN`: the client logs
//!   in again once and repeats the call.
//! - `getCategories` (`include_empty`) → folders; `getFeeds` (`cat_id=-3`:
//!   every real feed) → feeds with their category.
//! - `getHeadlines` pages of at most [`HEADLINES_PER_PAGE`] (`limit`, `skip`):
//!   `feed_id=-4` (all articles) `since_id=<cursor>` with content for new
//!   items (a first fetch, [`SyncCursor::Recent`]: the newest pages, in
//!   tt-rss's default order, up to its count); `view_mode=unread` for the
//!   unread ids; `feed_id=-1` (the starred virtual feed) for the starred ids
//!   (and a first fetch's older starred items).
//! - `updateArticle` (`article_ids` comma-separated, `field` 2 = unread or
//!   0 = starred, `mode` 1 = set or 0 = clear).
//! - `subscribeToFeed` (`feed_url`, `category_id`), `unsubscribeFeed`
//!   (`feed_id`), `catchupFeed` (`feed_id`).
//!
//! The API cannot create categories, rename feeds or move them:
//! [`TtRss::capabilities`](RemoteAccount::capabilities) says so, and
//! [`RemoteAccount::subscribe`] only puts a feed in a category that exists
//! (its `title` argument is ignored: tt-rss takes the feed's own title).
//!
//! # Ids
//!
//! Article, feed and category ids are integers (some versions send them as
//! strings); all are kept as decimal strings. The [`SyncCursor`] is the
//! largest article id seen. Negative feed ids are virtual feeds (-1 starred,
//! -4 all articles…) and negative category ids virtual categories; neither is
//! reported as a feed or folder.

use std::sync::Mutex;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde::Deserialize;
use serde_json::{json, Map, Value};

use crate::http::{check_server_url, Http};
use crate::{
    de, Capabilities, Error, FetchedItems, HttpOptions, Protocol, RemoteAccount, RemoteFeed, RemoteFolder, RemoteItem,
    Result, SyncCursor,
};

/// The most headlines one `getHeadlines` call returns (the server's cap).
pub const HEADLINES_PER_PAGE: usize = 200;

/// The most article ids sent in one `updateArticle` call.
const IDS_PER_UPDATE: usize = 500;

/// The virtual feed of every article.
const ALL_ARTICLES: i64 = -4;
/// The virtual feed of starred articles.
const STARRED: i64 = -1;

/// A Tiny Tiny RSS account that is logged in.
///
/// ```no_run
/// use byline_accounts::{RemoteAccount, SyncCursor, TtRss};
///
/// # async fn demo() -> byline_accounts::Result<()> {
/// let account = TtRss::login("https://rss.example.com/tt-rss/", "alice", "secret").await?;
/// let fetched = account.fetch_items(SyncCursor::Start).await?;
/// account.set_starred(&[fetched.items[0].remote_id.clone()], true).await?;
/// # Ok(())
/// # }
/// ```
pub struct TtRss {
    http: Http,
    /// The API endpoint, `…/api/`.
    url: String,
    user: String,
    /// Kept to log in again when the session expires.
    password: String,
    session: Mutex<String>,
    api_level: i64,
}

impl std::fmt::Debug for TtRss {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The password and the session id are secrets: never in logs.
        f.debug_struct("TtRss")
            .field("url", &self.url)
            .field("user", &self.user)
            .field("api_level", &self.api_level)
            .finish_non_exhaustive()
    }
}

/// An answer of the API: its content, or its error code.
enum Answer {
    Ok(Value),
    Failed { code: String, content: Value },
}

impl TtRss {
    /// Logs in at the tt-rss installation `url` (its web address, such as
    /// `https://host/tt-rss/`, or its API endpoint `…/api/`), with
    /// [`HttpOptions::default`].
    ///
    /// # Errors
    /// [`Error::Unauthorized`] for a wrong user name or password;
    /// [`Error::Protocol`] when the user's API access is disabled;
    /// [`Error::InvalidUrl`]/[`Error::InsecureUrl`] for a refused address;
    /// [`Error::Unreachable`] when the server cannot be reached.
    pub async fn login(url: &str, username: &str, password: &str) -> Result<TtRss> {
        Self::login_with(url, username, password, &HttpOptions::default()).await
    }

    /// Like [`TtRss::login`] with the given HTTP options.
    pub async fn login_with(url: &str, username: &str, password: &str, options: &HttpOptions) -> Result<TtRss> {
        let base = check_server_url(url)?;
        let http = Http::new(options, &base)?;
        let mut url = base.to_string();
        if !url.ends_with("/api") {
            url.push_str(if url.ends_with('/') { "api" } else { "/api" });
        }
        url.push('/');
        let mut account = TtRss {
            http,
            url,
            user: username.to_owned(),
            password: password.to_owned(),
            session: Mutex::new(String::new()),
            api_level: 0,
        };
        let session = account.open_session().await?;
        account.api_level = session.api_level.unwrap_or(0);
        *account.session.lock().unwrap() = session.session_id;
        Ok(account)
    }

    /// The API level the server reported at login (15 for tt-rss 21).
    pub fn api_level(&self) -> i64 {
        self.api_level
    }

    /// The API endpoint the client talks to (`…/api/`).
    pub fn api_url(&self) -> &str {
        &self.url
    }

    /// Sends one operation with `sid` (none for `login`).
    async fn send(&self, op: &str, fields: &Value, sid: Option<&str>) -> Result<Answer> {
        let mut body = Map::new();
        body.insert("op".to_owned(), Value::from(op));
        if let Some(sid) = sid {
            body.insert("sid".to_owned(), Value::from(sid));
        }
        if let Value::Object(fields) = fields {
            body.extend(fields.iter().map(|(k, v)| (k.clone(), v.clone())));
        }
        let body = serde_json::to_vec(&body).map_err(|e| Error::Protocol(format!("{op}: {e}")))?;
        let request =
            self.http.client().post(&self.url).header(reqwest::header::CONTENT_TYPE, "application/json").body(body);
        let reply = self.http.send(request).await?.check_status(op)?;
        let envelope: Envelope = reply.json(op)?;
        Ok(envelope.into_answer())
    }

    /// `login`, returning the new session.
    async fn open_session(&self) -> Result<Session> {
        let fields = json!({ "user": self.user, "password": self.password });
        match self.send("login", &fields, None).await? {
            Answer::Ok(content) => decode("login", content),
            Answer::Failed { code, content } => Err(api_error("login", &code, &content)),
        }
    }

    /// One operation with the session, logging in again once when the
    /// session expired.
    async fn call<T: DeserializeOwned>(&self, op: &str, fields: Value) -> Result<T> {
        let sid = self.session.lock().unwrap().clone();
        let answer = match self.send(op, &fields, Some(&sid)).await? {
            Answer::Failed { code, .. } if code == "NOT_LOGGED_IN" => {
                let session = self.open_session().await?;
                *self.session.lock().unwrap() = session.session_id.clone();
                self.send(op, &fields, Some(&session.session_id)).await?
            }
            answer => answer,
        };
        match answer {
            Answer::Ok(content) => decode(op, content),
            Answer::Failed { code, content } => Err(api_error(op, &code, &content)),
        }
    }

    /// Every real category (folder), empty ones included.
    pub async fn categories(&self) -> Result<Vec<RemoteFolder>> {
        let categories: Vec<Category> = self.call("getCategories", json!({ "include_empty": true })).await?;
        Ok(categories.into_iter().filter_map(Category::into_remote).collect())
    }

    /// Every real feed, with its category.
    pub async fn list_feeds(&self) -> Result<Vec<RemoteFeed>> {
        let feeds: Vec<Feed> = self.call("getFeeds", json!({ "cat_id": -3 })).await?;
        Ok(feeds.into_iter().filter_map(Feed::into_remote).collect())
    }

    /// One page of headlines: `fields` plus the paging.
    async fn headlines(&self, mut fields: Value, skip: usize) -> Result<Vec<Headline>> {
        fields["limit"] = Value::from(HEADLINES_PER_PAGE);
        fields["skip"] = Value::from(skip);
        self.call("getHeadlines", fields).await
    }

    /// Every headline for `fields`, page by page (without duplicates, should
    /// a page shift while the pages are read).
    async fn all_headlines(&self, fields: Value) -> Result<Vec<Headline>> {
        let mut all: Vec<Headline> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut skip = 0;
        loop {
            let page = self.headlines(fields.clone(), skip).await?;
            let full = page.len() >= HEADLINES_PER_PAGE;
            skip += page.len();
            all.extend(page.into_iter().filter(|h| seen.insert(h.id.clone())));
            if !full {
                return Ok(all);
            }
        }
    }

    /// The ids of the headlines of `feed_id` in `view_mode`, without content.
    async fn headline_ids(&self, feed_id: &str, view_mode: &str) -> Result<Vec<Headline>> {
        self.all_headlines(json!({
            "feed_id": feed_id,
            "view_mode": view_mode,
            "show_content": false,
            "show_excerpt": false,
        }))
        .await
    }

    /// A [`SyncCursor::Recent`] fetch: the newest `max_items` articles (by
    /// the time tt-rss stored them, page by page) and every starred one.
    /// `getHeadlines` cannot ask by date, so only the count limits it.
    async fn fetch_recent(&self, max_items: usize, since: SyncCursor) -> Result<FetchedItems> {
        let fields = articles_with_content(ALL_ARTICLES);
        let mut recent: Vec<Headline> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut skip = 0;
        while recent.len() < max_items {
            let page = self.headlines(fields.clone(), skip).await?;
            let full = page.len() >= HEADLINES_PER_PAGE;
            skip += page.len();
            recent.extend(page.into_iter().filter(|h| seen.insert(h.id.clone())));
            if !full {
                break;
            }
        }
        let starred = self.starred_ids().await?;
        let old_starred = crate::model::limit_first_fetch(max_items, &mut recent, |h| h.id.as_str(), &starred);
        if !old_starred.is_empty() {
            let old_starred: std::collections::HashSet<String> = old_starred.into_iter().collect();
            let fields = articles_with_content(STARRED);
            let mut starred = self.all_headlines(fields).await?;
            starred.retain(|h| old_starred.contains(&h.id));
            recent.extend(starred);
        }
        let newest = recent.iter().filter_map(|h| h.id.trim().parse::<i64>().ok()).max();
        let items = recent.into_iter().map(Headline::into_remote).collect();
        Ok(FetchedItems { items, cursor: newest.map_or(since, SyncCursor::After) })
    }

    /// Sets (`on`) or clears a field (`2` unread, `0` starred) of articles.
    async fn update_articles(&self, ids: &[String], field: u8, on: bool) -> Result<()> {
        for id in ids {
            if id.parse::<u64>().is_err() {
                return Err(Error::Protocol(format!("{id:?} is not a Tiny Tiny RSS article id")));
            }
        }
        for batch in ids.chunks(IDS_PER_UPDATE) {
            let fields = json!({ "article_ids": batch.join(","), "field": field, "mode": u8::from(on) });
            let _: Value = self.call("updateArticle", fields).await?;
        }
        Ok(())
    }

    /// Marks every article of a feed read, whatever its date (`catchupFeed`).
    pub async fn catchup_feed(&self, feed_id: &str) -> Result<()> {
        let _: Value = self.call("catchupFeed", json!({ "feed_id": feed_id, "is_cat": false })).await?;
        Ok(())
    }

    /// The id of the category named `title`.
    async fn category_id(&self, title: &str) -> Result<String> {
        let categories = self.categories().await?;
        categories.into_iter().find(|c| c.title == title).map(|c| c.remote_id).ok_or_else(|| {
            Error::Protocol(format!(
                "Tiny Tiny RSS has no category named {title:?}, and its API cannot create one: create it in tt-rss first"
            ))
        })
    }
}

#[async_trait]
impl RemoteAccount for TtRss {
    fn protocol(&self) -> Protocol {
        Protocol::TtRss
    }

    fn capabilities(&self) -> Capabilities {
        Protocol::TtRss.capabilities()
    }

    async fn check_auth(&self) -> Result<()> {
        let _: Value = self.call("getApiLevel", json!({})).await?;
        Ok(())
    }

    async fn folders(&self) -> Result<Vec<RemoteFolder>> {
        self.categories().await
    }

    async fn feeds(&self) -> Result<Vec<RemoteFeed>> {
        self.list_feeds().await
    }

    async fn fetch_items(&self, since: SyncCursor) -> Result<FetchedItems> {
        let since_id = match since {
            SyncCursor::Start => 0,
            SyncCursor::After(id) => id.max(0),
            SyncCursor::Recent { max_items, .. } => return self.fetch_recent(max_items, since).await,
        };
        let mut fields = articles_with_content(ALL_ARTICLES);
        fields["since_id"] = json!(since_id);
        let headlines = self.all_headlines(fields).await?;
        // A server that ignored since_id still yields nothing old.
        let items: Vec<RemoteItem> =
            headlines.into_iter().filter(|h| h.numeric_id() > since_id).map(Headline::into_remote).collect();
        let newest = items.iter().filter_map(|i| i.remote_id.parse::<i64>().ok()).max();
        let cursor = match newest {
            Some(n) if n > since_id => SyncCursor::After(n),
            _ => since,
        };
        Ok(FetchedItems { items, cursor })
    }

    async fn unread_ids(&self) -> Result<Vec<String>> {
        let headlines = self.headline_ids(&ALL_ARTICLES.to_string(), "unread").await?;
        Ok(headlines.into_iter().filter(|h| h.unread).map(|h| h.id).collect())
    }

    async fn starred_ids(&self) -> Result<Vec<String>> {
        let headlines = self.headline_ids(&STARRED.to_string(), "all_articles").await?;
        Ok(headlines.into_iter().filter(|h| h.marked).map(|h| h.id).collect())
    }

    async fn set_read(&self, item_ids: &[String], read: bool) -> Result<()> {
        self.update_articles(item_ids, 2, !read).await
    }

    async fn set_starred(&self, item_ids: &[String], starred: bool) -> Result<()> {
        self.update_articles(item_ids, 0, starred).await
    }

    /// tt-rss's `catchupFeed` has no time limit, so this marks read the
    /// unread articles of the feed dated `before` or earlier (the article's
    /// date, which tt-rss sets to the time it stored an undated article).
    /// [`TtRss::catchup_feed`] marks them all.
    async fn mark_feed_read(&self, feed_id: &str, before: DateTime<Utc>) -> Result<()> {
        let limit = before.timestamp();
        let unread = self.headline_ids(feed_id, "unread").await?;
        let ids: Vec<String> =
            unread.into_iter().filter(|h| h.unread && h.updated.unwrap_or(0) <= limit).map(|h| h.id).collect();
        self.set_read(&ids, true).await
    }

    async fn subscribe(&self, url: &str, title: Option<&str>, folder: Option<&str>) -> Result<String> {
        let _ = title; // the API has no way to set it
        let category_id = match folder {
            Some(name) => self.category_id(name).await?,
            None => "0".to_owned(),
        };
        let answer: Subscribed =
            self.call("subscribeToFeed", json!({ "feed_url": url, "category_id": category_id })).await?;
        answer.status.into_result(url)
    }

    async fn unsubscribe(&self, feed_id: &str) -> Result<()> {
        let _: Value = self.call("unsubscribeFeed", json!({ "feed_id": feed_id })).await?;
        Ok(())
    }
}

/// `getHeadlines` fields for every article of `feed_id` (a feed or a
/// virtual feed), read or not, with its content.
fn articles_with_content(feed_id: i64) -> Value {
    json!({
        "feed_id": feed_id,
        "view_mode": "all_articles",
        "show_content": true,
        "include_attachments": false,
    })
}

// ------------------------------------------------------------------ parsing

/// Decodes an answer's content into `T`.
fn decode<T: DeserializeOwned>(op: &str, content: Value) -> Result<T> {
    serde_json::from_value(content).map_err(|e| Error::ServerError(format!("unexpected answer to {op}: {e}")))
}

/// The error for an API error code.
fn api_error(op: &str, code: &str, content: &Value) -> Error {
    match code {
        "LOGIN_ERROR" | "NOT_LOGGED_IN" => Error::Unauthorized,
        "API_DISABLED" => Error::Protocol(
            "API access is disabled for this Tiny Tiny RSS user: turn on \"Enable API\" in tt-rss's \
             Preferences (General)"
                .to_owned(),
        ),
        _ => {
            let detail = content.get("message").and_then(Value::as_str).map(|m| format!(" ({m})")).unwrap_or_default();
            Error::Protocol(format!("{op}: {code}{detail}"))
        }
    }
}

/// `{"seq": …, "status": 0|1, "content": …}`.
#[derive(Deserialize)]
struct Envelope {
    #[serde(default, deserialize_with = "de::opt_i64")]
    status: Option<i64>,
    #[serde(default)]
    content: Value,
}

impl Envelope {
    fn into_answer(self) -> Answer {
        match self.status {
            Some(0) => Answer::Ok(self.content),
            _ => {
                let code = self.content.get("error").and_then(Value::as_str).unwrap_or("UNKNOWN_ERROR").to_owned();
                Answer::Failed { code, content: self.content }
            }
        }
    }
}

#[derive(Deserialize)]
struct Session {
    #[serde(deserialize_with = "de::string")]
    session_id: String,
    #[serde(default, deserialize_with = "de::opt_i64")]
    api_level: Option<i64>,
}

#[derive(Deserialize)]
struct Category {
    #[serde(deserialize_with = "de::string")]
    id: String,
    #[serde(default)]
    title: Option<String>,
}

impl Category {
    /// A real category (positive id); virtual ones are left out.
    fn into_remote(self) -> Option<RemoteFolder> {
        let id = normalize_id(&self.id);
        (id.parse::<i64>().ok()? > 0).then(|| RemoteFolder { remote_id: id, title: self.title.unwrap_or_default() })
    }
}

#[derive(Deserialize)]
struct Feed {
    #[serde(deserialize_with = "de::string")]
    id: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    feed_url: Option<String>,
    #[serde(default, deserialize_with = "de::opt_i64")]
    cat_id: Option<i64>,
    #[serde(default, deserialize_with = "de::flag")]
    is_cat: bool,
}

impl Feed {
    /// A real feed (positive id, with an address); virtual feeds, labels and
    /// nested categories are left out.
    fn into_remote(self) -> Option<RemoteFeed> {
        let id = normalize_id(&self.id);
        if self.is_cat || id.parse::<i64>().ok()? <= 0 {
            return None;
        }
        let url = self.feed_url.filter(|u| !u.is_empty())?;
        Some(RemoteFeed {
            remote_id: id,
            title: self.title.filter(|t| !t.is_empty() && t != "[Unknown]").unwrap_or_else(|| url.clone()),
            url,
            site_url: None,
            folders: self.cat_id.filter(|&c| c > 0).map(|c| c.to_string()).into_iter().collect(),
        })
    }
}

#[derive(Deserialize)]
struct Headline {
    #[serde(deserialize_with = "de::string")]
    id: String,
    #[serde(default, deserialize_with = "de::opt_string")]
    feed_id: Option<String>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    link: Option<String>,
    #[serde(default)]
    author: Option<String>,
    #[serde(default)]
    content: Option<String>,
    #[serde(default, deserialize_with = "de::opt_i64")]
    updated: Option<i64>,
    #[serde(default, deserialize_with = "de::flag")]
    unread: bool,
    #[serde(default, deserialize_with = "de::flag")]
    marked: bool,
}

impl Headline {
    fn numeric_id(&self) -> i64 {
        self.id.trim().parse().unwrap_or(i64::MAX)
    }

    fn into_remote(self) -> RemoteItem {
        RemoteItem {
            remote_id: normalize_id(&self.id),
            remote_feed_id: self.feed_id.as_deref().map(normalize_id).unwrap_or_else(|| "0".to_owned()),
            title: self.title.unwrap_or_default(),
            url: self.link.filter(|u| !u.is_empty()),
            author: self.author.filter(|a| !a.is_empty()),
            content_html: self.content.unwrap_or_default(),
            published: self.updated.filter(|&t| t > 0).and_then(|t| DateTime::from_timestamp(t, 0)),
            read: !self.unread,
            starred: self.marked,
        }
    }
}

/// The answer to `subscribeToFeed`: `{"status": {"code": n, …}}`.
#[derive(Deserialize)]
struct Subscribed {
    status: SubscribeStatus,
}

#[derive(Deserialize)]
struct SubscribeStatus {
    #[serde(deserialize_with = "de::opt_i64", default)]
    code: Option<i64>,
    #[serde(default, deserialize_with = "de::opt_string")]
    feed_id: Option<String>,
    #[serde(default)]
    message: Option<String>,
}

impl SubscribeStatus {
    fn into_result(self, url: &str) -> Result<String> {
        let reason = match self.code {
            Some(1) => {
                return self
                    .feed_id
                    .map(|id| normalize_id(&id))
                    .ok_or_else(|| Error::ServerError("subscribeToFeed: no feed_id in the answer".to_owned()))
            }
            Some(0) => format!("Already subscribed to {url}"),
            Some(2) => format!("{url} is not a valid address"),
            Some(3) => format!("{url} is a web page without a feed"),
            Some(4) => format!("{url} is a web page with several feeds: subscribe to one of them"),
            Some(5) => format!("could not download {url}"),
            Some(6) => format!("{url} is not a valid feed"),
            other => format!("subscribing to {url} failed (code {other:?})"),
        };
        Err(Error::Protocol(match self.message.filter(|m| !m.is_empty()) {
            Some(message) => format!("{reason}: {message}"),
            None => reason,
        }))
    }
}

/// Canonical decimal form of an id (verbatim when not a number).
fn normalize_id(id: &str) -> String {
    let id = id.trim();
    id.parse::<i64>().map(|n| n.to_string()).unwrap_or_else(|_| id.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(json: &str) -> Answer {
        serde_json::from_str::<Envelope>(json).unwrap().into_answer()
    }

    #[test]
    fn envelopes_carry_content_or_an_error_code() {
        let Answer::Ok(content) =
            answer(r#"{"seq":0,"status":0,"content":{"session_id":"vio7tvtvdsogos7fbvq1vrs65e","api_level":15}}"#)
        else {
            panic!("not ok")
        };
        let session: Session = decode("login", content).unwrap();
        assert_eq!((session.session_id.as_str(), session.api_level), ("vio7tvtvdsogos7fbvq1vrs65e", Some(15)));

        // "seq" may be null and "status" a string.
        let Answer::Failed { code, content } =
            answer(r#"{"seq":null,"status":"1","content":{"error":"NOT_LOGGED_IN"}}"#)
        else {
            panic!("not failed")
        };
        assert_eq!(code, "NOT_LOGGED_IN");
        assert!(matches!(api_error("getFeeds", &code, &content), Error::Unauthorized));

        let Answer::Failed { code, content } = answer(r#"{"seq":0,"status":1,"content":{"error":"API_DISABLED"}}"#)
        else {
            panic!("not failed")
        };
        assert!(matches!(api_error("login", &code, &content), Error::Protocol(m) if m.contains("Enable API")));
        assert!(matches!(api_error("login", "LOGIN_ERROR", &Value::Null), Error::Unauthorized));
        let unknown = api_error("bogus", "UNKNOWN_METHOD", &json!({"error": "UNKNOWN_METHOD", "method": "bogus"}));
        assert!(matches!(unknown, Error::Protocol(m) if m == "bogus: UNKNOWN_METHOD"));

        // No status at all is an error too, not a success.
        assert!(matches!(answer(r#"{"content":[]}"#), Answer::Failed { .. }));
    }

    #[test]
    fn categories_and_feeds_leave_virtual_ones_out() {
        let categories: Vec<Category> = serde_json::from_str(
            r#"[{"id":3,"title":"Fixtures","unread":2,"order_id":0},{"id":"4","title":"Más"},{"id":-2,"title":"Labels","unread":0},{"id":-1,"title":"Special","unread":0},{"id":0,"title":"Uncategorized","unread":0}]"#,
        )
        .unwrap();
        let folders: Vec<RemoteFolder> = categories.into_iter().filter_map(Category::into_remote).collect();
        assert_eq!(
            folders,
            [
                RemoteFolder { remote_id: "3".into(), title: "Fixtures".into() },
                RemoteFolder { remote_id: "4".into(), title: "Más".into() }
            ]
        );

        let feeds: Vec<Feed> = serde_json::from_str(
            r#"[{"feed_url":"http:\/\/0.0.0.0\/rss.xml","title":"Fixture RSS","id":1,"unread":0,"has_icon":false,"cat_id":0,"last_updated":0,"order_id":0},
                {"feed_url":"http:\/\/0.0.0.0\/atom.xml","title":"[Unknown]","id":"2","unread":"1","cat_id":"3"},
                {"id":-4,"title":"All articles","unread":0,"cat_id":-1},
                {"id":5,"title":"Nested","is_cat":true,"unread":0}]"#,
        )
        .unwrap();
        let feeds: Vec<RemoteFeed> = feeds.into_iter().filter_map(Feed::into_remote).collect();
        assert_eq!(
            feeds,
            [
                RemoteFeed {
                    remote_id: "1".into(),
                    title: "Fixture RSS".into(),
                    url: "http://0.0.0.0/rss.xml".into(),
                    site_url: None,
                    folders: vec![],
                },
                RemoteFeed {
                    remote_id: "2".into(),
                    title: "http://0.0.0.0/atom.xml".into(),
                    url: "http://0.0.0.0/atom.xml".into(),
                    site_url: None,
                    folders: vec!["3".into()],
                }
            ]
        );
    }

    #[test]
    fn headlines_with_numbers_as_strings() {
        let headlines: Vec<Headline> = serde_json::from_str(
            r#"[{"id":1,"guid":"{\"ver\":2,\"uid\":2,\"hash\":\"SHA1:b2e2\"}","unread":true,"marked":false,"published":false,"updated":1704106800,"is_updated":false,"title":"RSS item 1","link":"http:\/\/0.0.0.0\/rss\/1","feed_id":1,"tags":[""],"attachments":[],"content":"<p>Body 1<\/p>","labels":[],"feed_title":"Fixture RSS","author":"","score":0,"note":null,"lang":""},
                {"id":"12","unread":"f","marked":"1","updated":"1704110400","title":"Two","link":"","feed_id":"7","author":"Ann","content":""},
                {"id":13,"unread":false,"marked":false,"title":"Archived","feed_id":null}]"#,
        )
        .unwrap();
        let items: Vec<RemoteItem> = headlines.into_iter().map(Headline::into_remote).collect();
        assert_eq!(
            items[0],
            RemoteItem {
                remote_id: "1".into(),
                remote_feed_id: "1".into(),
                title: "RSS item 1".into(),
                url: Some("http://0.0.0.0/rss/1".into()),
                author: None,
                content_html: "<p>Body 1</p>".into(),
                published: DateTime::from_timestamp(1704106800, 0),
                read: false,
                starred: false,
            }
        );
        let two = &items[1];
        assert_eq!((two.remote_id.as_str(), two.remote_feed_id.as_str(), two.url.as_deref()), ("12", "7", None));
        assert_eq!((two.author.as_deref(), two.published), (Some("Ann"), DateTime::from_timestamp(1704110400, 0)));
        assert!(two.read && two.starred);
        assert_eq!((items[2].remote_feed_id.as_str(), items[2].published), ("0", None));
    }

    #[test]
    fn subscribe_answers() {
        let status = |json: &str| serde_json::from_str::<Subscribed>(json).unwrap().status.into_result("http://x/f");
        assert_eq!(status(r#"{"status":{"code":1,"feed_id":3}}"#).unwrap(), "3");
        assert!(
            matches!(status(r#"{"status":{"code":"0","feed_id":3}}"#), Err(Error::Protocol(m)) if m.contains("Already"))
        );
        assert!(matches!(
            status(r#"{"status":{"code":5,"message":"HTTP\/1.0 404 File not found"}}"#),
            Err(Error::Protocol(m)) if m == "could not download http://x/f: HTTP/1.0 404 File not found"
        ));
        assert!(matches!(status(r#"{"status":{"code":4,"feeds":{"a":"b"}}}"#), Err(Error::Protocol(_))));
    }
}
