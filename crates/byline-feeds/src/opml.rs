//! OPML 1.0/2.0 subscription lists: import and export, nested folders kept.
//!
//! Import is forgiving in the ways real exporters need: a BOM or a legacy
//! encoding named in the XML declaration, `xmlUrl` spelled in any case (or
//! plain `url`), titles in either `title` or `text`, HTML entities and bare
//! ampersands. Export always produces indented UTF-8 OPML 2.0.
//!
//! ```
//! use byline_feeds::opml::{parse_opml, write_opml, Outline};
//!
//! let doc = parse_opml(br#"<opml version="2.0"><body>
//!   <outline text="Tech">
//!     <outline type="rss" text="Example" xmlUrl="https://example.com/feed"/>
//!   </outline>
//! </body></opml>"#).unwrap();
//! let feeds = doc.feeds();
//! assert_eq!(feeds[0].0, vec!["Tech".to_string()]);
//! assert_eq!(feeds[0].1.xml_url, "https://example.com/feed");
//! assert_eq!(parse_opml(write_opml(&doc).as_bytes()).unwrap(), doc);
//! ```

use chrono::{DateTime, Utc};
use roxmltree::{Document, Node, ParsingOptions};

use crate::FeedError;

/// Deepest outline nesting accepted on import. Real lists use two or three
/// levels; anything far deeper is hostile and is rejected instead of recursed.
const MAX_DEPTH: usize = 64;

/// A subscription list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, Default)]
pub struct Opml {
    /// The list's title (`<head><title>`), if it has one.
    pub title: Option<String>,
    /// Top-level folders and feeds, in document order.
    pub outlines: Vec<Outline>,
}

/// One entry of a subscription list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Outline {
    /// A folder (category) holding feeds and further folders; may be empty.
    Folder {
        /// The folder's name.
        title: String,
        /// Its contents, in document order.
        children: Vec<Outline>,
    },
    /// A subscription.
    Feed(OpmlFeed),
}

/// A subscription in an OPML list.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct OpmlFeed {
    /// The feed's address (`xmlUrl`), trimmed but otherwise as written.
    pub xml_url: String,
    /// The name the user knows it by, if the list gives one.
    pub title: Option<String>,
    /// The site the feed belongs to (`htmlUrl`).
    pub html_url: Option<String>,
}

impl Opml {
    /// Every feed, depth first in document order, with the titles of the
    /// folders containing it, outermost first (empty at top level).
    pub fn feeds(&self) -> Vec<(Vec<String>, &OpmlFeed)> {
        let mut found = Vec::new();
        collect_feeds(&self.outlines, &mut Vec::new(), &mut found);
        found
    }
}

fn collect_feeds<'a>(outlines: &'a [Outline], path: &mut Vec<String>, found: &mut Vec<(Vec<String>, &'a OpmlFeed)>) {
    for outline in outlines {
        match outline {
            Outline::Feed(feed) => found.push((path.clone(), feed)),
            Outline::Folder { title, children } => {
                path.push(title.clone());
                collect_feeds(children, path, found);
                path.pop();
            }
        }
    }
}

// ---------------------------------------------------------------- import ---

/// Reads an OPML 1.0/2.0 document.
///
/// An `<outline>` with an `xmlUrl` (any case, or `url`) is a feed whatever its
/// `type` says; one without it is a folder when it has a title or children.
/// Titles come from `title`, falling back to `text`. Untitled outlines with
/// neither URL nor children are dropped.
///
/// # Errors
///
/// [`FeedError::InvalidOpml`] when the bytes are not well-formed XML (even
/// after repairing stray ampersands and HTML entities), the root element is
/// not `<opml>`, there is no `<body>`, or outlines nest absurdly deep.
pub fn parse_opml(bytes: &[u8]) -> Result<Opml, FeedError> {
    let text = crate::charset::decode_xml(bytes, None);
    if text.trim().is_empty() {
        return Err(invalid("the document is empty"));
    }
    let repaired: String;
    let doc = match parse_xml(&text) {
        Ok(doc) => doc,
        Err(err) => {
            repaired = repair_entities(&text);
            parse_xml(&repaired).map_err(|_| invalid(format!("not well-formed XML: {err}")))?
        }
    };
    read_document(&doc)
}

