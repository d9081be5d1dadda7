//! A Google Reader API client ([`GReader`]), as spoken by FreshRSS, Miniflux,
//! Inoreader, The Old Reader and BazQux.
//!
//! # The calls it makes
//!
//! - Login: `POST accounts/ClientLogin` with `Email` and `Passwd`; the answer's
//!   `Auth=` line is sent as `Authorization: GoogleLogin auth=<Auth>` on every
//!   later call. The token can be kept and the session resumed later without
//!   a login ([`GReader::resume`]), which logs in again, once, when the
//!   server refuses the kept token.
//! - Every modifying call is a POST carrying the `T` token from
//!   `reader/api/0/token`; the token is cached, and fetched again once when a
//!   POST answers `401`.
//! - Subscriptions and folders: `subscription/list?output=json`,
//!   `tag/list?output=json` (labels of type `tag` are user tags, not folders).
//! - Items: `stream/items/ids` (the reading list, since `ot=<unix seconds>`;
//!   `xt=…/read` for the unread ids, `s=…/starred` for the starred ids),
//!   following `continuation` and stopping on an empty page, then
//!   `POST stream/items/contents` with `i=` in batches of
//!   [`ITEMS_PER_REQUEST`].
//! - States: `edit-tag` with `a=`/`r=` and repeated `i=`; `mark-all-as-read`.
//! - Subscriptions: `subscription/quickadd` (which answers HTTP 200 with
//!   `{"numResults":0,"error":…}` on failure, as `text/html`) and
//!   `subscription/edit` (`ac=subscribe|unsubscribe|edit`).
//!
//! # Item ids
//!
//! The API has two forms for one item: the decimal form of `itemRefs`
//! (`"1796179370429691"`, a signed 64-bit number) and the long form of
//! `stream/contents` (`tag:google.com,2005:reader/item/0006619d9953ccfb`, the
//! same 64 bits in 16 hex digits). This client normalises both to the
//! **decimal** form ([`normalize_item_id`]): it is shorter, it is what
//! `itemRefs` gives, and on FreshRSS it equals the Fever item id. A long form
//! whose tail is not 16 hex digits (The Old Reader uses 24) is kept verbatim.
//! Servers accept both forms in `edit-tag` and `items/contents`.

use std::sync::Mutex;

use async_trait::async_trait;
use chrono::{DateTime, Utc};
use reqwest::header::AUTHORIZATION;
use reqwest::StatusCode;
use serde::Deserialize;

use crate::http::{check_server_url, is_refused, Http, Reply};
use crate::{
    de, Capabilities, Error, FetchedItems, HttpOptions, Protocol, RemoteAccount, RemoteFeed, RemoteFolder, RemoteItem,
    Result, SyncCursor,
};

/// The stream of every item of every subscription.
pub const READING_LIST: &str = "user/-/state/com.google/reading-list";
/// The state (tag) of read items.
pub const STATE_READ: &str = "user/-/state/com.google/read";
/// The state (tag) of starred items.
pub const STATE_STARRED: &str = "user/-/state/com.google/starred";
/// How many item ids go in one `items/contents` or `edit-tag` request.
pub const ITEMS_PER_REQUEST: usize = 100;
/// How many ids one `stream/items/ids` page asks for. Every sync reads the
/// server's whole unread list (read state changed elsewhere comes back that
/// way), so one page holds a big list: ~50 bytes an id, 10,000 ids ~0.5 MB.
/// A server that gives fewer (Inoreader: 1,000) sends a continuation.
pub const IDS_PER_PAGE: usize = 10_000;
/// The prefix of the long item id form.
const LONG_ID_PREFIX: &str = "tag:google.com,2005:reader/item/";

/// Normalises an item id to the decimal form (see the [module docs](self)).
///
/// `tag:google.com,2005:reader/item/<16 hex>` becomes the signed decimal of
/// those 64 bits; a decimal stays decimal (canonicalised: no leading zeros,
/// values above `i64::MAX` wrapped to their signed form); anything else is
/// returned unchanged.
pub fn normalize_item_id(id: &str) -> String {
    let id = id.trim();
    if let Some(hex) = id.strip_prefix(LONG_ID_PREFIX) {
        if hex.len() == 16 {
            if let Ok(bits) = u64::from_str_radix(hex, 16) {
                return (bits as i64).to_string();
            }
        }
        return id.to_owned();
    }
    if let Ok(n) = id.parse::<i64>() {
        return n.to_string();
    }
    if let Ok(n) = id.parse::<u64>() {
        return (n as i64).to_string();
    }
    id.to_owned()
}

