//! Deterministic fixture feeds of any size, for load tests and benchmarks.

use chrono::{DateTime, Duration, TimeZone, Utc};

const TOPICS: &[&str] = &[
    "City council approves new cycling lanes downtown",
    "Central bank holds interest rates steady",
    "Researchers map a deep-sea coral reef",
    "Local startup raises funding for battery recycling",
    "Storm warning issued for the coast this weekend",
    "Museum reopens after two-year renovation",
    "National team names squad for spring qualifiers",
    "Rail operator announces new night trains",
    "University opens applications for summer school",
    "Farmers report early harvest after mild winter",
    "Open-source browser engine ships major release",
    "Port authority expands container terminal",
];

const AUTHORS: &[&str] = &["Ada Brennan", "Tomás Reyes", "Mei Lin", "Kofi Mensah", "Sara Nyberg"];

/// The date of item 0 of every generated feed; item `i` is `i` hours older.
pub(crate) fn item_date(i: usize) -> DateTime<Utc> {
    let base = Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap();
    base - Duration::hours(i as i64)
}

struct Item {
    title: String,
    link: String,
    guid: String,
    author: &'static str,
    date: DateTime<Utc>,
    html: String,
    summary: String,
}

fn make_items(feed_index: usize, count: usize, site: &str) -> Vec<Item> {
    let site = site.trim_end_matches('/');
    (0..count)
        .map(|i| {
            let topic = TOPICS[(i + feed_index) % TOPICS.len()];
            let title = format!("{topic} (feed {feed_index}, story {i})");
            let link = format!("{site}/feed-{feed_index}/{i}-story.html");
            let summary = format!(
                "{topic}: the latest on story {i} from feed {feed_index}, with reactions and what comes next."
            );
            let html = format!(
                "<p>{summary}</p>\
                 <p><img src=\"{site}/images/feed-{feed_index}/{i}.jpg\" alt=\"Photo for story {i}\" width=\"640\" height=\"360\"></p>\
                 <p>Officials said on Monday that the plan would be reviewed over the coming weeks. \
                 &ldquo;We expect to publish the details soon,&rdquo; a spokesperson said. \
                 Residents can comment until the end of the month.</p>\
                 <p>Read <a href=\"{site}/feed-{feed_index}/{prev}-story.html\">the previous story</a> \
                 or see <em>related coverage</em> on <strong>our site</strong>.</p>",
                prev = i.saturating_sub(1),
            );
            Item {
                title,
                link,
                guid: format!("byline-gen-{feed_index}-{i}"),
                author: AUTHORS[(i * 7 + feed_index) % AUTHORS.len()],
                date: item_date(i),
                html,
                summary,
            }
        })
        .collect()
}

/// Escapes text for XML character data and attribute values.
pub(crate) fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// An RSS 2.0 document with `items` items and deterministic content: titles
/// and guids (`isPermaLink="false"`) unique per `feed_index`, links under
/// `site`, `dc:creator`, `pubDate`s one hour apart descending from
/// 2026-03-02 08:00 UTC, and an escaped-HTML `description` of a few
/// paragraphs with an `<img>` and a link. The same inputs always give the
/// same bytes.
pub fn generate_rss(feed_index: usize, items: usize, site: &str) -> String {
    let site_t = site.trim_end_matches('/');
    let mut out = String::with_capacity(600 + items * 1200);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:atom=\"http://www.w3.org/2005/Atom\">\n<channel>\n");
    out.push_str(&format!("  <title>Byline Generated Feed {feed_index}</title>\n"));
    out.push_str(&format!("  <link>{}/feed-{feed_index}/</link>\n", esc(site_t)));
    out.push_str(&format!(
        "  <atom:link href=\"{}/feed-{feed_index}/rss.xml\" rel=\"self\" type=\"application/rss+xml\"/>\n",
        esc(site_t)
    ));
    out.push_str(&format!("  <description>Generated test feed number {feed_index}</description>\n"));
    out.push_str("  <language>en</language>\n");
    out.push_str(&format!("  <lastBuildDate>{}</lastBuildDate>\n", item_date(0).to_rfc2822()));
    for it in make_items(feed_index, items, site) {
        out.push_str("  <item>\n");
        out.push_str(&format!("    <title>{}</title>\n", esc(&it.title)));
        out.push_str(&format!("    <link>{}</link>\n", esc(&it.link)));
        out.push_str(&format!("    <guid isPermaLink=\"false\">{}</guid>\n", esc(&it.guid)));
        out.push_str(&format!("    <dc:creator>{}</dc:creator>\n", esc(it.author)));
        out.push_str(&format!("    <pubDate>{}</pubDate>\n", it.date.to_rfc2822()));
        out.push_str(&format!("    <description>{}</description>\n", esc(&it.html)));
        out.push_str("  </item>\n");
    }
    out.push_str("</channel>\n</rss>\n");
    out
}

