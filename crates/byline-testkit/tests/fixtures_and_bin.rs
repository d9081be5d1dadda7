//! The engine's fixture files, served by `serve_dir` and by the
//! `byline-fixture-server` binary.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Command, Stdio};

use byline_testkit::{fixture_path, fixtures_dir, FixtureServer};

/// A blocking `GET` with `Connection: close`; returns (head, body).
fn get(addr: &str, path: &str) -> (String, Vec<u8>) {
    let mut s = TcpStream::connect(addr).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).unwrap();
    let end = raw.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
    (String::from_utf8(raw[..end].to_vec()).unwrap(), raw[end + 4..].to_vec())
}

#[test]
fn fixture_files_have_the_promised_encodings() {
    let read = |name: &str| std::fs::read(fixture_path(name)).unwrap();
    for utf8 in ["rss2.xml", "rss2-updated.xml", "rss1.rdf", "atom.xml", "az-utf8.xml", "hostile.xml"] {
        assert!(String::from_utf8(read(utf8)).is_ok(), "{utf8} is UTF-8");
    }
    for legacy in ["az-1251.xml", "ru-1251-noprolog.xml", "ru-koi8r.xml"] {
        assert!(String::from_utf8(read(legacy)).is_err(), "{legacy} is not UTF-8");
    }
    // "Курс маната" in windows-1251 and in KOI8-R.
    let kurs_1251: &[u8] = &[0xCA, 0xF3, 0xF0, 0xF1, 0x20, 0xEC, 0xE0, 0xED, 0xE0, 0xF2, 0xE0];
    let kurs_koi8: &[u8] = &[0xEB, 0xD5, 0xD2, 0xD3, 0x20, 0xCD, 0xC1, 0xCE, 0xC1, 0xD4, 0xC1];
    let contains = |hay: &[u8], needle: &[u8]| hay.windows(needle.len()).any(|w| w == needle);
    assert!(contains(&read("az-1251.xml"), kurs_1251));
    assert!(contains(&read("ru-1251-noprolog.xml"), kurs_1251));
    assert!(!read("ru-1251-noprolog.xml").starts_with(b"<?xml"));
    assert!(contains(&read("ru-koi8r.xml"), kurs_koi8));
    let json: serde_json::Value = serde_json::from_slice(&read("feed.json")).unwrap();
    assert_eq!(json["version"], "https://jsonfeed.org/version/1.1");
}

#[tokio::test]
async fn serve_dir_serves_the_engine_fixtures() {
    let server = FixtureServer::serve_dir(fixtures_dir()).await;
    let addr = server.addr().to_string();
    let expected = std::fs::read(fixture_path("az-1251.xml")).unwrap();
    let checks = [
        ("/rss2.xml", "application/rss+xml"),
        ("/rss1.rdf", "application/rdf+xml"),
        ("/feed.json", "application/feed+json"),
        ("/not-a-feed.html", "text/html"),
    ];
    let (head, body) = tokio::task::spawn_blocking(move || {
        for (path, ct) in checks {
            let (head, _) = get(&addr, path);
            assert!(head.starts_with("HTTP/1.1 200"), "{path}: {head}");
            assert!(head.to_ascii_lowercase().contains(&format!("content-type: {ct}\r\n")), "{head}");
        }
        get(&addr, "/az-1251.xml")
    })
    .await
    .unwrap();
    assert!(head.starts_with("HTTP/1.1 200"));
    assert_eq!(body, expected);
    assert_eq!(server.hits("/az-1251.xml"), 1);
}

#[test]
fn binary_prints_base_url_and_serves_dir() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline-fixture-server"))
        .arg(fixtures_dir())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut line).unwrap();
    let base = line.trim().to_owned();
    let result = std::panic::catch_unwind(|| {
        let addr = base.strip_prefix("http://127.0.0.1:").map(|p| format!("127.0.0.1:{p}"));
        let addr = addr.unwrap_or_else(|| panic!("unexpected first line {base:?}"));
        let (head, body) = get(&addr, "/atom.xml");
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert!(head.to_ascii_lowercase().contains("content-type: application/rss+xml"));
        assert!(body.starts_with(b"<?xml"));
        assert!(get(&addr, "/nope").0.starts_with("HTTP/1.1 404"));
    });
    child.kill().unwrap();
    child.wait().unwrap();
    result.unwrap();
}

#[test]
fn binary_rejects_bad_arguments() {
    let out =
        Command::new(env!("CARGO_BIN_EXE_byline-fixture-server")).args(["/definitely/not/a/dir"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage:"));
}
