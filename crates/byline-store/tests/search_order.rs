//! Search walks the full-text index in list order (its rowids are list
//! positions) and stops after a page. These tests hold it to the plain plan
//! it replaced, on a generated database: every match of the index, its
//! status filtered by the view, sorted by the statuses' sort keys. Same
//! articles, same order, every view, every page; and a rebuilt index finds
//! what the one written article by article found.

use byline_feeds::{ParsedEntry, ParsedFeed};
use byline_store::fold::fts_query;
use byline_store::{
    ArticleId, ExtractedArticle, FeedId, FetchValidators, FolderId, ListQuery, NewRule, RuleAction, RuleField, Store,
    View, SORT_KEY_LIMIT,
};
use chrono::{DateTime, Duration, TimeZone, Utc};
use sqlx::sqlite::SqliteConnectOptions;
use sqlx::{ConnectOptions, Connection, SqliteConnection};

/// Words the generated articles are made of: common ones, rarer ones, and
/// words sharing their first letters, in three languages.
const WORDS: &[&str] = &[
    "və",
    "bu",
    "şəhər",
    "şəhərdə",
    "şəkil",
    "məktəb",
    "məkan",
    "neft",
    "İqtisadiyyat",
    "ölkə",
    "и",
    "в",
    "Москва",
    "москвич",
    "экономика",
    "экономист",
    "ёлка",
    "школа",
    "the",
    "then",
    "there",
    "oil",
    "prices",
    "bank",
    "bridge",
    "government",
    "o",
    "a",
];

/// The searches: common words, short and long prefixes, one letter, two
/// words, folded spellings, and a word no article has.
const SEARCHES: &[&str] = &[
    "və",
    "ve",
    "şə",
    "şəh",
    "SEHER",
    "məkt",
    "neft",
    "iqtisadiyyat",
    "и",
    "мо",
    "моск",
    "экон",
    "елка",
    "the",
    "th",
    "oil prices",
    "bank the",
    "o",
    "a",
    "şəhər neft",
    "yoxdur",
];

/// A stable pseudo-random number for `x` (SplitMix64's finalizer).
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn words(seed: u64, n: usize) -> String {
    (0..n).map(|i| WORDS[(mix(seed * 97 + i as u64) % WORDS.len() as u64) as usize]).collect::<Vec<_>>().join(" ")
}

/// Entry `i` of feed `f`: its date is shared with other feeds (ties), far
/// in the future or the past (beyond the sort keys' range), missing, or
/// spread out.
fn entry(f: usize, i: u64, base: DateTime<Utc>) -> ParsedEntry {
    let seed = (f as u64) << 32 | i;
    let published = match i % 11 {
        0 => Some(base - Duration::hours(i as i64)),
        1 => Some(Utc.with_ymd_and_hms(2300, 1, 1, 0, 0, 0).unwrap()),
        2 => Some(Utc.with_ymd_and_hms(1700, 1, 1, 0, 0, 0).unwrap() + Duration::days(i as i64)),
        3 => None,
        _ => Some(base - Duration::minutes((mix(seed) % 50_000) as i64)),
    };
    ParsedEntry {
        id: format!("{f}-{i}"),
        title: words(seed, 4),
        link: Some(format!("https://news.example.az/{f}-{i}")),
        authors: vec![byline_store::Author::new(if i % 7 == 0 { "Oil Bank" } else { "Gülağa İsgəndərov" }, None)],
        agency: None,
        published,
        updated: None,
        summary_html: Some(format!("<p>{}</p>", words(seed + 1, 6))),
        content_html: (i % 3 != 0).then(|| format!("<p>{}</p><p>{}</p>", words(seed + 2, 30), words(seed + 3, 20))),
        enclosures: vec![],
        image: None,
        language: None,
    }
}

struct Generated {
    _dir: tempfile::TempDir,
    path: std::path::PathBuf,
    store: Store,
    feeds: Vec<FeedId>,
    folders: Vec<FolderId>,
}

