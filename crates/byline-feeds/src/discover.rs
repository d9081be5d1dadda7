//! Feed autodiscovery: finding a site's feeds from its HTML.
//!
//! [`feed_links`] reads what a page advertises, [`common_feed_paths`] lists
//! the usual places to probe when it advertises nothing, and
//! [`looks_like_html`] tells a fetched page from a fetched feed cheaply.
//!
//! ```
//! use byline_feeds::discover::{feed_links, FeedKind};
//! use url::Url;
//!
//! let page = Url::parse("https://example.com/blog/").unwrap();
//! let html = r#"<head><link rel="alternate" type="application/rss+xml"
//!     title="Posts" href="feed/"></head>"#;
//! let links = feed_links(html, &page);
//! assert_eq!(links[0].url.as_str(), "https://example.com/blog/feed/");
//! assert_eq!(links[0].kind, FeedKind::Rss);
//! ```

use std::collections::HashSet;

use dom_query::{Document, Selection};
use url::Url;

/// The paths [`common_feed_paths`] tries, most likely first.
const COMMON_PATHS: [&str; 8] =
    ["/feed", "/rss", "/rss.xml", "/feed.xml", "/atom.xml", "/index.xml", "/feed.json", "/rss/news"];

/// How many leading bytes [`looks_like_html`] inspects.
const SNIFF_LEN: usize = 1024;

/// The format a discovered link claims to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum FeedKind {
    /// RSS 0.9x/2.0 or RSS 1.0 (RDF).
    Rss,
    /// Atom.
    Atom,
    /// JSON Feed.
    Json,
    /// A feed of a format the page does not say.
    Unknown,
}

/// A feed a page links to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FeedLink {
    /// Absolute http(s) address of the feed, without fragment.
    pub url: Url,
    /// The page's name for it (`title` attribute or anchor text).
    pub title: Option<String>,
    /// The format the link claims.
    pub kind: FeedKind,
}

/// The feeds `html` links to, deduplicated, in document order.
///
/// Finds `<link rel="alternate">` with a feed `type`
/// (`application/rss+xml`, `application/atom+xml`, `application/feed+json`,
/// `application/json`, `application/rdf+xml`, `text/xml`) — `rel` may hold
/// several tokens, matched case-insensitively — and `<link rel="feed">`.
/// Hrefs resolve against `<base href>` if present, else `page_url`; only
/// http(s) results are kept. WordPress REST API links (`/wp-json/`, typed
/// `application/json`) are not feeds and are skipped.
///
/// Only when no such `<link>` exists, `<a href>` whose path ends in `.rss`,
/// `.atom`, `/feed`, `/rss` (optionally with a trailing slash), or in `.xml`
/// with `rss`, `feed` or `atom` in the path, are returned instead.
pub fn feed_links(html: &str, page_url: &Url) -> Vec<FeedLink> {
    let doc = Document::from(html);
    let base = base_url(&doc, page_url);
    let links = collect(&doc, "link[href]", |el| link_candidate(el, &base));
    if !links.is_empty() {
        return links;
    }
    collect(&doc, "a[href]", |el| anchor_candidate(el, &base))
}

