//! Parsing feed bytes (RSS 0.9x/1.0/2.0, Atom, JSON Feed) into a
//! [`ParsedFeed`], through feed-rs.
//!
//! The bytes arrive raw: the encoding is worked out here (see
//! [`charset`](crate::charset)), never by an HTTP client's `text()`. Every
//! HTML field is sanitized and every URL resolved and checked before it
//! leaves this module.

use chrono::{DateTime, Utc};
use feed_rs::model::{Entry, Feed, Link, Text};
use url::Url;

use crate::charset::decode_xml;
use crate::credit::{agency_in_credit, people_from_feed, Author};
use crate::discover::looks_like_html;
use crate::model::{Enclosure, ParsedEntry, ParsedFeed};
use crate::sanitize::{plain_text, resolve_web, resolve_web_url, sanitize_html, text_to_html};
use crate::FeedError;

/// The most items read from one feed (XML or JSON Feed). A parsed item costs
/// about 1.5 KB of memory before it is stored, whatever its size in the
/// document, so a 16 MB feed of tiny items would need half a gigabyte; past
/// this limit the feed is refused ([`FeedError::TooManyItems`]) before it is
/// parsed.
pub const MAX_ENTRIES: usize = 50_000;

/// The fewest bytes one counted start tag takes: `<item` and the byte after it.
const MIN_ITEM_TAG_BYTES: usize = "<item>".len();

/// Whether `xml` has more than `limit` `<item>` or `<entry>` start tags
/// (counted by a plain scan, so an escaped tag in CDATA may count too). A
/// document too short to hold that many tags is not scanned at all.
fn item_count_exceeds(xml: &str, limit: usize) -> bool {
    if xml.len() < MIN_ITEM_TAG_BYTES.saturating_mul(limit.saturating_add(1)) {
        return false;
    }
    let mut count = 0;
    let mut rest = xml;
    // `str::find` looks for the `<` a word at a time, several times faster
    // than a loop over the bytes; `<` is one byte, so `at + 1` is a boundary.
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        let name_len = if rest.starts_with("item") {
            4
        } else if rest.starts_with("entry") {
            5
        } else {
            continue;
        };
        if rest.as_bytes().get(name_len).is_some_and(|b| matches!(b, b'>' | b'/' | b' ' | b'\t' | b'\r' | b'\n')) {
            count += 1;
            if count > limit {
                return true;
            }
        }
    }
    false
}

/// Whether the JSON Feed `json` has more than `limit` items: a pass over the
/// document that keeps none of them. A document that is not JSON says no,
/// and the parser then tells what is wrong with it.
fn json_item_count_exceeds(json: &[u8], limit: usize) -> bool {
    #[derive(serde::Deserialize)]
    struct Items {
        #[serde(default)]
        items: Vec<serde::de::IgnoredAny>,
    }
    serde_json::from_slice::<Items>(json).is_ok_and(|doc| doc.items.len() > limit)
}

/// Parses a feed document. `content_type` is the HTTP `Content-Type` header
/// (its charset is honoured); `feed_url` is where the document came from, used
/// to resolve relative links.
pub fn parse_feed(bytes: &[u8], content_type: Option<&str>, feed_url: Option<&str>) -> Result<ParsedFeed, FeedError> {
    let start = bytes.iter().position(|b| !b.is_ascii_whitespace() && !matches!(b, 0xEF | 0xBB | 0xBF));
    let Some(start) = start else {
        return Err(FeedError::NotAFeed("the document is empty".into()));
    };
    let feed_url = feed_url.and_then(|u| Url::parse(u).ok());
    let parser = feed_rs::parser::Builder::new()
        .base_uri(feed_url.as_ref().map(Url::as_str))
        .id_generator(|_, _, _| String::new())
        .build();
    let parsed = if bytes[start] == b'{' {
        if json_item_count_exceeds(&bytes[start..], MAX_ENTRIES) {
            return Err(FeedError::TooManyItems { limit: MAX_ENTRIES });
        }
        parser.parse(&bytes[start..])
    } else if looks_like_html(bytes) {
        return Err(FeedError::NotAFeed("the server sent an HTML page, not a feed".into()));
    } else {
        let text = decode_xml(bytes, content_type);
        if item_count_exceeds(&text, MAX_ENTRIES) {
            return Err(FeedError::TooManyItems { limit: MAX_ENTRIES });
        }
        parser.parse(text.as_bytes())
    };
    let feed = parsed.map_err(|err| match err {
        feed_rs::parser::ParseFeedError::ParseError(kind) => FeedError::NotAFeed(kind.to_string()),
        other => FeedError::Malformed(other.to_string()),
    })?;
    Ok(normalize(feed, feed_url.as_ref()))
}

