//! Server accounts in the store: their folders and feeds, their articles
//! through the one ingest, the queue of changes made here, the server's
//! states, and removing an account.

use byline_feeds::{ParsedEntry, ParsedFeed};
use byline_store::{
    AccountFeed, AccountFolder, AccountKind, FetchValidators, ListQuery, NewAccount, RemoteState, RuleSet,
    StatusChange, Store, View,
};
use chrono::Utc;

fn entry(id: &str, title: &str) -> ParsedEntry {
    ParsedEntry {
        id: id.into(),
        title: title.into(),
        link: Some(format!("https://remote.example.az/{id}")),
        authors: vec![byline_store::Author::new("Gülağa İsgəndərov", None)],
        agency: None,
        published: Some(Utc::now()),
        updated: None,
        summary_html: None,
        content_html: Some(format!("<p>{title}: Şəki xəbəri</p>")),
        enclosures: vec![],
        image: None,
        language: None,
    }
}

fn feed(entries: Vec<ParsedEntry>) -> ParsedFeed {
    ParsedFeed { title: String::new(), link: None, description: None, language: None, entries }
}

fn remote_feed(id: &str, url: &str, folder: Option<&str>) -> AccountFeed {
    AccountFeed {
        remote_id: id.into(),
        title: format!("Lent {id}"),
        url: url.into(),
        site_url: None,
        folder: folder.map(Into::into),
    }
}

const ACCOUNT: NewAccount<'static> = NewAccount {
    kind: AccountKind::Greader,
    url: "https://rss.example.az/api/greader.php",
    username: "gülnar",
    display_name: "gülnar @ rss.example.az",
};

