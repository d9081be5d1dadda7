//! A hostile site: an RSS feed, an Atom feed, a JSON Feed, the article
//! pages behind their links and an OPML file, every field of which carries
//! payloads of the [`xss`](crate::xss) corpus.
//!
//! Each feed has [`ITEMS`] items; item `i` carries the HTML payloads whose
//! index is `i` modulo [`ITEMS`] in every field that holds text or markup
//! (title, author, summary, content, categories), and the URL payloads the
//! same way in every field that holds a URL (enclosures, images,
//! thumbnails, comments, the link itself for the items without a page). So
//! every payload appears in every kind of field of every feed. The first
//! [`ITEMS_WITH_PAGES`] items link to an article page that carries the same
//! payloads in its `<title>`, meta tags, JSON-LD and body.
//!
//! XML cannot carry the control characters some payloads hold (NUL, U+0001,
//! form feed): the XML documents leave them out; the JSON Feed and the pages
//! keep them.

use chrono::{Duration, Utc};
use serde_json::json;

use crate::xml::{cdata, esc};
use crate::xss::{Corpus, Payload, BEACON_PATH};
use crate::{Fixture, FixtureServer};

/// Items in each hostile feed.
pub const ITEMS: usize = 12;
/// Items whose link leads to a hostile article page (the others link to a
/// hostile URL).
pub const ITEMS_WITH_PAGES: usize = 8;

/// The feeds' paths, with the word their item titles start with.
pub const FEEDS: [(&str, &str); 3] =
    [("/hostile/rss.xml", "RSS"), ("/hostile/atom.xml", "Atom"), ("/hostile/feed.json", "JSON")];
/// The OPML file's path.
pub const OPML_PATH: &str = "/hostile/subscriptions.opml";
/// The small feed the OPML file subscribes to (under several queries).
pub const TINY_FEED_PATH: &str = "/hostile/tiny.xml";
/// Feed outlines in the OPML file with a reachable address.
pub const OPML_GOOD_FEEDS: usize = 3;

/// One served document.
#[derive(Debug, Clone)]
pub struct Document {
    /// The URL path (`/hostile/rss.xml`).
    pub path: String,
    /// Its `Content-Type`.
    pub content_type: &'static str,
    /// Its body.
    pub body: String,
}

/// The hostile site for one server: its corpus and documents.
#[derive(Debug, Clone)]
pub struct HostileSite {
    /// `http://127.0.0.1:PORT`, without a trailing slash.
    pub base: String,
    /// The payloads, tracing to `base` + [`BEACON_PATH`].
    pub corpus: Corpus,
    /// Every document of the site.
    pub documents: Vec<Document>,
}

/// What an item's title starts with: `Hostile RSS #03:`, unique per item
/// (the end of the title is payloads).
pub fn item_title_prefix(kind: &str, item: usize) -> String {
    format!("Hostile {kind} #{item:02}:")
}

impl HostileSite {
    /// Builds the site for a server at `base` (`http://127.0.0.1:PORT`).
    pub fn new(base: &str) -> HostileSite {
        let base = base.trim_end_matches('/').to_owned();
        let corpus = Corpus::new(&format!("{base}{BEACON_PATH}"));
        let mut documents = Vec::new();
        let doc = |path: String, content_type: &'static str, body: String| Document { path, content_type, body };
        documents.push(doc(FEEDS[0].0.into(), "application/rss+xml; charset=utf-8", rss(&base, &corpus)));
        documents.push(doc(FEEDS[1].0.into(), "application/atom+xml; charset=utf-8", atom(&base, &corpus)));
        documents.push(doc(FEEDS[2].0.into(), "application/feed+json; charset=utf-8", json_feed(&base, &corpus)));
        for (_, kind) in FEEDS {
            for item in 0..ITEMS_WITH_PAGES {
                documents.push(doc(page_path(kind, item), "text/html; charset=utf-8", page(&corpus, kind, item)));
            }
        }
        documents.push(doc(OPML_PATH.into(), "text/x-opml; charset=utf-8", opml(&base, &corpus)));
        documents.push(doc(TINY_FEED_PATH.into(), "application/rss+xml; charset=utf-8", tiny_feed(&base, &corpus)));
        HostileSite { base, corpus, documents }
    }

    /// Builds the site for `server` and serves every document on it.
    pub fn serve(server: &FixtureServer) -> HostileSite {
        let site = HostileSite::new(&server.base_url());
        for d in &site.documents {
            server.route(&d.path, Fixture::body(d.content_type, d.body.clone()));
        }
        site
    }

    /// The document at `path`.
    pub fn document(&self, path: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.path == path)
    }

    /// The URL of `path` on the site.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }
}

