//! The engine against a real SQLite file and a real HTTP server on
//! 127.0.0.1 serving fixture feeds.

use std::time::Duration;

use byline_engine::{Engine, EngineConfig, ExtractionPolicy, FetchConfig, SyncEvent, SyncOptions};
use byline_store::{ListQuery, View};
use byline_testkit::{fixture_path, fixtures_dir, Fixture, FixtureServer};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(fixture_path(name)).unwrap()
}

async fn engine_with(fetch: FetchConfig) -> (tempfile::TempDir, Engine) {
    let dir = tempfile::tempdir().unwrap();
    let engine = Engine::open(
        &dir.path().join("byline.sqlite3"),
        EngineConfig { fetch, extraction: ExtractionPolicy::Never, ..EngineConfig::default() },
    )
    .await
    .unwrap();
    (dir, engine)
}

async fn engine() -> (tempfile::TempDir, Engine) {
    engine_with(FetchConfig::default()).await
}

async fn titles(engine: &Engine, feed: byline_store::FeedId) -> Vec<String> {
    let query = ListQuery { feed: Some(feed), limit: 500, ..Default::default() };
    engine.store().list(&query).await.unwrap().items.into_iter().map(|i| i.title).collect()
}

#[tokio::test]
async fn every_format_and_charset_is_read() {
    let server = FixtureServer::serve_dir(fixtures_dir()).await;
    server.route(
        "/ru-header-charset.xml",
        Fixture::body("application/rss+xml; charset=windows-1251", fixture("ru-1251-noprolog.xml")),
    );
    let (_dir, engine) = engine().await;
    for (path, expected_title) in [
        ("/rss2.xml", "Council approves £40m plan for new tram line to the airport"),
        ("/atom.xml", "SQLite WAL mode in production: two years of lessons"),
        ("/feed.json", ""),
        ("/rss091.xml", ""),
        ("/rss1.rdf", ""),
        ("/az-utf8.xml", "Şəhərdə yeni məktəb açıldı"),
        ("/az-1251.xml", "Новости Баку"),
        ("/ru-koi8r.xml", "Новости Баку"),
        ("/ru-header-charset.xml", "Новости Баку"),
    ] {
        let feed = engine.add_source(&server.url(path), None).await.unwrap_or_else(|e| panic!("{path}: {e}"));
        let titles = titles(&engine, feed.id).await;
        assert!(!titles.is_empty(), "{path} stored no articles");
        assert!(titles.iter().all(|t| !t.contains('\u{fffd}') && !t.contains("Ð")), "{path} mis-decoded: {titles:?}");
        if !expected_title.is_empty() {
            assert!(titles.iter().any(|t| t == expected_title), "{path}: {titles:?}");
        }
    }
    assert_eq!(engine.store().feeds().await.unwrap().len(), 9);
}

#[tokio::test]
async fn a_site_url_is_searched_for_its_feed() {
    let server = FixtureServer::serve_dir(fixtures_dir()).await;
    let (_dir, engine) = engine().await;
    let feed = engine.add_source(&server.url("/not-a-feed.html"), None).await.unwrap();
    assert_eq!(feed.url, server.url("/rss2.xml"));
    assert_eq!(feed.title, "Harbour City Chronicle");

    // No <link>: the common paths on the site's origin are tried.
    let bare = FixtureServer::start().await;
    bare.route("/news/today", Fixture::body("text/html", fixture("site-no-link.html")));
    bare.route("/rss", Fixture::body("application/atom+xml", fixture("atom.xml")));
    let feed = engine.add_source(&bare.url("/news/today"), None).await.unwrap();
    assert_eq!(feed.url, bare.url("/rss"));
    assert!(bare.hits("/feed") == 1, "/feed is tried first");

    let empty = FixtureServer::start().await;
    empty.route("/", Fixture::body("text/html", fixture("site-no-link.html")));
    let err = engine.add_source(&empty.url("/"), None).await.unwrap_err();
    assert!(err.to_string().contains("no feed found"), "{err}");

    // Typed without a scheme: https fails on this plain-http server, http works.
    let typed = server.url("/atom.xml").trim_start_matches("http://").to_string();
    let feed = engine.add_source(&typed, None).await.unwrap();
    assert_eq!(feed.url, server.url("/atom.xml"));
}