fn parse_xml(text: &str) -> Result<Document<'_>, roxmltree::Error> {
    let options = ParsingOptions { allow_dtd: true, ..ParsingOptions::default() };
    Document::parse_with_options(text, options)
}

fn read_document(doc: &Document<'_>) -> Result<Opml, FeedError> {
    let root = doc.root_element();
    if !is_element(root, "opml") {
        return Err(invalid(format!("the root element is <{}>, expected <opml>", root.tag_name().name())));
    }
    let body = child_element(root, "body").ok_or_else(|| invalid("the document has no <body> element"))?;
    let title = child_element(root, "head")
        .and_then(|head| child_element(head, "title"))
        .and_then(|title| non_empty(&element_text(title)).map(str::to_owned));
    let outlines = read_outlines(body, 0)?;
    Ok(Opml { title, outlines })
}

fn read_outlines(parent: Node<'_, '_>, depth: usize) -> Result<Vec<Outline>, FeedError> {
    let mut outlines = Vec::new();
    for node in parent.children().filter(|n| is_element(*n, "outline")) {
        read_outline(node, depth, &mut outlines)?;
    }
    Ok(outlines)
}

fn read_outline(node: Node<'_, '_>, depth: usize, out: &mut Vec<Outline>) -> Result<(), FeedError> {
    if depth >= MAX_DEPTH {
        return Err(invalid(format!("outlines are nested more than {MAX_DEPTH} levels deep")));
    }
    let title = attribute(node, "title").or_else(|| attribute(node, "text"));
    let children = read_outlines(node, depth + 1)?;
    if let Some(xml_url) = attribute(node, "xmlUrl").or_else(|| attribute(node, "url")) {
        out.push(Outline::Feed(OpmlFeed {
            xml_url: xml_url.to_owned(),
            title: title.map(str::to_owned),
            html_url: attribute(node, "htmlUrl").map(str::to_owned),
        }));
        // Some exporters nest feeds under a feed; keep them, one level up.
        out.extend(children);
    } else if title.is_some() || !children.is_empty() {
        out.push(Outline::Folder { title: title.unwrap_or_default().to_owned(), children });
    }
    Ok(())
}

fn is_element(node: Node<'_, '_>, name: &str) -> bool {
    node.is_element() && node.tag_name().name().eq_ignore_ascii_case(name)
}

fn child_element<'a, 'input>(node: Node<'a, 'input>, name: &str) -> Option<Node<'a, 'input>> {
    node.children().find(|child| is_element(*child, name))
}

/// The trimmed, non-empty value of the attribute `name`, matched ignoring
/// ASCII case and namespace.
fn attribute<'a>(node: Node<'a, '_>, name: &str) -> Option<&'a str> {
    node.attributes().find(|attr| attr.name().eq_ignore_ascii_case(name)).and_then(|attr| non_empty(attr.value()))
}

fn element_text(node: Node<'_, '_>) -> String {
    node.descendants().filter(Node::is_text).filter_map(|n| n.text()).collect()
}

fn non_empty(value: &str) -> Option<&str> {
    let value = value.trim();
    (!value.is_empty()).then_some(value)
}

fn invalid(message: impl Into<String>) -> FeedError {
    FeedError::InvalidOpml(message.into())
}

