//! Integration tests against a real Tiny Tiny RSS (Debian 12's `tt-rss` 21
//! on PostgreSQL) started for each test (`byline_testkit::TtRss`). Nothing
//! here touches the Internet.
//!
//! tt-rss fetches feeds only from port 80 (or 443) of a host that is not
//! `localhost`/`127.*`, so the fixture feeds are served on 127.0.0.1:80, one
//! server for the whole test binary, each test under its own path, and
//! subscribed as `http://0.0.0.0/…`. Binding port 80 needs root (CI runs as
//! root); elsewhere the tests that need feeds print SKIP.

mod util;

use std::sync::atomic::{AtomicUsize, Ordering};

use byline_accounts::{ChangeSet, Error, Protocol, RemoteAccount, RemoteFolder, SyncCursor, TtRss};
use byline_testkit::{Fixture, FixtureServer, TtRss as TtRssServer};
use chrono::Utc;
use util::{atom, by_title, ids, published, rss, set};

// ------------------------------------------------------------------ harness

/// A tt-rss server and, under a path of their own on 127.0.0.1:80, the two
/// fixture feeds it can subscribe to.
struct Env {
    server: TtRssServer,
    feeds: &'static FixtureServer,
    /// `/t<n>`: this test's part of the fixture server.
    prefix: String,
}

impl Env {
    /// Starts tt-rss and serves the feeds (RSS with `rss_items` items, Atom
    /// with 2); `None`, after printing SKIP, when port 80 cannot be bound.
    async fn start(test: &str, rss_items: usize) -> Option<Env> {
        let feeds = match TtRssServer::feed_server() {
            Ok(feeds) => feeds,
            Err(why) => {
                println!("SKIP {test}: tt-rss only fetches feeds from port 80, which this test cannot bind ({why}); CI runs it as root");
                return None;
            }
        };
        static NEXT: AtomicUsize = AtomicUsize::new(1);
        let prefix = format!("/t{}", NEXT.fetch_add(1, Ordering::Relaxed));
        let env = Env { server: TtRssServer::start().await, feeds, prefix };
        env.set_rss_items(rss_items);
        env.feeds
            .route(&format!("{}/atom.xml", env.prefix), Fixture::body("application/atom+xml", atom(&env.base(), 2)));
        Some(env)
    }

    /// `http://0.0.0.0/t<n>`: what tt-rss fetches.
    fn base(&self) -> String {
        format!("http://0.0.0.0{}", self.prefix)
    }

    fn rss_url(&self) -> String {
        format!("{}/rss.xml", self.base())
    }

    fn atom_url(&self) -> String {
        format!("{}/atom.xml", self.base())
    }

    /// Serves `body` at `<prefix><path>` and returns its `http://0.0.0.0` address.
    fn serve(&self, path: &str, fixture: Fixture) -> String {
        self.feeds.route(&format!("{}{path}", self.prefix), fixture);
        format!("{}{path}", self.base())
    }

    /// Replaces the RSS feed with one of `n` items (tt-rss sees it at the
    /// next update).
    fn set_rss_items(&self, n: usize) {
        self.serve("/rss.xml", Fixture::body("application/rss+xml", rss(&self.base(), n)));
    }

    /// Subscribes to both feeds (Atom in the category "Fixtures") and lets
    /// tt-rss fetch them.
    async fn subscribe_both(&self) -> (String, String) {
        let rss = self.server.subscribe(&self.rss_url(), None).await;
        let atom = self.server.subscribe(&self.atom_url(), Some("Fixtures")).await;
        let summary = self.server.update_feeds().await;
        assert!(summary.contains(", "), "{summary}");
        (rss.to_string(), atom.to_string())
    }

    async fn login(&self) -> TtRss {
        login(&self.server).await
    }
}

async fn login(server: &TtRssServer) -> TtRss {
    TtRss::login(server.api_url(), server.user(), server.password()).await.expect("tt-rss login")
}

// ------------------------------------------------------------------ login