/// The long form `tag:google.com,2005:reader/item/<16 hex>` of a decimal item
/// id; other ids are returned unchanged.
pub fn long_item_id(id: &str) -> String {
    match id.trim().parse::<i64>() {
        Ok(n) => format!("{LONG_ID_PREFIX}{:016x}", n as u64),
        Err(_) => id.to_owned(),
    }
}

/// The label (folder) id for a folder name: `user/-/label/<name>`.
pub fn label_id(name: &str) -> String {
    format!("user/-/label/{name}")
}

/// A logged-in Google Reader API account.
///
/// ```no_run
/// use byline_accounts::{GReader, RemoteAccount, SyncCursor};
///
/// # async fn demo() -> byline_accounts::Result<()> {
/// let account = GReader::login("https://rss.example.com/api/greader.php", "alice", "api password").await?;
/// let feeds = account.feeds().await?;
/// let fetched = account.fetch_items(SyncCursor::Start).await?;
/// // ... store feeds and fetched.items, keep fetched.cursor for next time ...
/// # let _ = (feeds, fetched);
/// # Ok(())
/// # }
/// ```
pub struct GReader {
    http: Http,
    /// The API base (`…/api/greader.php`), without a trailing slash.
    base: String,
    /// The `Auth` token (replaced when [`GReader::resume`]'s login is used).
    auth: Mutex<String>,
    token: Mutex<Option<String>>,
    /// What logs in again when a resumed session's token is refused;
    /// taken by that one login.
    relogin: Mutex<Option<Login>>,
}

/// A user name and password, kept to log in again (never in logs).
struct Login {
    username: String,
    password: String,
}

impl std::fmt::Debug for GReader {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        // The Auth and T tokens are secrets: never in logs.
        f.debug_struct("GReader").field("base", &self.base).finish_non_exhaustive()
    }
}

impl GReader {
    /// Logs in with [`HttpOptions::default`]. `base_url` is the API root: for
    /// FreshRSS `https://host/api/greader.php`, for Miniflux `https://host`,
    /// for Inoreader `https://www.inoreader.com`.
    ///
    /// # Errors
    /// [`Error::Unauthorized`] for a wrong user name or password;
    /// [`Error::InvalidUrl`]/[`Error::InsecureUrl`] for a refused address;
    /// [`Error::Unreachable`] when the server cannot be reached.
    pub async fn login(base_url: &str, username: &str, password: &str) -> Result<GReader> {
        Self::login_with(base_url, username, password, &HttpOptions::default()).await
    }

    /// Logs in (ClientLogin) with the given HTTP options.
    pub async fn login_with(base_url: &str, username: &str, password: &str, options: &HttpOptions) -> Result<GReader> {
        let account = Self::with_auth_token(base_url, "", options)?;
        let auth = account.client_login(username, password).await?;
        *account.auth.lock().unwrap() = auth;
        Ok(account)
    }

    /// An account from an `Auth` token kept from an earlier
    /// [`GReader::auth_token`], without logging in again. The token is not
    /// checked until the first call (or [`RemoteAccount::check_auth`]).
    pub fn with_auth_token(base_url: &str, auth: &str, options: &HttpOptions) -> Result<GReader> {
        let base = check_server_url(base_url)?;
        let http = Http::new(options, &base)?;
        let base = base.as_str().trim_end_matches('/').to_owned();
        Ok(GReader {
            http,
            base,
            auth: Mutex::new(auth.to_owned()),
            token: Mutex::new(None),
            relogin: Mutex::new(None),
        })
    }

    /// Resumes the session of a kept `Auth` token ([`GReader::auth_token`])
    /// without a login request; when the server refuses that token (`401`
    /// or `403`: it expired, the password changed, the server forgot it),
    /// logs in with `username` and `password`, once, and repeats the call.
    /// [`GReader::auth_token`] then gives the new token, to keep instead.
    ///
    /// # Errors
    /// [`Error::InvalidUrl`]/[`Error::InsecureUrl`] for a refused address.
    /// A wrong password shows up as [`Error::Unauthorized`] from the first
    /// call whose token is refused.
    pub fn resume(
        base_url: &str,
        username: &str,
        password: &str,
        auth: &str,
        options: &HttpOptions,
    ) -> Result<GReader> {
        let account = Self::with_auth_token(base_url, auth, options)?;
        *account.relogin.lock().unwrap() = Some(Login { username: username.to_owned(), password: password.to_owned() });
        Ok(account)
    }

