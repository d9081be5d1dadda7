//! The real-world corpus (`tests/fixtures/real`, see its SOURCES.md): every
//! page loads, lands in one half of the split, and goes through `extract`
//! without a panic. Its scores are measured by `bench/extract`, not
//! asserted here, so that the held-out half stays unread by tests too;
//! the exceptions are floors under the byline scores of batches 8 and
//! later, per half and in aggregate only (`common::LATER_BATCHES`' `floor`).

mod common;

use std::collections::HashSet;

use url::Url;

#[test]
fn every_real_page_loads_and_extracts() {
    let pages = common::real_pages();
    assert!(pages.len() >= 60, "{} pages", pages.len());
    let mut names = HashSet::new();
    let mut halves = [0usize; 2];
    for page in &pages {
        assert!(names.insert(page.name.clone()));
        let e = &page.expected;
        assert!(e.source.is_some(), "{}: no source", page.name);
        assert!(!e.must_contain.is_empty() || !e.text.is_empty(), "{}: nothing to check the body by", page.name);
        halves[usize::from(common::half(&page.name) == "holdout")] += 1;
        let url = Url::parse(&e.url).unwrap_or_else(|err| panic!("{}: {err}", page.name));
        // An error (no body found) is a score, not a failure of this test.
        let _ = byline_extract::extract(&page.bytes, e.content_type.as_deref(), &url, e.feed_author.as_deref());
    }
    assert!(halves[0] >= 25 && halves[1] >= 25, "split {halves:?}");
}

#[test]
fn the_split_is_by_name_alone() {
    assert_eq!(common::half("our-ru-dle-cp1251-avtor"), common::half("our-ru-dle-cp1251-avtor"));
    let sources = std::fs::read_to_string(common::fixtures_dir().join("real/SOURCES.md")).unwrap();
    for page in common::real_pages() {
        let listed = format!("`{}`", page.name);
        let line =
            sources.lines().find(|l| l.contains(&listed)).unwrap_or_else(|| panic!("{} not in SOURCES.md", page.name));
        assert!(line.starts_with(&format!("- {}", common::half(&page.name))), "{}", page.name);
        assert!(line.contains(&format!(", batch {} (", page.expected.batch())), "{}: batch in SOURCES.md", page.name);
        // The batches after batch 4 split on the hash's top bit: their pages are the ones named for it.
        let batch = common::later_batch_of(&page.name);
        let want = (page.expected.batch() >= 5).then_some(page.expected.batch());
        assert_eq!(batch.map(|b| b.number), want, "{}: the later batches and their prefixes", page.name);
    }
}

#[test]
fn batches_5_and_6_have_gold_bodies_and_unknown_bylines_only_where_decided_by_hand() {
    for page in common::real_pages().iter().filter(|p| (5..=6).contains(&p.expected.batch())) {
        let e = &page.expected;
        assert!(!e.text.trim().is_empty(), "{}: no gold body", page.name);
        assert!(!e.must_contain.is_empty(), "{}: no snippets", page.name);
        // Fundus's answers always name the authors (or nobody, on purpose). Scrapinghub's name
        // nobody: their bylines were decided by hand later (sh_bylines.py) and are batch 7, as
        // batch 6's unknown bylines were decided page by page in import_batch6.py.
        let scrapinghub = page.name.starts_with("sh-");
        assert_eq!(e.byline_batch() == 7, scrapinghub, "{}: batch 7 is Scrapinghub's bylines", page.name);
        if page.name.starts_with("fd-") {
            assert!(e.byline_known(), "{}", page.name);
        }
        assert!(e.byline_known() || e.byline.is_empty(), "{}", page.name);
    }
}