#[tokio::test]
async fn resync_updates_in_place_keeps_statuses_and_uses_conditional_get() {
    let server = FixtureServer::start().await;
    server.route("/feed", Fixture::body("application/rss+xml", fixture("rss2.xml")).etag("\"v1\""));
    let (_dir, engine) = engine().await;
    let feed = engine.add_source(&server.url("/feed"), None).await.unwrap();
    let page = engine.store().list(&ListQuery::default()).await.unwrap();
    assert_eq!(page.items.len(), 5);
    let storm = page.items.iter().find(|i| i.title.starts_with("Storm Edith")).unwrap().id;
    let market = page.items.iter().find(|i| i.title.starts_with("Harbour Market")).unwrap().id;
    engine.store().set_read(storm, true).await.unwrap();
    engine.store().set_saved(market, true).await.unwrap();

    // Unchanged: 304, nothing parsed.
    let report = engine.sync(&SyncOptions::default(), None).await.unwrap();
    assert_eq!((report.ok, report.new_articles, report.updated_articles), (1, 0, 0));
    let headers = server.request_headers("/feed");
    assert_eq!(headers.last().unwrap().get("if-none-match").unwrap(), "\"v1\"");

    // Changed: one new item, one updated in place.
    server.route("/feed", Fixture::body("application/rss+xml", fixture("rss2-updated.xml")).etag("\"v2\""));
    let report = engine.sync(&SyncOptions::default(), None).await.unwrap();
    assert_eq!((report.new_articles, report.updated_articles), (1, 1), "{report:?}");
    let items = engine.store().list(&ListQuery { limit: 100, ..Default::default() }).await.unwrap().items;
    assert_eq!(items.len(), 6, "no duplicates");
    let storm_now = items.iter().find(|i| i.id == storm).unwrap();
    assert_eq!(storm_now.title, "Storm Edith: warning upgraded to red as gusts reach 90mph");
    assert!(storm_now.read, "read status kept");
    assert!(items.iter().find(|i| i.id == market).unwrap().saved, "saved status kept");
    assert_eq!(engine.store().feed(feed.id).await.unwrap().unread_count, 5);

    // Same bytes without validators: the content hash skips the parse.
    server.route("/feed", Fixture::body("application/rss+xml", fixture("rss2-updated.xml")));
    let report = engine.sync(&SyncOptions::default(), None).await.unwrap();
    assert_eq!((report.ok, report.new_articles, report.updated_articles), (1, 0, 0));
}

