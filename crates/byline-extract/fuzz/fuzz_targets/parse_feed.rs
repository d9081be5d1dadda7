//! Bytes → `byline_feeds::parse_feed` → the app's sanitizing again: must
//! never panic, and every HTML field it returns (and that HTML sanitized a
//! second time) must be free of executable HTML, every URL http(s).
#![no_main]

mod safe_html;

use byline_feeds::sanitize::{html_to_text, is_web_url, plain_text, sanitize_html};
use libfuzzer_sys::fuzz_target;
use url::Url;

const FEED_URL: &str = "https://x.example/";

fuzz_target!(|data: &[u8]| {
    // The first byte picks the declared Content-Type, so decoding paths get fuzzed too.
    let (content_type, feed) = match data.split_first() {
        Some((b, rest)) if b % 3 == 0 => (Some("application/rss+xml; charset=windows-1251"), rest),
        Some((b, rest)) if b % 3 == 1 => (Some("application/atom+xml"), rest),
        Some((_, rest)) => (None, rest),
        None => (None, data),
    };
    let Ok(feed) = byline_feeds::parse_feed(feed, content_type, Some(FEED_URL)) else { return };
    let base = Url::parse(FEED_URL).expect("static URL");
    std::hint::black_box(plain_text(&feed.title));
    if let Some(link) = &feed.link {
        assert!(is_web_url(link), "feed link {link:?}");
    }
    for entry in &feed.entries {
        if let Some(link) = &entry.link {
            assert!(is_web_url(link), "entry link {link:?}");
        }
        if let Some(image) = &entry.image {
            assert!(is_web_url(image), "entry image {image:?}");
        }
        for enclosure in &entry.enclosures {
            assert!(is_web_url(&enclosure.url), "enclosure {:?}", enclosure.url);
        }
        for html in [&entry.summary_html, &entry.content_html].into_iter().flatten() {
            safe_html::assert_safe(html);
            let again = sanitize_html(html, Some(&base));
            safe_html::assert_safe(&again);
            std::hint::black_box(html_to_text(&again));
        }
    }
});
