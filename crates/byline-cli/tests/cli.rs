//! Runs the real `byline-cli` binary against a temporary database and the
//! engine's fixture feeds served on 127.0.0.1.

use std::path::{Path, PathBuf};
use std::process::Command;

use byline_testkit::{fixture_path, fixtures_dir, Fixture, FixtureServer};
use serde_json::Value;
use tempfile::TempDir;

use util::{Run, BIN};

mod util;

/// A temporary home, database and fixture server for one test.
struct Env {
    dir: TempDir,
    db: PathBuf,
    server: FixtureServer,
}

impl Env {
    async fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        let db = dir.path().join("byline.sqlite3");
        let server = FixtureServer::serve_dir(fixtures_dir()).await;
        Env { dir, db, server }
    }

    fn url(&self, path: &str) -> String {
        self.server.url(path)
    }

    /// Runs `byline-cli --db <this db> ARGS…`.
    async fn cli(&self, args: &[&str]) -> Run {
        self.cli_on(&self.db.clone(), args).await
    }

    /// Runs `byline-cli --db DB ARGS…`.
    async fn cli_on(&self, db: &Path, args: &[&str]) -> Run {
        // Fixture feeds link to article pages on hosts that are not on this
        // machine: tests never reach for them.
        let mut all = vec!["--db".to_string(), db.display().to_string(), "--extract".into(), "never".into()];
        all.extend(args.iter().map(|a| a.to_string()));
        run(self.dir.path(), all).await
    }
}

/// Runs the binary (off the async runtime, so the fixture server keeps
/// serving), with HOME and the XDG directories inside `home` so nothing can
/// reach the real user's database.
async fn run(home: &Path, args: Vec<String>) -> Run {
    let mut command = util::command(home);
    command.args(&args);
    tokio::task::spawn_blocking(move || command.output().expect("run byline-cli").into()).await.unwrap()
}

fn titles(rows: &Value) -> Vec<String> {
    rows.as_array().unwrap().iter().map(|r| r["title"].as_str().unwrap().to_string()).collect()
}

fn ids(rows: &Value) -> Vec<i64> {
    rows.as_array().unwrap().iter().map(|r| r["id"].as_i64().unwrap()).collect()
}

/// Adds az-utf8.xml and returns the feed.
async fn add_az(env: &Env) -> Value {
    env.cli(&["add", &env.url("/az-utf8.xml"), "--json"]).await.json()
}

/// The article ids of az-utf8.xml by title.
async fn az_article(env: &Env, title_start: &str) -> i64 {
    let rows = env.cli(&["list", "--json"]).await.json();
    rows.as_array()
        .unwrap()
        .iter()
        .find(|r| r["title"].as_str().unwrap().starts_with(title_start))
        .unwrap_or_else(|| panic!("no article {title_start:?} in {rows}"))["id"]
        .as_i64()
        .unwrap()
}