    /// The `Auth` token of the session (secret: store it like a password).
    pub fn auth_token(&self) -> String {
        self.auth.lock().unwrap().clone()
    }

    /// `POST accounts/ClientLogin`: the `Auth` token for this user.
    async fn client_login(&self, username: &str, password: &str) -> Result<String> {
        let request = self
            .http
            .client()
            .post(format!("{}/accounts/ClientLogin", self.base))
            .form(&[("Email", username), ("Passwd", password)]);
        let reply = self.http.send(request).await?.check_status("ClientLogin")?;
        parse_client_login(&reply.text())
    }

    /// Sends the request `build` makes; when the server refuses the `Auth`
    /// token and a resumed session can log in again ([`GReader::resume`]),
    /// logs in and sends it once more (`build` then sees the new token).
    async fn send_authed(&self, build: impl Fn() -> reqwest::RequestBuilder) -> Result<Reply> {
        let sent_with = self.auth_token();
        let reply = self.http.send(build()).await?;
        if is_refused(reply.status) && self.log_in_again(&sent_with).await? {
            return self.http.send(build()).await;
        }
        Ok(reply)
    }

    /// Logs in again after `refused` was refused: `Ok(true)` when there is
    /// a new token to try (this login's, or one another call just got).
    async fn log_in_again(&self, refused: &str) -> Result<bool> {
        let login = self.relogin.lock().unwrap().take();
        let Some(login) = login else { return Ok(self.auth_token() != refused) };
        let auth = self.client_login(&login.username, &login.password).await?;
        *self.auth.lock().unwrap() = auth;
        *self.token.lock().unwrap() = None;
        Ok(true)
    }

    /// Replaces the cached `T` token (tests use it to check that a stale
    /// token is fetched again after a `401`).
    #[doc(hidden)]
    pub fn set_cached_token(&self, token: String) {
        *self.token.lock().unwrap() = Some(token);
    }

    fn api(&self, path: &str) -> String {
        format!("{}/reader/api/0/{path}", self.base)
    }

    fn get(&self, path: &str) -> reqwest::RequestBuilder {
        self.http.client().get(self.api(path)).header(AUTHORIZATION, self.authorization())
    }

    fn post(&self, path: &str) -> reqwest::RequestBuilder {
        self.http.client().post(self.api(path)).header(AUTHORIZATION, self.authorization())
    }

    fn authorization(&self) -> String {
        format!("GoogleLogin auth={}", self.auth.lock().unwrap())
    }

    async fn get_json<T: serde::de::DeserializeOwned>(&self, path: &str, query: &[(&str, &str)]) -> Result<T> {
        let reply = self.send_authed(|| self.get(path).query(query)).await?.check_status(path)?;
        reply.json(path)
    }

    /// The `T` token for modifying calls, from the cache unless `refresh`.
    async fn token(&self, refresh: bool) -> Result<String> {
        if !refresh {
            if let Some(t) = self.token.lock().unwrap().clone() {
                return Ok(t);
            }
        }
        let reply = self.send_authed(|| self.get("token")).await?.check_status("token")?;
        let token = reply.text().trim().to_owned();
        if token.is_empty() || token.contains(char::is_whitespace) {
            return Err(Error::ServerError(format!("unexpected answer to token: {}", reply.snippet())));
        }
        *self.token.lock().unwrap() = Some(token.clone());
        Ok(token)
    }

    /// POSTs `form` plus the `T` token to `path`; on `401` fetches a fresh
    /// token and tries once more (fetching it logs in again when the `Auth`
    /// token was what the server refused).
    async fn post_with_token(&self, path: &str, form: &[(&str, &str)]) -> Result<Reply> {
        let mut refresh = false;
        loop {
            let token = self.token(refresh).await?;
            let mut fields: Vec<(&str, &str)> = form.to_vec();
            fields.push(("T", &token));
            let reply = self.http.send(self.post(path).form(&fields)).await?;
            if reply.status == StatusCode::UNAUTHORIZED && !refresh {
                refresh = true;
                continue;
            }
            return reply.check_status(path);
        }
    }

    /// Every label of type folder (`tag/list?output=json`).
    pub async fn list_folders(&self) -> Result<Vec<RemoteFolder>> {
        let list: TagList = self.get_json("tag/list", &[("output", "json")]).await?;
        Ok(folders_from_tags(list))
    }

    /// Every subscription (`subscription/list?output=json`).
    pub async fn list_subscriptions(&self) -> Result<Vec<RemoteFeed>> {
        let list: SubscriptionList = self.get_json("subscription/list", &[("output", "json")]).await?;
        Ok(list.subscriptions.into_iter().map(Subscription::into_remote).collect())
    }