#[tokio::test]
async fn failures_are_recorded_per_feed_and_the_rest_goes_on() {
    let server = FixtureServer::serve_dir(fixtures_dir()).await;
    server.route("/limited", Fixture::too_many_requests("3600"));
    server.route("/slow", Fixture::body("application/rss+xml", fixture("rss2.xml")).delay(Duration::from_secs(5)));
    server.route("/loop-a", Fixture::redirect(302, "/loop-b"));
    server.route("/loop-b", Fixture::redirect(302, "/loop-a"));
    server.route("/bomb", Fixture::gzip_bomb(64 * 1024 * 1024));
    server.route("/gone", Fixture::body("text/plain", "nope").status(404));
    let fetch = FetchConfig { timeout: Duration::from_secs(2), max_body_bytes: 1024 * 1024, ..FetchConfig::default() };
    let (_dir, engine) = engine_with(fetch).await;
    let store = engine.store();
    for path in ["/az-utf8.xml", "/limited", "/slow", "/loop-a", "/bomb", "/malformed.xml", "/not-a-feed.html", "/gone"]
    {
        store.add_feed(&server.url(path), None).await.unwrap();
    }
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let report = engine.sync(&SyncOptions::default(), Some(tx)).await.unwrap();
    assert_eq!((report.feeds, report.ok, report.failed), (8, 1, 7), "{report:#?}");
    assert_eq!(report.new_articles, 4);

    let error_of = |path: &str| {
        let url = server.url(path);
        report.errors.iter().find(|e| e.url == url).unwrap_or_else(|| panic!("no error for {path}")).error.clone()
    };
    assert!(error_of("/limited").contains("rate limited"), "{}", error_of("/limited"));
    assert!(error_of("/slow").contains("timed out"), "{}", error_of("/slow"));
    assert!(error_of("/loop-a").contains("redirect loop"), "{}", error_of("/loop-a"));
    assert!(error_of("/bomb").contains("larger than"), "{}", error_of("/bomb"));
    assert!(error_of("/malformed.xml").contains("feed"), "{}", error_of("/malformed.xml"));
    assert!(error_of("/not-a-feed.html").contains("HTML page"), "{}", error_of("/not-a-feed.html"));
    assert!(error_of("/gone").contains("404"), "{}", error_of("/gone"));

    // Errors are kept in the database with a failure count and a backoff.
    let feeds = store.feeds().await.unwrap();
    let limited = feeds.iter().find(|f| f.url.ends_with("/limited")).unwrap();
    assert_eq!(limited.error_count, 1);
    assert!(limited.last_error.as_deref().unwrap().contains("rate limited"));
    let wait = limited.next_attempt_at.unwrap() - chrono::Utc::now();
    assert!(wait.num_minutes() > 55, "Retry-After honoured: {wait}");
    let ok = feeds.iter().find(|f| f.url.ends_with("/az-utf8.xml")).unwrap();
    assert!(ok.last_error.is_none() && ok.last_success_at.is_some());

    // Progress: a start, then one event per feed, counting up, then the phases.
    let mut events = Vec::new();
    while let Ok(event) = rx.try_recv() {
        events.push(event);
    }
    assert_eq!(events.first(), Some(&SyncEvent::Started { total: 8, accounts: vec![] }));
    assert_eq!(events.len(), 1 + 8 + 4);
    match &events[8] {
        SyncEvent::FeedDone { done, total, new_articles, .. } => assert_eq!((*done, *total, *new_articles), (8, 8, 4)),
        other => panic!("{other:?}"),
    }

    // Backing-off feeds are left alone until forced.
    let hits = server.hits("/limited");
    let report = engine.sync(&SyncOptions::default(), None).await.unwrap();
    assert_eq!((report.feeds, report.skipped), (1, 7));
    assert_eq!(server.hits("/limited"), hits);
    let report = engine.sync(&SyncOptions { force: true, ..Default::default() }, None).await.unwrap();
    assert_eq!(report.failed, 7);
    let limited = store.feeds().await.unwrap().into_iter().find(|f| f.url.ends_with("/limited")).unwrap();
    assert_eq!(limited.error_count, 2, "consecutive failures are counted");
}

#[tokio::test]
async fn permanent_redirects_update_the_stored_url() {
    let server = FixtureServer::serve_dir(fixtures_dir()).await;
    server.route("/old-feed", Fixture::redirect(301, "/rss2.xml"));
    server.route("/temp-feed", Fixture::redirect(302, "/atom.xml"));
    let (_dir, engine) = engine().await;
    let moved = engine.store().add_feed(&server.url("/old-feed"), None).await.unwrap();
    let temp = engine.store().add_feed(&server.url("/temp-feed"), None).await.unwrap();
    let report = engine.sync(&SyncOptions::default(), None).await.unwrap();
    assert_eq!(report.ok, 2, "{report:?}");
    assert_eq!(engine.store().feed(moved.id).await.unwrap().url, server.url("/rss2.xml"));
    assert_eq!(engine.store().feed(temp.id).await.unwrap().url, server.url("/temp-feed"));
}

#[tokio::test]
async fn hostile_feed_is_sanitized_before_it_is_stored() {
    let server = FixtureServer::serve_dir(fixtures_dir()).await;
    let (_dir, engine) = engine().await;
    let feed = engine.add_source(&server.url("/hostile.xml"), None).await.unwrap();
    let page = engine.store().list(&ListQuery { feed: Some(feed.id), ..Default::default() }).await.unwrap();
    assert!(!page.items.is_empty());
    for item in page.items {
        let article = engine.store().article(item.id).await.unwrap();
        let all = format!(
            "{} {:?} {:?} {:?} {:?} {:?}",
            article.summary.title,
            article.summary.author,
            article.summary.url,
            article.summary_html,
            article.content_html,
            article.summary.lead_image
        )
        .to_ascii_lowercase();
        for bad in [
            "<script",
            "javascript:",
            "vbscript:",
            "onerror",
            "onload",
            "<iframe",
            "<svg",
            "<style",
            "<form",
            "<object",
            "data:text",
            "utm_source",
            "fbclid",
        ] {
            assert!(!all.contains(bad), "{bad} survived in {all}");
        }
    }
}

