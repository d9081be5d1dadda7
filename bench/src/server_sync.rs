//! `byline-bench server-sync`: Byline syncing 10,000 items from a FreshRSS
//! server, against the same items straight from the feeds (issue 12).
//!
//! The sync benchmark's corpus ([`Servers`], 200 feeds × 50 items) is served
//! on 127.0.0.1 and a real FreshRSS 1.24.3 ([`FreshRss`]: `php -S`, SQLite)
//! subscribes to every feed and fetches it. `byline-cli` (the release build
//! beside this binary) then runs as measured child processes
//! ([`measure::run`]), each step on a database of its own, with
//! `--extract never`:
//!
//! * **cold**: `account add` then `sync`, over the Google Reader API and over
//!   the Fever API; or `import` of the corpus's OPML (subscribe, then sync
//!   straight from the feeds);
//! * **re-sync, nothing new**: `sync` again at once;
//! * **re-sync, N new**: N feeds gain one new item each, FreshRSS fetches its
//!   feeds (unmeasured, `freshrss.sh refresh`), then `sync` of the first
//!   run's databases, once a round.
//!
//! Requests to FreshRSS are counted from its access log (`server.log`, where
//! `php -S` writes one line a request, one connection each), requests to
//! the feeds by the fixture server; FreshRSS's own CPU time comes from
//! `/proc/PID/stat` of its `php -S` process.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;
use std::io::{Read as _, Seek as _, SeekFrom};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use anyhow::{anyhow, bail, Context, Result};
use byline_engine::accounts::{GReader, RemoteAccount as _};
use byline_testkit::{generate_rss_with, Fixture, FreshRss, ItemContent, Keyring};

use crate::measure::{self, Usage};
use crate::report::{self, median, Facts};
use crate::{mib, ms, Content, Servers, SITE};

/// A re-sync with new items must take less than this (whole process).
const INCREMENTAL_TARGET_MS: f64 = 300.0;
/// "A handful of requests": at most this many.
const HANDFUL: usize = 10;

/// Arguments of `byline-bench server-sync`.
#[derive(Debug, Clone, clap::Args)]
pub struct ServerSyncArgs {
    /// Number of feeds.
    #[arg(long, default_value_t = 200)]
    feeds: usize,
    /// Items in each feed.
    #[arg(long, default_value_t = 50)]
    items: usize,
    /// Repetitions of each step (and rounds of new items); medians are reported.
    #[arg(long, default_value_t = 3)]
    runs: usize,
    /// New items in each incremental round, one in each of that many feeds.
    #[arg(long, default_value_t = 10)]
    new_items: usize,
    /// The `byline-cli` to measure [default: the one beside this binary].
    #[arg(long)]
    cli: Option<PathBuf>,
    /// Write the results into this Markdown file, replacing their section.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Keep the temporary directory (databases, logs) and print where.
    #[arg(long)]
    keep: bool,
}

/// Where the items come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Source {
    GReader,
    Fever,
    Feeds,
}

impl Source {
    const ALL: [Source; 3] = [Source::GReader, Source::Fever, Source::Feeds];

    fn label(self) -> &'static str {
        match self {
            Source::GReader => "FreshRSS, Google Reader API",
            Source::Fever => "FreshRSS, Fever API",
            Source::Feeds => "straight from the feeds",
        }
    }

    /// `account add --kind`, for a server.
    fn kind(self) -> Option<&'static str> {
        match self {
            Source::GReader => Some("greader"),
            Source::Fever => Some("fever"),
            Source::Feeds => None,
        }
    }
}

/// One measured `byline-cli` run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Step {
    AccountAdd,
    Cold,
    Unchanged,
    New,
}

impl Step {
    fn label(self, source: Source, new_items: usize) -> String {
        match (self, source) {
            (Step::AccountAdd, _) => "`account add`".into(),
            (Step::Cold, Source::Feeds) => "cold: `import` (subscribe + sync)".into(),
            (Step::Cold, _) => "cold: `sync`".into(),
            (Step::Unchanged, _) => "re-sync, nothing new".into(),
            (Step::New, _) => format!("re-sync, {new_items} new"),
        }
    }
}

