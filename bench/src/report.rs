//! The Markdown report and its section in BENCHMARKS.md.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::Path;

use anyhow::{Context, Result};

use crate::provenance::{commit, loadavg, machine, output};
use crate::{mib, ms, BenchArgs, Contender, Content, Sample, Scenario};

/// Cold sync must be at least this many times faster than newsboat.
const COLD_TARGET_RATIO: f64 = 10.0;
/// Warm re-sync must take less than this many milliseconds.
const WARM_TARGET_MS: f64 = 300.0;

/// Facts about the machine and the build, taken before the benchmark.
pub struct Facts {
    date: String,
    commit: String,
    machine: String,
    rustc: String,
    newsboat: Option<String>,
    load_before: String,
    pub(crate) command: String,
}

impl Facts {
    pub fn collect(newsboat: Option<String>) -> Self {
        let mut command = String::new();
        if let Ok(dir) = std::env::var("CARGO_TARGET_DIR") {
            command.push_str(&format!("CARGO_TARGET_DIR={} ", shell_quote(&dir)));
        }
        command.push_str("cargo run --release -p byline-bench --");
        for arg in std::env::args().skip(1) {
            command.push(' ');
            command.push_str(&shell_quote(&arg));
        }
        Facts {
            date: chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string(),
            commit: commit(),
            machine: machine(),
            rustc: output("rustc", &["--version"]).unwrap_or_else(|| "unknown".into()),
            newsboat,
            load_before: loadavg(),
            command,
        }
    }
}

impl Facts {
    /// The date, commit, machine, load and tool lines, as Markdown bullets.
    pub(crate) fn write_lines(&self, s: &mut String) {
        let facts = self;
        let _ = writeln!(s, "- Date: {}; commit {}", facts.date, facts.commit);
        let _ = writeln!(s, "- Machine: {}", facts.machine);
        let _ = writeln!(
            s,
            "- Load average (1, 5, 15 min): {} before, {} after — other builds may have been running on the same cores",
            facts.load_before,
            loadavg()
        );
        let _ =
            writeln!(s, "- {}{}", facts.rustc, facts.newsboat.as_ref().map(|v| format!("; {v}")).unwrap_or_default());
    }
}

fn shell_quote(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || "-_./=:,+@%".contains(c)) {
        s.to_string()
    } else {
        format!("'{}'", s.replace('\'', "'\\''"))
    }
}

/// The section's heading (without the `## `).
pub fn heading(args: &BenchArgs) -> String {
    let mut h = format!("Sync: cold and warm, {} feeds × {} items", args.feeds, args.items);
    if args.hosts > 1 {
        h.push_str(&format!(", {} hosts", args.hosts));
    }
    h.push_str(args.content.heading_suffix());
    h
}

pub(crate) fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    let n = v.len();
    if n == 0 {
        f64::NAN
    } else if n % 2 == 1 {
        v[n / 2]
    } else {
        (v[n / 2 - 1] + v[n / 2]) / 2.0
    }
}

/// Medians of one (contender, scenario).
struct Medians {
    wall_ms: f64,
    cpu_ms: f64,
    rss_mib: f64,
    items: f64,
    requests: f64,
    not_modified: f64,
}

fn medians(samples: &[Sample]) -> Medians {
    let m = |f: &dyn Fn(&Sample) -> f64| median(samples.iter().map(f).collect());
    Medians {
        wall_ms: m(&|s| ms(s.usage.wall)),
        cpu_ms: m(&|s| ms(s.usage.cpu)),
        rss_mib: m(&|s| mib(s.usage.peak_rss)),
        items: m(&|s| s.items as f64),
        requests: m(&|s| s.requests as f64),
        not_modified: m(&|s| s.not_modified as f64),
    }
}

