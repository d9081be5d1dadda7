//! The hidden `byline-profile` subcommand: the steps of a cold sync run one
//! phase at a time, on a fresh database, each timed on its own (wall, the
//! process's user and system CPU, context switches), to see what dominates.
//! It uses only the engine's public API (`Fetcher::get`,
//! `byline_feeds::parse_feed`, `PreparedFeed::new`, `Store::store_feeds`),
//! in the order `Engine::sync_feeds` uses them, but not overlapped.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Result};
use byline_engine::feeds::sanitize::{html_to_text, sanitize_html};
use byline_engine::feeds::{parse_feed, ParsedFeed};
use byline_engine::store::fold::fold;
use byline_engine::store::{FeedId, FetchValidators, NewSubscription, PreparedFeed, Subscribed};
use byline_engine::{Engine, EngineConfig};

/// How rows that only break another phase down begin; they are left out of
/// the totals.
pub const REFERENCE: &str = "reference";

/// Feeds stored in one transaction: the most the sync's writer takes at
/// once (its queue of parsed feeds holds 64).
const BATCH_FEEDS: usize = 64;

/// Arguments of `byline-bench byline-profile`.
#[derive(Debug, clap::Args)]
pub struct ProfileArgs {
    /// The database file; must not exist.
    #[arg(long)]
    pub db: PathBuf,
    /// A file with one feed URL a line.
    #[arg(long)]
    pub urls: PathBuf,
}

struct Snap {
    wall: Instant,
    user: Duration,
    sys: Duration,
    vcsw: i64,
    ivcsw: i64,
}

fn snap() -> Snap {
    // SAFETY: an all-zero rusage is valid; getrusage only writes into it.
    let mut ru: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: RUSAGE_SELF with a pointer to a live local.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut ru) };
    let tv = |t: libc::timeval| Duration::from_secs(t.tv_sec as u64) + Duration::from_micros(t.tv_usec as u64);
    Snap { wall: Instant::now(), user: tv(ru.ru_utime), sys: tv(ru.ru_stime), vcsw: ru.ru_nvcsw, ivcsw: ru.ru_nivcsw }
}

/// Prints one Markdown table row for the phase that started at `from`.
fn report(name: &str, from: &Snap) {
    let to = snap();
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "| {name} | {:.1} | {:.1} | {:.1} | {} | {} |",
        ms(to.wall - from.wall),
        ms(to.user - from.user),
        ms(to.sys - from.sys),
        to.vcsw - from.vcsw,
        to.ivcsw - from.ivcsw
    );
}

/// The header of the table the rows above belong to.
pub const TABLE_HEADER: &str = "| Phase | Wall ms | User CPU ms | Sys CPU ms | Voluntary ctx switches | Involuntary ctx switches |\n|---|--:|--:|--:|--:|--:|";

