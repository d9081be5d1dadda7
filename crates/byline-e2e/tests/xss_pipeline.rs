//! The XSS corpus through the engine, without a webview: the hostile site's
//! RSS, Atom and JSON feeds, article pages and OPML file go through
//! `parse_feed`, `byline_extract::extract` and the real engine (fetch →
//! parse → store → full articles), and every HTML string that comes out or
//! is stored is walked element by element ([`script_free::problems`]):
//! nothing that could run, load a frame, submit or leave the app; every URL
//! the reader could follow is http(s).
//!
//! Fast and needs no app: `cargo test -p byline-e2e --test xss_pipeline`.

#[path = "util/script_free.rs"]
mod script_free;

use byline_engine::{Engine, EngineConfig, ExtractionPolicy};
use byline_store::ListQuery;
use byline_testkit::hostile::{self, HostileSite, FEEDS, ITEMS, ITEMS_WITH_PAGES, OPML_GOOD_FEEDS, OPML_PATH};
use byline_testkit::xss::BEACON_PATH;
use byline_testkit::FixtureServer;
use script_free::{is_web_url, problems};

/// Collects what is wrong, so one run reports every hole at once.
#[derive(Default)]
struct Findings(Vec<String>);

impl Findings {
    fn html(&mut self, place: &str, html: Option<&str>) {
        for problem in problems(html.unwrap_or_default()) {
            self.0.push(format!("{place}: {problem}"));
        }
    }

    fn url(&mut self, place: &str, url: Option<&str>) {
        if let Some(url) = url.filter(|u| !is_web_url(u)) {
            self.0.push(format!("{place}: not a web URL: {url:?}"));
        }
    }

    fn assert_none(self, what: &str) {
        assert!(self.0.is_empty(), "{what}: {} problems:\n{}", self.0.len(), self.0.join("\n"));
    }
}

#[test]
fn every_feed_field_parses_to_script_free_html_and_web_urls() {
    let site = HostileSite::new("http://127.0.0.1:9");
    let mut findings = Findings::default();
    for (path, kind) in FEEDS {
        let doc = site.document(path).unwrap();
        let url = site.url(path);
        let feed = byline_feeds::parse_feed(doc.body.as_bytes(), Some(doc.content_type), Some(&url))
            .unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(feed.entries.len(), ITEMS, "{path}");
        findings.url(&format!("{kind} feed link"), feed.link.as_deref());
        for (i, entry) in feed.entries.iter().enumerate() {
            let place = format!("{kind} item {i}");
            assert!(entry.title.starts_with("Hostile"), "{place}: title {:?}", entry.title);
            findings.html(&format!("{place} summary"), entry.summary_html.as_deref());
            findings.html(&format!("{place} content"), entry.content_html.as_deref());
            findings.url(&format!("{place} link"), entry.link.as_deref());
            findings.url(&format!("{place} image"), entry.image.as_deref());
            for enclosure in &entry.enclosures {
                findings.url(&format!("{place} enclosure"), Some(&enclosure.url));
            }
        }
    }
    findings.assert_none("parse_feed");
}

#[test]
fn every_page_extracts_to_script_free_html_and_web_urls() {
    let site = HostileSite::new("http://127.0.0.1:9");
    let mut findings = Findings::default();
    for (_, kind) in FEEDS {
        for item in 0..ITEMS_WITH_PAGES {
            let path = hostile::page_path(kind, item);
            let doc = site.document(&path).unwrap();
            let url = url::Url::parse(&site.url(&path)).unwrap();
            let extracted = byline_extract::extract(doc.body.as_bytes(), Some(doc.content_type), &url, None)
                .unwrap_or_else(|e| panic!("{path}: {e}"));
            assert!(!extracted.content_html.trim().is_empty(), "{path}: nothing extracted");
            if item == 0 {
                eprintln!("{path}: {:.300}", extracted.text);
            }
            findings.html(&format!("{path} body"), Some(&extracted.content_html));
            findings.url(&format!("{path} lead image"), extracted.lead_image.as_deref());
        }
    }
    findings.assert_none("byline_extract");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_engine_stores_only_script_free_html_and_web_urls() {
    let server = FixtureServer::start().await;
    let site = HostileSite::serve(&server);
    let dir = tempfile::tempdir().unwrap();
    let config = EngineConfig { extraction: ExtractionPolicy::Always, ..EngineConfig::default() };
    let engine = Engine::open(&dir.path().join("byline.sqlite3"), config).await.unwrap();

    for (path, _) in FEEDS {
        engine.add_source(&site.url(path), None).await.unwrap_or_else(|e| panic!("{path}: {e}"));
    }
    let report = engine.extract_pending(500, ExtractionPolicy::Always).await.unwrap();
    assert_eq!(report.extracted, FEEDS.len() * ITEMS_WITH_PAGES, "pages extracted: {report:?}");
    for (_, kind) in FEEDS {
        for item in 0..ITEMS_WITH_PAGES {
            assert_eq!(server.hits(&hostile::page_path(kind, item)), 1, "{kind} page {item} fetched once");
        }
    }

    // The OPML file: hostile addresses refused, hostile titles kept as text.
    let opml = site.document(OPML_PATH).unwrap();
    let imported = engine.import_opml(opml.body.as_bytes()).await.unwrap();
    assert_eq!(imported.feeds_added, OPML_GOOD_FEEDS, "{imported:?}");
    assert_eq!(imported.rejected.len(), site.corpus.urls.len(), "every hostile address refused: {imported:?}");

    let store = engine.store();
    let mut findings = Findings::default();
    for feed in store.feeds().await.unwrap() {
        findings.url(&format!("feed {} url", feed.id), Some(&feed.url));
        findings.url(&format!("feed {} site", feed.id), feed.site_url.as_deref());
    }
    let page = store.list(&ListQuery { limit: 500, ..Default::default() }).await.unwrap();
    assert_eq!(page.items.len(), FEEDS.len() * ITEMS, "every item stored");
    let mut pages_shown = 0;
    for summary in &page.items {
        let article = store.article(summary.id).await.unwrap();
        let place = format!("article {:?}", summary.title.chars().take(16).collect::<String>());
        findings.html(&format!("{place} summary"), article.summary_html.as_deref());
        findings.html(&format!("{place} content"), article.content_html.as_deref());
        findings.html(&format!("{place} page"), article.full_html.as_deref());
        findings.url(&format!("{place} link"), summary.url.as_deref());
        findings.url(&format!("{place} lead image"), summary.lead_image.as_deref());
        findings.url(&format!("{place} thumbnail"), summary.thumbnail.as_deref());
        for enclosure in &article.enclosures {
            findings.url(&format!("{place} enclosure"), Some(&enclosure.url));
        }
        pages_shown += usize::from(article.full_html.is_some());
    }
    assert_eq!(pages_shown, FEEDS.len() * ITEMS_WITH_PAGES, "every page's text was stored");
    findings.assert_none("stored articles");

    // Nothing the engine fetched was a beacon (only a script would ask for one).
    let beacons: Vec<String> = server.requested_paths().into_iter().filter(|p| p.starts_with(BEACON_PATH)).collect();
    assert!(beacons.is_empty(), "beacon requests: {beacons:?}");
    eprintln!(
        "xss_pipeline: {} HTML payloads + {} URL payloads ({} families) through 3 feeds × {ITEMS} items, \
         {} pages and an OPML file; {} articles stored, 0 problems",
        site.corpus.html.len(),
        site.corpus.urls.len(),
        site.corpus.families().len(),
        FEEDS.len() * ITEMS_WITH_PAGES,
        page.items.len(),
    );
}
