//! Extraction benchmark on the fixture pages of `crates/byline-extract`:
//! byline-extract against dom_smoothie alone, rs-trafilatura, and Mozilla
//! Readability (run by node, `readability.mjs`, whose JSON this reads).
//!
//! Scores are those of `crates/byline-extract/tests/compare.rs`: the mean
//! over pages of token precision, recall and F1 of the body text against
//! `expected.text` (`tests/common/mod.rs`, included below as it is), titles
//! equal to `expected.title`, and bylines whose names, joined by `"; "`,
//! equal the expected names. This adds names *and* roles: only
//! byline-extract gives roles, so for the others a page counts when its
//! names are right and it expects no role.
//!
//! Speed: whole passes over every page, in this one process on one thread,
//! for at least `--min-ms`, `--runs` times; the median run is reported. The
//! real-world corpus is also timed on one thread per core, as the engine
//! extracts (Readability, in node, on one thread only).
//!
//! With `--real-readability FILE` it also runs the real-world corpus
//! (`tests/fixtures/real`) and writes its own section (`real.rs`).
//!
//! Usage (`run.sh` does all of it):
//! `byline-bench-extract --readability FILE [--real-readability FILE [--real-heading TEXT]] [--runs N] [--min-ms MS] [--out BENCHMARKS.md] [--command CMD]`
//!
//! For work on byline-extract alone (`ours.rs`; `--runs 0` for one untimed pass):
//! `byline-bench-extract --ours-only [--runs N] [--min-ms MS] [--dump FILE]`

#[path = "../../../crates/byline-extract/tests/common/mod.rs"]
mod common;

#[path = "../../src/markdown.rs"]
mod markdown;

#[path = "../../src/provenance.rs"]
mod provenance;

mod ours;
mod real;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use byline_feeds::charset::decode_html;
use byline_feeds::sanitize::{html_to_text, sanitize_html};
use common::{token_f1, Page};
use provenance::{commit, loadavg, machine, output};
use serde::Deserialize;
use url::Url;

const HEADING: &str = "Extraction: fixture pages";
/// byline-extract must reach this many pages per second in one process.
const RATE_TARGET: f64 = 200.0;

/// What one extractor made of one page.
struct Output {
    text: String,
    title: String,
    /// The byline as the tool gives it: names joined by "; " for
    /// byline-extract (as compare.rs does), the tool's own string otherwise.
    authors: String,
    /// Names and roles, for the tools that give roles.
    with_roles: Option<Vec<(String, Option<String>)>>,
    /// The page's language as the tool gives it (`en`, `az-AZ`…).
    language: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Tool {
    Ours,
    DomSmoothie,
    Trafilatura,
}

impl Tool {
    const ALL: [Tool; 3] = [Tool::Ours, Tool::DomSmoothie, Tool::Trafilatura];

    fn name(self) -> &'static str {
        match self {
            Tool::Ours => "byline-extract",
            Tool::DomSmoothie => "dom_smoothie 0.19 alone",
            Tool::Trafilatura => "rs-trafilatura 0.2.2",
        }
    }

    /// Whether the tool is timed on one thread per core too: not
    /// rs-trafilatura, whose process grew past 24 GB and ran at half its
    /// one-thread rate when two threads shared it (2026-12-04).
    fn runs_on_threads(self) -> bool {
        self != Tool::Trafilatura
    }

