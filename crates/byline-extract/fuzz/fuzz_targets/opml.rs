//! Bytes → `byline_feeds::opml::parse_opml`: must never panic, and what it
//! reads, written out again by `write_opml` (what "Export" saves), must
//! read back with the same feeds in the same folders.
#![no_main]

use byline_feeds::opml::{parse_opml, write_opml};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(doc) = parse_opml(data) else { return };
    let written = write_opml(&doc);
    let again = parse_opml(written.as_bytes())
        .unwrap_or_else(|err| panic!("an exported OPML does not read back: {err}\n{written}"));
    let urls = |d: &byline_feeds::opml::Opml| {
        d.feeds().into_iter().map(|(folders, feed)| (folders, feed.xml_url.clone())).collect::<Vec<_>>()
    };
    assert_eq!(urls(&doc), urls(&again), "feeds changed on the way out and back:\n{written}");
});
