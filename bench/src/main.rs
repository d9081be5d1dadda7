//! `byline-bench`: a reproducible sync benchmark, Byline against newsboat.
//!
//! ```text
//! cargo run --release -p byline-bench -- [--feeds 200] [--items 50] [--runs 3]
//!     [--peer newsboat|none] [--hosts 1] [--content light|full] [--out BENCHMARKS.md]
//! ```
//!
//! The benchmark process generates `feeds` RSS documents of `items` items
//! each (`byline_testkit::generate_rss_with`: with `--content light`, the
//! default, about 1 KB of HTML an item; with `--content full`, the whole
//! article, 3–4 KB of Azerbaijani, Russian or English HTML in
//! `content:encoded`) and serves them from 127.0.0.1 with
//! `byline_testkit::FixtureServer` (strong ETag and Last-Modified on every
//! feed, so a re-sync gets 304s), on a tokio runtime of its own. Every
//! contender runs as a child process, reaped with `wait4(2)`, so wall time,
//! user+sys CPU time and peak RSS are the contender's alone:
//!
//! * **byline**: this binary re-invoked as `byline-bench byline-sync` (see
//!   [`byline_child`]): open the engine, subscribe to every URL (cold only),
//!   one `Engine::sync`, close the store.
//! * **newsboat**: `newsboat -x reload -u URLS -c CACHE -C CONFIG` in a
//!   private `HOME`, once with an empty config (newsboat's default of one
//!   reload thread) and once with `reload-threads 8`.
//!
//! Each run does, for every contender, a **cold** sync (fresh temporary
//! directory, empty database or cache) and then a **warm** one (same
//! database, every feed answering 304). The median of each metric over the
//! runs is reported as a Markdown table; with `--out FILE` the table replaces
//! its section of FILE (other sections are kept).
//!
//! newsboat 2.21 does not store a new feed's validators on its first
//! download, so before its measured warm run the benchmark runs one
//! unmeasured `reload` (see the comment in [`bench`]).
//!
//! `byline-bench profile [--feeds N --items M --content light|full] [--out BENCHMARKS.md]` serves
//! the same feeds and runs a cold Byline sync phase by phase (open, add,
//! fetch, parse, store) in a child process, timing each (see [`profile`]).
//!
//! `byline-bench scale [--articles 100000 --feeds 200] [--out BENCHMARKS.md]`
//! builds a database of generated news articles and times the store's
//! lists, search and counts on it (see [`scale`]).
//!
//! `byline-bench server-sync [--runs 3] [--out BENCHMARKS.md]` syncs the same
//! 10,000 items from a real FreshRSS (Google Reader and Fever APIs) with
//! `byline-cli`, against `byline-cli import` straight from the feeds, cold
//! and with a few new items (see [`server_sync`]).
//!
//! Debugging aids: `byline-bench serve --urls FILE [--feeds N --items M]`
//! serves the same feeds until killed (with `--changing`, each feed has new
//! items at once and after every request it answers, so every sync stores them: the
//! app benchmark `bench/app/responsiveness.sh`); `BYLINE_BENCH_DUMP=1` prints the
//! headers of the first request of each measured sync.

mod byline_child;
mod markdown;
mod measure;
mod profile;
mod provenance;
mod report;
mod scale;
mod server_sync;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use byline_testkit::{generate_rss_with, Fixture, FixtureServer, ItemContent};
use clap::{Parser, Subcommand, ValueEnum};
use sqlx::Connection;

use crate::byline_child::{ChildOutput, Phases};
use crate::measure::Usage;

/// Fixed validators: the documents never change during a benchmark.
const LAST_MODIFIED: &str = "Mon, 02 Mar 2026 08:00:00 GMT";
/// Where the generated items link to (never fetched).
const SITE: &str = "https://bench.byline.invalid";

#[derive(Debug, Parser)]
#[command(
    name = "byline-bench",
    about = "Sync benchmark: Byline against newsboat on generated feeds served from 127.0.0.1"
)]
#[command(args_conflicts_with_subcommands = true)]
struct Cli {
    #[command(subcommand)]
    cmd: Option<Cmd>,
    #[command(flatten)]
    bench: BenchArgs,
}