    /// Runs the tool on one page. `sanitize` adds what byline-extract
    /// always does after finding the body: `sanitize_html` and
    /// `html_to_text` on the body's HTML.
    fn run(self, page: &Page, sanitize: bool) -> Option<Output> {
        let url = Url::parse(&page.expected.url).ok()?;
        match self {
            Tool::Ours => {
                let e = byline_extract::extract(&page.bytes, None, &url, page.expected.feed_author.as_deref()).ok()?;
                let authors = e.byline.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join("; ");
                let with_roles = e.byline.into_iter().map(|a| (a.name, a.role)).collect();
                Some(Output {
                    text: e.text,
                    title: e.title,
                    authors,
                    with_roles: Some(with_roles),
                    language: e.language,
                })
            }
            Tool::DomSmoothie => {
                let html = decode_html(&page.bytes, None);
                let mut r = dom_smoothie::Readability::new(html.as_ref(), Some(url.as_str()), None).ok()?;
                let a = r.parse().ok()?;
                if sanitize {
                    std::hint::black_box(html_to_text(&sanitize_html(&a.content, Some(&url))));
                }
                Some(Output {
                    text: a.text_content.to_string(),
                    title: a.title,
                    authors: a.byline.unwrap_or_default(),
                    with_roles: None,
                    language: a.lang,
                })
            }
            Tool::Trafilatura => {
                let html = decode_html(&page.bytes, None);
                let options = rs_trafilatura::Options { url: Some(page.expected.url.clone()), ..Default::default() };
                let r = rs_trafilatura::extract_with_options(&html, &options).ok()?;
                if sanitize {
                    let body = r.content_html.as_deref().unwrap_or_default();
                    std::hint::black_box(html_to_text(&sanitize_html(body, Some(&url))));
                }
                Some(Output {
                    text: r.content_text,
                    title: r.metadata.title.unwrap_or_default(),
                    authors: r.metadata.author.unwrap_or_default(),
                    with_roles: None,
                    language: r.metadata.language,
                })
            }
        }
    }
}

/// How one tool did on one page.
#[derive(Clone)]
struct PageScore {
    failed: bool,
    p: f64,
    r: f64,
    f1: f64,
    title_ok: bool,
    names_ok: bool,
    roles_ok: bool,
    got_byline: String,
}

fn score_page(page: &Page, out: Option<&Output>) -> PageScore {
    let Some(out) = out else {
        return PageScore {
            failed: true,
            p: 0.0,
            r: 0.0,
            f1: 0.0,
            title_ok: false,
            names_ok: false,
            roles_ok: false,
            got_byline: String::new(),
        };
    };
    let (p, r, f1) = token_f1(&page.expected.text, &out.text);
    let want: Vec<&str> = page.expected.byline.iter().map(|a| a.name.as_str()).collect();
    let names_ok = out.authors.trim() == want.join("; ");
    let roles_ok = match &out.with_roles {
        Some(got) => {
            got.len() == page.expected.byline.len()
                && got.iter().zip(&page.expected.byline).all(|((n, r), w)| *n == w.name && *r == w.role)
        }
        None => names_ok && page.expected.byline.iter().all(|a| a.role.is_none()),
    };
    let got_byline = match &out.with_roles {
        Some(got) => got
            .iter()
            .map(|(n, r)| match r {
                Some(r) => format!("{n} — {r}"),
                None => n.clone(),
            })
            .collect::<Vec<_>>()
            .join("; "),
        None => out.authors.trim().to_string(),
    };
    PageScore {
        failed: false,
        p,
        r,
        f1,
        title_ok: out.title.trim() == page.expected.title,
        names_ok,
        roles_ok,
        got_byline,
    }
}

/// One contender's row.
struct Row {
    name: String,
    pages: Vec<PageScore>,
    /// Pages per second of each run: as the tool is used, and (Rust tools
    /// other than byline-extract) with our sanitize step added.
    rates: Vec<f64>,
    rates_sanitized: Vec<f64>,
    note: String,
}

impl Row {
    fn mean(&self, f: impl Fn(&PageScore) -> f64) -> f64 {
        self.pages.iter().map(f).sum::<f64>() / self.pages.len() as f64
    }
    fn count(&self, f: impl Fn(&PageScore) -> bool) -> usize {
        self.pages.iter().filter(|p| f(p)).count()
    }
}

/// Each run's rate, one decimal, comma-separated: a table's "Runs" cell.
fn runs_list(rates: &[f64]) -> String {
    rates.iter().map(|r| format!("{r:.1}")).collect::<Vec<_>>().join(", ")
}