/// Where item `item` of feed `kind` has its page.
pub fn page_path(kind: &str, item: usize) -> String {
    format!("/hostile/page/{}/{item}", kind.to_ascii_lowercase())
}

/// The payloads item `item` carries.
fn chunk(payloads: &[Payload], item: usize) -> Vec<&Payload> {
    payloads.iter().enumerate().filter(|(i, _)| i % ITEMS == item).map(|(_, p)| p).collect()
}

fn joined(payloads: &[&Payload]) -> String {
    payloads.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" ")
}

/// The item's article link: its page, or a hostile URL.
fn item_link(base: &str, corpus: &Corpus, kind: &str, item: usize) -> String {
    if item < ITEMS_WITH_PAGES {
        format!("{base}{}", page_path(kind, item))
    } else {
        corpus.urls[item % corpus.urls.len()].text.clone()
    }
}

fn body_html(payloads: &[&Payload], kind: &str, item: usize) -> String {
    let mut html = format!("<p>Safe opening paragraph of hostile {kind} item {item}.</p>");
    for (n, p) in payloads.iter().enumerate() {
        html.push_str(&p.text);
        if n % 8 == 7 {
            html.push_str(&format!("<p>{}</p>", filler(n)));
        }
    }
    html.push_str(&format!("<p>Safe closing paragraph of hostile {kind} item {item}.</p>"));
    html
}

/// Ordinary prose, so that a page reads as an article.
fn filler(n: usize) -> String {
    format!(
        "Paragraph {n}: the council met on Tuesday to discuss the harbour project, and members of the public \
         asked how the work would change the ferry timetable, the fish market and the footpath along the \
         old sea wall. Officials promised an answer within a month and a public meeting before the summer."
    )
}

fn date(item: usize) -> chrono::DateTime<Utc> {
    Utc::now() - Duration::hours(item as i64 + 1)
}

// ---------------------------------------------------------------------------
// XML
// ---------------------------------------------------------------------------