#[tokio::test]
async fn opml_round_trip_keeps_nested_folders() {
    let opml =
        std::fs::read(byline_testkit::workspace_root().join("crates/byline-feeds/tests/fixtures/subscriptions.opml"))
            .unwrap();
    let (_dir, engine) = engine().await;
    let report = engine.import_opml(&opml).await.unwrap();
    assert!(report.feeds_added > 0);
    assert_eq!(report.feeds_added + report.rejected.len(), report.feeds_in_file);
    let exported = engine.export_opml().await.unwrap();

    let original = byline_feeds::opml::parse_opml(&opml).unwrap();
    let round_trip = byline_feeds::opml::parse_opml(exported.as_bytes()).unwrap();
    let mut before: Vec<(Vec<String>, String)> =
        original.feeds().into_iter().map(|(p, f)| (p, f.xml_url.clone())).collect();
    let mut after: Vec<(Vec<String>, String)> =
        round_trip.feeds().into_iter().map(|(p, f)| (p, f.xml_url.clone())).collect();
    before.sort();
    after.sort();
    assert_eq!(before, after);
    assert!(after.iter().any(|(path, _)| path.len() >= 2), "nested folders kept: {after:?}");

    // Importing twice adds nothing.
    let again = engine.import_opml(&opml).await.unwrap();
    assert_eq!(again.feeds_added, 0);
}

/// Moves every article's storing time `days` days back, as if it had been
/// stored then.
async fn age_articles(db_path: &std::path::Path, days: i64) {
    let db = sqlx::SqlitePool::connect(&format!("sqlite://{}", db_path.display())).await.unwrap();
    sqlx::query("UPDATE articles SET fetched_at = fetched_at - ?").bind(days * 86_400).execute(&db).await.unwrap();
    db.close().await;
}

#[tokio::test]
async fn the_sync_applies_retention_last_and_never_deletes_saved_articles() {
    let server = FixtureServer::serve_dir(fixtures_dir()).await;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("byline.sqlite3");
    let engine =
        Engine::open(&path, EngineConfig { extraction: ExtractionPolicy::Never, ..Default::default() }).await.unwrap();
    engine.add_source(&server.url("/rss2.xml"), None).await.unwrap();
    let items = engine.store().list(&ListQuery::default()).await.unwrap().items;
    engine.store().set_saved(items[0].id, true).await.unwrap();
    age_articles(&path, i64::from(byline_engine::DEFAULT_RETENTION_DAYS) + 1).await;

    // Retention off (`None` or 0 days): nothing goes.
    for retention_days in [None, Some(0)] {
        let report = engine.sync(&SyncOptions { retention_days, ..Default::default() }, None).await.unwrap();
        assert_eq!(report.pruned.deleted, 0, "{retention_days:?}");
    }
    // The default keeps 90 days: the sync stores the feed first (nothing
    // new), then deletes the old unsaved articles.
    let report = engine.sync(&SyncOptions::default(), None).await.unwrap();
    assert_eq!((report.new_articles, report.pruned.deleted), (0, 4), "{report:#?}");
    let saved = engine.store().list(&ListQuery { view: View::Saved, ..Default::default() }).await.unwrap().items;
    assert_eq!(saved.len(), 1);
    // A re-sync does not resurrect pruned articles.
    let report = engine.sync(&SyncOptions { force: true, ..Default::default() }, None).await.unwrap();
    assert_eq!(report.new_articles, 0);
    engine.store().close().await;

    // Reopening the file (migrations run again) keeps the saved article.
    let reopened = Engine::open(&path, EngineConfig::default()).await.unwrap();
    assert_eq!(
        reopened.store().list(&ListQuery { view: View::Saved, ..Default::default() }).await.unwrap().items.len(),
        1
    );
}

