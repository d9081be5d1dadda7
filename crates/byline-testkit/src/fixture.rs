//! [`Fixture`]: what the server answers for one path.

use std::collections::HashMap;
use std::convert::Infallible;
use std::io::Write;
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::http::header::{
    CONTENT_ENCODING, CONTENT_LENGTH, CONTENT_TYPE, ETAG, IF_MODIFIED_SINCE, IF_NONE_MATCH, LAST_MODIFIED, LOCATION,
    RETRY_AFTER,
};
use axum::http::{HeaderMap, HeaderName, HeaderValue, Method, StatusCode};
use axum::response::Response;

/// One canned HTTP response, with optional conditional-GET validators, delay
/// and streaming. Built with the constructors and builder methods below; cheap
/// to clone (the body is reference-counted).
///
/// Builder methods panic on invalid input (a bad status code, header name or
/// header value): this is test code, and a typo should fail loudly.
#[derive(Clone, Debug)]
pub struct Fixture {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    etag: Option<String>,
    last_modified: Option<String>,
    delay: Option<Duration>,
    /// `Some((chunks, every))`: `body` is one chunk, sent `chunks` times with
    /// `every` between chunks.
    slow: Option<(usize, Duration)>,
    /// Makes the body stream afresh for each request (replaces `body`).
    stream: Option<BodyStream>,
}

/// A stream of body chunks; an `Err` aborts the connection mid-body.
pub(crate) type ChunkStream = futures::stream::BoxStream<'static, Result<Bytes, std::io::Error>>;

/// Builds a fresh [`ChunkStream`] for each request.
#[derive(Clone)]
pub(crate) struct BodyStream(pub(crate) std::sync::Arc<dyn Fn() -> ChunkStream + Send + Sync>);

impl std::fmt::Debug for BodyStream {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("BodyStream")
    }
}

impl Fixture {
    fn new(status: StatusCode) -> Self {
        Fixture {
            status,
            headers: HeaderMap::new(),
            body: Bytes::new(),
            etag: None,
            last_modified: None,
            delay: None,
            slow: None,
            stream: None,
        }
    }

    /// A `200 OK` with this `Content-Type` and body.
    pub fn body(content_type: &str, bytes: impl Into<Vec<u8>>) -> Self {
        Fixture::new(StatusCode::OK).header(CONTENT_TYPE.as_str(), content_type).with_bytes(Bytes::from(bytes.into()))
    }

    pub(crate) fn with_bytes(mut self, bytes: Bytes) -> Self {
        self.body = bytes;
        self
    }

    /// Replaces the status code (keeps the body and headers).
    ///
    /// # Panics
    /// If `code` is not in 100..=999.
    pub fn status(mut self, code: u16) -> Self {
        self.status =
            StatusCode::from_u16(code).unwrap_or_else(|_| panic!("byline-testkit: invalid HTTP status {code}"));
        self
    }

    /// Sets an extra response header, replacing any earlier value of the same
    /// name (so `.header("Content-Type", ..)` overrides the one given to
    /// [`Fixture::body`]).
    ///
    /// # Panics
    /// If the name or the value is not valid in HTTP.
    pub fn header(mut self, name: &str, value: &str) -> Self {
        let name = HeaderName::from_bytes(name.as_bytes())
            .unwrap_or_else(|_| panic!("byline-testkit: invalid header name {name:?}"));
        let value =
            HeaderValue::from_str(value).unwrap_or_else(|_| panic!("byline-testkit: invalid header value {value:?}"));
        self.headers.insert(name, value);
        self
    }

    /// Sends `ETag: <etag>` (give it with its quotes, e.g. `"\"v1\""`, or
    /// `W/"v1"`), and answers `304 Not Modified` with no body when the
    /// request's `If-None-Match` lists it (weak comparison, `*` matches).
    pub fn etag(mut self, etag: &str) -> Self {
        self = self.header(ETAG.as_str(), etag);
        self.etag = Some(etag.to_owned());
        self
    }

    /// Sends `Last-Modified: <http_date>`, and answers `304 Not Modified` with
    /// no body when the request has no `If-None-Match` and its
    /// `If-Modified-Since` equals `http_date` exactly.
    pub fn last_modified(mut self, http_date: &str) -> Self {
        self = self.header(LAST_MODIFIED.as_str(), http_date);
        self.last_modified = Some(http_date.to_owned());
        self
    }

    /// Waits `d` before sending the status line and headers (for timeout tests).
    pub fn delay(mut self, d: Duration) -> Self {
        self.delay = Some(d);
        self
    }

    /// A redirect (`301`, `302`, `303`, `307` or `308`) to `location`, with an
    /// empty body. `location` is sent as given, so it may be relative.
    pub fn redirect(code: u16, location: &str) -> Self {
        Fixture::new(StatusCode::OK).status(code).header(LOCATION.as_str(), location)
    }

    /// A `429 Too Many Requests` with `Retry-After: <retry_after>` (delta
    /// seconds or an HTTP date) and a short plain-text body.
    pub fn too_many_requests(retry_after: &str) -> Self {
        Fixture::body("text/plain; charset=utf-8", "Too Many Requests\n")
            .status(429)
            .header(RETRY_AFTER.as_str(), retry_after)
    }

    /// A `200` with `Content-Encoding: gzip` and `Content-Type:
    /// application/rss+xml` whose small body inflates to exactly
    /// `decoded_len` bytes: `<rss>` followed by spaces. The compressed body
    /// is built once per `decoded_len` per process (streamed through flate2 at
    /// best compression, never holding the decoded bytes) and then shared.
    pub fn gzip_bomb(decoded_len: usize) -> Self {
        Fixture::body("application/rss+xml", Vec::new())
            .header(CONTENT_ENCODING.as_str(), "gzip")
            .with_bytes(gzip_bomb_bytes(decoded_len))
    }