    /// The ids (normalised) of a stream, newest first: `stream` is a stream id
    /// such as [`READING_LIST`] or [`STATE_STARRED`], `exclude` an optional
    /// `xt=` state, `since` an optional `ot=` (unix seconds, inclusive).
    pub async fn item_ids(&self, stream: &str, exclude: Option<&str>, since: Option<i64>) -> Result<Vec<String>> {
        let n = IDS_PER_PAGE.to_string();
        let since = since.map(|s| s.to_string());
        let mut ids = Vec::new();
        let mut continuation: Option<String> = None;
        loop {
            let mut query = vec![("s", stream), ("n", n.as_str()), ("output", "json")];
            if let Some(x) = exclude {
                query.push(("xt", x));
            }
            if let Some(ot) = &since {
                query.push(("ot", ot));
            }
            if let Some(c) = &continuation {
                query.push(("c", c));
            }
            let page: ItemRefs = self.get_json("stream/items/ids", &query).await?;
            let refs = page.item_refs.unwrap_or_default();
            if refs.is_empty() {
                break;
            }
            ids.extend(refs.into_iter().map(|r| normalize_item_id(&r.id)));
            match page.continuation {
                Some(c) if !c.is_empty() && continuation.as_deref() != Some(c.as_str()) => continuation = Some(c),
                _ => break,
            }
        }
        Ok(ids)
    }

    /// The items with these ids (`POST stream/items/contents`, in batches).
    /// Ids the server no longer has are left out.
    pub async fn items_by_ids(&self, ids: &[String]) -> Result<Vec<RemoteItem>> {
        Ok(self.items_with_times(ids).await?.into_iter().map(|(item, _)| item).collect())
    }

    /// Like [`GReader::items_by_ids`], with the time (µs) each item was stored on the server.
    async fn items_with_times(&self, ids: &[String]) -> Result<Vec<(RemoteItem, Option<i64>)>> {
        let mut items = Vec::with_capacity(ids.len());
        for batch in ids.chunks(ITEMS_PER_REQUEST) {
            let form: Vec<(&str, &str)> = batch.iter().map(|id| ("i", id.as_str())).collect();
            let request = || self.post("stream/items/contents").query(&[("output", "json")]).form(&form);
            let reply = self.send_authed(request).await?.check_status("stream/items/contents")?;
            let page: Contents = reply.json("stream/items/contents")?;
            for item in page.items {
                // When the server stored the item: the cursor of fetch_items.
                let time = item.timestamp_usec.or_else(|| item.crawl_time_msec.map(|ms| ms.saturating_mul(1000)));
                items.push((item.into_remote()?, time));
            }
        }
        Ok(items)
    }

    /// `edit-tag`: adds the state or label `add` and/or removes `remove` on
    /// every item (in batches).
    pub async fn edit_tag(&self, ids: &[String], add: Option<&str>, remove: Option<&str>) -> Result<()> {
        for batch in ids.chunks(ITEMS_PER_REQUEST) {
            let mut form: Vec<(&str, &str)> = batch.iter().map(|id| ("i", id.as_str())).collect();
            if let Some(a) = add {
                form.push(("a", a));
            }
            if let Some(r) = remove {
                form.push(("r", r));
            }
            self.post_with_token("edit-tag", &form).await?;
        }
        Ok(())
    }

    /// `subscription/quickadd`: subscribes to `url` and returns the new
    /// feed's id (`feed/12`).
    pub async fn quickadd(&self, url: &str) -> Result<String> {
        let reply = self.post_with_token("subscription/quickadd", &[("quickadd", url)]).await?;
        parse_quickadd(&reply, url)
    }

    /// `subscription/edit` with action `ac` on the feed `stream` and the
    /// other fields given (`t`, `a`, `r`).
    pub async fn edit_subscription(&self, ac: &str, stream: &str, fields: &[(&str, &str)]) -> Result<()> {
        let mut form = vec![("ac", ac), ("s", stream)];
        form.extend_from_slice(fields);
        self.post_with_token("subscription/edit", &form).await?;
        Ok(())
    }

    /// `mark-all-as-read` on a stream (a feed, a label or the reading list),
    /// for the items stored up to `before`.
    pub async fn mark_all_as_read(&self, stream: &str, before: DateTime<Utc>) -> Result<()> {
        let ts = before.timestamp_micros().max(0).to_string();
        self.post_with_token("mark-all-as-read", &[("s", stream), ("ts", &ts)]).await?;
        Ok(())
    }
}