/// The median rate, whole, or "—" where the tool was not timed so.
fn median_cell(rates: &[f64]) -> String {
    if rates.is_empty() {
        "—".to_string()
    } else {
        format!("{:.0}", median(rates.to_vec()))
    }
}

fn median(mut v: Vec<f64>) -> f64 {
    if v.is_empty() {
        return f64::NAN;
    }
    v.sort_by(f64::total_cmp);
    let m = v.len() / 2;
    if v.len() % 2 == 1 {
        v[m]
    } else {
        (v[m - 1] + v[m]) / 2.0
    }
}

/// Pages per second over whole passes for at least `min`.
/// Pages per second over `threads` threads of this one process, as the
/// engine extracts (one page per CPU slot, a slot per core): every thread
/// takes the next page from a shared counter until `min` has passed and
/// every page was done at least once. After a single-threaded warm-up pass.
fn rate_on_threads(pages: &[Page], min: Duration, threads: usize, f: impl Fn(&Page) + Sync) -> f64 {
    use std::sync::atomic::{AtomicUsize, Ordering};
    for page in pages {
        f(page); // warm-up pass
    }
    let next = AtomicUsize::new(0);
    let done = AtomicUsize::new(0);
    let start = Instant::now();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                if i >= pages.len() && start.elapsed() >= min {
                    break;
                }
                f(&pages[i % pages.len()]);
                done.fetch_add(1, Ordering::Relaxed);
            });
        }
    });
    done.into_inner() as f64 / start.elapsed().as_secs_f64()
}

/// How many threads the engine extracts on: one per core.
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

fn rate(pages: &[Page], min: Duration, mut f: impl FnMut(&Page)) -> f64 {
    for page in pages {
        f(page); // warm-up pass
    }
    let start = Instant::now();
    let mut done = 0usize;
    while start.elapsed() < min || done < pages.len() {
        for page in pages {
            f(page);
            done += 1;
        }
    }
    done as f64 / start.elapsed().as_secs_f64()
}

// ---- Mozilla Readability, from readability.mjs ----

#[derive(Deserialize)]
struct NodePage {
    name: String,
    failed: bool,
    title: String,
    byline: String,
    text: String,
    p: f64,
    r: f64,
    f1: f64,
    title_ok: bool,
    byline_ok: bool,
    byline_first_ok: bool,
    #[serde(default)]
    lang: Option<String>,
}

#[derive(Deserialize)]
struct NodeRun {
    pages: usize,
    ms: f64,
    jsdom_ms: f64,
    readability_ms: f64,
    pages_per_s: f64,
}

#[derive(Deserialize)]
struct NodeTiming {
    min_ms: f64,
    runs: Vec<NodeRun>,
}

#[derive(Deserialize)]
struct NodeReport {
    node: String,
    readability: String,
    jsdom: String,
    pages: Vec<NodePage>,
    timing: NodeTiming,
}