#[derive(Debug, Clone)]
struct Sample {
    usage: Usage,
    /// FreshRSS's `php -S` CPU time during the step (None for the feeds).
    server_cpu: Option<Duration>,
    /// Requests sent: to FreshRSS plus to the fixture server.
    requests: usize,
    /// FreshRSS requests by endpoint ("POST stream/items/contents").
    endpoints: BTreeMap<String, usize>,
    /// Articles in the database afterwards.
    items: i64,
    /// Articles the step added.
    new: i64,
}

pub fn run(args: ServerSyncArgs) -> Result<()> {
    if args.feeds == 0 || args.items == 0 || args.runs == 0 || args.new_items == 0 {
        bail!("--feeds, --items, --runs and --new-items must be at least 1");
    }
    // Each round's new items go to feeds no earlier round touched.
    if args.runs > args.feeds / args.new_items {
        bail!("--runs × --new-items must not exceed --feeds");
    }
    let exe = match &args.cli {
        Some(path) => path.clone(),
        None => std::env::current_exe()?.with_file_name("byline-cli"),
    };
    if !exe.is_file() {
        bail!("{} not found: build it first (cargo build --release -p byline-cli) or pass --cli", exe.display());
    }
    let facts = Facts::collect(None);
    let mut servers = Servers::start(args.feeds, args.items, 1, Content::Light)?;
    let root = tempfile::Builder::new().prefix("byline-server-sync-").tempdir()?;
    let freshrss = servers.rt.block_on(FreshRss::try_start()).map_err(|e| anyhow!("cannot start FreshRSS: {e}"))?;
    let freshrss_db = freshrss.dir().join("freshrss/data/users").join(FreshRss::USER).join("db.sqlite");
    let expected = (args.feeds * args.items) as i64;

    eprintln!("subscribing FreshRSS to {} feeds (it fetches each one)", args.feeds);
    let started = std::time::Instant::now();
    servers.rt.block_on(async {
        let greader = GReader::login(freshrss.greader_url(), FreshRss::USER, FreshRss::PASSWORD).await?;
        for url in servers.urls() {
            greader.subscribe(&url, None, None).await.with_context(|| format!("FreshRSS: subscribe to {url}"))?;
        }
        anyhow::Ok(())
    })?;
    let held = servers.count_rows(&freshrss_db, "entry")?;
    eprintln!("FreshRSS holds {held} items ({:.0} s to subscribe)", started.elapsed().as_secs_f64());
    if held != expected {
        bail!("FreshRSS holds {held} items after subscribing, expected {expected}");
    }
    let opml = root.path().join("feeds.opml");
    std::fs::write(&opml, opml_of(&servers.urls()))?;
    let cli = Cli::new(exe, root.path(), &freshrss)?;

    let mut samples: BTreeMap<(Source, Step), Vec<Sample>> = BTreeMap::new();
    let mut notes: Vec<String> = Vec::new();
    let mut check = |what: String, got: i64, want: i64| {
        if got != want {
            let note = format!("{what}: {got} items, expected {want}");
            eprintln!("WARNING: {note}");
            notes.push(note);
        }
    };
    let mut first_dbs: HashMap<Source, PathBuf> = HashMap::new();
    for run in 1..=args.runs {
        for source in Source::ALL {
            let db = root.path().join(format!("run{run}-{source:?}.sqlite3").to_lowercase());
            let mut measure = |step: Step, cmd: &[&str], stdin: bool| -> Result<Sample> {
                let name = format!("run{run}-{source:?}-{step:?}").to_lowercase();
                let sample = cli.step(&servers, &db, cmd, stdin, &name)?;
                eprintln!(
                    "run {run}/{}: {:<28} {:<36} wall {:>8.1} ms  cpu {:>7.1} ms  server cpu {:>7.1} ms  requests {:>4}  new {}",
                    args.runs,
                    source.label(),
                    step.label(source, args.new_items),
                    ms(sample.usage.wall),
                    ms(sample.usage.cpu),
                    sample.server_cpu.map_or(0.0, ms),
                    sample.requests,
                    sample.new
                );
                samples.entry((source, step)).or_default().push(sample.clone());
                Ok(sample)
            };
            let cold = match source.kind() {
                Some(kind) => {
                    let url = if source == Source::Fever { freshrss.fever_url() } else { freshrss.greader_url() };
                    measure(
                        Step::AccountAdd,
                        &["account", "add", "--kind", kind, "--url", url, "--user", FreshRss::USER],
                        true,
                    )?;
                    measure(Step::Cold, &["sync"], false)?
                }
                None => measure(Step::Cold, &["import", &opml.to_string_lossy()], false)?,
            };
            check(format!("run {run}, {}, cold", source.label()), cold.items, expected);
            let again = measure(Step::Unchanged, &["sync"], false)?;
            check(format!("run {run}, {}, re-sync with nothing new", source.label()), again.new, 0);
            if run == 1 {
                first_dbs.insert(source, db);
            }
        }
    }
    for round in 1..=args.runs {
        add_new_items(&mut servers, args.items, args.new_items, round);
        eprintln!("round {round}: {}", servers.rt.block_on(freshrss.refresh()));
        let held = servers.count_rows(&freshrss_db, "entry")?;
        check(format!("round {round}, FreshRSS after its refresh"), held, expected + (round * args.new_items) as i64);
        for source in Source::ALL {
            let name = format!("round{round}-{source:?}-new").to_lowercase();
            let sample = cli.step(&servers, &first_dbs[&source], &["sync"], false, &name)?;
            eprintln!(
                "round {round}/{}: {:<28} re-sync, {} new: wall {:>7.1} ms  server cpu {:>6.1} ms  requests {:>3}  new {}",
                args.runs,
                source.label(),
                args.new_items,
                ms(sample.usage.wall),
                sample.server_cpu.map_or(0.0, ms),
                sample.requests,
                sample.new
            );
            check(
                format!("round {round}, {}, re-sync with new items", source.label()),
                sample.new,
                args.new_items as i64,
            );
            samples.entry((source, Step::New)).or_default().push(sample);
        }
    }

    let markdown = markdown(&args, &facts, &samples, &notes, servers.corpus_bytes, cli.keyring.is_some());
    println!("{markdown}");
    if let Some(out) = &args.out {
        report::write_section(out, &heading(&args), &markdown)?;
        eprintln!("wrote {}", out.display());
    }
    if args.keep {
        eprintln!("kept {}", root.keep().display());
    }
    drop(freshrss);
    Ok(())
}

