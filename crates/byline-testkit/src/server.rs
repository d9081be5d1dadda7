//! [`FixtureServer`]: an axum server on 127.0.0.1 serving [`Fixture`]s.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Router;
use tokio::net::TcpListener;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::Fixture;

struct Shared {
    routes: Mutex<HashMap<String, Fixture>>,
    /// Request headers per path, in arrival order (the length is the hit count).
    log: Mutex<HashMap<String, Vec<HeaderMap>>>,
    dir: Option<PathBuf>,
}

/// A local HTTP/1.1 server on `127.0.0.1`, running in the current tokio
/// runtime until dropped.
///
/// A request is answered, in this order, by the route added with
/// [`FixtureServer::route`] for its exact path and query (`/feed?page=2`),
/// then by the route for its path alone, then (for [`FixtureServer::serve_dir`])
/// by the file at that path, and otherwise with `404 Not Found`. Every request
/// is recorded, whatever its answer.
///
/// Dropping the server stops it accepting connections and shuts down its open
/// connections gracefully, in the background; use
/// [`FixtureServer::shutdown`] to wait until the port is closed.
pub struct FixtureServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for FixtureServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FixtureServer").field("addr", &self.addr).field("dir", &self.shared.dir).finish_non_exhaustive()
    }
}

impl FixtureServer {
    /// Starts on 127.0.0.1 with an OS-chosen port, in the current tokio
    /// runtime, with no routes.
    ///
    /// # Panics
    /// Outside a tokio runtime, or if no port can be bound.
    pub async fn start() -> FixtureServer {
        Self::spawn(None, 0).await.expect("byline-testkit: bind 127.0.0.1:0")
    }

    /// Starts like [`FixtureServer::start`], also serving every file under
    /// `dir` at `/<relative path>` (read from disk at each request, so a test
    /// may rewrite a file between fetches; `/` serves `index.html` if there is
    /// one). Each file is sent with a `Content-Type` guessed from its
    /// extension ([`content_type_for`]), a strong `ETag` (a hash of its bytes)
    /// and a `Last-Modified` (its modification time), and conditional GET is
    /// honoured as for [`Fixture::etag`] and [`Fixture::last_modified`].
    /// Routes added with [`FixtureServer::route`] take precedence over files.
    ///
    /// # Panics
    /// Outside a tokio runtime, or if no port can be bound.
    pub async fn serve_dir(dir: impl AsRef<Path>) -> FixtureServer {
        Self::spawn(Some(dir.as_ref().to_path_buf()), 0).await.expect("byline-testkit: bind 127.0.0.1:0")
    }

    /// Like [`FixtureServer::serve_dir`] on a given port of 127.0.0.1 (`0`
    /// lets the OS choose), returning the bind error instead of panicking.
    pub async fn serve_dir_on_port(dir: impl AsRef<Path>, port: u16) -> std::io::Result<FixtureServer> {
        Self::spawn(Some(dir.as_ref().to_path_buf()), port).await
    }

    async fn spawn(dir: Option<PathBuf>, port: u16) -> std::io::Result<FixtureServer> {
        let listener = TcpListener::bind(SocketAddr::from(([127, 0, 0, 1], port))).await?;
        let addr = listener.local_addr()?;
        let shared = Arc::new(Shared { routes: Mutex::new(HashMap::new()), log: Mutex::new(HashMap::new()), dir });
        let app = Router::new().fallback(handle).with_state(shared.clone());
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(async move {
            let _ = axum::serve(listener, app)
                .with_graceful_shutdown(async move {
                    let _ = stopped.await;
                })
                .await;
        });
        Ok(FixtureServer { addr, shared, stop: Some(stop), task: Some(task) })
    }

    /// The socket address the server listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// [`FixtureServer::base_url`] followed by `path`, which should start with `/`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url(), path)
    }

    /// Adds or replaces the route for `path` (e.g. `/feed.xml`, or
    /// `/feed?page=2` to match that query only). Takes effect for the next
    /// request.
    pub fn route(&self, path: &str, fixture: Fixture) {
        self.shared.routes.lock().unwrap().insert(path.to_owned(), fixture);
    }

    /// How many requests were received for `path`, whatever their answer
    /// (including 304s and 404s). A request for `/a?x=1` counts for both
    /// `/a` and `/a?x=1`.
    pub fn hits(&self, path: &str) -> usize {
        self.shared.log.lock().unwrap().get(path).map_or(0, Vec::len)
    }

    /// Every path (and path with query) requested so far, sorted.
    pub fn requested_paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = self.shared.log.lock().unwrap().keys().cloned().collect();
        paths.sort();
        paths
    }

    /// The headers of every request received for `path` (counted as in
    /// [`FixtureServer::hits`]), in arrival order.
    pub fn request_headers(&self, path: &str) -> Vec<HeaderMap> {
        self.shared.log.lock().unwrap().get(path).cloned().unwrap_or_default()
    }

    /// Stops the server and waits (at most 5 s, then aborts it) until it has
    /// closed its port and connections, e.g. to test "connection refused".
    pub async fn shutdown(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(mut task) = self.task.take() {
            if tokio::time::timeout(Duration::from_secs(5), &mut task).await.is_err() {
                task.abort();
            }
        }
    }
}

