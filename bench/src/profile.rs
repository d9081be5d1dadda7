//! The hidden `byline-profile` subcommand: the steps of a cold sync run one
//! phase at a time, on a fresh database, each timed on its own (wall, the
//! process's user and system CPU, context switches), to see what dominates.
//! It uses only the engine's public API (`Fetcher::get`,
//! `byline_feeds::parse_feed`, `Store::store_feed`), in the order
//! `Engine::sync` uses them, but not overlapped.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use anyhow::{bail, Context, Result};
use byline_engine::feeds::{parse_feed, sanitize::html_to_text, ParsedFeed};
use byline_engine::store::{fold::fold, FetchValidators};
use byline_engine::{Engine, EngineConfig};
use sqlx::{Connection, Executor};

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
    let urls: Vec<String> = std::fs::read_to_string(&args.urls)
        .with_context(|| format!("read {}", args.urls.display()))?
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    let rt = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    println!("{TABLE_HEADER}");
    rt.block_on(async move {
        let t = snap();
        let engine = Engine::open(&args.db, EngineConfig::default()).await?;
        report("Engine::open (fresh file, migrations)", &t);

        let t = snap();
        let mut feeds = Vec::new();
        for url in &urls {
            feeds.push(engine.store().add_feed(url, None).await?);
        }
        report(&format!("add_feed × {}", urls.len()), &t);

        // Fetch: every feed at once, limited by the fetcher's own semaphores.
        let t = snap();
        let mut tasks = tokio::task::JoinSet::new();
        for (i, feed) in feeds.iter().enumerate() {
            let fetcher = engine.fetcher().clone();
            let url = feed.url.clone();
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
        report(
            &format!(
                "Fetcher::get × {} ({:.1} MiB; all at once, limited by the fetcher as in sync)",
                feeds.len(),
                bytes as f64 / 1048576.0
            ),
            &t,
        );

        let t = snap();
        let mut hashes = Vec::new();
        for f in fetched.iter().flatten() {
            hashes.push(blake3_hex(f.body.as_deref().unwrap_or_default()));
        }
        report("blake3 of every body", &t);

        // Parse: one thread, one feed after another (sync runs these on the blocking pool).
        let t = snap();
        let mut parsed: Vec<ParsedFeed> = Vec::new();
        for f in fetched.iter().flatten() {
            let body = f.body.as_deref().unwrap_or_default();
            parsed.push(parse_feed(body, f.content_type.as_deref(), Some(f.final_url.as_str()))?);
        }
        let entries: usize = parsed.iter().map(|p| p.entries.len()).sum();
        report(&format!("parse_feed × {} ({entries} entries; one thread, one feed after another)", parsed.len()), &t);

        // What store_feed does per new entry before SQLite: the search text.
        let t = snap();
        let mut text_bytes = 0usize;
        for p in &parsed {
            for e in &p.entries {
                let mut text = String::new();
                for html in [e.summary_html.as_deref(), e.content_html.as_deref()].into_iter().flatten() {
                    text.push_str(&html_to_text(html));
                    text.push('\n');
                }
                text_bytes += fold(&text).len() + fold(&e.title).len();
            }
        }
        report(&format!("search text as store_feed builds it (`html_to_text` + `fold`) × {entries}, timed alone"), &t);
        std::hint::black_box(text_bytes);

        // Store: one feed after another through the single writer.
        let rules = engine.store().rule_set().await?;
        let t = snap();
        let mut new = 0;
        for ((feed, f), (p, hash)) in feeds.iter().zip(fetched.iter().flatten()).zip(parsed.iter().zip(&hashes)) {
            let v = FetchValidators {
                etag: f.validators.etag.as_deref(),
                last_modified: f.validators.last_modified.as_deref(),
                content_hash: Some(hash),
            };
            new += engine.store().store_feed(feed.id, p, &v, &rules).await?.new;
        }
        report(
            &format!(
                "Store::store_feed × {} ({new} new articles; one transaction per feed, one feed after another)",
                feeds.len()
            ),
            &t,
        );

        let t = snap();
        engine.store().close().await;
        report("Store::close", &t);

        // The cost of one sqlx round trip on this machine: store_feed makes
        // five per new article (2 SELECTs, 3 INSERTs).
        let n = 5 * entries;
        let options = sqlx::sqlite::SqliteConnectOptions::new().filename(&args.db);
        let mut conn = sqlx::SqliteConnection::connect_with(&options).await?;
        conn.execute("BEGIN").await?;
        let t = snap();
        for i in 0..n as i64 {
            let _: i64 = sqlx::query_scalar("SELECT ?").bind(i).fetch_one(&mut conn).await?;
        }
        report(&format!("reference: bare sqlx round trips, `SELECT ?` × {n} (5 per article, as store_feed)"), &t);
        conn.execute("ROLLBACK").await?;
        conn.close().await?;
        Ok(())
    })
}

fn blake3_hex(bytes: &[u8]) -> String {
    blake3::hash(bytes).to_hex().to_string()
}