#[derive(Debug, Subcommand)]
enum Cmd {
    /// (internal) One Byline sync, run and measured as a child process.
    #[command(hide = true)]
    BylineSync(byline_child::SyncArgs),
    /// (profiling) A cold Byline sync split into phases, each timed alone.
    #[command(hide = true)]
    BylineProfile(profile::ProfileArgs),
    /// Byline's cold sync split into phases (open, add, fetch, parse, store),
    /// each timed alone in a child process, against the same served feeds.
    Profile(ProfileCmd),
    /// Lists, search and counts on a database of 100,000 generated articles:
    /// min, median, p95 and max of each, against the targets.
    Scale(scale::ScaleArgs),
    /// 10,000 items synced from a local FreshRSS (Google Reader and Fever
    /// APIs) with `byline-cli`, against the same items straight from the
    /// feeds: cold, and re-syncs with nothing and with a few items new.
    ServerSync(server_sync::ServerSyncArgs),
    /// (debugging) Serve the benchmark's feeds, write their URLs to a file,
    /// and keep serving until killed.
    #[command(hide = true)]
    Serve {
        #[command(flatten)]
        bench: BenchArgs,
        /// Where to write the URLs, one a line.
        #[arg(long)]
        urls: PathBuf,
        /// Give each feed new items (new GUIDs, a new ETag) at once and
        /// again after every request it answered, so every sync stores them.
        #[arg(long)]
        changing: bool,
    },
}

#[derive(Debug, Clone, clap::Args)]
struct ProfileCmd {
    /// Number of feeds.
    #[arg(long, default_value_t = 200)]
    feeds: usize,
    /// Items in each feed.
    #[arg(long, default_value_t = 50)]
    items: usize,
    /// Number of fixture servers (distinct ports) the feeds are spread over.
    #[arg(long, default_value_t = 1)]
    hosts: usize,
    /// What each item carries.
    #[arg(long, value_enum, default_value_t = Content::Light)]
    content: Content,
    /// Write the results into this Markdown file, replacing their section.
    #[arg(long)]
    out: Option<PathBuf>,
}

/// What each generated item carries (`--content`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub(crate) enum Content {
    /// About 1 KB of English HTML in the `description`.
    Light,
    /// The whole article: 3–4 KB of az/ru/en HTML in `content:encoded`,
    /// its first paragraph in the `description`.
    Full,
}

impl Content {
    fn item_content(self) -> ItemContent {
        match self {
            Content::Light => ItemContent::Light,
            Content::Full => ItemContent::Full,
        }
    }

    /// What a section's heading adds for this corpus (nothing for the light one).
    pub(crate) fn heading_suffix(self) -> &'static str {
        match self {
            Content::Light => "",
            Content::Full => ", full content",
        }
    }

    /// The corpus in words, for the report's workload line.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Content::Light => {
                "about 1 KB of English HTML an item in the `description` (`generate_rss`, `ItemContent::Light`)"
            }
            Content::Full => {
                "the whole article an item, 3–4 KB of Azerbaijani, Russian or English HTML (paragraphs, a figure, \
                 a blockquote, a subheading, links, entities) in `content:encoded` and its first paragraph in the \
                 `description` (`generate_rss_with`, `ItemContent::Full`)"
            }
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Peer {
    /// Compare with newsboat (default config, and `reload-threads 8`).
    Newsboat,
    /// Byline alone.
    None,
}

