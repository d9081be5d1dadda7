//! The fault rig (issue 11): one sync against every hostile server and
//! hostile document in `byline_testkit::Fault`, next to healthy feeds, all on
//! 127.0.0.1, once from one host and once from many. The sync must finish,
//! memory stay bounded, every healthy feed get all its items, every faulty
//! feed get a clear error or its valid items, and no other feed change.
//!
//! Peak memory is the test process's `VmHWM` (tests in this file run in
//! parallel in one process, so each bound covers the others too).

use std::collections::HashMap;
use std::time::Duration;

use byline_engine::{Engine, EngineConfig, ExtractionPolicy, FetchConfig, SyncEvent, SyncOptions, SyncReport};
use byline_store::{Feed, FeedId, FeedProblem, ListQuery};
use byline_testkit::{
    generate_rss, rss, Fault, Fixture, FixtureServer, CYRILLIC_TITLE, ENTITY_PROBE_PATH, ENTITY_PROBE_TEXT, MANY_ITEMS,
};

/// Items in each healthy feed.
const HEALTHY_ITEMS: usize = 20;
/// A hang detector only: a sync that has not finished by then never will.
const HANG: Duration = Duration::from_secs(300);
/// How much the process's peak resident memory may grow in one test.
const PEAK_GROWTH_BOUND_KB: u64 = 500 * 1024;

fn fetch_config() -> FetchConfig {
    FetchConfig {
        connect_timeout: Duration::from_secs(1),
        timeout: Duration::from_secs(2),
        max_body_bytes: 12 * 1024 * 1024,
        max_per_host: 2,
        ..FetchConfig::default()
    }
}

async fn engine() -> (tempfile::TempDir, Engine) {
    engine_with(fetch_config()).await
}

async fn engine_with(fetch: FetchConfig) -> (tempfile::TempDir, Engine) {
    let dir = tempfile::tempdir().unwrap();
    let config = EngineConfig { fetch, extraction: ExtractionPolicy::Never, ..EngineConfig::default() };
    let engine = Engine::open(&dir.path().join("byline.sqlite3"), config).await.unwrap();
    (dir, engine)
}

/// The process's peak resident set size so far, in kB.
fn peak_rss_kb() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).expect("VmHWM in /proc/self/status");
    line.split_whitespace().nth(1).unwrap().parse().unwrap()
}

async fn titles(engine: &Engine, feed: FeedId) -> Vec<String> {
    let query = ListQuery { feed: Some(feed), limit: 500, ..Default::default() };
    engine.store().list(&query).await.unwrap().items.into_iter().map(|i| i.title).collect()
}

/// Everything the store shows of a feed and its articles, minus when it was
/// last checked and last succeeded.
async fn snapshot(engine: &Engine, feed: FeedId) -> String {
    let mut row = engine.store().feed(feed).await.unwrap();
    // When it was checked is all a re-sync may change (a 304 is a success
    // too, and the clock can cross a second between the two syncs).
    row.last_checked_at = None;
    row.last_success_at = None;
    let query = ListQuery { feed: Some(feed), limit: 500, ..Default::default() };
    let items = engine.store().list(&query).await.unwrap().items;
    format!("{row:?}\n{items:?}")
}

/// A healthy feed with [`HEALTHY_ITEMS`] items.
fn healthy(server: &FixtureServer, index: usize) -> String {
    let path = format!("/healthy/{index}.xml");
    server.route(
        &path,
        Fixture::body("application/rss+xml", generate_rss(index, HEALTHY_ITEMS, &server.base_url())).etag("\"h1\""),
    );
    server.url(&path)
}

/// What one run found for one feed.
struct Outcome {
    feed: Feed,
    titles: Vec<String>,
}

impl Outcome {
    fn kind(&self) -> Option<FeedProblem> {
        self.feed.last_error_kind
    }
    fn error(&self) -> &str {
        self.feed.last_error.as_deref().unwrap_or("")
    }
}