/// Four feeds (two in a folder, one in its subfolder, one at the top), 70
/// articles each, a mute rule, some read, some saved, one page extracted
/// and one whose feed text reads better.
async fn generated() -> Generated {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("byline.sqlite3");
    let store = Store::open(&path).await.unwrap();
    let top = store.create_folder("Xəbərlər", None).await.unwrap().id;
    let sub = store.create_folder("İdman", Some(top)).await.unwrap().id;
    let mut feeds = Vec::new();
    for (f, folder) in [Some(top), Some(top), Some(sub), None].into_iter().enumerate() {
        feeds.push(store.add_feed(&format!("https://f{f}.example.az/rss"), folder).await.unwrap().id);
    }
    let mute = NewRule {
        feed_id: None,
        field: RuleField::Title,
        pattern: "ёлка".into(),
        is_regex: false,
        action: RuleAction::Mute,
    };
    store.add_rule(&mute).await.unwrap();
    let rules = store.rule_set().await.unwrap();
    let base = Utc::now() - Duration::days(1);
    for (f, feed) in feeds.iter().enumerate() {
        let entries = (0..70).map(|i| entry(f, i, base)).collect();
        let parsed = ParsedFeed { title: format!("Lent {f}"), link: None, description: None, language: None, entries };
        store.store_feed(*feed, &parsed, &FetchValidators::default(), &rules).await.unwrap();
    }
    let all = store.list(&ListQuery { limit: 500, ..Default::default() }).await.unwrap().items;
    for item in &all {
        let r = mix(item.id.0 as u64) % 10;
        if r < 4 {
            store.set_read(item.id, true).await.unwrap();
        }
        if r == 5 || r == 6 {
            store.set_saved(item.id, true).await.unwrap();
        }
    }
    for (n, item) in all.iter().take(2).enumerate() {
        let page = ExtractedArticle {
            content_html: "<p>Səhifənin mətni: bank və neft, extractedword.</p>".into(),
            text: "Səhifənin mətni: bank və neft, extractedword.".into(),
            bylines: vec![],
            agency: None,
            reading_minutes: 1,
            lead_image: None,
            published: None,
            language: None,
            prefer_feed_text: n == 1,
        };
        let page = if n == 1 {
            // The feed's text reads better: the index holds that.
            let article = store.article(item.id).await.unwrap();
            let feed_html = [article.summary_html.clone(), article.content_html.clone()]
                .into_iter()
                .flatten()
                .max_by_key(String::len)
                .unwrap_or_default();
            ExtractedArticle { text: byline_feeds::sanitize::html_to_text(&feed_html), ..page }
        } else {
            page
        };
        store.save_extraction(item.id, &page).await.unwrap();
    }
    Generated { _dir: dir, path, store, feeds, folders: vec![top, sub] }
}

/// Every query the tests ask: each view, alone, by feed, by folder and
/// subfolder, with each search.
fn queries(g: &Generated) -> Vec<ListQuery> {
    let mut out = Vec::new();
    for view in [View::All, View::Unread, View::Saved] {
        let scopes: [(Option<FeedId>, Option<FolderId>); 5] = [
            (None, None),
            (Some(g.feeds[0]), None),
            (Some(g.feeds[3]), None),
            (None, Some(g.folders[0])),
            (None, Some(g.folders[1])),
        ];
        for (feed, folder) in scopes {
            for search in SEARCHES {
                out.push(ListQuery { view, feed, folder, search: Some(search.to_string()), after: None, limit: 7 });
            }
        }
    }
    out
}