#[derive(Debug, Clone, clap::Args)]
struct BenchArgs {
    /// Number of feeds.
    #[arg(long, default_value_t = 200)]
    feeds: usize,
    /// Items in each feed.
    #[arg(long, default_value_t = 50)]
    items: usize,
    /// Repetitions; the median of each metric is reported.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// What to compare Byline with.
    #[arg(long, value_enum, default_value_t = Peer::Newsboat)]
    peer: Peer,
    /// Number of fixture servers (distinct 127.0.0.1 ports) the feeds are
    /// spread over, round-robin. Byline limits concurrent requests per
    /// host:port (2 by default), so with 1 every feed shares that limit.
    #[arg(long, default_value_t = 1)]
    hosts: usize,
    /// What each item carries: `light` (about 1 KB) or `full` (the whole
    /// article, 3–4 KB of HTML in `content:encoded`).
    #[arg(long, value_enum, default_value_t = Content::Light)]
    content: Content,
    /// Write the results into this Markdown file, replacing their section.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Keep the temporary directories (databases, caches, logs) and print where.
    #[arg(long)]
    keep: bool,
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    match cli.cmd {
        Some(Cmd::BylineSync(args)) => byline_child::run(args),
        Some(Cmd::BylineProfile(args)) => profile::run(args),
        Some(Cmd::Profile(args)) => profile_cmd(args),
        Some(Cmd::Scale(args)) => scale::run(args),
        Some(Cmd::ServerSync(args)) => server_sync::run(args),
        Some(Cmd::Serve { bench, urls, changing }) => {
            let servers = Servers::start(bench.feeds, bench.items, bench.hosts, bench.content)?;
            std::fs::write(&urls, servers.urls().join("\n") + "\n")?;
            eprintln!("URLs in {}; serving until killed", urls.display());
            if changing {
                servers.keep_changing(bench.items, bench.content);
            }
            loop {
                std::thread::sleep(Duration::from_secs(3600));
            }
        }
        None => bench(cli.bench),
    }
}

/// One contender.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Contender {
    Byline,
    /// newsboat with this `reload-threads` (`None`: not set, newsboat's default of 1).
    Newsboat(Option<u32>),
}