/// Prints byline-extract's byline and body scores in aggregate, by half and
/// batch ("fresh holdout" = the holdout pages of batches 2 and 3, or of batch 4 or any later one;
/// "tune" and "holdout" are batches 1 to 4, as before batch 5 came; body F1 where there is a gold
/// body, batches 5 and 6 only; a page's byline counts in its `byline_batch`, so batch 7 is the
/// bylines of batch 5's Scrapinghub pages alone), never page by page:
/// `cargo test -p byline-extract --test real -- --ignored --nocapture aggregate`.
#[test]
#[ignore = "a report, not a check"]
fn aggregate_by_half_and_batch() {
    let pages = common::real_pages();
    let mut slices = vec![
        ("tune".to_string(), "tune", 1..=4),
        ("holdout".to_string(), "holdout", 1..=4),
        ("fresh tune (batches 2, 3)".to_string(), "tune", 2..=3),
        ("fresh holdout (batches 2, 3)".to_string(), "holdout", 2..=3),
        ("batch 2 tune".to_string(), "tune", 2..=2),
        ("batch 2 holdout".to_string(), "holdout", 2..=2),
        ("batch 3 tune".to_string(), "tune", 3..=3),
        ("batch 3 holdout".to_string(), "holdout", 3..=3),
        ("batch 4 tune".to_string(), "tune", 4..=4),
        ("fresh holdout (batch 4)".to_string(), "holdout", 4..=4),
    ];
    for b in &common::LATER_BATCHES {
        let n = b.number;
        slices.push((format!("batch {n} tune"), "tune", n..=n));
        slices.push((format!("fresh holdout (batch {n})"), "holdout", n..=n));
    }
    for (label, half, batch) in slices {
        let (mut bylines, mut body, mut n) = (BylineTally::default(), 0, 0);
        // Body F1 summed over the pages with a gold body, and their count.
        let (mut f1, mut golden) = (0.0, 0);
        // A page's body counts in its batch, its byline in the batch the byline came in.
        let in_batch = |b: u32| batch.contains(&b);
        for page in pages.iter().filter(|p| {
            common::half(&p.name) == half && (in_batch(p.expected.batch()) || in_batch(p.expected.byline_batch()))
        }) {
            let e = &page.expected;
            let url = Url::parse(&e.url).unwrap();
            let got =
                byline_extract::extract(&page.bytes, e.content_type.as_deref(), &url, e.feed_author.as_deref()).ok();
            if in_batch(e.batch()) {
                n += 1;
                if !e.text.is_empty() {
                    golden += 1;
                    f1 += got.as_ref().map_or(0.0, |x| common::token_f1(&e.text, &x.text).2);
                }
                if let Some(x) = &got {
                    let text = common::no_space(&x.text);
                    body += usize::from(
                        e.must_contain.iter().all(|s| text.contains(&common::no_space(s)))
                            && !e.must_not_contain.iter().any(|s| text.contains(&common::no_space(s))),
                    );
                }
            }
            if in_batch(e.byline_batch()) {
                bylines.add(e, got.as_ref());
            }
        }
        let f1 =
            if golden == 0 { String::new() } else { format!(", body F1 {:.3} ({golden} pages)", f1 / golden as f64) };
        let BylineTally { person, names, silent, nobody, invented, roled, roles } = bylines;
        println!(
            "{label} ({n} pages): names {names}/{person} (none given on {silent}), invented {invented}/{nobody}, roles {roles}/{roled}, body {body}/{n}{f1}"
        );
    }
}

/// byline-extract's bylines over some pages, in aggregate, counted as
/// `bench/extract` counts them.
#[derive(Default)]
struct BylineTally {
    /// Pages with a person byline, and those where the names were right.
    person: usize,
    names: usize,
    /// Pages with a person byline where no byline was given (the other
    /// misses name someone else).
    silent: usize,
    /// Pages with no person byline, and those where one was given anyway.
    nobody: usize,
    invented: usize,
    /// Pages whose byline states a role, and those where names and roles
    /// were right.
    roled: usize,
    roles: usize,
}

impl BylineTally {
    /// Counts one page: `e` its answer, `got` byline-extract's output
    /// (`None`: it failed). A page whose byline is not known counts for
    /// neither names nor invented.
    fn add(&mut self, e: &common::Expected, got: Option<&byline_extract::Extracted>) {
        let got_names: Vec<String> =
            got.map(|x| x.byline.iter().map(|a| common::name_key(&a.name)).collect()).unwrap_or_default();
        let want: Vec<String> = e.byline.iter().map(|a| common::name_key(&a.name)).collect();
        if !e.byline_known() {
            // No answer for the byline: not scored.
        } else if want.is_empty() {
            self.nobody += 1;
            self.invented += usize::from(!got_names.is_empty());
        } else {
            self.person += 1;
            self.names += usize::from(got_names == want);
            self.silent += usize::from(got_names.is_empty());
        }
        if e.byline.iter().any(|a| a.role.is_some()) {
            self.roled += 1;
            let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
            self.roles += usize::from(got.is_some_and(|x| {
                x.byline.len() == e.byline.len()
                    && x.byline.iter().zip(&e.byline).all(|(g, w)| {
                        common::name_key(&g.name) == common::name_key(&w.name)
                            && g.role.as_deref().map(squash) == w.role.as_deref().map(squash)
                    })
            }));
        }
    }
}

/// Each batch from 8 on (see SOURCES.md) keeps at least the byline scores
/// of its first run, before anyone tuned on it (`common::Batch::floor`): a
/// guard against regressions, checked in aggregate per half only (the
/// holdout half is never read page by page).
#[test]
fn later_batches_keep_their_first_byline_scores() {
    for batch in &common::LATER_BATCHES {
        if let Some(floor) = batch.floor {
            assert_byline_floor(batch.number, floor);
        }
    }
}