/// Runs `byline-cli` in a private HOME, with the account passwords (and
/// the Google Reader API's kept session) in a private GNOME Keyring, as on
/// a desktop; where `dbus-daemon` or `gnome-keyring-daemon` is missing,
/// with the password in `BYLINE_ACCOUNT_PASSWORD` (which keeps no session,
/// so every sync logs in).
struct Cli {
    exe: PathBuf,
    /// The private keyring, when it could be started.
    keyring: Option<Keyring>,
    dir: PathBuf,
    /// One line: the password, for `account add`'s stdin.
    password_file: PathBuf,
    /// FreshRSS's access log (`php -S` writes one line a request).
    access_log: PathBuf,
    /// FreshRSS's `php -S` process.
    server_pid: u32,
}

impl Cli {
    fn new(exe: PathBuf, dir: &Path, freshrss: &FreshRss) -> Result<Self> {
        let home = dir.join("home");
        for sub in ["data", "config", "cache"] {
            std::fs::create_dir_all(home.join(sub))?;
        }
        let password_file = dir.join("password");
        std::fs::write(&password_file, format!("{}\n", FreshRss::PASSWORD))?;
        let pid = std::fs::read_to_string(freshrss.dir().join("pid")).context("FreshRSS's pid file")?;
        let keyring = match Keyring::try_start() {
            Ok(keyring) => Some(keyring),
            Err(e) => {
                eprintln!("no keyring ({e}): passwords through BYLINE_ACCOUNT_PASSWORD, every sync logs in");
                None
            }
        };
        Ok(Cli {
            exe,
            keyring,
            dir: dir.to_path_buf(),
            password_file,
            access_log: freshrss.dir().join("server.log"),
            server_pid: pid.trim().parse().context("FreshRSS's pid file")?,
        })
    }