impl Drop for FixtureServer {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

async fn handle(State(shared): State<Arc<Shared>>, req: Request) -> Response {
    let (parts, _body) = req.into_parts();
    let path = parts.uri.path().to_owned();
    let path_and_query = parts.uri.path_and_query().map(|pq| pq.as_str().to_owned()).unwrap_or_else(|| path.clone());
    {
        let mut log = shared.log.lock().unwrap();
        log.entry(path.clone()).or_default().push(parts.headers.clone());
        if path_and_query != path {
            log.entry(path_and_query.clone()).or_default().push(parts.headers.clone());
        }
    }
    let routed = {
        let routes = shared.routes.lock().unwrap();
        routes.get(&path_and_query).or_else(|| routes.get(&path)).cloned()
    };
    let fixture = match routed {
        Some(f) => Some(f),
        None => match &shared.dir {
            Some(dir) => file_fixture(dir, &path).await,
            None => None,
        },
    };
    match fixture {
        Some(f) => f.respond(&parts.method, &parts.headers).await,
        None => {
            let mut resp = Response::new(Body::from("Not Found\n"));
            *resp.status_mut() = StatusCode::NOT_FOUND;
            resp.headers_mut().insert(
                axum::http::header::CONTENT_TYPE,
                axum::http::HeaderValue::from_static("text/plain; charset=utf-8"),
            );
            resp
        }
    }
}

/// The fixture for the file under `dir` at URL path `path`, if there is one.
async fn file_fixture(dir: &Path, path: &str) -> Option<Fixture> {
    let decoded = percent_decode(path)?;
    let mut file = dir.to_path_buf();
    for comp in Path::new(decoded.trim_start_matches('/')).components() {
        match comp {
            Component::Normal(c) => file.push(c),
            Component::CurDir => {}
            _ => return None, // `..`, roots, prefixes: never leave `dir`
        }
    }
    let mut meta = tokio::fs::metadata(&file).await.ok()?;
    if meta.is_dir() {
        file.push("index.html");
        meta = tokio::fs::metadata(&file).await.ok()?;
    }
    if !meta.is_file() {
        return None;
    }
    let bytes = tokio::fs::read(&file).await.ok()?;
    let etag = format!("\"{:x}-{:016x}\"", bytes.len(), fnv1a64(&bytes));
    let mut fixture = Fixture::body(content_type_for(&file), Vec::new()).with_bytes(Bytes::from(bytes)).etag(&etag);
    if let Ok(mtime) = meta.modified() {
        fixture = fixture.last_modified(&httpdate::fmt_http_date(mtime));
    }
    Some(fixture)
}

/// The `Content-Type` [`FixtureServer::serve_dir`] sends for a file, from its
/// extension (case-insensitive): `.xml`/`.rss` → `application/rss+xml`,
/// `.rdf` → `application/rdf+xml`, `.atom` → `application/atom+xml`, `.json`
/// → `application/feed+json`, `.html`/`.htm` → `text/html`, `.opml` →
/// `text/x-opml`, images by extension, `.txt` → `text/plain`, anything else
/// `application/octet-stream`. No `charset` parameter is added.
pub fn content_type_for(path: &Path) -> &'static str {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    match ext.as_str() {
        "xml" | "rss" => "application/rss+xml",
        "rdf" => "application/rdf+xml",
        "atom" => "application/atom+xml",
        "json" => "application/feed+json",
        "html" | "htm" => "text/html",
        "opml" => "text/x-opml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "svg" => "image/svg+xml",
        "ico" => "image/x-icon",
        "bmp" => "image/bmp",
        "txt" => "text/plain",
        "css" => "text/css",
        "js" => "text/javascript",
        _ => "application/octet-stream",
    }
}

/// Decodes `%XX` escapes; `None` if the result is not UTF-8 or an escape is bad.
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// FNV-1a, 64-bit: a stable hash for file ETags.
fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types() {
        assert_eq!(content_type_for(Path::new("a/rss2.xml")), "application/rss+xml");
        assert_eq!(content_type_for(Path::new("x.ATOM")), "application/atom+xml");
        assert_eq!(content_type_for(Path::new("feed.json")), "application/feed+json");
        assert_eq!(content_type_for(Path::new("subs.opml")), "text/x-opml");
        assert_eq!(content_type_for(Path::new("a.jpeg")), "image/jpeg");
        assert_eq!(content_type_for(Path::new("noext")), "application/octet-stream");
    }

    #[test]
    fn decoding() {
        assert_eq!(percent_decode("/a%20b.xml").as_deref(), Some("/a b.xml"));
        assert_eq!(percent_decode("/bad%2"), None);
    }
}