/// The whole section, heading included.
pub fn markdown(
    args: &BenchArgs,
    facts: &Facts,
    contenders: &[Contender],
    samples: &HashMap<(Contender, Scenario), Vec<Sample>>,
    notes: &[String],
    corpus_bytes: usize,
) -> String {
    let scenarios = [Scenario::Cold, Scenario::Warm];
    let med: HashMap<(Contender, Scenario), Medians> = samples.iter().map(|(k, v)| (*k, medians(v))).collect();
    let mut s = String::new();
    let _ = writeln!(s, "## {}\n", heading(args));
    let _ = writeln!(s, "Produced by this command, from the repository root:\n");
    let _ = writeln!(s, "```sh\n{}\n```\n", facts.command);
    facts.write_lines(&mut s);
    let _ = writeln!(
        s,
        "- Workload: {} RSS 2.0 feeds × {} items ({:.1} MiB of RSS; {}), served by {} `FixtureServer`{} on 127.0.0.1 \
         with a strong ETag and a Last-Modified on every feed",
        args.feeds,
        args.items,
        mib(corpus_bytes as u64),
        args.content.describe(),
        args.hosts.max(1),
        if args.hosts > 1 { "s (distinct ports)" } else { "" }
    );
    let _ = writeln!(
        s,
        "- Median of {} runs. Each run, for each contender: **cold** = empty database/cache in a fresh directory \
         (Byline: open, subscribe to every URL, one sync, close); **warm** = the same database synced again, every feed answering 304\n",
        args.runs
    );

    let _ = writeln!(
        s,
        "| Contender | Scenario | Wall ms | CPU ms (user+sys) | Peak RSS MiB | Items stored | Requests (304s) |"
    );
    let _ = writeln!(s, "|---|---|--:|--:|--:|--:|--:|");
    for &c in contenders {
        for sc in scenarios {
            if let Some(m) = med.get(&(c, sc)) {
                let _ = writeln!(
                    s,
                    "| {} | {} | {:.0} | {:.0} | {:.1} | {:.0} | {:.0} ({:.0}) |",
                    c.label(),
                    sc.label(),
                    m.wall_ms,
                    m.cpu_ms,
                    m.rss_mib,
                    m.items,
                    m.requests,
                    m.not_modified
                );
            }
        }
    }
    let _ = writeln!(s);

    let byline = |sc| med.get(&(Contender::Byline, sc));
    let peers: Vec<Contender> = contenders.iter().copied().filter(|c| *c != Contender::Byline).collect();
    if !peers.is_empty() {
        let _ = writeln!(s, "### newsboat / byline, wall time\n");
        let _ = writeln!(s, "| newsboat variant | Cold | Warm |");
        let _ = writeln!(s, "|---|--:|--:|");
        for &p in &peers {
            let ratio = |sc| match (med.get(&(p, sc)), byline(sc)) {
                (Some(n), Some(b)) => format!("{:.1}×", n.wall_ms / b.wall_ms),
                _ => "–".into(),
            };
            let _ = writeln!(s, "| {} | {} | {} |", p.label(), ratio(Scenario::Cold), ratio(Scenario::Warm));
        }
        let _ = writeln!(s);
    }

    let _ = writeln!(s, "### Targets\n");
    let _ = writeln!(s, "| Target | Measured | |");
    let _ = writeln!(s, "|---|--:|---|");
    let verdict = |ok: bool| if ok { "met" } else { "**missed**" };
    for &p in &peers {
        if let (Some(n), Some(b)) = (med.get(&(p, Scenario::Cold)), byline(Scenario::Cold)) {
            let r = n.wall_ms / b.wall_ms;
            let _ = writeln!(
                s,
                "| Cold sync ≥ {COLD_TARGET_RATIO:.0}× faster than {} | {r:.1}× | {} |",
                p.label(),
                verdict(r >= COLD_TARGET_RATIO)
            );
        }
    }
    if let Some(b) = byline(Scenario::Warm) {
        let _ = writeln!(
            s,
            "| Warm re-sync < {:.1} s (whole process: start, open, sync, close) | {:.0} ms | {} |",
            WARM_TARGET_MS / 1000.0,
            b.wall_ms,
            verdict(b.wall_ms < WARM_TARGET_MS)
        );
    }
    let _ = writeln!(s);

    let _ = writeln!(s, "### Byline's phases, timed inside the child (median ms)\n");
    let _ = writeln!(s, "| Scenario | Engine::open | add_feeds × {} | Engine::sync_feeds | Store::close |", args.feeds);
    let _ = writeln!(s, "|---|--:|--:|--:|--:|");
    for sc in scenarios {
        if let Some(v) = samples.get(&(Contender::Byline, sc)) {
            let p =
                |f: &dyn Fn(&crate::Phases) -> f64| median(v.iter().filter_map(|x| x.phases.as_ref()).map(f).collect());
            let _ = writeln!(
                s,
                "| {} | {:.1} | {:.1} | {:.1} | {:.1} |",
                sc.label(),
                p(&|x| x.open_ms),
                p(&|x| x.add_ms),
                p(&|x| x.sync_ms),
                p(&|x| x.close_ms)
            );
        }
    }
    let _ = writeln!(s);

    let _ = writeln!(s, "### How it is measured\n");
    let _ = writeln!(
        s,
        "- Every contender is a child process of `byline-bench`, reaped with `wait4(2)`: wall time runs from `spawn` to reap; \
         CPU time is the child's `ru_utime + ru_stime`; peak RSS is its `ru_maxrss`. The fixture server runs in the parent, \
         on its own tokio runtime, so its CPU time is charged to nobody (it does share the cores)."
    );
    let _ = writeln!(
        s,
        "- Byline is `byline-bench byline-sync` (the same release binary): `Engine::open` on the database, \
         `store().add_feeds` with every URL in one transaction (cold only; newsboat reads them from its URL file), one \
         `Engine::sync_feeds(&SyncOptions::default(), None)` with `EngineConfig::default()`, `store().close()`. \
         `sync_feeds` is what the app runs before it shows new articles; fetching the full article pages comes after it \
         and is measured in the extraction section (newsboat fetches feeds only). The child fails unless the report has \
         0 failures and {} new articles cold, 0 warm.",
        args.feeds * args.items
    );
    if peers.iter().any(|p| matches!(p, Contender::Newsboat(_))) {
        let _ = writeln!(
            s,
            "- newsboat is `newsboat -x reload -u URLS -c CACHE -C CONFIG` with `HOME` and the `XDG_*` directories pointed \
             at a private temporary directory; CONFIG is empty (newsboat's defaults, one reload thread) or sets only \
             `reload-threads 8`. newsboat 2.21 does not save a new feed's ETag/Last-Modified on its first download \
             (its UPDATE of the validators runs before the feed's row is inserted), so its first re-sync downloads every \
             feed again; one unmeasured `reload` between cold and warm stores the validators, and the measured warm run \
             gets 304s like Byline's (see the Requests column)."
        );
    }
    let _ = writeln!(
        s,
        "- Items stored: `COUNT(*)` of Byline's `articles` or newsboat's `rss_item` after the sync. Requests (304s): requests \
         the server received during the sync, and how many of them carried validators that matched (answered 304)."
    );
    if args.hosts <= 1 {
        let _ = writeln!(
            s,
            "- Every feed is on the same host:port, so Byline's per-host limit (`FetchConfig::max_per_host`, 2) caps it \
             at 2 requests in flight; `--hosts N` spreads the feeds over N ports."
        );
    }
    for note in notes {
        let _ = writeln!(s, "- **Warning**: {note}");
    }
    let _ = writeln!(s);

    let _ = writeln!(s, "<details><summary>Every run</summary>\n");
    let _ = writeln!(s, "| Contender | Scenario | Run | Wall ms | CPU ms | Peak RSS MiB | Items | Requests (304s) |");
    let _ = writeln!(s, "|---|---|--:|--:|--:|--:|--:|--:|");
    for &c in contenders {
        for sc in scenarios {
            for (i, x) in samples.get(&(c, sc)).into_iter().flatten().enumerate() {
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {:.1} | {:.1} | {:.1} | {} | {} ({}) |",
                    c.label(),
                    sc.label(),
                    i + 1,
                    ms(x.usage.wall),
                    ms(x.usage.cpu),
                    mib(x.usage.peak_rss),
                    x.items,
                    x.requests,
                    x.not_modified
                );
            }
        }
    }
    let _ = writeln!(s, "\n</details>");
    s
}

