//! `byline-bench scale`: lists, search and counts on a large database.
//!
//! ```text
//! cargo run --release -p byline-bench -- scale [--feeds 200] [--articles 100000]
//!     [--iterations 300] [--search-rounds 10] [--db FILE] [--out BENCHMARKS.md]
//! ```
//!
//! Builds a database of `articles` generated news articles over `feeds`
//! feeds (Azerbaijani, Russian and English text of news-article length from
//! `byline_testkit`'s seeded `generate_news_rss`) through the store's real
//! ingest (`parse_feed` → `PreparedFeed::new` → `Store::store_feeds`), in
//! folders, with a mute rule, most older articles read and some saved. Then
//! it times, through the store's public API and a warm read pool, what the
//! app asks for when it shows a list: pages of `Store::list` (all, unread,
//! saved, one feed, one folder; the first page and a deep one by keyset),
//! the fixed set of [`QUERIES`] through `Store::list` with `search` (snippets
//! included), `Store::counts` (`article_counts`) and `Store::feeds`
//! (`list_feeds`, with every feed's unread count). Each operation runs
//! warm-up rounds first; min, median, p95 and max of the timed runs are
//! reported, with the targets and the database's size.
//!
//! The database is built in a temporary directory for the run, or at
//! `--db FILE`, which a later run reuses when it holds the same workload
//! (the store's migrations still run on open, so a new index is built then).

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use anyhow::{bail, ensure, Context, Result};
use byline_engine::feeds::parse_feed;
use byline_engine::store::{
    Cursor, FeedId, FetchValidators, FolderId, ListQuery, NewRule, NewSubscription, Page, PreparedFeed, RuleAction,
    RuleField, Store, Subscribed, View,
};
use byline_testkit::{generate_news_rss, NewsLanguage};
use sqlx::Connection;

use crate::report::{write_section, Facts};

/// Where the generated articles link to (never fetched).
const SITE: &str = "https://bench.byline.invalid";
/// Rows in a page, as the app asks for them.
const PAGE: u32 = 50;
/// The deepest page timed: the page after this many pages (or the last).
const DEEP_PAGES: usize = 40;

/// A page of the list must take less than this (ms).
const LIST_TARGET_MS: f64 = 2.0;
/// Search, at p95 over every query and round (ms).
const SEARCH_TARGET_MS: f64 = 10.0;
/// Counts (ms).
const COUNTS_TARGET_MS: f64 = 5.0;

/// The fixed search queries, as a reader types them: single words, two
/// words, prefixes, Azerbaijani letters typed or folded away, Cyrillic,
/// capitals, punctuation, and words no article has.
pub const QUERIES: [&str; 100] = [
    // Azerbaijani, single words with ə ğ ı ö ş ü ç.
    "şəhər",
    "prezident",
    "neft",
    "məktəb",
    "ölkə",
    "xəstəxana",
    "çempionat",
    "müqavilə",
    "güclü",
    "ağıllı",
    "təhlükəsizlik",
    "zəlzələ",
    "Novruz",
    "Şuşa",
    "Gəncə",
    "pambıq",
    "fındıq",
    "üzüm",
    "iqtisadiyyat",
    "yağış",
    // Azerbaijani typed without its letters, or in capitals.
    "seher",
    "mekteb",
    "olke",
    "qelebe",
    "ŞƏHƏR",
    "İQTİSADİYYAT",
    // Azerbaijani, two words.
    "neft qiymət",
    "məktəb müəllim",
    "Bakı metro",
    "dövlət büdcə",
    "süni intellekt",
    "hava temperatur",
    "Əli Həsənov",
    "kənd təsərrüfatı",
    // Azerbaijani prefixes.
    "şəh",
    "məkt",
    "iqtisad",
    "təhsi",
    "ölk",
    "çem",
    "ş",
    // Russian, single words (ё typed or not).
    "правительство",
    "экономика",
    "ёлка",
    "Москва",
    "футбол",
    "школа",
    "пенсия",
    "землетрясение",
    "объём",
    "самолёт",
    "елка",
    "самолет",
    "подъем",
    "МОСКВА",
    // Russian, two words.
    "искусственный интеллект",
    "цены нефть",
    "железная дорога",
    "Иван Петров",
    "сельское хозяйство",
    // Russian prefixes.
    "экон",
    "прав",
    "шк",
    "стро",
    "м",
    // English, single words.
    "government",
    "inflation",
    "earthquake",
    "museum",
    "London",
    "vaccine",
    "bridge",
    "harvest",
    // English, two words and punctuation.
    "oil prices",
    "central bank",
    "artificial intelligence",
    "John Carter",
    "public transport",
    "\"oil\"",
    "oil-prices",
    "O'Brien",
    // English prefixes.
    "gov",
    "infl",
    "tech",
    "constr",
    "b",
    // The most common words: nearly every article matches.
    "və",
    "и",
    "the",
    // No article has these.
    "qwertyzx",
    "жжжкк",
    "xylophone",
    "ətirşah",
    "кракозябра",
    "nonexistentword",
    "blockchainx",
    "ğğğ",
    "фывапролд",
    "Bakı Москва",
    "London şəhər",
];