#[tokio::test]
async fn the_sync_tells_its_phases_in_order() {
    let server = FixtureServer::serve_dir(fixtures_dir()).await;
    server.route("/gone", Fixture::body("text/plain", "nope").status(404));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("byline.sqlite3");
    let engine =
        Engine::open(&path, EngineConfig { extraction: ExtractionPolicy::Never, ..Default::default() }).await.unwrap();
    let rss = engine.store().add_feed(&server.url("/rss2.xml"), None).await.unwrap();
    let atom = engine.store().add_feed(&server.url("/atom.xml"), None).await.unwrap();
    engine.store().add_feed(&server.url("/gone"), None).await.unwrap();

    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let report = engine.sync(&SyncOptions { retention_days: None, ..Default::default() }, Some(tx)).await.unwrap();
    let mut events = Vec::new();
    while let Ok(event) = rx.try_recv() {
        events.push(event);
    }
    let kinds: Vec<&str> = events
        .iter()
        .map(|e| match e {
            SyncEvent::Started { .. } => "started",
            SyncEvent::FeedDone { .. } => "feed",
            SyncEvent::AccountDone { .. } => "account",
            SyncEvent::FeedsStored { .. } => "stored",
            SyncEvent::Extracted { .. } => "extracted",
            SyncEvent::Pruned { .. } => "pruned",
            SyncEvent::Finished => "finished",
        })
        .collect();
    assert_eq!(kinds, ["started", "feed", "feed", "feed", "stored", "extracted", "pruned", "finished"]);
    assert_eq!(events[0], SyncEvent::Started { total: 3, accounts: vec![] });
    let SyncEvent::FeedsStored { sources, failed, new_articles, new_by_feed, .. } = &events[4] else { unreachable!() };
    assert_eq!((*sources, *failed, *new_articles), (3, 1, report.new_articles));
    let mut with_new: Vec<_> = new_by_feed.iter().map(|n| n.feed_id).collect();
    with_new.sort();
    assert_eq!(with_new, [rss.id, atom.id]);
    assert_eq!(new_by_feed.iter().map(|n| n.new_articles).sum::<usize>(), report.new_articles);
    assert_eq!(events[5], SyncEvent::Extracted { report: report.extraction });
    assert_eq!(events[6], SyncEvent::Pruned { outcome: Default::default() });

    // One feed: only it, no account, and still every phase.
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let only = SyncOptions { feeds: vec![rss.id], force: true, ..Default::default() };
    let report = engine.sync(&only, Some(tx)).await.unwrap();
    assert_eq!((report.feeds, report.ok, report.new_articles), (1, 1, 0));
    assert_eq!(rx.try_recv().unwrap(), SyncEvent::Started { total: 1, accounts: vec![] });
    let mut last = None;
    while let Ok(event) = rx.try_recv() {
        last = Some(event);
    }
    assert_eq!(last, Some(SyncEvent::Finished));
}

#[tokio::test]
async fn full_articles_are_extracted_with_bylines_and_roles() {
    let pages = byline_testkit::workspace_root().join("crates/byline-extract/tests/fixtures/pages");
    let server = FixtureServer::start().await;
    server.route(
        "/xeber/zerdab.html",
        Fixture::body("text/html; charset=utf-8", std::fs::read(pages.join("az-seed-zerdab.html")).unwrap()),
    );
    server.route("/xeber/gone.html", Fixture::body("text/plain", "gone").status(404));
    let feed = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Zərdab</title>
        <link>{base}/</link>
        <item><title>Xalqlarımızı ümumi köklərə əsaslanan dostluq birləşdirir</title><link>{base}/xeber/zerdab.html</link>
          <guid>z1</guid><description>Qısa xülasə.</description></item>
        <item><title>Silinmiş xəbər</title><link>{base}/xeber/gone.html</link><guid>z2</guid></item>
        </channel></rss>"#,
        base = server.base_url()
    );
    server.route("/rss", Fixture::body("application/rss+xml", feed));
    let (_dir, engine) = engine_with(FetchConfig::default()).await;
    engine.store().add_feed(&server.url("/rss"), None).await.unwrap();
    let options = SyncOptions { extraction: Some(ExtractionPolicy::WhenNoContent), ..Default::default() };
    let report = engine.sync(&options, None).await.unwrap();
    assert_eq!((report.extraction.extracted, report.extraction.failed), (1, 1), "{report:?}");

    let items = engine.store().list(&ListQuery::default()).await.unwrap().items;
    let item = items.iter().find(|i| i.title.starts_with("Xalqlarımızı")).unwrap();
    assert_eq!(item.author.as_deref(), Some("Gülağa İsgəndərov"), "the byline becomes the list's author");
    let article = engine.store().article(item.id).await.unwrap();
    assert_eq!(article.bylines.len(), 1);
    assert_eq!(article.bylines[0].name, "Gülağa İsgəndərov");
    assert_eq!(article.bylines[0].role.as_deref(), Some("Zərdab Rayon Təhsil Sektorunun müdiri"));
    let body = article.full_html.unwrap();
    assert!(body.contains("Qazaxıstan"), "{body}");
    for junk in ["whatsapp", "legitimaz", "reklam", "<script", "Zərdab Rayon Təhsil Sektorunun müdiri"] {
        assert!(!body.to_lowercase().contains(&junk.to_lowercase()), "{junk} in the body");
    }
    assert!(article.reading_minutes.unwrap() >= 1);
    // The whole page is searchable now, not just the teaser.
    let found = engine
        .store()
        .list(&ListQuery { search: Some("ticarət dövriyyəsi".into()), ..Default::default() })
        .await
        .unwrap();
    assert_eq!(found.items.len(), 1);

    // Tried once: a second sync does not fetch the pages again.
    let hits = server.hits("/xeber/zerdab.html");
    engine.sync(&SyncOptions { force: true, ..options }, None).await.unwrap();
    assert_eq!(server.hits("/xeber/zerdab.html"), hits);
}

