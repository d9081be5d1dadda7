//! FixtureServer behaviour, checked with a bare HTTP/1.1 client over TcpStream.

use std::io::Read;
use std::time::{Duration, Instant};

use byline_testkit::{generate_rss, Fixture, FixtureServer};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

struct Resp {
    status: u16,
    headers: Vec<(String, String)>,
    /// The body as sent on the wire (de-chunked, not decompressed).
    body: Vec<u8>,
}

impl Resp {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// One request on a fresh connection (`Connection: close`), read to EOF.
async fn request(server: &FixtureServer, method: &str, path: &str, extra: &[(&str, &str)]) -> Resp {
    let mut stream = TcpStream::connect(server.addr()).await.unwrap();
    let mut req = format!("{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\n", server.addr());
    for (n, v) in extra {
        req.push_str(&format!("{n}: {v}\r\n"));
    }
    req.push_str("\r\n");
    stream.write_all(req.as_bytes()).await.unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).await.unwrap();
    parse(&raw, method == "HEAD")
}

async fn get(server: &FixtureServer, path: &str) -> Resp {
    request(server, "GET", path, &[]).await
}

fn parse(raw: &[u8], head: bool) -> Resp {
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("end of headers");
    let text = std::str::from_utf8(&raw[..end]).unwrap();
    let mut lines = text.split("\r\n");
    let status: u16 = lines.next().unwrap().split(' ').nth(1).unwrap().parse().unwrap();
    let headers: Vec<(String, String)> = lines
        .map(|l| {
            let (n, v) = l.split_once(':').unwrap();
            (n.trim().to_owned(), v.trim().to_owned())
        })
        .collect();
    let rest = &raw[end + 4..];
    let chunked = headers.iter().any(|(n, v)| n.eq_ignore_ascii_case("transfer-encoding") && v.contains("chunked"));
    let body = if head {
        Vec::new()
    } else if chunked {
        dechunk(rest)
    } else {
        rest.to_vec()
    };
    Resp { status, headers, body }
}

fn dechunk(mut data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let eol = data.windows(2).position(|w| w == b"\r\n").unwrap();
        let size_line = std::str::from_utf8(&data[..eol]).unwrap();
        let size = usize::from_str_radix(size_line.split(';').next().unwrap().trim(), 16).unwrap();
        data = &data[eol + 2..];
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&data[..size]);
        data = &data[size + 2..];
    }
}

#[tokio::test]
async fn serves_body_with_200() {
    let server = FixtureServer::start().await;
    assert!(server.base_url().starts_with("http://127.0.0.1:"));
    assert_eq!(server.url("/feed.xml"), format!("{}/feed.xml", server.base_url()));
    let rss = generate_rss(0, 3, "https://news.example");
    server.route("/feed.xml", Fixture::body("application/rss+xml; charset=utf-8", rss.clone()));
    let r = get(&server, "/feed.xml").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/rss+xml; charset=utf-8"));
    assert_eq!(r.header("content-length"), Some(rss.len().to_string().as_str()));
    assert_eq!(r.body, rss.as_bytes());

    // Replace the route at runtime; status and extra headers.
    server.route("/feed.xml", Fixture::body("text/plain", "gone").status(410).header("Cache-Control", "max-age=60"));
    let r = get(&server, "/feed.xml").await;
    assert_eq!(r.status, 410);
    assert_eq!(r.header("cache-control"), Some("max-age=60"));
    assert_eq!(r.body, b"gone");
}

#[tokio::test]
async fn etag_and_last_modified_give_304() {
    let server = FixtureServer::start().await;
    let lm = "Mon, 02 Mar 2026 08:00:00 GMT";
    server.route("/f", Fixture::body("application/rss+xml", "<rss/>").etag("\"abc\"").last_modified(lm));
    let r = get(&server, "/f").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("etag"), Some("\"abc\""));
    assert_eq!(r.header("last-modified"), Some(lm));

    let r = request(&server, "GET", "/f", &[("If-None-Match", "\"abc\"")]).await;
    assert_eq!(r.status, 304);
    assert!(r.body.is_empty());
    assert_eq!(r.header("etag"), Some("\"abc\""));

    let r = request(&server, "GET", "/f", &[("If-None-Match", "\"zzz\"")]).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.body, b"<rss/>");

    // If-Modified-Since: exact match only, and ignored when If-None-Match is sent.
    let r = request(&server, "GET", "/f", &[("If-Modified-Since", lm)]).await;
    assert_eq!(r.status, 304);
    let r = request(&server, "GET", "/f", &[("If-Modified-Since", "Tue, 03 Mar 2026 08:00:00 GMT")]).await;
    assert_eq!(r.status, 200);
    let r = request(&server, "GET", "/f", &[("If-Modified-Since", lm), ("If-None-Match", "\"old\"")]).await;
    assert_eq!(r.status, 200);

    assert_eq!(server.hits("/f"), 6);
    let sent = server.request_headers("/f");
    assert_eq!(sent.len(), 6);
    assert!(sent[0].get("if-none-match").is_none());
    assert_eq!(sent[1].get("if-none-match").unwrap(), "\"abc\"");
}

#[tokio::test]
async fn too_many_requests_sends_retry_after() {
    let server = FixtureServer::start().await;
    server.route("/busy", Fixture::too_many_requests("120"));
    let r = get(&server, "/busy").await;
    assert_eq!(r.status, 429);
    assert_eq!(r.header("retry-after"), Some("120"));
    server.route("/busy", Fixture::too_many_requests("Wed, 04 Mar 2026 10:00:00 GMT"));
    assert_eq!(get(&server, "/busy").await.header("retry-after"), Some("Wed, 04 Mar 2026 10:00:00 GMT"));
}

