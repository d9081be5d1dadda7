//! The real-world corpus (`tests/fixtures/real`, see its SOURCES.md): every
//! page loads, lands in one half of the split, and goes through `extract`
//! without a panic. Its scores are measured by `bench/extract`, not
//! asserted here, so that the held-out half stays unread by tests too.

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
        assert!(line.starts_with(&format!("- {} (", common::half(&page.name))), "{}", page.name);
    }
}
