//! A report, not a check: how reliable each kind of byline evidence is on
//! the **tune half** of the real corpus (never the holdout half), for the
//! constants in `agree.rs`:
//! `cargo test -p byline-extract --lib -- --ignored --nocapture source_reliability`
//! (`BYLINE_PAGES=name,name` prints every candidate on those tune pages).
//!
//! For each kind (and, for page elements, in the headline's neighbourhood
//! or elsewhere) it counts the pages where the source named anybody, the
//! pages where it named exactly the expected people, and the pages with no
//! person byline where it named somebody anyway.

use std::collections::BTreeMap;
use std::path::Path;

use dom_query::Document;
use url::Url;

use super::{from_elements, from_feed, from_json_ld, from_meta, trailing_byline, Context, Found};
use crate::text::letters_and_digits as key;
use crate::{cleanup, jsonld, main_content, metadata, title};

/// Which half of the corpus a page of `batch` is in (the rule of
/// `tests/common`, `half`: FNV-1a of the name, its lowest bit for batches
/// 1 to 4 and its top bit for the later ones; 0 → tune).
fn is_tune(name: &str, batch: u64) -> bool {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in name.bytes() {
        h = (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    if batch >= 5 {
        h >> 63 == 0
    } else {
        h % 2 == 0
    }
}

/// The page's bytes: `NAME.html`, or `NAME.html.gz` decompressed (the
/// later batches keep their pages gzipped).
fn page_bytes(dir: &Path, name: &str) -> Vec<u8> {
    let plain = dir.join(format!("{name}.html"));
    if let Ok(bytes) = std::fs::read(&plain) {
        return bytes;
    }
    let file = std::fs::File::open(dir.join(format!("{name}.html.gz"))).unwrap();
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut flate2::read::GzDecoder::new(file), &mut bytes).unwrap();
    bytes
}

/// Every source's candidate on one page, as `extract` reads them.
fn candidates(html: &str, url: &Url, feed_author: Option<&str>) -> Vec<Found> {
    let page = Document::from(html);
    cleanup::flatten_deep(&page);
    let ld = jsonld::read(&page);
    let meta = metadata::Meta::read(&page);
    let site_names = metadata::site_names(&meta, &ld, &page);
    let title = title::pick(&page, &meta, &ld, &site_names);
    let page_title = crate::dom::elements_named(&page, &["title"]).first().map(crate::dom::text_of);
    let ctx = Context::new(&site_names, url).with_page_title(page_title.as_deref());
    let mut out = vec![from_json_ld(&ld, &ctx), from_meta(&meta, &page, page_title.as_deref(), &title, &ctx)];
    out.push(from_elements(&page, &title, &ctx));
    out.push(from_feed(feed_author, &ctx));
    cleanup::remove_noise(&page, url);
    cleanup::remove_meta_lines(&page);
    if let Ok(main) = main_content::extract_main(&page.html(), url) {
        let content = Document::from(main.html.as_str());
        cleanup::remove_noise(&content, url);
        title::drop_repeated_title(&content, &title);
        if let Some(t) = trailing_byline(&content, &ctx) {
            out.push(Found::new(t.authors.clone(), super::Evidence::Trailing));
        }
    }
    out
}

#[derive(Default)]
struct Tally {
    named: usize,
    right: usize,
    invented: usize,
}

#[test]
#[ignore = "a report for tuning, not a check"]
fn source_reliability() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter_map(|f| f.strip_suffix(".expected.json").map(String::from))
        // `BYLINE_PAGES=a,b`: only these tune pages, with every candidate printed.
        .filter(|n| std::env::var("BYLINE_PAGES").map_or(true, |only| only.split(',').any(|o| o == n)))
        .collect();
    // `BYLINE_HALF=holdout`: the same counts on the holdout half, in aggregate only.
    let holdout = std::env::var("BYLINE_HALF").as_deref() == Ok("holdout");
    names.sort();
    let mut tally: BTreeMap<String, Tally> = BTreeMap::new();
    let (mut agreed, mut agreed_right) = (0, 0);
    let mut missed: BTreeMap<String, usize> = BTreeMap::new();
    // Pages where two sources name different people: which one was right.
    let (mut disagreed, mut first_right, mut other_right) = (0, 0, 0);
    for name in &names {
        let expected: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join(format!("{name}.expected.json"))).unwrap()).unwrap();
        let batch = expected["batch"].as_u64().unwrap_or(1);
        // Batch 7 labels batch 5's Scrapinghub pages again: those pages count once.
        if is_tune(name, batch) == holdout || expected["byline_known"] == false {
            continue;
        }
        let bytes = page_bytes(&dir, name);
        let html = byline_feeds::charset::decode_html(&bytes, expected["content_type"].as_str());
        let url = Url::parse(expected["url"].as_str().unwrap()).unwrap();
        let want: Vec<String> = expected["byline"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| key(a["name"].as_str().unwrap_or_default()))
            .collect();
        let found = candidates(&html, &url, expected["feed_author"].as_str());
        // A person byline that `extract` misses: did any source name the right people?
        let given = crate::extract(&bytes, expected["content_type"].as_str(), &url, expected["feed_author"].as_str())
            .map(|x| x.byline.iter().map(|a| key(&a.name)).collect::<Vec<_>>())
            .unwrap_or_default();
        if !want.is_empty() && given != want {
            let kinds: Vec<String> = found
                .iter()
                .filter(|f| f.authors.iter().map(|a| key(&a.name)).collect::<Vec<_>>() == want)
                .map(|f| format!("{:?}{}", f.evidence, if f.near_headline { " (header)" } else { "" }))
                .collect();
            let what = if given.is_empty() { "none given" } else { "another given" };
            *missed.entry(format!("{what}; right in: {kinds:?}")).or_default() += 1;
        }
        for f in found.iter().filter(|f| !f.is_empty()) {
            let got: Vec<String> = f.authors.iter().map(|a| key(&a.name)).collect();
            let t =
                tally.entry(format!("{:?}{}", f.evidence, if f.near_headline { " (header)" } else { "" })).or_default();
            t.named += 1;
            t.right += usize::from(got == want);
            t.invented += usize::from(want.is_empty());
        }
        if std::env::var_os("BYLINE_PAGES").is_some() && !holdout {
            println!("{name}: want {want:?}");
            for f in &found {
                println!("  {:?} near={} {:?}", f.evidence, f.near_headline, f.authors);
            }
        }
        let named: Vec<&Found> = found.iter().filter(|f| !f.is_empty()).collect();
        if named.len() >= 2 && named.iter().skip(1).any(|f| f.shares_a_name(&named[0].authors)) {
            agreed += 1;
            agreed_right += usize::from(named[0].authors.iter().map(|a| key(&a.name)).collect::<Vec<_>>() == want);
        }
        if let Some(other) = named.iter().skip(1).find(|f| !f.shares_a_name(&named[0].authors)) {
            disagreed += 1;
            let right = |f: &Found| f.authors.iter().map(|a| key(&a.name)).collect::<Vec<_>>() == want;
            first_right += usize::from(right(named[0]));
            other_right += usize::from(right(other));
            println!(
                "  disagree{}: {:?} {} vs {:?} {}",
                if holdout { String::new() } else { format!(" on {name}") },
                named[0].evidence,
                u8::from(right(named[0])),
                other.evidence,
                u8::from(right(other))
            );
        }
    }
    println!(
        "{} half, {} pages: kind: right/named (invented on pages with no person), smoothed",
        std::env::var("BYLINE_HALF").unwrap_or("tune".into()),
        names.len()
    );
    for (kind, t) in &tally {
        let smoothed = (t.right as f32 + 1.0) / (t.named as f32 + 2.0);
        println!("{kind}: {}/{} ({}) {smoothed:.2}", t.right, t.named, t.invented);
    }
    println!("first source confirmed by another: right {agreed_right}/{agreed}");
    for (what, n) in &missed {
        println!("missed person bylines, {what}: {n}");
    }
    println!(
        "first source contradicted by another: first right {first_right}, other right {other_right}, of {disagreed}"
    );
}
