//! The OS keyring path of account passwords, end to end: `byline-cli`
//! against a real FreshRSS (`byline_testkit::FreshRss`) with a real GNOME
//! Keyring on a private session bus (`byline_testkit::Keyring`), and
//! without `BYLINE_ACCOUNT_PASSWORD`.
//!
//! This file is a test binary of its own with one test: it points this
//! process at the private bus (`DBUS_SESSION_BUS_ADDRESS`) to look into
//! the keyring with `KeyringStore`, which no other test may see.

use std::path::Path;

use byline_engine::accounts::RemoteAccount as _;
use byline_engine::accounts::{credential_key, session_key, CredentialError, CredentialStore, GReader, KeyringStore};
use byline_testkit::{Fixture, FixtureServer, FreshRss, Keyring};
use serde_json::Value;
use util::Run;

mod util;

/// Runs `byline-cli --db DIR/byline.sqlite3 --extract never ARGS…` with
/// `stdin`, never with `BYLINE_ACCOUNT_PASSWORD`, on the session bus `bus`
/// (HOME and XDG inside `dir`).
fn cli(dir: &Path, bus: &str, args: &[&str], stdin: &str) -> Run {
    let mut command = util::command(dir);
    command
        .arg("--db")
        .arg(dir.join("byline.sqlite3"))
        .args(["--extract", "never"])
        .args(args)
        .env("DBUS_SESSION_BUS_ADDRESS", bus);
    util::run(command, stdin)
}

/// How many times FreshRSS was logged in to (`accounts/ClientLogin`).
fn logins(server: &FreshRss) -> usize {
    server.logged_requests().iter().filter(|r| r.contains("/accounts/ClientLogin")).count()
}

#[tokio::test(flavor = "multi_thread")]
async fn account_password_and_session_live_in_the_keyring() {
    let Some(keyring) = Keyring::start_or_skip("account_password_and_session_live_in_the_keyring") else { return };
    // This process looks into the same keyring (see the module documentation).
    std::env::set_var("DBUS_SESSION_BUS_ADDRESS", keyring.bus_address());
    let bus = keyring.bus_address().to_string();

    let feeds = FixtureServer::start().await;
    let rss = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Açar</title><link>{0}/</link>\
         <item><title>Açar xəbəri</title><link>{0}/1</link><guid>keyring-1</guid>\
         <description>Mətn</description></item></channel></rss>",
        feeds.base_url()
    );
    feeds.route("/rss.xml", Fixture::body("application/rss+xml", rss));
    let server = FreshRss::start().await;
    let greader = GReader::login(server.greader_url(), FreshRss::USER, FreshRss::PASSWORD).await.unwrap();
    greader.subscribe(&feeds.url("/rss.xml"), None, None).await.unwrap();
    let url = server.greader_url().to_string();
    let key = credential_key("greader", FreshRss::USER, &url);
    let dir = tempfile::tempdir().unwrap();
    let dir = dir.path().to_path_buf();

    let outcome = tokio::task::spawn_blocking(move || {
        let add = ["account", "add", "--kind", "greader", "--url", &url, "--user", FreshRss::USER, "--json"];

        // No keyring daemon: the clear error, and nothing is added.
        let refused = cli(&dir, "unix:path=/nonexistent", &add, "apipass123\n");
        assert_eq!(refused.code, 1, "{refused:?}");
        assert!(refused.stderr.contains("no keyring is available"), "{refused:?}");
        assert!(refused.stderr.contains("BYLINE_ACCOUNT_PASSWORD"), "{refused:?}");
        assert_eq!(cli(&dir, &bus, &["account", "list", "--json"], "").json(), Value::Array(vec![]));

        // `account add` keeps the password, and its login's session, in the keyring.
        let added = cli(&dir, &bus, &add, "apipass123\n").json();
        let id = added["id"].as_i64().unwrap().to_string();
        assert_eq!(KeyringStore.get(&key).unwrap(), FreshRss::PASSWORD);
        let session = KeyringStore.get(&session_key(&key)).expect("the session is kept in the keyring");

        // `sync` needs no password in the environment, and no login either.
        let logins_before = logins(&server);
        let synced = cli(&dir, &bus, &["sync", "--json"], "").json();
        let account = &synced["accounts"][0];
        assert_eq!((account["error"].clone(), account["new_articles"].as_i64()), (Value::Null, Some(1)), "{synced}");
        let again = cli(&dir, &bus, &["sync", "--json"], "").json();
        assert_eq!(again["accounts"][0]["error"], Value::Null, "{again}");
        assert_eq!(logins(&server), logins_before, "the kept session was used");
        assert_eq!(KeyringStore.get(&session_key(&key)).unwrap(), session);

        // `account remove` deletes both from the keyring.
        let removed = cli(&dir, &bus, &["account", "remove", &id], "");
        assert_eq!(removed.code, 0, "{removed:?}");
        assert_eq!(KeyringStore.get(&key), Err(CredentialError::NotFound(key.clone())));
        assert!(matches!(KeyringStore.get(&session_key(&key)), Err(CredentialError::NotFound(_))));
        server
    })
    .await;
    drop(outcome.unwrap());
    drop(keyring);
}
