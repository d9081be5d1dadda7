//! Byline end to end: the real app, in its real webview (WebKitGTK through
//! tauri-driver), reading feeds from a local fixture server, asserting on
//! what the user sees through the UI's `data-testid`s.
//!
//! Needs the debug app binary (`cargo build --bin byline`), `tauri-driver`,
//! WebKitWebDriver and Xvfb; run with `cargo test -p byline-e2e -- --test-threads=1`.
//! Screenshots of every scenario land in `artifacts/e2e/`.

mod util;

use byline_accounts::{GReader, RemoteAccount as _, RemoteItem, SyncCursor};
use byline_share::{share_action, ShareAction, ShareRequest, ShareTarget};
use byline_testkit::xss::BEACON_PATH;
use byline_testkit::{hostile, Fixture, FreshRss};
use serde_json::json;
use sqlx::Connection as _;
use util::{tid, ui_string, App, Home, Site};

/// The Chronicle's review: it has an author and full content.
const TEMPEST: &str = "Review: a bold new staging of The Tempest at the Old Vic Playhouse";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn first_run_shows_the_empty_state() {
    let _serial = util::serial().await;
    let home = Home::new();
    let mut app = App::launch(&home, "first-run").await;

    let text = app.text_tid("empty-state").await;
    assert!(text.contains(&ui_string("en", "welcome.title")), "welcome text: {text:?}");
    assert!(app.find_tid("welcome-add").await.is_displayed().await.unwrap());
    assert_eq!(app.count(&tid("feed-row")).await, 0, "no sources on first run");
    assert_eq!(app.count(&tid("article-row")).await, 0, "no articles on first run");
    let sidebar = app.text_tid("sidebar").await;
    assert!(sidebar.contains(&ui_string("en", "nav.noSources")), "sidebar: {sidebar:?}");
    app.shot("empty").await;

    // A clean start: no error toast (anything that escapes a handler shows
    // one), no CSP violation reported by the page.
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    let errors =
        app.js("return [...document.querySelectorAll('[data-testid=toast-error]')].map(e => e.innerText);").await;
    assert_eq!(errors, json!([]), "error toasts on first start");
    let csp = app.js("return document.documentElement.dataset.cspViolations ?? null;").await;
    assert_eq!(csp, json!(null), "CSP violations on first start");
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn add_a_site_read_an_article_and_save_it() {
    let _serial = util::serial().await;
    let site = Site::start().await;
    let home = Home::new();
    let mut app = App::launch(&home, "add-read-save").await;

    // The site's home page is not a feed: it advertises /rss2.xml.
    let feed = app.add_source(&site.url("/")).await;
    assert!(site.server.hits("/rss2.xml") > 0, "autodiscovery fetched the advertised feed");
    app.wait_text(&App::in_feed(&feed, &tid("feed-title")), "the feed's title", |t| t == "Harbour City Chronicle")
        .await;
    app.wait_feed_unread(&feed, "5").await;
    app.wait_count(&tid("article-row"), 5).await;
    assert_eq!(app.count(&tid("unread-dot")).await, 5, "every new article is unread");
    assert_eq!(app.text_tid("list-title").await, "Harbour City Chronicle");
    let titles = app.article_titles().await;
    assert_eq!(titles[0], "Council approves £40m plan for new tram line to the airport", "newest first: {titles:?}");
    assert!(titles.iter().any(|t| t == TEMPEST), "{titles:?}");
    app.shot("list").await;

    // Open it: title, byline, body.
    app.open_article("The Tempest").await;
    assert_eq!(app.text_tid("reader-title").await, TEMPEST);
    let byline = app.text_tid("reader-byline").await;
    assert!(byline.contains("Helen Marsh"), "byline: {byline:?}");
    assert_eq!(app.text_tid("reader-feed").await, "Harbour City Chronicle");
    let frame = app.find_tid("reader-body").await;
    let srcdoc = frame.attr("srcdoc").await.unwrap().unwrap_or_default();
    assert!(srcdoc.contains("Jonah Pryce makes a weary, tender Prospero"), "srcdoc: {srcdoc}");
    let body = app.wait_reader_body("Jonah Pryce makes a weary, tender Prospero").await;
    assert!(body.contains("We wanted the island to feel like it might sink at any moment"), "body: {body}");
    // Opening it marked it read.
    app.wait_feed_unread(&feed, "4").await;
    app.shot("reader").await;

    // Save it: the button, the list row and the Saved count all say so.
    app.save_open_article().await;
    app.wait_count(&tid("saved-star"), 1).await;
    app.wait_tid_text("nav-saved-count", "1").await;
    app.click_tid("nav-saved").await;
    app.wait_count(&tid("article-row"), 1).await;
    assert_eq!(app.article_titles().await, vec![TEMPEST.to_owned()]);
    app.shot("saved").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mark_read_and_unread_changes_the_unread_count() {
    let _serial = util::serial().await;
    let site = Site::start().await;
    let home = Home::new();
    let mut app = App::launch(&home, "read-unread").await;

    let feed = app.add_source(&site.url("/rss2.xml")).await;
    app.wait_feed_unread(&feed, "5").await;
    app.wait_tid_text("nav-unread-count", "5").await;

    app.open_article("Storm Edith").await;
    app.wait_feed_unread(&feed, "4").await;
    app.wait_tid_text("nav-unread-count", "4").await;
    app.wait_count(&tid("unread-dot"), 4).await;

    // Mark unread again from the reader's toolbar.
    app.click_tid("read-toggle").await;
    app.wait_feed_unread(&feed, "5").await;
    app.wait_tid_text("nav-unread-count", "5").await;
    app.wait_count(&tid("unread-dot"), 5).await;
    app.shot("unread-again").await;

    // And read.
    app.click_tid("read-toggle").await;
    app.wait_feed_unread(&feed, "4").await;

    // Mark all read: the count goes away.
    app.click_tid("mark-all-read").await;
    app.wait_feed_unread(&feed, "").await;
    app.wait_count(&tid("unread-dot"), 0).await;
    app.shot("all-read").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn search_finds_azerbaijani_text() {
    let _serial = util::serial().await;
    let site = Site::start().await;
    let home = Home::new();
    let mut app = App::launch(&home, "search-az").await;

    let feed = app.add_source(&site.url("/az.xml")).await;
    app.wait_feed_unread(&feed, "4").await;
    app.wait_count(&tid("article-row"), 4).await;

    let search = app.find_tid("search-input").await;
    app.type_into(&search, "şəhər").await;
    app.wait_count(&tid("article-row"), 1).await;
    assert_eq!(app.article_titles().await, vec!["Şəhərdə yeni məktəb açıldı".to_owned()]);
    let hit = app.text_tid("search-hit").await;
    assert_eq!(hit.to_lowercase(), "şəhər", "highlighted match");
    app.find_tid("search-banner").await;
    app.shot("search-seher").await;

    // Folding: typed without the Azerbaijani letters, it finds the same.
    app.click_tid("search-clear").await;
    app.wait_count(&tid("article-row"), 4).await;
    let search = app.find_tid("search-input").await;
    app.type_into(&search, "seher").await;
    app.wait_count(&tid("article-row"), 1).await;
    assert_eq!(app.article_titles().await, vec!["Şəhərdə yeni məktəb açıldı".to_owned()]);

    // ı and ş: "Qazaxıstana" and "sıxlıq".
    app.click_tid("search-clear").await;
    let search = app.find_tid("search-input").await;
    app.type_into(&search, "sıxlıq").await;
    app.wait_count(&tid("article-row"), 1).await;
    let titles = app.article_titles().await;
    assert!(titles[0].starts_with("Şəki və Qəbələdə"), "{titles:?}");
    app.shot("search-sixliq").await;

    // A word only in the text, typed without its letters: the row shows the
    // text around it, the word marked as written.
    app.click_tid("search-clear").await;
    let search = app.find_tid("search-input").await;
    app.type_into(&search, "hundurluyu").await;
    app.wait_count(&tid("article-row"), 1).await;
    assert_eq!(app.text_tid("snippet-hit").await, "hündürlüyü");
    let snippet = app.text_tid("search-snippet").await;
    assert!(snippet.contains("qarın hündürlüyü 30 santimetrə"), "snippet: {snippet:?}");
    app.shot("search-snippet").await;
    app.quit().await;

    // An update that changes the search index's form leaves it empty and asks
    // for a rebuild, as migration 0012 did. The app starts without waiting
    // for it, rebuilds the index behind the window, and the search finds again.
    let mut db = sqlx::SqliteConnection::connect(&format!("sqlite://{}", home.db_path().display())).await.unwrap();
    sqlx::query("INSERT INTO articles_fts (articles_fts) VALUES ('delete-all')").execute(&mut db).await.unwrap();
    sqlx::query("INSERT INTO search_reindex (asked_at) VALUES (1)").execute(&mut db).await.unwrap();
    db.close().await.unwrap();
    let app = App::launch(&home, "search-az-rebuilt").await;
    app.wait_count(&tid("article-row"), 4).await;
    let search = app.find_tid("search-input").await;
    app.type_into(&search, "seher").await;
    app.wait_count(&tid("article-row"), 1).await;
    assert_eq!(app.article_titles().await, vec!["Şəhərdə yeni məktəb açıldı".to_owned()]);
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn dark_mode_from_the_settings() {
    let _serial = util::serial().await;
    let home = Home::new();
    let mut app = App::launch(&home, "theme").await;
    let theme = || app.js("return document.documentElement.getAttribute('data-theme');");
    let background = || app.js("return getComputedStyle(document.body).backgroundColor;");
    // "System" is resolved in the UI to the system's light or dark (one dark
    // palette in the stylesheet, under data-theme=dark).
    let system = app.js("return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';").await;
    assert_eq!(theme().await, system, "the theme follows the system at first");

    app.click_tid("settings-button").await;
    app.find_tid("settings-panel").await;
    app.select_tid("settings-theme", "light").await;
    app.wait_js("return document.documentElement.dataset.theme === 'light';", "data-theme=light", util::TIMEOUT).await;
    let light = background().await;

    app.select_tid("settings-theme", "dark").await;
    app.wait_js("return document.documentElement.dataset.theme === 'dark';", "data-theme=dark", util::TIMEOUT).await;
    app.find_tid("settings-saved").await;
    let dark = background().await;
    assert_ne!(light, dark, "the page background changes with the theme");
    app.shot("dark-settings").await;
    app.click_tid("dialog-close").await;
    app.wait_gone(&tid("settings-panel"), "the settings to close").await;
    app.shot("dark").await;

    app.click_tid("settings-button").await;
    app.select_tid("settings-theme", "system").await;
    app.wait_js(
        "return document.documentElement.dataset.theme === (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');",
        "data-theme of the system",
        util::TIMEOUT,
    )
    .await;
    app.quit().await;
}

/// The names of the welcome page's starter sources that break inside a word
/// (a word's text on two lines) or are cut short (more lines than shown).
const STARTER_NAMES_BROKEN: &str = "const broken = []; \
    for (const e of document.querySelectorAll('.starter-name')) { \
      const text = e.firstChild; \
      if (e.scrollHeight > e.clientHeight + 1 || !text) { broken.push(e.textContent); continue; } \
      let at = 0; \
      for (const part of text.textContent.split(/(\\s+)/)) { \
        if (part.trim()) { \
          const r = document.createRange(); r.setStart(text, at); r.setEnd(text, at + part.length); \
          if (new Set([...r.getClientRects()].map((x) => Math.round(x.top))).size > 1) broken.push(text.textContent); \
        } \
        at += part.length; \
      } \
    } \
    return broken;";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_interface_speaks_azerbaijani_and_russian() {
    let _serial = util::serial().await;
    let home = Home::new();
    let mut app = App::launch(&home, "language").await;
    let nav_all = tid("nav-all");
    let label = format!("{nav_all} .nav-label");
    app.find(&label).await;
    assert_eq!(app.text(&label).await.unwrap(), ui_string("en", "nav.all"));

    app.click_tid("settings-button").await;
    for lang in ["az", "ru", "en"] {
        app.select_tid("settings-language", lang).await;
        let expected = ui_string(lang, "nav.all");
        app.wait_text(&label, &format!("the sidebar in {lang}"), |t| t == expected).await;
        let title = ui_string(lang, "settings.title");
        app.wait_text(&tid("settings-panel"), &format!("the settings title in {lang}"), |t| t.contains(&title)).await;
        let html_lang = app.js("return document.documentElement.lang;").await;
        assert_eq!(html_lang, json!(lang));
        let welcome = app.text_tid("empty-state").await;
        assert!(welcome.contains(&ui_string(lang, "welcome.add")), "{lang} welcome: {welcome:?}");
        let broken = app.js(STARTER_NAMES_BROKEN).await;
        assert_eq!(broken, json!([]), "{lang}: starter sources whose name breaks inside a word or is cut short");
        if lang != "en" {
            app.shot(&format!("lang-{lang}")).await;
        }
    }
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failing_feed_shows_its_error_and_can_be_retried() {
    let _serial = util::serial().await;
    let site = Site::start().await;
    let home = Home::new();
    let mut app = App::launch(&home, "feed-error").await;

    let feed = app.add_source(&site.url("/flaky.xml")).await;
    app.wait_feed_unread(&feed, "2").await;
    assert_eq!(app.count(&App::in_feed(&feed, &tid("feed-error-badge"))).await, 0);

    // The server starts answering 500; the user syncs.
    site.break_flaky();
    let hits = site.server.hits("/flaky.xml");
    app.click_tid("sync-button").await;
    app.find(&App::in_feed(&feed, &tid("feed-error-badge"))).await;
    assert!(site.server.hits("/flaky.xml") > hits, "the sync asked the server again");
    // Its articles stay readable.
    app.wait_feed_unread(&feed, "2").await;

    // With the feed selected, the error and a Retry button show.
    app.find(&App::in_feed(&feed, &tid("feed-row"))).await.click().await.unwrap();
    let error_css = App::in_feed(&feed, &tid("feed-error"));
    app.find(&error_css).await;
    let error = app.text(&error_css).await.unwrap();
    // A sentence that says what happened and what to do; the raw error
    // behind "Details".
    assert!(error.contains(&ui_string("en", "problem.server_error")), "the error says what happened: {error:?}");
    assert!(!error.contains("500"), "no technical detail until asked: {error:?}");
    app.click_css(&App::in_feed(&feed, "[data-testid=error-details] summary")).await;
    app.wait_text(&error_css, "the error's details", |t| t.contains("500")).await;
    let retry_css = App::in_feed(&feed, &tid("feed-retry"));
    let retry = app.find(&retry_css).await;
    assert_eq!(app.text(&retry_css).await.unwrap().trim(), ui_string("en", "common.retry"));
    app.shot("error").await;

    // Fixed on the server: Retry clears the badge.
    site.fix_flaky();
    let hits = site.server.hits("/flaky.xml");
    retry.click().await.unwrap();
    app.wait_gone(&App::in_feed(&feed, &tid("feed-error-badge")), "the error badge to go").await;
    assert!(site.server.hits("/flaky.xml") > hits, "Retry fetched the feed");
    assert_eq!(app.count(&App::in_feed(&feed, &tid("feed-error"))).await, 0);
    app.shot("retried").await;
    // The manual sync said so too, once.
    let errors = app.quit_with_errors().await;
    let expected = ui_string("en", "toast.syncFailures").replace("{failed}", "1").replace("{total}", "1");
    assert_eq!(errors, vec![expected], "error toasts");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_hostile_feed_runs_no_script() {
    let _serial = util::serial().await;
    let site = Site::start().await;
    let home = Home::new();
    let mut app = App::launch(&home, "hostile").await;

    let feed = app.add_source(&site.url("/hostile.xml")).await;
    app.wait_count(&tid("article-row"), 3).await;
    let feed_title = app.text_tid("list-title").await;
    assert!(feed_title.starts_with("Totally Legit News"), "feed title: {feed_title:?}");
    let titles = app.article_titles().await;
    assert!(titles.iter().any(|t| t.starts_with("Markets rally as inflation cools")), "{titles:?}");
    let _ = feed;

    for needle in ["Markets rally", "Weather: sunny spells", "Plain item with a tracked link"] {
        app.open_article(needle).await;
        let frame = app.find_tid("reader-body").await;
        let sandbox = frame.attr("sandbox").await.unwrap().expect("the reader iframe has a sandbox attribute");
        let tokens: Vec<&str> = sandbox.split_whitespace().collect();
        // No script ever runs in the article (same origin is only there so
        // the window hears key presses made in it; without scripts nothing
        // inside can use it).
        assert!(!tokens.contains(&"allow-scripts"), "sandbox={sandbox:?}");
        assert!(!tokens.iter().any(|t| t.starts_with("allow-top-navigation") || *t == "allow-forms"), "{sandbox:?}");
        let srcdoc = frame.attr("srcdoc").await.unwrap().unwrap_or_default().to_lowercase();
        for bad in [
            "<script",
            "javascript:",
            "vbscript:",
            "onerror",
            "onload",
            "onclick",
            "onmouseover",
            "<iframe",
            "<form",
            "<object",
            "<embed",
            "<svg",
            "<math",
            "<base href",
            "http-equiv",
            "__pwned",
        ] {
            assert!(!srcdoc.contains(bad), "{needle}: the reader document contains {bad:?}");
        }
        // The one <base> is the reader's own `<base target="_blank">`.
        assert_eq!(srcdoc.matches("<base").count(), 1, "{needle}: a <base> from the feed");
        let body = app.reader_body_text().await;
        if needle == "Markets rally" {
            assert!(body.contains("Safe closing paragraph"), "body: {body:?}");
            assert!(body.contains("Analysts expect the rally to continue"), "body: {body:?}");
        }
        // Nothing ran: no mark, no alert, no foreign script, still the app's page.
        assert_pristine(&app, needle).await;
    }
    app.shot("hostile-reader").await;

    // After a while (images that fail, timers), still nothing.
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert_pristine(&app, "after a second").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_xss_corpus_in_every_field_runs_nothing_and_leaves_nothing() {
    let _serial = util::serial().await;
    let site = Site::start().await;
    let hostile = site.serve_hostile();
    let home = Home::new();
    let opml = home.path().join("hostile.opml");
    std::fs::write(&opml, &hostile.document(hostile::OPML_PATH).unwrap().body).unwrap();
    let mut app = App::launch(&home, "xss-corpus").await;
    // Every article's page is fetched and read, even when the feed carries
    // text (the setting "Full articles: always").
    let mut settings = app.invoke("get_settings", json!({})).await;
    settings["extraction_policy"] = json!("always");
    app.invoke("set_settings", json!({ "settings": settings })).await;

    // The three hostile feeds, as a user adds them.
    let mut feeds = Vec::new();
    for (path, kind) in hostile::FEEDS {
        feeds.push((app.add_source(&hostile.url(path)).await, kind));
    }
    // Then the OPML file (hostile folder and feed titles, hostile
    // addresses), through the command the Import button calls. (Not
    // before: the add-source dialog lists the folders, and folder names
    // thousands of characters long push it off the screen.)
    let report = app.invoke("import_opml", json!({ "path": opml })).await;
    assert_eq!(report["feeds_added"], json!(hostile::OPML_GOOD_FEEDS), "{report}");
    assert_eq!(report["rejected"].as_array().map(Vec::len), Some(hostile.corpus.urls.len()), "{report}");
    app.click_tid("sync-button").await;
    // The list shows the imported sources when the sync ends: a sync of
    // hostile feeds and pages, in a debug build whose sync threads run at a
    // lower priority than the rest of a busy machine (20 s was once too short).
    let sources = hostile::FEEDS.len() + hostile::OPML_GOOD_FEEDS;
    app.wait_count_within(&tid("feed-row"), sources, util::TIMEOUT * 3).await;
    // Every article page is fetched (extraction runs on hostile pages too).
    let pages: Vec<String> = hostile::FEEDS
        .iter()
        .flat_map(|(_, kind)| (0..hostile::ITEMS_WITH_PAGES).map(|i| hostile::page_path(kind, i)))
        .collect();
    util::poll("every hostile page to be fetched", || async {
        pages.iter().all(|p| site.server.hits(p) > 0).then_some(())
    })
    .await;
    app.shot("sources").await;

    let mut opened = 0;
    let mut documents = 0;
    for (feed, kind) in &feeds {
        app.click_css(&App::in_feed(feed, &tid("feed-title"))).await;
        app.wait_count(&tid("article-row"), hostile::ITEMS).await;
        for item in 0..hostile::ITEMS {
            let needle = hostile::item_title_prefix(kind, item);
            app.open_article(&needle).await;
            opened += 1;
            if item < hostile::ITEMS_WITH_PAGES {
                // The page's text arrives after the sync: wait for it, then
                // read both texts.
                app.wait_gone(&tid("page-pending"), "the page to be extracted").await;
            }
            let switches = if app.count(&tid("body-switch")).await > 0 { 2 } else { 0 };
            for step in 0..=switches {
                if step > 0 {
                    app.click_tid(if step == 1 { "body-page" } else { "body-feed" }).await;
                }
                documents += 1;
                assert_reader_is_inert(&app, &format!("{needle} ({step})")).await;
            }
            if item == 0 {
                // Move over, click into and scroll the article, as a reader would.
                touch_the_article(&app).await;
                app.shot(&format!("{}-reader", kind.to_ascii_lowercase())).await;
            }
            assert_pristine(&app, &needle).await;
        }
    }
    assert_eq!(opened, hostile::FEEDS.len() * hostile::ITEMS);
    // The button that opens the article in the browser hands over an
    // http(s) link only (a hostile link leaves no button at all).
    app.click_tid("open-original").await;
    home.wait_opened(1).await;

    // After a while (failed images, timers, refreshes), still nothing.
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert_pristine(&app, "at the end").await;
    let beacons: Vec<String> =
        site.server.requested_paths().into_iter().filter(|p| p.starts_with(BEACON_PATH)).collect();
    assert_eq!(beacons, Vec::<String>::new(), "a payload ran and called home");
    let opened_urls = home.opened_urls();
    let beacon = hostile.url(BEACON_PATH);
    for url in &opened_urls {
        // (A link the feed gave as `java&#x09;script:…` in JSON is no entity
        // there: it is a relative path, and resolves to an http URL.)
        assert!(util::script_free::is_web_url(url) && !url.starts_with(&beacon), "the opener was handed {url:?}");
    }
    let log = app.log_text();
    let blocked: Vec<&str> = log.lines().filter(|l| l.contains("blocked navigation")).collect();
    assert!(blocked.is_empty(), "the app was asked to navigate away: {blocked:?}");
    eprintln!(
        "xss-corpus: {} HTML + {} URL payloads, {opened} articles opened, {documents} reader documents checked, \
         {} URLs opened (all http(s)), 0 beacons, 0 navigations",
        hostile.corpus.html.len(),
        hostile.corpus.urls.len(),
        opened_urls.len(),
    );
    app.quit().await;
}

/// The article shown in the reader is inert: a sandbox without scripts,
/// forms or top navigation, and a document whose article holds nothing
/// that could run (walked element by element), under the reader's own head.
async fn assert_reader_is_inert(app: &App, when: &str) {
    let frame = app.find_tid("reader-body").await;
    let sandbox = frame.attr("sandbox").await.unwrap().unwrap_or_default();
    let tokens: Vec<&str> = sandbox.split_whitespace().collect();
    assert!(
        !tokens.iter().any(|t| *t == "allow-scripts" || *t == "allow-forms" || t.starts_with("allow-top-navigation")),
        "{when}: sandbox={sandbox:?}"
    );
    let srcdoc = app.reader_srcdoc().await;
    let (head, rest) = srcdoc.split_once("<article dir=\"auto\">").unwrap_or_else(|| panic!("{when}: {srcdoc:.300}"));
    let article = rest.strip_suffix("</article></body></html>").unwrap_or_else(|| panic!("{when}: the document's end"));
    // The head is the reader's own: no lead image from the feed ends up in it.
    assert!(!head.contains("<script") && head.matches("<base").count() == 1, "{when}: head {head:?}");
    let problems = util::script_free::problems(article);
    assert!(problems.is_empty(), "{when}: the reader shows {problems:#?}");
    let pwned = app
        .js("const f = document.querySelector('[data-testid=reader-body]'); \
             return f && f.contentWindow ? typeof f.contentWindow.__pwned : 'no frame';")
        .await;
    assert_eq!(pwned, json!("undefined"), "{when}: a script ran in the reader frame");
}

/// Moves the pointer over the reader frame's elements, clicks its first
/// paragraph and scrolls it to the end and back (no link is clicked).
async fn touch_the_article(app: &App) {
    use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
    let frame = app.find_tid("reader-body").await;
    frame.clone().enter_frame().await.expect("enter the reader frame");
    let elements = app.find_all("article p, article div, article span, article img, article a, article b").await;
    for el in elements.iter().take(12) {
        let hover = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
            element: el.clone(),
            duration: None,
            x: 0.0,
            y: 0.0,
        });
        let _ = app.client.perform_actions(hover).await;
    }
    if let Some(p) = app.find_all("article p").await.first() {
        let click = MouseActions::new("mouse".into())
            .then(PointerAction::MoveToElement { element: p.clone(), duration: None, x: 0.0, y: 0.0 })
            .then(PointerAction::Down { button: MOUSE_BUTTON_LEFT })
            .then(PointerAction::Up { button: MOUSE_BUTTON_LEFT });
        let _ = app.client.perform_actions(click).await;
    }
    let _ = app.client.release_actions().await;
    app.client.enter_parent_frame().await.expect("leave the reader frame");
    app.js("const f = document.querySelector('[data-testid=reader-body]'); \
            const w = f && f.contentWindow; if (w) { w.scrollTo(0, 1e7); w.scrollTo(0, 0); } \
            const pane = document.querySelector('.reader-body'); \
            if (pane) { pane.scrollTop = 1e7; pane.scrollTop = 0; } return true;")
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
}

/// No script from a feed ran in the app's page.
async fn assert_pristine(app: &App, when: &str) {
    let pwned = app.js("return typeof window.__pwned;").await;
    assert_eq!(pwned, json!("undefined"), "{when}: a feed script ran in the app");
    assert!(app.client.get_alert_text().await.is_err(), "{when}: an alert is open");
    let foreign = app
        .js("return [...document.scripts].filter(s => !s.src || new URL(s.src).protocol !== location.protocol \
             || new URL(s.src).host !== location.host).map(s => s.outerHTML.slice(0, 200));")
        .await;
    assert_eq!(foreign, json!([]), "{when}: scripts that are not the app's own");
    let frames = app
        .js("return document.querySelectorAll('iframe:not([data-testid=reader-body]), object, embed').length;")
        .await;
    assert_eq!(frames, json!(0), "{when}: foreign frames or objects in the app");
    let location = app.js("return location.protocol + '//' + location.host;").await;
    assert!(
        location == json!("tauri://localhost") || location == json!("http://tauri.localhost"),
        "{when}: the app navigated to {location}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_saved_article_survives_a_restart_offline() {
    let _serial = util::serial().await;
    let site = Site::start().await;
    let home = Home::new();

    let mut app = App::launch(&home, "restart-1").await;
    let feed = app.add_source(&site.url("/")).await;
    app.wait_feed_unread(&feed, "5").await;
    app.open_article("The Tempest").await;
    app.click_tid("save-button").await;
    app.wait_tid_text("nav-saved-count", "1").await;
    app.shot("saved").await;
    app.quit().await;

    // Offline: the server is gone.
    site.shutdown().await;
    assert!(home.db_path().is_file(), "the database is at {}", home.db_path().display());

    let mut app = App::launch(&home, "restart-2").await;
    app.find_tid("feed-row").await;
    app.wait_tid_text("nav-saved-count", "1").await;
    app.click_tid("nav-saved").await;
    app.wait_count(&tid("article-row"), 1).await;
    app.open_article("The Tempest").await;
    assert_eq!(app.text_tid("reader-title").await, TEMPEST);
    assert!(app.text_tid("reader-byline").await.contains("Helen Marsh"));
    app.wait_reader_body("Jonah Pryce makes a weary, tender Prospero").await;
    // Its photo was never on the server: a small placeholder stands in its
    // place, not an 800-pixel grey box.
    let images = app.reader_image_sizes().await;
    assert_eq!(images.len(), 1, "{images:?}");
    let (width, height) = images[0];
    assert!(width <= 64.0 && height <= 64.0, "the missing photo shows as a small placeholder: {images:?}");
    app.shot("offline-reader").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_source_is_renamed_and_unsubscribing_keeps_its_saved_article() {
    let _serial = util::serial().await;
    let site = Site::start().await;
    let home = Home::new();
    let mut app = App::launch(&home, "edit-unsubscribe").await;
    let feed = app.add_source(&site.url("/")).await;
    app.wait_feed_unread(&feed, "5").await;
    app.open_article("The Tempest").await;
    app.click_tid("save-button").await;
    app.wait_tid_text("nav-saved-count", "1").await;

    // Rename it and stop full-article downloads for it, from the list's menu.
    app.click_tid("source-menu").await;
    app.click_tid("feed-edit").await;
    let name = app.find_tid("edit-feed-name").await;
    name.clear().await.ok();
    app.type_into(&name, "Limanın Xəbərləri").await;
    app.select_tid("edit-feed-extraction", "never").await;
    app.shot("edit-feed").await;
    app.click_tid("edit-feed-save").await;
    app.wait_gone(&tid("edit-feed-dialog"), "the source options to close").await;
    app.wait_text(&App::in_feed(&feed, &tid("feed-title")), "the new name", |t| t == "Limanın Xəbərləri").await;
    app.click_tid("source-menu").await;
    app.click_tid("feed-edit").await;
    let policy = app.js("return document.querySelector('[data-testid=edit-feed-extraction]').value;").await;
    assert_eq!(policy, json!("never"), "the policy was stored");
    app.click_tid("dialog-close").await;
    app.wait_gone(&tid("edit-feed-dialog"), "the source options to close").await;

    // Unsubscribe (the confirmation answered yes): the feed goes, the saved article stays.
    app.js("window.confirm = () => true; return null;").await;
    app.click_tid("source-menu").await;
    app.click_tid("feed-unsubscribe").await;
    app.wait_count(&tid("feed-row"), 0).await;
    app.wait_tid_text("nav-saved-count", "1").await;
    app.click_tid("nav-saved").await;
    app.wait_count(&tid("article-row"), 1).await;
    app.open_article("The Tempest").await;
    assert_eq!(app.text_tid("reader-title").await, TEMPEST);
    app.wait_reader_body("Jonah Pryce makes a weary, tender Prospero").await;
    app.shot("unsubscribed-saved").await;
    app.quit().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn open_original_and_share_hand_the_exact_url_to_the_desktop() {
    let _serial = util::serial().await;
    let site = Site::start().await;
    let home = Home::new();
    let mut app = App::launch(&home, "open-share").await;

    app.add_source(&site.url("/rss2.xml")).await;
    app.open_article("The Tempest").await;
    let article_url = site.url("/culture/2026/03/01/tempest-review");

    app.click_tid("open-original").await;
    let opened = home.wait_opened(1).await;
    assert_eq!(opened, vec![article_url.clone()], "Open original hands the article's URL to xdg-open");

    // Sharing opens exactly the link byline-share builds: from the share
    // bar above the article, from the share menu, and from the bar below.
    let expected = |target: ShareTarget| {
        let request = ShareRequest::new(&article_url, TEMPEST);
        match share_action(target, &request).unwrap() {
            ShareAction::Open(url) => url,
            other => panic!("{target:?} shares by opening a link, not {other:?}"),
        }
    };
    app.click_css(&format!("{} {}", tid("share-bar-top"), tid("share-telegram"))).await;
    let opened = home.wait_opened(2).await;
    assert_eq!(opened[1], expected(ShareTarget::Telegram), "Telegram from the share bar");

    app.click_tid("share-button").await;
    app.click_tid("share-menu-whatsapp").await;
    let opened = home.wait_opened(3).await;
    assert_eq!(opened[2], expected(ShareTarget::Whatsapp), "WhatsApp from the share menu");

    app.click_css(&format!("{} {}", tid("share-bar-bottom"), tid("share-email"))).await;
    let opened = home.wait_opened(4).await;
    assert_eq!(opened[3], expected(ShareTarget::Email), "email from the bottom share bar");
    assert!(opened[3].starts_with("mailto:"), "{}", opened[3]);

    // VKontakte and Odnoklassniki add the lead image at the end, when there
    // is one: the link without it is a prefix.
    app.click_css(&format!("{} {}", tid("share-bar-top"), tid("share-vk"))).await;
    let opened = home.wait_opened(5).await;
    assert!(opened[4].starts_with(&expected(ShareTarget::Vk)), "VKontakte: {}", opened[4]);
    app.click_css(&format!("{} {}", tid("share-bar-top"), tid("share-ok"))).await;
    let opened = home.wait_opened(6).await;
    assert!(opened[5].starts_with(&expected(ShareTarget::Ok)), "Odnoklassniki: {}", opened[5]);

    // Messenger without an app id: the link is copied and messenger.com opens.
    app.click_css(&format!("{} {}", tid("share-bar-top"), tid("share-messenger"))).await;
    let opened = home.wait_opened(7).await;
    assert_eq!(opened[6], byline_share::MESSENGER_WEB, "Messenger without an app id");
    app.shot("shared").await;
    app.quit().await;
}

/// A feed whose item carries the whole article (four paragraphs and an
/// embedded Vimeo player, which has no picture to fetch) and a credit with
/// a role, and whose page is a single sentence.
fn full_text_feed(base: &str) -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let date = |ago: u64| util::rfc2822(now - ago);
    let mut paragraphs: String = (1..=4)
        .map(|i| {
            format!("<p>Paragraph {i}: the festival in Baku drew hundreds of guests to the old city this week.</p>")
        })
        .collect();
    paragraphs.push_str(r#"<p><iframe src="https://player.vimeo.com/video/76979871" width="640"></iframe></p>"#);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
        xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Full Text Daily</title><link>{base}/</link>
        <item><title>Festival closes with a record crowd</title><link>{base}/festival.html</link><guid>ft-1</guid>
          <pubDate>{d1}</pubDate><dc:creator>By Jane Doe, Science Editor</dc:creator>
          <content:encoded><![CDATA[{paragraphs}]]></content:encoded></item>
        <item><title>Second story of the day</title><link>{base}/second.html</link><guid>ft-2</guid>
          <pubDate>{d2}</pubDate><description>A short teaser.</description></item>
        </channel></rss>"#,
        d1 = date(60),
        d2 = date(120),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_feed_text_stays_its_credit_has_a_role_and_keys_work_in_the_article() {
    let _serial = util::serial().await;
    let site = Site::start().await;
    let base = site.server.base_url();
    site.server.route("/full.xml", byline_testkit::Fixture::body("application/rss+xml", full_text_feed(&base)));
    let one_sentence = "<!DOCTYPE html><html lang=\"en\"><head><title>Festival</title></head>\
        <body><article><h1>Festival</h1><p>The festival closed.</p></article></body></html>";
    site.server.route("/festival.html", byline_testkit::Fixture::body("text/html; charset=utf-8", one_sentence));
    let second: String = (1..=5)
        .map(|i| format!("<p>Full second story, paragraph {i}, with enough words to read as an article body.</p>"))
        .collect();
    let second = format!(
        "<!DOCTYPE html><html lang=\"en\"><head><title>Second story of the day</title></head>\
         <body><article><h1>Second story of the day</h1>\
         <p class=\"byline\">By Aysel Mammadova and Orxan Naghiyev, Staff Writers</p>{second}\
         <p>Source: Reuters</p></article></body></html>"
    );
    site.server.route("/second.html", byline_testkit::Fixture::body("text/html; charset=utf-8", second));
    let home = Home::new();
    let mut app = App::launch(&home, "full-text").await;

    let feed = app.add_source(&site.url("/full.xml")).await;
    app.wait_feed_unread(&feed, "2").await;
    app.open_article("Festival closes").await;
    // The feed carries the whole article: all four paragraphs, the page never fetched.
    let body = app.wait_reader_body("Paragraph 4").await;
    assert!(!body.contains("The festival closed."), "{body:?}");
    // The embedded player is a link to the video's page; no frame is left.
    assert!(body.contains("▶ vimeo.com/76979871"), "{body:?}");
    let srcdoc = app.reader_srcdoc().await;
    assert!(srcdoc.contains(r#"href="https://vimeo.com/76979871""#) && !srcdoc.contains("<iframe"), "{srcdoc:.2000}");
    assert_eq!(site.server.hits("/festival.html"), 0, "a full feed item's page is not fetched");
    // "By Jane Doe, Science Editor": one person, with her role.
    assert_eq!(app.count(&tid("byline-name")).await, 1, "one person, not two");
    assert_eq!(app.text_tid("byline-name").await.trim(), "Jane Doe");
    assert!(app.text_tid("byline-role").await.contains("Science Editor"));
    let byline = app.text_tid("reader-byline").await;
    assert!(byline.starts_with("By Jane Doe"), "{byline:?}");
    assert!(!byline.trim_end().ends_with('·'), "no dangling dot: {byline:?}");
    app.shot("reader").await;

    // Click into the article text, then press j: the shortcut still works.
    app.press_key_after_clicking_the_article('j').await;
    app.wait_text(&tid("reader-title"), "j from inside the article to open the next one", |t| {
        t.contains("Second story")
    })
    .await;
    // Its feed has only a teaser: the page was fetched right after the source
    // was added, without a refresh.
    app.wait_reader_body("Full second story, paragraph 5").await;
    assert_eq!(site.server.hits("/second.html"), 1);
    // A role printed once after two names is each one's, and shown once.
    app.wait_text(&tid("reader-byline"), "the page's byline", |t| t.contains("Orxan Naghiyev")).await;
    assert_eq!(app.count(&tid("byline-name")).await, 2, "two people");
    let byline = app.text_tid("reader-byline").await;
    assert!(byline.contains("Aysel Mammadova, Orxan Naghiyev — Staff Writers"), "{byline:?}");
    // The agency the page credits is the story's source, after the people.
    let (people, agency) = (byline.find("Staff Writers"), byline.find("Source: Reuters"));
    assert!(people.is_some() && agency > people, "{byline:?}");
    app.shot("shared-role").await;
    app.quit().await;
}

/// The window sizes people use: a narrow window, the medium widths where
/// three panes would squeeze the reader, and wide ones.
const WIDTHS: [u32; 4] = [480, 900, 1100, 1400];

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_width_language_and_theme_lays_out_without_clipping() {
    let _serial = util::serial().await;
    let site = Site::start().await;
    // The story opened first is a wire story: its source is printed in
    // every language and at every width.
    site.credit_first_story("Priya Raman, Reuters");
    let home = Home::new();
    let mut app = App::launch(&home, "layout").await;
    app.add_source(&site.url("/az.xml")).await;
    app.add_source(&site.url("/rss2.xml")).await;
    app.click_tid("nav-all").await;
    app.wait_js(
        "return document.querySelectorAll('[data-testid=article-row]').length > 5;",
        "both sources' articles",
        util::TIMEOUT,
    )
    .await;

    app.js("document.querySelector('[data-testid=article-row]').click();").await;
    app.find_tid("reader-title").await;
    for (lang, theme, source) in
        [("en", "light", "Source: Reuters"), ("az", "dark", "Mənbə: Reuters"), ("ru", "light", "Источник: Reuters")]
    {
        app.click_tid("settings-button").await;
        app.select_tid("settings-language", lang).await;
        app.select_tid("settings-theme", theme).await;
        app.wait_js(&format!("return document.documentElement.lang === '{lang}';"), "the language", util::TIMEOUT)
            .await;
        app.click_tid("dialog-close").await;
        app.wait_gone(&tid("settings-panel"), "the settings to close").await;
        app.wait_text(&tid("reader-byline"), "the story's source, in the UI's language", |t| {
            t.contains("Priya Raman") && t.contains(source)
        })
        .await;
        for width in WIDTHS {
            app.client
                .set_window_size(width, 800)
                .await
                .unwrap_or_else(|e| panic!("byline-e2e: resize to {width}: {e}"));
            app.wait_js(
                &format!("return Math.abs(innerWidth - {width}) < 40;"),
                &format!("the window at {width} px"),
                util::TIMEOUT,
            )
            .await;
            tokio::time::sleep(std::time::Duration::from_millis(400)).await;
            let layout = app
                .js("const shown = (e) => e.getClientRects().length > 0 && getComputedStyle(e).visibility !== 'hidden'; \
                     const w = (id) => { const e = document.querySelector(`[data-testid=${id}]`); \
                     return e && shown(e) ? Math.round(e.getBoundingClientRect().width) : 0; }; \
                     const labels = '[data-testid=nav-all] .nav-label, [data-testid=nav-unread] .nav-label, \
                       [data-testid=nav-saved] .nav-label, .segmented button, .list-title'; \
                     const cut = [...document.querySelectorAll(labels)] \
                       .filter((e) => shown(e) && e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent); \
                     const rows = [...document.querySelectorAll('[data-testid=article-row] .row-title')] \
                       .filter((e) => e.offsetParent && e.scrollHeight > e.clientHeight + 1).length; \
                     return { sidebar: w('sidebar'), reader: w('reader-pane'), cut, clippedTitles: rows };")
                .await;
            let (sidebar, reader) = (layout["sidebar"].as_u64().unwrap(), layout["reader"].as_u64().unwrap());
            match width {
                480 => assert!(sidebar == 0 && reader >= 440, "{lang} {width}: one pane at a time: {layout}"),
                900 | 1100 => {
                    assert_eq!(sidebar, 0, "{lang} {width}: the sources are a drawer: {layout}");
                    assert!(reader >= 500, "{lang} {width}: the reader has room: {layout}");
                }
                _ => assert!(sidebar > 0 && reader >= 600, "{lang} {width}: three panes: {layout}"),
            }
            assert_eq!(layout["cut"], json!([]), "{lang} {width}: labels cut short");
            app.shot(&format!("{lang}-{theme}-{width}")).await;
        }
    }
    app.client.set_window_size(1200, 800).await.ok();
    // The wire story is found by its agency, as by its people.
    let search = app.find_tid("search-input").await;
    app.type_into(&search, "reuters").await;
    app.wait_count(&tid("article-row"), 1).await;
    assert_eq!(
        app.article_titles().await,
        vec!["Council approves £40m plan for new tram line to the airport".to_owned()]
    );
    app.quit().await;
}

/// The feed a FreshRSS account follows: two stories dated today (so the
/// app's retention keeps them).
fn server_desk_feed(base: &str) -> String {
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs();
    let items: String = [(1, FERRY), (2, NIGHT_MARKET)]
        .iter()
        .map(|(i, title)| {
            format!(
                "<item><title>{title}</title><link>{base}/desk/{i}</link><guid isPermaLink=\"false\">desk-{i}</guid>\
                 <pubDate>{}</pubDate><description>&lt;p&gt;Story {i} from the server desk, read through FreshRSS.&lt;/p&gt;\
                 </description></item>",
                util::rfc2822(now - i * 3600)
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Server Desk</title>\
         <link>{base}/</link><description>Followed on a FreshRSS server</description>{items}</channel></rss>\n"
    )
}

/// The first story of [`server_desk_feed`].
const FERRY: &str = "Harbour ferry timetable changes on Monday";
/// The second story of [`server_desk_feed`].
const NIGHT_MARKET: &str = "Night market returns to the quay";

/// An item's read and starred state on the server.
#[derive(Debug, PartialEq, Eq)]
struct ServerState {
    read: bool,
    starred: bool,
}

/// The item titled `title` on the server.
async fn server_item(client: &GReader, title: &str) -> RemoteItem {
    let items = client.fetch_items(SyncCursor::Start).await.expect("FreshRSS items").items;
    items.into_iter().find(|i| i.title == title).unwrap_or_else(|| panic!("no item {title:?} on the server"))
}

/// The state of the item titled `title` on the server.
async fn server_state(client: &GReader, title: &str) -> ServerState {
    let item = server_item(client, title).await;
    ServerState { read: item.read, starred: item.starred }
}

/// The server's id of the item titled `title`.
async fn server_item_id(client: &GReader, title: &str) -> String {
    server_item(client, title).await.remote_id
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_freshrss_account_is_added_in_settings_and_reading_goes_back_to_the_server() {
    let _serial = util::serial().await;
    let site = Site::start().await;
    site.server.route("/desk.xml", Fixture::body("application/rss+xml", server_desk_feed(&site.server.base_url())));
    let freshrss = FreshRss::start().await;
    let client = GReader::login(freshrss.greader_url(), freshrss.user(), freshrss.password()).await.unwrap();
    client.subscribe(&site.url("/desk.xml"), None, Some("Harbour")).await.unwrap();
    let home = Home::new();
    // No session bus, so no keyring: the documented fallback holds the password.
    let mut app =
        App::launch_with_env(&home, "freshrss-account", &[("BYLINE_ACCOUNT_PASSWORD", FreshRss::PASSWORD)]).await;

    // Settings → Accounts: a wrong password first, said in words.
    app.click_tid("settings-button").await;
    app.find_tid("settings-accounts").await;
    app.select_tid("account-kind", "greader").await;
    app.type_into(&app.find_tid("account-url").await, freshrss.greader_url()).await;
    app.type_into(&app.find_tid("account-username").await, FreshRss::USER).await;
    let password = app.find_tid("account-password").await;
    app.type_into(&password, "not-the-password").await;
    app.click_tid("account-add").await;
    let refused = ui_string("en", "error.unauthorized");
    app.wait_text(&tid("account-add-error"), "the refused password's sentence", |t| t == refused).await;
    app.shot("refused").await;

    // The right password: the account is listed and its first sync starts at once.
    password.clear().await.unwrap();
    app.type_into(&password, FreshRss::PASSWORD).await;
    app.click_tid("account-add").await;
    app.wait_text(&tid("account-row"), "the account in the list", |t| t.contains("alice @ 127.0.0.1")).await;
    app.shot("added").await;
    // Test checks it again without a sync.
    app.click_tid("account-test").await;
    app.find_tid("account-test-ok").await;
    app.shot("tested").await;
    app.click_tid("dialog-close").await;

    // Its folder and feed reach the sidebar; its articles the list.
    app.wait_text(&tid("sidebar"), "the account's folder and feed", |t| {
        t.contains("alice @ 127.0.0.1") && t.contains("Harbour") && t.contains("Server Desk")
    })
    .await;
    app.click_tid("nav-all").await;
    app.wait_js(
        &format!(
            "return [...document.querySelectorAll('[data-testid=article-title]')].some(e => e.innerText.includes({}));",
            util::js_str(FERRY)
        ),
        "the server's article in the list",
        util::TIMEOUT,
    )
    .await;
    assert_eq!(server_state(&client, FERRY).await, ServerState { read: false, starred: false }, "before");

    // Opening it marks it read here; the next refresh sends that to the server.
    app.open_article("Harbour ferry").await;
    let body = app.wait_reader_body("Story 1 from the server desk").await;
    assert!(body.contains("read through FreshRSS"), "body: {body}");
    app.wait_js(
        "return document.querySelectorAll('[data-testid=article-row] [data-testid=unread-dot]').length === 1;",
        "the opened article to show as read",
        util::TIMEOUT,
    )
    .await;
    app.shot("read").await;

    // Saving it stars it; the next refresh sends both to the server.
    app.save_open_article().await;
    app.wait_tid_text("nav-saved-count", "1").await;
    app.click_tid("sync-button").await;
    util::poll("the server to show the article read and starred", || async {
        (server_state(&client, FERRY).await == ServerState { read: true, starred: true }).then_some(())
    })
    .await;
    let other = server_state(&client, NIGHT_MARKET).await;
    assert_eq!(other, ServerState { read: false, starred: false }, "the other is untouched");

    // A star given on the server (another machine) arrives with the next refresh.
    let night_market = server_item_id(&client, NIGHT_MARKET).await;
    client.set_starred(&[night_market], true).await.unwrap();
    app.click_tid("sync-button").await;
    app.wait_tid_text("nav-saved-count", "2").await;
    app.click_tid("nav-saved").await;
    app.wait_count(&tid("article-row"), 2).await;
    app.shot("starred").await;
    app.quit().await;
}