/// Scores Readability's outputs with the Rust scorer, and checks that
/// readability.mjs's own scoring (its port of token_f1) agrees.
fn readability_row(report: &NodeReport, pages: &[Page]) -> Result<(Row, usize), String> {
    if report.pages.len() != pages.len() {
        return Err(format!("readability.mjs saw {} pages, this {}", report.pages.len(), pages.len()));
    }
    let mut scores = Vec::new();
    let mut first_name_ok = 0;
    for (np, page) in report.pages.iter().zip(pages) {
        if np.name != page.name {
            return Err(format!("page order differs: {} vs {}", np.name, page.name));
        }
        let out = (!np.failed).then(|| Output {
            text: np.text.clone(),
            title: np.title.clone(),
            authors: np.byline.clone(),
            with_roles: None,
            language: np.lang.clone(),
        });
        let s = score_page(page, out.as_ref());
        let close = |a: f64, b: f64| (a - b).abs() < 1e-9;
        if !(close(s.p, np.p) && close(s.r, np.r) && close(s.f1, np.f1))
            || s.title_ok != np.title_ok
            || s.names_ok != np.byline_ok
        {
            return Err(format!(
                "{}: node scored P {} R {} F1 {} title {} byline {}, Rust P {} R {} F1 {} title {} byline {}",
                page.name, np.p, np.r, np.f1, np.title_ok, np.byline_ok, s.p, s.r, s.f1, s.title_ok, s.names_ok
            ));
        }
        first_name_ok += usize::from(np.byline_first_ok);
        scores.push(s);
    }
    let runs = &report.timing.runs;
    let jsdom: f64 = runs.iter().map(|r| r.jsdom_ms).sum();
    let total: f64 = runs.iter().map(|r| r.jsdom_ms + r.readability_ms).sum();
    let passes: usize = runs.iter().map(|r| r.pages).sum();
    let wall: f64 = runs.iter().map(|r| r.ms).sum();
    let note = format!(
        "node {}, @mozilla/readability {}, jsdom {}; per page {:.1} ms, {:.0}% of it in decoding + jsdom's parse",
        report.node,
        report.readability,
        report.jsdom,
        wall / passes as f64,
        100.0 * jsdom / total
    );
    let row = Row {
        name: format!("Mozilla Readability {} (jsdom {}, node)", report.readability, report.jsdom),
        pages: scores,
        rates: runs.iter().map(|r| r.pages_per_s).collect(),
        rates_sanitized: Vec::new(),
        note,
    };
    Ok((row, first_name_ok))
}

// ---- the report ----

fn mark(s: &PageScore) -> &'static str {
    if s.failed {
        "failed"
    } else if s.roles_ok {
        "✓"
    } else if s.names_ok {
        "name ✓ role ✗"
    } else {
        "✗"
    }
}

fn cell(s: &str) -> String {
    let s = s.replace('|', "\\|").replace('\n', " ");
    let short: String = s.chars().take(48).collect();
    if short.len() < s.len() {
        format!("{short}…")
    } else {
        short
    }
}

struct Facts {
    date: String,
    commit: String,
    machine: String,
    load_before: String,
    rustc: String,
    command: String,
    runs: usize,
    min_ms: u64,
}