    /// A `200` with this `Content-Type` whose body is `chunk` sent `chunks`
    /// times, waiting `every` between two chunks (chunked transfer encoding,
    /// no `Content-Length`). The headers go out at once (after any
    /// [`Fixture::delay`]). For whole-request timeout tests.
    pub fn slow_body(content_type: &str, chunk: Vec<u8>, chunks: usize, every: Duration) -> Self {
        let mut f = Fixture::body(content_type, chunk);
        f.slow = Some((chunks, every));
        f
    }

    /// Replaces the body with a stream made afresh by `make` for each request
    /// (chunked, no `Content-Length` unless set with [`Fixture::header`]).
    /// A chunk that is an `Err` aborts the connection there.
    pub(crate) fn with_stream(mut self, make: impl Fn() -> ChunkStream + Send + Sync + 'static) -> Self {
        self.stream = Some(BodyStream(std::sync::Arc::new(make)));
        self
    }

    /// Whether the request's validators match this fixture's (→ 304).
    fn not_modified(&self, request: &HeaderMap) -> bool {
        if request.contains_key(IF_NONE_MATCH) {
            let Some(etag) = &self.etag else { return false };
            return request
                .get_all(IF_NONE_MATCH)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .any(|v| etag_list_matches(v, etag));
        }
        match (&self.last_modified, request.get(IF_MODIFIED_SINCE)) {
            (Some(lm), Some(ims)) => ims.to_str().map(|s| s.trim() == lm.trim()).unwrap_or(false),
            _ => false,
        }
    }

    /// Builds the response for a request with this method and headers.
    pub(crate) async fn respond(&self, method: &Method, request: &HeaderMap) -> Response {
        if let Some(d) = self.delay {
            tokio::time::sleep(d).await;
        }
        let conditional = method == Method::GET || method == Method::HEAD;
        if conditional && self.status.is_success() && self.not_modified(request) {
            let mut resp = Response::new(Body::empty());
            *resp.status_mut() = StatusCode::NOT_MODIFIED;
            for (name, value) in &self.headers {
                if name != CONTENT_TYPE && name != CONTENT_LENGTH && name != CONTENT_ENCODING {
                    resp.headers_mut().append(name.clone(), value.clone());
                }
            }
            return resp;
        }
        let body = match self.slow {
            None if self.stream.is_some() => Body::from_stream((self.stream.as_ref().expect("checked").0)()),
            None => Body::from(self.body.clone()),
            Some((chunks, every)) => {
                let chunk = self.body.clone();
                let stream = futures::stream::unfold(0usize, move |i| {
                    let chunk = chunk.clone();
                    async move {
                        if i >= chunks {
                            return None;
                        }
                        if i > 0 {
                            tokio::time::sleep(every).await;
                        }
                        Some((Ok::<Bytes, Infallible>(chunk), i + 1))
                    }
                });
                Body::from_stream(stream)
            }
        };
        let mut resp = Response::new(body);
        *resp.status_mut() = self.status;
        for (name, value) in &self.headers {
            resp.headers_mut().append(name.clone(), value.clone());
        }
        resp
    }
}

/// Whether an `If-None-Match` value (a comma-separated list, or `*`) matches
/// `etag`, by weak comparison (RFC 9110 §13.1.2).
fn etag_list_matches(list: &str, etag: &str) -> bool {
    fn opaque(tag: &str) -> &str {
        let tag = tag.trim();
        tag.strip_prefix("W/").unwrap_or(tag)
    }
    list.split(',').map(str::trim).any(|t| t == "*" || opaque(t) == opaque(etag))
}

/// The gzip body of [`Fixture::gzip_bomb`], cached per decoded length.
fn gzip_bomb_bytes(decoded_len: usize) -> Bytes {
    static CACHE: OnceLock<Mutex<HashMap<usize, Bytes>>> = OnceLock::new();
    let cache = CACHE.get_or_init(Default::default);
    if let Some(b) = cache.lock().unwrap().get(&decoded_len) {
        return b.clone();
    }
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    let head: &[u8] = b"<rss>";
    let head = &head[..head.len().min(decoded_len)];
    enc.write_all(head).expect("gzip to memory");
    let spaces = vec![b' '; 64 * 1024];
    let mut left = decoded_len - head.len();
    while left > 0 {
        let n = left.min(spaces.len());
        enc.write_all(&spaces[..n]).expect("gzip to memory");
        left -= n;
    }
    let bytes = Bytes::from(enc.finish().expect("gzip to memory"));
    cache.lock().unwrap().insert(decoded_len, bytes.clone());
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn etag_matching() {
        assert!(etag_list_matches("\"a\"", "\"a\""));
        assert!(etag_list_matches("\"x\", W/\"a\"", "\"a\""));
        assert!(etag_list_matches("*", "\"a\""));
        assert!(!etag_list_matches("\"b\"", "\"a\""));
    }

    #[test]
    fn bomb_is_cached_and_small() {
        let a = gzip_bomb_bytes(1 << 20);
        let b = gzip_bomb_bytes(1 << 20);
        assert_eq!(a.as_ptr(), b.as_ptr());
        assert!(a.len() < 4096, "{}", a.len());
        assert!(!gzip_bomb_bytes(0).is_empty());
    }
}
