//! Scratch comparison of main-content extractors on the fixture pages:
//! dom_smoothie alone, rs-trafilatura alone, and this crate (dom_smoothie
//! plus its cleanup, title and byline work). Prints body-text F1 (bag of
//! whitespace tokens), byline and title hits, and pages per second.
//! Run in release for meaningful speed numbers:
//! `cargo test --release -p byline-extract --test compare -- --ignored --nocapture`

mod common;

use std::time::{Duration, Instant};

use byline_feeds::charset::decode_html;
use common::{pages, token_f1, Page};
use url::Url;

/// What one extractor made of one page.
struct Output {
    text: String,
    title: String,
    authors: String,
}

fn dom_smoothie(page: &Page) -> Option<Output> {
    let html = decode_html(&page.bytes, None);
    let mut r = dom_smoothie::Readability::new(html.as_ref(), Some(page.expected.url.as_str()), None).ok()?;
    let a = r.parse().ok()?;
    Some(Output { text: a.text_content.to_string(), title: a.title, authors: a.byline.unwrap_or_default() })
}

fn trafilatura(page: &Page) -> Option<Output> {
    let html = decode_html(&page.bytes, None);
    let options = rs_trafilatura::Options { url: Some(page.expected.url.clone()), ..Default::default() };
    let r = rs_trafilatura::extract_with_options(&html, &options).ok()?;
    Some(Output {
        text: r.content_text,
        title: r.metadata.title.unwrap_or_default(),
        authors: r.metadata.author.unwrap_or_default(),
    })
}

fn ours(page: &Page) -> Option<Output> {
    let url = Url::parse(&page.expected.url).ok()?;
    let e = byline_extract::extract(&page.bytes, None, &url, page.expected.feed_author.as_deref()).ok()?;
    let authors = e.byline.iter().map(|a| a.name.as_str()).collect::<Vec<_>>().join("; ");
    Some(Output { text: e.text, title: e.title, authors })
}

fn score(name: &str, extractor: fn(&Page) -> Option<Output>, pages: &[Page]) {
    let (mut f_sum, mut p_sum, mut r_sum, mut titles, mut bylines, mut failed) = (0.0, 0.0, 0.0, 0, 0, 0);
    let mut worst: Vec<(f64, &str)> = Vec::new();
    for page in pages {
        let Some(out) = extractor(page) else {
            failed += 1;
            worst.push((0.0, &page.name));
            continue;
        };
        let (p, r, f) = token_f1(&page.expected.text, &out.text);
        (f_sum, p_sum, r_sum) = (f_sum + f, p_sum + p, r_sum + r);
        worst.push((f, &page.name));
        titles += usize::from(out.title.trim() == page.expected.title);
        let want: Vec<&str> = page.expected.byline.iter().map(|a| a.name.as_str()).collect();
        bylines += usize::from(out.authors.trim() == want.join("; "));
    }
    // Speed: whole passes over all pages for at least half a second.
    let start = Instant::now();
    let mut done = 0usize;
    while start.elapsed() < Duration::from_millis(500) || done < pages.len() {
        for page in pages {
            std::hint::black_box(extractor(page));
            done += 1;
        }
    }
    let rate = done as f64 / start.elapsed().as_secs_f64();
    let n = pages.len() as f64;
    worst.sort_by(|a, b| a.0.total_cmp(&b.0));
    let worst: Vec<String> = worst.iter().take(3).map(|(f, n)| format!("{n} {f:.2}")).collect();
    println!(
        "{name:<16} F1 {:.3} (P {:.3} R {:.3})  titles {titles}/{}  bylines {bylines}/{}  failed {failed}  {rate:>7.1} pages/s  worst: {}",
        f_sum / n, p_sum / n, r_sum / n, pages.len(), pages.len(), worst.join(", ")
    );
}

#[test]
#[ignore = "comparison and speed run; use --release --ignored --nocapture"]
fn compare_extractors() {
    let pages = pages();
    println!("{} pages, profile: {}", pages.len(), if cfg!(debug_assertions) { "debug" } else { "release" });
    score("dom_smoothie", dom_smoothie, &pages);
    score("rs-trafilatura", trafilatura, &pages);
    score("byline-extract", ours, &pages);
}

#[test]
#[ignore = "speed run; use --release --ignored --nocapture"]
fn pages_per_second() {
    let pages = pages();
    let start = Instant::now();
    let mut done = 0usize;
    while start.elapsed() < Duration::from_secs(2) {
        for page in &pages {
            std::hint::black_box(ours(page));
            done += 1;
        }
    }
    println!(
        "byline-extract: {:.1} pages/s over {} fixture pages",
        done as f64 / start.elapsed().as_secs_f64(),
        pages.len()
    );
}