#[tokio::test]
async fn redirect_sends_location() {
    let server = FixtureServer::start().await;
    for code in [301, 302, 307, 308] {
        let target = server.url("/new.xml");
        server.route("/old.xml", Fixture::redirect(code, &target));
        let r = get(&server, "/old.xml").await;
        assert_eq!(r.status, code);
        assert_eq!(r.header("location"), Some(target.as_str()));
    }
    server.route("/rel", Fixture::redirect(302, "/new.xml"));
    assert_eq!(get(&server, "/rel").await.header("location"), Some("/new.xml"));
}

#[tokio::test]
async fn gzip_bomb_is_small_on_the_wire() {
    let server = FixtureServer::start().await;
    let decoded_len = 64 * 1024 * 1024;
    server.route("/bomb.xml", Fixture::gzip_bomb(decoded_len));
    let r = get(&server, "/bomb.xml").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-encoding"), Some("gzip"));
    assert_eq!(r.header("content-type"), Some("application/rss+xml"));
    assert!(r.body.len() < 128 * 1024, "wire size {}", r.body.len());
    let mut dec = flate2::read::GzDecoder::new(&r.body[..]);
    let mut head = [0u8; 5];
    dec.read_exact(&mut head).unwrap();
    assert_eq!(&head, b"<rss>");
    let rest = std::io::copy(&mut dec, &mut std::io::sink()).unwrap();
    assert_eq!(rest as usize + 5, decoded_len);
}

#[tokio::test]
async fn counts_hits_and_404s() {
    let server = FixtureServer::start().await;
    server.route("/a", Fixture::body("text/plain", "a"));
    assert_eq!(server.hits("/a"), 0);
    for _ in 0..3 {
        assert_eq!(get(&server, "/a").await.status, 200);
    }
    assert_eq!(get(&server, "/a?page=2").await.status, 200);
    assert_eq!(server.hits("/a"), 4);
    assert_eq!(server.hits("/a?page=2"), 1);

    // A route for one query only.
    server.route("/a?page=3", Fixture::body("text/plain", "three"));
    assert_eq!(get(&server, "/a?page=3").await.body, b"three");

    let r = get(&server, "/missing.xml").await;
    assert_eq!(r.status, 404);
    assert_eq!(server.hits("/missing.xml"), 1);
    assert_eq!(server.hits("/never"), 0);
    assert!(server.request_headers("/never").is_empty());
}

#[tokio::test]
async fn delay_and_slow_body() {
    let server = FixtureServer::start().await;
    server.route("/slow-head", Fixture::body("text/plain", "ok").delay(Duration::from_millis(300)));
    let t = Instant::now();
    let r = get(&server, "/slow-head").await;
    assert!(t.elapsed() >= Duration::from_millis(300));
    assert_eq!(r.body, b"ok");

    server.route(
        "/drip",
        Fixture::slow_body("application/rss+xml", b"<!-- x -->".to_vec(), 4, Duration::from_millis(100)),
    );
    let t = Instant::now();
    let r = get(&server, "/drip").await;
    assert!(t.elapsed() >= Duration::from_millis(300));
    assert_eq!(r.body, b"<!-- x -->".repeat(4));
}

#[tokio::test]
async fn serve_dir_serves_files_with_validators() {
    let dir = std::env::temp_dir().join(format!("byline-testkit-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("sub")).unwrap();
    std::fs::write(dir.join("feed.atom"), "<feed xmlns=\"http://www.w3.org/2005/Atom\"/>").unwrap();
    std::fs::write(dir.join("sub/list.opml"), "<opml version=\"2.0\"/>").unwrap();
    std::fs::write(dir.join("index.html"), "<html></html>").unwrap();
    let server = FixtureServer::serve_dir(&dir).await;

    let r = get(&server, "/feed.atom").await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/atom+xml"));
    let etag = r.header("etag").unwrap().to_owned();
    assert!(etag.starts_with('"') && etag.ends_with('"'));
    let lm = r.header("last-modified").unwrap().to_owned();
    assert_eq!(request(&server, "GET", "/feed.atom", &[("If-None-Match", &etag)]).await.status, 304);
    assert_eq!(request(&server, "GET", "/feed.atom", &[("If-Modified-Since", &lm)]).await.status, 304);

    assert_eq!(get(&server, "/sub/list.opml").await.header("content-type"), Some("text/x-opml"));
    assert_eq!(get(&server, "/").await.body, b"<html></html>");
    assert_eq!(get(&server, "/nope.xml").await.status, 404);
    assert_eq!(get(&server, "/../etc/passwd").await.status, 404);
    assert_eq!(get(&server, "/sub/..%2F..%2Fetc%2Fpasswd").await.status, 404);
    let h = request(&server, "HEAD", "/feed.atom", &[]).await;
    assert_eq!(h.status, 200);

    // A route overrides a file.
    server.route("/feed.atom", Fixture::body("text/plain", "routed"));
    assert_eq!(get(&server, "/feed.atom").await.body, b"routed");
    drop(server);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn shutdown_closes_the_port() {
    let server = FixtureServer::start().await;
    let addr = server.addr();
    server.shutdown().await;
    assert!(TcpStream::connect(addr).await.is_err());
}