    /// `byline-cli --db DB --extract never --json ARGS…`, measured, with
    /// the requests it sent and the articles it added. With `stdin`, the
    /// password is its standard input (through `sh -c 'exec … < FILE'`,
    /// whose start is then part of the wall time).
    fn step(&self, servers: &Servers, db: &Path, args: &[&str], stdin: bool, name: &str) -> Result<Sample> {
        let before = if db.exists() { servers.count_rows(db, "articles")? } else { 0 };
        let mut cmd = if stdin {
            let mut sh = Command::new("sh");
            sh.arg("-c").arg("exec \"$0\" \"$@\" < \"$BYLINE_BENCH_STDIN\"").arg(&self.exe);
            sh.env("BYLINE_BENCH_STDIN", &self.password_file);
            sh
        } else {
            Command::new(&self.exe)
        };
        let home = self.dir.join("home");
        cmd.arg("--db").arg(db).args(["--extract", "never", "--json"]).args(args);
        cmd.env("HOME", &home)
            .env("XDG_DATA_HOME", home.join("data"))
            .env("XDG_CONFIG_HOME", home.join("config"))
            .env("XDG_CACHE_HOME", home.join("cache"));
        match &self.keyring {
            Some(keyring) => {
                keyring.env(&mut cmd).env_remove("BYLINE_ACCOUNT_PASSWORD");
            }
            None => {
                cmd.env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent")
                    .env("BYLINE_ACCOUNT_PASSWORD", FreshRss::PASSWORD);
            }
        }
        let log_offset = std::fs::metadata(&self.access_log)?.len();
        let feeds_before = servers.snapshot();
        let server_cpu_before = cpu_of(self.server_pid)?;
        let (stdout, stderr) = (self.dir.join(format!("{name}.stdout")), self.dir.join(format!("{name}.stderr")));
        let usage = measure::run(&mut cmd, &stdout, &stderr)?;
        let requests = self.requests_since(log_offset)?;
        let server_cpu = cpu_of(self.server_pid)?.saturating_sub(server_cpu_before);
        let (feed_requests, _) = servers.since(&feeds_before);
        let mut endpoints = BTreeMap::new();
        for r in &requests {
            *endpoints.entry(endpoint(r)).or_default() += 1;
        }
        let items = servers.count_rows(db, "articles")?;
        Ok(Sample {
            usage,
            server_cpu: (!requests.is_empty()).then_some(server_cpu),
            requests: requests.len() + feed_requests,
            endpoints,
            items,
            new: items - before,
        })
    }

    /// The requests FreshRSS logged after `offset` ("POST /api/…"), read
    /// once the log stops growing: `php -S` writes a request's line after
    /// it has sent the answer, so it may lag the client's exit.
    fn requests_since(&self, offset: u64) -> Result<Vec<String>> {
        let mut last: Option<Vec<String>> = None;
        loop {
            let mut file = std::fs::File::open(&self.access_log)?;
            file.seek(SeekFrom::Start(offset))?;
            let mut text = String::new();
            file.read_to_string(&mut text)?;
            // "[date] 127.0.0.1:PORT [200]: POST /api/greader.php/…"
            let requests: Vec<String> =
                text.lines().filter_map(|l| l.split_once("]: ").map(|(_, r)| r.to_string())).collect();
            if last.as_ref().is_some_and(|l| l.len() == requests.len()) {
                return Ok(requests);
            }
            last = Some(requests);
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

/// User + system CPU time of a process so far (`/proc/PID/stat`).
fn cpu_of(pid: u32) -> Result<Duration> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).context("FreshRSS's /proc/PID/stat")?;
    // Fields after the parenthesised command: state is the 3rd field, utime the 14th.
    let rest = stat.rsplit_once(')').map(|(_, r)| r).unwrap_or_default();
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks: u64 = fields.get(11).and_then(|u| u.parse().ok()).unwrap_or(0)
        + fields.get(12).and_then(|s| s.parse().ok()).unwrap_or(0);
    // SAFETY: sysconf has no preconditions.
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) }.max(1) as u64;
    Ok(Duration::from_micros(ticks * 1_000_000 / per_second))
}