fn normalize(feed: Feed, feed_url: Option<&Url>) -> ParsedFeed {
    let link = pick_link(&feed.links, feed_url);
    let site_base = link.as_deref().and_then(|l| Url::parse(l).ok()).or_else(|| feed_url.cloned());
    let language = feed.language.clone().filter(|l| !l.trim().is_empty());
    let mut read_credits = CreditsRead::default();
    let entries = feed
        .entries
        .into_iter()
        .map(|entry| normalize_entry(entry, site_base.as_ref(), language.as_deref(), &mut read_credits))
        .collect();
    ParsedFeed {
        title: feed.title.map(|t| title_text(&t)).filter(|t| !t.is_empty()).unwrap_or_default(),
        link,
        description: feed.description.map(|t| text_plain(&t)).filter(|t| !t.is_empty()),
        language,
        entries,
    }
}

fn normalize_entry(
    entry: Entry,
    site_base: Option<&Url>,
    feed_language: Option<&str>,
    read_credits: &mut CreditsRead,
) -> ParsedEntry {
    let link = pick_link_url(&entry.links, site_base);
    let base =
        entry.base.as_deref().and_then(|b| Url::parse(b).ok()).or_else(|| link.clone()).or_else(|| site_base.cloned());
    let link = link.map(String::from);
    let title = entry.title.as_ref().map(title_text).unwrap_or_default();
    let content_body = entry.content.as_ref().and_then(|c| c.body.as_deref());
    let content_html = content_body.map(|body| sanitize_html(body, base.as_ref())).filter(|h| !h.trim().is_empty());
    let summary_html = entry
        .summary
        .as_ref()
        .filter(|summary| content_html.is_none() || !repeats(content_body.unwrap_or_default(), &summary.content))
        .map(|t| text_html(t, base.as_ref()))
        .filter(|h| !h.trim().is_empty() && Some(h) != content_html.as_ref());
    let (authors, agency) = read_credits.of(&entry, site_base);
    let enclosures = enclosures(&entry, base.as_ref());
    let image = lead_image(&entry, &enclosures, content_html.as_deref().or(summary_html.as_deref()), base.as_ref());
    let published = entry.published.or(entry.updated);
    let id = entry_id(&entry.id, link.as_deref(), &title, published);
    ParsedEntry {
        id,
        title,
        link,
        authors,
        agency,
        published,
        updated: entry.updated,
        summary_html,
        content_html,
        enclosures,
        image,
        language: entry.language.clone().or_else(|| feed_language.map(str::to_string)),
    }
}

/// Whether `content` carries `summary` word for word (a full-content feed's
/// lead paragraph, or the same text twice): such a summary adds nothing to
/// read or to search, so it is neither sanitized nor kept. Compared before
/// sanitizing, so the check costs a substring search, not a second pass of
/// the sanitizer.
fn repeats(content: &str, summary: &str) -> bool {
    content.contains(summary.trim())
}