/// The Atom 1.0 variant of [`generate_rss`]: same items, `id`s
/// `urn:byline:gen:<feed>:<item>`, `type="html"` content and a summary.
pub fn generate_atom(feed_index: usize, items: usize, site: &str) -> String {
    let site_t = esc(site.trim_end_matches('/'));
    let mut out = String::with_capacity(600 + items * 1300);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"en\">\n");
    out.push_str(&format!("  <title>Byline Generated Feed {feed_index}</title>\n"));
    out.push_str(&format!("  <id>urn:byline:gen:{feed_index}</id>\n"));
    out.push_str(&format!("  <link rel=\"alternate\" type=\"text/html\" href=\"{site_t}/feed-{feed_index}/\"/>\n"));
    out.push_str(&format!(
        "  <link rel=\"self\" type=\"application/atom+xml\" href=\"{site_t}/feed-{feed_index}/atom.xml\"/>\n"
    ));
    out.push_str(&format!("  <updated>{}</updated>\n", item_date(0).to_rfc3339()));
    for (i, it) in make_items(feed_index, items, site).into_iter().enumerate() {
        out.push_str("  <entry>\n");
        out.push_str(&format!("    <title>{}</title>\n", esc(&it.title)));
        out.push_str(&format!("    <id>urn:byline:gen:{feed_index}:{i}</id>\n"));
        out.push_str(&format!("    <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n", esc(&it.link)));
        out.push_str(&format!("    <author><name>{}</name></author>\n", esc(it.author)));
        out.push_str(&format!("    <published>{}</published>\n", it.date.to_rfc3339()));
        out.push_str(&format!("    <updated>{}</updated>\n", it.date.to_rfc3339()));
        out.push_str(&format!("    <summary>{}</summary>\n", esc(&it.summary)));
        out.push_str(&format!("    <content type=\"html\">{}</content>\n", esc(&it.html)));
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// The JSON Feed 1.1 variant of [`generate_rss`]: same items, `id`s equal to
/// the RSS guids, `content_html`, `summary`, `image`, `authors` and
/// `date_published`.
pub fn generate_json_feed(feed_index: usize, items: usize, site: &str) -> String {
    let site_t = site.trim_end_matches('/');
    let items: Vec<serde_json::Value> = make_items(feed_index, items, site)
        .into_iter()
        .enumerate()
        .map(|(i, it)| {
            serde_json::json!({
                "id": it.guid,
                "url": it.link,
                "title": it.title,
                "content_html": it.html,
                "summary": it.summary,
                "image": format!("{site_t}/images/feed-{feed_index}/{i}.jpg"),
                "date_published": it.date.to_rfc3339(),
                "authors": [{ "name": it.author }],
            })
        })
        .collect();
    let feed = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": format!("Byline Generated Feed {feed_index}"),
        "home_page_url": format!("{site_t}/feed-{feed_index}/"),
        "feed_url": format!("{site_t}/feed-{feed_index}/feed.json"),
        "language": "en",
        "items": items,
    });
    let mut s = serde_json::to_string_pretty(&feed).expect("JSON Feed serializes");
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rss_is_deterministic_and_unique() {
        let a = generate_rss(3, 20, "https://example.test/");
        assert_eq!(a, generate_rss(3, 20, "https://example.test"));
        assert_eq!(a.matches("<item>").count(), 20);
        assert!(a.contains("<guid isPermaLink=\"false\">byline-gen-3-19</guid>"));
        assert!(a.contains("Mon, 2 Mar 2026 08:00:00 +0000"));
        assert!(a.contains("&lt;img src=&quot;https://example.test/images/feed-3/0.jpg&quot;"));
        assert_ne!(a, generate_rss(4, 20, "https://example.test"));
    }

    #[test]
    fn atom_and_json() {
        let atom = generate_atom(1, 5, "https://example.test");
        assert_eq!(atom.matches("<entry>").count(), 5);
        assert!(atom.contains("<id>urn:byline:gen:1:4</id>"));
        let json: serde_json::Value = serde_json::from_str(&generate_json_feed(1, 5, "https://example.test")).unwrap();
        assert_eq!(json["items"].as_array().unwrap().len(), 5);
        assert_eq!(json["items"][0]["date_published"], "2026-03-02T08:00:00+00:00");
        assert_eq!(json["items"][1]["id"], "byline-gen-1-1");
    }
}
