//! `--ours-only`: byline-extract alone on the real-world corpus, for work on
//! byline-extract itself (no node, no other tool, a few seconds).
//!
//! - Prints byline names right, bylines invented, roles right and the body
//!   snippets found (must-have, must-not absent, pages with all right) per half,
//!   in aggregate: the halves of batches 1 to 4 (as before batch 5 came),
//!   then each later batch's halves apart (`common::LATER_BATCHES`), with
//!   the body F1 of batches 5 and 6 (to four places, so a small move
//!   shows); batch 7 is bylines only (those of batch 5's Scrapinghub pages,
//!   labelled later; a page's byline counts in its `byline_batch`).
//! - `--runs N` (0: none) times it as the full run does (`rate`), so the
//!   figure compares with the section's; `--runs 0` makes one pass only,
//!   for `valgrind --tool=callgrind`, whose instruction count is repeatable
//!   on a loaded machine.
//! - `--dump FILE` writes one line per page, to diff two builds: every
//!   output in full for the tune half; for the holdout half only a hash of
//!   the outputs (the honesty rule: holdout pages are never read one by
//!   one), which still shows whether a change moved any of them.

use std::fmt::Write as _;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::Path;
use std::time::Duration;

use crate::common::{half, Page, LATER_BATCHES};
use crate::real::{score, RealScore, Slice, HOLDOUT, TUNE};
use crate::{cores, median, rate, rate_on_threads, runs_list, Output, Tool};

/// Everything byline-extract gives for a page, as one comparable line.
fn describe(page: &Page) -> String {
    let Ok(url) = url::Url::parse(&page.expected.url) else { return "bad url".into() };
    // As `Tool::Ours` runs it: no Content-Type header.
    match byline_extract::extract(&page.bytes, None, &url, page.expected.feed_author.as_deref()) {
        Ok(e) => format!(
            "byline {:?} | agency {:?} | title {:?} | published {:?} | image {:?} | language {:?} | minutes {} | text {:?} | html {:?}",
            e.byline.iter().map(|a| (&a.name, &a.role)).collect::<Vec<_>>(),
            e.agency,
            e.title,
            e.published,
            e.lead_image,
            e.language,
            e.reading_minutes,
            e.text,
            e.content_html
        ),
        Err(err) => format!("error {err}"),
    }
}

/// Whether byline-extract gives the page's publication day, where the
/// page's answers know it: the same day as the answer writes it, or as
/// the answer's moment falls in UTC (a printed date has no time of day).
fn date_right(page: &Page) -> Option<bool> {
    let want = page.expected.published.as_deref()?;
    let url = url::Url::parse(&page.expected.url).ok()?;
    let Ok(extracted) = byline_extract::extract(&page.bytes, None, &url, page.expected.feed_author.as_deref()) else {
        return Some(false);
    };
    let got = extracted.published;
    let Some(got) = got.map(|d| d.date_naive().to_string()) else { return Some(false) };
    let as_written = want.get(..10) == Some(got.as_str());
    let in_utc = chrono::DateTime::parse_from_rfc3339(want).is_ok_and(|w| w.naive_utc().date().to_string() == got);
    Some(as_written || in_utc)
}

fn hash(s: &str) -> u64 {
    let mut h = DefaultHasher::new();
    s.hash(&mut h);
    h.finish()
}

