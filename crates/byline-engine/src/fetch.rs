//! The polite fetcher every download goes through: a global and a per-host
//! limit on concurrent requests, connect and whole-request timeouts, a cap on
//! the *decoded* body (so a gzip bomb stops early), redirects followed by
//! hand (at most [`FetchConfig::max_redirects`], loops detected, permanent
//! ones reported), conditional GET, and `Retry-After` on 429/503.
//!
//! Bodies are returned as raw bytes with their `Content-Type`: decoding is the
//! parser's job (see `byline_feeds::charset`), never `response.text()`.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use chrono::{DateTime, Utc};
use reqwest::header::{
    HeaderMap, ACCEPT, CONTENT_TYPE, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, LOCATION, RETRY_AFTER,
};
use reqwest::{redirect, Client, StatusCode};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};
use url::Url;

use crate::error::FetchError;

/// Limits and identity of the fetcher.
#[derive(Debug, Clone)]
pub struct FetchConfig {
    /// Time allowed to connect.
    pub connect_timeout: Duration,
    /// Time allowed for a whole request, body included, redirects included.
    pub timeout: Duration,
    /// Largest decoded body accepted, in bytes.
    pub max_body_bytes: usize,
    /// Most redirects followed for one request.
    pub max_redirects: usize,
    /// Requests in flight at once, over all hosts.
    pub max_concurrent: usize,
    /// Requests in flight at once to one host.
    pub max_per_host: usize,
    /// The `User-Agent` header.
    pub user_agent: String,
}

impl Default for FetchConfig {
    fn default() -> Self {
        Self {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_body_bytes: 16 * 1024 * 1024,
            max_redirects: 10,
            max_concurrent: 16,
            max_per_host: 2,
            user_agent: format!("Byline/{} (+https://github.com/byline-app/byline)", env!("CARGO_PKG_VERSION")),
        }
    }
}

/// Validators from an earlier response, for a conditional GET.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Validators {
    /// The earlier `ETag`.
    pub etag: Option<String>,
    /// The earlier `Last-Modified`.
    pub last_modified: Option<String>,
}

/// A successful response.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fetched {
    /// Where the content was finally found.
    pub final_url: Url,
    /// Set when every redirect on the way was permanent (301/308): the URL
    /// to use from now on.
    pub moved_permanently_to: Option<Url>,
    /// `None` for 304 Not Modified.
    pub body: Option<Vec<u8>>,
    /// The `Content-Type` header.
    pub content_type: Option<String>,
    /// Validators for the next conditional GET.
    pub validators: Validators,
}

impl Fetched {
    /// Whether the server answered 304 Not Modified.
    pub fn not_modified(&self) -> bool {
        self.body.is_none()
    }
}

/// The fetcher; cheap to clone, shared by every sync.
#[derive(Debug, Clone)]
pub struct Fetcher {
    client: Client,
    config: Arc<FetchConfig>,
    global: Arc<Semaphore>,
    hosts: Arc<Mutex<HashMap<String, Arc<Semaphore>>>>,
}

impl Fetcher {
    /// A fetcher with these limits.
    pub fn new(config: FetchConfig) -> Result<Self, FetchError> {
        let client = Client::builder()
            .user_agent(&config.user_agent)
            .connect_timeout(config.connect_timeout)
            .timeout(config.timeout)
            .redirect(redirect::Policy::none())
            .gzip(true)
            .brotli(true)
            .deflate(true)
            .build()
            .map_err(|e| FetchError::Network(e.to_string()))?;
        Ok(Self {
            client,
            global: Arc::new(Semaphore::new(config.max_concurrent.max(1))),
            hosts: Arc::default(),
            config: Arc::new(config),
        })
    }

    /// The limits in force.
    pub fn config(&self) -> &FetchConfig {
        &self.config
    }

    /// GETs `url`, conditionally when `validators` are given.
    ///
    /// The request first waits for a slot on its host, then for one of the
    /// global slots (so requests queued behind a slow host never hold global
    /// slots other hosts could use), and only then does its timeout start:
    /// waiting for a slot never makes a request time out. A redirect gives
    /// both slots back and takes them again for the next host, within the
    /// timeout.
    pub async fn get(&self, url: &str, validators: Option<&Validators>) -> Result<Fetched, FetchError> {
        let url = parse_web_url(url)?;
        let slots = self.slots(&url).await?;
        tokio::time::timeout(self.config.timeout, self.follow(url, validators, slots))
            .await
            .unwrap_or(Err(FetchError::Timeout(self.config.timeout)))
    }

