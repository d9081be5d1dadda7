//! The commands through real IPC on Tauri's mock runtime, against a real
//! SQLite file and a fixture HTTP server on 127.0.0.1.

use std::sync::{Arc, Mutex};

use byline_engine::accounts::{GReader, MemoryStore, RemoteAccount as _};
use byline_engine::{Engine, EngineConfig};
use byline_testkit::{Fixture, FixtureServer, FreshRss};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{Manager, WebviewWindowBuilder};
use tauri_specta::Event as _;

use crate::bindings::byline_commands;
use crate::commands::*;
use crate::events::{ArticlesChanged, SyncProgress};
use crate::state::AppState;

struct Harness {
    _dir: tempfile::TempDir,
    window: tauri::WebviewWindow<MockRuntime>,
}

impl Harness {
    async fn new() -> Self {
        Self::with(|engine| engine).await
    }

    /// A harness whose engine `setup` adjusted first (its credential store…).
    async fn with(setup: impl FnOnce(Engine) -> Engine) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let engine = Engine::open(&dir.path().join("byline.sqlite3"), EngineConfig::default()).await.unwrap();
        let engine = setup(engine);
        let specta = tauri_specta::Builder::<MockRuntime>::new()
            .commands(byline_commands!(MockRuntime))
            .events(tauri_specta::collect_events![SyncProgress, ArticlesChanged]);
        let app = mock_builder()
            .plugin(tauri_plugin_store::Builder::default().build())
            .invoke_handler(specta.invoke_handler())
            .build(mock_context(noop_assets()))
            .unwrap();
        specta.mount_events(&app);
        app.manage(AppState::new(engine));
        let window = WebviewWindowBuilder::new(&app, "main", Default::default()).build().unwrap();
        Self { _dir: dir, window }
    }

    fn call(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        tauri::test::get_ipc_response(&self.window, request).map(|body| body.deserialize::<Value>().unwrap())
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn add_list_read_and_save_through_ipc() {
    let server = FixtureServer::serve_dir(byline_testkit::fixtures_dir()).await;
    let harness = Harness::new().await;
    let url = server.url("/az-utf8.xml");
    let call = |cmd: &str, args: Value| {
        let harness = &harness;
        let cmd = cmd.to_string();
        tokio::task::block_in_place(move || harness.call(&cmd, args))
    };

    let feed = call("add_source", json!({ "url": url, "folderId": null })).unwrap();
    assert_eq!(feed["unread_count"], 4);
    let page = call("list_articles", json!({ "query": { "view": "unread", "feed": null, "folder": null, "search": null, "after": null, "limit": 2 } })).unwrap();
    assert_eq!(page["items"].as_array().unwrap().len(), 2);
    assert!(page["next"].is_object(), "a cursor for the next page");
    let first = page["items"][0]["id"].clone();

    call("set_read", json!({ "id": first, "read": true })).unwrap();
    call("set_saved", json!({ "id": first, "saved": true })).unwrap();
    let article = call("get_article", json!({ "id": first })).unwrap();
    assert_eq!((article["read"].clone(), article["saved"].clone()), (json!(true), json!(true)));
    assert!(article["title"].as_str().unwrap().chars().any(|c| "əıİğşçöü".contains(c)));

    let search = call("list_articles", json!({ "query": { "view": "all", "feed": null, "folder": null, "search": "seher", "after": null, "limit": 50 } })).unwrap();
    assert!(!search["items"].as_array().unwrap().is_empty(), "folded search through IPC");

    // The list hands the UI finished thumbnail URLs (built in Rust, one place).
    call("add_source", json!({ "url": server.url("/rss2.xml"), "folderId": null })).unwrap();
    let all = call(
        "list_articles",
        json!({ "query": { "view": "all", "feed": null, "folder": null, "search": null, "after": null, "limit": 50 } }),
    )
    .unwrap();
    let items = all["items"].as_array().unwrap();
    assert!(
        items.iter().any(|item| item["lead_image"].is_string())
            && items.iter().any(|item| item["lead_image"].is_null())
    );
    for item in items {
        let id = item["id"].as_i64().unwrap();
        let expected = item["lead_image"].as_str().map(|_| {
            if cfg!(windows) {
                format!("http://thumb.localhost/{id}")
            } else {
                format!("thumb://localhost/{id}")
            }
        });
        assert_eq!(item.get("thumbnail").and_then(Value::as_str).map(str::to_owned), expected, "{item}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn errors_cross_ipc_as_kind_and_message() {
    let harness = Harness::new().await;
    let err = tokio::task::block_in_place(|| harness.call("get_article", json!({ "id": 999 }))).unwrap_err();
    assert_eq!(err, json!({ "kind": "not_found", "message": "article 999 not found" }));
    let err = tokio::task::block_in_place(|| {
        harness.call("add_source", json!({ "url": "javascript:alert(1)", "folderId": null }))
    })
    .unwrap_err();
    assert_eq!(err["kind"], "invalid");
    let err = tokio::task::block_in_place(|| harness.call("open_external", json!({ "url": "file:///etc/passwd" })))
        .unwrap_err();
    assert_eq!(err["kind"], "invalid");
}

#[tokio::test(flavor = "multi_thread")]
async fn accounts_are_added_synced_and_removed_through_ipc() {
    let feeds = FixtureServer::start().await;
    feeds.route(
        "/rss.xml",
        Fixture::body(
            "application/rss+xml",
            "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Server feed</title><link>http://127.0.0.1/</link>\
             <item><title>From the server</title><guid>s-1</guid><description>Body</description></item></channel></rss>",
        ),
    );
    let server = FreshRss::start().await;
    let client = GReader::login(server.greader_url(), server.user(), server.password()).await.unwrap();
    client.subscribe(&feeds.url("/rss.xml"), None, Some("News")).await.unwrap();
    let harness = Harness::with(|engine| engine.with_credentials(Arc::new(MemoryStore::new()))).await;
    let call = |cmd: &str, args: Value| {
        let cmd = cmd.to_string();
        tokio::task::block_in_place(|| harness.call(&cmd, args))
    };
    let add = |password: &str| {
        call(
            "add_account",
            json!({ "kind": "greader", "url": server.greader_url(), "username": server.user(), "password": password }),
        )
    };

    let err = add("wrong").unwrap_err();
    assert_eq!(err, json!({ "kind": "unauthorized", "message": "the server refused the user name or password" }));
    assert_eq!(call("list_accounts", json!({})).unwrap(), json!([]));
    let err = call("add_account", json!({ "kind": "fever", "url": "", "username": "a", "password": "b" })).unwrap_err();
    assert_eq!(err["kind"], "invalid");

    let account = add(FreshRss::PASSWORD).unwrap();
    assert_eq!(account["display_name"], "alice @ 127.0.0.1");
    assert_eq!(call("test_account", json!({ "id": account["id"] })).unwrap(), json!(null), "the account works");
    // A manual sync syncs the account after the local feeds (which there are none of).
    let report = call("sync_now", json!({ "feedId": null, "force": true })).unwrap();
    assert_eq!((report["feeds"].clone(), report["failed"].clone()), (json!(1), json!(0)), "{report}");
    let listed = call("list_accounts", json!({})).unwrap();
    assert!(listed[0]["last_sync_at"].is_string() && listed[0]["last_error"].is_null(), "{listed}");
    let feeds_now = call("list_feeds", json!({})).unwrap();
    assert_eq!(feeds_now[0]["title"], "Server feed", "{feeds_now}");
    let folders = call("list_folders", json!({})).unwrap();
    let names: Vec<&str> = folders.as_array().unwrap().iter().filter_map(|f| f["name"].as_str()).collect();
    assert!(names.contains(&"alice @ 127.0.0.1") && names.contains(&"News"), "{names:?}");

    call("remove_account", json!({ "id": account["id"] })).unwrap();
    assert_eq!(call("list_accounts", json!({})).unwrap(), json!([]));
    assert_eq!(call("list_feeds", json!({})).unwrap(), json!([]));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sync_shows_new_articles_before_their_pages_arrive() {
    let server = FixtureServer::start().await;
    let page = byline_testkit::workspace_root().join("crates/byline-extract/tests/fixtures/pages/az-seed-zerdab.html");
    server.route("/xeber/1.html", Fixture::body("text/html; charset=utf-8", std::fs::read(page).unwrap()));
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Zərdab</title><link>{0}/</link>\
         <item><title>Xəbər</title><link>{0}/xeber/1.html</link><guid>z1</guid><description>Qısa.</description></item>\
         </channel></rss>",
        server.base_url()
    );
    server.route("/rss", Fixture::body("application/rss+xml", feed));
    let harness = Harness::new().await;
    let app = harness.window.app_handle().clone();
    let seen = Arc::new(Mutex::new(Vec::<String>::new()));
    let log = Arc::clone(&seen);
    SyncProgress::listen_any(&app, move |e| {
        let p = e.payload;
        log.lock().unwrap().push(format!("progress {} {}/{} +{}", p.running, p.done, p.total, p.new_articles));
    });
    let log = Arc::clone(&seen);
    ArticlesChanged::listen_any(&app, move |e| {
        log.lock().unwrap().push(format!("changed +{} ~{}", e.payload.new_articles, e.payload.updated_articles));
    });
    app.state::<AppState>().engine.store().add_feed(&server.url("/rss"), None).await.unwrap();

    let report =
        tokio::task::block_in_place(|| harness.call("sync_now", json!({ "feedId": null, "force": false }))).unwrap();
    assert_eq!((report["feeds"].clone(), report["new_articles"].clone()), (json!(1), json!(1)), "{report}");
    assert_eq!(report["extraction"]["extracted"], 1, "{report}");
    assert_eq!(report["pruned"]["deleted"], 0, "retention (90 days by default) keeps today's articles: {report}");
    // The engine's phases, as the UI sees them: progress, the end of it and
    // the new article once the feed is stored, then its page.
    assert_eq!(
        *seen.lock().unwrap(),
        ["progress true 0/1 +0", "progress true 1/1 +1", "progress false 1/1 +1", "changed +1 ~0", "changed +0 ~1"]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_sync_that_stops_early_still_ends_its_progress() {
    use byline_engine::SyncEvent;
    let harness = Harness::new().await;
    let app = harness.window.app_handle().clone();
    let seen = Arc::new(Mutex::new(Vec::<String>::new()));
    let log = Arc::clone(&seen);
    SyncProgress::listen_any(&app, move |e| {
        let p = e.payload;
        log.lock().unwrap().push(format!("progress {} {}/{} +{}", p.running, p.done, p.total, p.new_articles));
    });
    let log = Arc::clone(&seen);
    ArticlesChanged::listen_any(&app, move |e| {
        log.lock().unwrap().push(format!("changed +{} ~{}", e.payload.new_articles, e.payload.updated_articles));
    });
    // A sync that stopped after one of two feeds (a full disk, say): the
    // engine sends nothing more, and its sender is gone.
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    tx.send(SyncEvent::Started { total: 2, accounts: vec![] }).unwrap();
    let feed_id = byline_engine::store::FeedId(1);
    tx.send(SyncEvent::FeedDone { done: 1, total: 2, new_articles: 3, feed_id, feed_new_articles: 3, error: None })
        .unwrap();
    drop(tx);
    crate::sync::forward(app.clone(), rx, crate::settings::Settings::default()).await;
    // The status line does not say "syncing" on, and the stored articles show.
    assert_eq!(
        *seen.lock().unwrap(),
        ["progress true 0/2 +0", "progress true 1/2 +3", "progress false 1/2 +3", "changed +3 ~0"]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_progress_names_the_accounts_still_syncing() {
    use byline_engine::store::AccountId;
    use byline_engine::SyncEvent;
    let harness = Harness::new().await;
    let app = harness.window.app_handle().clone();
    let seen = Arc::new(Mutex::new(Vec::<(bool, Vec<AccountId>)>::new()));
    let log = Arc::clone(&seen);
    SyncProgress::listen_any(&app, move |e| log.lock().unwrap().push((e.payload.running, e.payload.accounts_syncing)));
    let (tx, rx) = tokio::sync::mpsc::unbounded_channel();
    let (a, b) = (AccountId(7), AccountId(8));
    tx.send(SyncEvent::Started { total: 3, accounts: vec![a, b] }).unwrap();
    let feed_id = byline_engine::store::FeedId(1);
    tx.send(SyncEvent::FeedDone { done: 1, total: 3, new_articles: 0, feed_id, feed_new_articles: 0, error: None })
        .unwrap();
    let error = Some("could not reach the server".to_string());
    tx.send(SyncEvent::AccountDone {
        done: 2,
        total: 3,
        new_articles: 0,
        account_id: a,
        account_new_articles: 0,
        error,
    })
    .unwrap();
    drop(tx);
    crate::sync::forward(app.clone(), rx, crate::settings::Settings::default()).await;
    assert_eq!(*seen.lock().unwrap(), [(true, vec![a, b]), (true, vec![a, b]), (true, vec![b]), (false, vec![])]);
}

/// Issue 11: every command fed wrong types, missing arguments, unknown ids,
/// huge strings and non-web URLs fails without a panic, with a sensible
/// kind, and leaves the database as it was. (`quit_app` is left out: it
/// quits.)
#[tokio::test(flavor = "multi_thread")]
async fn bad_input_to_every_command_is_a_typed_error_and_changes_nothing() {
    let server = FixtureServer::serve_dir(byline_testkit::fixtures_dir()).await;
    let harness = Harness::new().await;
    let call = |cmd: &str, args: Value| {
        let cmd = cmd.to_string();
        tokio::task::block_in_place(|| harness.call(&cmd, args))
    };
    let feed = call("add_source", json!({ "url": server.url("/az-utf8.xml"), "folderId": null })).unwrap();
    let feed_id = feed["id"].clone();
    let all = json!({ "query": { "view": "all", "feed": null, "folder": null, "search": null, "after": null, "limit": 500 } });
    let snapshot = |call: &dyn Fn(&str, Value) -> Result<Value, Value>| {
        ["list_feeds", "list_folders", "article_counts", "list_rules", "list_accounts"]
            .map(|cmd| call(cmd, json!({})).unwrap())
            .into_iter()
            .chain([call("list_articles", all.clone()).unwrap()])
            .collect::<Vec<_>>()
    };
    let before = snapshot(&call);

    let huge = "x".repeat(1_000_000);
    let dir = harness._dir.path().to_str().unwrap().to_string();
    let bad_query = |field: &str, value: Value| {
        let mut query =
            json!({ "view": "all", "feed": null, "folder": null, "search": null, "after": null, "limit": 50 });
        query[field] = value;
        json!({ "query": query })
    };
    // (command, arguments, the kind expected; `None`: Tauri refuses the
    // arguments before the command runs, with a plain string)
    let mut cases: Vec<(&str, Value, Option<&str>)> = vec![
        ("app_info", json!({ "x": 1 }), Some("ok")),
        ("add_source", json!({}), None),
        ("add_source", json!({ "url": 5, "folderId": null }), None),
        ("add_source", json!({ "url": {}, "folderId": null }), None),
        ("add_source", json!({ "url": "https://example.invalid/", "folderId": "one" }), None),
        ("remove_feed", json!({ "id": "x" }), None),
        ("remove_feed", json!({ "id": 999 }), Some("not_found")),
        ("rename_feed", json!({ "id": 999, "title": huge }), Some("not_found")),
        ("rename_feed", json!({ "id": feed_id, "title": ["x"] }), None),
        ("move_feed", json!({ "id": 999, "folderId": null }), Some("not_found")),
        // A missing `Option` is `null`: the feed stays at the top level.
        ("move_feed", json!({ "id": feed_id }), Some("ok")),
        ("set_feed_important", json!({ "id": 999, "important": true }), Some("not_found")),
        ("set_feed_important", json!({ "id": feed_id, "important": "yes" }), None),
        ("set_feed_extraction", json!({ "id": 999, "policy": null }), Some("not_found")),
        ("set_feed_extraction", json!({ "id": feed_id, "policy": "sometimes" }), None),
        ("create_folder", json!({ "name": "", "parentId": null }), Some("invalid")),
        ("create_folder", json!({ "name": 5, "parentId": null }), None),
        ("rename_folder", json!({ "id": 999, "name": huge }), Some("not_found")),
        ("delete_folder", json!({ "id": 999 }), Some("not_found")),
        ("delete_folder", json!({ "id": -1.5 }), None),
        ("import_opml", json!({ "path": "/nonexistent/subs.opml" }), Some("io")),
        ("import_opml", json!({ "path": dir }), Some("io")),
        ("import_opml", json!({ "path": huge }), Some("io")),
        ("import_opml", json!({ "path": null }), None),
        ("export_opml", json!({ "path": "/nonexistent/dir/subs.opml" }), Some("io")),
        ("export_opml", json!({ "path": 7 }), None),
        ("add_account", json!({ "kind": "myspace", "url": "https://h/", "username": "a", "password": "b" }), None),
        ("add_account", json!({ "kind": "greader", "url": "https://h/" }), None),
        ("bench_probe_report", json!({ "line": 7 }), None),
        ("bench_probe_report", json!({}), None),
        ("test_account", json!({ "id": 77 }), Some("not_found")),
        ("test_account", json!({ "id": "77" }), None),
        ("remove_account", json!({ "id": 77 }), Some("not_found")),
        ("remove_account", json!({ "id": "77" }), None),
        ("sync_now", json!({ "feedId": "x", "force": false }), None),
        ("list_articles", json!({ "query": "all" }), None),
        ("list_articles", bad_query("view", json!("bogus")), None),
        ("list_articles", bad_query("limit", json!(-1)), None),
        ("list_articles", bad_query("after", json!(huge)), None),
        ("get_article", json!({ "id": 999 }), Some("not_found")),
        ("get_article", json!({ "id": "999" }), None),
        ("get_article", json!({}), None),
        ("set_read", json!({ "id": 999, "read": true }), Some("not_found")),
        ("set_read", json!({ "id": 1, "read": "yes" }), None),
        ("set_saved", json!({ "id": 999, "saved": true }), Some("not_found")),
        ("set_saved", json!({ "id": 1, "saved": null }), None),
        ("mark_all_read", json!({ "feedId": "all" }), None),
        ("set_read_many", json!({ "ids": "1,2", "read": true }), None),
        ("list_rules", json!({ "x": 1 }), Some("ok")),
        (
            "add_rule",
            json!({ "rule": { "feed_id": null, "field": "title", "pattern": format!("({huge}"), "is_regex": true, "action": "mute" } }),
            Some("invalid"),
        ),
        (
            "add_rule",
            json!({ "rule": { "feed_id": 999, "field": "title", "pattern": "x", "is_regex": false, "action": "mute" } }),
            Some("not_found"),
        ),
        (
            "add_rule",
            json!({ "rule": { "feed_id": null, "field": "body", "pattern": "x", "is_regex": false, "action": "mute" } }),
            None,
        ),
        ("remove_rule", json!({ "id": 77 }), Some("not_found")),
        ("set_settings", json!({ "settings": "dark" }), None),
        ("share_article", json!({ "id": 999, "target": "telegram" }), Some("not_found")),
        ("share_article", json!({ "id": 1, "target": "myspace" }), None),
        ("copy_article_link", json!({ "id": 999 }), Some("not_found")),
        ("copy_article_link", json!({ "id": [] }), None),
        ("first_list_painted", json!({ "pageMs": "fast" }), None),
    ];
    for url in ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,<script>x</script>", "", &huge] {
        cases.push(("open_external", json!({ "url": url }), Some("invalid")));
        cases.push(("add_source", json!({ "url": url, "folderId": null }), Some("invalid")));
        cases.push((
            "add_account",
            json!({ "kind": "greader", "url": url, "username": "a", "password": "b" }),
            Some("invalid"),
        ));
    }

    let total = cases.len();
    for (cmd, args, expected) in cases {
        let shown = args.to_string().chars().take(80).collect::<String>();
        let result = call(cmd, args);
        match (expected, result) {
            (Some("ok"), Ok(_)) => {}
            (None, Err(Value::String(message))) => assert!(!message.is_empty(), "{cmd} {shown}"),
            (Some(kind), Err(err)) => {
                assert_eq!(err["kind"], kind, "{cmd} {shown}: {err}");
                assert!(err["message"].as_str().is_some_and(|m| !m.is_empty()), "{cmd} {shown}: {err}");
            }
            (expected, got) => panic!("{cmd} {shown}: expected {expected:?}, got {got:?}"),
        }
    }
    assert!(total >= 70, "{total} cases");
    assert!(snapshot(&call) == before, "the database changed");
}

#[tokio::test(flavor = "multi_thread")]
async fn feed_changes_go_to_the_account_server_first_and_say_why_they_failed() {
    use byline_engine::accounts::{credential_key, CredentialStore as _};
    use byline_engine::store::{AccountFeed, AccountFolder, AccountKind, NewAccount};
    let passwords = Arc::new(MemoryStore::new());
    let keep = Arc::clone(&passwords);
    let harness = Harness::with(move |engine| engine.with_credentials(keep)).await;
    let engine = harness.window.state::<AppState>().engine.clone();
    let store = engine.store();
    // Two accounts whose servers are not there (port 9 refuses): a Google
    // Reader one, which may change feeds, and a Fever one, which may not.
    let mut remote_feeds = Vec::new();
    for (kind, url) in
        [(AccountKind::Greader, "http://127.0.0.1:9/greader.php"), (AccountKind::Fever, "http://127.0.0.1:9/fever.php")]
    {
        let account =
            store.add_account(&NewAccount { kind, url, username: "alice", display_name: kind.as_str() }).await.unwrap();
        passwords.set(&credential_key(kind.as_str(), "alice", url), "secret").unwrap();
        let folders = [AccountFolder { remote_id: "news".into(), title: "News".into() }];
        let feeds = [AccountFeed {
            remote_id: "feed/1".into(),
            title: format!("{kind} feed"),
            url: format!("http://127.0.0.1:9/{kind}.xml"),
            site_url: None,
            folder: Some("news".into()),
        }];
        store.apply_account_tree(account.id, &folders, &feeds).await.unwrap();
        remote_feeds.push(store.feeds().await.unwrap().into_iter().find(|f| f.account_id == Some(account.id)).unwrap());
    }
    let local_folder = store.create_folder("Local", None).await.unwrap();
    let local = store.add_feed("http://127.0.0.1:9/local.xml", None).await.unwrap();
    let call = |cmd: &str, args: Value| {
        let cmd = cmd.to_string();
        tokio::task::block_in_place(|| harness.call(&cmd, args))
    };

    // The UI learns what each server allows.
    let accounts = call("list_accounts", json!({})).unwrap();
    assert_eq!(
        accounts[0]["capabilities"],
        json!({ "subscribe": true, "unsubscribe": true, "rename_feed": true, "move_feed": true })
    );
    assert_eq!(accounts[1]["capabilities"]["rename_feed"], false);
    assert_eq!(accounts[0]["display_name"], "greader", "the account's own fields stay at the top");
    let folders = call("list_folders", json!({})).unwrap();
    assert!(folders.as_array().unwrap().iter().any(|f| f["name"] == "News" && f["account_id"] == accounts[0]["id"]));

    // A local feed changes here alone, as before.
    call("rename_feed", json!({ "id": local.id, "title": "Mine" })).unwrap();
    call("move_feed", json!({ "id": local.id, "folderId": local_folder.id })).unwrap();
    assert_eq!(store.feed(local.id).await.unwrap().folder_id, Some(local_folder.id));

    // An account's feed asks its server first: unreachable, so nothing changes.
    let before = store.feeds().await.unwrap();
    let (greader, fever) = (&remote_feeds[0], &remote_feeds[1]);
    for (cmd, args) in [
        ("rename_feed", json!({ "id": greader.id, "title": "Renamed" })),
        ("move_feed", json!({ "id": greader.id, "folderId": greader.folder_id })),
        ("remove_feed", json!({ "id": greader.id })),
        ("add_source", json!({ "url": "http://127.0.0.1:9/new.xml", "folderId": greader.folder_id })),
    ] {
        let err = call(cmd, args).unwrap_err();
        assert_eq!(err["kind"], "not_changed", "{cmd}: {err}");
        assert!(err["message"].as_str().unwrap().contains("could not reach the server"), "{err}");
    }
    // The Fever API cannot, and says so without asking.
    for (cmd, args) in [
        ("rename_feed", json!({ "id": fever.id, "title": "Renamed" })),
        ("remove_feed", json!({ "id": fever.id })),
        ("add_source", json!({ "url": "http://127.0.0.1:9/new.xml", "folderId": fever.folder_id })),
    ] {
        assert_eq!(call(cmd, args).unwrap_err()["kind"], "unsupported", "{cmd}");
    }
    // Feeds do not move between accounts.
    let err = call("move_feed", json!({ "id": greader.id, "folderId": local_folder.id })).unwrap_err();
    assert_eq!(
        err,
        json!({ "kind": "invalid", "message": "a feed moves only between the folders of its own account" })
    );
    assert_eq!(
        call("move_feed", json!({ "id": local.id, "folderId": fever.folder_id })).unwrap_err()["kind"],
        "invalid"
    );
    assert_eq!(store.feeds().await.unwrap(), before, "nothing changed");
}

/// Issue 12: a server account's feed marked important notifies its new
/// articles the way a local one does, through the one rule
/// ([`crate::sync::notifications`]).
#[tokio::test(flavor = "multi_thread")]
async fn important_feeds_of_accounts_notify_like_local_ones() {
    use byline_engine::store::{AccountFeed, AccountKind, NewAccount};
    use byline_engine::FeedNewArticles;
    let harness = Harness::new().await;
    let engine = harness.window.state::<AppState>().engine.clone();
    let store = engine.store();
    let url = "http://127.0.0.1:9/greader.php";
    let kind = AccountKind::Greader;
    let account = store.add_account(&NewAccount { kind, url, username: "alice", display_name: "alice" }).await.unwrap();
    let remote = |id: &str, title: &str| AccountFeed {
        remote_id: id.into(),
        title: title.into(),
        url: format!("http://127.0.0.1:9/{id}.xml"),
        site_url: None,
        folder: None,
    };
    let tree = [remote("feed/1", "Server news"), remote("feed/2", "Server other")];
    store.apply_account_tree(account.id, &[], &tree).await.unwrap();
    let local = store.add_feed("http://127.0.0.1:9/local.xml", None).await.unwrap();
    let id_of = |feeds: &[byline_engine::store::Feed], title: &str| feeds.iter().find(|f| f.title == title).unwrap().id;
    let feeds = store.feeds().await.unwrap();
    let (news, other) = (id_of(&feeds, "Server news"), id_of(&feeds, "Server other"));

    // The UI may mark an account's feed important, as a local one.
    for id in [news, local.id] {
        let marked =
            tokio::task::block_in_place(|| harness.call("set_feed_important", json!({ "id": id, "important": true })));
        assert!(marked.is_ok(), "{marked:?}");
    }
    let new_by_feed = [
        FeedNewArticles { feed_id: local.id, new_articles: 1 },
        FeedNewArticles { feed_id: news, new_articles: 3 },
        FeedNewArticles { feed_id: other, new_articles: 5 },
    ];
    let feeds = store.feeds().await.unwrap();
    let mut shown = crate::sync::notifications(&feeds, &new_by_feed);
    shown.sort();
    // One each for the two important feeds; none for the one not marked.
    assert_eq!(
        shown,
        [("Server news".to_string(), "+3".to_string()), ("http://127.0.0.1:9/local.xml".to_string(), "+1".to_string())]
    );
    assert!(crate::sync::notifications(&feeds, &[]).is_empty());
}