/// `byline-bench scale`'s arguments.
#[derive(Debug, Clone, clap::Args)]
pub struct ScaleArgs {
    /// Number of feeds.
    #[arg(long, default_value_t = 200)]
    feeds: usize,
    /// Number of articles, spread evenly over the feeds.
    #[arg(long, default_value_t = 100_000)]
    articles: usize,
    /// Timed runs of each list and count operation (after as many warm-up runs as a tenth of these).
    #[arg(long, default_value_t = 300)]
    iterations: usize,
    /// Timed rounds over the search queries (after one warm-up round).
    #[arg(long, default_value_t = 10)]
    search_rounds: usize,
    /// Build the database at this file, or reuse it when it already holds
    /// this workload; by default it is built in a temporary directory.
    #[arg(long)]
    db: Option<PathBuf>,
    /// Write the results into this Markdown file, replacing their section.
    #[arg(long)]
    out: Option<PathBuf>,
}

/// Timed runs of one operation, in milliseconds, sorted.
struct Stats {
    samples: Vec<f64>,
}

impl Stats {
    fn new(mut samples: Vec<f64>) -> Self {
        samples.sort_by(f64::total_cmp);
        Self { samples }
    }

    /// The value below which `p` of the samples lie (nearest rank).
    fn quantile(&self, p: f64) -> f64 {
        let n = self.samples.len();
        if n == 0 {
            return f64::NAN;
        }
        let rank = ((p * n as f64).ceil() as usize).clamp(1, n);
        self.samples[rank - 1]
    }

    fn min(&self) -> f64 {
        self.samples.first().copied().unwrap_or(f64::NAN)
    }

    fn max(&self) -> f64 {
        self.samples.last().copied().unwrap_or(f64::NAN)
    }

    fn median(&self) -> f64 {
        self.quantile(0.5)
    }

    fn p95(&self) -> f64 {
        self.quantile(0.95)
    }
}

/// One timed operation and what it returned.
struct Measured {
    name: String,
    /// What the target applies to.
    kind: Kind,
    stats: Stats,
    /// Rows it returned (a page's items, feeds, …).
    rows: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    List,
    Counts,
}

/// What the built database holds.
struct Workload {
    articles: i64,
    unread: i64,
    saved: i64,
    muted: i64,
    folders: usize,
    build: Option<Duration>,
    file_bytes: u64,
    tables: Vec<(String, i64)>,
}