/// Makes sloppy markup well-formed: HTML named entities become numeric
/// references and an `&` that starts no valid reference becomes `&amp;`.
/// Only used after a strict parse failed.
fn repair_entities(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 64);
    let mut rest = text;
    while let Some(pos) = rest.find('&') {
        out.push_str(&rest[..pos]);
        rest = &rest[pos + 1..];
        let replacement = reference_name(rest).and_then(|name| {
            let text = if is_xml_reference(name) { format!("&{name};") } else { format!("&#{};", html_entity(name)?) };
            Some((text, name.len() + 1))
        });
        match replacement {
            Some((text, consumed)) => {
                out.push_str(&text);
                rest = &rest[consumed..];
            }
            None => out.push_str("&amp;"),
        }
    }
    out.push_str(rest);
    out
}

/// The name of a reference starting right after an `&`, when it is
/// terminated by `;` within a sane length.
fn reference_name(after_amp: &str) -> Option<&str> {
    let end = after_amp
        .char_indices()
        .take(32)
        .find(|(_, c)| !(c.is_ascii_alphanumeric() || *c == '#'))
        .filter(|(_, c)| *c == ';')
        .map(|(i, _)| i)?;
    (end > 0).then(|| &after_amp[..end])
}

fn is_xml_reference(name: &str) -> bool {
    if matches!(name, "amp" | "lt" | "gt" | "quot" | "apos") {
        return true;
    }
    let Some(number) = name.strip_prefix('#') else {
        return false;
    };
    match number.strip_prefix(['x', 'X']) {
        Some(hex) => !hex.is_empty() && hex.chars().all(|c| c.is_ascii_hexdigit()),
        None => !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()),
    }
}

/// The few HTML entities that show up in hand-edited or HTML-minded exports.
fn html_entity(name: &str) -> Option<u32> {
    Some(match name {
        "nbsp" => 0xA0,
        "copy" => 0xA9,
        "laquo" => 0xAB,
        "shy" => 0xAD,
        "reg" => 0xAE,
        "middot" => 0xB7,
        "raquo" => 0xBB,
        "ndash" => 0x2013,
        "mdash" => 0x2014,
        "lsquo" => 0x2018,
        "rsquo" => 0x2019,
        "ldquo" => 0x201C,
        "rdquo" => 0x201D,
        "bull" => 0x2022,
        "hellip" => 0x2026,
        "euro" => 0x20AC,
        "trade" => 0x2122,
        _ => return None,
    })
}

// ---------------------------------------------------------------- export ---

/// Writes `doc` as indented UTF-8 OPML 2.0 without a `dateCreated`.
///
/// Folders become `<outline text title>` elements wrapping their children,
/// feeds become `<outline type="rss" text title xmlUrl htmlUrl/>`. A feed
/// without a title gets an empty `text` (readers then use the feed's own
/// name), so [`parse_opml`] reads the output back to an equal [`Opml`].
pub fn write_opml(doc: &Opml) -> String {
    render(doc, None)
}

/// Like [`write_opml`], with `<dateCreated>` set to `created` (RFC 822 style,
/// as the OPML 2.0 specification asks).
pub fn write_opml_dated(doc: &Opml, created: DateTime<Utc>) -> String {
    render(doc, Some(created))
}

fn render(doc: &Opml, created: Option<DateTime<Utc>>) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<opml version=\"2.0\">\n  <head>\n");
    if let Some(title) = &doc.title {
        out.push_str("    <title>");
        push_escaped(&mut out, title);
        out.push_str("</title>\n");
    }
    if let Some(created) = created {
        out.push_str("    <dateCreated>");
        out.push_str(&created.to_rfc2822());
        out.push_str("</dateCreated>\n");
    }
    out.push_str("  </head>\n  <body>\n");
    write_outlines(&mut out, &doc.outlines, 2);
    out.push_str("  </body>\n</opml>\n");
    out
}

fn write_outlines(out: &mut String, outlines: &[Outline], level: usize) {
    for outline in outlines {
        out.push_str(&"  ".repeat(level));
        match outline {
            Outline::Folder { title, children } => {
                out.push_str("<outline");
                push_attribute(out, "text", title);
                push_attribute(out, "title", title);
                if children.is_empty() {
                    out.push_str("/>\n");
                } else {
                    out.push_str(">\n");
                    write_outlines(out, children, level + 1);
                    out.push_str(&"  ".repeat(level));
                    out.push_str("</outline>\n");
                }
            }
            Outline::Feed(feed) => write_feed(out, feed),
        }
    }
}