pub fn run(args: ProfileArgs) -> Result<()> {
    if args.db.exists() {
        bail!("{} exists; byline-profile wants a fresh database", args.db.display());
    }
    let urls = crate::byline_child::read_urls(&args.urls)?;
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    println!("{TABLE_HEADER}");
    rt.block_on(async move {
        let t = snap();
        let engine = Engine::open(&args.db, EngineConfig::default()).await?;
        report("Engine::open (fresh file, migrations)", &t);

        let t = snap();
        let subscriptions: Vec<NewSubscription> =
            urls.iter().map(|url| NewSubscription { url, ..Default::default() }).collect();
        let feeds: Vec<FeedId> = engine
            .store()
            .add_feeds(&subscriptions)
            .await?
            .into_iter()
            .map(|s| match s {
                Subscribed::Added(id) => Ok(id),
                other => Err(anyhow::anyhow!("not subscribed: {other:?}")),
            })
            .collect::<Result<_>>()?;
        report(&format!("Store::add_feeds × {} (one transaction)", urls.len()), &t);

        // Fetch: every feed at once, limited by the fetcher's own semaphores.
        let t = snap();
        let mut tasks = tokio::task::JoinSet::new();
        for (i, url) in urls.iter().enumerate() {
            let fetcher = engine.fetcher().clone();
            let url = url.clone();
            tasks.spawn(async move { (i, fetcher.get(&url, None).await) });
        }
        let mut fetched = vec![None; feeds.len()];
        let mut bytes = 0usize;
        while let Some(joined) = tasks.join_next().await {
            let (i, result) = joined?;
            let f = result?;
            bytes += f.body.as_ref().map_or(0, Vec::len);
            fetched[i] = Some(f);
        }
        let fetched: Vec<_> = fetched.into_iter().flatten().collect();
        report(
            &format!(
                "Fetcher::get × {} ({:.1} MiB; all at once, limited by the fetcher as in sync)",
                feeds.len(),
                bytes as f64 / 1048576.0
            ),
            &t,
        );

        let t = snap();
        let hashes: Vec<String> = fetched.iter().map(|f| blake3_hex(f.body.as_deref().unwrap_or_default())).collect();
        report("blake3 of every body", &t);

        // Parse: one thread, one feed after another (sync runs these on blocking threads, one per core).
        let t = snap();
        let mut parsed: Vec<ParsedFeed> = Vec::new();
        for f in &fetched {
            let body = f.body.as_deref().unwrap_or_default();
            parsed.push(parse_feed(body, f.content_type.as_deref(), Some(f.final_url.as_str()))?);
        }
        let entries: usize = parsed.iter().map(|p| p.entries.len()).sum();
        report(&format!("parse_feed × {} ({entries} entries; one thread, one feed after another)", parsed.len()), &t);

        // What parse_feed is made of: the XML parser alone, then the sanitizer
        // alone on the HTML it found (references, not phases of their own).
        let t = snap();
        let mut raw_html = Vec::new();
        for f in &fetched {
            let feed = feed_rs::parser::parse(f.body.as_deref().unwrap_or_default())?;
            for entry in feed.entries {
                raw_html.extend(entry.summary.map(|t| t.content));
                raw_html.extend(entry.content.and_then(|c| c.body));
            }
        }
        report(&format!("{REFERENCE}: feed-rs alone × {} (the XML parser inside parse_feed)", fetched.len()), &t);
        // The same bytes through another kept RSS parser, and through the bare
        // XML tokenizer both stand on: what a faster parser could save.
        let t = snap();
        let mut items = 0;
        for f in &fetched {
            items += rss::Channel::read_from(f.body.as_deref().unwrap_or_default())?.items().len();
        }
        report(
            &format!("{REFERENCE}: the rss crate alone × {} ({items} items; another kept RSS parser)", fetched.len()),
            &t,
        );
        let t = snap();
        let mut events = 0usize;
        for f in &fetched {
            let mut reader = quick_xml::Reader::from_reader(f.body.as_deref().unwrap_or_default());
            let mut buf = Vec::new();
            loop {
                match reader.read_event_into(&mut buf)? {
                    quick_xml::events::Event::Eof => break,
                    _ => events += 1,
                }
                buf.clear();
            }
        }
        report(
            &format!(
                "{REFERENCE}: a bare quick-xml pass × {} ({events} events; the tokenizer under both)",
                fetched.len()
            ),
            &t,
        );

        let t = snap();
        let base = url::Url::parse(&urls[0])?;
        let sanitized: usize = raw_html.iter().map(|html| sanitize_html(html, Some(&base)).len()).sum();
        std::hint::black_box(sanitized);
        report(&format!("{REFERENCE}: sanitize_html alone × {} (ammonia, inside parse_feed)", raw_html.len()), &t);

        // What PreparedFeed::new and the store do per byte: the search text
        // (the sanitized HTML's text, folded) and its full-text index.
        let t = snap();
        let texts: Vec<String> = parsed
            .iter()
            .flat_map(|p| &p.entries)
            .map(|e| {
                let mut text = String::new();
                for html in [e.summary_html.as_deref(), e.content_html.as_deref()].into_iter().flatten() {
                    text.push_str(&html_to_text(html));
                    text.push('\n');
                }
                text
            })
            .collect();
        let text_bytes: usize = texts.iter().map(String::len).sum();
        report(
            &format!(
                "{REFERENCE}: html_to_text × {} ({:.1} MiB of text; the search text, inside PreparedFeed::new)",
                texts.len(),
                text_bytes as f64 / 1048576.0
            ),
            &t,
        );
        let t = snap();
        let folded: Vec<String> = texts.iter().map(|text| fold(text)).collect();
        report(&format!("{REFERENCE}: fold × {} (search folding of that text, inside PreparedFeed::new)", folded.len()), &t);
        let t = snap();
        fts_alone(&folded).await?;
        report(
            &format!(
                "{REFERENCE}: FTS5 insert alone × {} (that text into an empty in-memory articles_fts, one transaction; inside Store::store_feeds)",
                folded.len()
            ),
            &t,
        );

        // Prepare: hashes, search text, rules (on the same blocking thread as the parse, in sync).
        let rules = engine.store().rule_set().await?;
        let t = snap();
        let prepared: Vec<PreparedFeed> = parsed
            .into_iter()
            .zip(&fetched)
            .zip(feeds.iter().zip(&hashes))
            .map(|((p, f), (id, hash))| {
                let v = FetchValidators {
                    etag: f.validators.etag.as_deref(),
                    last_modified: f.validators.last_modified.as_deref(),
                    content_hash: Some(hash),
                };
                PreparedFeed::new(*id, p, &v, &rules)
            })
            .collect();
        report(&format!("PreparedFeed::new × {} (search text folded, hashes, rules; one thread)", prepared.len()), &t);

        // Store: through the single writer, in batches as large as the sync's queue.
        let t = snap();
        let mut new = 0;
        for batch in prepared.chunks(BATCH_FEEDS) {
            for outcome in engine.store().store_feeds(batch).await {
                new += outcome?.new;
            }
        }
        report(
            &format!(
                "Store::store_feeds ({new} new articles; {} feeds a transaction, one batch after another)",
                BATCH_FEEDS
            ),
            &t,
        );

        let t = snap();
        engine.store().close().await;
        report("Store::close", &t);
        Ok(())
    })
}

/// Inserts `bodies` into an in-memory copy of the store's full-text table
/// (same columns and tokenizer), 1000 rows a statement, in one
/// transaction: what the search index costs without the rest of the store.
async fn fts_alone(bodies: &[String]) -> Result<()> {
    use sqlx::Connection;
    let mut conn = sqlx::SqliteConnection::connect("sqlite::memory:").await?;
    sqlx::query(
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, author, body, content = '', contentless_delete = 1,
           tokenize = 'unicode61 remove_diacritics 2')",
    )
    .execute(&mut conn)
    .await?;
    let mut tx = conn.begin().await?;
    for (n, chunk) in bodies.chunks(1000).enumerate() {
        let mut sql: sqlx::QueryBuilder<sqlx::Sqlite> =
            sqlx::QueryBuilder::new("INSERT INTO articles_fts (rowid, title, author, body) ");
        sql.push_values(chunk.iter().enumerate(), |mut row, (i, body)| {
            row.push_bind((n * 1000 + i + 1) as i64).push_bind("").push_bind("").push_bind(body.as_str());
        });
        sql.build().persistent(false).execute(&mut *tx).await?;
    }
    tx.commit().await?;
    conn.close().await?;
    Ok(())
}

fn blake3_hex(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}