/// Asserts that byline-extract's byline scores on one batch's pages, per
/// half and in aggregate, are at least `floor`'s, (tune, holdout).
fn assert_byline_floor(batch: u32, floor: [common::BylineFloor; 2]) {
    let pages = common::real_pages();
    for (half, common::BylineFloor { names, invented, roles }) in ["tune", "holdout"].into_iter().zip(floor) {
        let mut t = BylineTally::default();
        for page in pages.iter().filter(|p| p.expected.byline_batch() == batch && common::half(&p.name) == half) {
            let e = &page.expected;
            let url = Url::parse(&e.url).unwrap();
            let got =
                byline_extract::extract(&page.bytes, e.content_type.as_deref(), &url, e.feed_author.as_deref()).ok();
            t.add(e, got.as_ref());
        }
        assert!(
            t.names >= names && t.invented <= invented && t.roles >= roles,
            "batch {batch} {half}: names {}/{}, invented {}/{}, roles {}/{}",
            t.names,
            t.person,
            t.invented,
            t.nobody,
            t.roles,
            t.roled
        );
    }
}

/// Prints byline-extract's misses on the tune half (never the holdout half):
/// `cargo test -p byline-extract --test real -- --ignored --nocapture`.
#[test]
#[ignore = "a report for tuning, not a check"]
fn tune_half_misses() {
    let (mut right, mut total) = (0, 0);
    for page in common::real_pages().iter().filter(|p| common::half(&p.name) == "tune") {
        let fresh = match page.expected.batch() {
            1 => String::new(),
            b => format!(" (batch {b})"),
        };
        let e = &page.expected;
        let url = Url::parse(&e.url).unwrap();
        let got = byline_extract::extract(&page.bytes, e.content_type.as_deref(), &url, e.feed_author.as_deref());
        let (names, body) = match &got {
            Ok(x) => {
                let text = common::no_space(&x.text);
                let missing: Vec<&String> =
                    e.must_contain.iter().filter(|s| !text.contains(&common::no_space(s))).collect();
                let present: Vec<&String> =
                    e.must_not_contain.iter().filter(|s| text.contains(&common::no_space(s))).collect();
                (
                    x.byline
                        .iter()
                        .map(|a| format!("{} [{}]", a.name, a.role.as_deref().unwrap_or("-")))
                        .collect::<Vec<_>>(),
                    format!("missing {missing:?} present {present:?}"),
                )
            }
            Err(err) => (vec![format!("error {err}")], String::new()),
        };
        if let Ok(x) = &got {
            let squash = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ");
            if !e.title.is_empty() && squash(&x.title) != squash(&e.title) {
                println!("  title {}: want {:?} got {:?}", page.name, e.title, x.title);
            }
        }
        let want: Vec<String> = e.byline.iter().map(|a| common::name_key(&a.name)).collect();
        let got_keys: Vec<String> =
            got.as_ref().map(|x| x.byline.iter().map(|a| common::name_key(&a.name)).collect()).unwrap_or_default();
        total += 1;
        if !e.byline_known() || want == got_keys {
            right += 1;
        } else {
            println!(
                "{}{fresh}: want {:?} got {:?}",
                page.name,
                e.byline.iter().map(|a| (&a.name, &a.role)).collect::<Vec<_>>(),
                names
            );
        }
        if names.iter().any(|n| !n.ends_with(" [-]")) {
            println!("  roles {}: {names:?}", page.name);
        }
        if let Ok(x) = &got {
            println!("  language {}: {}", page.name, x.language.as_deref().unwrap_or("(none)"));
        }
        if !body.is_empty() && body != "missing [] present []" {
            println!("  body {}: {body:.300}", page.name);
        }
    }
    println!("tune bylines right: {right}/{total}");
}

