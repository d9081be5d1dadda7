//! Hostile pages: nothing dangerous may survive in `content_html`, and no
//! input may panic or overflow the stack.

mod common;

use std::time::Instant;

use byline_extract::{extract, Extracted};
use dom_query::Document;
use url::Url;

const PAGE_URL: &str = "https://safe.example.az/news/page.html";

/// Elements that must never reach the reading view.
const FORBIDDEN_TAGS: &[&str] = &[
    "script",
    "style",
    "iframe",
    "frame",
    "object",
    "embed",
    "applet",
    "svg",
    "math",
    "set",
    "animate",
    "use",
    "foreignobject",
    "base",
    "meta",
    "link",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "option",
    "template",
    "noscript",
    "xmp",
    "listing",
    "plaintext",
    "marquee",
    "keygen",
    "isindex",
    "area",
    "map",
];
/// Attributes that must never reach the reading view.
const FORBIDDEN_ATTRS: &[&str] = &[
    "style",
    "srcdoc",
    "formaction",
    "action",
    "xlink:href",
    "background",
    "dynsrc",
    "lowsrc",
    "data",
    "to",
    "values",
];
/// Attributes holding URLs.
const URL_ATTRS: &[&str] = &["href", "src", "cite", "poster", "longdesc", "usemap"];

/// A real-looking article with `payload` in the middle of its body.
fn article_with(payload: &str) -> String {
    let para = "Bakıda keçirilən beynəlxalq forumda regional əməkdaşlığın yeni istiqamətləri müzakirə olunub. \
                Tədbirdə iyirmidən çox ölkənin nümayəndələri iştirak edib və birgə bəyannamə qəbul olunub.";
    format!(
        r#"<!DOCTYPE html><html lang="az"><head><meta charset="utf-8"><title>Forum başa çatıb | Sayt</title></head>
        <body><header><nav><a href="/">Ana səhifə</a></nav></header>
        <article><h1>Forum başa çatıb</h1><div class="entry-content">
        <p>{para}</p><p>{para}</p>
        {payload}
        <p>{para}</p><p>{para}</p>
        </div></article><footer>© Sayt</footer></body></html>"#
    )
}

fn run(html: &str) -> Option<Extracted> {
    extract(html.as_bytes(), None, &Url::parse(PAGE_URL).unwrap(), None).ok()
}

/// Panics (with the offending HTML) if anything executable survived.
fn assert_safe(name: &str, got: &Extracted) {
    let html = &got.content_html;
    let lower = html.to_lowercase();
    // URL attributes are checked one by one below: a relative "\u{e} javascript:x"
    // legitimately becomes https://safe.example.az/news/%0E%20javascript:x.
    for needle in ["<script", "=\"javascript:", "vbscript:", "expression(", "-moz-binding", "behavior:", "evil.example"]
    {
        assert!(!lower.contains(needle), "{name}: {needle:?} survived in\n{html}");
    }
    let doc = Document::from(html.as_str());
    for node in doc.select("*").nodes() {
        let tag = node.node_name().unwrap_or_default().to_lowercase();
        assert!(!FORBIDDEN_TAGS.contains(&tag.as_str()), "{name}: <{tag}> survived in\n{html}");
        for attr in node.attrs() {
            let attr_name = attr.name.local.to_lowercase();
            assert!(!attr_name.starts_with("on"), "{name}: {attr_name} on <{tag}> survived in\n{html}");
            assert!(!FORBIDDEN_ATTRS.contains(&attr_name.as_str()), "{name}: {attr_name} survived in\n{html}");
            let value: String = attr.value.chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
            let value = value.to_lowercase();
            let web = |v: &str| v.starts_with("https://") || v.starts_with("http://") || v.starts_with("mailto:");
            if URL_ATTRS.contains(&attr_name.as_str()) {
                assert!(web(&value), "{name}: {attr_name}={value:?} survived in\n{html}");
            }
            if attr_name == "srcset" {
                for candidate in value.split(',') {
                    assert!(web(candidate.trim()), "{name}: srcset {value:?} survived in\n{html}");
                }
            }
        }
        if tag == "a" && node.has_attr("href") {
            let rel = node.attr("rel").unwrap_or_default();
            assert!(rel.contains("noopener") && rel.contains("noreferrer"), "{name}: link without noopener in\n{html}");
        }
    }
    // title and text are plain text (shown escaped), so a literal "<script>"
    // in them is just characters; bylines must still be names.
    for author in &got.byline {
        assert!(!author.name.contains('<'), "{name}: markup in a byline: {author:?}");
    }
    if let Some(image) = &got.lead_image {
        assert!(image.starts_with("https://") || image.starts_with("http://"), "{name}: lead image {image}");
    }
}

fn hostile_files() -> Vec<(String, String)> {
    let dir = common::fixtures_dir().join("hostile");
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let path = e.ok()?.path();
            let name = path.file_name()?.to_string_lossy().into_owned();
            name.ends_with(".html").then(|| (name, std::fs::read_to_string(&path).unwrap()))
        })
        .collect();
    files.sort();
    files
}