/// Replaces the `## {heading}` section of `path` (up to the next `## ` or
/// `# ` heading) with `section`, or appends it; other sections are kept.
pub fn write_section(path: &Path, heading: &str, section: &str) -> Result<()> {
    let existing = match std::fs::read_to_string(path) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::from(
            "# Benchmarks\n\nReproducible measurements of Byline. Each section names the exact command that produced it; \
             the benchmark lives in `bench/` (`byline-bench`) and is not part of the tests.\n",
        ),
        Err(e) => return Err(e).with_context(|| format!("read {}", path.display())),
    };
    let out = crate::markdown::replace_section(&existing, heading, section);
    std::fs::write(path, out).with_context(|| format!("write {}", path.display()))
}

/// The feeds a profile ran on.
pub struct Corpus {
    /// Number of feeds.
    pub feeds: usize,
    /// Items in each feed.
    pub items: usize,
    /// Fixture servers the feeds were spread over.
    pub hosts: usize,
    /// What each item carried.
    pub content: Content,
    /// Bytes of RSS served, all feeds together.
    pub bytes: usize,
}

/// The profile section's heading (without the `## `).
pub fn profile_heading(corpus: &Corpus) -> String {
    let mut h = format!("Profile: Byline's cold sync by phase, {} feeds × {} items", corpus.feeds, corpus.items);
    if corpus.hosts > 1 {
        h.push_str(&format!(", {} hosts", corpus.hosts));
    }
    h.push_str(corpus.content.heading_suffix());
    h
}