fn rss(base: &str, corpus: &Corpus) -> String {
    let feed_title = format!("Hostile RSS feed {}", joined(&chunk(&corpus.html, 0)));
    let mut items = String::new();
    for item in 0..ITEMS {
        let html = chunk(&corpus.html, item);
        let urls = chunk(&corpus.urls, item);
        let title = format!("{} {}", item_title_prefix("RSS", item), joined(&html));
        let link = item_link(base, corpus, "RSS", item);
        let body = body_html(&html, "RSS", item);
        // Half the items escape their HTML, half wrap it in CDATA.
        let wrap = |s: &str| if item % 2 == 0 { esc(s) } else { cdata(s) };
        let categories: String = html.iter().map(|p| format!("<category>{}</category>", esc(&p.text))).collect();
        let media: String = urls
            .iter()
            .map(|u| {
                format!(
                    "<enclosure url=\"{0}\" type=\"image/jpeg\" length=\"1\"/>\
                     <media:content url=\"{0}\" medium=\"image\"/><media:thumbnail url=\"{0}\"/>",
                    esc(&u.text)
                )
            })
            .collect();
        let comments = urls.first().map(|u| format!("<comments>{}</comments>", esc(&u.text))).unwrap_or_default();
        items.push_str(&format!(
            "<item><title>{title}</title><link>{link}</link>\
             <guid isPermaLink=\"false\">hostile-rss-{item}</guid><pubDate>{date}</pubDate>\
             <author>{author}</author><dc:creator>{author}</dc:creator>{categories}\
             <description>{summary}</description><content:encoded>{content}</content:encoded>\
             {media}{comments}</item>\n",
            title = esc(&title),
            link = esc(&link),
            date = date(item).to_rfc2822(),
            author = esc(&joined(&html)),
            summary = wrap(&joined(&html)),
            content = wrap(&body),
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:media=\"http://search.yahoo.com/mrss/\">\
         <channel><title>{title}</title><link>{site}</link><description>{desc}</description>\
         <image><url>{image}</url><title>{title}</title><link>{site}</link></image>\n{items}</channel></rss>\n",
        title = esc(&feed_title),
        site = esc(&corpus.urls[0].text),
        desc = esc(&joined(&chunk(&corpus.html, 1))),
        image = esc(&corpus.urls[1].text),
    )
}

fn atom(base: &str, corpus: &Corpus) -> String {
    let feed_title = format!("Hostile Atom feed {}", joined(&chunk(&corpus.html, 2)));
    let mut entries = String::new();
    for item in 0..ITEMS {
        let html = chunk(&corpus.html, item);
        let urls = chunk(&corpus.urls, item);
        let title = format!("{} {}", item_title_prefix("Atom", item), joined(&html));
        let link = item_link(base, corpus, "Atom", item);
        let categories: String =
            html.iter().map(|p| format!("<category term=\"{0}\" label=\"{0}\"/>", esc(&p.text))).collect();
        let links: String = urls
            .iter()
            .map(|u| {
                format!(
                    "<link rel=\"enclosure\" type=\"image/png\" href=\"{0}\"/><link rel=\"related\" href=\"{0}\"/>\
                     <media:thumbnail url=\"{0}\"/>",
                    esc(&u.text)
                )
            })
            .collect();
        entries.push_str(&format!(
            "<entry><title type=\"html\">{title}</title><link rel=\"alternate\" href=\"{link}\"/>{links}\
             <id>urn:byline:hostile:atom:{item}</id><updated>{date}</updated><published>{date}</published>\
             <author><name>{author}</name><uri>{uri}</uri><email>{author}</email></author>{categories}\
             <summary type=\"html\">{summary}</summary><content type=\"html\">{content}</content></entry>\n",
            title = esc(&title),
            link = esc(&link),
            date = date(item).to_rfc3339(),
            author = esc(&joined(&html)),
            uri = esc(urls.first().map_or("", |u| u.text.as_str())),
            summary = esc(&joined(&html)),
            content = esc(&body_html(&html, "Atom", item)),
        ));
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
         <feed xmlns=\"http://www.w3.org/2005/Atom\" xmlns:media=\"http://search.yahoo.com/mrss/\">\
         <title type=\"html\">{title}</title><subtitle type=\"html\">{subtitle}</subtitle>\
         <link rel=\"alternate\" href=\"{site}\"/><icon>{icon}</icon><logo>{icon}</logo>\
         <id>urn:byline:hostile:atom</id><updated>{updated}</updated>\n{entries}</feed>\n",
        title = esc(&feed_title),
        subtitle = esc(&joined(&chunk(&corpus.html, 3))),
        site = esc(&corpus.urls[2].text),
        icon = esc(&corpus.urls[3].text),
        updated = Utc::now().to_rfc3339(),
    )
}

fn json_feed(base: &str, corpus: &Corpus) -> String {
    let items: Vec<serde_json::Value> = (0..ITEMS)
        .map(|item| {
            let html = chunk(&corpus.html, item);
            let urls = chunk(&corpus.urls, item);
            let first_url = urls.first().map_or("", |u| u.text.as_str());
            json!({
                "id": format!("hostile-json-{item}"),
                "url": item_link(base, corpus, "JSON", item),
                "external_url": first_url,
                "title": format!("{} {}", item_title_prefix("JSON", item), joined(&html)),
                "summary": joined(&html),
                "content_html": body_html(&html, "JSON", item),
                "content_text": joined(&html),
                "image": first_url,
                "banner_image": urls.last().map_or("", |u| u.text.as_str()),
                "date_published": date(item).to_rfc3339(),
                "authors": [{ "name": joined(&html), "url": first_url, "avatar": first_url }],
                "tags": html.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(),
                "attachments": urls.iter().map(|u| json!({ "url": u.text, "mime_type": "image/png" })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let feed = json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": format!("Hostile JSON feed {}", joined(&chunk(&corpus.html, 4))),
        "home_page_url": corpus.urls[4].text,
        "description": joined(&chunk(&corpus.html, 5)),
        "icon": corpus.urls[5].text,
        "favicon": corpus.urls[6].text,
        "authors": [{ "name": joined(&chunk(&corpus.html, 6)), "url": corpus.urls[7].text }],
        "items": items,
    });
    serde_json::to_string_pretty(&feed).expect("JSON")
}

/// Escapes text for an HTML attribute value in double quotes.
fn attr(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Item `item`'s article page: payloads in the title, meta tags, JSON-LD and body.
fn page(corpus: &Corpus, kind: &str, item: usize) -> String {
    let html = chunk(&corpus.html, item);
    let urls = chunk(&corpus.urls, item);
    let text = joined(&html);
    let image = urls.first().map_or("", |u| u.text.as_str());
    let ld = json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": text,
        "description": text,
        "author": [{ "@type": "Person", "name": text, "url": image }],
        "image": urls.iter().map(|u| u.text.as_str()).collect::<Vec<_>>(),
        "datePublished": date(item).to_rfc3339(),
        "articleBody": text,
        "inLanguage": html.first().map_or("", |p| p.text.as_str()),
    });
    // `</script>` inside the JSON would end the element early.
    let ld = ld.to_string().replace("</", "<\\/");
    let mut body = String::new();
    for (n, p) in html.iter().enumerate() {
        if n % 6 == 0 {
            body.push_str(&format!("<p>{}</p>", filler(n)));
        }
        body.push_str(&p.text);
    }
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\"><title>{prefix} {text}</title>\
         <meta property=\"og:title\" content=\"{a}\"><meta name=\"description\" content=\"{a}\">\
         <meta name=\"author\" content=\"{a}\"><meta property=\"article:author\" content=\"{a}\">\
         <meta property=\"og:image\" content=\"{img}\"><meta name=\"twitter:image\" content=\"{img}\">\
         <meta property=\"og:url\" content=\"{img}\"><link rel=\"canonical\" href=\"{img}\">\
         <meta property=\"article:published_time\" content=\"{a}\">\
         <script type=\"application/ld+json\">{ld}</script></head>\
         <body><header><nav><a href=\"{img}\">home</a></nav></header><main><article>\
         <h1>{prefix} page</h1><p class=\"byline\">By <a rel=\"author\" href=\"{img}\">{text}</a></p>\
         <time datetime=\"{a}\">{text}</time>{body}<p>Safe closing paragraph of the {kind} page {item}.</p>\
         </article></main><footer>{text}</footer></body></html>",
        lang = attr(&text),
        prefix = item_title_prefix(kind, item),
        a = attr(&text),
        img = attr(image),
    )
}

/// Subscriptions with hostile folder and feed titles and addresses: three
/// reachable feeds (the small one, under different queries), and hostile
/// addresses the import should refuse.
fn opml(base: &str, corpus: &Corpus) -> String {
    let mut folders = String::new();
    for f in 0..OPML_GOOD_FEEDS {
        let title = joined(&chunk(&corpus.html, f));
        let feed_title = joined(&chunk(&corpus.html, f + OPML_GOOD_FEEDS));
        let html_url = &corpus.urls[f % corpus.urls.len()].text;
        folders.push_str(&format!(
            "<outline text=\"{t}\" title=\"{t}\"><outline type=\"rss\" text=\"{ft}\" title=\"{ft}\" \
             xmlUrl=\"{base}{TINY_FEED_PATH}?n={f}\" htmlUrl=\"{h}\"/></outline>\n",
            t = esc(&title),
            ft = esc(&feed_title),
            h = esc(html_url),
        ));
    }
    let refused: String = corpus
        .urls
        .iter()
        .map(|u| format!("<outline type=\"rss\" text=\"{0}\" xmlUrl=\"{0}\" htmlUrl=\"{0}\"/>\n", esc(&u.text)))
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<opml version=\"2.0\"><head><title>{}</title></head><body>\n\
         {folders}{refused}</body></opml>\n",
        esc(&joined(&chunk(&corpus.html, 7))),
    )
}

/// A one-item feed with hostile titles, for the OPML subscriptions.
fn tiny_feed(base: &str, corpus: &Corpus) -> String {
    let html = chunk(&corpus.html, 8);
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>{t}</title>\
         <link>{base}/</link><description>{t}</description><item><title>Hostile OPML item {t}</title>\
         <guid isPermaLink=\"false\">hostile-tiny</guid><pubDate>{d}</pubDate>\
         <description>{c}</description></item></channel></rss>\n",
        t = esc(&joined(&html)),
        d = date(0).to_rfc2822(),
        c = esc(&body_html(&html, "OPML", 0)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_payload_is_in_every_feed() {
        let site = HostileSite::new("http://127.0.0.1:9");
        let json: serde_json::Value = serde_json::from_str(&site.document(FEEDS[2].0).unwrap().body).unwrap();
        let items = json["items"].as_array().unwrap();
        assert_eq!(items.len(), ITEMS);
        for p in &site.corpus.html {
            assert!(items.iter().any(|i| i["content_html"].as_str().unwrap().contains(&p.text)), "{}", p.id);
            assert!(items.iter().any(|i| i["title"].as_str().unwrap().contains(&p.text)), "{}", p.id);
        }
        for p in &site.corpus.urls {
            assert!(items.iter().any(|i| i["attachments"].to_string().contains(&json!(p.text).to_string())));
        }
        for (path, _) in FEEDS {
            let body = &site.document(path).unwrap().body;
            assert!(body.contains("/beacon/x0001"), "{path}");
        }
    }

    #[test]
    fn the_xml_documents_are_well_formed() {
        let site = HostileSite::new("http://127.0.0.1:9");
        for path in [FEEDS[0].0, FEEDS[1].0, OPML_PATH, TINY_FEED_PATH] {
            let body = &site.document(path).unwrap().body;
            roxmltree::Document::parse(body).unwrap_or_else(|e| panic!("{path}: {e}"));
        }
    }
}
