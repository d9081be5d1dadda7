//! `account add/list/remove` and `sync` with a server account, running the
//! real binary against a real FreshRSS (`byline_testkit::FreshRss`) on
//! 127.0.0.1. The password comes through `BYLINE_ACCOUNT_PASSWORD` (the
//! documented fallback where no keyring runs), so no test writes to a real
//! keyring.

use std::path::{Path, PathBuf};

use byline_engine::accounts::{GReader, RemoteAccount, SyncCursor};
use byline_testkit::{Fixture, FixtureServer, FreshRss};
use serde_json::Value;
use util::Run;

mod util;

/// Runs `byline-cli --db DB ARGS…` with `stdin` and, when given, the
/// password in `BYLINE_ACCOUNT_PASSWORD`; HOME and XDG inside `home`.
async fn cli(home: &Path, db: &Path, args: &[&str], stdin: &str, password: Option<&str>) -> Run {
    let mut command = util::command(home);
    command
        .arg("--db")
        .arg(db)
        .args(["--extract", "never"])
        .args(args)
        // No session bus: the keyring is never reached from a test.
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent");
    if let Some(password) = password {
        command.env("BYLINE_ACCOUNT_PASSWORD", password);
    }
    let stdin = stdin.to_string();
    tokio::task::spawn_blocking(move || util::run(command, &stdin)).await.unwrap()
}

fn rss(base: &str) -> String {
    let items: String = (1..=3)
        .map(|i| {
            format!(
                "<item><title>Sunucu xəbəri {i}</title><link>{base}/{i}</link><guid>server-{i}</guid>\
                 <description><![CDATA[<p>Gəncə mətni {i}</p><script>alert(1)</script>]]></description></item>"
            )
        })
        .collect();
    format!("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Sunucu</title><link>{base}/</link>{items}</channel></rss>")
}

#[tokio::test(flavor = "multi_thread")]
async fn account_add_list_sync_and_remove() {
    let feeds = FixtureServer::start().await;
    feeds.route("/rss.xml", Fixture::body("application/rss+xml", rss(&feeds.base_url())));
    let server = FreshRss::start().await;
    let greader = GReader::login(server.greader_url(), FreshRss::USER, FreshRss::PASSWORD).await.unwrap();
    greader.subscribe(&feeds.url("/rss.xml"), None, Some("Xəbərlər")).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let (home, db): (&Path, PathBuf) = (dir.path(), dir.path().join("byline.sqlite3"));
    let url = server.greader_url();
    let add = ["account", "add", "--kind", "greader", "--url", url, "--user", FreshRss::USER];

    // A wrong password: one clear line, nothing added.
    let wrong = cli(home, &db, &add, "not the password\n", Some("not the password")).await;
    assert_eq!(wrong.code, 1, "{wrong:?}");
    assert_eq!(wrong.stderr.lines().count(), 1, "{wrong:?}");
    assert!(wrong.stderr.contains("refused the user name or password"), "{wrong:?}");
    // No password at all.
    let none = cli(home, &db, &add, "", Some(FreshRss::PASSWORD)).await;
    assert!(none.code == 1 && none.stderr.contains("no password"), "{none:?}");

    let added = cli(home, &db, &[&add[..], &["--json"]].concat(), "apipass123\n", Some(FreshRss::PASSWORD)).await;
    let added = added.json();
    assert_eq!((added["kind"].as_str(), added["username"].as_str()), (Some("greader"), Some("alice")));
    let id = added["id"].as_i64().unwrap().to_string();
    let listed = cli(home, &db, &["account", "list", "--json"], "", None).await.json();
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let text = cli(home, &db, &["account", "list"], "", None).await;
    assert!(text.code == 0 && text.stdout.contains("alice @ 127.0.0.1") && text.stdout.contains("never"), "{text:?}");

    // sync brings the account's articles, sanitized, listed and searchable.
    let synced = cli(home, &db, &["sync", "--json"], "", Some(FreshRss::PASSWORD)).await.json();
    let account = &synced["accounts"][0];
    assert_eq!((account["error"].clone(), account["new_articles"].as_i64()), (Value::Null, Some(3)), "{synced}");
    let found = cli(home, &db, &["search", "gence", "--json"], "", None).await.json();
    assert_eq!(found.as_array().unwrap().len(), 3, "{found}");
    let first = found[0]["id"].as_i64().unwrap().to_string();
    let shown = cli(home, &db, &["show", &first, "--json"], "", None).await.json();
    assert!(!shown.to_string().contains("<script"), "{shown}");

    // Read here → sent by the next sync; the text output names the account.
    assert_eq!(cli(home, &db, &["read", &first], "", None).await.code, 0);
    let text = cli(home, &db, &["sync"], "", Some(FreshRss::PASSWORD)).await;
    assert!(text.code == 0 && text.stdout.contains("alice @ 127.0.0.1: 0 new articles"), "{text:?}");
    assert!(text.stdout.contains("1 change sent"), "{text:?}");
    let items = greader.fetch_items(SyncCursor::Start).await.unwrap().items;
    assert_eq!(items.iter().filter(|i| i.read).count(), 1);

    // Without the password (no keyring here either): the sync says what to do.
    let failed = cli(home, &db, &["sync", "--json"], "", None).await.json();
    let error = failed["accounts"][0]["error"].as_str().unwrap().to_string();
    assert!(error.contains("BYLINE_ACCOUNT_PASSWORD"), "{error}");

    let removed = cli(home, &db, &["account", "remove", &id], "", None).await;
    assert_eq!(removed.code, 0, "{removed:?}");
    assert_eq!(cli(home, &db, &["account", "list", "--json"], "", None).await.json(), Value::Array(vec![]));
    let gone = cli(home, &db, &["account", "remove", &id], "", None).await;
    assert!(gone.code == 1 && gone.stderr.contains("not found"), "{gone:?}");
}