/// Checks one fault's outcome; returns a one-line description.
fn check(fault: Fault, o: &Outcome) -> String {
    let failed = |kind: FeedProblem, needle: &str| {
        assert_eq!(o.kind(), Some(kind), "{fault:?}: {}", o.error());
        assert!(o.error().contains(needle), "{fault:?}: {:?} lacks {needle:?}", o.error());
        assert!(o.titles.is_empty(), "{fault:?} failed yet stored {:?}", o.titles);
    };
    let read = |title: &str| {
        assert_eq!(o.kind(), None, "{fault:?}: {}", o.error());
        assert!(o.titles.iter().any(|t| t == title), "{fault:?}: {:?}", o.titles);
        assert!(o.titles.iter().all(|t| !t.contains('\u{fffd}')), "{fault:?} mis-decoded: {:?}", o.titles);
    };
    match fault {
        Fault::SlowDrip | Fault::NeverAnswers => failed(FeedProblem::Unreachable, "timed out"),
        Fault::ResetMidBody => failed(FeedProblem::Unreachable, "network error"),
        // Stopped at the body cap, or by the timeout when the cap is not
        // reached in time (a debug build on a busy machine).
        Fault::EndlessBody | Fault::DeclaredTwoGigabytes | Fault::GzipBomb | Fault::BrotliBomb => {
            if o.kind() == Some(FeedProblem::Unreachable) {
                failed(FeedProblem::Unreachable, "timed out")
            } else {
                failed(FeedProblem::TooLarge, "larger than")
            }
        }
        Fault::RedirectLoop => failed(FeedProblem::ServerError, "redirect loop"),
        Fault::RedirectChain => failed(FeedProblem::ServerError, "too many redirects"),
        Fault::TooManyRequestsSeconds
        | Fault::TooManyRequestsDate
        | Fault::UnavailableSeconds
        | Fault::UnavailableDate => {
            failed(FeedProblem::RateLimited, "rate limited");
            let wait = o.feed.next_attempt_at.expect("a retry time") - chrono::Utc::now();
            let expected = if matches!(fault, Fault::TooManyRequestsSeconds | Fault::UnavailableSeconds) {
                60..=120
            } else {
                3000..=3600
            };
            assert!(expected.contains(&wait.num_seconds()), "{fault:?}: Retry-After honoured? {wait}");
        }
        Fault::NotModifiedAlways => failed(FeedProblem::ServerError, "304"),
        Fault::WrongContentType => read("Served as a PNG"),
        Fault::HeaderCharsetContradictsUtf8
        | Fault::HeaderUtf8Contradicts1251
        | Fault::Windows1251Undeclared
        | Fault::Koi8rUndeclared
        | Fault::Utf8Bom
        | Fault::Utf16Bom => read(CYRILLIC_TITLE),
        // feed-rs's XML reader leaves undefined entities as they are: no
        // file is read, no URL fetched, nothing expanded.
        Fault::ExternalEntities => {
            read("Plain item");
            for t in &o.titles {
                assert!(!t.contains(ENTITY_PROBE_TEXT) && !t.contains("root:"), "{fault:?} expanded: {t}");
            }
        }
        Fault::BillionLaughs => {
            read("No laughs");
            assert!(o.titles.iter().all(|t| t.len() < 10_000), "{fault:?} expanded");
        }
        Fault::TruncatedXml => failed(FeedProblem::NotAFeed, "malformed"),
        Fault::HtmlPage => failed(FeedProblem::NotAFeed, "HTML page"),
        // Refused before parsing, with a clear error: each parsed item
        // costs ~1.5 KB, so 100,000 of them took ~150 MB (see
        // `byline_feeds::parse::MAX_ENTRIES`).
        Fault::HundredThousandItems => {
            const { assert!(MANY_ITEMS > byline_engine::feeds::parse::MAX_ENTRIES) };
            failed(FeedProblem::TooLarge, "more than 50000 items");
        }
        Fault::HugeTitle => {
            read("Normal title");
            let max = byline_engine::feeds::parse::MAX_TITLE_CHARS;
            assert!(o.titles.iter().any(|t| t.chars().count() == max && t.ends_with('…')), "{fault:?}: not cut");
        }
    }
    match o.kind() {
        Some(kind) => format!("{fault:?}: {kind:?}: {}", o.error()),
        None => format!(
            "{fault:?}: ok, {} articles, e.g. {:?}",
            o.feed.unread_count,
            o.titles.first().map(|t| t.chars().take(60).collect::<String>())
        ),
    }
}