    async fn follow(&self, start: Url, validators: Option<&Validators>, first: Slots) -> Result<Fetched, FetchError> {
        let mut url = start.clone();
        let mut visited = HashSet::from([start.to_string()]);
        let mut all_permanent = true;
        let mut first = Some(first);
        let conditional = validators.is_some_and(|v| v.etag.is_some() || v.last_modified.is_some());
        for _ in 0..=self.config.max_redirects {
            let _slots = match first.take() {
                Some(slots) => slots,
                None => self.slots(&url).await?,
            };
            let mut request = self.client.get(url.clone()).header(
                ACCEPT,
                "application/rss+xml, application/atom+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5",
            );
            if let Some(v) = validators {
                if let Some(etag) = &v.etag {
                    request = request.header(IF_NONE_MATCH, etag);
                }
                if let Some(lm) = &v.last_modified {
                    request = request.header(IF_MODIFIED_SINCE, lm);
                }
            }
            let response = request.send().await.map_err(|e| self.request_error(e))?;
            let status = response.status();
            if status.is_redirection() && status != StatusCode::NOT_MODIFIED {
                let next = redirect_target(&url, response.headers())?;
                all_permanent &= matches!(status, StatusCode::MOVED_PERMANENTLY | StatusCode::PERMANENT_REDIRECT);
                if !visited.insert(next.to_string()) {
                    return Err(FetchError::RedirectLoop(next.to_string()));
                }
                url = next;
                continue;
            }
            let moved_permanently_to = (all_permanent && url != start).then(|| url.clone());
            let headers = response.headers().clone();
            let validators = Validators {
                etag: header_string(&headers, ETAG),
                last_modified: header_string(&headers, LAST_MODIFIED),
            };
            let content_type = header_string(&headers, CONTENT_TYPE);
            if status == StatusCode::NOT_MODIFIED {
                if !conditional {
                    // Nothing to be unchanged from: the server is broken.
                    return Err(FetchError::Status(status.as_u16()));
                }
                return Ok(Fetched { final_url: url, moved_permanently_to, body: None, content_type, validators });
            }
            if matches!(status, StatusCode::TOO_MANY_REQUESTS | StatusCode::SERVICE_UNAVAILABLE) {
                return Err(FetchError::RateLimited { status: status.as_u16(), retry_after: retry_after(&headers) });
            }
            if !status.is_success() {
                return Err(FetchError::Status(status.as_u16()));
            }
            let body = self.read_body(response).await?;
            return Ok(Fetched { final_url: url, moved_permanently_to, body: Some(body), content_type, validators });
        }
        Err(FetchError::TooManyRedirects(self.config.max_redirects))
    }

    /// Reads the decoded body, stopping as soon as it passes the cap.
    async fn read_body(&self, mut response: reqwest::Response) -> Result<Vec<u8>, FetchError> {
        let limit = self.config.max_body_bytes;
        if response.content_length().is_some_and(|len| len as usize > limit) {
            return Err(FetchError::BodyTooLarge { limit });
        }
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(|e| self.request_error(e))? {
            if body.len() + chunk.len() > limit {
                return Err(FetchError::BodyTooLarge { limit });
            }
            body.extend_from_slice(&chunk);
        }
        Ok(body)
    }

    /// A slot on `url`'s host, then a global one (always in that order, so
    /// no request holds a global slot while it waits for a host).
    async fn slots(&self, url: &Url) -> Result<Slots, FetchError> {
        let host = self.host_permit(url).await?;
        let global = self.global.clone().acquire_owned().await.map_err(|e| FetchError::Network(e.to_string()))?;
        Ok(Slots { _host: host, _global: global })
    }

    async fn host_permit(&self, url: &Url) -> Result<OwnedSemaphorePermit, FetchError> {
        let key = host_key(url);
        let semaphore = {
            let mut hosts = self.hosts.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            hosts.entry(key).or_insert_with(|| Arc::new(Semaphore::new(self.config.max_per_host.max(1)))).clone()
        };
        semaphore.acquire_owned().await.map_err(|e| FetchError::Network(e.to_string()))
    }

    fn request_error(&self, err: reqwest::Error) -> FetchError {
        if err.is_timeout() {
            FetchError::Timeout(self.config.timeout)
        } else if err.is_connect() {
            FetchError::Network(format!("cannot connect: {}", root_cause(&err)))
        } else {
            FetchError::Network(root_cause(&err))
        }
    }
}

/// A request's slots: one on its host, one global.
struct Slots {
    _host: OwnedSemaphorePermit,
    _global: OwnedSemaphorePermit,
}

/// What the per-host limit counts as one host: the host and port of `url`.
pub(crate) fn host_key(url: &Url) -> String {
    format!("{}:{}", url.host_str().unwrap_or(""), url.port_or_known_default().unwrap_or(0))
}

fn parse_web_url(url: &str) -> Result<Url, FetchError> {
    Url::parse(url.trim())
        .ok()
        .filter(|u| matches!(u.scheme(), "http" | "https") && u.host_str().is_some())
        .ok_or_else(|| FetchError::InvalidUrl(url.to_string()))
}

