//! The store against a real SQLite file in a temporary directory.

use byline_feeds::{ParsedEntry, ParsedFeed};
use byline_store::{FetchValidators, NewSubscription, PreparedFeed, Subscribed};
use byline_store::{ListQuery, NewRule, RuleAction, RuleField, RuleSet, Store, View};
use chrono::{Duration, Utc};

fn entry(id: &str, title: &str, days_ago: i64) -> ParsedEntry {
    ParsedEntry {
        id: id.into(),
        title: title.into(),
        link: Some(format!("https://news.example.az/{id}")),
        authors: vec![byline_store::Author::new("Gülağa İsgəndərov", None)],
        agency: None,
        published: Some(Utc::now() - Duration::days(days_ago)),
        updated: None,
        summary_html: Some(format!("<p>{title} — mətn</p>")),
        content_html: None,
        enclosures: vec![],
        image: None,
        language: Some("az".into()),
    }
}

fn feed(entries: Vec<ParsedEntry>) -> ParsedFeed {
    ParsedFeed {
        title: "Xəbərlər".into(),
        link: Some("https://news.example.az/".into()),
        description: None,
        language: Some("az".into()),
        entries,
    }
}

async fn open() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("nested/byline.sqlite3")).await.unwrap();
    (dir, store)
}

#[tokio::test]
async fn resync_updates_in_place_and_keeps_statuses() {
    let (_dir, store) = open().await;
    let f = store.add_feed("https://news.example.az/rss", None).await.unwrap();
    let rules = RuleSet::default();
    let v = FetchValidators::default();
    let first =
        store.store_feed(f.id, &feed(vec![entry("a", "Bir", 1), entry("b", "İki", 2)]), &v, &rules).await.unwrap();
    assert_eq!((first.new, first.updated), (2, 0));

    let page = store.list(&ListQuery::default()).await.unwrap();
    let a = page.items.iter().find(|i| i.title == "Bir").unwrap().id;
    store.set_read(a, true).await.unwrap();
    store.set_saved(a, true).await.unwrap();

    let mut changed = entry("a", "Bir (yeniləndi)", 1);
    changed.published = None;
    let again = store.store_feed(f.id, &feed(vec![changed, entry("b", "İki", 2)]), &v, &rules).await.unwrap();
    assert_eq!((again.new, again.updated), (0, 1));

    let all = store.list(&ListQuery::default()).await.unwrap().items;
    assert_eq!(all.len(), 2, "no duplicates");
    let a_now = all.iter().find(|i| i.id == a).unwrap();
    assert_eq!(a_now.title, "Bir (yeniləndi)");
    assert!(a_now.read && a_now.saved, "statuses survive a re-sync");
    assert_eq!(store.feed(f.id).await.unwrap().unread_count, 1);
    assert_eq!(store.feed(f.id).await.unwrap().title, "Xəbərlər");
}