#[tokio::test]
async fn a_wire_story_keeps_its_agency_apart_from_its_writer() {
    let paragraph =
        "Şamaxı Astrofizika Rəsədxanasında yeni teleskop quraşdırılıb, onun güzgüsünün diametri iki metrdir \
        və alimlər uzaq qalaktikaların müşahidəsinə başlamağı planlaşdırırlar.";
    let page = format!(
        "<!DOCTYPE html><html lang=\"az\"><head><title>Yeni teleskop</title>\
         <meta name=\"author\" content=\"Aysel Məmmədova\"></head><body><article><h1>Yeni teleskop</h1>\
         <p>{paragraph}</p><p>{paragraph}</p><p>{paragraph}</p><p>Mənbə: APA</p></article></body></html>"
    );
    let server = FixtureServer::start().await;
    server.route("/teleskop.html", Fixture::body("text/html; charset=utf-8", page));
    let feed = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Elm</title><link>{base}/</link>
        <item><title>Yeni teleskop</title><link>{base}/teleskop.html</link><guid>t1</guid>
          <description>Qısa xülasə.</description></item></channel></rss>"#,
        base = server.base_url()
    );
    server.route("/rss", Fixture::body("application/rss+xml", feed));
    let (_dir, engine) = engine().await;
    engine.store().add_feed(&server.url("/rss"), None).await.unwrap();
    let options = SyncOptions { extraction: Some(ExtractionPolicy::WhenNoContent), ..Default::default() };
    assert_eq!(engine.sync(&options, None).await.unwrap().extraction.extracted, 1);
    let item = engine.store().list(&ListQuery::default()).await.unwrap().items.remove(0);
    assert_eq!(item.author.as_deref(), Some("Aysel Məmmədova"), "the agency is no author");
    let article = engine.store().article(item.id).await.unwrap();
    assert_eq!(article.bylines, [byline_store::Author::new("Aysel Məmmədova", None)]);
    assert_eq!(article.summary.agency.as_deref(), Some("APA"));
    let body = article.full_html.unwrap();
    assert!(body.contains("teleskop") && !body.contains("Mənbə"), "printed with the byline, not again under the text");
}

/// A feed item whose `content:encoded` carries the whole article (four
/// short paragraphs) and a page that extracts to one sentence.
fn full_content_feed(base: &str) -> String {
    let paragraph = "Bakıda keçirilən beynəlxalq festivalda yüzlərlə qonaq iştirak edib və proqramı izləyib.";
    let content: String = (1..=4).map(|i| format!("<p>{i}. {paragraph}</p>")).collect();
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
        xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>Tam mətn</title><link>{base}/</link>
        <item><title>Festival başa çatdı</title><link>{base}/page.html</link><guid>f1</guid>
          <dc:creator>By Jane Doe, Science Editor</dc:creator>
          <description>Festival başa çatdı.</description><content:encoded><![CDATA[{content}]]></content:encoded></item>
        </channel></rss>"#
    )
}

const ONE_SENTENCE_PAGE: &str = "<!DOCTYPE html><html lang=\"az\"><head><title>Festival başa çatdı</title></head>
  <body><article><h1>Festival başa çatdı</h1><p>Festival başa çatdı və qonaqlar evlərinə qayıtdı.</p></article></body></html>";