fn markdown(facts: &Facts, rows: &[Row], pages: &[Page], readability_first_name_ok: usize) -> String {
    let n = pages.len();
    let mut s = String::new();
    let _ = writeln!(s, "## {HEADING}\n");
    let _ = writeln!(s, "Produced by this command, from the repository root:\n\n```sh\n{}\n```\n", facts.command);
    let _ = writeln!(s, "- Date: {}; commit {}", facts.date, facts.commit);
    let _ = writeln!(s, "- Machine: {}", facts.machine);
    let _ = writeln!(
        s,
        "- Load average (1, 5, 15 min): {} before, {} after — other builds may have been running on the same cores",
        facts.load_before,
        loadavg()
    );
    let _ = writeln!(s, "- {}; {}", facts.rustc, rows.last().map(|r| r.note.as_str()).unwrap_or_default());
    let _ = writeln!(
        s,
        "- Pages: the {n} fixture pages of `crates/byline-extract/tests/fixtures/pages` (Azerbaijani, Russian — one of \
         them windows-1251 — and English news pages) with their `*.expected.json`. **These pages are ours**: written to \
         exercise byline-extract's cleanup and byline rules, and the expected texts and bylines are what we decided a \
         reader should get. They flatter every tool, and byline-extract most; a neutral corpus would score everyone \
         lower.\n"
    );
    let _ = writeln!(
        s,
        "| Tool | Body F1 | P | R | Titles right | Bylines: names right | Bylines: names + roles right | Failed | Pages/s | Pages/s + our sanitize |"
    );
    let _ = writeln!(s, "|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
    for row in rows {
        let sanitized =
            if row.name == Tool::Ours.name() { "(included)".to_string() } else { median_cell(&row.rates_sanitized) };
        let _ = writeln!(
            s,
            "| {} | {:.3} | {:.3} | {:.3} | {}/{n} | {}/{n} | {}/{n} | {} | {:.0} | {} |",
            row.name,
            row.mean(|p| p.f1),
            row.mean(|p| p.p),
            row.mean(|p| p.r),
            row.count(|p| p.title_ok),
            row.count(|p| p.names_ok),
            row.count(|p| p.roles_ok),
            row.count(|p| p.failed),
            median(row.rates.clone()),
            sanitized,
        );
    }

    // Targets.
    let ours = &rows[0];
    let others = &rows[1..];
    let our_f1 = ours.mean(|p| p.f1);
    let best_other = others.iter().map(|r| (r.mean(|p| p.f1), r.name.as_str())).max_by(|a, b| a.0.total_cmp(&b.0));
    let our_rate = median(ours.rates.clone());
    let mut fixed = 0;
    let mut they_miss = 0;
    let mut we_miss_they_get: Vec<String> = Vec::new();
    for (i, page) in pages.iter().enumerate() {
        let any_wrong = others.iter().any(|r| !r.pages[i].roles_ok);
        if any_wrong {
            they_miss += 1;
            fixed += usize::from(ours.pages[i].roles_ok);
        }
        if !ours.pages[i].roles_ok {
            let who: Vec<&str> = others.iter().filter(|r| r.pages[i].roles_ok).map(|r| r.name.as_str()).collect();
            if !who.is_empty() {
                we_miss_they_get.push(format!("{} ({})", page.name, who.join(", ")));
            }
        }
    }
    let met = |b: bool| if b { "met" } else { "**missed**" };
    let _ = writeln!(s, "\n### Targets\n\n| Target | Measured | |\n|---|---|---|");
    if let Some((f, who)) = best_other {
        let _ = writeln!(
            s,
            "| Body F1 higher than every other tool | {our_f1:.3} against {f:.3} ({who}) | {} |",
            met(our_f1 > f)
        );
    }
    let _ = writeln!(
        s,
        "| Byline names and roles right where another tool gets them wrong | {fixed} of the {they_miss} pages where at least one other tool is wrong{} | {} |",
        if we_miss_they_get.is_empty() {
            String::new()
        } else {
            format!("; wrong where another is right: {}", we_miss_they_get.join(", "))
        },
        met(fixed == they_miss && we_miss_they_get.is_empty())
    );
    let _ = writeln!(
        s,
        "| {RATE_TARGET:.0}+ pages/s, extract + sanitize, one process | {our_rate:.0} pages/s | {} |",
        met(our_rate >= RATE_TARGET)
    );

    // How it is measured.
    let _ = writeln!(s, "\n### How it is measured\n");
    let _ = writeln!(
        s,
        "- `bench/extract/run.sh` builds `bench/extract` (its own Cargo workspace, the main workspace's release profile) \
         and runs `bench/extract/readability.mjs` under node, then `byline-bench-extract`, which runs the three Rust \
         tools in one process and reads Readability's JSON."
    );
    let _ = writeln!(
        s,
        "- Body F1, P, R: the mean over pages of `token_f1` from `crates/byline-extract/tests/common/mod.rs` (bags of \
         whitespace-separated tokens, case and punctuation kept) between the tool's body text and `expected.text`; a \
         failed page scores 0. The Rust tools are scored as in `tests/compare.rs`; Readability's `textContent` is \
         scored by a port of the same function in readability.mjs and again by the Rust one, which must agree on \
         every page."
    );
    let _ = writeln!(
        s,
        "- Titles right: the tool's title, trimmed, equals `expected.title`. Bylines, names right (compare.rs's rule): \
         the tool's byline string, trimmed, equals the expected names joined by `\"; \"` (byline-extract's names are \
         joined that way; a page with no expected author needs an empty byline). Names + roles right: byline-extract's \
         list of (name, role) equals the expected one; the other tools give no roles, so they count only where names \
         are right and no role is expected. Under the laxer rule \"Readability's byline equals the first expected \
         name\", Readability gets {readability_first_name_ok}/{n}."
    );
    let _ = writeln!(
        s,
        "- Pages/s: whole passes over the {n} pages after one warm-up pass, for at least {} ms, {} runs; the median \
         run. One thread. byline-extract's figure is `byline_extract::extract` as the app calls it: decoding, \
         cleanup, metadata and bylines, dom_smoothie, then `sanitize_html` and the text. dom_smoothie and \
         rs-trafilatura are timed as `tests/compare.rs` times them (decode, extract, no sanitizing), and again with \
         `byline_feeds::sanitize::{{sanitize_html, html_to_text}}` on their body HTML (\"+ our sanitize\"). \
         Readability is timed inside node with `performance.now()`: decoding, `new JSDOM(html, {{url}})` and \
         `new Readability(document).parse()`, no sanitizing (Readability leaves that to the caller).",
        facts.min_ms, facts.runs
    );

    // Every page.
    page_table_head(&mut s, "Every page: body F1 and byline", rows.iter().map(|r| r.name.as_str()));
    for (i, page) in pages.iter().enumerate() {
        let want = page
            .expected
            .byline
            .iter()
            .map(|a| match &a.role {
                Some(r) => format!("{} — {r}", a.name),
                None => a.name.clone(),
            })
            .collect::<Vec<_>>()
            .join("; ");
        let _ = write!(s, "| {} | {} |", page.name, if want.is_empty() { "(none)".into() } else { cell(&want) });
        for row in rows {
            let p = &row.pages[i];
            let got = if p.roles_ok || p.failed {
                String::new()
            } else if p.got_byline.is_empty() {
                " (none)".to_string()
            } else {
                format!(" «{}»", cell(&p.got_byline))
            };
            let _ = write!(s, " {:.3}, {}{} |", p.f1, mark(p), got);
        }
        let _ = writeln!(s);
    }
    let _ = writeln!(s, "\n</details>\n\n<details><summary>Every run, pages/s</summary>\n");
    let _ = writeln!(s, "| Tool | Runs | + our sanitize |\n|---|---|---|");
    for row in rows {
        let _ = writeln!(
            s,
            "| {} | {} | {} |",
            row.name,
            runs_list(&row.rates),
            if row.name == Tool::Ours.name() {
                "(included)".into()
            } else if row.rates_sanitized.is_empty() {
                "—".into()
            } else {
                runs_list(&row.rates_sanitized)
            }
        );
    }
    let _ = writeln!(s, "\n</details>");
    s
}

/// Replaces the `## {heading}` section of `path` with `section`, or appends it.
/// Opens a folded per-page table: a `<details>` summary, then the header of
/// a table with the page, its expected byline and one column per tool.
fn page_table_head<'a>(s: &mut String, summary: &str, tools: impl Iterator<Item = &'a str> + Clone) {
    let _ = writeln!(s, "\n<details><summary>{summary}</summary>\n");
    let _ = write!(s, "| Page | Expected byline |");
    for name in tools.clone() {
        let _ = write!(s, " {name} |");
    }
    let _ = write!(s, "\n|---|---|");
    for _ in tools {
        let _ = write!(s, "---|");
    }
    let _ = writeln!(s);
}