/// GUID, else URL, else a hash of title and date.
fn entry_id(guid: &str, link: Option<&str>, title: &str, published: Option<DateTime<Utc>>) -> String {
    let guid = guid.trim();
    if !guid.is_empty() {
        return guid.to_string();
    }
    if let Some(link) = link {
        return link.to_string();
    }
    let mut hasher = blake3::Hasher::new();
    hasher.update(title.as_bytes());
    hasher.update(&published.map_or(0, |d| d.timestamp()).to_le_bytes());
    format!("hash:{}", &hasher.finalize().to_hex()[..32])
}

/// The `alternate` link (or the first one without a rel), resolved and
/// restricted to http(s).
fn pick_link(links: &[Link], base: Option<&Url>) -> Option<String> {
    pick_link_url(links, base).map(String::from)
}

fn pick_link_url(links: &[Link], base: Option<&Url>) -> Option<Url> {
    let alternate = links.iter().find(|l| l.rel.as_deref().is_none_or(|r| r == "alternate"));
    alternate.or(links.first()).and_then(|l| resolve_web(&l.href, base))
}

/// The credits of one feed's entries as read so far, by their raw text:
/// a feed's items repeat a few writers, and reading a credit (the byline
/// parser's rules) costs more than looking it up.
#[derive(Default)]
struct CreditsRead {
    read: std::collections::HashMap<Vec<String>, (Vec<Author>, Option<String>)>,
}

/// The most distinct credits a feed's cache keeps: past it, each is read
/// anew (a feed of 50,000 items, each with its own writer, stays small).
const CREDITS_KEPT: usize = 256;

impl CreditsRead {
    /// [`credits`] of `entry`, read once per distinct credit text in a feed.
    fn of(&mut self, entry: &Entry, site: Option<&Url>) -> (Vec<Author>, Option<String>) {
        let raw = raw_credits(entry);
        if let Some(read) = self.read.get(&raw) {
            return read.clone();
        }
        let read = credits(&raw, site);
        if self.read.len() < CREDITS_KEPT {
            self.read.insert(raw, read.clone());
        }
        read
    }
}

/// An entry's credits as plain text: its authors, then its contributors.
fn raw_credits(entry: &Entry) -> Vec<String> {
    entry
        .authors
        .iter()
        .chain(&entry.contributors)
        .map(|person| {
            // feed-rs keeps RSS 2.0 <author> text in `email`, under the name "author".
            let raw = match (&person.email, person.name.as_str()) {
                (Some(email), "author") => email.as_str(),
                _ => person.name.as_str(),
            };
            plain_text(raw)
        })
        .collect()
}

/// The people an entry's credits `raw` name ([`raw_credits`]), each credit
/// read by the one byline parser: "By Jane Doe, Science Editor" is one
/// person with a role; and the agency it credits apart from them (never
/// the feed's own site, `site`).
fn credits(raw: &[String], site: Option<&Url>) -> (Vec<Author>, Option<String>) {
    let agency = raw.iter().find_map(|credit| agency_in_credit(credit, site));
    (people_from_feed(raw.iter().map(String::as_str)), agency)
}

fn enclosures(entry: &Entry, base: Option<&Url>) -> Vec<Enclosure> {
    let mut found: Vec<Enclosure> = Vec::new();
    let media = entry.media.iter().flat_map(|m| &m.content);
    for content in media {
        let Some(url) = content.url.as_ref().and_then(|u| resolve_web_url(u.as_str(), base)) else { continue };
        if found.iter().any(|e| e.url == url) {
            continue;
        }
        found.push(Enclosure {
            url,
            mime_type: content.content_type.as_ref().map(|m| m.essence().to_string()),
            length: content.size,
        });
    }
    for link in entry.links.iter().filter(|l| l.rel.as_deref() == Some("enclosure")) {
        let Some(url) = resolve_web_url(&link.href, base) else { continue };
        if !found.iter().any(|e| e.url == url) {
            found.push(Enclosure { url, mime_type: link.media_type.clone(), length: link.length });
        }
    }
    found
}