#[async_trait]
impl RemoteAccount for GReader {
    fn protocol(&self) -> Protocol {
        Protocol::GoogleReader
    }

    fn capabilities(&self) -> Capabilities {
        Protocol::GoogleReader.capabilities()
    }

    async fn check_auth(&self) -> Result<()> {
        self.token(true).await.map(|_| ())
    }

    fn session(&self) -> Option<String> {
        Some(self.auth_token())
    }

    async fn folders(&self) -> Result<Vec<RemoteFolder>> {
        self.list_folders().await
    }

    async fn feeds(&self) -> Result<Vec<RemoteFeed>> {
        self.list_subscriptions().await
    }

    async fn fetch_items(&self, since: SyncCursor) -> Result<FetchedItems> {
        let (after, ids) = match since {
            SyncCursor::Start => (None, self.item_ids(READING_LIST, None, None).await?),
            // `ot` has a resolution of one second and is inclusive, so the
            // items of the cursor's second come again; they are dropped by
            // their time.
            SyncCursor::After(usec) => {
                (Some(usec), self.item_ids(READING_LIST, None, Some(usec.div_euclid(1_000_000))).await?)
            }
            SyncCursor::Recent { stored_since, max_items } => {
                let mut ids = self.item_ids(READING_LIST, None, stored_since).await?;
                let starred = self.item_ids(STATE_STARRED, None, None).await?;
                let old_starred = crate::model::limit_first_fetch(max_items, &mut ids, String::as_str, &starred);
                ids.extend(old_starred);
                (None, ids)
            }
        };
        let mut cursor = after;
        let mut items = Vec::with_capacity(ids.len());
        for (item, time) in self.items_with_times(&ids).await? {
            match (after, time) {
                (Some(a), Some(t)) if t <= a => continue,
                _ => {}
            }
            if let Some(t) = time {
                cursor = Some(cursor.map_or(t, |c| c.max(t)));
            }
            items.push(item);
        }
        Ok(FetchedItems { items, cursor: cursor.map_or(since, SyncCursor::After) })
    }

    async fn unread_ids(&self) -> Result<Vec<String>> {
        self.item_ids(READING_LIST, Some(STATE_READ), None).await
    }

    async fn starred_ids(&self) -> Result<Vec<String>> {
        self.item_ids(STATE_STARRED, None, None).await
    }

    async fn set_read(&self, item_ids: &[String], read: bool) -> Result<()> {
        if read {
            self.edit_tag(item_ids, Some(STATE_READ), None).await
        } else {
            self.edit_tag(item_ids, None, Some(STATE_READ)).await
        }
    }

    async fn set_starred(&self, item_ids: &[String], starred: bool) -> Result<()> {
        if starred {
            self.edit_tag(item_ids, Some(STATE_STARRED), None).await
        } else {
            self.edit_tag(item_ids, None, Some(STATE_STARRED)).await
        }
    }

    async fn mark_feed_read(&self, feed_id: &str, before: DateTime<Utc>) -> Result<()> {
        self.mark_all_as_read(feed_id, before).await
    }

    async fn subscribe(&self, url: &str, title: Option<&str>, folder: Option<&str>) -> Result<String> {
        let id = self.quickadd(url).await?;
        let label = folder.map(label_id);
        let mut fields = Vec::new();
        if let Some(t) = title {
            fields.push(("t", t));
        }
        if let Some(l) = &label {
            fields.push(("a", l.as_str()));
        }
        if !fields.is_empty() {
            self.edit_subscription("edit", &id, &fields).await?;
        }
        Ok(id)
    }

    async fn unsubscribe(&self, feed_id: &str) -> Result<()> {
        self.edit_subscription("unsubscribe", feed_id, &[]).await
    }

    async fn rename_feed(&self, feed_id: &str, title: &str) -> Result<()> {
        self.edit_subscription("edit", feed_id, &[("t", title)]).await
    }

    async fn move_feed(&self, feed_id: &str, from: Option<&str>, to: &str) -> Result<()> {
        let to = label_id(to);
        let from = from.map(label_id);
        let mut fields = vec![("a", to.as_str())];
        if let Some(f) = &from {
            if *f != to {
                fields.push(("r", f.as_str()));
            }
        }
        self.edit_subscription("edit", feed_id, &fields).await
    }
}

// ------------------------------------------------------------------ parsing