#[tokio::test]
async fn login_wrong_password_disabled_api_and_expired_session() {
    let server = TtRssServer::start().await;
    let account = login(&server).await;
    account.check_auth().await.unwrap();
    assert_eq!(account.protocol(), Protocol::TtRss);
    assert_eq!(account.api_level(), 15);
    let caps = account.capabilities();
    assert!(caps.subscribe && caps.unsubscribe && !caps.rename_feed && !caps.move_feed);
    assert!(matches!(account.rename_feed("1", "x").await, Err(Error::Unsupported { protocol: Protocol::TtRss, .. })));
    assert!(matches!(account.move_feed("1", None, "x").await, Err(Error::Unsupported { .. })));

    // The web address works as well as the API endpoint.
    let web = server.api_url().trim_end_matches("api/").to_owned();
    let by_web = TtRss::login(&web, server.user(), server.password()).await.unwrap();
    assert_eq!(by_web.api_url(), server.api_url());

    // Wrong credentials: a clear error, and the user is untouched.
    let hash = server.sql("SELECT pwd_hash FROM ttrss_users WHERE login = 'alice'").await;
    let wrong = TtRss::login(server.api_url(), server.user(), "not the password").await;
    assert!(matches!(wrong, Err(Error::Unauthorized)), "{wrong:?}");
    let unknown = TtRss::login(server.api_url(), "nobody", server.password()).await;
    assert!(matches!(unknown, Err(Error::Unauthorized)), "{unknown:?}");
    assert_eq!(server.sql("SELECT pwd_hash FROM ttrss_users WHERE login = 'alice'").await, hash);
    account.check_auth().await.unwrap();

    // An expired session is replaced by a new login, once.
    server.expire_sessions().await;
    account.feeds().await.unwrap();
    account.check_auth().await.unwrap();

    // API access turned off: said plainly, at login and for an open session.
    server.set_api_access(false).await;
    let disabled = TtRss::login(server.api_url(), server.user(), server.password()).await;
    assert!(matches!(&disabled, Err(Error::Protocol(m)) if m.contains("Enable API")), "{disabled:?}");
    let refused = account.feeds().await;
    assert!(matches!(&refused, Err(Error::Protocol(m)) if m.contains("Enable API")), "{refused:?}");
    server.set_api_access(true).await;
    account.feeds().await.unwrap();

    // Addresses are checked before any request.
    let insecure = TtRss::login("http://rss.example.com/tt-rss/", "a", "b").await;
    assert!(matches!(insecure, Err(Error::InsecureUrl(_))), "{insecure:?}");
}

// ------------------------------------------------------------------ reading and states

