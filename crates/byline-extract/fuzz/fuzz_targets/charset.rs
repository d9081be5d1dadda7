//! Bytes with a declared `Content-Type` → every charset rule of
//! `byline_feeds::charset`: must never panic, and decoding never makes
//! more characters than there were bytes, but for the few that rewriting
//! the XML declaration's encoding name to `UTF-8` may add.
#![no_main]

use byline_feeds::charset::{
    charset_from_content_type, charset_from_html_meta, charset_from_xml_declaration, decode_html, decode_xml,
    guess_legacy_encoding, xml_encoding,
};
use libfuzzer_sys::fuzz_target;

/// The first byte picks one of these as the HTTP `Content-Type`.
const CONTENT_TYPES: &[Option<&str>] = &[
    None,
    Some("application/rss+xml; charset=windows-1251"),
    Some("text/xml; charset=utf-8"),
    Some("text/html; charset=koi8-r"),
    Some("application/xml; charset=\"UTF-16\""),
    Some("text/html; charset=no-such-charset"),
    Some("text/html;charset="),
    Some("application/atom+xml"),
];

fuzz_target!(|data: &[u8]| {
    let (content_type, bytes) = match data.split_first() {
        Some((b, rest)) => (CONTENT_TYPES[usize::from(*b) % CONTENT_TYPES.len()], rest),
        None => (None, data),
    };
    if let Some(ct) = content_type {
        std::hint::black_box(charset_from_content_type(ct));
    }
    std::hint::black_box(charset_from_xml_declaration(bytes));
    std::hint::black_box(charset_from_html_meta(bytes));
    std::hint::black_box(guess_legacy_encoding(bytes));
    std::hint::black_box(xml_encoding(bytes, content_type));
    for text in [decode_xml(bytes, content_type), decode_html(bytes, content_type)] {
        // `encoding="l1"` becomes `encoding="UTF-8"`: three more.
        let most = bytes.len() + "UTF-8".len();
        assert!(text.chars().count() <= most, "{} bytes became {} characters", bytes.len(), text.chars().count());
    }
});