#[tokio::test]
async fn keyset_paging_walks_every_article_once() {
    let (_dir, store) = open().await;
    let f = store.add_feed("https://news.example.az/rss", None).await.unwrap();
    let entries: Vec<_> = (0..25).map(|i| entry(&format!("e{i}"), &format!("Title {i}"), i % 3)).collect();
    store.store_feed(f.id, &feed(entries), &FetchValidators::default(), &RuleSet::default()).await.unwrap();
    let mut seen = Vec::new();
    let mut query = ListQuery { limit: 7, ..Default::default() };
    loop {
        let page = store.list(&query).await.unwrap();
        seen.extend(page.items.iter().map(|i| i.id));
        match page.next {
            Some(next) => query.after = Some(next),
            None => break,
        }
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!((seen.len(), unique.len()), (25, 25));
}

#[tokio::test]
async fn search_folds_azerbaijani_and_russian() {
    let (_dir, store) = open().await;
    let f = store.add_feed("https://news.example.az/rss", None).await.unwrap();
    let entries = vec![
        entry("1", "Şəhərdə yeni məktəb açıldı", 0),
        entry("2", "İlham Əliyev Qazaxıstana səfər edib", 0),
        entry("3", "Погода в Азербайджане: ожидается дождь", 0),
    ];
    store.store_feed(f.id, &feed(entries), &FetchValidators::default(), &RuleSet::default()).await.unwrap();
    for (query, expected) in [
        ("şəhər", "Şəhərdə yeni məktəb açıldı"),
        ("SEHER", "Şəhərdə yeni məktəb açıldı"),
        ("ilham", "İlham Əliyev Qazaxıstana səfər edib"),
        ("ƏLİYEV", "İlham Əliyev Qazaxıstana səfər edib"),
        ("ПОГОДА дожд", "Погода в Азербайджане: ожидается дождь"),
        ("isgəndərov", "Şəhərdə yeni məktəb açıldı"),
    ] {
        let page = store.list(&ListQuery { search: Some(query.into()), ..Default::default() }).await.unwrap();
        assert!(page.items.iter().any(|i| i.title == expected), "{query} should find {expected}");
        if query != "isgəndərov" {
            assert_eq!(page.items.len(), 1, "{query}");
        }
    }
    let nothing = store.list(&ListQuery { search: Some("\" OR *".into()), ..Default::default() }).await.unwrap();
    assert!(nothing.items.is_empty());
}

/// The index keeps no positions (migration 0012): a word that its tokenizer
/// cuts in pieces is searched piece by piece, never as a phrase FTS5 would
/// refuse.
#[tokio::test]
async fn a_word_the_tokenizer_cuts_is_found_without_a_phrase() {
    let (_dir, store) = open().await;
    let f = store.add_feed("https://news.example.az/rss", None).await.unwrap();
    let entries = vec![entry("1", "हिंदी समाचार: Bakı", 0), entry("2", "English news", 0)];
    store.store_feed(f.id, &feed(entries), &FetchValidators::default(), &RuleSet::default()).await.unwrap();
    for query in ["हिंदी", "समाचार", "हिंदी bakı"] {
        let page = store.list(&ListQuery { search: Some(query.into()), ..Default::default() }).await.unwrap();
        let titles: Vec<&str> = page.items.iter().map(|i| i.title.as_str()).collect();
        assert_eq!(titles, ["हिंदी समाचार: Bakı"], "{query}");
    }
}

#[tokio::test]
async fn rules_apply_when_articles_are_stored() {
    let (_dir, store) = open().await;
    let f = store.add_feed("https://news.example.az/rss", None).await.unwrap();
    store
        .add_rule(&NewRule {
            feed_id: None,
            field: RuleField::Title,
            pattern: "futbol".into(),
            is_regex: false,
            action: RuleAction::Mute,
        })
        .await
        .unwrap();
    store
        .add_rule(&NewRule {
            feed_id: Some(f.id),
            field: RuleField::Any,
            pattern: "^reklam".into(),
            is_regex: true,
            action: RuleAction::MarkRead,
        })
        .await
        .unwrap();
    let rules = store.rule_set().await.unwrap();
    let entries =
        vec![entry("1", "FUTBOL: Qarabağ qalib", 0), entry("2", "Reklam: endirimlər", 0), entry("3", "Adi xəbər", 0)];
    let outcome = store.store_feed(f.id, &feed(entries), &FetchValidators::default(), &rules).await.unwrap();
    assert_eq!((outcome.new, outcome.filtered), (3, 2));
    let all = store.list(&ListQuery::default()).await.unwrap().items;
    assert_eq!(all.len(), 2, "muted article is hidden");
    let unread = store.list(&ListQuery { view: View::Unread, ..Default::default() }).await.unwrap().items;
    assert_eq!(unread.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(), vec!["Adi xəbər"]);
    assert_eq!(store.feed(f.id).await.unwrap().unread_count, 1);
    assert!(store
        .add_rule(&NewRule {
            feed_id: None,
            field: RuleField::Title,
            pattern: "(".into(),
            is_regex: true,
            action: RuleAction::Mute
        })
        .await
        .is_err());
}

#[tokio::test]
async fn retention_keeps_saved_articles_and_reclaims_space() {
    let (_dir, store) = open().await;
    let f = store.add_feed("https://news.example.az/rss", None).await.unwrap();
    let mut entries: Vec<_> = (0..300).map(|i| entry(&format!("old{i}"), &format!("Köhnə {i}"), 200)).collect();
    for e in &mut entries {
        e.content_html = Some(format!("<p>{}</p>", "uzun mətn ".repeat(400)));
    }
    entries.push(entry("new", "Təzə", 1));
    store.store_feed(f.id, &feed(entries.clone()), &FetchValidators::default(), &RuleSet::default()).await.unwrap();
    let saved = store
        .list(&ListQuery { search: Some("Köhnə 7".into()), limit: 500, ..Default::default() })
        .await
        .unwrap()
        .items;
    let keep = saved.iter().find(|i| i.title == "Köhnə 7").unwrap().id;
    store.set_saved(keep, true).await.unwrap();
    let before = store.size_bytes().await.unwrap();

    let outcome = store.prune(Utc::now() - Duration::days(90)).await.unwrap();
    assert_eq!(outcome.deleted, 0, "articles stored today are kept, however old their date");
    let outcome = store.prune(Utc::now() + Duration::days(1)).await.unwrap();
    assert_eq!(outcome.deleted, 300);
    assert!(outcome.pages_freed > 0);
    assert!(store.size_bytes().await.unwrap() < before, "the file shrinks");
    let left: Vec<_> = store.list(&ListQuery::default()).await.unwrap().items.into_iter().map(|i| i.title).collect();
    assert_eq!(left, vec!["Köhnə 7".to_string()]);
    assert_eq!(store.article(keep).await.unwrap().summary.title, "Köhnə 7");

    // A pruned article that is still in the feed does not come back as new.
    let again = store.store_feed(f.id, &feed(entries), &FetchValidators::default(), &RuleSet::default()).await.unwrap();
    assert_eq!(again.new, 0);
}

#[tokio::test]
async fn folders_nest_and_filter_lists() {
    let (_dir, store) = open().await;
    let news = store.create_folder("Xəbərlər", None).await.unwrap();
    let sport = store.create_folder("İdman", Some(news.id)).await.unwrap();
    assert_eq!(store.create_folder("İdman", Some(news.id)).await.unwrap().id, sport.id);
    let a = store.add_feed("https://a.example/rss", Some(sport.id)).await.unwrap();
    let b = store.add_feed("https://b.example/rss", None).await.unwrap();
    let v = FetchValidators::default();
    let rules = RuleSet::default();
    store.store_feed(a.id, &feed(vec![entry("a1", "A", 0)]), &v, &rules).await.unwrap();
    store.store_feed(b.id, &feed(vec![entry("b1", "B", 0)]), &v, &rules).await.unwrap();
    let in_news = store.list(&ListQuery { folder: Some(news.id), ..Default::default() }).await.unwrap().items;
    assert_eq!(in_news.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(), vec!["A"]);
    let by_feed = store.list(&ListQuery { feed: Some(b.id), ..Default::default() }).await.unwrap().items;
    assert_eq!(by_feed.len(), 1);
    assert!(store.add_feed("javascript:alert(1)", None).await.is_err());

    let other = store.create_folder("Dünya", Some(news.id)).await.unwrap();
    let err = store.rename_folder(other.id, " İdman ").await.unwrap_err();
    assert!(err.to_string().contains("already a folder named “İdman”"), "{err}");
    assert!(store.rename_folder(other.id, "  ").await.is_err());
    store.rename_folder(other.id, "İdman").await.unwrap_err();
    store.rename_folder(news.id, "İdman").await.unwrap(); // another parent: allowed
    store.rename_folder(sport.id, " Futbol ").await.unwrap();
    let names: Vec<_> = store.folders().await.unwrap().into_iter().map(|f| f.name).collect();
    assert!(names.contains(&"Futbol".to_string()), "{names:?}");
}

#[tokio::test]
async fn an_entry_repeated_in_one_feed_is_stored_once() {
    let (_dir, store) = open().await;
    let f = store.add_feed("https://news.example.az/rss", None).await.unwrap();
    let entries = vec![entry("same", "Bir", 0), entry("same", "Bir (təkrar)", 0), entry("other", "İki", 0)];
    let outcome =
        store.store_feed(f.id, &feed(entries), &FetchValidators::default(), &RuleSet::default()).await.unwrap();
    assert_eq!(outcome.new, 2);
    let titles: Vec<_> = store.list(&ListQuery::default()).await.unwrap().items.into_iter().map(|i| i.title).collect();
    assert_eq!(titles.len(), 2);
    assert!(titles.contains(&"Bir".to_string()));
}

#[tokio::test]
async fn many_feeds_store_in_one_batch_with_their_own_statuses_and_search() {
    let (_dir, store) = open().await;
    let urls = ["https://a.example/rss", "https://b.example/rss", "javascript:alert(1)", "https://a.example/rss"];
    let subscriptions: Vec<NewSubscription> =
        urls.iter().map(|url| NewSubscription { url, title: Some(" Başlıq "), ..Default::default() }).collect();
    let subscribed = store.add_feeds(&subscriptions).await.unwrap();
    let (Subscribed::Added(a), Subscribed::Added(b)) = (&subscribed[0], &subscribed[1]) else {
        panic!("{subscribed:?}")
    };
    assert!(matches!(&subscribed[2], Subscribed::Refused(why) if why.contains("javascript:")));
    assert_eq!(subscribed[3], Subscribed::Existing(*a));
    assert_eq!(store.feed(*a).await.unwrap().title, "Başlıq");

    store
        .add_rule(&NewRule {
            feed_id: Some(*b),
            field: RuleField::Title,
            pattern: "reklam".into(),
            is_regex: false,
            action: RuleAction::MarkRead,
        })
        .await
        .unwrap();
    let rules = store.rule_set().await.unwrap();
    let v = FetchValidators { etag: Some("\"e1\""), last_modified: None, content_hash: Some("h1") };
    let batch = vec![
        PreparedFeed::new(*a, feed(vec![entry("1", "Şəhər xəbəri", 0), entry("2", "Reklam A", 0)]), &v, &rules),
        PreparedFeed::new(*b, feed(vec![entry("1", "Новости Баку", 0), entry("2", "Reklam B", 0)]), &v, &rules),
    ];
    let outcomes: Vec<_> = store.store_feeds(&batch).await.into_iter().map(Result::unwrap).collect();
    assert_eq!(outcomes.iter().map(|o| (o.new, o.filtered)).collect::<Vec<_>>(), vec![(2, 0), (2, 1)]);

    // Each search row and status belongs to the article it was made for.
    let found = store.list(&ListQuery { search: Some("новости".into()), ..Default::default() }).await.unwrap().items;
    assert_eq!(found.iter().map(|i| (i.feed_id, i.title.as_str())).collect::<Vec<_>>(), vec![(*b, "Новости Баку")]);
    let found = store.list(&ListQuery { search: Some("seher".into()), ..Default::default() }).await.unwrap().items;
    assert_eq!(found.iter().map(|i| (i.feed_id, i.title.as_str())).collect::<Vec<_>>(), vec![(*a, "Şəhər xəbəri")]);
    let unread = store.list(&ListQuery { view: View::Unread, ..Default::default() }).await.unwrap().items;
    let mut unread: Vec<_> = unread.iter().map(|i| i.title.as_str()).collect();
    unread.sort();
    assert_eq!(unread, vec!["Reklam A", "Şəhər xəbəri", "Новости Баку"], "the rule was feed b's only");
    let states = store.fetch_states().await.unwrap();
    assert!(states.iter().all(|s| s.etag.as_deref() == Some("\"e1\"") && s.content_hash.as_deref() == Some("h1")));

    // The same batch again changes nothing.
    let again: Vec<_> = store.store_feeds(&batch).await.into_iter().map(Result::unwrap).collect();
    assert!(again.iter().all(|o| o.new == 0 && o.updated == 0));
}

#[tokio::test]
async fn a_feed_that_cannot_be_stored_fails_alone() {
    let (_dir, store) = open().await;
    let a = store.add_feed("https://a.example/rss", None).await.unwrap();
    let gone = store.add_feed("https://gone.example/rss", None).await.unwrap();
    let b = store.add_feed("https://b.example/rss", None).await.unwrap();
    let (v, rules) = (FetchValidators::default(), RuleSet::default());
    let batch = vec![
        PreparedFeed::new(a.id, feed(vec![entry("a1", "A", 0)]), &v, &rules),
        PreparedFeed::new(gone.id, feed(vec![entry("g1", "G", 0)]), &v, &rules),
        PreparedFeed::new(b.id, feed(vec![entry("b1", "B", 0)]), &v, &rules),
    ];
    // Unsubscribed while its entries were on their way.
    store.remove_feed(gone.id).await.unwrap();
    let results = store.store_feeds(&batch).await;
    assert_eq!(results[0].as_ref().unwrap().new, 1);
    assert!(results[1].is_err(), "{:?}", results[1]);
    assert_eq!(results[2].as_ref().unwrap().new, 1);
    let mut titles: Vec<_> =
        store.list(&ListQuery::default()).await.unwrap().items.into_iter().map(|i| i.title).collect();
    titles.sort();
    assert_eq!(titles, vec!["A", "B"]);
}

#[tokio::test]
async fn unsubscribing_keeps_saved_articles_until_they_are_unsaved() {
    let (_dir, store) = open().await;
    let f = store.add_feed("https://news.example.az/rss", None).await.unwrap();
    let (v, rules) = (FetchValidators::default(), RuleSet::default());
    store.store_feed(f.id, &feed(vec![entry("a", "Saxlanan", 1), entry("b", "Digər", 1)]), &v, &rules).await.unwrap();
    let items = store.list(&ListQuery::default()).await.unwrap().items;
    let kept = items.iter().find(|i| i.title == "Saxlanan").unwrap().id;
    store.set_saved(kept, true).await.unwrap();

    store.remove_feed(f.id).await.unwrap();
    assert!(store.feeds().await.unwrap().is_empty(), "no longer listed");
    assert!(store.fetch_states().await.unwrap().is_empty(), "no longer fetched");
    assert!(store.feed_by_url("https://news.example.az/rss").await.unwrap().is_none());
    let saved = store.list(&ListQuery { view: View::Saved, ..Default::default() }).await.unwrap().items;
    assert_eq!(saved.iter().map(|i| i.title.as_str()).collect::<Vec<_>>(), vec!["Saxlanan"]);
    assert_eq!(store.article(kept).await.unwrap().summary.title, "Saxlanan");
    let found = store.list(&ListQuery { search: Some("saxlanan".into()), ..Default::default() }).await.unwrap().items;
    assert_eq!(found.len(), 1, "still searchable");
    let all: Vec<_> = store.list(&ListQuery::default()).await.unwrap().items.into_iter().map(|i| i.title).collect();
    assert_eq!(all, vec!["Saxlanan".to_string()], "the unsaved article is gone");
    assert!(store.remove_feed(f.id).await.is_err(), "already unsubscribed");

    // Subscribing again brings the same feed back, with its saved article.
    let again = store.add_feed("https://news.example.az/rss", None).await.unwrap();
    assert_eq!(again.id, f.id);
    assert_eq!(store.feeds().await.unwrap().len(), 1);
    store.remove_feed(f.id).await.unwrap();

    // Once unsaved, retention takes the article, and the empty feed with it.
    store.set_saved(kept, false).await.unwrap();
    store.prune(Utc::now() + Duration::days(1)).await.unwrap();
    assert!(store.feed(f.id).await.is_err(), "the empty unsubscribed feed is deleted");
    assert!(store.list(&ListQuery { view: View::Saved, ..Default::default() }).await.unwrap().items.is_empty());

    // A feed with nothing saved is deleted at once.
    let g = store.add_feed("https://g.example/rss", None).await.unwrap();
    store.store_feed(g.id, &feed(vec![entry("x", "X", 1)]), &v, &rules).await.unwrap();
    store.remove_feed(g.id).await.unwrap();
    assert!(store.feed(g.id).await.is_err());
}

#[tokio::test]
async fn counts_undo_of_mark_all_read_and_search_snippets() {
    let (_dir, store) = open().await;
    let f = store.add_feed("https://news.example.az/rss", None).await.unwrap();
    let mut long = entry("c", "Üçüncü", 3);
    long.content_html =
        Some(format!("<p>{}Şəhərdə yeni məktəb açıldı.{}</p>", "Giriş. ".repeat(30), " Son.".repeat(40)));
    let entries = vec![entry("a", "Bir", 1), entry("b", "İki", 2), long];
    store.store_feed(f.id, &feed(entries), &FetchValidators::default(), &RuleSet::default()).await.unwrap();
    let items = store.list(&ListQuery::default()).await.unwrap().items;
    store.set_saved(items[0].id, true).await.unwrap();
    assert!(items.iter().all(|i| i.snippet.is_none()), "only search results carry snippets");

    let counts = store.counts().await.unwrap();
    assert_eq!((counts.all, counts.unread, counts.saved), (3, 3, 1));

    let marked = store.mark_all_read(None).await.unwrap();
    assert_eq!(marked.len(), 3);
    assert_eq!(store.counts().await.unwrap().unread, 0);
    assert_eq!(store.set_read_many(&marked, false).await.unwrap(), 3);
    assert_eq!(store.counts().await.unwrap().unread, 3, "undo brings every one back");
    assert_eq!(store.feed(f.id).await.unwrap().unread_count, 3);

    let found = store.list(&ListQuery { search: Some("seher".into()), ..Default::default() }).await.unwrap().items;
    assert_eq!(found.len(), 1);
    let parts = found[0].snippet.as_ref().unwrap();
    let hits: Vec<&str> = parts.iter().filter(|p| p.hit).map(|p| p.text.as_str()).collect();
    assert_eq!(hits, ["Şəhərdə"]);
    let shown: String = parts.iter().map(|p| p.text.as_str()).collect();
    assert!(shown.starts_with('…') && shown.ends_with('…'), "{shown}");
    assert!(shown.chars().count() <= byline_store::snippet::SNIPPET_CHARS + 4, "{shown}");
}

#[tokio::test]
async fn extraction_policy_is_stored_as_text_and_read_back_as_the_enum() {
    use byline_store::ExtractionPolicy;
    let (dir, store) = open().await;
    let f = store.add_feed("https://news.example.az/rss", None).await.unwrap();
    assert_eq!(store.feed(f.id).await.unwrap().extraction, None);
    for policy in [ExtractionPolicy::Always, ExtractionPolicy::WhenNoContent, ExtractionPolicy::Never] {
        store.set_feed_extraction(f.id, Some(policy)).await.unwrap();
        assert_eq!(store.feed(f.id).await.unwrap().extraction, Some(policy));
    }
    let (v, rules) = (FetchValidators::default(), RuleSet::default());
    store.store_feed(f.id, &feed(vec![entry("a", "A", 1)]), &v, &rules).await.unwrap();
    let pending = store.pending_extractions(10).await.unwrap();
    assert_eq!(pending[0].feed_policy, Some(ExtractionPolicy::Never));

    // The column keeps the text it held before the enum was carried through.
    store.set_feed_extraction(f.id, Some(ExtractionPolicy::WhenNoContent)).await.unwrap();
    let raw = sqlx::SqlitePool::connect(&format!("sqlite://{}", dir.path().join("nested/byline.sqlite3").display()))
        .await
        .unwrap();
    let text: Option<String> =
        sqlx::query_scalar("SELECT extraction FROM feeds WHERE id = ?").bind(f.id).fetch_one(&raw).await.unwrap();
    assert_eq!(text.as_deref(), Some("when_no_content"));
    store.set_feed_extraction(f.id, None).await.unwrap();
    assert_eq!(store.feed(f.id).await.unwrap().extraction, None);
}

#[tokio::test]
async fn an_extracted_page_keeps_its_bylines_and_the_agency_apart() {
    use byline_store::{Author, ExtractedArticle};
    let (_dir, store) = open().await;
    let f = store.add_feed("https://news.example.az/rss", None).await.unwrap();
    let (v, rules) = (FetchValidators::default(), RuleSet::default());
    store.store_feed(f.id, &feed(vec![entry("a", "A", 1), entry("b", "B", 2)]), &v, &rules).await.unwrap();
    let pending = store.pending_extractions(10).await.unwrap();
    assert_eq!(store.article(pending[0].id).await.unwrap().summary.agency, None, "none before extraction");
    let page = |agency: Option<&str>| ExtractedArticle {
        content_html: "<p>Mətn: Qarabağ.</p>".into(),
        text: "Mətn: Qarabağ.".into(),
        bylines: vec![Author::new("Aysel Məmmədova", Some("müxbir".into()))],
        agency: agency.map(String::from),
        reading_minutes: 1,
        lead_image: None,
        published: None,
        language: None,
        prefer_feed_text: false,
    };
    store.save_extraction(pending[0].id, &page(Some("APA"))).await.unwrap();
    store.save_extraction(pending[1].id, &page(None)).await.unwrap();
    let wire = store.article(pending[0].id).await.unwrap();
    assert_eq!(wire.summary.agency.as_deref(), Some("APA"));
    assert_eq!(wire.bylines, [Author::new("Aysel Məmmədova", Some("müxbir".into()))]);
    assert_eq!(store.article(pending[1].id).await.unwrap().summary.agency, None);

    // The feed's agency is kept from the start; a page naming none keeps it,
    // a page naming one has the last word.
    let wire = |id: &str, title: &str| byline_feeds::ParsedEntry { agency: Some("AFP".into()), ..entry(id, title, 1) };
    store.store_feed(f.id, &feed(vec![wire("c", "C"), wire("d", "D")]), &v, &rules).await.unwrap();
    let pending = store.pending_extractions(10).await.unwrap();
    assert_eq!(pending.len(), 2);
    for p in &pending {
        assert_eq!(store.article(p.id).await.unwrap().summary.agency.as_deref(), Some("AFP"), "from the feed");
    }
    // The list's rows carry it, for a wire story with no person to credit.
    let rows = store.list(&ListQuery::default()).await.unwrap().items;
    assert_eq!(rows.iter().find(|r| r.title == "C").unwrap().agency.as_deref(), Some("AFP"));
    store.save_extraction(pending[0].id, &page(None)).await.unwrap();
    store.save_extraction(pending[1].id, &page(Some("Reuters"))).await.unwrap();
    assert_eq!(store.article(pending[0].id).await.unwrap().summary.agency.as_deref(), Some("AFP"));
    assert_eq!(store.article(pending[1].id).await.unwrap().summary.agency.as_deref(), Some("Reuters"));

    // A wire story is found by its agency, from the feed or the page, as by its people.
    let found = |word: &str| {
        let query = ListQuery { search: Some(word.into()), ..Default::default() };
        let store = &store;
        async move {
            let mut titles: Vec<String> =
                store.list(&query).await.unwrap().items.into_iter().map(|a| a.title).collect();
            titles.sort();
            titles
        }
    };
    let title = |i: usize| {
        let store = &store;
        let id = pending[i].id;
        async move { store.article(id).await.unwrap().summary.title }
    };
    let (from_feed, from_page) = (title(0).await, title(1).await);
    assert_eq!(found("apa").await, ["A"]);
    assert_eq!(found("AFP").await, [from_feed]);
    assert_eq!(found("reuters").await, std::slice::from_ref(&from_page));
    assert_eq!(found("Məmmədova").await, ["A", "B", "C", "D"]);
    // A changed feed entry leaves an extracted article's page text and agency searchable.
    let changed = byline_feeds::ParsedEntry {
        summary_html: Some("<p>Yeni xülasə.</p>".into()),
        ..wire(&from_page.to_lowercase(), &from_page)
    };
    let outcome = store.store_feed(f.id, &feed(vec![changed]), &v, &rules).await.unwrap();
    assert_eq!(outcome.updated, 1);
    assert_eq!(found("reuters").await, [from_page]);
    assert_eq!(found("qarabağ").await, ["A", "B", "C", "D"]);
}

#[tokio::test]
async fn an_unsubscribed_feed_cannot_be_edited() {
    use byline_store::{ExtractionPolicy, StoreError};
    let (_dir, store) = open().await;
    let folder = store.create_folder("Xəbər", None).await.unwrap();
    let f = store.add_feed("https://news.example.az/rss", None).await.unwrap();
    let (v, rules) = (FetchValidators::default(), RuleSet::default());
    store.store_feed(f.id, &feed(vec![entry("a", "Saxlanan", 1)]), &v, &rules).await.unwrap();
    let kept = store.list(&ListQuery::default()).await.unwrap().items[0].id;
    store.set_saved(kept, true).await.unwrap();
    store.remove_feed(f.id).await.unwrap();
    let before = store.feed(f.id).await.unwrap();

    let not_found = |r: Result<(), StoreError>, what: &str| match r {
        Err(e @ StoreError::NotFound(_)) => assert_eq!(e.to_string(), format!("subscribed feed {} not found", f.id)),
        other => panic!("{what} on an unsubscribed feed: {other:?}"),
    };
    not_found(store.rename_feed(f.id, "Yeni ad").await, "rename_feed");
    not_found(store.move_feed(f.id, Some(folder.id)).await, "move_feed");
    not_found(store.set_feed_important(f.id, true).await, "set_feed_important");
    not_found(store.set_feed_extraction(f.id, Some(ExtractionPolicy::Always)).await, "set_feed_extraction");
    not_found(store.remove_feed(f.id).await, "remove_feed");
    assert_eq!(store.feed(f.id).await.unwrap(), before, "nothing changed");
    assert!(store.pending_extractions(10).await.unwrap().is_empty(), "its pages are not extracted");

    // A feed that never existed is not found either; a subscribed one is edited.
    let missing = byline_store::FeedId(f.id.0 + 100);
    assert!(matches!(store.rename_feed(missing, "X").await, Err(StoreError::NotFound(_))));
    let g = store.add_feed("https://g.example/rss", None).await.unwrap();
    store.rename_feed(g.id, "G").await.unwrap();
    store.move_feed(g.id, Some(folder.id)).await.unwrap();
    store.set_feed_important(g.id, true).await.unwrap();
    store.set_feed_extraction(g.id, Some(ExtractionPolicy::Never)).await.unwrap();
    let g = store.feed(g.id).await.unwrap();
    let got = (g.title.as_str(), g.folder_id, g.important, g.extraction);
    assert_eq!(got, ("G", Some(folder.id), true, Some(ExtractionPolicy::Never)));
}

/// A feed without the moments it was checked, so feeds stored a second
/// apart compare equal.
fn untimed(feed: byline_store::Feed) -> byline_store::Feed {
    byline_store::Feed { last_checked_at: None, last_success_at: None, next_attempt_at: None, ..feed }
}

#[tokio::test]
async fn add_feed_and_add_feeds_follow_one_rule() {
    // The same steps in two stores, one through `add_feed`, one through
    // `add_feeds`, must leave the same feeds.
    let ((_a, one), (_b, many)) = (open().await, open().await);
    for store in [&one, &many] {
        store.create_folder("Birinci", None).await.unwrap();
        store.create_folder("İkinci", None).await.unwrap();
    }
    let folders = one.folders().await.unwrap();
    let (first, second) = (Some(folders[0].id), Some(folders[1].id));
    let (v, rules) = (FetchValidators::default(), RuleSet::default());
    let url = "https://news.example.az/rss";
    let steps: [(&str, Option<byline_store::FolderId>); 4] = [
        ("new", first),
        ("existing, no folder: stays", None),
        ("existing, a folder: moves", second),
        ("unsubscribed, coming back", first),
    ];
    for (i, (what, folder)) in steps.into_iter().enumerate() {
        if i == 3 {
            for store in [&one, &many] {
                let id = store.feed_by_url(url).await.unwrap().unwrap().id;
                store.rename_feed(id, "Öz adı").await.unwrap();
                store.store_feed(id, &feed(vec![entry("a", "Saxlanan", 1)]), &v, &rules).await.unwrap();
                let kept = store.list(&ListQuery::default()).await.unwrap().items[0].id;
                store.set_saved(kept, true).await.unwrap();
                store.remove_feed(id).await.unwrap();
            }
        }
        let by_one = one.add_feed(url, folder).await.unwrap();
        let by_many = match many.add_feeds(&[NewSubscription { url, folder, title: None }]).await.unwrap()[..] {
            [Subscribed::Added(id) | Subscribed::Existing(id)] => many.feed(id).await.unwrap(),
            ref other => panic!("{what}: {other:?}"),
        };
        // Each store stamps its own clock: compare all but the times.
        assert_eq!(untimed(by_one), untimed(by_many), "{what}");
        let (ones, manys) = (one.feeds().await.unwrap(), many.feeds().await.unwrap());
        assert_eq!(
            ones.into_iter().map(untimed).collect::<Vec<_>>(),
            manys.into_iter().map(untimed).collect::<Vec<_>>(),
            "{what}"
        );
    }
    let back = one.feed_by_url(url).await.unwrap().unwrap();
    assert_eq!((back.title.as_str(), back.folder_id), ("Öz adı", first), "the title is kept, the folder given");

    let bad = one.add_feed("ftp://x.example/rss", None).await.unwrap_err();
    let refused = many.add_feeds(&[NewSubscription { url: "ftp://x.example/rss", ..Default::default() }]).await;
    assert_eq!(refused.unwrap(), vec![Subscribed::Refused("not an http(s) URL: ftp://x.example/rss".into())]);
    assert_eq!(bad.to_string(), "invalid input: not an http(s) URL: ftp://x.example/rss");
}

/// Every view (all, unread, saved; alone, by feed, by folder; with and
/// without search) pages through the statuses' list indexes in list order,
/// newest first, ties broken by id, each article once; the counts agree.
#[tokio::test]
async fn every_view_pages_in_list_order_and_the_counts_agree() {
    let (_dir, store) = open().await;
    let top = store.create_folder("Xəbərlər", None).await.unwrap();
    let sub = store.create_folder("İdman", Some(top.id)).await.unwrap();
    let mut feeds = Vec::new();
    for (url, folder) in [("https://a.example.az/rss", Some(top.id)), ("https://b.example.az/rss", Some(sub.id))] {
        feeds.push(store.add_feed(url, folder).await.unwrap().id);
    }
    feeds.push(store.add_feed("https://c.example.az/rss", None).await.unwrap().id);
    let mute = NewRule {
        feed_id: None,
        field: RuleField::Title,
        pattern: "gizli".into(),
        is_regex: false,
        action: RuleAction::Mute,
    };
    store.add_rule(&mute).await.unwrap();
    let rules = store.rule_set().await.unwrap();
    let base = Utc::now() - Duration::days(1);
    for (f, feed_id) in feeds.iter().enumerate() {
        // Every third entry has the same time in every feed: ties, broken by id.
        let entries = (0..12i64)
            .map(|i| {
                let word = if i % 5 == 0 { "gizli" } else { "açıq" };
                let mut e = entry(&format!("{f}-{i}"), &format!("{word} xəbər {} {i}", ["bir", "iki", "üç"][f]), 0);
                let minutes = if i % 3 == 0 { i } else { i * 7 + f as i64 };
                e.published = Some(base - Duration::minutes(minutes));
                e
            })
            .collect();
        store.store_feed(*feed_id, &feed(entries), &FetchValidators::default(), &rules).await.unwrap();
    }

    /// An article not muted, as the test set it up.
    struct Row {
        id: byline_store::ArticleId,
        sort_key: i64,
        feed: usize,
        read: bool,
        saved: bool,
        /// Its title has "açıq".
        open: bool,
    }
    let everything = store.list(&ListQuery { limit: 500, ..Default::default() }).await.unwrap().items;
    assert_eq!(everything.len(), 3 * 12 - 3 * 3, "the muted ones are not listed");
    let mut model = Vec::new();
    for item in &everything {
        let key = item.url.as_deref().unwrap().rsplit('/').next().unwrap().to_string();
        let (f, i): (usize, i64) = {
            let (f, i) = key.split_once('-').unwrap();
            (f.parse().unwrap(), i.parse().unwrap())
        };
        let minutes = if i % 3 == 0 { i } else { i * 7 + f as i64 };
        assert_eq!(item.sort_key, (base - Duration::minutes(minutes)).timestamp(), "{key}");
        let (read, saved) = (i % 2 == 0, i % 4 == 1);
        if read {
            store.set_read(item.id, true).await.unwrap();
        }
        if saved {
            store.set_saved(item.id, true).await.unwrap();
        }
        model.push(Row {
            id: item.id,
            sort_key: item.sort_key,
            feed: f,
            read,
            saved,
            open: item.title.starts_with("açıq"),
        });
    }
    model.sort_by_key(|r| std::cmp::Reverse((r.sort_key, r.id)));

    let in_folder = |f: usize| f < 2;
    for view in [View::All, View::Unread, View::Saved] {
        for scope in ["all", "feed", "folder", "subfolder"] {
            for search in [None, Some("acıq"), Some("UC xəbər"), Some("gizli"), Some("yoxdur")] {
                let query = ListQuery {
                    view,
                    feed: (scope == "feed").then_some(feeds[1]),
                    folder: match scope {
                        "folder" => Some(top.id),
                        "subfolder" => Some(sub.id),
                        _ => None,
                    },
                    search: search.map(str::to_string),
                    after: None,
                    limit: 4,
                };
                let expected: Vec<_> = model
                    .iter()
                    .filter(|r| match view {
                        View::All => true,
                        View::Unread => !r.read,
                        View::Saved => r.saved,
                    })
                    .filter(|r| match scope {
                        "feed" | "subfolder" => r.feed == 1,
                        "folder" => in_folder(r.feed),
                        _ => true,
                    })
                    .filter(|r| match search {
                        None => true,
                        Some("acıq") => r.open,
                        Some("UC xəbər") => r.feed == 2,
                        _ => false,
                    })
                    .map(|r| r.id)
                    .collect();
                let mut got = Vec::new();
                let mut q = query.clone();
                loop {
                    let page = store.list(&q).await.unwrap();
                    assert!(page.items.len() <= 4);
                    got.extend(page.items.iter().map(|a| a.id));
                    match page.next {
                        Some(next) => q.after = Some(next),
                        None => break,
                    }
                }
                assert_eq!(got, expected, "{view:?} {scope} {search:?}");
            }
        }
    }

    let counts = store.counts().await.unwrap();
    let count = |p: &dyn Fn(&Row) -> bool| model.iter().filter(|r| p(r)).count() as i64;
    assert_eq!(counts.all, model.len() as i64);
    assert_eq!(counts.unread, count(&|r| !r.read));
    assert_eq!(counts.saved, count(&|r| r.saved));
    for feed in store.feeds().await.unwrap() {
        let f = feeds.iter().position(|id| *id == feed.id).unwrap();
        assert_eq!(feed.unread_count, count(&|r| r.feed == f && !r.read), "feed {f}");
    }
}