/// "POST /api/greader.php/reader/api/0/stream/items/ids?s=…&n=1000" →
/// "POST stream/items/ids?s=…&n": the API call, with the values of the
/// parameters that page or list items left out.
fn endpoint(request: &str) -> String {
    let (method, target) = request.split_once(' ').unwrap_or(("", request));
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    let path = ["/reader/api/0/", "/api/greader.php/", "/api/"]
        .iter()
        .find_map(|prefix| path.split_once(prefix).map(|(_, p)| p))
        .unwrap_or(path);
    let params: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k @ ("s" | "xt" | "it"), v)) => format!("{k}={}", v.replace("%2F", "/")),
            Some((k, _)) => k.to_string(),
            None => p.to_string(),
        })
        .collect();
    let path = path.replace("%2F", "/");
    if params.is_empty() {
        format!("{method} {path}")
    } else {
        format!("{method} {path}?{}", params.join("&"))
    }
}

/// Round `round`'s new items: one new item at the top of each of `count`
/// feeds spread over the corpus (feeds no other round touches), served
/// with a new ETag and Last-Modified.
fn add_new_items(servers: &mut Servers, items: usize, count: usize, round: usize) {
    let n = servers.feeds.len();
    let now = chrono::Utc::now();
    let last_modified = now.format("%a, %d %b %Y %H:%M:%S GMT").to_string();
    for k in 0..count {
        let i = k * (n / count) + round - 1;
        let doc = generate_rss_with(i, items, SITE, ItemContent::Light);
        let item = format!(
            "  <item>\n    <title>Breaking: round {round} (feed {i})</title>\n    \
             <link>{SITE}/feed-{i}/new-{round}.html</link>\n    \
             <guid isPermaLink=\"false\">bench-new-{i}-{round}</guid>\n    <pubDate>{}</pubDate>\n    \
             <description>&lt;p&gt;A story that came in after the first sync (round {round}).&lt;/p&gt;</description>\n  </item>\n",
            now.to_rfc2822()
        );
        let at = doc.find("  <item>").unwrap_or(doc.len());
        let doc = format!("{}{item}{}", &doc[..at], &doc[at..]);
        let etag = format!("\"bench-{i}-new-{round}\"");
        let feed = &mut servers.feeds[i];
        servers.servers[feed.server].route(
            &feed.path,
            Fixture::body("application/rss+xml; charset=utf-8", doc).etag(&etag).last_modified(&last_modified),
        );
        feed.etag = etag;
    }
}

fn opml_of(urls: &[String]) -> String {
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\"><head><title>byline-bench</title></head><body>\n");
    for (i, url) in urls.iter().enumerate() {
        let _ = writeln!(s, "<outline type=\"rss\" text=\"Feed {i}\" xmlUrl=\"{url}\"/>");
    }
    s.push_str("</body></opml>\n");
    s
}

