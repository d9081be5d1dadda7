//! Bytes → `byline_extract::extract`: must never panic, and whatever it
//! returns must be free of executable HTML.
#![no_main]

mod safe_html;

use libfuzzer_sys::fuzz_target;
use url::Url;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the declared charset, so decoding paths get fuzzed too.
    let (content_type, page) = match data.split_first() {
        Some((b, rest)) if b % 3 == 0 => (Some("text/html; charset=windows-1251"), rest),
        Some((b, rest)) if b % 3 == 1 => (Some("text/html"), rest),
        Some((_, rest)) => (None, rest),
        None => (None, data),
    };
    let url = Url::parse("https://fuzz.example.az/xeber/1.html").expect("static URL");
    if let Ok(article) = byline_extract::extract(page, content_type, &url, Some("Fuzz Müəllif")) {
        safe_html::assert_safe(&article.content_html);
        if let Some(image) = &article.lead_image {
            assert!(byline_feeds::sanitize::is_web_url(image), "lead image {image:?}");
        }
    }
});