#[tokio::test]
async fn an_account_is_one_more_kind_of_source() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("byline.sqlite3");
    let store = Store::open(&path).await.unwrap();
    let local = store.add_feed("https://shared.example.az/rss", None).await.unwrap();
    let account = store.add_account(&ACCOUNT).await.unwrap();
    assert!(matches!(store.add_account(&ACCOUNT).await, Err(byline_store::StoreError::Invalid(_))));

    // Folders and feeds: a URL a local feed has already stays unique.
    let folders = [AccountFolder { remote_id: "user/-/label/Xəbər".into(), title: "Xəbər".into() }];
    let feeds = [
        remote_feed("feed/1", "https://shared.example.az/rss", Some("user/-/label/Xəbər")),
        remote_feed("feed/2", "https://only.example.az/rss", None),
    ];
    let tree = store.apply_account_tree(account.id, &folders, &feeds).await.unwrap();
    assert_eq!((tree.added, tree.changed, tree.removed), (2, 0, 0));
    let again = store.apply_account_tree(account.id, &folders, &feeds).await.unwrap();
    assert_eq!((again.added, again.changed, again.removed), (0, 0, 0));
    let ids = store.account_feed_ids(account.id).await.unwrap();
    let shared = store.feed(ids["feed/1"]).await.unwrap();
    assert_eq!(shared.url, format!("https://shared.example.az/rss#account-{}", account.id));
    let folder_list = store.folders().await.unwrap();
    let top = folder_list.iter().find(|f| f.name == ACCOUNT.display_name).unwrap();
    let news = folder_list.iter().find(|f| f.name == "Xəbər").unwrap();
    assert_eq!(news.parent_id, Some(top.id));
    assert_eq!(shared.folder_id, Some(news.id));
    assert_eq!(store.feed(ids["feed/2"]).await.unwrap().folder_id, Some(top.id));
    // Each feed says whose it is, so the UI leaves an account's feeds to
    // the server.
    assert_eq!(shared.account_id, Some(account.id));
    assert_eq!(store.feed(local.id).await.unwrap().account_id, None);
    let listed = store.feeds().await.unwrap();
    assert_eq!(listed.iter().filter(|f| f.account_id == Some(account.id)).count(), 2);
    // Local sync fetches only local feeds.
    let fetched: Vec<_> = store.local_fetch_states().await.unwrap().into_iter().map(|s| s.id).collect();
    assert_eq!(fetched, vec![local.id]);

    // Articles go through the one ingest, searchable, with their remote id.
    let items = feed(vec![entry("tag:1", "Birinci"), entry("tag:2", "İkinci"), entry("tag:3", "Üçüncü")]);
    let stored = store.store_feed(ids["feed/1"], &items, &FetchValidators::default(), &RuleSet::default()).await;
    assert_eq!(stored.unwrap().new, 3);
    let search = ListQuery { search: Some("seki".into()), ..Default::default() };
    let found = store.list(&search).await.unwrap().items;
    assert_eq!(found.len(), 3);
    let by_title = |t: &str| found.iter().find(|a| a.title == t).unwrap().id;
    let (first, second, third) = (by_title("Birinci"), by_title("İkinci"), by_title("Üçüncü"));

    // The server's states: applied, and nothing queued by it.
    let states = [
        RemoteState { remote_id: "tag:1", read: true, starred: false },
        RemoteState { remote_id: "tag:2", read: false, starred: true },
    ];
    store.apply_remote_states(account.id, &states).await.unwrap();
    assert!(store.article(first).await.unwrap().summary.read);
    assert!(store.article(second).await.unwrap().summary.saved);
    assert!(store.pending_changes(account.id).await.unwrap().is_empty());

    // Changes made here are queued with the status, local ones are not.
    store.set_read(first, false).await.unwrap();
    store.set_saved(third, true).await.unwrap();
    store.add_feed("https://local2.example.az/rss", None).await.unwrap();
    let queued = store.pending_changes(account.id).await.unwrap();
    let seen: Vec<(&str, StatusChange)> = queued.iter().map(|c| (c.remote_item_id.as_str(), c.change)).collect();
    assert_eq!(seen, vec![("tag:1", StatusChange::Unread), ("tag:3", StatusChange::Starred)]);

    // The server's older state does not undo a queued change…
    store.apply_remote_states(account.id, &states).await.unwrap();
    store.reconcile_remote_states(account.id, &["tag:3".into()], &["tag:2".into()]).await.unwrap();
    assert!(!store.article(first).await.unwrap().summary.read, "its unread is queued");
    assert!(store.article(third).await.unwrap().summary.saved, "its save is queued");
    assert!(store.article(second).await.unwrap().summary.read, "not in the server's unread list");

    // …until the server accepted it: a second open sees the queue.
    store.close().await;
    let store = Store::open(&path).await.unwrap();
    let queued = store.pending_changes(account.id).await.unwrap();
    assert_eq!(store.ack_pending_changes(account.id, queued[0].id).await.unwrap(), 1);
    store.reconcile_remote_states(account.id, &["tag:3".into()], &["tag:2".into()]).await.unwrap();
    assert!(store.article(first).await.unwrap().summary.read);
    assert!(store.article(third).await.unwrap().summary.saved);
    store.mark_all_read(None).await.unwrap();
    let kinds: Vec<StatusChange> = store.pending_changes(account.id).await.unwrap().iter().map(|c| c.change).collect();
    assert_eq!(kinds, vec![StatusChange::Starred, StatusChange::Read]);

    // The server drops a feed: it goes, its saved articles stay.
    let gone = store.apply_account_tree(account.id, &folders, &feeds[..1]).await.unwrap();
    assert_eq!(gone.removed, 1);

    // Removing the account keeps its saved articles, as local ones.
    store.remove_account(account.id).await.unwrap();
    assert!(store.accounts().await.unwrap().is_empty());
    let saved = store.list(&ListQuery { view: View::Saved, ..Default::default() }).await.unwrap().items;
    let mut saved: Vec<_> = saved.into_iter().map(|a| a.id).collect();
    saved.sort();
    assert_eq!(saved, vec![second, third]);
    assert!(store.article(first).await.is_err(), "unsaved articles go");
    let feeds: Vec<String> = store.feeds().await.unwrap().into_iter().map(|f| f.url).collect();
    assert_eq!(feeds.len(), 2, "only the local feeds are listed: {feeds:?}");
    assert!(store.folders().await.unwrap().is_empty());
    assert_eq!(store.integrity_problems().await.unwrap(), Vec::<String>::new());
    store.close().await;
}
