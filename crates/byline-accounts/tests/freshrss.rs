//! Integration tests against a real FreshRSS 1.24.3 started for each test
//! (`byline_testkit::FreshRss`), with fixture feeds served from 127.0.0.1.
//! Nothing here touches the Internet.

mod util;

use byline_accounts::{
    ChangeSet, Error, Fever, GReader, HttpOptions, Protocol, RemoteAccount, RemoteFolder, SyncCursor,
};
use chrono::Utc;
use util::{by_title, ids, published, set, Env};

// ------------------------------------------------------------------ login

#[tokio::test]
async fn greader_login_and_wrong_password() {
    let env = Env::start(1).await;
    let account = env.greader().await;
    account.check_auth().await.unwrap();
    assert_eq!(account.protocol(), Protocol::GoogleReader);

    let wrong = GReader::login(env.server.greader_url(), env.server.user(), "not the password").await;
    assert!(matches!(wrong, Err(Error::Unauthorized)), "{wrong:?}");
    let unknown = GReader::login(env.server.greader_url(), "nobody", env.server.password()).await;
    assert!(matches!(unknown, Err(Error::Unauthorized)), "{unknown:?}");

    // A kept token works again without a login; a bogus one is refused.
    let kept =
        GReader::with_auth_token(env.server.greader_url(), &account.auth_token(), &HttpOptions::default()).unwrap();
    kept.check_auth().await.unwrap();
    let bogus = GReader::with_auth_token(env.server.greader_url(), "alice/0000", &HttpOptions::default()).unwrap();
    assert!(matches!(bogus.check_auth().await, Err(Error::Unauthorized)));
    assert!(matches!(bogus.feeds().await, Err(Error::Unauthorized)));

    // A resumed session logs in again, once, when its token is refused.
    let options = HttpOptions::default();
    let (url, user, password) = (env.server.greader_url(), env.server.user(), env.server.password());
    let resumed = GReader::resume(url, user, password, "alice/0000", &options).unwrap();
    assert_eq!(resumed.feeds().await.unwrap().len(), account.feeds().await.unwrap().len());
    assert_eq!(resumed.auth_token(), account.auth_token());
    let resumed = GReader::resume(url, user, password, &account.auth_token(), &options).unwrap();
    resumed.check_auth().await.unwrap();
    let wrong = GReader::resume(url, user, "not the password", "alice/0000", &options).unwrap();
    assert!(matches!(wrong.feeds().await, Err(Error::Unauthorized)));
    assert!(matches!(wrong.check_auth().await, Err(Error::Unauthorized)), "it logs in once only");
    // A modifying call first (POST with the T token) too.
    let resumed = GReader::resume(url, user, password, "alice/0000", &options).unwrap();
    resumed.subscribe(&env.rss_url(), None, None).await.unwrap();
    assert_eq!(account.feeds().await.unwrap().len(), 1);
}

#[tokio::test]
async fn fever_login_and_wrong_password() {
    let env = Env::start(1).await;
    let account = env.fever().await;
    account.check_auth().await.unwrap();
    assert_eq!(account.protocol(), Protocol::Fever);

    let wrong = Fever::login(env.server.fever_url(), env.server.user(), "not the password").await;
    assert!(matches!(wrong, Err(Error::Unauthorized)), "{wrong:?}");
    let key = Fever::with_api_key(env.server.fever_url(), &"0".repeat(32), &HttpOptions::default()).await;
    assert!(matches!(key, Err(Error::Unauthorized)), "{key:?}");
}

#[tokio::test]
async fn addresses_are_checked_before_any_request() {
    let insecure = GReader::login("http://rss.example.com/api/greader.php", "a", "b").await;
    assert!(matches!(insecure, Err(Error::InsecureUrl(_))), "{insecure:?}");
    let insecure = Fever::login("http://rss.example.com/api/fever.php", "a", "b").await;
    assert!(matches!(insecure, Err(Error::InsecureUrl(_))), "{insecure:?}");
    let invalid = GReader::login("not a url", "a", "b").await;
    assert!(matches!(invalid, Err(Error::InvalidUrl { .. })), "{invalid:?}");
}