fn collect(doc: &Document, selector: &str, candidate: impl Fn(&Selection<'_>) -> Option<FeedLink>) -> Vec<FeedLink> {
    let mut seen = HashSet::new();
    doc.select(selector).iter().filter_map(|el| candidate(&el)).filter(|link| seen.insert(link.url.clone())).collect()
}

/// The document's base URL: the first `<base href>`, resolved against the
/// page's own address, else the page's address.
fn base_url(doc: &Document, page_url: &Url) -> Url {
    doc.select("base[href]")
        .iter()
        .next()
        .and_then(|base| base.attr("href"))
        .and_then(|href| page_url.join(href.trim()).ok())
        .unwrap_or_else(|| page_url.clone())
}

/// Resolves `href` to an absolute http(s) URL without fragment.
fn resolve(base: &Url, href: &str) -> Option<Url> {
    let href = href.trim();
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    let mut url = base.join(href).ok()?;
    if !is_http(&url) {
        return None;
    }
    url.set_fragment(None);
    Some(url)
}

fn is_http(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https")
}

fn link_candidate(el: &Selection<'_>, base: &Url) -> Option<FeedLink> {
    let rel = el.attr("rel")?;
    let has_rel = |token: &str| rel.split_ascii_whitespace().any(|t| t.eq_ignore_ascii_case(token));
    let (is_alternate, is_feed) = (has_rel("alternate"), has_rel("feed"));
    if !is_alternate && !is_feed {
        return None;
    }
    let url = resolve(base, &el.attr("href")?)?;
    let kind = match el.attr("type").map(|t| media_type(&t)) {
        Some(media) => kind_from_type(&media, &url)?,
        // `rel="feed"` may omit the type; `rel="alternate"` may not.
        None if is_feed => kind_from_path(url.path()),
        None => return None,
    };
    Some(FeedLink { title: el.attr("title").and_then(|t| clean_text(&t)), kind, url })
}

/// The type's essence, lowercased, without parameters such as `charset`.
fn media_type(value: &str) -> String {
    value.split(';').next().unwrap_or_default().trim().to_ascii_lowercase()
}

fn kind_from_type(media: &str, url: &Url) -> Option<FeedKind> {
    match media {
        "application/rss+xml" | "application/rdf+xml" => Some(FeedKind::Rss),
        "application/atom+xml" => Some(FeedKind::Atom),
        "application/feed+json" => Some(FeedKind::Json),
        "application/json" if !url.path().contains("/wp-json/") => Some(FeedKind::Json),
        "text/xml" => Some(kind_from_path(url.path())),
        _ => None,
    }
}

fn anchor_candidate(el: &Selection<'_>, base: &Url) -> Option<FeedLink> {
    let url = resolve(base, &el.attr("href")?)?;
    if !is_feed_path(url.path()) {
        return None;
    }
    let title = clean_text(&el.text()).or_else(|| el.attr("title").and_then(|t| clean_text(&t)));
    Some(FeedLink { kind: kind_from_path(url.path()), title, url })
}

fn is_feed_path(path: &str) -> bool {
    const ENDINGS: [&str; 6] = [".rss", ".atom", "/feed", "/rss", "/feed/", "/rss/"];
    let path = path.to_ascii_lowercase();
    ENDINGS.iter().any(|ending| path.ends_with(ending))
        || (path.ends_with(".xml") && ["rss", "feed", "atom"].iter().any(|w| path.contains(w)))
}

/// A guess from the address alone; `/feed` could be anything.
fn kind_from_path(path: &str) -> FeedKind {
    let path = path.to_ascii_lowercase();
    let last = path.trim_end_matches('/').rsplit('/').next().unwrap_or_default();
    if last.ends_with(".atom") || (last.ends_with(".xml") && last.contains("atom")) {
        FeedKind::Atom
    } else if last.ends_with(".rss") || last == "rss" || (last.ends_with(".xml") && last.contains("rss")) {
        FeedKind::Rss
    } else if last.ends_with(".json") && last.contains("feed") {
        FeedKind::Json
    } else {
        FeedKind::Unknown
    }
}

/// Whitespace-collapsed text, `None` when blank.
fn clean_text(text: &str) -> Option<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    (!text.is_empty()).then_some(text)
}

/// Addresses to probe when a page names no feed: `/feed`, `/rss`, `/rss.xml`,
/// `/feed.xml`, `/atom.xml`, `/index.xml`, `/feed.json`, `/rss/news` on the
/// site's origin, in that order, leaving out the page's own address. Empty
/// for non-http(s) URLs.
pub fn common_feed_paths(site: &Url) -> Vec<Url> {
    if !is_http(site) {
        return Vec::new();
    }
    let mut page = site.clone();
    page.set_fragment(None);
    COMMON_PATHS.iter().filter_map(|path| site.join(path).ok()).filter(|candidate| *candidate != page).collect()
}

/// A cheap sniff: `true` when `bytes` look like an HTML page rather than a
/// feed.
///
/// After a BOM and leading whitespace, a document is HTML when it starts with
/// `<!doctype html` or `<html`, or when `<html`, `<head` or `<body` appears in
/// the first KiB before any `<rss`, `<feed` or `<rdf:RDF` (all
/// case-insensitive). JSON (`{` or `[`) and XML feeds are not HTML.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    match encoding_rs::Encoding::for_bom(bytes) {
        Some((encoding, bom_len)) if encoding != encoding_rs::UTF_8 => {
            let end = bytes.len().min(bom_len + 2 * SNIFF_LEN);
            let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..end]);
            sniff_html(text.as_bytes())
        }
        Some((_, bom_len)) => sniff_html(&bytes[bom_len..]),
        None => sniff_html(bytes),
    }
}