pub fn run(args: ScaleArgs) -> Result<()> {
    if args.feeds == 0 || args.articles < args.feeds || args.iterations == 0 || args.search_rounds == 0 {
        bail!("--feeds, --iterations and --search-rounds must be at least 1, and --articles at least --feeds");
    }
    let facts = Facts::collect(None);
    let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
    let tmp = tempfile::Builder::new().prefix("byline-scale-").tempdir()?;
    let db = args.db.clone().unwrap_or_else(|| tmp.path().join("byline.sqlite3"));

    let build = if rt.block_on(holds_workload(&db, &args))? {
        eprintln!("reusing {}", db.display());
        None
    } else {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
        }
        let started = Instant::now();
        build_db(&rt, &db, &args)?;
        let took = started.elapsed();
        eprintln!("built {} in {:.1} s", db.display(), took.as_secs_f64());
        Some(took)
    };

    // Open once (migrations run here), close to checkpoint the WAL, then
    // measure the file and open it again for the timings.
    rt.block_on(async {
        Store::open(&db).await?.close().await;
        anyhow::Ok(())
    })?;
    let mut workload = rt.block_on(describe(&db))?;
    workload.build = build;
    eprintln!(
        "{} articles, {} unread, {} saved, {} muted; {:.1} MiB",
        workload.articles,
        workload.unread,
        workload.saved,
        workload.muted,
        workload.file_bytes as f64 / 1048576.0
    );

    let store = rt.block_on(Store::open(&db))?;
    let results = rt.block_on(measure_all(&store, &args))?;
    rt.block_on(store.close());

    let markdown = markdown(&args, &facts, &workload, &results);
    println!("{markdown}");
    if let Some(out) = &args.out {
        write_section(out, &heading(&args), &markdown)?;
        eprintln!("wrote {}", out.display());
    }
    Ok(())
}

/// Whether `db` exists and holds `args`' articles (built by an earlier run).
async fn holds_workload(db: &Path, args: &ScaleArgs) -> Result<bool> {
    if !db.exists() {
        return Ok(false);
    }
    let mut conn = connect(db).await?;
    let counts: Result<(i64, i64), _> = sqlx::query_as(
        "SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM feeds WHERE url LIKE '%/news-%')",
    )
    .fetch_one(&mut conn)
    .await;
    conn.close().await?;
    Ok(counts.is_ok_and(|(a, f)| a == args.articles as i64 && f == args.feeds as i64))
}

async fn connect(db: &Path) -> Result<sqlx::SqliteConnection> {
    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(db).create_if_missing(false);
    sqlx::SqliteConnection::connect_with(&options).await.with_context(|| format!("open {}", db.display()))
}

/// Folders: (name, parent's index in this list).
const FOLDERS: &[(&str, Option<usize>)] = &[
    ("Siyasət", None),
    ("İqtisadiyyat", None),
    ("Политика", None),
    ("Экономика", None),
    ("World", None),
    ("Business", None),
    ("Sport", None),
    ("Culture", None),
    ("Tech", None),
    ("Local", None),
    ("Futbol", Some(6)),
];
/// The folder timed: "Sport", with "Futbol" inside it.
const TIMED_FOLDER: usize = 6;

/// The folder of feed `i`: one feed in five at the top level, the others
/// round-robin over [`FOLDERS`].
fn folder_of(i: usize) -> Option<usize> {
    (i % 5 != 4).then_some(i % FOLDERS.len())
}