fn lead_image(entry: &Entry, enclosures: &[Enclosure], html: Option<&str>, base: Option<&Url>) -> Option<String> {
    let thumbnail =
        entry.media.iter().flat_map(|m| &m.thumbnails).find_map(|t| resolve_web_url(t.image.uri.as_str(), base));
    thumbnail
        .or_else(|| {
            enclosures
                .iter()
                .find(|e| {
                    e.mime_type.as_deref().is_some_and(|m| m.starts_with("image/")) || looks_like_image_url(&e.url)
                })
                .map(|e| e.url.clone())
        })
        .or_else(|| html.and_then(first_img_src))
}

fn looks_like_image_url(url: &str) -> bool {
    let path = url.split(['?', '#']).next().unwrap_or("").to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif"].iter().any(|ext| path.ends_with(ext))
}

/// `src` of the first `<img>` in sanitized HTML (already absolute and http(s)).
fn first_img_src(html: &str) -> Option<String> {
    let img = html.find("<img ")?;
    let tag_end = html[img..].find('>')? + img;
    let tag = &html[img..tag_end];
    let src = tag.find(" src=\"")? + " src=\"".len();
    let len = tag[src..].find('"')?;
    Some(tag[src..src + len].replace("&amp;", "&"))
}

fn is_html(text: &Text) -> bool {
    text.content_type.essence().to_string() == "text/html"
}

/// The longest title kept, in characters; a longer one (a 10 MB "title" is
/// an attack, not a headline) is cut there and ends with "…".
pub const MAX_TITLE_CHARS: usize = 1000;

/// A title as plain text, at most [`MAX_TITLE_CHARS`] characters. Only the
/// start of the source is read, so a huge title costs little.
fn title_text(text: &Text) -> String {
    let source = &text.content;
    // Markup and entities shrink in plain text, never grow much: 16 bytes
    // of source per character kept is plenty.
    let mut end = source.len().min(MAX_TITLE_CHARS * 16);
    while !source.is_char_boundary(end) {
        end -= 1;
    }
    cap_chars(plain_text(&source[..end]), MAX_TITLE_CHARS)
}

/// `text` cut to `max` characters, the last one then being "…".
fn cap_chars(text: String, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text,
        Some(_) => {
            let cut = text.char_indices().nth(max - 1).map_or(text.len(), |(i, _)| i);
            format!("{}…", text[..cut].trim_end())
        }
    }
}

fn text_plain(text: &Text) -> String {
    plain_text(&text.content)
}

