//! Shared harness: a real FreshRSS plus a fixture server with two feeds.

#![allow(dead_code)]

use std::collections::BTreeSet;

use byline_accounts::{Fever, GReader, RemoteItem};
use byline_testkit::{Fixture, FixtureServer, FreshRss};
use chrono::{DateTime, Duration, TimeZone, Utc};

/// The publication date of item `i` of a fixture feed.
pub fn published(i: usize) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 1, 1, 10, 0, 0).unwrap() + Duration::hours(i as i64)
}

/// An RSS 2.0 feed "Fixture RSS" with items 1..=n ("RSS item i", `<p>Body i</p>`).
pub fn rss(base: &str, n: usize) -> String {
    let items: String = (1..=n)
        .map(|i| {
            format!(
                "<item><title>RSS item {i}</title><link>{base}/rss/{i}</link><guid isPermaLink=\"false\">rss-{i}</guid>\
                 <author>jane@example.com (Jane Roe)</author>\
                 <pubDate>{}</pubDate><description><![CDATA[<p>Body {i}</p>]]></description></item>\n",
                published(i).to_rfc2822()
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss version=\"2.0\"><channel><title>Fixture RSS</title>\
         <link>{base}/</link><description>Test feed</description>\n{items}</channel></rss>\n"
    )
}

/// An Atom feed "Fixture Atom" with entries 1..=n ("Atom entry i").
pub fn atom(base: &str, n: usize) -> String {
    let entries: String = (1..=n)
        .map(|i| {
            format!(
                "<entry><title>Atom entry {i}</title><link href=\"{base}/atom/{i}\"/><id>urn:fixture:atom:{i}</id>\
                 <updated>{0}</updated><published>{0}</published><author><name>Ann Atom</name></author>\
                 <content type=\"html\">&lt;p&gt;Atom body {i}&lt;/p&gt;</content></entry>\n",
                published(i).to_rfc3339()
            )
        })
        .collect();
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>Fixture Atom</title>\
         <id>urn:fixture:atom</id><updated>{}</updated><link rel=\"alternate\" href=\"{base}/\"/>\n{entries}</feed>\n",
        published(0).to_rfc3339()
    )
}

/// A FreshRSS and the fixture feeds it can subscribe to.
pub struct Env {
    pub feeds: FixtureServer,
    pub server: FreshRss,
}

impl Env {
    /// Starts both servers; the RSS feed has `rss_items` items, the Atom feed 2.
    pub async fn start(rss_items: usize) -> Env {
        let feeds = FixtureServer::start().await;
        let base = feeds.base_url();
        feeds.route("/", Fixture::body("text/html", "<!doctype html><title>Fixtures</title>"));
        feeds.route("/rss.xml", Fixture::body("application/rss+xml", rss(&base, rss_items)));
        feeds.route("/atom.xml", Fixture::body("application/atom+xml", atom(&base, 2)));
        let server = FreshRss::start().await;
        Env { feeds, server }
    }

    /// Replaces the RSS feed with one of `n` items (FreshRSS sees it at the
    /// next [`FreshRss::refresh`]).
    pub fn set_rss_items(&self, n: usize) {
        self.feeds.route("/rss.xml", Fixture::body("application/rss+xml", rss(&self.feeds.base_url(), n)));
    }

    pub fn rss_url(&self) -> String {
        self.feeds.url("/rss.xml")
    }

    pub fn atom_url(&self) -> String {
        self.feeds.url("/atom.xml")
    }

    pub async fn greader(&self) -> GReader {
        GReader::login(self.server.greader_url(), self.server.user(), self.server.password())
            .await
            .expect("GReader login")
    }

    pub async fn fever(&self) -> Fever {
        Fever::login(self.server.fever_url(), self.server.user(), self.server.password()).await.expect("Fever login")
    }
}

/// The ids of `items`, as a set.
pub fn ids(items: &[RemoteItem]) -> BTreeSet<String> {
    items.iter().map(|i| i.remote_id.clone()).collect()
}

/// A list of ids as a set.
pub fn set(ids: &[String]) -> BTreeSet<String> {
    ids.iter().cloned().collect()
}

/// The item with this title.
pub fn by_title<'a>(items: &'a [RemoteItem], title: &str) -> &'a RemoteItem {
    items.iter().find(|i| i.title == title).unwrap_or_else(|| panic!("no item {title:?} in {items:#?}"))
}