fn heading(args: &ServerSyncArgs) -> String {
    format!("Server sync: {} items from FreshRSS", thousands(args.feeds * args.items))
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Medians of one (source, step).
struct Medians {
    wall_ms: f64,
    cpu_ms: f64,
    server_cpu_ms: Option<f64>,
    rss_mib: f64,
    requests: f64,
    items: f64,
    new: f64,
}

fn medians(v: &[Sample]) -> Medians {
    let m = |f: &dyn Fn(&Sample) -> f64| median(v.iter().map(f).collect());
    let server: Vec<f64> = v.iter().filter_map(|s| s.server_cpu.map(ms)).collect();
    Medians {
        wall_ms: m(&|s| ms(s.usage.wall)),
        cpu_ms: m(&|s| ms(s.usage.cpu)),
        server_cpu_ms: (!server.is_empty()).then(|| median(server)),
        rss_mib: m(&|s| mib(s.usage.peak_rss)),
        requests: m(&|s| s.requests as f64),
        items: m(&|s| s.items as f64),
        new: m(&|s| s.new as f64),
    }
}

fn markdown(
    args: &ServerSyncArgs,
    facts: &Facts,
    samples: &BTreeMap<(Source, Step), Vec<Sample>>,
    notes: &[String],
    corpus_bytes: usize,
    keyring: bool,
) -> String {
    let med: BTreeMap<(Source, Step), Medians> = samples.iter().map(|(k, v)| (*k, medians(v))).collect();
    let n = args.new_items;
    let mut s = String::new();
    let _ = writeln!(s, "## {}\n", heading(args));
    let _ = writeln!(
        s,
        "Produced by this command, from the repository root (after `cargo build --release -p byline-cli`):\n"
    );
    let _ = writeln!(s, "```sh\n{}\n```\n", facts.command);
    facts.write_lines(&mut s);
    let php = crate::provenance::output("php", &["-r", "echo PHP_VERSION;"]).unwrap_or_else(|| "?".into());
    let _ = writeln!(
        s,
        "- Workload: the sync benchmark's {} RSS 2.0 feeds × {} items ({:.1} MiB of RSS, {}) on a `FixtureServer` on \
         127.0.0.1; FreshRSS 1.24.3 (`byline_testkit::FreshRss`: PHP {php}'s `php -S`, which serves one request at a \
         time, and SQLite) on 127.0.0.1, subscribed to every feed and holding their {} items",
        args.feeds,
        args.items,
        mib(corpus_bytes as u64),
        Content::Light.describe(),
        args.feeds * args.items
    );
    let _ = writeln!(
        s,
        "- Median of {} runs; every step is one `byline-cli --extract never --json …` process (so no full article page is \
         fetched on either side), on a database of its own\n",
        args.runs
    );

    let _ = writeln!(
        s,
        "| Source | Step | Wall ms | CPU ms (user+sys) | FreshRSS CPU ms | Peak RSS MiB | Requests | New items | Items stored |"
    );
    let _ = writeln!(s, "|---|---|--:|--:|--:|--:|--:|--:|--:|");
    for ((source, step), m) in &med {
        let _ = writeln!(
            s,
            "| {} | {} | {:.0} | {:.0} | {} | {:.1} | {:.0} | {:.0} | {:.0} |",
            source.label(),
            step.label(*source, n),
            m.wall_ms,
            m.cpu_ms,
            m.server_cpu_ms.map_or("–".into(), |c| format!("{c:.0}")),
            m.rss_mib,
            m.requests,
            m.new,
            m.items
        );
    }
    let _ = writeln!(s);

    // Cold from a server = account add + sync; from the feeds = import.
    let cold = |source: Source| {
        let sync = med.get(&(source, Step::Cold))?;
        let add = med.get(&(source, Step::AccountAdd));
        Some((sync.wall_ms + add.map_or(0.0, |a| a.wall_ms), sync.requests + add.map_or(0.0, |a| a.requests)))
    };
    let _ = writeln!(s, "### From FreshRSS / straight from the feeds\n");
    let _ = writeln!(
        s,
        "| Source | Cold: wall ms (`account add` + `sync`) | × the feeds | Requests | Re-sync, nothing new: wall ms | × the feeds | Re-sync, {n} new: wall ms | × the feeds | Requests |"
    );
    let _ = writeln!(s, "|---|--:|--:|--:|--:|--:|--:|--:|--:|");
    let feeds = |step| med.get(&(Source::Feeds, step));
    for source in [Source::GReader, Source::Fever] {
        let (Some((cold_ms, cold_req)), Some((feeds_ms, _))) = (cold(source), cold(Source::Feeds)) else { continue };
        let ratio = |step: Step| match (med.get(&(source, step)), feeds(step)) {
            (Some(a), Some(b)) => (format!("{:.0}", a.wall_ms), format!("{:.2}×", a.wall_ms / b.wall_ms)),
            _ => ("–".into(), "–".into()),
        };
        let (unchanged_ms, unchanged_x) = ratio(Step::Unchanged);
        let (new_ms, new_x) = ratio(Step::New);
        let new_req = med.get(&(source, Step::New)).map_or("–".into(), |m| format!("{:.0}", m.requests));
        let _ = writeln!(
            s,
            "| {} | {cold_ms:.0} | {:.2}× | {cold_req:.0} | {unchanged_ms} | {unchanged_x} | {new_ms} | {new_x} | {new_req} |",
            source.label(),
            cold_ms / feeds_ms
        );
    }
    if let Some((feeds_ms, feeds_req)) = cold(Source::Feeds) {
        let step = |st| feeds(st).map_or("–".into(), |m: &Medians| format!("{:.0}", m.wall_ms));
        let new_req = feeds(Step::New).map_or("–".into(), |m| format!("{:.0}", m.requests));
        let _ = writeln!(
            s,
            "| {} (`import`) | {feeds_ms:.0} | 1× | {feeds_req:.0} | {} | 1× | {} | 1× | {new_req} |",
            Source::Feeds.label(),
            step(Step::Unchanged),
            step(Step::New)
        );
    }
    let _ = writeln!(s);

    let _ = writeln!(s, "### Targets\n");
    let _ = writeln!(s, "| Target | Measured | |");
    let _ = writeln!(s, "|---|--:|---|");
    let verdict = |ok: bool| if ok { "met" } else { "**missed**" };
    for source in [Source::GReader, Source::Fever] {
        if let Some(m) = med.get(&(source, Step::New)) {
            let _ = writeln!(
                s,
                "| {}: re-sync with {n} new items < {:.1} s (whole process: start, open, sync, close) | {:.0} ms | {} |",
                source.label(),
                INCREMENTAL_TARGET_MS / 1000.0,
                m.wall_ms,
                verdict(m.wall_ms < INCREMENTAL_TARGET_MS)
            );
            let _ = writeln!(
                s,
                "| {}: that re-sync in a handful of requests (≤ {HANDFUL}) | {:.0} | {} |",
                source.label(),
                m.requests,
                verdict(m.requests <= HANDFUL as f64)
            );
        }
    }
    let _ = writeln!(s);

    let _ = writeln!(s, "### Requests to FreshRSS by call (run 1)\n");
    let _ = writeln!(s, "| Source | Call | `account add` | Cold `sync` | Re-sync, nothing new | Re-sync, {n} new |");
    let _ = writeln!(s, "|---|---|--:|--:|--:|--:|");
    for source in [Source::GReader, Source::Fever] {
        let steps = [Step::AccountAdd, Step::Cold, Step::Unchanged, Step::New];
        let first = |step| samples.get(&(source, step)).and_then(|v| v.first());
        let mut calls: Vec<&String> =
            steps.iter().filter_map(|&st| first(st)).flat_map(|x| x.endpoints.keys()).collect();
        calls.sort();
        calls.dedup();
        for call in calls {
            let cells: Vec<String> = steps
                .iter()
                .map(|&st| first(st).and_then(|x| x.endpoints.get(call)).map_or("".into(), |c| c.to_string()))
                .collect();
            let _ = writeln!(s, "| {} | `{call}` | {} |", source.label(), cells.join(" | "));
        }
    }
    let _ = writeln!(s);

    let _ = writeln!(s, "### How it is measured\n");
    let passwords = if keyring {
        "a private session bus with GNOME Keyring on it (`byline_testkit::Keyring`), where `account add` keeps the \
         password and the Google Reader API's login token, which every later sync resumes instead of logging in, \
         as on a desktop"
    } else {
        "no session bus, and the password in `BYLINE_ACCOUNT_PASSWORD` (no keyring daemon was found: no login token \
         is kept, so every sync logs in)"
    };
    let _ = writeln!(
        s,
        "- `byline-bench server-sync` serves the corpus, starts FreshRSS, subscribes it to every feed over the Google \
         Reader API (`subscription/quickadd`, which fetches the feed) and checks that its `entry` table holds {} rows. \
         Each step is then a child process of `byline-bench`, reaped with `wait4(2)`: wall time from `spawn` to reap, \
         the child's `ru_utime + ru_stime` and `ru_maxrss`. `byline-cli` runs with `HOME`/`XDG_*` in a private \
         directory, {passwords} (for `account add` the password is on stdin through \
         `sh -c 'exec byline-cli … < FILE'`, whose start counts in that step's wall time).",
        args.feeds * args.items
    );
    let _ = writeln!(
        s,
        "- Each run: for each API, `account add` and `sync` on a fresh database, then `sync` again (nothing new); \
         `import` of an OPML of the {} feed URLs on a fresh database, then `sync` again. `sync` runs the local feeds \
         (none on an account's database), the accounts, full articles (off: `--extract never`) and the 90-day retention \
         (by fetch time, so nothing goes); `import` subscribes and runs the same sync.",
        args.feeds
    );
    let _ = writeln!(
        s,
        "- Then {} rounds of new items: each round, {n} feeds (a different {n} each round, spread over the corpus) gain \
         one item at the top and a new ETag and Last-Modified, FreshRSS fetches every feed (`freshrss.sh refresh`, not \
         measured), and `sync` runs on run 1's three databases. New items = `COUNT(*)` of `articles` after − before.",
        args.runs
    );
    let _ = writeln!(
        s,
        "- Requests: those FreshRSS's `php -S` wrote to its access log (one line a request; it closes every \
         connection) during the step, plus those the fixture server received. FreshRSS CPU ms: the `php -S` \
         process's user+sys time over the step (`/proc/PID/stat`, in ticks of 10 ms); its work is not in Byline's CPU column, and on the \
         cold sync Byline mostly waits for it. Both share the 2 cores."
    );
    for note in notes {
        let _ = writeln!(s, "- **Warning**: {note}");
    }
    let _ = writeln!(s);

    let _ = writeln!(s, "<details><summary>Every run</summary>\n");
    let _ = writeln!(
        s,
        "| Source | Step | Run | Wall ms | CPU ms | FreshRSS CPU ms | Peak RSS MiB | Requests | New items | Items stored |"
    );
    let _ = writeln!(s, "|---|---|--:|--:|--:|--:|--:|--:|--:|--:|");
    for ((source, step), v) in samples {
        for (i, x) in v.iter().enumerate() {
            let _ = writeln!(
                s,
                "| {} | {} | {} | {:.1} | {:.1} | {} | {:.1} | {} | {} | {} |",
                source.label(),
                step.label(*source, n),
                i + 1,
                ms(x.usage.wall),
                ms(x.usage.cpu),
                x.server_cpu.map_or("–".into(), |c| format!("{:.0}", ms(c))),
                mib(x.usage.peak_rss),
                x.requests,
                x.new,
                x.items
            );
        }
    }
    let _ = writeln!(s, "\n</details>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn endpoint_keeps_the_call_and_the_streams() {
        let ids =
            "GET /api/greader.php/reader/api/0/stream/items/ids?s=user%2F-%2Fstate%2Fcom.google%2Fstarred&n=1000&c=17";
        assert_eq!(endpoint(ids), "GET stream/items/ids?s=user/-/state/com.google/starred&n&c");
        assert_eq!(endpoint("POST /api/greader.php/accounts/ClientLogin"), "POST accounts/ClientLogin");
        assert_eq!(endpoint("POST /api/fever.php?api&items&since_id=42"), "POST fever.php?api&items&since_id");
    }

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(
            (thousands(999), thousands(10_000), thousands(1_234_567)),
            ("999".into(), "10,000".into(), "1,234,567".into())
        );
    }
}