// ------------------------------------------------------------------ Google Reader

#[tokio::test]
async fn greader_subscriptions_items_and_states() {
    let env = Env::start(3).await;
    let account = env.greader().await;
    let fever = env.fever().await;
    assert!(account.capabilities().subscribe && account.capabilities().move_feed);

    // Subscribe: one feed without a folder, one in a folder with a title.
    let rss_id = account.subscribe(&env.rss_url(), None, None).await.unwrap();
    let atom_id = account.subscribe(&env.atom_url(), Some("My Atom"), Some("Fixtures")).await.unwrap();
    assert_ne!(rss_id, atom_id);

    // Subscribing twice, or to a feed that does not exist, is refused with the server's reason.
    let again = account.subscribe(&env.rss_url(), None, None).await;
    assert!(matches!(&again, Err(Error::Protocol(m)) if m.contains("Already")), "{again:?}");
    let missing = account.subscribe(&env.feeds.url("/missing.xml"), None, None).await;
    assert!(matches!(missing, Err(Error::Protocol(_))), "{missing:?}");

    // Feeds and folders.
    let mut feeds = account.feeds().await.unwrap();
    feeds.sort_by(|a, b| a.url.cmp(&b.url));
    assert_eq!(feeds.len(), 2, "{feeds:#?}");
    let (atom, rss) = (&feeds[0], &feeds[1]);
    assert_eq!(
        (atom.remote_id.as_str(), atom.title.as_str(), atom.url.clone()),
        (atom_id.as_str(), "My Atom", env.atom_url())
    );
    assert_eq!(atom.folders, ["user/-/label/Fixtures"]);
    assert_eq!(
        (rss.remote_id.as_str(), rss.title.as_str(), rss.url.clone()),
        (rss_id.as_str(), "Fixture RSS", env.rss_url())
    );
    assert_eq!(rss.site_url.as_deref(), Some(format!("{}/", env.feeds.base_url()).as_str()));
    let folders = account.folders().await.unwrap();
    assert!(
        folders.contains(&RemoteFolder { remote_id: "user/-/label/Fixtures".into(), title: "Fixtures".into() }),
        "{folders:?}"
    );

    // Everything, then nothing new.
    let first = account.fetch_items(SyncCursor::Start).await.unwrap();
    assert_eq!(first.items.len(), 5, "{:#?}", first.items);
    assert!(matches!(first.cursor, SyncCursor::After(_)));
    let item2 = by_title(&first.items, "RSS item 2");
    assert_eq!(item2.remote_feed_id, rss_id);
    assert_eq!(item2.url.as_deref(), Some(env.feeds.url("/rss/2").as_str()));
    assert_eq!(item2.content_html, "<p>Body 2</p>");
    assert_eq!(item2.published, Some(published(2)));
    assert!(item2.author.as_deref().is_some_and(|a| a.contains("Jane Roe")), "{item2:?}");
    assert!(!item2.read && !item2.starred);
    let entry1 = by_title(&first.items, "Atom entry 1");
    assert_eq!((entry1.remote_feed_id.as_str(), entry1.author.as_deref()), (atom_id.as_str(), Some("Ann Atom")));
    assert_eq!(entry1.content_html, "<p>Atom body 1</p>");
    // The ids are decimal, and the same as Fever's.
    assert!(first.items.iter().all(|i| i.remote_id.parse::<i64>().is_ok()));
    let fever_items = fever.fetch_items(SyncCursor::Start).await.unwrap().items;
    assert_eq!(ids(&first.items), ids(&fever_items));

    let none = account.fetch_items(first.cursor).await.unwrap();
    assert!(none.items.is_empty(), "{:#?}", none.items);
    assert_eq!(none.cursor, first.cursor);

    // The feed gains an item: only that one comes.
    env.set_rss_items(4);
    let summary = env.server.refresh().await;
    assert!(summary.contains("1 new article"), "{summary}");
    let next = account.fetch_items(first.cursor).await.unwrap();
    assert_eq!(next.items.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(), ["RSS item 4"]);
    assert_ne!(next.cursor, first.cursor);
    assert!(account.fetch_items(next.cursor).await.unwrap().items.is_empty());

    // Read and starred, there and back, seen by both protocols.
    let all: Vec<_> = first.items.iter().chain(&next.items).cloned().collect();
    let read_id = by_title(&all, "RSS item 1").remote_id.clone();
    let star_id = by_title(&all, "Atom entry 2").remote_id.clone();
    account.set_read(std::slice::from_ref(&read_id), true).await.unwrap();
    account.set_starred(std::slice::from_ref(&star_id), true).await.unwrap();
    let unread = set(&account.unread_ids().await.unwrap());
    assert_eq!(unread.len(), 5);
    assert!(!unread.contains(&read_id));
    assert_eq!(account.starred_ids().await.unwrap(), std::slice::from_ref(&star_id));
    let states = account.items_by_ids(&[read_id.clone(), star_id.clone()]).await.unwrap();
    assert!(by_title(&states, "RSS item 1").read && !by_title(&states, "RSS item 1").starred);
    assert!(by_title(&states, "Atom entry 2").starred && !by_title(&states, "Atom entry 2").read);
    assert_eq!(set(&fever.unread_ids().await.unwrap()), unread);
    assert_eq!(fever.starred_ids().await.unwrap(), std::slice::from_ref(&star_id));

    account
        .apply_changes(&ChangeSet {
            unread: vec![read_id.clone()],
            unstarred: vec![star_id.clone()],
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(account.unread_ids().await.unwrap().len(), 6);
    assert!(account.starred_ids().await.unwrap().is_empty());
    assert_eq!(fever.unread_ids().await.unwrap().len(), 6);
    assert!(fever.starred_ids().await.unwrap().is_empty());

    // A batch larger than one request would hold is fine too.
    let every: Vec<String> = ids(&all).into_iter().collect();
    account.set_read(&every, true).await.unwrap();
    assert!(account.unread_ids().await.unwrap().is_empty());
    account.set_read(&every, false).await.unwrap();

    // Mark a whole feed read.
    account.mark_feed_read(&rss_id, Utc::now()).await.unwrap();
    let unread = set(&account.unread_ids().await.unwrap());
    let atom_ids: std::collections::BTreeSet<_> =
        all.iter().filter(|i| i.remote_feed_id == atom_id).map(|i| i.remote_id.clone()).collect();
    assert_eq!(unread, atom_ids);

    // Rename, move, unsubscribe.
    account.rename_feed(&rss_id, "Renamed RSS").await.unwrap();
    account.move_feed(&rss_id, None, "Elsewhere").await.unwrap();
    let feeds = account.feeds().await.unwrap();
    let rss = feeds.iter().find(|f| f.remote_id == rss_id).unwrap();
    assert_eq!(
        (rss.title.as_str(), rss.folders.as_slice()),
        ("Renamed RSS", ["user/-/label/Elsewhere".to_owned()].as_slice())
    );
    account.move_feed(&atom_id, Some("Fixtures"), "Elsewhere").await.unwrap();
    let feeds = account.feeds().await.unwrap();
    assert!(feeds.iter().all(|f| f.folders == ["user/-/label/Elsewhere"]), "{feeds:#?}");
    // Fever sees the same structure.
    let fever_feeds = fever.feeds().await.unwrap();
    let fever_groups = fever.folders().await.unwrap();
    let elsewhere = fever_groups.iter().find(|g| g.title == "Elsewhere").expect("Fever group Elsewhere");
    assert_eq!(fever_feeds.len(), 2);
    assert!(fever_feeds.iter().all(|f| f.folders == [elsewhere.remote_id.clone()]), "{fever_feeds:#?}");
    assert!(fever_feeds.iter().any(|f| f.title == "Renamed RSS"));

    account.unsubscribe(&atom_id).await.unwrap();
    let feeds = account.feeds().await.unwrap();
    assert_eq!(feeds.iter().map(|f| f.remote_id.as_str()).collect::<Vec<_>>(), [rss_id.as_str()]);
}

#[tokio::test]
async fn greader_token_is_fetched_again_after_a_401() {
    let env = Env::start(2).await;
    let account = env.greader().await;
    account.subscribe(&env.rss_url(), None, None).await.unwrap();
    let items = account.fetch_items(SyncCursor::Start).await.unwrap().items;
    // Poison the cached token: FreshRSS answers 401 to a wrong T, and the
    // client fetches a fresh one once.
    account.set_read(&[items[0].remote_id.clone()], true).await.unwrap();
    account.set_cached_token("0".repeat(57));
    account.set_read(&[items[1].remote_id.clone()], true).await.unwrap();
    assert!(account.unread_ids().await.unwrap().is_empty());
}

// ------------------------------------------------------------------ Fever

#[tokio::test]
async fn fever_groups_feeds_items_and_states() {
    // 55 RSS items: more than one Fever page of 50.
    let env = Env::start(55).await;
    let greader = env.greader().await;
    let account = env.fever().await;

    // Fever cannot manage subscriptions, and says so.
    let caps = account.capabilities();
    assert!(!caps.subscribe && !caps.unsubscribe && !caps.rename_feed && !caps.move_feed);
    let refused = account.subscribe(&env.rss_url(), None, None).await;
    assert!(matches!(refused, Err(Error::Unsupported { protocol: Protocol::Fever, .. })), "{refused:?}");
    assert!(matches!(account.unsubscribe("1").await, Err(Error::Unsupported { .. })));
    assert!(matches!(account.rename_feed("1", "x").await, Err(Error::Unsupported { .. })));
    assert!(matches!(account.move_feed("1", None, "x").await, Err(Error::Unsupported { .. })));

    // Subscribe through the Google Reader API, read through Fever.
    let rss_gid = greader.subscribe(&env.rss_url(), None, None).await.unwrap();
    greader.subscribe(&env.atom_url(), None, Some("Fixtures")).await.unwrap();

    let groups = account.folders().await.unwrap();
    let fixtures = groups.iter().find(|g| g.title == "Fixtures").expect("group Fixtures");
    let mut feeds = account.feeds().await.unwrap();
    feeds.sort_by(|a, b| a.url.cmp(&b.url));
    assert_eq!(feeds.len(), 2);
    let (atom, rss) = (&feeds[0], &feeds[1]);
    assert_eq!((atom.title.as_str(), atom.url.clone()), ("Fixture Atom", env.atom_url()));
    assert_eq!(atom.folders, std::slice::from_ref(&fixtures.remote_id));
    assert_eq!((rss.title.as_str(), rss.url.clone()), ("Fixture RSS", env.rss_url()));
    assert_eq!(rss_gid, format!("feed/{}", rss.remote_id)); // FreshRSS: the same feed ids
    assert!(!rss.folders.contains(&fixtures.remote_id));

    // All 57 items, over two pages and more.
    let first = account.fetch_items(SyncCursor::Start).await.unwrap();
    assert_eq!(first.items.len(), 57);
    assert_eq!(ids(&first.items).len(), 57);
    let item7 = by_title(&first.items, "RSS item 7");
    assert_eq!(item7.remote_feed_id, rss.remote_id);
    assert_eq!(item7.url.as_deref(), Some(env.feeds.url("/rss/7").as_str()));
    assert_eq!(item7.content_html, "<p>Body 7</p>");
    assert_eq!(item7.published, Some(published(7)));
    assert!(!item7.read && !item7.starred);
    assert!(account.fetch_items(first.cursor).await.unwrap().items.is_empty());

    // The feed gains an item: only that one comes.
    env.set_rss_items(56);
    env.server.refresh().await;
    let next = account.fetch_items(first.cursor).await.unwrap();
    assert_eq!(next.items.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(), ["RSS item 56"]);

    // Other paging calls.
    let newest = next.items[0].remote_id.parse::<i64>().unwrap();
    assert_eq!(account.items_before(newest).await.unwrap().len(), 50);
    let some: Vec<String> = first.items.iter().take(3).map(|i| i.remote_id.clone()).collect();
    assert_eq!(ids(&account.items_with_ids(&some).await.unwrap()), set(&some));

    // States, seen by both protocols.
    let read_id = by_title(&first.items, "RSS item 1").remote_id.clone();
    let star_id = by_title(&first.items, "Atom entry 1").remote_id.clone();
    account.set_read(std::slice::from_ref(&read_id), true).await.unwrap();
    account.set_starred(std::slice::from_ref(&star_id), true).await.unwrap();
    let unread = set(&account.unread_ids().await.unwrap());
    assert_eq!(unread.len(), 57);
    assert!(!unread.contains(&read_id));
    assert_eq!(account.starred_ids().await.unwrap(), std::slice::from_ref(&star_id));
    assert_eq!(set(&greader.unread_ids().await.unwrap()), unread);
    assert_eq!(greader.starred_ids().await.unwrap(), std::slice::from_ref(&star_id));
    let seen = account.items_with_ids(&[read_id.clone(), star_id.clone()]).await.unwrap();
    assert!(by_title(&seen, "RSS item 1").read && by_title(&seen, "Atom entry 1").starred);

    account.set_read(std::slice::from_ref(&read_id), false).await.unwrap();
    account.set_starred(std::slice::from_ref(&star_id), false).await.unwrap();
    assert_eq!(account.unread_ids().await.unwrap().len(), 58);
    assert!(account.starred_ids().await.unwrap().is_empty());
    assert_eq!(greader.unread_ids().await.unwrap().len(), 58);
    assert!(greader.starred_ids().await.unwrap().is_empty());

    // Mark a whole feed read.
    account.mark_feed_read(&rss.remote_id, Utc::now()).await.unwrap();
    let unread = set(&account.unread_ids().await.unwrap());
    let atom_ids: std::collections::BTreeSet<_> =
        first.items.iter().filter(|i| i.remote_feed_id == atom.remote_id).map(|i| i.remote_id.clone()).collect();
    assert_eq!(unread, atom_ids);
}

// ------------------------------------------------------------------ failures

#[tokio::test]
async fn a_stopped_server_is_unreachable() {
    let mut env = Env::start(1).await;
    let greader = env.greader().await;
    let fever = env.fever().await;
    greader.subscribe(&env.rss_url(), None, None).await.unwrap();
    env.server.stop().await;

    let boxed: Vec<Box<dyn RemoteAccount>> = vec![Box::new(greader), Box::new(fever)];
    for account in &boxed {
        let feeds = account.feeds().await;
        assert!(matches!(feeds, Err(Error::Unreachable(_))), "{:?}: {feeds:?}", account.protocol());
        let fetched = account.fetch_items(SyncCursor::Start).await;
        assert!(matches!(fetched, Err(Error::Unreachable(_))), "{fetched:?}");
        let marked = account.set_read(&["1".to_owned()], true).await;
        assert!(matches!(&marked, Err(e) if e.is_transient()), "{marked:?}");
    }
    let login = GReader::login(env.server.greader_url(), env.server.user(), env.server.password()).await;
    assert!(matches!(login, Err(Error::Unreachable(_))), "{login:?}");
    let login = Fever::login(env.server.fever_url(), env.server.user(), env.server.password()).await;
    assert!(matches!(login, Err(Error::Unreachable(_))), "{login:?}");
}