fn write_section(path: &Path, heading: &str, section: &str) -> std::io::Result<()> {
    let existing = std::fs::read_to_string(path)?;
    std::fs::write(path, markdown::replace_section(&existing, heading, section))
}

fn read_node_report(path: &Path) -> Result<NodeReport, String> {
    std::fs::read_to_string(path)
        .map_err(|e| e.to_string())
        .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
        .map_err(|e| format!("{}: {e}", path.display()))
}

/// The real-world corpus: every tool, scored by `real.rs`, timed like the
/// fixture pages.
fn run_real(args: &Args, facts: &Facts, report_path: &Path) -> Result<String, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../crates/byline-extract/tests/fixtures/real");
    let pages = common::pages_in(&dir);
    let report = read_node_report(report_path)?;
    let mut real_rows: Vec<real::RealRow> = Tool::ALL
        .iter()
        .map(|&tool| real::RealRow {
            name: tool.name().to_string(),
            pages: pages.iter().map(|p| real::score(p, tool.run(p, false).as_ref())).collect(),
            rates: Vec::new(),
            rates_on_cores: Vec::new(),
        })
        .collect();
    let min = Duration::from_millis(args.min_ms);
    for run in 0..args.runs {
        for (row, &tool) in real_rows.iter_mut().zip(Tool::ALL.iter()) {
            let r = rate(&pages, min, |p| {
                std::hint::black_box(tool.run(p, false));
            });
            row.rates.push(r);
            eprintln!("real run {}: {:<24} {r:>8.1} pages/s", run + 1, tool.name());
            if !tool.runs_on_threads() {
                continue;
            }
            let r = rate_on_threads(&pages, min, cores(), |p| {
                std::hint::black_box(tool.run(p, false));
            });
            row.rates_on_cores.push(r);
            eprintln!("real run {}: {:<24} {r:>8.1} pages/s on {} threads", run + 1, tool.name(), cores());
        }
    }
    real_rows.push(real::RealRow {
        name: format!("Mozilla Readability {} (jsdom {}, node)", report.readability, report.jsdom),
        pages: real::readability_scores(&report, &pages)?,
        rates: report.timing.runs.iter().map(|r| r.pages_per_s).collect(),
        rates_on_cores: Vec::new(),
    });
    let runs = &report.timing.runs;
    let passes: usize = runs.iter().map(|r| r.pages).sum();
    let wall: f64 = runs.iter().map(|r| r.ms).sum();
    let note = format!(
        "node {}, @mozilla/readability {}, jsdom {}; Readability {:.1} ms a page here",
        report.node,
        report.readability,
        report.jsdom,
        wall / passes as f64
    );
    Ok(real::markdown(&args.real_heading, facts, &real_rows, &pages, &note))
}