#[test]
fn hostile_corpus_leaves_nothing_dangerous() {
    let files = hostile_files();
    assert!(files.len() >= 7);
    for (name, payload) in &files {
        // The payload inside a real article must be extracted, safely.
        let got = run(&article_with(payload)).unwrap_or_else(|| panic!("{name}: embedded page not extracted"));
        assert_safe(name, &got);
        assert!(got.text.contains("regional əməkdaşlığın"), "{name}: article text lost:\n{}", got.text);
        // The raw file as a whole page may have no article, but must not panic.
        if let Some(got) = run(payload) {
            assert_safe(&format!("{name} (raw)"), &got);
        }
    }
}

#[test]
fn base_tag_does_not_redirect_relative_links() {
    let payload = hostile_files().into_iter().find(|(n, _)| n == "base-meta.html").unwrap().1;
    let got = run(&article_with(&payload)).unwrap();
    assert!(
        got.content_html.contains(r#"href="https://safe.example.az/news/relative/path.html""#),
        "{}",
        got.content_html
    );
    assert!(got.content_html.contains(r#"src="https://safe.example.az/img/pic.jpg""#), "{}", got.content_html);
}

#[test]
fn safe_parts_of_hostile_markup_are_kept() {
    let files = hostile_files();
    let js = &files.iter().find(|(n, _)| n == "js-urls.html").unwrap().1;
    let got = run(&article_with(js)).unwrap();
    assert!(got.content_html.contains(r#"href="https://safe.example.az/relative/ok""#), "{}", got.content_html);
    let script = &files.iter().find(|(n, _)| n == "script-everywhere.html").unwrap().1;
    let got = run(&article_with(script)).unwrap();
    assert!(got.text.contains("Caption") && got.text.contains("here"), "{}", got.text);
}

#[test]
fn hostile_metadata_is_plain_text_and_web_urls() {
    let script = hostile_files().into_iter().find(|(n, _)| n == "script-everywhere.html").unwrap().1;
    let page = script
        .replace("<p>Before", &format!("{}<p>Before", "<p>Uzun mətn abzası burada yazılıb və oxunur. </p>".repeat(12)));
    let got = run(&page).expect("page with enough text");
    assert_safe("script-everywhere (metadata)", &got);
    assert!(!got.title.contains('<'), "{}", got.title);
    // og:image is javascript: and dropped; the broken JSON-LD leaves a real
    // <img src=x> in the page, which becomes an ordinary resolved URL.
    assert_eq!(got.lead_image.as_deref(), Some("https://safe.example.az/news/x"));
}

fn nested(open: &str, close: &str, depth: usize) -> String {
    let para =
        "<p>Dərin yuvalanmış mətn də oxunmalıdır, çünki bəzi saytların şablonları həddindən artıq iç-içə qurulub.</p>";
    format!("{}{}{}", open.repeat(depth), para.repeat(5), close.repeat(depth))
}

#[test]
fn nesting_a_thousand_deep_neither_panics_nor_overflows() {
    let cases = [
        ("div", nested("<div>", "</div>", 1000)),
        ("b+i", nested("<b><i>", "</i></b>", 500)),
        ("table", nested("<table><tr><td>", "</td></tr></table>", 1000)),
        ("ul/li", nested("<ul><li>", "</li></ul>", 1000)),
        ("blockquote", nested("<blockquote>", "</blockquote>", 1000)),
        ("a", nested("<a href=\"/x\">", "</a>", 1000)),
        ("unclosed p/span", nested("<span><p>", "", 1000)),
        ("svg", nested("<svg><g>", "</g></svg>", 1000)),
    ];
    for (name, body) in &cases {
        let start = Instant::now();
        let page = article_with(body);
        let got = run(&page).unwrap_or_else(|| panic!("{name}: 1000 deep is still extracted"));
        assert_safe(name, &got);
        assert!(got.text.contains("Dərin yuvalanmış mətn"), "{name}: deep text lost:\n{}", got.text);
        println!("{name}: {:?}", start.elapsed());
    }
}

#[test]
fn nesting_a_hundred_thousand_deep_is_refused_quickly() {
    for (name, open, close) in [("div", "<div>", "</div>"), ("font", "<font>", ""), ("table", "<table><tr><td>", "")] {
        let start = Instant::now();
        let page = article_with(&nested(open, close, 100_000));
        let got = extract(page.as_bytes(), None, &Url::parse(PAGE_URL).unwrap(), None);
        assert!(matches!(got, Err(byline_extract::ExtractError::TooDeep { .. })), "{name}: {:?}", got.map(|g| g.title));
        println!("{name} x100000: {:?}", start.elapsed());
        assert!(start.elapsed().as_secs() < 5, "{name}: refusing took {:?}", start.elapsed());
    }
}

#[test]
fn garbage_bytes_never_panic() {
    let url = Url::parse(PAGE_URL).unwrap();
    let inputs: Vec<Vec<u8>> = vec![
        vec![],
        b"\xff\xfe\x00<\x00p".to_vec(),
        b"<<<<>>>><!--<!--".to_vec(),
        b"<html><head><meta charset=\"utf-7\"><title>+ADw-script+AD4-</title></head>".to_vec(),
        (0u8..=255).collect(),
        "<p>".repeat(10_000).into_bytes(),
        b"<script type=\"application/ld+json\">[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[</script>".to_vec(),
    ];
    for (i, bytes) in inputs.iter().enumerate() {
        let _ = extract(bytes, Some("text/html; charset=utf-16"), &url, Some("<script>x</script>"));
        let _ = extract(bytes, None, &url, None);
        println!("input {i} ok");
    }
}
