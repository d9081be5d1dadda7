//! The FreshRSS test server starts, answers, refreshes, stops and cleans up.

use std::path::PathBuf;

use byline_testkit::FreshRss;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// GET `path` over plain HTTP/1.0 and return the whole answer.
async fn get(port: u16, path: &str) -> std::io::Result<String> {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).await?;
    stream.write_all(format!("GET {path} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n").as_bytes()).await?;
    let mut answer = String::new();
    stream.read_to_string(&mut answer).await?;
    Ok(answer)
}

#[tokio::test]
async fn freshrss_starts_refreshes_and_stops() {
    let mut server = FreshRss::start().await;
    let port = server.port();
    assert_eq!(server.greader_url(), format!("http://127.0.0.1:{port}/api/greader.php"));
    assert_eq!(server.fever_url(), format!("http://127.0.0.1:{port}/api/fever.php"));
    let answer = get(port, "/api/greader.php").await.unwrap();
    assert!(answer.starts_with("HTTP/1.") && answer.ends_with("OK"), "{answer}");

    let summary = server.refresh().await;
    assert!(summary.starts_with("refreshed 0 feed(s) of alice"), "{summary}");

    let dir: PathBuf = server.dir().to_path_buf();
    assert!(dir.join("freshrss/data/users/alice").is_dir());
    server.stop().await;
    assert!(get(port, "/api/greader.php").await.is_err(), "still answering after stop");
    drop(server);
    assert!(!dir.exists(), "{} left behind", dir.display());
}