struct Args {
    readability: PathBuf,
    runs: usize,
    min_ms: u64,
    out: Option<PathBuf>,
    command: Option<String>,
    real_readability: Option<PathBuf>,
    real_heading: String,
    /// byline-extract alone on the real corpus (`ours.rs`).
    ours_only: bool,
    dump: Option<PathBuf>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        readability: PathBuf::new(),
        runs: 3,
        min_ms: 2000,
        out: None,
        command: None,
        real_readability: None,
        real_heading: "Extraction: real-world corpus".into(),
        ours_only: false,
        dump: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or_else(|| format!("{a} needs a value"));
        match a.as_str() {
            "--readability" => args.readability = PathBuf::from(value()?),
            "--runs" => args.runs = value()?.parse().map_err(|e| format!("--runs: {e}"))?,
            "--min-ms" => args.min_ms = value()?.parse().map_err(|e| format!("--min-ms: {e}"))?,
            "--out" => args.out = Some(PathBuf::from(value()?)),
            "--command" => args.command = Some(value()?),
            "--real-readability" => args.real_readability = Some(PathBuf::from(value()?)),
            "--real-heading" => args.real_heading = value()?,
            "--ours-only" => args.ours_only = true,
            "--dump" => args.dump = Some(PathBuf::from(value()?)),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if args.ours_only {
        return Ok(args);
    }
    if args.readability.as_os_str().is_empty() {
        return Err("--readability FILE (the output of readability.mjs) is required".into());
    }
    if args.runs == 0 {
        return Err("--runs must be at least 1".into());
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("byline-bench-extract: {e}\nusage: byline-bench-extract --readability FILE [--runs N] [--min-ms MS] [--out BENCHMARKS.md] [--command CMD]");
            return ExitCode::from(2);
        }
    };
    if cfg!(debug_assertions) {
        eprintln!("byline-bench-extract: a debug build; speeds mean nothing (use --release)");
    }
    if args.ours_only {
        return match ours::run(args.runs, args.min_ms, args.dump.as_deref()) {
            Ok(s) => {
                print!("{s}");
                ExitCode::SUCCESS
            }
            Err(e) => {
                eprintln!("byline-bench-extract: {e}");
                ExitCode::FAILURE
            }
        };
    }
    let facts = Facts {
        date: chrono::Utc::now().format("%Y-%m-%d %H:%M UTC").to_string(),
        commit: commit(),
        machine: machine(),
        load_before: loadavg(),
        rustc: output("rustc", &["--version"]).unwrap_or_else(|| "rustc ?".into()),
        command: args.command.clone().unwrap_or_else(|| "bench/extract/run.sh".into()),
        runs: args.runs,
        min_ms: args.min_ms,
    };
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../crates/byline-extract/tests/fixtures/pages");
    let pages = common::pages_in(&dir);
    let report: NodeReport = match std::fs::read_to_string(&args.readability)
        .map_err(|e| e.to_string())
        .and_then(|s| serde_json::from_str(&s).map_err(|e| e.to_string()))
    {
        Ok(r) => r,
        Err(e) => {
            eprintln!("byline-bench-extract: {}: {e}", args.readability.display());
            return ExitCode::FAILURE;
        }
    };