/// Every page of `query`, in order: each article's id and sort key.
/// Rows of the search index and of the articles, on a connection of its own.
async fn index_and_article_rows(path: &std::path::Path) -> (i64, i64) {
    let mut conn = connect(path).await;
    let counts = sqlx::query_as("SELECT (SELECT COUNT(*) FROM articles_fts), (SELECT COUNT(*) FROM articles)")
        .fetch_one(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    counts
}

async fn paged(store: &Store, query: &ListQuery) -> Vec<(ArticleId, i64)> {
    let mut got = Vec::new();
    let mut q = query.clone();
    loop {
        let page = store.list(&q).await.unwrap();
        assert!(page.items.len() <= q.limit as usize);
        assert!(page.items.iter().all(|a| a.snippet.is_some()), "search results carry snippets");
        got.extend(page.items.iter().map(|a| (a.id, a.sort_key)));
        match page.next {
            Some(next) => q.after = Some(next),
            None => break,
        }
    }
    got
}

/// The plan search had before: every match, its status filtered by the
/// view, sorted by the status's sort key (the rowid's low 31 bits are the
/// article id).
async fn reference(conn: &mut SqliteConnection, query: &ListQuery) -> Vec<(ArticleId, i64)> {
    let view = match query.view {
        View::All => "s.muted = 0",
        View::Unread => "s.read = 0 AND s.muted = 0",
        View::Saved => "s.saved = 1",
    };
    let sql = format!(
        "SELECT s.article_id, s.sort_key FROM article_status s JOIN feeds f ON f.id = s.feed_id
         WHERE {view} AND (?1 IS NULL OR s.feed_id = ?1)
           AND (?2 IS NULL OR f.folder_id IN (WITH RECURSIVE sub(id) AS (SELECT ?2
                UNION SELECT folders.id FROM folders JOIN sub ON folders.parent_id = sub.id) SELECT id FROM sub))
           AND s.article_id IN (SELECT rowid & 2147483647 FROM articles_fts WHERE articles_fts MATCH ?3)
         ORDER BY s.sort_key DESC, s.article_id DESC"
    );
    sqlx::query_as(&sql)
        .bind(query.feed)
        .bind(query.folder)
        .bind(fts_query(query.search.as_deref().unwrap()))
        .fetch_all(conn)
        .await
        .unwrap()
}

async fn connect(path: &std::path::Path) -> SqliteConnection {
    SqliteConnectOptions::new().filename(path).connect().await.unwrap()
}

#[tokio::test]
async fn search_pages_in_list_order_as_the_plain_plan_sorted_them() {
    let g = generated().await;
    assert_eq!(g.store.integrity_problems().await.unwrap(), Vec::<String>::new());
    let mut conn = connect(&g.path).await;
    let mut found = 0;
    for query in queries(&g) {
        let expected = reference(&mut conn, &query).await;
        found += expected.len();
        assert_eq!(paged(&g.store, &query).await, expected, "{query:?}");
    }
    assert!(found > 1000, "the searches find plenty ({found})");

    // Dates beyond the sort keys' range sort as its ends, newest first.
    let everything = g.store.list(&ListQuery { limit: 500, ..Default::default() }).await.unwrap().items;
    assert_eq!(everything.first().unwrap().sort_key, SORT_KEY_LIMIT);
    assert_eq!(everything.last().unwrap().sort_key, -SORT_KEY_LIMIT);
    conn.close().await.unwrap();
    g.store.close().await;
}

#[tokio::test]
async fn a_rebuilt_index_finds_what_the_written_one_found() {
    let g = generated().await;
    let before: Vec<_> = {
        let mut out = Vec::new();
        for query in queries(&g) {
            out.push(paged(&g.store, &query).await);
        }
        out
    };
    let extracted =
        g.store.list(&ListQuery { search: Some("extractedword".into()), ..Default::default() }).await.unwrap().items;
    assert_eq!(extracted.len(), 1, "the extracted page's text, not the one whose feed text reads better");
    g.store.close().await;

    // What migration 0010 leaves: a request to rebuild (here over an index
    // that is whole; the rebuild starts from nothing either way).
    let mut conn = connect(&g.path).await;
    sqlx::query("INSERT INTO search_reindex (asked_at) VALUES (1)").execute(&mut conn).await.unwrap();
    conn.close().await.unwrap();
    let store = Store::open(&g.path).await.unwrap();
    assert!(store.search_index_pending().await.unwrap(), "opening leaves the rebuild to the app");
    store.rebuild_search_index().await.unwrap();
    assert!(!store.search_index_pending().await.unwrap());
    for (query, before) in queries(&g).iter().zip(before) {
        assert_eq!(paged(&store, query).await, before, "{query:?}");
    }
    let again =
        store.list(&ListQuery { search: Some("extractedword".into()), ..Default::default() }).await.unwrap().items;
    assert_eq!(again.iter().map(|a| a.id).collect::<Vec<_>>(), extracted.iter().map(|a| a.id).collect::<Vec<_>>());
    assert_eq!(store.integrity_problems().await.unwrap(), Vec::<String>::new());
    let mut conn = connect(&g.path).await;
    let asked: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM search_reindex").fetch_one(&mut conn).await.unwrap();
    assert_eq!(asked, 0, "the request is done");
    conn.close().await.unwrap();

    // Retention and unsubscribing take the rows with the articles.
    store.prune(Utc::now() + Duration::days(1)).await.unwrap();
    store.remove_feed(g.feeds[3]).await.unwrap();
    assert_eq!(store.integrity_problems().await.unwrap(), Vec::<String>::new());
    let (rows, articles) = index_and_article_rows(&g.path).await;
    assert_eq!(rows, articles, "no search row outlives its article");
    store.close().await;
}

/// The rebuild runs in steps while the app works: a sync that adds and
/// changes articles between two steps, then a killed process (the store
/// closed mid-rebuild), leave an index with every article once, whose
/// searches find the changed text and not the old.
#[tokio::test]
async fn a_rebuild_in_steps_survives_a_sync_between_steps_and_a_restart() {
    let g = generated().await;
    g.store.close().await;
    let mut conn = connect(&g.path).await;
    sqlx::query("INSERT INTO search_reindex (asked_at) VALUES (1)").execute(&mut conn).await.unwrap();
    conn.close().await.unwrap();

    let store = Store::open(&g.path).await.unwrap();
    assert!(!store.rebuild_search_index_step().await.unwrap(), "280 articles take more than one step");
    assert_eq!(store.integrity_problems().await.unwrap(), Vec::<String>::new(), "a rebuild under way is no fault");
    // Newest first: the newest article is found already.
    let newest = store.list(&ListQuery { limit: 1, ..Default::default() }).await.unwrap().items;
    let title_word = newest[0].title.split(' ').next().unwrap().to_string();
    let found = store.list(&ListQuery { search: Some(title_word), limit: 500, ..Default::default() }).await.unwrap();
    assert!(found.items.iter().any(|a| a.id == newest[0].id));

    // A sync between two steps: every entry of feed 0 again, with new
    // titles for one of the oldest (dated 1700) and one of the newest (2300;
    // neither muted), and new entries.
    let base = Utc::now() - Duration::days(1);
    let mut entries: Vec<ParsedEntry> = (0..70).map(|i| entry(0, i, base)).collect();
    let (oldest, newest) = (13, 12);
    for i in [oldest, newest] {
        assert!(!entries[i].title.contains("ёлка"), "{i} is listed");
        entries[i].title = format!("zzrenamed{i} oil");
    }
    entries.extend((70..80).map(|i| ParsedEntry { title: format!("zznew{i} bank"), ..entry(0, i, base) }));
    let parsed = ParsedFeed { title: "Lent 0".into(), link: None, description: None, language: None, entries };
    let rules = store.rule_set().await.unwrap();
    store.store_feed(g.feeds[0], &parsed, &FetchValidators::default(), &rules).await.unwrap();
    store.close().await;

    // The process is killed and starts again: the rebuild resumes.
    let store = Store::open(&g.path).await.unwrap();
    assert!(store.search_index_pending().await.unwrap());
    store.rebuild_search_index().await.unwrap();
    assert!(!store.search_index_pending().await.unwrap());
    assert_eq!(store.integrity_problems().await.unwrap(), Vec::<String>::new());
    assert_eq!(index_and_article_rows(&g.path).await, (290, 290), "every article once");
    let search = |text: &str| ListQuery { search: Some(text.into()), limit: 500, ..Default::default() };
    for text in ["zzrenamed13", "zzrenamed12", "zznew70", "zznew79"] {
        assert_eq!(store.list(&search(text)).await.unwrap().items.len(), 1, "{text}");
    }
    store.close().await;
}
