//! Edge cases a real FreshRSS does not produce on demand, against canned
//! answers from a `FixtureServer` on 127.0.0.1: paging by `continuation`,
//! oversized and malformed bodies, server errors, timeouts.

use std::time::Duration;

use byline_accounts::{Error, Fever, GReader, HttpOptions, RemoteAccount};
use byline_testkit::{Fixture, FixtureServer};

const ITEM_IDS: &str = "/api/reader/api/0/stream/items/ids";

/// The path and query the client sends for the unread ids, page `c`.
fn unread_ids_path(c: Option<&str>) -> String {
    let mut query = url::form_urlencoded::Serializer::new(String::new());
    query.append_pair("s", "user/-/state/com.google/reading-list");
    query.append_pair("n", &byline_accounts::greader::IDS_PER_PAGE.to_string());
    query.append_pair("output", "json");
    query.append_pair("xt", "user/-/state/com.google/read");
    if let Some(c) = c {
        query.append_pair("c", c);
    }
    format!("{ITEM_IDS}?{}", query.finish())
}

fn json(body: &str) -> Fixture {
    Fixture::body("application/json", body.to_owned())
}

async fn greader_on(server: &FixtureServer, options: &HttpOptions) -> GReader {
    server.route("/api/accounts/ClientLogin", Fixture::body("text/plain", "SID=x\nLSID=null\nAuth=alice/token\n"));
    GReader::login_with(&server.url("/api"), "alice", "secret", options).await.expect("login")
}

#[tokio::test]
async fn greader_follows_continuation_and_stops_on_an_empty_page() {
    let server = FixtureServer::start().await;
    let account = greader_on(&server, &HttpOptions::default()).await;
    server.route(&unread_ids_path(None), json(r#"{"itemRefs":[{"id":"5"},{"id":"4"}],"continuation":"4"}"#));
    server.route(&unread_ids_path(Some("4")), json(r#"{"itemRefs":[{"id":"3"}],"continuation":"3"}"#));
    // The last page still carries a continuation (as FreshRSS does); the next one is empty.
    server.route(&unread_ids_path(Some("3")), json(r#"{"itemRefs":[],"continuation":"2"}"#));

    assert_eq!(account.unread_ids().await.unwrap(), ["5", "4", "3"]);
    assert_eq!(server.hits(&unread_ids_path(Some("3"))), 1);
    assert_eq!(server.hits(&unread_ids_path(Some("2"))), 0);
    let headers = server.request_headers(ITEM_IDS);
    assert_eq!(headers[0]["authorization"], "GoogleLogin auth=alice/token");
    // The token is a secret: Debug does not show it.
    assert!(!format!("{account:?}").contains("alice/token"));
}

#[tokio::test]
async fn greader_maps_statuses_and_bad_bodies() {
    let server = FixtureServer::start().await;
    let account = greader_on(&server, &HttpOptions::default()).await;
    let list = "/api/reader/api/0/subscription/list";

    server.route(list, Fixture::body("text/plain", "Service Unavailable").status(503));
    assert!(matches!(account.feeds().await, Err(Error::ServerError(_))));
    server.route(list, Fixture::body("text/html", "<html>login</html>"));
    assert!(matches!(account.feeds().await, Err(Error::ServerError(_))));
    server.route(list, Fixture::body("text/plain", "Unauthorized!").status(401));
    assert!(matches!(account.feeds().await, Err(Error::Unauthorized)));
    server.route(list, Fixture::body("text/plain", "Bad Request!").status(400));
    assert!(matches!(account.feeds().await, Err(Error::Protocol(_))));
    server.route(list, json(r#"{"subscriptions":[]}"#));
    assert!(account.feeds().await.unwrap().is_empty());

    // A login answer without Auth=.
    server.route("/api/accounts/ClientLogin", Fixture::body("text/plain", "Error=BadAuthentication"));
    assert!(matches!(GReader::login(&server.url("/api"), "a", "b").await, Err(Error::ServerError(_))));
    server.route("/api/accounts/ClientLogin", Fixture::body("text/plain", "Unauthorized!").status(401));
    assert!(matches!(GReader::login(&server.url("/api"), "a", "b").await, Err(Error::Unauthorized)));
}

#[tokio::test]
async fn bodies_are_capped() {
    let server = FixtureServer::start().await;
    let options = HttpOptions { max_body_bytes: 64 * 1024, ..HttpOptions::default() };
    let account = greader_on(&server, &options).await;
    let list = "/api/reader/api/0/subscription/list";

    // With a Content-Length,
    server.route(list, json(&format!(r#"{{"subscriptions":[],"pad":"{}"}}"#, "x".repeat(100 * 1024))));
    let big = account.feeds().await;
    assert!(matches!(&big, Err(Error::ServerError(m)) if m.contains("larger")), "{big:?}");
    // without one (chunked),
    server.route(list, Fixture::slow_body("application/json", vec![b' '; 16 * 1024], 16, Duration::ZERO));
    let chunked = account.feeds().await;
    assert!(matches!(&chunked, Err(Error::ServerError(m)) if m.contains("larger")), "{chunked:?}");
    // and compressed: the cap counts decoded bytes.
    server.route(list, Fixture::gzip_bomb(8 * 1024 * 1024));
    let bomb = account.feeds().await;
    assert!(matches!(&bomb, Err(Error::ServerError(m)) if m.contains("larger")), "{bomb:?}");
}

#[tokio::test]
async fn a_server_that_does_not_answer_in_time_is_unreachable() {
    let server = FixtureServer::start().await;
    let options = HttpOptions { timeout: Duration::from_millis(300), ..HttpOptions::default() };
    let account = greader_on(&server, &options).await;
    server.route("/api/reader/api/0/subscription/list", json("{}").delay(Duration::from_secs(5)));
    let slow = account.feeds().await;
    assert!(matches!(&slow, Err(Error::Unreachable(_))), "{slow:?}");
}

#[tokio::test]
async fn fever_auth_zero_and_missing_auth() {
    let server = FixtureServer::start().await;
    server.route("/fever/", json(r#"{"api_version":3,"auth":0}"#));
    let refused = Fever::login(&server.url("/fever/"), "a", "b").await;
    assert!(matches!(refused, Err(Error::Unauthorized)), "{refused:?}");
    server.route("/fever/", json(r#"{"api_version":3}"#));
    let odd = Fever::login(&server.url("/fever/"), "a", "b").await;
    assert!(matches!(odd, Err(Error::ServerError(_))), "{odd:?}");
    server.route("/fever/", json(r#"{"api_version":3,"auth":1}"#));
    Fever::login(&server.url("/fever/"), "a", "b").await.unwrap();
    // The key goes in the POST body, never in the address.
    assert!(server.request_headers("/fever/?api").len() >= 3);
}