#[tokio::test]
async fn folders_feeds_items_and_states() {
    let Some(env) = Env::start("folders_feeds_items_and_states", 3).await else { return };
    let (rss_id, atom_id) = env.subscribe_both().await;
    let account = env.login().await;
    // A second session, standing for the server's other clients.
    let other = env.login().await;

    // Folders and feeds.
    let folders = account.folders().await.unwrap();
    assert_eq!(folders.len(), 1, "{folders:?}");
    let fixtures = &folders[0];
    assert_eq!(fixtures.title, "Fixtures");
    let mut feeds = account.feeds().await.unwrap();
    feeds.sort_by(|a, b| a.url.cmp(&b.url));
    assert_eq!(feeds.len(), 2, "{feeds:#?}");
    let (atom, rss) = (&feeds[0], &feeds[1]);
    assert_eq!(
        (atom.remote_id.as_str(), atom.title.as_str(), atom.url.clone()),
        (atom_id.as_str(), "Fixture Atom", env.atom_url())
    );
    assert_eq!(atom.folders, std::slice::from_ref(&fixtures.remote_id));
    assert_eq!(
        (rss.remote_id.as_str(), rss.title.as_str(), rss.url.clone()),
        (rss_id.as_str(), "Fixture RSS", env.rss_url())
    );
    assert!(rss.folders.is_empty());

    // Everything once, then nothing new.
    let first = account.fetch_items(SyncCursor::Start).await.unwrap();
    assert_eq!(first.items.len(), 5, "{:#?}", first.items);
    assert_eq!(ids(&first.items).len(), 5);
    assert!(matches!(first.cursor, SyncCursor::After(_)));
    let item2 = by_title(&first.items, "RSS item 2");
    assert_eq!(item2.remote_feed_id, rss_id);
    assert_eq!(item2.url.as_deref(), Some(format!("{}/rss/2", env.base()).as_str()));
    assert_eq!(item2.content_html, "<p>Body 2</p>");
    assert_eq!(item2.published, Some(published(2)));
    assert!(!item2.read && !item2.starred);
    let entry1 = by_title(&first.items, "Atom entry 1");
    assert_eq!((entry1.remote_feed_id.as_str(), entry1.author.as_deref()), (atom_id.as_str(), Some("Ann Atom")));
    let none = account.fetch_items(first.cursor).await.unwrap();
    assert!(none.items.is_empty(), "{:#?}", none.items);
    assert_eq!(none.cursor, first.cursor);

    // The feed gains an item: only that one comes.
    env.set_rss_items(4);
    let summary = env.server.update_feeds().await;
    assert!(summary.ends_with(", 1 new article(s)"), "{summary}");
    let next = account.fetch_items(first.cursor).await.unwrap();
    assert_eq!(next.items.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(), ["RSS item 4"]);
    assert_ne!(next.cursor, first.cursor);
    assert!(account.fetch_items(next.cursor).await.unwrap().items.is_empty());
    let all: Vec<_> = first.items.iter().chain(&next.items).cloned().collect();

    // Client → server: read and starred, seen by the other session.
    let read_id = by_title(&all, "RSS item 1").remote_id.clone();
    let star_id = by_title(&all, "Atom entry 2").remote_id.clone();
    account.set_read(std::slice::from_ref(&read_id), true).await.unwrap();
    account.set_starred(std::slice::from_ref(&star_id), true).await.unwrap();
    let unread = set(&other.unread_ids().await.unwrap());
    assert_eq!(unread.len(), 5);
    assert!(!unread.contains(&read_id));
    assert_eq!(other.starred_ids().await.unwrap(), std::slice::from_ref(&star_id));
    assert_eq!(set(&account.unread_ids().await.unwrap()), unread);

    // Server → client: the other session's changes arrive as states.
    let other_read = by_title(&all, "RSS item 3").remote_id.clone();
    let other_star = by_title(&all, "RSS item 4").remote_id.clone();
    other.set_read(std::slice::from_ref(&other_read), true).await.unwrap();
    other.set_starred(std::slice::from_ref(&other_star), true).await.unwrap();
    assert!(!set(&account.unread_ids().await.unwrap()).contains(&other_read));
    assert_eq!(set(&account.starred_ids().await.unwrap()), set(&[star_id.clone(), other_star.clone()]));
    let again = account.fetch_items(SyncCursor::Start).await.unwrap().items;
    assert!(by_title(&again, "RSS item 3").read && by_title(&again, "RSS item 4").starred);
    assert!(by_title(&again, "RSS item 1").read && by_title(&again, "Atom entry 2").starred);

    // A change set, then every id at once.
    account
        .apply_changes(&ChangeSet {
            unread: vec![read_id.clone(), other_read.clone()],
            unstarred: vec![star_id.clone(), other_star.clone()],
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(other.unread_ids().await.unwrap().len(), 6);
    assert!(other.starred_ids().await.unwrap().is_empty());
    let every: Vec<String> = ids(&all).into_iter().collect();
    account.set_read(&every, true).await.unwrap();
    assert!(other.unread_ids().await.unwrap().is_empty());
    account.set_read(&every, false).await.unwrap();
    let bogus = account.set_read(&["feed/1".to_owned()], true).await;
    assert!(matches!(bogus, Err(Error::Protocol(_))), "{bogus:?}");

    // Wrong credentials change nothing.
    let wrong = TtRss::login(env.server.api_url(), env.server.user(), "not the password").await;
    assert!(matches!(wrong, Err(Error::Unauthorized)), "{wrong:?}");
    assert_eq!(account.unread_ids().await.unwrap().len(), 6);

    // Mark a whole feed read (up to now), then catch the other one up.
    account.mark_feed_read(&rss_id, Utc::now()).await.unwrap();
    let atom_ids: std::collections::BTreeSet<_> =
        all.iter().filter(|i| i.remote_feed_id == atom_id).map(|i| i.remote_id.clone()).collect();
    assert_eq!(set(&other.unread_ids().await.unwrap()), atom_ids);
    account.mark_feed_read(&atom_id, published(1)).await.unwrap(); // entry 1 only
    assert_eq!(other.unread_ids().await.unwrap(), [by_title(&all, "Atom entry 2").remote_id.clone()]);
    account.catchup_feed(&atom_id).await.unwrap();
    assert!(other.unread_ids().await.unwrap().is_empty());
}

// ------------------------------------------------------------------ subscriptions

#[tokio::test]
async fn subscribe_and_unsubscribe() {
    let Some(env) = Env::start("subscribe_and_unsubscribe", 2).await else { return };
    env.subscribe_both().await;
    let account = env.login().await;
    // tt-rss files an article under the first feed that brought its guid: new guids.
    let extra_feed = rss(&format!("{}/extra", env.base()), 1).replace(">rss-", ">extra-");
    let extra = env.serve("/extra.xml", Fixture::body("application/rss+xml", extra_feed));

    // Into an existing category; the server fetches the feed to check it.
    let id = account.subscribe(&extra, Some("ignored title"), Some("Fixtures")).await.unwrap();
    let folders = account.folders().await.unwrap();
    let fixtures: &RemoteFolder = folders.iter().find(|f| f.title == "Fixtures").unwrap();
    let feeds = account.feeds().await.unwrap();
    let feed = feeds.iter().find(|f| f.remote_id == id).expect("the new feed");
    assert_eq!(
        (feed.url.as_str(), feed.folders.as_slice()),
        (extra.as_str(), std::slice::from_ref(&fixtures.remote_id))
    );

    // Refusals, with the server's reason.
    let again = account.subscribe(&extra, None, None).await;
    assert!(matches!(&again, Err(Error::Protocol(m)) if m.contains("Already")), "{again:?}");
    let missing = account.subscribe(&format!("{}/missing.xml", env.base()), None, None).await;
    assert!(matches!(&missing, Err(Error::Protocol(m)) if m.contains("404")), "{missing:?}");
    let no_folder = account
        .subscribe(
            &env.serve("/other.xml", Fixture::body("application/rss+xml", rss(&env.base(), 1))),
            None,
            Some("Nope"),
        )
        .await;
    assert!(matches!(&no_folder, Err(Error::Protocol(m)) if m.contains("Nope")), "{no_folder:?}");

    // Its items arrive at the next update.
    env.server.update_feeds().await;
    let items = account.fetch_items(SyncCursor::Start).await.unwrap().items;
    assert_eq!(items.iter().filter(|i| i.remote_feed_id == id).count(), 1);

    // Uncategorized, then gone.
    let other = account.subscribe(&format!("{}/other.xml", env.base()), None, None).await.unwrap();
    assert!(account.feeds().await.unwrap().iter().any(|f| f.remote_id == other && f.folders.is_empty()));
    account.unsubscribe(&id).await.unwrap();
    account.unsubscribe(&other).await.unwrap();
    let feeds = account.feeds().await.unwrap();
    assert_eq!(feeds.len(), 2, "{feeds:#?}");
    let gone = account.unsubscribe(&id).await;
    assert!(matches!(&gone, Err(Error::Protocol(m)) if m.contains("FEED_NOT_FOUND")), "{gone:?}");
}

// ------------------------------------------------------------------ failures

#[tokio::test]
async fn a_stopped_server_is_unreachable_and_a_change_goes_through_after() {
    let Some(mut env) = Env::start("a_stopped_server_is_unreachable…", 2).await else { return };
    env.subscribe_both().await;
    let account = env.login().await;
    let items = account.fetch_items(SyncCursor::Start).await.unwrap().items;
    let read_id = by_title(&items, "RSS item 1").remote_id.clone();

    env.server.stop().await;
    let feeds = account.feeds().await;
    assert!(matches!(feeds, Err(Error::Unreachable(_))), "{feeds:?}");
    let fetched = account.fetch_items(SyncCursor::Start).await;
    assert!(matches!(fetched, Err(Error::Unreachable(_))), "{fetched:?}");
    let marked = account.set_read(std::slice::from_ref(&read_id), true).await;
    assert!(matches!(&marked, Err(e) if e.is_transient()), "{marked:?}");
    let login = TtRss::login(env.server.api_url(), env.server.user(), env.server.password()).await;
    assert!(matches!(login, Err(Error::Unreachable(_))), "{login:?}");

    // Back again: the same change, sent again, goes through.
    env.server.restart().await;
    account.set_read(std::slice::from_ref(&read_id), true).await.unwrap();
    let other = env.login().await;
    let unread = set(&other.unread_ids().await.unwrap());
    assert_eq!(unread.len(), 3);
    assert!(!unread.contains(&read_id));
}