    let mut rows: Vec<Row> = Tool::ALL
        .iter()
        .map(|&tool| Row {
            name: tool.name().to_string(),
            pages: pages.iter().map(|p| score_page(p, tool.run(p, false).as_ref())).collect(),
            rates: Vec::new(),
            rates_sanitized: Vec::new(),
            note: String::new(),
        })
        .collect();
    let min = Duration::from_millis(args.min_ms);
    for run in 0..args.runs {
        for (row, &tool) in rows.iter_mut().zip(Tool::ALL.iter()) {
            let r = rate(&pages, min, |p| {
                std::hint::black_box(tool.run(p, false));
            });
            row.rates.push(r);
            eprintln!("run {}: {:<24} {r:>8.1} pages/s", run + 1, tool.name());
            if tool != Tool::Ours {
                let r = rate(&pages, min, |p| {
                    std::hint::black_box(tool.run(p, true));
                });
                row.rates_sanitized.push(r);
                eprintln!("run {}: {:<24} {r:>8.1} pages/s with sanitize", run + 1, tool.name());
            }
        }
    }
    let first_name_ok = match readability_row(&report, &pages) {
        Ok((row, first)) => {
            rows.push(row);
            first
        }
        Err(e) => {
            eprintln!("byline-bench-extract: Readability's scores: {e}");
            return ExitCode::FAILURE;
        }
    };
    if (report.timing.min_ms - args.min_ms as f64).abs() > 0.5 {
        eprintln!(
            "byline-bench-extract: note: readability.mjs ran with --min-ms {}, this with {}",
            report.timing.min_ms, args.min_ms
        );
    }

    let section = markdown(&facts, &rows, &pages, first_name_ok);
    print!("{section}");
    if let Some(out) = &args.out {
        if let Err(e) = write_section(out, HEADING, &section) {
            eprintln!("byline-bench-extract: {}: {e}", out.display());
            return ExitCode::FAILURE;
        }
        eprintln!("wrote the \"{HEADING}\" section of {}", out.display());
    }
    if let Some(path) = &args.real_readability {
        let section = match run_real(&args, &facts, path) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("byline-bench-extract: the real corpus: {e}");
                return ExitCode::FAILURE;
            }
        };
        print!("\n{section}");
        if let Some(out) = &args.out {
            if let Err(e) = write_section(out, &args.real_heading, &section) {
                eprintln!("byline-bench-extract: {}: {e}", out.display());
                return ExitCode::FAILURE;
            }
            eprintln!("wrote the \"{}\" section of {}", args.real_heading, out.display());
        }
    }
    ExitCode::SUCCESS
}