fn sniff_html(bytes: &[u8]) -> bool {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(bytes.len());
    let head: Vec<u8> = bytes[start..].iter().take(SNIFF_LEN).map(u8::to_ascii_lowercase).collect();
    if head.starts_with(b"<!doctype html") || tag_at(&head, 0, b"<html") {
        return true;
    }
    if matches!(head.first(), Some(b'{' | b'[')) {
        return false;
    }
    let html = first_tag(&head, &[b"<html", b"<head", b"<body"]);
    let feed = first_tag(&head, &[b"<rss", b"<feed", b"<rdf:rdf"]);
    match (html, feed) {
        (Some(html), Some(feed)) => html < feed,
        (html, _) => html.is_some(),
    }
}

/// Position of the earliest of `tags` (each a `<name` prefix) in `haystack`.
fn first_tag(haystack: &[u8], tags: &[&[u8]]) -> Option<usize> {
    (0..haystack.len()).find(|&at| tags.iter().any(|tag| tag_at(haystack, at, tag)))
}

/// Whether the tag opener `tag` (like `<head`) starts at `at` and is not just
/// the prefix of a longer name (`<header`).
fn tag_at(haystack: &[u8], at: usize, tag: &[u8]) -> bool {
    let Some(rest) = haystack.get(at..).and_then(|rest| rest.strip_prefix(tag)) else {
        return false;
    };
    matches!(rest.first(), None | Some(b'>' | b'/')) || rest.first().is_some_and(u8::is_ascii_whitespace)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn url(s: &str) -> Url {
        Url::parse(s).unwrap()
    }

    fn summary(links: &[FeedLink]) -> Vec<(&str, Option<&str>, FeedKind)> {
        links.iter().map(|l| (l.url.as_str(), l.title.as_deref(), l.kind)).collect()
    }

    const WORDPRESS_HEAD: &str = r#"<!DOCTYPE html>
<html lang="az">
<head>
<meta charset="UTF-8">
<title>Xəbər Bloqu</title>
<link rel='dns-prefetch' href='//s.w.org' />
<link rel="alternate" type="application/rss+xml" title="Xəbər Bloqu &raquo; Lent" href="https://blog.example.com/feed/" />
<link rel="alternate" type="application/rss+xml" title="Xəbər Bloqu &raquo; Şərhlər lenti" href="https://blog.example.com/comments/feed/" />
<link rel="https://api.w.org/" href="https://blog.example.com/wp-json/" />
<link rel="alternate" title="JSON" type="application/json" href="https://blog.example.com/wp-json/wp/v2/pages/2" />
<link rel="alternate" type="application/json+oembed" href="https://blog.example.com/wp-json/oembed/1.0/embed?url=x" />
<link rel="alternate" hreflang="ru" href="https://blog.example.com/ru/" />
<link rel="stylesheet" type="text/css" href="/style.css" />
<link rel="alternate" type="application/atom+xml" title="Atom" href="https://blog.example.com/feed/atom/" />
<link rel="alternate" type="application/rss+xml" title="duplicate" href="https://blog.example.com/feed/#top" />
</head>
<body><a href="/feed/">RSS</a></body>
</html>"#;

    #[test]
    fn wordpress_head_keeps_order() {
        let links = feed_links(WORDPRESS_HEAD, &url("https://blog.example.com/2025/11/post/"));
        assert_eq!(
            summary(&links),
            vec![
                ("https://blog.example.com/feed/", Some("Xəbər Bloqu » Lent"), FeedKind::Rss),
                ("https://blog.example.com/comments/feed/", Some("Xəbər Bloqu » Şərhlər lenti"), FeedKind::Rss),
                ("https://blog.example.com/feed/atom/", Some("Atom"), FeedKind::Atom),
            ]
        );
    }

    #[test]
    fn relative_hrefs_resolve_against_page_or_base() {
        let html = r#"<head>
            <link rel="alternate" type="application/rss+xml" href="rss.xml">
            <link rel="alternate" type="application/atom+xml" href="/atom.xml">
            <link rel="alternate" type="application/rss+xml" href="//cdn.example.net/feed.rss">
        </head>"#;
        let links = feed_links(html, &url("https://example.com/news/today.html"));
        assert_eq!(
            summary(&links),
            vec![
                ("https://example.com/news/rss.xml", None, FeedKind::Rss),
                ("https://example.com/atom.xml", None, FeedKind::Atom),
                ("https://cdn.example.net/feed.rss", None, FeedKind::Rss),
            ]
        );

        let with_base = format!(r#"<head><base href="https://mirror.example.org/site/">{html}"#);
        let links = feed_links(&with_base, &url("https://example.com/news/today.html"));
        assert_eq!(links[0].url.as_str(), "https://mirror.example.org/site/rss.xml");
        assert_eq!(links[1].url.as_str(), "https://mirror.example.org/atom.xml");

        let relative_base = r#"<base href="/blog/"><link rel="alternate" type="application/rss+xml" href="feed">"#;
        let links = feed_links(relative_base, &url("https://example.com/a/b"));
        assert_eq!(links[0].url.as_str(), "https://example.com/blog/feed");
    }

    #[test]
    fn non_http_hrefs_are_ignored() {
        let html = r#"<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
            <link rel="alternate" type="application/rss+xml" href=" JavaScript:void(0) ">
            <link rel="alternate" type="application/rss+xml" href="feed://example.com/rss">
            <link rel="alternate" type="application/rss+xml" href="data:text/xml,<rss/>">
            <link rel="alternate" type="application/rss+xml" href="">
            <link rel="alternate" type="application/rss+xml" href="https://example.com/ok.rss">"#;
        let links = feed_links(html, &url("https://example.com/"));
        assert_eq!(summary(&links), vec![("https://example.com/ok.rss", None, FeedKind::Rss)]);
    }

    #[test]
    fn json_feed_rdf_text_xml_and_rel_feed() {
        let html = r#"<head>
            <link rel="alternate" type="application/feed+json" title="JSON Feed" href="/feed.json">
            <link rel="alternate" type="application/json" href="/posts.json">
            <link rel="alternate" type="application/rdf+xml" href="/index.rdf">
            <link rel="alternate" type="text/xml; charset=utf-8" href="/atom.xml">
            <link rel="feed" href="/updates">
            <link rel="feed" type="text/html" href="/h-feed">
        </head>"#;
        let links = feed_links(html, &url("https://example.com/"));
        assert_eq!(
            summary(&links),
            vec![
                ("https://example.com/feed.json", Some("JSON Feed"), FeedKind::Json),
                ("https://example.com/posts.json", None, FeedKind::Json),
                ("https://example.com/index.rdf", None, FeedKind::Rss),
                ("https://example.com/atom.xml", None, FeedKind::Atom),
                ("https://example.com/updates", None, FeedKind::Unknown),
            ]
        );
    }

    #[test]
    fn uppercase_markup_and_multi_token_rel() {
        let html = r#"<HTML><HEAD>
            <LINK REL="Alternate Home" TYPE="Application/RSS+XML" TITLE="  Loud   Feed " HREF="/RSS">
            <link rel="ALTERNATE FEED" type="APPLICATION/ATOM+XML" href="/atom">
        </HEAD></HTML>"#;
        let links = feed_links(html, &url("http://example.com/"));
        assert_eq!(
            summary(&links),
            vec![
                ("http://example.com/RSS", Some("Loud Feed"), FeedKind::Rss),
                ("http://example.com/atom", None, FeedKind::Atom),
            ]
        );
    }

    #[test]
    fn anchors_are_the_fallback() {
        let html = r#"<html><head><title>No feeds here</title></head><body>
            <a href="/about">About</a>
            <a href="/blog/feed/">  Subscribe
               via RSS </a>
            <a href="https://example.com/news.atom"><img alt=""></a>
            <a href="/sitemap.xml">Sitemap</a>
            <a href="/podcast-rss.xml" title="Podcast">🎧</a>
            <a href="/rss">Plain</a>
            <a href="/blog/feed/#again">Duplicate</a>
            <a href="javascript:subscribe('/feed')">JS</a>
        </body></html>"#;
        let links = feed_links(html, &url("https://example.com/"));
        assert_eq!(
            summary(&links),
            vec![
                ("https://example.com/blog/feed/", Some("Subscribe via RSS"), FeedKind::Unknown),
                ("https://example.com/news.atom", None, FeedKind::Atom),
                ("https://example.com/podcast-rss.xml", Some("🎧"), FeedKind::Rss),
                ("https://example.com/rss", Some("Plain"), FeedKind::Rss),
            ]
        );
    }

    #[test]
    fn anchors_ignored_when_links_exist() {
        let links = feed_links(WORDPRESS_HEAD, &url("https://blog.example.com/"));
        assert!(links.iter().all(|l| l.title.is_some()), "{links:?}");
    }

    #[test]
    fn nothing_found_in_empty_or_garbage_html() {
        let page = url("https://example.com/");
        assert!(feed_links("", &page).is_empty());
        assert!(feed_links("<<<>>> </a href=/feed> \u{0} <link rel=alternate>", &page).is_empty());
    }

    #[test]
    fn common_paths_in_order_without_the_page_itself() {
        let paths: Vec<String> =
            common_feed_paths(&url("https://example.com/blog/post?id=3#c")).into_iter().map(String::from).collect();
        assert_eq!(
            paths,
            [
                "https://example.com/feed",
                "https://example.com/rss",
                "https://example.com/rss.xml",
                "https://example.com/feed.xml",
                "https://example.com/atom.xml",
                "https://example.com/index.xml",
                "https://example.com/feed.json",
                "https://example.com/rss/news",
            ]
        );
        let from_feed = common_feed_paths(&url("http://example.com:8080/rss.xml#x"));
        assert_eq!(from_feed.len(), 7);
        assert_eq!(from_feed[0].as_str(), "http://example.com:8080/feed");
        assert!(from_feed.iter().all(|u| u.path() != "/rss.xml"));
        assert!(common_feed_paths(&url("file:///tmp/index.html")).is_empty());
    }

    #[test]
    fn sniffs_html() {
        assert!(looks_like_html(b"<!DOCTYPE html><html><head></head></html>"));
        assert!(looks_like_html(b"\n\n  <html lang=\"en\">"));
        assert!(looks_like_html(b"<HTML>"));
        assert!(looks_like_html(b"<!-- generated --><head><title>x</title></head>"));
        assert!(looks_like_html(b"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">"));
        assert!(looks_like_html(b"<p>text</p><body>"));
        assert!(!looks_like_html(b"<header>not a head</header>"));
    }

    #[test]
    fn feeds_and_json_are_not_html() {
        let rss = b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel>\
            <description><![CDATA[<html><body>hi</body></html>]]></description></channel></rss>";
        assert!(!looks_like_html(rss));
        assert!(!looks_like_html(b"<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><content type=\"html\">&lt;body&gt;</content></feed>"));
        assert!(!looks_like_html(
            b"<?xml version=\"1.0\"?>\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"></rdf:RDF>"
        ));
        assert!(!looks_like_html(br#"{"version": "https://jsonfeed.org/version/1.1", "content_html": "<html>"}"#));
        assert!(!looks_like_html(b"[]"));
        assert!(!looks_like_html(b""));
        assert!(!looks_like_html(b"   "));
        assert!(!looks_like_html(&[0xFF, 0x00, 0x80]));
    }

    #[test]
    fn sniff_skips_boms() {
        assert!(looks_like_html(b"\xEF\xBB\xBF  <!doctype HTML>"));
        assert!(!looks_like_html(b"\xEF\xBB\xBF<?xml version=\"1.0\"?><rss/>"));
        let utf16 = |s: &str, bom: [u8; 2]| -> Vec<u8> {
            bom.into_iter().chain(s.encode_utf16().flat_map(u16::to_le_bytes)).collect()
        };
        assert!(looks_like_html(&utf16("<html><body>", [0xFF, 0xFE])));
        assert!(!looks_like_html(&utf16("<?xml version=\"1.0\"?><feed>", [0xFF, 0xFE])));
        let be: Vec<u8> =
            [0xFE, 0xFF].into_iter().chain("<!DOCTYPE html>".encode_utf16().flat_map(u16::to_be_bytes)).collect();
        assert!(looks_like_html(&be));
    }

    #[test]
    fn sniff_looks_only_at_the_first_kib() {
        let late = format!("<?xml version=\"1.0\"?><!--{}--><html>", "x".repeat(2000));
        assert!(!looks_like_html(late.as_bytes()));
    }
}