#[tokio::test]
async fn a_feed_with_the_whole_article_is_not_fetched_when_it_only_needs_a_summary() {
    let server = FixtureServer::start().await;
    server.route("/rss", Fixture::body("application/rss+xml", full_content_feed(&server.base_url())));
    server.route("/page.html", Fixture::body("text/html; charset=utf-8", ONE_SENTENCE_PAGE));
    let (_dir, engine) = engine().await;
    engine.store().add_feed(&server.url("/rss"), None).await.unwrap();
    let options = SyncOptions { extraction: Some(ExtractionPolicy::WhenNoContent), ..Default::default() };
    let report = engine.sync(&options, None).await.unwrap();
    assert_eq!((report.extraction.extracted, report.extraction.skipped), (0, 1), "{report:?}");
    assert_eq!(server.hits("/page.html"), 0, "the page of a full-content item is never fetched");
    let item = engine.store().list(&ListQuery::default()).await.unwrap().items.remove(0);
    let article = engine.store().article(item.id).await.unwrap();
    assert_eq!(article.page, byline_store::PageStatus::NotWanted);
    assert!(article.full_html.is_none());
}

#[tokio::test]
async fn a_shorter_page_never_replaces_the_feed_text_and_feed_credits_keep_their_roles() {
    let server = FixtureServer::start().await;
    server.route("/rss", Fixture::body("application/rss+xml", full_content_feed(&server.base_url())));
    server.route("/page.html", Fixture::body("text/html; charset=utf-8", ONE_SENTENCE_PAGE));
    let (_dir, engine) = engine().await;
    engine.store().add_feed(&server.url("/rss"), None).await.unwrap();
    let options = SyncOptions { extraction: Some(ExtractionPolicy::Always), ..Default::default() };
    let report = engine.sync(&options, None).await.unwrap();
    assert_eq!(report.extraction.extracted, 1, "{report:?}");
    let item = engine.store().list(&ListQuery::default()).await.unwrap().items.remove(0);
    assert_eq!(item.author.as_deref(), Some("Jane Doe"), "one person, not two");
    let article = engine.store().article(item.id).await.unwrap();
    assert_eq!(article.page, byline_store::PageStatus::FeedTextBetter, "the feed's four paragraphs stay shown");
    assert!(article.full_html.as_deref().unwrap().contains("qonaqlar evlərinə"), "the page is kept to switch to");
    assert_eq!(article.bylines, [byline_store::Author::new("Jane Doe", Some("Science Editor".into()))]);
    // Search still covers the feed's whole text.
    let found = engine.store().list(&ListQuery { search: Some("beynelxalq".into()), ..Default::default() }).await;
    assert_eq!(found.unwrap().items.len(), 1);
}

#[tokio::test]
async fn a_failure_the_database_cannot_record_is_counted_not_dropped() {
    let server = FixtureServer::serve_dir(fixtures_dir()).await;
    server.route("/gone", Fixture::body("text/plain", "nope").status(404));
    server.route("/also-gone", Fixture::body("text/plain", "nope").status(404));
    let (dir, engine) = engine().await;
    let store = engine.store();
    for path in ["/az-utf8.xml", "/gone", "/also-gone"] {
        store.add_feed(&server.url(path), None).await.unwrap();
    }
    // Make every write of a feed's error fail, as a full disk or a broken
    // file would; everything else still works.
    let url = format!("sqlite://{}", dir.path().join("byline.sqlite3").display());
    let db = sqlx::SqlitePool::connect(&url).await.unwrap();
    sqlx::query(
        "CREATE TRIGGER refuse_errors BEFORE UPDATE OF last_error ON feeds WHEN NEW.last_error IS NOT NULL
         BEGIN SELECT RAISE(ABORT, 'the disk says no'); END",
    )
    .execute(&db)
    .await
    .unwrap();

    let report = engine.sync(&SyncOptions::default(), None).await.unwrap();
    assert_eq!((report.feeds, report.ok, report.failed), (3, 1, 2), "{report:#?}");
    assert_eq!(report.unrecorded_failures, 2, "{report:#?}");
    let why = report.unrecorded_failure_error.as_deref().unwrap_or_default();
    assert!(why.contains("the disk says no"), "{why}");
    assert!(report.errors.iter().all(|e| e.error.contains("404")), "the feeds' own errors stay: {report:#?}");
    assert!(store.feeds().await.unwrap().iter().all(|f| f.error_count == 0), "nothing was recorded");

    // Once the database can record them again, nothing is left uncounted.
    sqlx::query("DROP TRIGGER refuse_errors").execute(&db).await.unwrap();
    let report = engine.sync(&SyncOptions { force: true, ..Default::default() }, None).await.unwrap();
    assert_eq!((report.failed, report.unrecorded_failures, report.unrecorded_failure_error), (2, 0, None));
}