/// The `Auth=` value of a ClientLogin answer.
fn parse_client_login(body: &str) -> Result<String> {
    body.lines()
        .find_map(|line| line.trim().strip_prefix("Auth="))
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .ok_or_else(|| {
            Error::ServerError(format!(
                "the ClientLogin answer has no Auth= line: {}",
                body.chars().take(200).collect::<String>()
            ))
        })
}

#[derive(Deserialize)]
struct QuickAdd {
    #[serde(default, rename = "numResults", deserialize_with = "de::opt_i64")]
    num_results: Option<i64>,
    #[serde(default, rename = "streamId")]
    stream_id: Option<String>,
    #[serde(default)]
    error: Option<String>,
}

fn parse_quickadd(reply: &Reply, url: &str) -> Result<String> {
    let answer: QuickAdd = reply.json("subscription/quickadd")?;
    match (answer.num_results, answer.stream_id) {
        (Some(n), Some(id)) if n > 0 && !id.is_empty() => Ok(id),
        (None, Some(id)) if !id.is_empty() && answer.error.is_none() => Ok(id),
        _ => Err(Error::Protocol(answer.error.unwrap_or_else(|| format!("the server found no feed at {url}")))),
    }
}

#[derive(Deserialize)]
struct TagList {
    #[serde(default)]
    tags: Vec<Tag>,
}

#[derive(Deserialize)]
struct Tag {
    id: String,
    #[serde(default, rename = "type")]
    kind: Option<String>,
}

fn folders_from_tags(list: TagList) -> Vec<RemoteFolder> {
    list.tags
        .into_iter()
        .filter(|t| t.kind.as_deref() != Some("tag"))
        .filter_map(|t| {
            let (_, name) = t.id.split_once("/label/")?;
            Some(RemoteFolder { title: name.to_owned(), remote_id: t.id })
        })
        .collect()
}

#[derive(Deserialize)]
struct SubscriptionList {
    #[serde(default)]
    subscriptions: Vec<Subscription>,
}

#[derive(Deserialize)]
struct Subscription {
    id: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    categories: Vec<Category>,
    #[serde(default)]
    url: Option<String>,
    #[serde(default, rename = "htmlUrl")]
    html_url: Option<String>,
}

#[derive(Deserialize)]
struct Category {
    id: String,
}

impl Subscription {
    fn into_remote(self) -> RemoteFeed {
        // Google's own ids were `feed/<url>`; servers without `url` keep that form.
        let url = self
            .url
            .filter(|u| !u.is_empty())
            .unwrap_or_else(|| self.id.strip_prefix("feed/").unwrap_or(&self.id).to_owned());
        RemoteFeed {
            title: self.title.filter(|t| !t.is_empty()).unwrap_or_else(|| url.clone()),
            remote_id: self.id,
            url,
            site_url: self.html_url.filter(|u| !u.is_empty()),
            folders: self.categories.into_iter().filter(|c| c.id.contains("/label/")).map(|c| c.id).collect(),
        }
    }
}

#[derive(Deserialize)]
struct ItemRefs {
    #[serde(default, rename = "itemRefs")]
    item_refs: Option<Vec<ItemRef>>,
    #[serde(default, deserialize_with = "de::opt_string")]
    continuation: Option<String>,
}

#[derive(Deserialize)]
struct ItemRef {
    #[serde(deserialize_with = "de::string")]
    id: String,
}

#[derive(Deserialize)]
struct Contents {
    #[serde(default)]
    items: Vec<Item>,
}

#[derive(Deserialize)]
struct Item {
    id: String,
    #[serde(default, rename = "timestampUsec", deserialize_with = "de::opt_i64")]
    timestamp_usec: Option<i64>,
    #[serde(default, rename = "crawlTimeMsec", deserialize_with = "de::opt_i64")]
    crawl_time_msec: Option<i64>,
    #[serde(default, deserialize_with = "de::opt_i64")]
    published: Option<i64>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    canonical: Vec<Link>,
    #[serde(default)]
    alternate: Vec<Link>,
    #[serde(default)]
    categories: Vec<String>,
    #[serde(default)]
    origin: Option<Origin>,
    #[serde(default)]
    summary: Option<Text>,
    #[serde(default)]
    content: Option<Text>,
    #[serde(default)]
    author: Option<String>,
}

#[derive(Deserialize)]
struct Link {
    #[serde(default)]
    href: Option<String>,
}

#[derive(Deserialize)]
struct Origin {
    #[serde(default, rename = "streamId")]
    stream_id: Option<String>,
}

#[derive(Deserialize)]
struct Text {
    #[serde(default)]
    content: Option<String>,
}