fn redirect_target(from: &Url, headers: &HeaderMap) -> Result<Url, FetchError> {
    let location =
        header_string(headers, LOCATION).ok_or_else(|| FetchError::Network("redirect without a Location".into()))?;
    let next = from.join(&location).map_err(|_| FetchError::InvalidUrl(location.clone()))?;
    parse_web_url(next.as_str())
}

fn header_string(headers: &HeaderMap, name: reqwest::header::HeaderName) -> Option<String> {
    headers.get(name).and_then(|v| v.to_str().ok()).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string)
}

/// The longest wait a `Retry-After` can impose.
const MAX_RETRY_AFTER_SECONDS: i64 = 7 * 24 * 3600;

/// `Retry-After` as seconds or an HTTP date, between now and a week ahead
/// (a date in the year 9999 must not silence a feed for ever).
fn retry_after(headers: &HeaderMap) -> Option<DateTime<Utc>> {
    let value = header_string(headers, RETRY_AFTER)?;
    let now = Utc::now();
    let latest = now + chrono::Duration::seconds(MAX_RETRY_AFTER_SECONDS);
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(now + chrono::Duration::seconds(seconds.min(MAX_RETRY_AFTER_SECONDS as u64) as i64));
    }
    DateTime::parse_from_rfc2822(&value).ok().map(|d| d.with_timezone(&Utc).clamp(now, latest))
}

/// The innermost error message (reqwest's own is "error sending request").
fn root_cause(err: &(dyn std::error::Error + 'static)) -> String {
    let mut current = err;
    while let Some(source) = current.source() {
        current = source;
    }
    current.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, "120".parse().unwrap());
        let at = retry_after(&headers).unwrap();
        assert!((at - Utc::now()).num_seconds() > 100);
        let soon = Utc::now() + chrono::Duration::hours(1);
        headers.insert(RETRY_AFTER, soon.to_rfc2822().parse().unwrap());
        assert_eq!(retry_after(&headers).unwrap().timestamp(), soon.timestamp());
        headers.insert(RETRY_AFTER, "soon".parse().unwrap());
        assert_eq!(retry_after(&headers), None);
    }

    #[test]
    fn retry_after_dates_are_clamped_to_a_week() {
        let mut headers = HeaderMap::new();
        headers.insert(RETRY_AFTER, "Fri, 31 Dec 9999 23:59:59 GMT".parse().unwrap());
        let wait = retry_after(&headers).unwrap() - Utc::now();
        assert!(wait <= chrono::Duration::days(7) && wait > chrono::Duration::days(6), "{wait}");
        headers.insert(RETRY_AFTER, "Sun, 06 Nov 1994 08:49:37 GMT".parse().unwrap());
        assert!(retry_after(&headers).unwrap() >= Utc::now() - chrono::Duration::seconds(5), "a past date is now");
    }

    fn fetcher(timeout_ms: u64, per_host: usize) -> Fetcher {
        Fetcher::new(FetchConfig {
            timeout: Duration::from_millis(timeout_ms),
            max_per_host: per_host,
            max_concurrent: 1,
            ..FetchConfig::default()
        })
        .unwrap()
    }

    #[tokio::test]
    async fn waiting_for_a_slot_does_not_count_against_the_timeout() {
        let server = byline_testkit::FixtureServer::start().await;
        let slow = byline_testkit::Fixture::body("application/rss+xml", "<rss/>").delay(Duration::from_millis(600));
        server.route("/slow", slow);
        // One slot: the third request waits 1.2 s, more than the 1 s timeout.
        let fetcher = fetcher(1000, 1);
        let url = server.url("/slow");
        let results = futures::future::join_all((0..3).map(|_| fetcher.get(&url, None))).await;
        assert!(results.iter().all(Result::is_ok), "{results:?}");
    }

    #[tokio::test]
    async fn an_unconditional_304_is_an_error() {
        let server = byline_testkit::FixtureServer::start().await;
        server.route("/feed", byline_testkit::Fixture::body("text/plain", "").status(304));
        let fetcher = fetcher(5000, 2);
        let err = fetcher.get(&server.url("/feed"), Some(&Validators::default())).await.unwrap_err();
        assert_eq!(err, FetchError::Status(304));
        let conditional = Validators { etag: Some("\"v1\"".into()), last_modified: None };
        assert!(fetcher.get(&server.url("/feed"), Some(&conditional)).await.unwrap().not_modified());
    }

    #[test]
    fn only_web_urls_are_fetched() {
        for bad in ["file:///etc/passwd", "javascript:alert(1)", "ftp://x/y", "not a url", "http://"] {
            assert!(parse_web_url(bad).is_err(), "{bad}");
        }
        assert!(parse_web_url(" https://news.example.az/rss ").is_ok());
    }
}