/// Prints the body misses on the tune half (never the holdout half): for
/// each page the must-have snippets missing and the must-not snippets
/// present, and (with `BODY_OTHERS=1`) whether dom_smoothie alone or
/// rs-trafilatura got the page's body right:
/// `cargo test -p byline-extract --test real -- --ignored --nocapture tune_half_body_misses`.
#[test]
#[ignore = "a report for tuning, not a check"]
fn tune_half_body_misses() {
    let right = |e: &common::Expected, text: &str| {
        let text = common::no_space(text);
        e.must_contain.iter().all(|s| text.contains(&common::no_space(s)))
            && !e.must_not_contain.iter().any(|s| text.contains(&common::no_space(s)))
    };
    let (mut ours_right, mut smoothie_right, mut trafilatura_right, mut total) = (0, 0, 0, 0);
    for page in common::real_pages().iter().filter(|p| common::half(&p.name) == "tune") {
        let e = &page.expected;
        let url = Url::parse(&e.url).unwrap();
        let html = byline_feeds::charset::decode_html(&page.bytes, e.content_type.as_deref());
        // The other tools only when asked (`BODY_OTHERS=1`): they are slow in debug builds.
        let others = std::env::var_os("BODY_OTHERS").is_some();
        let smoothie = others
            && dom_smoothie::Readability::new(html.as_ref(), Some(e.url.as_str()), None)
                .ok()
                .and_then(|mut r| r.parse().ok())
                .is_some_and(|a| right(e, &a.text_content));
        let options = rs_trafilatura::Options { url: Some(e.url.clone()), ..Default::default() };
        let trafilatura =
            others && rs_trafilatura::extract_with_options(&html, &options).is_ok_and(|r| right(e, &r.content_text));
        let got = byline_extract::extract(&page.bytes, e.content_type.as_deref(), &url, e.feed_author.as_deref());
        total += 1;
        smoothie_right += usize::from(smoothie);
        trafilatura_right += usize::from(trafilatura);
        let text = match &got {
            Ok(x) if right(e, &x.text) => {
                ours_right += 1;
                continue;
            }
            Ok(x) => common::no_space(&x.text),
            Err(err) => {
                println!("{} (batch {}): error {err}", page.name, e.batch());
                continue;
            }
        };
        let missing: Vec<&String> = e.must_contain.iter().filter(|s| !text.contains(&common::no_space(s))).collect();
        let present: Vec<&String> = e.must_not_contain.iter().filter(|s| text.contains(&common::no_space(s))).collect();
        let ld = if html.contains("articleBody") { " ld" } else { "" };
        println!(
            "{} (batch {}; smoothie {}, trafilatura {}{ld}): missing {missing:?} present {present:?}",
            page.name,
            e.batch(),
            if smoothie { "right" } else { "wrong" },
            if trafilatura { "right" } else { "wrong" },
        );
    }
    println!(
        "tune bodies right: ours {ours_right}/{total}, dom_smoothie {smoothie_right}/{total}, rs-trafilatura {trafilatura_right}/{total}"
    );
}

/// Prints body precision, recall and F1 against the gold body for each of
/// batch 5's tune pages (never its holdout pages), worst F1 first, with the
/// token counts wanted and given:
/// `cargo test -p byline-extract --test real -- --ignored --nocapture batch_5_tune_f1`.
#[test]
#[ignore = "a report for tuning, not a check"]
fn batch_5_tune_f1() {
    let mut rows = Vec::new();
    for page in common::real_pages().iter().filter(|p| p.expected.batch() == 5 && common::half(&p.name) == "tune") {
        let e = &page.expected;
        let url = Url::parse(&e.url).unwrap();
        let text = byline_extract::extract(&page.bytes, e.content_type.as_deref(), &url, e.feed_author.as_deref())
            .map(|x| x.text)
            .unwrap_or_default();
        let (p, r, f1) = common::token_f1(&e.text, &text);
        rows.push((f1, p, r, page.name.clone(), e.text.split_whitespace().count(), text.split_whitespace().count()));
    }
    rows.sort_by(|a, b| a.0.total_cmp(&b.0));
    for (f1, p, r, name, want, got) in &rows {
        println!("{f1:.3} P {p:.3} R {r:.3} {name}: {want} tokens wanted, {got} given");
    }
}

/// Prints the body byline-extract gives for one tune-half page, named by
/// `BODY_PAGE` (refuses holdout pages):
/// `BODY_PAGE=name cargo test -p byline-extract --test real -- --ignored --nocapture tune_page_body`.
#[test]
#[ignore = "a report for tuning, not a check"]
fn tune_page_body() {
    let Ok(name) = std::env::var("BODY_PAGE") else { return };
    assert_eq!(common::half(&name), "tune", "only tune pages are looked at one by one");
    let page = common::real_pages().into_iter().find(|p| p.name == name).expect("no such page");
    let e = &page.expected;
    let url = Url::parse(&e.url).unwrap();
    match byline_extract::extract(&page.bytes, e.content_type.as_deref(), &url, e.feed_author.as_deref()) {
        Ok(x) => println!("{}", x.text),
        Err(err) => println!("error {err}"),
    }
}

/// Prints byline-extract's speed over the whole real corpus, one thread
/// (`extract` as the app calls it), after one warm-up pass:
/// `cargo test --release -p byline-extract --test real -- --ignored --nocapture real_pages_per_second`.
#[test]
#[ignore = "a speed report; run in release"]
fn real_pages_per_second() {
    let pages = common::real_pages();
    let run = || {
        for page in &pages {
            let e = &page.expected;
            let url = Url::parse(&e.url).unwrap();
            std::hint::black_box(
                byline_extract::extract(&page.bytes, e.content_type.as_deref(), &url, e.feed_author.as_deref()).ok(),
            );
        }
    };
    run();
    let start = std::time::Instant::now();
    run();
    run();
    let rate = (2 * pages.len()) as f64 / start.elapsed().as_secs_f64();
    println!("byline-extract: {rate:.1} pages/s over {} real pages", pages.len());
}