/// The profile section: the child's table, with the facts and a reading.
pub fn profile_markdown(corpus: &Corpus, facts: &Facts, table: &str, usage: &crate::measure::Usage) -> String {
    // Rows are `| name | wall | user | sys | vcsw | ivcsw |`.
    let rows: Vec<(String, Vec<f64>)> = table
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.trim().trim_matches('|').split('|').map(str::trim).collect();
            let nums: Option<Vec<f64>> = cells.get(1..)?.iter().map(|c| c.parse::<f64>().ok()).collect();
            Some((cells.first()?.to_string(), nums.filter(|n| n.len() == 5)?))
        })
        .collect();
    let find = |prefix: &str| rows.iter().find(|(n, _)| n.starts_with(prefix)).map(|(_, v)| v.clone());
    let mut s = String::new();
    let Corpus { feeds, items, .. } = *corpus;
    let _ = writeln!(s, "## {}\n", profile_heading(corpus));
    let _ = writeln!(s, "Produced by this command, from the repository root:\n");
    let _ = writeln!(s, "```sh\n{}\n```\n", facts.command);
    facts.write_lines(&mut s);
    let _ = writeln!(
        s,
        "- The same {feeds} × {items} feeds as the sync benchmark ({:.1} MiB of RSS; {}), served the same way. One child process \
         (`byline-bench byline-profile`) does what a cold `Engine::sync` does, but one phase at a time and one feed after \
         another, through the engine's public API, on a fresh database; each phase is timed alone (wall, and the process's \
         user/sys CPU and context switches from `getrusage`). The whole child took {:.0} ms wall, {:.0} ms CPU, {:.1} MiB peak RSS.\n",
        mib(corpus.bytes as u64),
        corpus.content.describe(),
        usage.wall.as_secs_f64() * 1000.0,
        usage.cpu.as_secs_f64() * 1000.0,
        usage.peak_rss as f64 / 1048576.0
    );
    let _ = writeln!(s, "{}\n", table.trim_end());
    let phases: Vec<&(String, Vec<f64>)> =
        rows.iter().filter(|(n, _)| !n.starts_with(crate::profile::REFERENCE)).collect();
    let total_wall: f64 = phases.iter().map(|(_, v)| v[0]).sum();
    let total_cpu: f64 = phases.iter().map(|(_, v)| v[1] + v[2]).sum();
    if let (Some(store), Some(parse), Some(prepare)) =
        (find("Store::store_feeds"), find("parse_feed"), find("PreparedFeed::new"))
    {
        let cpu = |v: &[f64]| v[1] + v[2];
        let _ = writeln!(s, "Reading:\n");
        let _ = writeln!(
            s,
            "- Of the phases' {total_cpu:.0} ms CPU, parsing takes {:.0} ms ({:.0}%), preparing {:.0} ms and storing {:.0} ms \
             ({:.0} of it system time; {:.0}% of the phases' wall time).",
            cpu(&parse),
            100.0 * cpu(&parse) / total_cpu,
            cpu(&prepare),
            cpu(&store),
            store[2],
            100.0 * store[0] / total_wall,
        );
        let _ = writeln!(
            s,
            "- `Engine::sync_feeds` overlaps them: parse and prepare run on blocking threads (one per core) while the one \
             writer stores whatever was parsed meanwhile, in one transaction. Even with both cores busy all the time, a \
             cold sync on 2 cores cannot take less than half the CPU time of these three phases: {:.0} ms here.",
            (cpu(&parse) + cpu(&prepare) + cpu(&store)) / 2.0
        );
        if let (Some(xml), Some(clean)) = (find("reference: feed-rs"), find("reference: sanitize_html")) {
            let _ = writeln!(
                s,
                "- Inside `parse_feed`, the XML parser (feed-rs) takes about {:.0} ms and the HTML sanitizer (ammonia) \
                 about {:.0} ms, timed alone; the rest ({:.0} ms) is normalizing (links, authors, dates, images).",
                cpu(&xml),
                cpu(&clean),
                (cpu(&parse) - cpu(&xml) - cpu(&clean)).max(0.0)
            );
            if let (Some(rss), Some(bare)) = (find("reference: the rss crate"), find("reference: a bare quick-xml")) {
                let _ = writeln!(
                    s,
                    "- The same feeds through the `rss` crate take {:.0} ms, and a bare quick-xml pass {:.0} ms: a faster \
                     XML reader could save up to about {:.0} ms of CPU; the sanitizer and the store would still be there.",
                    cpu(&rss),
                    cpu(&bare),
                    (cpu(&xml) - cpu(&bare)).max(0.0)
                );
            }
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even() {
        assert_eq!(median(vec![3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median(vec![4.0, 1.0, 2.0, 3.0]), 2.5);
    }

    #[test]
    fn section_is_replaced_and_others_kept() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("BENCHMARKS.md");
        write_section(&path, "A", "## A\n\nfirst\n").unwrap();
        write_section(&path, "B", "## B\n\n```sh\n# not a heading\n```\n").unwrap();
        write_section(&path, "A", "## A\n\nsecond\n").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("# Benchmarks\n"));
        assert!(text.contains("## A\n\nsecond\n\n## B\n\n```sh\n# not a heading\n```\n"), "{text}");
        assert!(!text.contains("first"));
        write_section(&path, "B", "## B\n\nnew b\n").unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.ends_with("## A\n\nsecond\n\n## B\n\nnew b\n"), "{text}");
        assert!(!text.contains("not a heading"));
    }
}
