//! Any text → `byline_feeds::sanitize::sanitize_html`: must never panic,
//! and what it returns (and that sanitized again) must be free of
//! executable HTML, every URL http(s) or mailto. The text helpers
//! (`html_to_text`, `plain_text`, `text_to_html`) must never panic either.
#![no_main]

mod safe_html;

use byline_feeds::sanitize::{html_to_text, plain_text, sanitize_html, text_to_html};
use libfuzzer_sys::fuzz_target;
use url::Url;

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let base = Url::parse("https://x.example/a/b.html").expect("static URL");
    let clean = sanitize_html(&html, Some(&base));
    safe_html::assert_safe(&clean);
    let again = sanitize_html(&clean, Some(&base));
    safe_html::assert_safe(&again);
    safe_html::assert_safe(&sanitize_html(&html, None));
    std::hint::black_box(html_to_text(&clean));
    std::hint::black_box(plain_text(&html));
    safe_html::assert_safe(&text_to_html(&html));
});