/// True when `categories` holds the state `state` (`read`, `starred`) for any
/// user (`user/-/…` or `user/<number>/…`).
fn has_state(categories: &[String], state: &str) -> bool {
    categories.iter().any(|c| {
        c.strip_prefix("user/")
            .and_then(|rest| rest.split_once('/'))
            .is_some_and(|(_, tail)| tail.strip_prefix("state/com.google/") == Some(state))
    })
}

impl Item {
    fn into_remote(self) -> Result<RemoteItem> {
        let remote_feed_id = self
            .origin
            .and_then(|o| o.stream_id)
            .filter(|s| !s.is_empty())
            .ok_or_else(|| Error::ServerError(format!("item {} has no origin.streamId", self.id)))?;
        let url = self.canonical.into_iter().chain(self.alternate).find_map(|l| l.href.filter(|h| !h.is_empty()));
        let content_html = self.content.and_then(|c| c.content).or_else(|| self.summary.and_then(|s| s.content));
        Ok(RemoteItem {
            remote_id: normalize_item_id(&self.id),
            remote_feed_id,
            title: self.title.unwrap_or_default(),
            url,
            author: self.author.filter(|a| !a.is_empty()),
            content_html: content_html.unwrap_or_default(),
            published: self.published.and_then(|s| DateTime::from_timestamp(s, 0)),
            read: has_state(&self.categories, "read"),
            starred: has_state(&self.categories, "starred"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_ids_normalise_to_decimal() {
        assert_eq!(normalize_item_id("tag:google.com,2005:reader/item/0006619d9953ccfb"), "1796179370429691");
        assert_eq!(normalize_item_id("1796179370429691"), "1796179370429691");
        assert_eq!(normalize_item_id("001796179370429691"), "1796179370429691");
        // Google's ids use all 64 bits: the decimal form is signed.
        assert_eq!(normalize_item_id("tag:google.com,2005:reader/item/ffffffffffffffff"), "-1");
        assert_eq!(normalize_item_id("18446744073709551615"), "-1");
        // The Old Reader: 24 hex digits, kept as they are.
        let tor = "tag:google.com,2005:reader/item/5d0cfa30041f1a4f9b04e3d4";
        assert_eq!(normalize_item_id(tor), tor);
        assert_eq!(long_item_id("1796179370429691"), "tag:google.com,2005:reader/item/0006619d9953ccfb");
        assert_eq!(long_item_id("-1"), "tag:google.com,2005:reader/item/ffffffffffffffff");
    }

    #[test]
    fn client_login_answer() {
        let body = "SID=alice/51f1cc1f438b08ac873c18c916b2abe94faed96c\nLSID=null\nAuth=alice/51f1cc1f438b08ac873c18c916b2abe94faed96c\n";
        assert_eq!(parse_client_login(body).unwrap(), "alice/51f1cc1f438b08ac873c18c916b2abe94faed96c");
        assert!(matches!(parse_client_login("Unauthorized!"), Err(Error::ServerError(_))));
    }

    #[test]
    fn subscriptions_and_folders() {
        let json = r#"{"subscriptions":[{"id":"feed/2","title":"Fixture Atom","categories":[{"id":"user/-/label/Fixtures","label":"Fixtures"}],"url":"http://127.0.0.1:8192/atom.xml","htmlUrl":"http://127.0.0.1:8182/","iconUrl":"http://127.0.0.1:8191/f.php?68c95a79"},{"id":"feed/1","title":"Fixture RSS Feed","categories":[{"id":"user/-/label/Uncategorized","label":"Uncategorized"}],"url":"http://127.0.0.1:8192/rss.xml","htmlUrl":"http://127.0.0.1:8192/","iconUrl":"http://127.0.0.1:8191/f.php?54824ea3"}]}"#;
        let list: SubscriptionList = serde_json::from_str(json).unwrap();
        let feeds: Vec<RemoteFeed> = list.subscriptions.into_iter().map(Subscription::into_remote).collect();
        assert_eq!(
            feeds[0],
            RemoteFeed {
                remote_id: "feed/2".into(),
                title: "Fixture Atom".into(),
                url: "http://127.0.0.1:8192/atom.xml".into(),
                site_url: Some("http://127.0.0.1:8182/".into()),
                folders: vec!["user/-/label/Fixtures".into()],
            }
        );
        assert_eq!(feeds[1].folders, ["user/-/label/Uncategorized"]);

        let google_style: Subscription =
            serde_json::from_str(r#"{"id":"feed/https://example.com/rss","title":"","categories":[]}"#).unwrap();
        let feed = google_style.into_remote();
        assert_eq!((feed.url.as_str(), feed.title.as_str()), ("https://example.com/rss", "https://example.com/rss"));

        let tags = r#"{"tags":[{"id":"user/-/state/com.google/starred"},{"id":"user/-/label/Fixtures","type":"folder"},{"id":"user/-/label/Uncategorized","type":"folder"},{"id":"user/-/label/MyTag","type":"tag","unread_count":1}]}"#;
        let folders = folders_from_tags(serde_json::from_str(tags).unwrap());
        assert_eq!(
            folders,
            [
                RemoteFolder { remote_id: "user/-/label/Fixtures".into(), title: "Fixtures".into() },
                RemoteFolder { remote_id: "user/-/label/Uncategorized".into(), title: "Uncategorized".into() },
            ]
        );
    }

    #[test]
    fn item_refs_and_continuation() {
        let page: ItemRefs = serde_json::from_str(
            r#"{"itemRefs":[{"id":"1796179370429691"},{"id":"1796179369184731"}],"continuation":"1796179369184730"}"#,
        )
        .unwrap();
        assert_eq!(page.item_refs.unwrap().len(), 2);
        assert_eq!(page.continuation.as_deref(), Some("1796179369184730"));
        let empty: ItemRefs = serde_json::from_str(r#"{"itemRefs":[]}"#).unwrap();
        assert!(empty.item_refs.unwrap().is_empty() && empty.continuation.is_none());
        let numeric: ItemRefs = serde_json::from_str(r#"{"itemRefs":[{"id":12}],"continuation":34}"#).unwrap();
        assert_eq!(numeric.item_refs.unwrap()[0].id, "12");
        assert_eq!(numeric.continuation.as_deref(), Some("34"));
    }

    #[test]
    fn stream_contents_item() {
        let json = r#"{"id":"user/-/state/com.google/reading-list","updated":1796179370,"items":[{"id":"tag:google.com,2005:reader/item/0006619d9953ccfb","crawlTimeMsec":"1796179370429","timestampUsec":"1796179370429691","published":1704362400,"title":"RSS item 4","canonical":[{"href":"http://127.0.0.1:8192/rss/4"}],"alternate":[{"href":"http://127.0.0.1:8192/rss/4"}],"categories":["user/-/state/com.google/reading-list","user/-/label/Uncategorized","user/-/state/com.google/read","user/1005921515/state/com.google/starred"],"origin":{"streamId":"feed/1","htmlUrl":"http://127.0.0.1:8192/","title":"Fixture RSS Feed"},"summary":{"content":"<p>Body 4</p>"}}],"continuation":"1796179369184730"}"#;
        let page: Contents = serde_json::from_str(json).unwrap();
        let item = page.items.into_iter().next().unwrap();
        assert_eq!(item.timestamp_usec, Some(1796179370429691));
        let item = item.into_remote().unwrap();
        assert_eq!(
            item,
            RemoteItem {
                remote_id: "1796179370429691".into(),
                remote_feed_id: "feed/1".into(),
                title: "RSS item 4".into(),
                url: Some("http://127.0.0.1:8192/rss/4".into()),
                author: None,
                content_html: "<p>Body 4</p>".into(),
                published: DateTime::from_timestamp(1704362400, 0),
                read: true,
                starred: true,
            }
        );
        // reading-list is not "read".
        assert!(!has_state(&["user/-/state/com.google/reading-list".into()], "read"));
    }

    fn reply(body: &str) -> Reply {
        Reply { status: StatusCode::OK, body: body.as_bytes().to_vec() }
    }

    #[test]
    fn quickadd_answers() {
        let ok = reply(
            r#"{"numResults":1,"query":"http://127.0.0.1:8192/rss.xml","streamId":"feed/1","streamName":"Fixture RSS Feed"}"#,
        );
        assert_eq!(parse_quickadd(&ok, "u").unwrap(), "feed/1");
        let failed = reply(
            r#"{"numResults":0,"error":"cURL error 22: The requested URL returned error: 404 [http://127.0.0.1:8192/x]"}"#,
        );
        match parse_quickadd(&failed, "u") {
            Err(Error::Protocol(m)) => assert!(m.contains("404"), "{m}"),
            other => panic!("{other:?}"),
        }
        assert!(matches!(parse_quickadd(&reply(r#"{"numResults":0}"#), "u"), Err(Error::Protocol(_))));
        assert!(matches!(parse_quickadd(&reply("<html>"), "u"), Err(Error::ServerError(_))));
    }
}