impl Contender {
    fn label(self) -> String {
        match self {
            Contender::Byline => "byline".into(),
            Contender::Newsboat(None) => "newsboat (default: 1 reload thread)".into(),
            Contender::Newsboat(Some(n)) => format!("newsboat (reload-threads {n})"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Scenario {
    Cold,
    Warm,
}

impl Scenario {
    fn label(self) -> &'static str {
        match self {
            Scenario::Cold => "cold",
            Scenario::Warm => "warm",
        }
    }
}

/// One measured sync.
#[derive(Debug, Clone)]
struct Sample {
    usage: Usage,
    /// Rows in the contender's database afterwards.
    items: i64,
    /// Requests the server received during the sync.
    requests: usize,
    /// Of those, the ones the server answered 304 (validators matched).
    not_modified: usize,
    /// Byline only: time per phase inside the child.
    phases: Option<Phases>,
}

/// One feed as served.
struct Served {
    server: usize,
    path: String,
    etag: String,
}

struct Servers {
    rt: tokio::runtime::Runtime,
    servers: Vec<FixtureServer>,
    feeds: Vec<Served>,
    /// Bytes of RSS served, all feeds together.
    corpus_bytes: usize,
}

impl Servers {
    fn start(n_feeds: usize, items: usize, hosts: usize, content: Content) -> Result<Self> {
        // The server's own runtime; its CPU time is not charged to any contender.
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build()?;
        let servers: Vec<FixtureServer> = rt.block_on(async {
            let mut v = Vec::new();
            for _ in 0..hosts.max(1) {
                v.push(FixtureServer::start().await);
            }
            v
        });
        let mut feeds = Vec::with_capacity(n_feeds);
        let mut bytes_total = 0usize;
        for i in 0..n_feeds {
            let doc = generate_rss_with(i, items, SITE, content.item_content());
            bytes_total += doc.len();
            let server = i % servers.len();
            let path = format!("/feed-{i}/rss.xml");
            let etag = format!("\"bench-{i}-{:x}\"", doc.len());
            servers[server].route(
                &path,
                Fixture::body("application/rss+xml; charset=utf-8", doc).etag(&etag).last_modified(LAST_MODIFIED),
            );
            feeds.push(Served { server, path, etag });
        }
        eprintln!(
            "serving {} feeds × {} items ({:.1} MiB of RSS) from {} server(s) on 127.0.0.1",
            n_feeds,
            items,
            bytes_total as f64 / (1024.0 * 1024.0),
            servers.len()
        );
        Ok(Self { rt, servers, feeds, corpus_bytes: bytes_total })
    }

    /// Serves each feed anew at once and after every request it answered: the same
    /// feed with its items' GUIDs prefixed by a generation number and a new
    /// ETag, so the next sync finds `items` new items in every feed. Looks
    /// every 50 ms; never returns.
    fn keep_changing(&self, items: usize, content: Content) -> ! {
        // Nothing answered yet: every feed changes at once, so even the first sync stores new items.
        let mut answered = vec![usize::MAX; self.feeds.len()];
        let mut generation = 0u64;
        loop {
            std::thread::sleep(Duration::from_millis(50));
            for (i, feed) in self.feeds.iter().enumerate() {
                let hits = self.servers[feed.server].hits(&feed.path);
                if hits == answered[i] {
                    continue;
                }
                answered[i] = hits;
                generation += 1;
                let doc = generate_rss_with(i, items, SITE, content.item_content())
                    .replace("<guid isPermaLink=\"false\">", &format!("<guid isPermaLink=\"false\">g{generation}-"));
                let etag = format!("\"bench-{i}-g{generation}\"");
                self.servers[feed.server].route(
                    &feed.path,
                    Fixture::body("application/rss+xml; charset=utf-8", doc).etag(&etag).last_modified(LAST_MODIFIED),
                );
            }
        }
    }

    fn urls(&self) -> Vec<String> {
        self.feeds.iter().map(|f| self.servers[f.server].url(&f.path)).collect()
    }

    /// Requests received so far, per feed.
    fn snapshot(&self) -> Vec<usize> {
        self.feeds.iter().map(|f| self.servers[f.server].hits(&f.path)).collect()
    }

    /// Requests since `before`, and how many of them were answered 304 (the
    /// fixture's rule: `If-None-Match` matching the ETag, or, without it, an
    /// `If-Modified-Since` equal to the Last-Modified).
    fn since(&self, before: &[usize]) -> (usize, usize) {
        let (mut requests, mut not_modified) = (0, 0);
        for (feed, &skip) in self.feeds.iter().zip(before) {
            for headers in self.servers[feed.server].request_headers(&feed.path).iter().skip(skip) {
                requests += 1;
                if std::env::var_os("BYLINE_BENCH_DUMP").is_some() && requests == 1 {
                    eprintln!("{headers:?}");
                }
                let inm = headers.get("if-none-match").and_then(|v| v.to_str().ok());
                let ims = headers.get("if-modified-since").and_then(|v| v.to_str().ok());
                let revalidated = match inm {
                    Some(list) => {
                        list.split(',').map(|t| t.trim().trim_start_matches("W/")).any(|t| t == "*" || t == feed.etag)
                    }
                    None => ims.is_some_and(|s| s.trim() == LAST_MODIFIED),
                };
                not_modified += usize::from(revalidated);
            }
        }
        (requests, not_modified)
    }

    /// `SELECT COUNT(*) FROM table` in a SQLite file.
    fn count_rows(&self, db: &Path, table: &str) -> Result<i64> {
        self.rt.block_on(async {
            let options = sqlx::sqlite::SqliteConnectOptions::new().filename(db).create_if_missing(false);
            let mut conn = sqlx::SqliteConnection::connect_with(&options)
                .await
                .with_context(|| format!("open {}", db.display()))?;
            let n: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&mut conn).await?;
            conn.close().await?;
            Ok(n)
        })
    }
}

fn bench(args: BenchArgs) -> Result<()> {
    if args.feeds == 0 || args.items == 0 || args.runs == 0 {
        bail!("--feeds, --items and --runs must be at least 1");
    }
    let mut contenders = vec![Contender::Byline];
    let newsboat_version = if args.peer == Peer::Newsboat {
        contenders.push(Contender::Newsboat(None));
        contenders.push(Contender::Newsboat(Some(8)));
        let out = Command::new("newsboat")
            .arg("--version")
            .output()
            .context("newsboat not found (apt-get install -y newsboat, or use --peer none)")?;
        Some(
            String::from_utf8_lossy(&out.stdout)
                .lines()
                .next()
                .unwrap_or("newsboat (unknown version)")
                .trim()
                .to_string(),
        )
    } else {
        None
    };
    let facts = report::Facts::collect(newsboat_version.clone());

    let servers = Servers::start(args.feeds, args.items, args.hosts, args.content)?;
    let root = tempfile::Builder::new().prefix("byline-bench-").tempdir()?;
    let urls_file = root.path().join("urls.txt");
    std::fs::write(&urls_file, servers.urls().join("\n") + "\n")?;
    let exe = std::env::current_exe()?;
    let expected = (args.feeds * args.items) as i64;

    let mut samples: HashMap<(Contender, Scenario), Vec<Sample>> = HashMap::new();
    let mut notes: Vec<String> = Vec::new();
    for run in 1..=args.runs {
        for &contender in &contenders {
            let dir = root.path().join(format!("run{run}-{}", slug(contender)));
            std::fs::create_dir_all(&dir)?;
            for scenario in [Scenario::Cold, Scenario::Warm] {
                let sample = match contender {
                    Contender::Byline => {
                        let before = servers.snapshot();
                        let db = dir.join("byline.sqlite3");
                        let mut cmd = Command::new(&exe);
                        cmd.arg("byline-sync").arg("--db").arg(&db).arg("--urls").arg(&urls_file);
                        cmd.arg("--expect-new").arg(if scenario == Scenario::Cold {
                            expected.to_string()
                        } else {
                            "0".into()
                        });
                        if scenario == Scenario::Cold {
                            cmd.arg("--add");
                        }
                        let (stdout, stderr) = logs(&dir, scenario);
                        let usage = measure::run(&mut cmd, &stdout, &stderr)?;
                        let out: ChildOutput = serde_json::from_str(std::fs::read_to_string(&stdout)?.trim())
                            .context("byline-sync printed no report")?;
                        let (requests, not_modified) = servers.since(&before);
                        let items = servers.count_rows(&db, "articles")?;
                        Sample { usage, items, requests, not_modified, phases: Some(out.phases) }
                    }
                    Contender::Newsboat(threads) => {
                        if scenario == Scenario::Warm {
                            // newsboat 2.21 saves a new feed's ETag/Last-Modified
                            // only from its second download on (the UPDATE runs
                            // before the feed's row is INSERTed), so its first
                            // re-sync downloads everything again. One unmeasured
                            // reload stores the validators; the measured warm run
                            // then gets 304s like Byline's.
                            let (mut prime, _) = newsboat_command(&dir, &urls_file, threads)?;
                            measure::run(&mut prime, &dir.join("prime.stdout"), &dir.join("prime.stderr"))?;
                        }
                        let before = servers.snapshot();
                        let (mut cmd, cache) = newsboat_command(&dir, &urls_file, threads)?;
                        let (stdout, stderr) = logs(&dir, scenario);
                        let usage = measure::run(&mut cmd, &stdout, &stderr)?;
                        let (requests, not_modified) = servers.since(&before);
                        let items = servers.count_rows(&cache, "rss_item")?;
                        Sample { usage, items, requests, not_modified, phases: None }
                    }
                };
                if sample.items != expected {
                    let note = format!(
                        "run {run}, {} {}: {} items stored, expected {expected}",
                        contender.label(),
                        scenario.label(),
                        sample.items
                    );
                    eprintln!("WARNING: {note}");
                    notes.push(note);
                }
                eprintln!(
                    "run {run}/{}: {:<38} {}  wall {:>8.1} ms  cpu {:>8.1} ms  rss {:>6.1} MiB  items {}  requests {} ({} × 304)",
                    args.runs,
                    contender.label(),
                    scenario.label(),
                    ms(sample.usage.wall),
                    ms(sample.usage.cpu),
                    mib(sample.usage.peak_rss),
                    sample.items,
                    sample.requests,
                    sample.not_modified
                );
                samples.entry((contender, scenario)).or_default().push(sample);
            }
        }
    }

    let markdown = report::markdown(&args, &facts, &contenders, &samples, &notes, servers.corpus_bytes);
    println!("{markdown}");
    if let Some(out) = &args.out {
        report::write_section(out, &report::heading(&args), &markdown)?;
        eprintln!("wrote {}", out.display());
    }
    if args.keep {
        let kept = root.keep();
        eprintln!("kept {}", kept.display());
    }
    drop(servers);
    Ok(())
}

/// `byline-bench profile`: serves the feeds and runs `byline-profile` on a
/// fresh database as a child process.
fn profile_cmd(args: ProfileCmd) -> Result<()> {
    if args.feeds == 0 || args.items == 0 {
        bail!("--feeds and --items must be at least 1");
    }
    let facts = report::Facts::collect(None);
    let servers = Servers::start(args.feeds, args.items, args.hosts, args.content)?;
    let root = tempfile::Builder::new().prefix("byline-profile-").tempdir()?;
    let urls_file = root.path().join("urls.txt");
    std::fs::write(&urls_file, servers.urls().join("\n") + "\n")?;
    let mut cmd = Command::new(std::env::current_exe()?);
    cmd.arg("byline-profile").arg("--db").arg(root.path().join("profile.sqlite3")).arg("--urls").arg(&urls_file);
    let (stdout, stderr) = (root.path().join("profile.stdout"), root.path().join("profile.stderr"));
    let usage = measure::run(&mut cmd, &stdout, &stderr)?;
    let table = std::fs::read_to_string(&stdout)?;
    let corpus = report::Corpus {
        feeds: args.feeds,
        items: args.items,
        hosts: args.hosts,
        content: args.content,
        bytes: servers.corpus_bytes,
    };
    let markdown = report::profile_markdown(&corpus, &facts, &table, &usage);
    println!("{markdown}");
    if let Some(out) = &args.out {
        report::write_section(out, &report::profile_heading(&corpus), &markdown)?;
        eprintln!("wrote {}", out.display());
    }
    drop(servers);
    Ok(())
}

fn slug(c: Contender) -> String {
    match c {
        Contender::Byline => "byline".into(),
        Contender::Newsboat(None) => "newsboat".into(),
        Contender::Newsboat(Some(n)) => format!("newsboat-t{n}"),
    }
}

fn logs(dir: &Path, scenario: Scenario) -> (PathBuf, PathBuf) {
    (dir.join(format!("{}.stdout", scenario.label())), dir.join(format!("{}.stderr", scenario.label())))
}

/// `newsboat -x reload` on `dir`'s cache, with a private HOME and XDG dirs.
fn newsboat_command(dir: &Path, urls: &Path, threads: Option<u32>) -> Result<(Command, PathBuf)> {
    let home = dir.join("home");
    for sub in [".config", ".local/share", ".cache"] {
        std::fs::create_dir_all(home.join(sub))?;
    }
    let config = dir.join("config");
    let mut text = String::from("# byline-bench: newsboat defaults\n");
    if let Some(n) = threads {
        text.push_str(&format!("reload-threads {n}\n"));
    }
    std::fs::write(&config, text)?;
    let cache = dir.join("cache.db");
    let mut cmd = Command::new("newsboat");
    cmd.arg("-x").arg("reload").arg("-u").arg(urls).arg("-c").arg(&cache).arg("-C").arg(&config);
    cmd.env("HOME", &home)
        .env("XDG_CONFIG_HOME", home.join(".config"))
        .env("XDG_DATA_HOME", home.join(".local/share"))
        .env("XDG_CACHE_HOME", home.join(".cache"));
    Ok((cmd, cache))
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}
