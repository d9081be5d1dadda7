//! Every fixture page against its expected.json, and the seed page exactly.

mod common;

use byline_extract::{extract, Author, Extracted};
use chrono::DateTime;
use common::{pages, token_f1, Page};
use url::Url;

fn run(page: &Page) -> Extracted {
    let url = Url::parse(&page.expected.url).unwrap();
    extract(&page.bytes, page.expected.content_type.as_deref(), &url, page.expected.feed_author.as_deref())
        .unwrap_or_else(|e| panic!("{}: {e}", page.name))
}

fn check(page: &Page, got: &Extracted) -> Vec<String> {
    let want = &page.expected;
    let mut problems = Vec::new();
    let mut differ = |what: &str, w: String, g: String| {
        if w != g {
            problems.push(format!("{}: {what}: want {w:?}, got {g:?}", page.name));
        }
    };
    differ("title", want.title.clone(), got.title.clone());
    let want_byline: Vec<Author> = want.byline.iter().map(|a| Author::new(&a.name, a.role.clone())).collect();
    differ("byline", format!("{want_byline:?}"), format!("{:?}", got.byline));
    let want_published = want.published.as_deref().map(|p| DateTime::parse_from_rfc3339(p).unwrap().to_utc());
    differ("published", format!("{want_published:?}"), format!("{:?}", got.published));
    differ("lead_image", format!("{:?}", want.lead_image), format!("{:?}", got.lead_image));
    differ("language", format!("{:?}", want.language), format!("{:?}", got.language));
    let (_, _, f1) = token_f1(&want.text, &got.text);
    if f1 < 0.9 {
        problems.push(format!(
            "{}: body F1 {f1:.3} < 0.9\n--- got ---\n{}\n--- want ---\n{}",
            page.name, got.text, want.text
        ));
    }
    problems
}

#[test]
fn every_fixture_matches_its_expected_json() {
    let pages = pages();
    assert!(pages.len() >= 16, "only {} fixture pages", pages.len());
    let mut problems = Vec::new();
    let (mut sum_p, mut sum_r, mut sum_f) = (0.0, 0.0, 0.0);
    for page in &pages {
        let got = run(page);
        let (p, r, f) = token_f1(&page.expected.text, &got.text);
        println!("{:<32} P {p:.3}  R {r:.3}  F1 {f:.3}  byline {:?}", page.name, got.byline);
        (sum_p, sum_r, sum_f) = (sum_p + p, sum_r + r, sum_f + f);
        problems.extend(check(page, &got));
    }
    let n = pages.len() as f64;
    println!("aggregate over {} pages: P {:.3}  R {:.3}  F1 {:.3}", pages.len(), sum_p / n, sum_r / n, sum_f / n);
    assert!(problems.is_empty(), "{} problems:\n{}", problems.len(), problems.join("\n"));
}

#[test]
fn seed_page_exactly() {
    let page = pages().into_iter().find(|p| p.name == "az-seed-zerdab").expect("seed fixture");
    let got = run(&page);
    let title =
        "Xalqlarımızı ümumi köklərə, mənəvi və mədəni ortaqlığa əsaslanan çoxəsrlik dostluq, qardaşlıq birləşdirir";
    assert_eq!(got.title, title);
    assert_eq!(
        got.byline,
        vec![Author::new("Gülağa İsgəndərov", Some("Zərdab Rayon Təhsil Sektorunun müdiri".into()))]
    );
    let lower = got.text.to_lowercase();
    for junk in ["whatsapp", "messenger", "telegram", "vkontakte", "odnoklassniki", "reklam", "legitimaz", "qanunla"] {
        assert!(!lower.contains(junk), "{junk} in text:\n{}", got.text);
        assert!(!got.content_html.to_lowercase().contains(junk), "{junk} in html:\n{}", got.content_html);
    }
    assert!(!got.text.contains("İsgəndərov"), "the byline line stays out of the body");
    assert_eq!(got.text.matches("Xalqlarımızı ümumi köklərə").count(), 0, "title is not repeated in the body");
    assert!(
        got.text.starts_with("Azərbaycan və Qazaxıstan əlaqələri hər zaman yüksək səviyyədə olub."),
        "{}",
        got.text
    );
    assert!(got.text.ends_with("böyük əhəmiyyət daşıyır."), "{}", got.text);
    assert_eq!(got.text.lines().count(), 2);
    assert_eq!(got.language.as_deref(), Some("az"));
    assert_eq!(got.reading_minutes, 2);
    assert!(got.lead_image.as_deref().unwrap().ends_with("image-568490636_1369860041160437_173210413415282604_n.jpg"));
    let json = serde_json::to_value(&got).unwrap();
    assert_eq!(json["byline"][0]["role"], "Zərdab Rayon Təhsil Sektorunun müdiri");
}

#[test]
fn feed_author_is_used_only_when_the_page_names_nobody() {
    let page = pages().into_iter().find(|p| p.name == "az-seed-zerdab").unwrap();
    let url = Url::parse(&page.expected.url).unwrap();
    let got = extract(&page.bytes, None, &url, Some("Aynur Məmmədova")).unwrap();
    assert_eq!(got.byline[0].name, "Aynur Məmmədova", "feed author outranks the trailing line");
    assert!(got.text.contains("Gülağa İsgəndərov"), "an unused credit line stays in the body");
    let got = extract(&page.bytes, None, &url, Some("Zərdab Xəbər")).unwrap();
    assert_eq!(got.byline[0].name, "Gülağa İsgəndərov", "a site name from the feed is no byline");
}

#[test]
fn windows_1251_page_decodes_from_meta_and_from_header() {
    let page = pages().into_iter().find(|p| p.name == "ru-dle-cp1251").unwrap();
    assert!(std::str::from_utf8(&page.bytes).is_err(), "fixture must really be windows-1251");
    let url = Url::parse(&page.expected.url).unwrap();
    for content_type in [None, Some("text/html; charset=windows-1251")] {
        let got = extract(&page.bytes, content_type, &url, None).unwrap();
        assert!(got.text.contains("Коммунальные службы Сумгайыта"), "{}", got.text);
    }
}

#[test]
fn bad_urls_and_huge_pages_are_errors_not_panics() {
    let ftp = Url::parse("ftp://x.example.az/a").unwrap();
    assert!(matches!(extract(b"<p>x</p>", None, &ftp, None), Err(byline_extract::ExtractError::BadUrl(_))));
    let url = Url::parse("https://x.example.az/a").unwrap();
    let huge = vec![b'a'; byline_extract::MAX_PAGE_BYTES + 1];
    assert!(matches!(extract(&huge, None, &url, None), Err(byline_extract::ExtractError::TooLarge { .. })));
    assert!(extract(b"", None, &url, None).is_err());
}