/// A stable pseudo-random number for `x` (SplitMix64's finalizer).
fn mix(x: u64) -> u64 {
    let mut z = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn build_db(rt: &tokio::runtime::Runtime, db: &Path, args: &ScaleArgs) -> Result<()> {
    let store = rt.block_on(Store::open(db))?;
    let mut folder_ids: Vec<FolderId> = Vec::new();
    for (name, parent) in FOLDERS {
        let folder = rt.block_on(store.create_folder(name, parent.map(|p| folder_ids[p])))?;
        folder_ids.push(folder.id);
    }
    // A reader's mute rule: Azerbaijani titles about fines.
    rt.block_on(store.add_rule(&NewRule {
        feed_id: None,
        field: RuleField::Title,
        pattern: "cərimə".into(),
        is_regex: false,
        action: RuleAction::Mute,
    }))?;
    let rules = rt.block_on(store.rule_set())?;

    let urls: Vec<String> = (0..args.feeds).map(|i| format!("{SITE}/news-{i}/rss.xml")).collect();
    let subs: Vec<NewSubscription> = urls
        .iter()
        .enumerate()
        .map(|(i, url)| NewSubscription { url, folder: folder_of(i).map(|f| folder_ids[f]), title: None })
        .collect();
    let feed_ids: Vec<FeedId> = rt
        .block_on(store.add_feeds(&subs))?
        .into_iter()
        .map(|s| match s {
            Subscribed::Added(id) => Ok(id),
            other => bail!("feed not added: {other:?}"),
        })
        .collect::<Result<_>>()?;

    // Parse and prepare a batch of feeds on every core, then store it in one
    // transaction, as a sync does.
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let per_feed = |i: usize| args.articles / args.feeds + usize::from(i < args.articles % args.feeds);
    let mut stored = 0usize;
    for batch in (0..args.feeds).collect::<Vec<_>>().chunks(threads * 4) {
        let prepared: Vec<PreparedFeed> = std::thread::scope(|s| {
            let handles: Vec<_> = (0..threads)
                .map(|t| {
                    let (rules, urls, feed_ids) = (&rules, &urls, &feed_ids);
                    s.spawn(move || {
                        batch
                            .iter()
                            .skip(t)
                            .step_by(threads)
                            .map(|&i| {
                                let doc = generate_news_rss(i, per_feed(i), SITE);
                                let parsed = parse_feed(doc.as_bytes(), Some("application/rss+xml"), Some(&urls[i]))?;
                                Ok((i, PreparedFeed::new(feed_ids[i], parsed, &FetchValidators::default(), rules)))
                            })
                            .collect::<Result<Vec<_>>>()
                    })
                })
                .collect();
            let mut all = Vec::new();
            for h in handles {
                all.extend(h.join().expect("a parsing thread panicked")?);
            }
            all.sort_by_key(|(i, _)| *i);
            anyhow::Ok(all.into_iter().map(|(_, p)| p).collect())
        })?;
        for outcome in rt.block_on(store.store_feeds(&prepared)) {
            stored += outcome?.new;
        }
        eprint!("\rstored {stored} articles");
    }
    eprintln!();
    ensure!(stored == args.articles, "stored {stored} articles, expected {}", args.articles);

    // What the reader did: most articles older than a feed's newest 40
    // read, a quarter of the newer ones; one in 70 saved.
    let rows: Vec<(i64, i64)> = rt.block_on(async {
        let mut conn = connect(db).await?;
        let rows = sqlx::query_as(
            "SELECT id, ROW_NUMBER() OVER (PARTITION BY feed_id ORDER BY sort_key DESC, id DESC) FROM articles",
        )
        .fetch_all(&mut conn)
        .await?;
        conn.close().await?;
        anyhow::Ok(rows)
    })?;
    let mut read = Vec::new();
    let mut saved = Vec::new();
    for (id, position) in rows {
        let r = mix(id as u64) % 100;
        if (position > 40 && r < 92) || (position <= 40 && r < 25) {
            read.push(byline_engine::store::ArticleId(id));
        }
        if mix(id as u64 ^ 0x5A5A) % 70 == 0 {
            saved.push(byline_engine::store::ArticleId(id));
        }
    }
    rt.block_on(async {
        store.set_read_many(&read, true).await?;
        for id in &saved {
            store.set_saved(*id, true).await?;
        }
        store.close().await;
        anyhow::Ok(())
    })?;
    Ok(())
}

/// Counts and sizes of the database at `db` (closed, WAL checkpointed).
async fn describe(db: &Path) -> Result<Workload> {
    let mut conn = connect(db).await?;
    let (articles, unread, saved, muted): (i64, i64, i64, i64) = sqlx::query_as(
        "SELECT COUNT(*), COALESCE(SUM(read = 0 AND muted = 0), 0), COALESCE(SUM(saved), 0), COALESCE(SUM(muted), 0)
         FROM article_status",
    )
    .fetch_one(&mut conn)
    .await?;
    let folders: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM folders").fetch_one(&mut conn).await?;
    // Bytes per table and its indexes (dbstat may be missing from a build).
    let tables: Vec<(String, i64)> = sqlx::query_as(
        "SELECT CASE WHEN name LIKE 'articles_fts%' THEN 'articles_fts (search index)'
                     WHEN m.tbl_name IS NOT NULL THEN m.tbl_name ELSE name END AS t, SUM(pgsize)
         FROM dbstat LEFT JOIN sqlite_schema m USING (name) GROUP BY t ORDER BY 2 DESC",
    )
    .fetch_all(&mut conn)
    .await
    .unwrap_or_default();
    conn.close().await?;
    let mut file_bytes = 0;
    for suffix in ["", "-wal"] {
        file_bytes += std::fs::metadata(format!("{}{suffix}", db.display())).map_or(0, |m| m.len());
    }
    Ok(Workload { articles, unread, saved, muted, folders: folders as usize, build: None, file_bytes, tables })
}

/// Times `op` `warmup` times untimed, then `runs` times; returns the
/// samples in ms and the last result.
async fn time<T, F, Fut>(warmup: usize, runs: usize, mut op: F) -> Result<(Vec<f64>, T)>
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = byline_engine::store::Result<T>>,
{
    for _ in 0..warmup {
        op().await?;
    }
    let mut samples = Vec::with_capacity(runs);
    let mut last = None;
    for _ in 0..runs {
        let started = Instant::now();
        let out = op().await?;
        samples.push(started.elapsed().as_secs_f64() * 1000.0);
        last = Some(out);
    }
    Ok((samples, last.expect("at least one run")))
}

/// The cursor of the page after `DEEP_PAGES` pages of `query` (or of the
/// last page), and that page's number (1-based).
async fn deep_cursor(store: &Store, query: &ListQuery) -> Result<Option<(Cursor, usize)>> {
    let mut q = query.clone();
    let mut found = None;
    for page in 1..=DEEP_PAGES {
        let Page { items, next } = store.list(&q).await?;
        match next {
            Some(cursor) if !items.is_empty() => {
                found = Some((cursor, page + 1));
                q.after = Some(cursor);
            }
            _ => break,
        }
    }
    Ok(found)
}

async fn measure_all(store: &Store, args: &ScaleArgs) -> Result<(Vec<Measured>, Vec<(String, Stats, usize)>)> {
    let warmup = (args.iterations / 10).max(3);
    let feeds = store.feeds().await?;
    // One feed: the first Russian one.
    let feed = feeds
        .iter()
        .find(|f| {
            f.url.ends_with(&format!(
                "/news-{}/rss.xml",
                (0..).find(|&i| NewsLanguage::of_feed(i) == NewsLanguage::Ru).unwrap_or(1)
            ))
        })
        .context("the timed feed is missing")?
        .id;
    let folder = store
        .folders()
        .await?
        .into_iter()
        .find(|f| f.name == FOLDERS[TIMED_FOLDER].0 && f.parent_id.is_none())
        .context("the timed folder is missing")?
        .id;

    let views: Vec<(&str, ListQuery)> = vec![
        ("All", ListQuery { view: View::All, limit: PAGE, ..Default::default() }),
        ("Unread", ListQuery { view: View::Unread, limit: PAGE, ..Default::default() }),
        ("Saved", ListQuery { view: View::Saved, limit: PAGE, ..Default::default() }),
        ("One feed, all", ListQuery { view: View::All, feed: Some(feed), limit: PAGE, ..Default::default() }),
        ("One feed, unread", ListQuery { view: View::Unread, feed: Some(feed), limit: PAGE, ..Default::default() }),
        (
            "One folder (with a subfolder), all",
            ListQuery { view: View::All, folder: Some(folder), limit: PAGE, ..Default::default() },
        ),
        (
            "One folder (with a subfolder), unread",
            ListQuery { view: View::Unread, folder: Some(folder), limit: PAGE, ..Default::default() },
        ),
    ];
    let mut results = Vec::new();
    for (label, query) in &views {
        let (samples, page) = time(warmup, args.iterations, || store.list(query)).await?;
        eprintln!("{label}, first page: median {:.3} ms", Stats::new(samples.clone()).median());
        results.push(Measured {
            name: format!("`list` {label}: first page"),
            kind: Kind::List,
            stats: Stats::new(samples),
            rows: page.items.len(),
        });
        if let Some((cursor, number)) = deep_cursor(store, query).await? {
            let deep = ListQuery { after: Some(cursor), ..query.clone() };
            let (samples, page) = time(warmup, args.iterations, || store.list(&deep)).await?;
            eprintln!("{label}, page {number}: median {:.3} ms", Stats::new(samples.clone()).median());
            results.push(Measured {
                name: format!("`list` {label}: page {number} (keyset cursor)"),
                kind: Kind::List,
                stats: Stats::new(samples),
                rows: page.items.len(),
            });
        }
    }

    let (samples, _) = time(warmup, args.iterations, || store.counts()).await?;
    results.push(Measured {
        name: "`counts` (`article_counts`: all, unread, saved)".into(),
        kind: Kind::Counts,
        stats: Stats::new(samples),
        rows: 1,
    });
    let (samples, feeds) = time(warmup, args.iterations, || store.feeds()).await?;
    results.push(Measured {
        name: "`feeds` (`list_feeds`: every feed with its unread count)".into(),
        kind: Kind::Counts,
        stats: Stats::new(samples),
        rows: feeds.len(),
    });

    // Search: one warm-up round over every query, then the timed rounds.
    let queries: Vec<ListQuery> = QUERIES
        .iter()
        .map(|q| ListQuery { view: View::All, search: Some(q.to_string()), limit: PAGE, ..Default::default() })
        .collect();
    let mut per_query: Vec<(Vec<f64>, usize)> = vec![(Vec::new(), 0); queries.len()];
    for round in 0..=args.search_rounds {
        for (i, q) in queries.iter().enumerate() {
            let started = Instant::now();
            let page = store.list(q).await?;
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            if round > 0 {
                per_query[i].0.push(ms);
            }
            per_query[i].1 = page.items.len();
        }
    }
    let searches: Vec<(String, Stats, usize)> =
        QUERIES.iter().zip(per_query).map(|(q, (samples, rows))| (q.to_string(), Stats::new(samples), rows)).collect();
    Ok((results, searches))
}

/// The section's heading (without the `## `).
pub fn heading(args: &ScaleArgs) -> String {
    format!("Scale: lists, search and counts, {} articles × {} feeds", args.articles, args.feeds)
}

fn markdown(
    args: &ScaleArgs,
    facts: &Facts,
    w: &Workload,
    (ops, searches): &(Vec<Measured>, Vec<(String, Stats, usize)>),
) -> String {
    let mib = |b: f64| b / 1048576.0;
    let all_search = Stats::new(searches.iter().flat_map(|(_, s, _)| s.samples.iter().copied()).collect());
    let mut s = String::new();
    let _ = writeln!(s, "## {}\n", heading(args));
    let _ = writeln!(s, "Produced by this command, from the repository root:\n");
    let _ = writeln!(s, "```sh\n{}\n```\n", facts.command);
    facts.write_lines(&mut s);
    let _ = writeln!(
        s,
        "- Workload: {} articles over {} feeds (a third each Azerbaijani, Russian, English; 250–700 words of generated \
         news text each, `byline_testkit` `generate_news_rss`, seeded), stored through `parse_feed` → `PreparedFeed::new` → \
         `Store::store_feeds`; {} folders (one nested); a mute rule on a title word. {} unread, {} saved, {} muted.{}",
        w.articles,
        args.feeds,
        w.folders,
        w.unread,
        w.saved,
        w.muted,
        w.build.map(|d| format!(" Built in {:.0} s.", d.as_secs_f64())).unwrap_or_else(|| " (Reused an existing build.)".into())
    );
    let _ = writeln!(
        s,
        "- **Database file: {:.1} MiB** ({} bytes, after a checkpoint; {:.1} KiB an article)",
        mib(w.file_bytes as f64),
        w.file_bytes,
        w.file_bytes as f64 / 1024.0 / w.articles.max(1) as f64
    );
    if !w.tables.is_empty() {
        let parts: Vec<String> =
            w.tables.iter().take(6).map(|(t, b)| format!("{t} {:.1} MiB", mib(*b as f64))).collect();
        let _ = writeln!(s, "- Of it (tables with their indexes, `dbstat`): {}", parts.join(", "));
    }
    let _ = writeln!(
        s,
        "- Each list and count operation: {} warm-up runs, then {} timed; search: one warm-up round over the {} queries, \
         then {} timed rounds ({} searches). Times in ms, one call of the store's public API each, awaited on a tokio \
         runtime, the read pool warm.\n",
        (args.iterations / 10).max(3),
        args.iterations,
        QUERIES.len(),
        args.search_rounds,
        all_search.samples.len()
    );

    let _ = writeln!(s, "| Operation | Rows | Min | Median | p95 | Max |");
    let _ = writeln!(s, "|---|--:|--:|--:|--:|--:|");
    let row = |s: &mut String, name: &str, rows: String, st: &Stats| {
        let _ = writeln!(
            s,
            "| {name} | {rows} | {:.3} | {:.3} | {:.3} | {:.3} |",
            st.min(),
            st.median(),
            st.p95(),
            st.max()
        );
    };
    for m in ops {
        row(&mut s, &m.name, m.rows.to_string(), &m.stats);
    }
    let hits = searches.iter().filter(|(_, _, rows)| *rows > 0).count();
    row(
        &mut s,
        &format!("`list` with `search`, first page with snippets, all {} queries", QUERIES.len()),
        format!("{hits} queries with hits"),
        &all_search,
    );
    let _ = writeln!(s);

    let verdict = |ok: bool| if ok { "met" } else { "**missed**" };
    let _ = writeln!(s, "### Targets\n");
    let _ = writeln!(s, "| Target | Measured | |");
    let _ = writeln!(s, "|---|--:|---|");
    let worst =
        |kind: Kind| ops.iter().filter(|m| m.kind == kind).max_by(|a, b| a.stats.median().total_cmp(&b.stats.median()));
    if let Some(m) = worst(Kind::List) {
        let _ = writeln!(
            s,
            "| A page of {PAGE} list rows < {LIST_TARGET_MS} ms (median of the slowest view: {}) | {:.3} ms | {} |",
            m.name,
            m.stats.median(),
            verdict(m.stats.median() < LIST_TARGET_MS)
        );
    }
    let _ = writeln!(
        s,
        "| Search < {SEARCH_TARGET_MS} ms at p95 over the {} queries | {:.3} ms | {} |",
        QUERIES.len(),
        all_search.p95(),
        verdict(all_search.p95() < SEARCH_TARGET_MS)
    );
    if let Some(m) = worst(Kind::Counts) {
        let _ = writeln!(
            s,
            "| Counts < {COUNTS_TARGET_MS} ms (median of the slower: {}) | {:.3} ms | {} |",
            m.name,
            m.stats.median(),
            verdict(m.stats.median() < COUNTS_TARGET_MS)
        );
    }
    let _ = writeln!(s);

    let mut slow: Vec<&(String, Stats, usize)> = searches.iter().collect();
    slow.sort_by(|a, b| b.1.median().total_cmp(&a.1.median()));
    let _ = writeln!(s, "<details><summary>Every search query, slowest first (ms)</summary>\n");
    let _ = writeln!(s, "| Query | Rows | Min | Median | p95 | Max |");
    let _ = writeln!(s, "|---|--:|--:|--:|--:|--:|");
    for (q, st, rows) in slow {
        row(&mut s, &format!("`{}`", q.replace('`', "'")), rows.to_string(), st);
    }
    let _ = writeln!(s, "\n</details>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_quantiles() {
        let st = Stats::new((1..=100).rev().map(f64::from).collect());
        assert_eq!((st.min(), st.median(), st.p95(), st.max()), (1.0, 50.0, 95.0, 100.0));
        assert_eq!(Stats::new(vec![3.0]).p95(), 3.0);
    }

    #[test]
    fn the_queries_are_distinct() {
        let mut q = QUERIES.to_vec();
        q.sort_unstable();
        q.dedup();
        assert_eq!(q.len(), QUERIES.len());
    }
}