/// Subscribes to every fault and to healthy feeds (faults on `fault_servers`
/// round-robin, healthy feeds likewise on `healthy_servers`), syncs once, and
/// checks everything.
async fn run(fault_servers: &[&FixtureServer], healthy_servers: &[&FixtureServer]) {
    let (_dir, engine) = engine().await;
    let store = engine.store();

    // A feed synced before: nothing about it may change.
    let bystander_server = FixtureServer::start().await;
    let bystander = store.add_feed(&healthy(&bystander_server, 999), None).await.unwrap();
    let first = engine.sync_feeds(&SyncOptions::default(), None).await.unwrap();
    assert_eq!((first.ok, first.new_articles), (1, HEALTHY_ITEMS), "{first:#?}");
    let before = snapshot(&engine, bystander.id).await;

    let mut faults: HashMap<FeedId, (Fault, usize)> = HashMap::new();
    for (i, fault) in Fault::ALL.into_iter().enumerate() {
        let server_index = i % fault_servers.len();
        fault.install(fault_servers[server_index]);
        let feed = store.add_feed(&fault_servers[server_index].url(&fault.path()), None).await.unwrap();
        faults.insert(feed.id, (fault, server_index));
    }
    let mut healthy_feeds = Vec::new();
    for i in 0..6 {
        let url = healthy(healthy_servers[i % healthy_servers.len()], i);
        healthy_feeds.push(store.add_feed(&url, None).await.unwrap().id);
    }

    let peak_before = peak_rss_kb();
    let started = std::time::Instant::now();
    let report: SyncReport = tokio::time::timeout(HANG, engine.sync_feeds(&SyncOptions::default(), None))
        .await
        .expect("the sync hangs")
        .unwrap();
    let took = started.elapsed();
    let grown = peak_rss_kb().saturating_sub(peak_before);
    eprintln!("sync of {} feeds took {took:?}; peak RSS grew {} MB", report.feeds, grown / 1024);
    assert!(grown < PEAK_GROWTH_BOUND_KB, "peak RSS grew by {} MB", grown / 1024);
    assert_eq!(report.feeds, faults.len() + healthy_feeds.len() + 1);
    assert_eq!(report.unrecorded_failures, 0, "{report:#?}");

    for id in &healthy_feeds {
        let feed = store.feed(*id).await.unwrap();
        assert_eq!(feed.last_error, None, "a healthy feed failed: {}", feed.url);
        assert_eq!(titles(&engine, *id).await.len(), HEALTHY_ITEMS, "{}", feed.url);
    }
    assert_eq!(snapshot(&engine, bystander.id).await, before, "the bystander feed changed");

    let mut lines = Vec::new();
    let mut wrong = Vec::new();
    for (id, (fault, _)) in &faults {
        let outcome = Outcome { feed: store.feed(*id).await.unwrap(), titles: titles(&engine, *id).await };
        match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check(*fault, &outcome))) {
            Ok(line) => lines.push(line),
            Err(_) => wrong.push(format!("{fault:?}: {:?} {}", outcome.kind(), outcome.error())),
        }
    }
    lines.sort();
    eprintln!("{}", lines.join("\n"));
    assert!(wrong.is_empty(), "faults handled wrongly:\n{}", wrong.join("\n"));
    for server in fault_servers.iter().chain(healthy_servers) {
        assert_eq!(server.hits(ENTITY_PROBE_PATH), 0, "an external entity was fetched");
    }
    let failed: usize = report.errors.len();
    assert_eq!(report.failed, failed);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fault_from_one_host() {
    let server = FixtureServer::start().await;
    // Healthy feeds both on the faulty host and on another one.
    let other = FixtureServer::start().await;
    run(&[&server], &[&server, &other]).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_fault_from_its_own_host() {
    let mut servers = Vec::new();
    for _ in Fault::ALL {
        servers.push(FixtureServer::start().await);
    }
    let healthy = [FixtureServer::start().await, FixtureServer::start().await, FixtureServer::start().await];
    let servers: Vec<&FixtureServer> = servers.iter().collect();
    run(&servers, &healthy.iter().collect::<Vec<_>>()).await;
}

/// Many slow feeds on one host with two slots: the later ones wait for a
/// slot longer than the timeout, and must not time out for it.
#[tokio::test]
async fn waiting_for_a_host_slot_is_not_part_of_the_timeout() {
    let server = FixtureServer::start().await;
    let (_dir, engine) = engine().await;
    for i in 0..8 {
        let path = format!("/slow/{i}");
        let body = rss("slow", &[(&format!("s{i}"), "Slow but fine")]);
        server.route(&path, Fixture::body("application/rss+xml", body).delay(Duration::from_millis(1200)));
        engine.store().add_feed(&server.url(&path), None).await.unwrap();
    }
    let report = tokio::time::timeout(HANG, engine.sync_feeds(&SyncOptions::default(), None)).await.unwrap().unwrap();
    assert_eq!((report.ok, report.failed), (8, 0), "{report:#?}");
}

/// A host whose every feed hangs, listed first, must not hold back a feed on
/// another host: that one is done before any hanging feed gives up.
#[tokio::test]
async fn a_hanging_host_does_not_starve_other_hosts() {
    let hanging = FixtureServer::start().await;
    let fine = FixtureServer::start().await;
    let (_dir, engine) = engine_with(FetchConfig { max_concurrent: 4, ..fetch_config() }).await;
    Fault::NeverAnswers.install(&hanging);
    // More hanging feeds than global slots (4) and per-host slots (2).
    for i in 0..6 {
        engine.store().add_feed(&format!("{}?n={i}", hanging.url(&Fault::NeverAnswers.path())), None).await.unwrap();
    }
    let healthy_feed = engine.store().add_feed(&healthy(&fine, 1), None).await.unwrap().id;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let report =
        tokio::time::timeout(HANG, engine.sync_feeds(&SyncOptions::default(), Some(tx))).await.unwrap().unwrap();
    assert_eq!((report.ok, report.failed), (1, 6), "{report:#?}");
    let mut done = Vec::new();
    while let Ok(event) = rx.try_recv() {
        if let SyncEvent::FeedDone { feed_id, .. } = event {
            done.push(feed_id);
        }
    }
    assert_eq!(done.first(), Some(&healthy_feed), "the healthy feed waited for the hanging host");
    assert_eq!(titles(&engine, healthy_feed).await.len(), HEALTHY_ITEMS);
}