fn text_html(text: &Text, base: Option<&Url>) -> String {
    if is_html(text) || text.content.contains('<') {
        sanitize_html(&text.content, base)
    } else {
        text_to_html(&text.content)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Xəbərlər &amp; Analitika</title><link>https://xeber.example.az/</link><language>az</language>
<item><title>Şəhərdə yeni məktəb açıldı</title><link>/2026/11/mekteb?utm_source=rss</link>
<guid isPermaLink="false">az-1</guid><dc:creator>Gülağa İsgəndərov</dc:creator>
<pubDate>Tue, 24 Nov 2026 09:30:00 +0400</pubDate>
<description>&lt;p onclick="x()"&gt;Qısa &lt;script&gt;alert(1)&lt;/script&gt;məlumat&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>Tam mətn <img src="/img/a.jpg"></p>]]></content:encoded></item>
<item><title>No guid</title><link>https://xeber.example.az/b</link></item>
<item><title>Neither</title><description>x</description></item>
<item><title>Admin post</title><author>admin</author><guid>g3</guid></item>
<item><title>Mail</title><author>desk@xeber.example.az (Aynur Məmmədova)</author><guid>g4</guid></item>
</channel></rss>"#;

    #[test]
    fn rss_is_normalized_and_sanitized() {
        let feed = parse_feed(RSS.as_bytes(), None, Some("https://xeber.example.az/rss")).unwrap();
        assert_eq!(feed.title, "Xəbərlər & Analitika");
        assert_eq!(feed.language.as_deref(), Some("az"));
        let first = &feed.entries[0];
        assert_eq!(first.id, "az-1");
        assert_eq!(first.link.as_deref(), Some("https://xeber.example.az/2026/11/mekteb"));
        assert_eq!(first.authors, vec![Author::new("Gülağa İsgəndərov", None)]);
        assert_eq!(first.summary_html.as_deref(), Some("<p>Qısa məlumat</p>"));
        assert_eq!(first.image.as_deref(), Some("https://xeber.example.az/img/a.jpg"));
        assert_eq!(first.published.unwrap().to_rfc3339(), "2026-11-24T05:30:00+00:00");
        assert_eq!(first.language.as_deref(), Some("az"));
    }

    #[test]
    fn a_summary_the_content_repeats_is_not_kept() {
        let rss = r#"<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>T</title>
<item><guid>lead</guid><description>&lt;p&gt;&lt;strong&gt;Bakıda&lt;/strong&gt; yeni stansiya.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p><strong>Bakıda</strong> yeni stansiya.</p><p>Ətraflı.</p>]]></content:encoded></item>
<item><guid>teaser</guid><description>Qısa xülasə</description>
<content:encoded><![CDATA[<p>Tam mətn.</p>]]></content:encoded></item>
<item><guid>only</guid><description>&lt;p&gt;Yalnız xülasə&lt;/p&gt;</description></item>
</channel></rss>"#;
        let feed = parse_feed(rss.as_bytes(), None, Some("https://xeber.example.az/rss")).unwrap();
        let [lead, teaser, only] = &feed.entries[..] else { panic!("{:?}", feed.entries) };
        assert_eq!(lead.summary_html, None, "the content starts with it");
        assert_eq!(lead.content_html.as_deref(), Some("<p><strong>Bakıda</strong> yeni stansiya.</p><p>Ətraflı.</p>"));
        assert_eq!(teaser.summary_html.as_deref(), Some("Qısa xülasə"));
        assert_eq!(teaser.content_html.as_deref(), Some("<p>Tam mətn.</p>"));
        assert_eq!(only.summary_html.as_deref(), Some("<p>Yalnız xülasə</p>"));
        assert_eq!(only.content_html, None);
    }

    #[test]
    fn ids_fall_back_to_url_then_hash() {
        let feed = parse_feed(RSS.as_bytes(), None, None).unwrap();
        assert_eq!(feed.entries[1].id, "https://xeber.example.az/b");
        assert!(feed.entries[2].id.starts_with("hash:"));
        let again = parse_feed(RSS.as_bytes(), None, None).unwrap();
        assert_eq!(feed.entries[2].id, again.entries[2].id);
        assert!(feed.entries[3].authors.is_empty(), "admin is not an author");
        assert_eq!(feed.entries[4].authors, vec![Author::new("Aynur Məmmədova", None)]);
    }

    #[test]
    fn json_feed_is_parsed() {
        let json = r#"{"version":"https://jsonfeed.org/version/1.1","title":"J","home_page_url":"https://j.example/",
          "items":[{"id":"1","url":"https://j.example/1","title":"Hi","content_html":"<p>x<script>y</script></p>",
          "authors":[{"name":"Anna"},{"name":"Boris"}],"date_published":"2026-11-20T10:00:00Z","image":"https://j.example/i.png"}]}"#;
        let feed = parse_feed(json.as_bytes(), Some("application/feed+json"), None).unwrap();
        let entry = &feed.entries[0];
        assert_eq!(entry.authors, vec![Author::new("Anna", None), Author::new("Boris", None)]);
        assert_eq!(entry.content_html.as_deref(), Some("<p>x</p>"));
    }

    #[test]
    fn feed_credits_are_read_like_page_credits() {
        let rss = r#"<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
<item><title>A</title><guid>a</guid><dc:creator>By Jane Doe, Science Editor</dc:creator></item>
<item><title>B</title><guid>b</guid><dc:creator>Анна Петрова, экономический обозреватель</dc:creator></item>
<item><title>C</title><guid>c</guid><dc:creator>Müəllif: Rəşad Həsənov</dc:creator></item>
</channel></rss>"#;
        let feed = parse_feed(rss.as_bytes(), None, None).unwrap();
        assert_eq!(feed.entries[0].authors, [Author::new("Jane Doe", Some("Science Editor".into()))]);
        assert_eq!(feed.entries[0].author_line().as_deref(), Some("Jane Doe"));
        assert_eq!(feed.entries[1].authors, [Author::new("Анна Петрова", Some("экономический обозреватель".into()))]);
        assert_eq!(feed.entries[2].authors, [Author::new("Rəşad Həsənov", None)]);
    }

    #[test]
    fn a_credit_repeated_across_a_feed_reads_the_same_each_time() {
        // A writer of its own for every fourth item: "Nigar Kovab", "Nigar Kovac"…
        let surname = |mut n: usize| {
            let mut name = String::from("Kov");
            loop {
                name.push(char::from(b'a' + (n % 26) as u8));
                n /= 26;
                if n == 0 {
                    break name;
                }
            }
        };
        let items: String = (0..CREDITS_KEPT * 4 + 40)
            .map(|i| {
                let credit = match i % 4 {
                    0 => "By Aysel Məmmədova, müxbir".to_string(),
                    1 => "Jane Doe, Reuters".to_string(),
                    2 => String::new(),
                    _ => format!("Nigar {}", surname(i)),
                };
                let credit = if credit.is_empty() { credit } else { format!("<dc:creator>{credit}</dc:creator>") };
                format!("<item><title>T{i}</title><guid>g{i}</guid>{credit}</item>")
            })
            .collect();
        let rss = format!(
            r#"<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title>
<link>https://news.example.az/</link>{items}</channel></rss>"#
        );
        let feed = parse_feed(rss.as_bytes(), None, None).unwrap();
        for (i, entry) in feed.entries.iter().enumerate() {
            let expected = match i % 4 {
                0 => (vec![Author::new("Aysel Məmmədova", Some("müxbir".into()))], None),
                1 => (vec![Author::new("Jane Doe", None)], Some("Reuters")),
                2 => (vec![], None),
                _ => (vec![Author::new(format!("Nigar {}", surname(i)), None)], None),
            };
            assert_eq!((entry.authors.clone(), entry.agency.as_deref()), expected, "item {i}");
        }
    }

    #[test]
    fn an_agency_the_feed_credits_is_kept_apart_from_the_people() {
        let rss = |site: &str| {
            format!(
                r#"<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>T</title><link>{site}</link>
<item><title>A</title><guid>a</guid><dc:creator>APA</dc:creator></item>
<item><title>B</title><guid>b</guid><dc:creator>Иван Петров, ТАСС</dc:creator></item>
<item><title>C</title><guid>c</guid><dc:creator>Report.az</dc:creator></item>
<item><title>D</title><guid>d</guid><dc:creator>Rəşad Həsənov</dc:creator></item>
</channel></rss>"#
            )
        };
        let feed = parse_feed(rss("https://news.example.az/").as_bytes(), None, None).unwrap();
        let credits: Vec<_> = feed.entries.iter().map(|e| (e.author_line(), e.agency.as_deref())).collect();
        assert_eq!(
            credits,
            [
                (None, Some("APA")),
                (Some("Иван Петров".into()), Some("ТАСС")),
                (None, Some("Report.az")),
                (Some("Rəşad Həsənov".into()), None)
            ]
        );
        // The feed's own site is never its own agency.
        let own = parse_feed(rss("https://report.az/").as_bytes(), None, None).unwrap();
        assert_eq!(own.entries[2].agency, None);
        // The agency is part of what a reader sees: a change updates the entry.
        let mut changed = feed.entries[0].clone();
        changed.agency = None;
        assert_ne!(changed.content_hash(), feed.entries[0].content_hash());
    }

    #[test]
    fn too_many_items_are_refused_before_parsing() {
        let items = "<item><guid>x</guid></item>\n<entry >".repeat(3);
        assert!(!item_count_exceeds(&items, 6));
        assert!(item_count_exceeds(&items, 5));
        assert!(!item_count_exceeds("<items><entryway><itemized/>", 0));
        assert!(item_count_exceeds("<item><entry>", 1));
        assert!(!item_count_exceeds("<item><entry>", 2), "too short for a third tag: not scanned");
        let many = format!(
            "<rss><channel><title>m</title>{}</channel></rss>",
            "<item><title>t</title></item>".repeat(MAX_ENTRIES + 1)
        );
        let err = parse_feed(many.as_bytes(), None, None).unwrap_err();
        assert!(matches!(err, FeedError::TooManyItems { limit: MAX_ENTRIES }), "{err}");
    }

    #[test]
    fn too_many_json_feed_items_are_refused_before_parsing() {
        let items = |n: usize| {
            let item = r#"{"id":"x","content_text":"t","authors":[{"name":"A"}]}"#;
            format!(
                r#"{{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{}]}}"#,
                vec![item; n].join(",")
            )
        };
        assert!(!json_item_count_exceeds(items(3).as_bytes(), 3));
        assert!(json_item_count_exceeds(items(4).as_bytes(), 3));
        assert!(!json_item_count_exceeds(b"{\"version\":\"x\"}", 0), "no items");
        assert!(!json_item_count_exceeds(b"{\"items\":[1,", 0), "not JSON: the parser says why");
        let err = parse_feed(items(MAX_ENTRIES + 1).as_bytes(), Some("application/feed+json"), None).unwrap_err();
        assert!(matches!(err, FeedError::TooManyItems { limit: MAX_ENTRIES }), "{err}");
        assert_eq!(parse_feed(items(2).as_bytes(), None, None).unwrap().entries.len(), 2);
    }

    #[test]
    fn huge_titles_are_cut() {
        let huge = "Слово ".repeat(400_000);
        let rss = format!("<rss version=\"2.0\"><channel><title>{huge}</title><item><guid>1</guid><title>{huge}</title></item><item><guid>2</guid><title>Short</title></item></channel></rss>");
        let feed = parse_feed(rss.as_bytes(), None, None).unwrap();
        for title in [&feed.title, &feed.entries[0].title] {
            assert_eq!(title.chars().count(), MAX_TITLE_CHARS, "{}", &title[..40]);
            assert!(title.starts_with("Слово Слово") && title.ends_with('…'));
        }
        assert_eq!(feed.entries[1].title, "Short");
        assert_eq!(cap_chars("abc".into(), 3), "abc");
        assert_eq!(cap_chars("abcd".into(), 3), "ab…");
    }

    #[test]
    fn entities_are_never_expanded_from_a_doctype() {
        let mut doctype = String::from("<!DOCTYPE rss [<!ENTITY l0 \"lol\">");
        for level in 1..10 {
            doctype.push_str(&format!("<!ENTITY l{level} \"{}\">", format!("&l{};", level - 1).repeat(10)));
        }
        doctype.push_str("<!ENTITY ext SYSTEM \"file:///etc/passwd\">]>");
        let rss = format!("{doctype}<rss version=\"2.0\"><channel><title>t</title><item><guid>1</guid><title>&l9; &ext;</title></item></channel></rss>");
        if let Ok(feed) = parse_feed(rss.as_bytes(), None, None) {
            let title = &feed.entries[0].title;
            assert!(title.len() < 100 && !title.contains("root:"), "{title}");
        }
    }

    #[test]
    fn html_and_garbage_are_not_feeds() {
        let err = parse_feed(b"<!DOCTYPE html><html><head></head><body>hi</body></html>", None, None).unwrap_err();
        assert!(matches!(err, FeedError::NotAFeed(_)), "{err}");
        assert!(parse_feed(b"", None, None).is_err());
        assert!(parse_feed(b"hello", None, None).is_err());
        assert!(parse_feed(b"{\"not\":\"a feed\"}", None, None).is_err());
    }
}