/// Runs `--ours-only`; returns what to print.
pub fn run(runs: usize, min_ms: u64, dump: Option<&Path>) -> Result<String, String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../crates/byline-extract/tests/fixtures/real");
    let pages = crate::common::pages_in(&dir);
    let mut out = String::new();
    if let Some(path) = dump {
        let mut lines = String::new();
        for page in &pages {
            let d = describe(page);
            if half(&page.name) == "tune" {
                let want: Vec<_> = page.expected.byline.iter().map(|a| (&a.name, &a.role)).collect();
                let _ = writeln!(lines, "tune {} | want {want:?} | {d}", page.name);
            } else {
                let _ = writeln!(lines, "holdout #{:016x}", hash(&format!("{}\n{d}", page.name)));
            }
        }
        std::fs::write(path, lines).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let scores: Vec<RealScore> = pages.iter().map(|p| score(p, Tool::Ours.run(p, false).as_ref())).collect();
    let dates: Vec<Option<bool>> = pages.iter().map(date_right).collect();
    // Batches 1 to 4's halves, then each later batch's.
    let halves = |from: u32| {
        let later = LATER_BATCHES.iter().filter(move |b| b.number >= from);
        let later = later.flat_map(|b| {
            let n = b.number;
            [(format!("batch {n} tune"), Slice::tune_of(n)), (format!("batch {n} holdout"), Slice::holdout_of(n))]
        });
        [("tune".to_string(), TUNE), ("holdout".to_string(), HOLDOUT)].into_iter().chain(later)
    };
    for (label, which) in halves(5) {
        let (mut person, mut names, mut nobody, mut invented, mut none_found) = (0, 0, 0, 0, 0);
        let (mut roled, mut roles) = (0, 0);
        let (mut golden, mut f1) = (0, 0.0);
        let (mut with, mut without, mut body_ok, mut scored) = ((0, 0), (0, 0), 0, 0);
        let (mut titled, mut titles, mut dated, mut dates_right) = (0, 0, 0, 0);
        for (page, (s, date)) in pages.iter().zip(scores.iter().zip(&dates)).filter(|(p, _)| which.holds(p)) {
            if let Some(right) = date {
                dated += 1;
                dates_right += usize::from(*right);
            }
            if let Some(f) = s.f1 {
                golden += 1;
                f1 += f;
            }
            with = (with.0 + s.with_found, with.1 + page.expected.must_contain.len());
            without = (without.0 + s.without_absent, without.1 + page.expected.must_not_contain.len());
            body_ok += usize::from(s.body_ok);
            scored += 1;
            if !page.expected.title.is_empty() {
                titled += 1;
                titles += usize::from(s.title_ok);
            }
        }
        for (page, s) in pages.iter().zip(&scores).filter(|(p, _)| which.holds_byline(p)) {
            if !page.expected.byline_known() {
                // Not scored.
            } else if page.expected.byline.is_empty() {
                nobody += 1;
                invented += usize::from(s.invented);
            } else {
                person += 1;
                names += usize::from(s.names_ok);
                none_found += usize::from(!s.names_ok && s.got_byline.is_empty());
            }
            if page.expected.byline.iter().any(|a| a.role.is_some()) {
                roled += 1;
                roles += usize::from(s.roles_ok);
            }
        }
        let f1 =
            if golden == 0 { String::new() } else { format!(", body F1 {:.4} ({golden} pages)", f1 / golden as f64) };
        let _ = writeln!(
            out,
            "{label}: names right {names}/{person} (wrong: {} none found, {} other names), invented {invented}/{nobody}, \
             roles right {roles}/{roled}{f1}; snippets: must-have {}/{}, must-not absent {}/{}, \
             pages all right {body_ok}/{scored}; titles right {titles}/{titled}; dates right {dates_right}/{dated}",
            none_found,
            person - names - none_found,
            with.0,
            with.1,
            without.0,
            without.1
        );
    }
    // How the wrong names are wrong, per half, in aggregate only.
    // Batch 7 on: the batches whose bylines were labelled by hand.
    for (label, which) in halves(7) {
        let mut kinds: std::collections::BTreeMap<&str, usize> = std::collections::BTreeMap::new();
        for (page, s) in pages.iter().zip(&scores).filter(|(p, _)| which.holds_byline(p)) {
            if page.expected.byline.is_empty() || s.names_ok || s.got_byline.is_empty() {
                continue;
            }
            *kinds.entry(how_wrong(page, s)).or_default() += 1;
        }
        let _ = writeln!(out, "{label}: other names, by kind: {kinds:?}");
    }
    // The tune half's misses, one by one (never the holdout's; batches 1 to 4, then batch 7 on):
    // wrong names, then right names with a stated role got wrong.
    for (label, which) in halves(7).filter(|(_, which)| which.is_tune()) {
        for (page, s) in pages.iter().zip(&scores).filter(|(p, _)| which.holds_byline(p)) {
            let e = &page.expected;
            let wrong = e.byline_known() && if e.byline.is_empty() { s.invented } else { !s.names_ok };
            if wrong {
                let want: Vec<&str> = e.byline.iter().map(|a| a.name.as_str()).collect();
                let _ = writeln!(out, "  {label} miss {}: want {want:?}, got {:?}", page.name, s.got_byline);
            } else if e.byline.iter().any(|a| a.role.is_some()) && !s.roles_ok {
                let want: Vec<(&str, Option<&str>)> =
                    e.byline.iter().map(|a| (a.name.as_str(), a.role.as_deref())).collect();
                let _ = writeln!(out, "  {label} role miss {}: want {want:?}, got {:?}", page.name, s.got_byline);
            }
        }
    }
    let extract = |p: &Page| {
        std::hint::black_box(Tool::Ours.run(p, false).map(|o: Output| o.text.len()));
    };
    let (mut rates, mut on_cores) = (Vec::new(), Vec::new());
    for _ in 0..runs {
        rates.push(rate(&pages, Duration::from_millis(min_ms), extract));
        on_cores.push(rate_on_threads(&pages, Duration::from_millis(min_ms), cores(), extract));
    }
    if !rates.is_empty() {
        let _ = writeln!(
            out,
            "pages/s: median {:.1} ({}) on one thread, {:.1} ({}) on {} threads, load {}",
            median(rates.clone()),
            runs_list(&rates),
            median(on_cores.clone()),
            runs_list(&on_cores),
            cores(),
            crate::provenance::loadavg()
        );
    }
    Ok(out)
}

/// How a wrong byline differs from the expected one: some names missing,
/// extra names, a name with more (or fewer) words around the right one,
/// or other people.
fn how_wrong(page: &Page, s: &RealScore) -> &'static str {
    let key = crate::common::name_key;
    let want: Vec<String> = page.expected.byline.iter().map(|a| key(&a.name)).collect();
    let got: Vec<String> = s.got_byline.split("; ").map(|n| key(n.split(" — ").next().unwrap_or(n))).collect();
    let has = |list: &[String], k: &String| list.contains(k);
    if got.iter().all(|g| has(&want, g)) {
        "some names missing"
    } else if want.iter().all(|w| has(&got, w)) {
        "extra names"
    } else if want.len() == got.len() && want.iter().zip(&got).all(|(w, g)| g.contains(w.as_str())) {
        "a name with more around it"
    } else if want.len() == got.len() && want.iter().zip(&got).all(|(w, g)| w.contains(g.as_str())) {
        "a name cut short"
    } else if want.iter().any(|w| has(&got, w)) {
        "some right, some other"
    } else {
        "other people"
    }
}