fn write_feed(out: &mut String, feed: &OpmlFeed) {
    out.push_str("<outline type=\"rss\"");
    push_attribute(out, "text", feed.title.as_deref().unwrap_or_default());
    if let Some(title) = &feed.title {
        push_attribute(out, "title", title);
    }
    push_attribute(out, "xmlUrl", &feed.xml_url);
    if let Some(html_url) = &feed.html_url {
        push_attribute(out, "htmlUrl", html_url);
    }
    out.push_str("/>\n");
}

fn push_attribute(out: &mut String, name: &str, value: &str) {
    out.push(' ');
    out.push_str(name);
    out.push_str("=\"");
    push_escaped(out, value);
    out.push('"');
}

/// Escapes for both attribute values and text. Whitespace other than the
/// space is written as a character reference so attribute-value
/// normalization keeps it; characters XML 1.0 forbids are dropped.
fn push_escaped(out: &mut String, value: &str) {
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if is_xml_char(c) => out.push(c),
            _ => {}
        }
    }
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feed(xml_url: &str, title: Option<&str>, html_url: Option<&str>) -> Outline {
        Outline::Feed(OpmlFeed {
            xml_url: xml_url.to_owned(),
            title: title.map(str::to_owned),
            html_url: html_url.map(str::to_owned),
        })
    }

    fn folder(title: &str, children: Vec<Outline>) -> Outline {
        Outline::Folder { title: title.to_owned(), children }
    }

    fn sample() -> Opml {
        Opml {
            title: Some("Abunələr & \"Подписки\" <mine>".to_owned()),
            outlines: vec![
                folder(
                    "Xəbərlər",
                    vec![
                        feed(
                            "https://xeberler.example.com/rss?lang=az&cat=1",
                            Some("Gündəlik \"xəbərlər\" & şərhlər"),
                            Some("https://xeberler.example.com/"),
                        ),
                        folder(
                            "Новости",
                            vec![folder(
                                "Наука 'и' техника",
                                vec![
                                    feed("https://nauka.example.org/feed/", Some("Наука и жизнь"), None),
                                    feed("https://example.net/atom.xml", None, None),
                                ],
                            )],
                        ),
                        folder("Boş qovluq", vec![]),
                    ],
                ),
                feed(
                    "https://example.com/feed",
                    Some("Line one\nline two\ttabbed <b>bold</b>"),
                    Some("https://example.com/?a=1&b=2"),
                ),
            ],
        }
    }

    #[test]
    fn round_trip_keeps_nested_folders_and_unicode() {
        let doc = sample();
        let written = write_opml(&doc);
        assert_eq!(parse_opml(written.as_bytes()).unwrap(), doc);
        let dated = write_opml_dated(&doc, DateTime::UNIX_EPOCH);
        assert!(dated.contains("<dateCreated>Thu, 1 Jan 1970 00:00:00 +0000</dateCreated>"));
        assert_eq!(parse_opml(dated.as_bytes()).unwrap(), doc);
    }

    #[test]
    fn writer_output_is_indented_escaped_opml_2() {
        let written = write_opml(&sample());
        assert!(written.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\">\n"));
        assert!(written.contains("    <title>Abunələr &amp; &quot;Подписки&quot; &lt;mine&gt;</title>\n"));
        assert!(written.contains("    <outline text=\"Xəbərlər\" title=\"Xəbərlər\">\n"));
        assert!(written.contains(
            "      <outline type=\"rss\" text=\"Gündəlik &quot;xəbərlər&quot; &amp; şərhlər\" \
             title=\"Gündəlik &quot;xəbərlər&quot; &amp; şərhlər\" \
             xmlUrl=\"https://xeberler.example.com/rss?lang=az&amp;cat=1\" \
             htmlUrl=\"https://xeberler.example.com/\"/>\n"
        ));
        assert!(written.contains("        <outline text=\"Наука &apos;и&apos; техника\""));
        assert!(written.contains("<outline type=\"rss\" text=\"\" xmlUrl=\"https://example.net/atom.xml\"/>"));
        assert!(written.contains("      <outline text=\"Boş qovluq\" title=\"Boş qovluq\"/>\n"));
        assert!(written.contains("text=\"Line one&#10;line two&#9;tabbed &lt;b&gt;bold&lt;/b&gt;\""));
    }

    #[test]
    fn writer_drops_characters_xml_cannot_carry() {
        let doc = Opml {
            title: Some("bell\u{7}nul\u{0}ok".to_owned()),
            outlines: vec![feed("https://example.com/\u{1b}feed", Some("x\u{FFFF}y"), None)],
        };
        let parsed = parse_opml(write_opml(&doc).as_bytes()).unwrap();
        assert_eq!(parsed.title.as_deref(), Some("bellnulok"));
        assert_eq!(parsed.feeds()[0].1.xml_url, "https://example.com/feed");
        assert_eq!(parsed.feeds()[0].1.title.as_deref(), Some("xy"));
    }

    #[test]
    fn empty_list_round_trips() {
        let doc = Opml::default();
        assert_eq!(parse_opml(write_opml(&doc).as_bytes()).unwrap(), doc);
    }

    #[test]
    fn feeds_lists_folder_paths_in_document_order() {
        let doc = sample();
        let feeds: Vec<(Vec<String>, &str)> =
            doc.feeds().into_iter().map(|(path, feed)| (path, feed.xml_url.as_str())).collect();
        let path = |p: &[&str]| p.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            feeds,
            vec![
                (path(&["Xəbərlər"]), "https://xeberler.example.com/rss?lang=az&cat=1"),
                (path(&["Xəbərlər", "Новости", "Наука 'и' техника"]), "https://nauka.example.org/feed/"),
                (path(&["Xəbərlər", "Новости", "Наука 'и' техника"]), "https://example.net/atom.xml"),
                (path(&[]), "https://example.com/feed"),
            ]
        );
    }

    #[test]
    fn windows_1251_built_in_test() {
        let xml = "<?xml version=\"1.0\" encoding=\"windows-1251\"?>\n\
            <opml version=\"1.0\"><head><title>Мои подписки</title></head><body>\
            <outline text=\"Новости\"><outline text=\"Лента — главное\" type=\"rss\" \
            xmlUrl=\"https://lenta.example.com/rss\"/></outline></body></opml>";
        let (bytes, _, unmappable) = encoding_rs::WINDOWS_1251.encode(xml);
        assert!(!unmappable);
        assert!(std::str::from_utf8(&bytes).is_err(), "the test bytes must not be UTF-8");
        let doc = parse_opml(&bytes).unwrap();
        assert_eq!(doc.title.as_deref(), Some("Мои подписки"));
        assert_eq!(
            doc.outlines,
            vec![folder("Новости", vec![feed("https://lenta.example.com/rss", Some("Лента — главное"), None)])]
        );
    }

    #[test]
    fn utf16_with_bom() {
        let xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><opml><body>\
            <outline text=\"Ağ\" xmlUrl=\"https://example.com/rss\"/></body></opml>";
        let bytes: Vec<u8> = [0xFF, 0xFE].into_iter().chain(xml.encode_utf16().flat_map(u16::to_le_bytes)).collect();
        let doc = parse_opml(&bytes).unwrap();
        assert_eq!(doc.outlines, vec![feed("https://example.com/rss", Some("Ağ"), None)]);
    }

    #[test]
    fn fixture_subscriptions() {
        let doc = parse_opml(include_bytes!("../tests/fixtures/subscriptions.opml")).unwrap();
        assert_eq!(doc.title.as_deref(), Some("Byline test subscriptions"));
        let feeds = doc.feeds();
        assert_eq!(feeds.len(), 8);
        assert_eq!(feeds[0].0, vec!["Xəbərlər".to_string()]);
        assert_eq!(feeds[0].1.title.as_deref(), Some("Gündəlik xəbərlər"));
        assert_eq!(feeds[1].0, vec!["Xəbərlər".to_string(), "İqtisadiyyat".to_string()]);
        assert_eq!(feeds[1].1.title.as_deref(), Some("Bazar & Maliyyə"));
        assert_eq!(feeds[1].1.xml_url, "https://iqtisadiyyat.example.com/feed.xml?lang=az&cat=1");
        assert_eq!(feeds[3].0, vec!["Новости".to_string(), "Технологии".to_string(), "Наука".to_string()]);
        assert_eq!(feeds[4].1.title.as_deref(), Some("Хабр «Лучшее»"));
        assert_eq!(feeds[6].1.title.as_deref(), Some("The \"Daily\" Byte"));
        assert_eq!(feeds[7].0, Vec::<String>::new());
        assert!(doc.outlines.contains(&folder("Empty folder", vec![])));
        assert_eq!(parse_opml(write_opml(&doc).as_bytes()).unwrap(), doc);
    }

    #[test]
    fn fixture_windows_1251() {
        let bytes = include_bytes!("../tests/fixtures/subscriptions-1251.opml");
        assert!(String::from_utf8(bytes.to_vec()).is_err(), "fixture must be windows-1251, not UTF-8");
        let doc = parse_opml(bytes).unwrap();
        assert_eq!(doc.title.as_deref(), Some("Подписки"));
        let feeds = doc.feeds();
        let summary: Vec<(Vec<String>, Option<&str>)> =
            feeds.iter().map(|(path, feed)| (path.clone(), feed.title.as_deref())).collect();
        assert_eq!(
            summary,
            vec![
                (vec!["Новости".to_string()], Some("Лента новостей")),
                (vec!["Новости".to_string(), "Экономика".to_string()], Some("Деловой вестник — ежедневно")),
                (vec![], Some("Блог «Заметки»")),
            ]
        );
        assert_eq!(feeds[0].1.html_url.as_deref(), Some("https://novosti.example.com/"));
    }

    #[test]
    fn sloppy_exporter() {
        let xml = "\u{FEFF}<?xml version=\"1.0\"?>\n\
            <!DOCTYPE opml>\n\
            <OPML version=\"1.1\">\n\
            <head><title>My feeds&nbsp;&mdash; all</title></head>\n\
            <Body>\n\
              <outline title=\"News\" type=\"rss\">\n\
                <outline TEXT=\"  Fish & Chips  \" XMLURL=\"https://example.com/rss?a=1&b=2\" HTMLURL=\"https://example.com\"/>\n\
                <outline text=\"Only url\" type=\"link\" url=\"https://example.net/feed\"/>\n\
                <outline text=\"\" xmlUrl=\"https://example.org/no-title.xml\"/>\n\
              </outline>\n\
              <outline type=\"folder\" text=\"Says folder\" xmlurl=\"https://example.org/atom.xml\">\n\
                <outline text=\"Nested under a feed\" xmlUrl=\"https://example.org/child.xml\"/>\n\
              </outline>\n\
              <outline text=\"   \"/>\n\
              <outline xmlUrl=\"   \"/>\n\
              <outline><outline text=\"In untitled folder\" xmlUrl=\"https://example.com/u\"/></outline>\n\
            </Body>\n\
            </OPML>";
        let doc = parse_opml(xml.as_bytes()).unwrap();
        assert_eq!(doc.title.as_deref(), Some("My feeds\u{A0}\u{2014} all"));
        assert_eq!(
            doc.outlines,
            vec![
                folder(
                    "News",
                    vec![
                        feed("https://example.com/rss?a=1&b=2", Some("Fish & Chips"), Some("https://example.com")),
                        feed("https://example.net/feed", Some("Only url"), None),
                        feed("https://example.org/no-title.xml", None, None),
                    ]
                ),
                feed("https://example.org/atom.xml", Some("Says folder"), None),
                feed("https://example.org/child.xml", Some("Nested under a feed"), None),
                folder("", vec![feed("https://example.com/u", Some("In untitled folder"), None)]),
            ]
        );
    }

    #[test]
    fn entities_and_cdata_are_decoded() {
        let xml = r#"<opml version="2.0"><head><title><![CDATA[A & B]]> &#x4E2D;&#25991;</title></head>
            <body><outline text="&lt;Tom&apos;s&gt; &quot;blog&quot;" xmlUrl="https://example.com/?x=1&amp;y=2"/></body></opml>"#;
        let doc = parse_opml(xml.as_bytes()).unwrap();
        assert_eq!(doc.title.as_deref(), Some("A & B 中文"));
        assert_eq!(doc.outlines, vec![feed("https://example.com/?x=1&y=2", Some("<Tom's> \"blog\""), None)]);
    }

    fn error_message(bytes: &[u8]) -> String {
        match parse_opml(bytes) {
            Err(FeedError::InvalidOpml(message)) => message,
            other => panic!("expected InvalidOpml, got {other:?}"),
        }
    }

    #[test]
    fn not_opml_is_a_clear_error() {
        assert!(error_message(b"").contains("empty"));
        assert!(error_message(b" \n\t").contains("empty"));
        assert!(error_message(b"<html><body><p>hi</p></body></html>").contains("<html>"));
        assert!(error_message(b"<rss version=\"2.0\"><channel/></rss>").contains("expected <opml>"));
        assert!(error_message(b"<opml version=\"2.0\"><head/></opml>").contains("<body>"));
        assert!(error_message(b"<opml><body><outline text=\"x\"").contains("not well-formed"));
        assert!(error_message(b"{\"feeds\": []}").contains("not well-formed"));
        assert!(error_message(b"\x00\xFF\xFE\x01garbage\x80\x81").contains("not well-formed"));
    }

    #[test]
    fn absurd_nesting_is_rejected() {
        let deep = 10_000;
        let xml =
            format!("<opml><body>{}{}</body></opml>", "<outline text=\"f\">".repeat(deep), "</outline>".repeat(deep));
        assert!(error_message(xml.as_bytes()).contains("nested"));
        let ok = format!(
            "<opml><body>{}{}</body></opml>",
            "<outline text=\"f\">".repeat(MAX_DEPTH),
            "</outline>".repeat(MAX_DEPTH)
        );
        assert!(parse_opml(ok.as_bytes()).is_ok());
    }

    #[test]
    fn garbage_never_panics() {
        let seed = write_opml(&sample()).into_bytes();
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for round in 0..2_000 {
            let mut bytes = seed.clone();
            let edits = 1 + next() % 8;
            for _ in 0..edits {
                let len = bytes.len() as u64;
                let at = (next() % len.max(1)) as usize;
                match next() % 3 {
                    0 if !bytes.is_empty() => {
                        bytes.remove(at.min(bytes.len() - 1));
                    }
                    1 => bytes.insert(at.min(bytes.len()), next() as u8),
                    _ => bytes.truncate(at),
                }
            }
            let _ = parse_opml(&bytes);
            if round % 100 == 0 {
                let noise: Vec<u8> = (0..next() % 512).map(|_| next() as u8).collect();
                assert!(parse_opml(&noise).is_err());
            }
        }
    }

    #[test]
    fn repair_leaves_valid_references_alone() {
        assert_eq!(
            repair_entities("a &amp; b &#38; &#x26; &nbsp; & &bogus; &;"),
            "a &amp; b &#38; &#x26; &#160; &amp; &amp;bogus; &amp;;"
        );
    }
}