#[tokio::test(flavor = "multi_thread")]
async fn add_by_feed_url_then_list_json_keeps_azerbaijani_text() {
    let env = Env::new().await;
    let feed = add_az(&env).await;
    assert_eq!(feed["title"], "Xəbər Mərkəzi — Azərbaycan xəbərləri");
    assert_eq!(feed["url"], env.url("/az-utf8.xml"));
    assert_eq!(feed["unread_count"], 4);
    let feed_id = feed["id"].as_i64().unwrap();

    let rows = env.cli(&["list", "--json"]).await.json();
    assert_eq!(rows.as_array().unwrap().len(), 4);
    for row in rows.as_array().unwrap() {
        for field in ["id", "feed_id", "title", "url", "author", "published", "read", "saved", "feed_title"] {
            assert!(row.get(field).is_some(), "{field} missing in {row}");
        }
        assert_eq!(row["feed_id"], feed_id);
        assert_eq!(row["author"], "Gülağa İsgəndərov");
        assert_eq!(row["read"], false);
        assert_eq!(row["saved"], false);
    }
    let titles = titles(&rows);
    assert_eq!(titles[0], "Şəhərdə yeni məktəb açıldı");
    assert!(titles.contains(&"İlham Əliyev Qazaxıstana səfər edib".to_string()), "{titles:?}");
    assert_eq!(rows[0]["published"], "2026-03-03T07:30:00Z");
    assert_eq!(rows[0]["url"], "https://xeber.example.az/cemiyyet/2026/03/03/seherde-yeni-mekteb-acildi");

    // People get aligned rows with the unread marker.
    let text = env.cli(&["list"]).await;
    let line = text.ok().lines().find(|l| l.contains("Şəhərdə yeni məktəb açıldı")).expect("row");
    assert!(line.contains('●'), "{line}");
    assert!(line.chars().count() <= 100, "{line}");

    // The human `feeds` table and `add` output.
    let feeds = env.cli(&["feeds"]).await;
    assert!(feeds.ok().contains("Xəbər Mərkəzi"), "{feeds:?}");
    let again = env.cli(&["add", &env.url("/az-utf8.xml")]).await;
    assert!(again.ok().contains(&format!("feed {feed_id}")), "{again:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn add_by_site_url_finds_the_advertised_feed_and_files_it_in_a_folder() {
    let env = Env::new().await;
    let feed = env.cli(&["add", &env.url("/not-a-feed.html"), "--folder", "Yerli xəbərlər", "--json"]).await.json();
    assert_eq!(feed["url"], env.url("/rss2.xml"));
    assert_eq!(feed["title"], "Harbour City Chronicle");
    let folder = feed["folder_id"].as_i64().expect("in a folder");
    add_az(&env).await;

    let in_folder = env.cli(&["list", "--folder", &folder.to_string(), "--json"]).await.json();
    assert!(!in_folder.as_array().unwrap().is_empty());
    assert!(in_folder.as_array().unwrap().iter().all(|r| r["feed_id"] == feed["id"]), "{in_folder}");
    let by_feed = env.cli(&["list", "--feed", &feed["id"].to_string(), "--json"]).await.json();
    assert_eq!(ids(&by_feed), ids(&in_folder));
    let table = env.cli(&["feeds"]).await;
    assert!(table.ok().contains("Yerli xəbərlər"), "{table:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn sync_json_reports_a_failing_feed_and_still_exits_0() {
    let env = Env::new().await;
    let good = env.url("/az-utf8.xml");
    let bad = env.url("/gone.xml");
    let opml = env.dir.path().join("subs.opml");
    std::fs::write(
        &opml,
        format!(
            r#"<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>t</title></head><body>
  <outline text="Xəbər" type="rss" xmlUrl="{good}"/>
  <outline text="Gone" type="rss" xmlUrl="{bad}"/>
</body></opml>"#
        ),
    )
    .unwrap();
    let imported = env.cli(&["import", opml.to_str().unwrap(), "--json"]).await.json();
    assert_eq!(imported["import"]["feeds_in_file"], 2);
    assert_eq!(imported["import"]["feeds_added"], 2);
    assert_eq!(imported["sync"]["failed"], 1);
    assert_eq!(imported["sync"]["new_articles"], 4);

    let report = env.cli(&["sync", "--force", "--json"]).await.json();
    assert_eq!(report["feeds"], 2);
    assert_eq!(report["ok"], 1);
    assert_eq!(report["failed"], 1);
    assert_eq!(report["new_articles"], 0);
    let errors = report["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 1);
    assert!(errors[0]["feed_id"].is_i64(), "{report}");
    assert_eq!(errors[0]["url"], bad);
    assert!(errors[0]["error"].as_str().unwrap().contains("404"), "{report}");

    // Without --force the failing feed is backing off and left alone.
    let report = env.cli(&["sync", "--json"]).await.json();
    assert_eq!(report["feeds"], 1);
    assert_eq!(report["failed"], 0);

    // The feed list shows the error.
    let feeds = env.cli(&["feeds", "--json"]).await.json();
    let gone = feeds.as_array().unwrap().iter().find(|f| f["url"] == bad).unwrap();
    assert!(gone["error_count"].as_i64().unwrap() >= 2, "{gone}");
    assert!(gone["last_error"].as_str().unwrap().contains("404"), "{gone}");

    // Piped human output: a summary, one line per failure, no progress bar.
    let piped = env.cli(&["sync", "--force"]).await;
    let lines: Vec<&str> = piped.ok().lines().collect();
    assert!(lines[0].starts_with("Synced 2 feeds: 1 ok, 1 failed"), "{piped:?}");
    assert_eq!(lines.len(), 2, "{piped:?}");
    assert!(lines[1].contains(&bad) && lines[1].contains("404"), "{piped:?}");
    for stream in [&piped.stdout, &piped.stderr] {
        assert!(!stream.contains('\x1b') && !stream.contains('\r'), "escape codes in {piped:?}");
    }
    assert!(piped.stderr.is_empty(), "{piped:?}");
    let import_again = env.cli(&["import", opml.to_str().unwrap()]).await;
    assert!(!import_again.stderr.contains('\x1b'), "{import_again:?}");
    assert!(import_again.ok().starts_with("Imported 2 feeds"), "{import_again:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn save_and_read_show_up_in_saved_and_unread_lists() {
    let env = Env::new().await;
    add_az(&env).await;
    let school = az_article(&env, "Şəhərdə").await;
    let visit = az_article(&env, "İlham").await;

    assert!(env.cli(&["save", &school.to_string()]).await.ok().contains("saved"));
    let read = env.cli(&["read", &visit.to_string(), "--json"]).await.json();
    assert_eq!(read, serde_json::json!({ "id": visit, "read": true }));

    let saved = env.cli(&["list", "--saved", "--json"]).await.json();
    assert_eq!(ids(&saved), vec![school]);
    assert_eq!(saved[0]["saved"], true);
    let unread = env.cli(&["list", "--unread", "--json"]).await.json();
    assert_eq!(unread.as_array().unwrap().len(), 3);
    assert!(!ids(&unread).contains(&visit));
    assert!(ids(&unread).contains(&school));

    env.cli(&["unread", &visit.to_string()]).await.ok();
    env.cli(&["unsave", &school.to_string()]).await.ok();
    assert_eq!(env.cli(&["list", "--unread", "--json"]).await.json().as_array().unwrap().len(), 4);
    assert_eq!(env.cli(&["list", "--saved", "--json"]).await.json(), serde_json::json!([]));

    // Paging: --limit, then --after with the last id of the page.
    let first = env.cli(&["list", "--limit", "2", "--json"]).await.json();
    assert_eq!(first.as_array().unwrap().len(), 2);
    let last = ids(&first)[1].to_string();
    let second = env.cli(&["list", "--limit", "2", "--after", &last, "--json"]).await.json();
    let all = env.cli(&["list", "--json"]).await.json();
    assert_eq!([ids(&first), ids(&second)].concat(), ids(&all));
    let page = env.cli(&["list", "--limit", "2"]).await;
    assert!(page.ok().contains("(more: --after "), "{page:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn search_folds_azerbaijani_letters() {
    let env = Env::new().await;
    add_az(&env).await;
    add_az(&env).await;
    for query in ["şəhər", "seher", "ŞƏHƏRDƏ"] {
        let rows = env.cli(&["search", query, "--json"]).await.json();
        assert_eq!(titles(&rows), vec!["Şəhərdə yeni məktəb açıldı"], "query {query}");
    }
    let rows = env.cli(&["search", "qazaxistan", "--json"]).await.json();
    assert_eq!(titles(&rows), vec!["İlham Əliyev Qazaxıstana səfər edib"]);
    assert_eq!(env.cli(&["search", "zzzyyyxxx", "--json"]).await.json(), serde_json::json!([]));
    let text = env.cli(&["search", "seher"]).await;
    assert!(text.ok().contains("Şəhərdə yeni məktəb açıldı"), "{text:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn show_prints_the_article() {
    let env = Env::new().await;
    add_az(&env).await;
    let id = az_article(&env, "Şəhərdə").await;
    let article = env.cli(&["show", &id.to_string(), "--json"]).await.json();
    assert_eq!(article["id"], id);
    assert_eq!(article["title"], "Şəhərdə yeni məktəb açıldı");
    assert_eq!(article["feed_title"], "Xəbər Mərkəzi — Azərbaycan xəbərləri");
    assert_eq!(article["author"], "Gülağa İsgəndərov");
    assert!(article["summary_html"].as_str().unwrap().contains("Xətai rayonunda"), "{article}");
    assert!(article.get("fetched_at").is_some());

    let text = env.cli(&["show", &id.to_string()]).await;
    let out = text.ok();
    assert!(out.starts_with("Şəhərdə yeni məktəb açıldı\nBy Gülağa İsgəndərov · Xəbər Mərkəzi"), "{out}");
    assert!(out.contains("https://xeber.example.az/cemiyyet/2026/03/03/seherde-yeni-mekteb-acildi"), "{out}");
    assert!(out.contains("1200 şagird yerlik"), "{out}");
    assert!(!out.contains("<p>"), "{out}");
}

#[tokio::test(flavor = "multi_thread")]
async fn export_then_import_into_a_second_database() {
    let env = Env::new().await;
    add_az(&env).await;
    env.cli(&["add", &env.url("/rss2.xml"), "--folder", "Dünya"]).await.ok();
    let opml = env.cli(&["export"]).await;
    assert!(opml.ok().starts_with("<?xml"), "{opml:?}");
    assert!(opml.stdout.contains("Xəbər Mərkəzi"), "{opml:?}");
    let file = env.dir.path().join("export.opml");
    std::fs::write(&file, &opml.stdout).unwrap();

    let second = env.dir.path().join("second.sqlite3");
    let imported = env.cli_on(&second, &["import", file.to_str().unwrap(), "--json"]).await.json();
    assert_eq!(imported["import"]["feeds_added"], 2);
    assert_eq!(imported["sync"]["failed"], 0);

    let summary = |feeds: &Value| {
        let mut v: Vec<(String, String, bool)> = feeds
            .as_array()
            .unwrap()
            .iter()
            .map(|f| (f["url"].as_str().unwrap().into(), f["title"].as_str().unwrap().into(), f["folder_id"].is_i64()))
            .collect();
        v.sort();
        v
    };
    let before = env.cli(&["feeds", "--json"]).await.json();
    let after = env.cli_on(&second, &["feeds", "--json"]).await.json();
    assert_eq!(summary(&before), summary(&after));
    let count = |v: Value| v.as_array().unwrap().len();
    assert_eq!(
        count(env.cli(&["list", "--json"]).await.json()),
        count(env.cli_on(&second, &["list", "--json"]).await.json())
    );
    let json = env.cli(&["export", "--json"]).await.json();
    assert_eq!(json["opml"].as_str().unwrap().trim_end(), opml.stdout.trim_end());
}

#[tokio::test(flavor = "multi_thread")]
async fn parse_prints_a_sanitized_feed_without_a_database() {
    let home = tempfile::tempdir().unwrap();
    let hostile = fixture_path("hostile.xml").display().to_string();
    let out = run(home.path(), vec!["parse".into(), hostile.clone(), "--json".into()]).await;
    let feed = out.json();
    let lower = out.stdout.to_lowercase();
    for bad in ["<script", "javascript:", "onerror"] {
        assert!(!lower.contains(bad), "{bad} in {}", out.stdout);
    }
    let entries = feed["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 3);
    for entry in entries {
        for field in ["id", "title", "link", "author", "published", "summary_html", "content_html"] {
            assert!(entry.get(field).is_some(), "{field} missing in {entry}");
        }
    }
    assert_eq!(entries[0]["title"], "Markets rally as inflation cools");
    assert_eq!(entries[0]["author"], "Jane Doe");
    assert!(entries[1]["link"].is_null(), "a javascript: link is dropped");
    assert!(entries[2]["author"].is_null());
    let published = entries[0]["published"].as_str().unwrap();
    assert!(published.starts_with("2026-03-03T12:40:00"), "{published}");
    assert_eq!(feed["link"], "https://legit-news.example.net/");

    // Offline, with no --db: the default database was never created.
    assert_eq!(std::fs::read_dir(home.path()).unwrap().count(), 0, "parse created files");

    let az = run(home.path(), vec!["parse".into(), fixture_path("az-utf8.xml").display().to_string()]).await;
    assert!(az.ok().starts_with("Xəbər Mərkəzi — Azərbaycan xəbərləri\n"), "{az:?}");
    assert!(az.stdout.contains("[1] Şəhərdə yeni məktəb açıldı"), "{az:?}");

    let html = run(home.path(), vec!["parse".into(), fixture_path("not-a-feed.html").display().to_string()]).await;
    assert_eq!(html.code, 1, "{html:?}");
    assert!(html.stderr.starts_with("byline-cli: error: cannot parse "), "{html:?}");
    assert!(html.stderr.contains("not a feed"), "{html:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn missing_ids_and_bad_input_are_one_clean_line() {
    let env = Env::new().await;
    add_az(&env).await;
    for (args, message) in [
        (vec!["show", "424242"], "article 424242 not found"),
        (vec!["save", "424242"], "article 424242 not found"),
        (vec!["read", "424242", "--json"], "article 424242 not found"),
        (vec!["rule", "remove", "77"], "rule 77 not found"),
        (vec!["list", "--feed", "99"], "feed 99 not found"),
    ] {
        let out = env.cli(&args).await;
        assert_eq!(out.code, 1, "{args:?}: {out:?}");
        assert_eq!(out.stderr, format!("byline-cli: error: {message}\n"), "{args:?}");
        assert!(out.stdout.is_empty(), "{out:?}");
    }
    let gone = env.cli(&["add", &env.url("/gone.xml")]).await;
    assert_eq!(gone.code, 1);
    assert_eq!(gone.stderr.lines().count(), 1, "{gone:?}");
    assert!(gone.stderr.contains("/gone.xml") && gone.stderr.contains("404"), "{gone:?}");
    let no_file = env.cli(&["import", "/nonexistent/subs.opml"]).await;
    assert_eq!(no_file.code, 1);
    assert!(no_file.stderr.starts_with("byline-cli: error: cannot read /nonexistent/subs.opml: "), "{no_file:?}");
    for out in [&gone, &no_file] {
        assert!(!out.stderr.contains("panicked") && !out.stderr.contains("backtrace"), "{out:?}");
    }
    // Usage errors keep clap's exit code.
    let usage = env.cli(&["show", "abc"]).await;
    assert_eq!(usage.code, 2, "{usage:?}");
    let usage = env.cli(&["list", "--saved", "--unread"]).await;
    assert_eq!(usage.code, 2, "{usage:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn rules_are_added_listed_applied_and_removed() {
    let env = Env::new().await;
    let mute = env.cli(&["rule", "add", "--field", "title", "--action", "mute", "ŞƏHƏR", "--json"]).await.json();
    assert_eq!(mute["field"], "title");
    assert_eq!(mute["action"], "mute");
    assert_eq!(mute["pattern"], "ŞƏHƏR");
    assert_eq!(mute["is_regex"], false);
    assert!(mute["feed_id"].is_null());
    let mark = env
        .cli(&["rule", "add", "--field", "any", "--action", "mark-read", "--regex", r"\bqar\b", "--json"])
        .await
        .json();
    assert_eq!(mark["action"], "mark_read");
    assert_eq!(mark["is_regex"], true);

    let rules = env.cli(&["rule", "list", "--json"]).await.json();
    assert_eq!(ids(&rules), vec![mute["id"].as_i64().unwrap(), mark["id"].as_i64().unwrap()]);
    let table = env.cli(&["rule", "list"]).await;
    assert!(table.ok().contains("mark-read") && table.stdout.contains(r"\bqar\b"), "{table:?}");

    // They apply to articles stored from now on.
    add_az(&env).await;
    let rows = env.cli(&["list", "--json"]).await.json();
    let titles = titles(&rows);
    assert_eq!(titles.len(), 3, "{titles:?}");
    assert!(!titles.iter().any(|t| t.starts_with("Şəhərdə")), "{titles:?}");
    let snow = rows.as_array().unwrap().iter().find(|r| r["title"].as_str().unwrap().starts_with("Şəki")).unwrap();
    assert_eq!(snow["read"], true);

    let bad = env.cli(&["rule", "add", "--field", "title", "--action", "mute", "--regex", "("]).await;
    assert_eq!(bad.code, 1);
    assert!(bad.stderr.contains("bad regex"), "{bad:?}");
    let bad_feed = env.cli(&["rule", "add", "--field", "title", "--action", "mute", "--feed", "99", "x"]).await;
    assert_eq!(bad_feed.stderr, "byline-cli: error: feed 99 not found\n");

    let removed = env.cli(&["rule", "remove", &mute["id"].to_string(), "--json"]).await.json();
    assert_eq!(removed["removed"], mute["id"]);
    assert_eq!(ids(&env.cli(&["rule", "list", "--json"]).await.json()), vec![mark["id"].as_i64().unwrap()]);
}

#[tokio::test(flavor = "multi_thread")]
async fn prune_applies_retention_and_can_be_turned_off() {
    let env = Env::new().await;
    add_az(&env).await;
    let keep = az_article(&env, "Şəhərdə").await;
    env.cli(&["save", &keep.to_string()]).await.ok();

    for off in ["off", "0"] {
        let text = env.cli(&["prune", "--days", off]).await;
        assert_eq!(text.ok(), "Retention is off; nothing deleted.\n");
    }
    let pruned = env.cli(&["prune", "--json"]).await.json();
    assert_eq!(pruned["deleted"], 0, "articles stored just now are within 90 days: {pruned}");
    assert!(pruned["pages_freed"].is_i64(), "{pruned}");
    let text = env.cli(&["prune", "--days", "1"]).await;
    assert!(text.ok().starts_with("Deleted 0 articles; freed "), "{text:?}");
    assert_eq!(env.cli(&["list", "--json"]).await.json().as_array().unwrap().len(), 4);
    let bad = env.cli(&["prune", "--days", "soon"]).await;
    assert_eq!(bad.code, 2, "{bad:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn sync_prunes_with_the_engine_default_or_the_flag() {
    let env = Env::new().await;
    add_az(&env).await;
    let keep = az_article(&env, "Şəhərdə").await;
    env.cli(&["save", &keep.to_string()]).await.ok();
    // As if every article had been stored 91 days ago.
    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}", env.db.display())).await.unwrap();
    sqlx::query("UPDATE articles SET fetched_at = fetched_at - 91 * 86400").execute(&db).await.unwrap();
    db.close().await;

    for kept in [&["--retention-days", "off"][..], &["--retention-days", "0"], &["--retention-days", "92"]] {
        let report = env.cli(&[&["sync", "--json"][..], kept].concat()).await.json();
        assert_eq!(report["pruned"]["deleted"], 0, "{kept:?}: {report}");
    }
    let text = env.cli(&["sync"]).await;
    assert!(text.ok().contains("\nDeleted 3 unsaved articles older than 90 days.\n"), "{text:?}");
    assert_eq!(env.cli(&["list", "--json"]).await.json().as_array().unwrap().len(), 1, "the saved one stays");
    let bad = env.cli(&["sync", "--retention-days", "soon"]).await;
    assert_eq!(bad.code, 2, "{bad:?}");
}

#[test]
fn share_prints_the_exact_link_and_refuses_non_web_urls() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_byline-cli"))
        .args(["share", "--target", "telegram", "--url", "https://a.az/x?id=1", "--title", "Şəhər & kənd #1"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "https://t.me/share/url?url=https%3A%2F%2Fa.az%2Fx%3Fid%3D1&text=%C5%9E%C9%99h%C9%99r%20%26%20k%C9%99nd%20%231\n"
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_byline-cli"))
        .args(["share", "--target", "vk", "--url", "javascript:alert(1)"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("only web articles"), "{stderr}");
}

#[test]
fn extract_prints_the_reading_view_of_the_seed_page() {
    let page = byline_testkit::workspace_root().join("crates/byline-extract/tests/fixtures/pages/az-seed-zerdab.html");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_byline-cli"))
        .arg("extract")
        .arg(&page)
        .args(["--url", "https://zerdab.example.az/xeber/1.html", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        json["byline"],
        serde_json::json!([{ "name": "Gülağa İsgəndərov", "role": "Zərdab Rayon Təhsil Sektorunun müdiri" }])
    );
    let text = json["text"].as_str().unwrap();
    assert_eq!(text.matches("Xalqlarımızı ümumi köklərə").count(), 0, "the headline is not repeated in the body");
    assert!(!text.contains("whatsapp") && !text.contains("legitimaz"));
    for key in ["title", "published", "lead_image", "language", "content_html"] {
        assert!(json.get(key).is_some(), "{key}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_feed_can_have_its_own_extraction_policy() {
    let t = Env::new().await;
    let added = t.cli(&["add", &t.url("/az-utf8.xml"), "--json"]).await;
    let id = serde_json::from_str::<serde_json::Value>(&added.stdout).unwrap()["id"].to_string();
    let set = t.cli(&["feed-extract", &id, "always"]).await;
    assert_eq!(set.code, 0, "{}", set.stderr);
    let feeds: serde_json::Value = serde_json::from_str(&t.cli(&["feeds", "--json"]).await.stdout).unwrap();
    assert_eq!(feeds[0]["extraction"], "always");
    let missing = t.cli(&["feed-extract", "999", "never"]).await;
    assert_eq!(missing.code, 1);
    assert!(missing.stderr.contains("feed 999 not found"), "{}", missing.stderr);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sync_killed_midway_leaves_a_sound_database_and_the_next_sync_finishes() {
    const FEEDS: usize = 60;
    const ITEMS: usize = 50;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("byline.sqlite3");
    let server = FixtureServer::start().await;
    let site = server.base_url();
    let paths: Vec<String> = (0..FEEDS).map(|i| format!("/feed-{i}.xml")).collect();
    for (i, path) in paths.iter().enumerate() {
        server.route(path, Fixture::body("application/rss+xml", byline_testkit::generate_rss(i, ITEMS, &site)));
    }
    let opml: String = paths.iter().map(|p| format!("<outline type=\"rss\" xmlUrl=\"{}\"/>", server.url(p))).collect();
    let opml_path = dir.path().join("feeds.opml");
    std::fs::write(&opml_path, format!("<opml version=\"2.0\"><body>{opml}</body></opml>")).unwrap();
    let base = ["--db".to_string(), db.display().to_string(), "--extract".into(), "never".into()];
    let with = |args: &[&str]| base.iter().cloned().chain(args.iter().map(|a| a.to_string())).collect::<Vec<_>>();
    let imported = run(dir.path(), with(&["import", opml_path.to_str().unwrap(), "--json"])).await.json();
    assert_eq!(imported["import"]["feeds_added"], FEEDS);
    assert_eq!(imported["sync"]["new_articles"], FEEDS * ITEMS);
    // Every feed gets a new edition: the next sync stores as much again.
    for (i, path) in paths.iter().enumerate() {
        server.route(path, Fixture::body("application/rss+xml", byline_testkit::generate_rss(FEEDS + i, ITEMS, &site)));
    }
    let served_before: Vec<usize> = paths.iter().map(|p| server.hits(p)).collect();

    // Kill -9 the sync once most feeds have been fetched: batches are being
    // stored, and one may be half-written.
    let mut child = Command::new(BIN)
        .args(with(&["sync", "--json"]))
        .env("HOME", dir.path())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let fetched = || paths.iter().zip(&served_before).filter(|(p, before)| server.hits(p) > **before).count();
    while fetched() < FEEDS * 2 / 3 {
        assert!(std::time::Instant::now() < deadline, "the sync never got going");
        if child.try_wait().unwrap().is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(2)).await;
    }
    let killed_midway = child.try_wait().unwrap().is_none();
    child.kill().ok();
    child.wait().unwrap();

    let store = byline_engine::Store::open(&db).await.unwrap();
    assert_eq!(store.integrity_problems().await.unwrap(), Vec::<String>::new());
    store.close().await;
    // A feed's new edition is stored whole or not at all.
    let feeds = run(dir.path(), with(&["feeds", "--json"])).await.json();
    for feed in feeds.as_array().unwrap() {
        let unread = feed["unread_count"].as_u64().unwrap();
        assert!(unread == ITEMS as u64 || unread == 2 * ITEMS as u64, "half a feed stored: {feed}");
    }

    // The next sync finishes the job: every article once, each with its status.
    let report = run(dir.path(), with(&["sync", "--json"])).await.json();
    assert_eq!((report["ok"].as_u64(), report["failed"].as_u64()), (Some(FEEDS as u64), Some(0)), "{report}");
    let feeds = run(dir.path(), with(&["feeds", "--json"])).await.json();
    let unread: Vec<u64> = feeds.as_array().unwrap().iter().map(|f| f["unread_count"].as_u64().unwrap()).collect();
    assert_eq!(unread, vec![2 * ITEMS as u64; FEEDS], "killed midway: {killed_midway}");
    let store = byline_engine::Store::open(&db).await.unwrap();
    assert_eq!(store.integrity_problems().await.unwrap(), Vec::<String>::new());
    assert_eq!(store.unread_count().await.unwrap(), (2 * FEEDS * ITEMS) as i64);
    store.close().await;
}

/// Runs `byline-cli --db DB ARGS…` with `stdin` and the password in
/// `BYLINE_ACCOUNT_PASSWORD` (the fallback where no keyring runs, so no test
/// writes to a real one).
async fn run_with_password(home: &Path, db: &Path, args: &[&str], stdin: &str, password: &str) -> Run {
    use std::io::Write as _;
    let mut all = vec!["--db".to_string(), db.display().to_string()];
    all.extend(args.iter().map(|a| a.to_string()));
    let (home, stdin, password) = (home.to_path_buf(), stdin.to_string(), password.to_string());
    tokio::task::spawn_blocking(move || {
        let mut child = Command::new(BIN)
            .args(&all)
            .env("HOME", &home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
            .env("BYLINE_ACCOUNT_PASSWORD", password)
            .env_remove("RUST_BACKTRACE")
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("run byline-cli");
        child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
        let out = child.wait_with_output().unwrap();
        Run {
            code: out.status.code().unwrap_or(-1),
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        }
    })
    .await
    .unwrap()
}

/// `account add --kind ttrss` against a real Tiny Tiny RSS
/// (`byline_testkit::TtRss`, no feeds: those need port 80, see the engine's
/// account tests), then a sync of the account.
#[tokio::test(flavor = "multi_thread")]
async fn account_add_ttrss_logs_in_and_syncs() {
    let server = byline_testkit::TtRss::start().await;
    let dir = tempfile::tempdir().unwrap();
    let (home, db) = (dir.path(), dir.path().join("byline.sqlite3"));
    let add = ["account", "add", "--kind", "ttrss", "--url", server.api_url(), "--user", server.user()];

    let wrong = run_with_password(home, &db, &add, "not the password\n", "not the password").await;
    assert_eq!(wrong.code, 1, "{wrong:?}");
    assert_eq!(wrong.stderr.lines().count(), 1, "{wrong:?}");
    assert!(wrong.stderr.contains("refused the user name or password"), "{wrong:?}");

    let json = [&add[..], &["--json"]].concat();
    let password = server.password();
    let added = run_with_password(home, &db, &json, &format!("{password}\n"), password).await.json();
    assert_eq!((added["kind"].as_str(), added["username"].as_str()), (Some("ttrss"), Some("alice")));
    let synced = run_with_password(home, &db, &["sync", "--json"], "", password).await.json();
    let account = &synced["accounts"][0];
    assert_eq!((account["error"].clone(), account["new_articles"].as_i64()), (Value::Null, Some(0)), "{synced}");
    let listed = run_with_password(home, &db, &["account", "list"], "", password).await;
    assert!(listed.ok().contains("ttrss") && listed.stdout.contains("alice @ 127.0.0.1"), "{listed:?}");
}
