//! Byline's feed layer: everything between the raw bytes of a feed and the
//! normalized, sanitized model the store keeps. It performs no I/O.
//!
//! * [`charset`] finds a document's encoding (BOM, HTTP header, XML
//!   declaration, `<meta charset>`) and transcodes it to UTF-8.
//! * [`parse`] turns RSS 0.9x/1.0/2.0, Atom and JSON Feed bytes into a
//!   [`ParsedFeed`], sanitizing every HTML field on the way.
//! * [`sanitize`] is the one place remote HTML is made safe.
//! * [`opml`] reads and writes subscription lists with nested folders.
//! * [`discover`] finds feed links in an HTML page.
//! * [`video`] turns a video site's embedded player into a link to the
//!   video's page (no frame plays in the reader).
//! * [`credit`] reads a credit ("By Jane Doe, Science Editor") into
//!   people and roles, for feeds and pages alike.
//!
//! ```
//! let xml = br#"<rss version="2.0"><channel><title>News</title>
//!   <item><title>Hello</title><link>https://example.com/a</link>
//!   <description>&lt;p onclick="x()"&gt;Hi&lt;/p&gt;</description></item>
//! </channel></rss>"#;
//! let feed = byline_feeds::parse_feed(xml, None, None).unwrap();
//! assert_eq!(feed.entries[0].title, "Hello");
//! assert_eq!(feed.entries[0].summary_html.as_deref(), Some("<p>Hi</p>"));
//! ```
#![deny(missing_docs)]

pub mod charset;
pub mod credit;
pub mod discover;
mod error;
pub mod lazy_images;
mod model;
pub mod opml;
pub mod parse;
pub mod sanitize;
pub mod spelling;
pub mod text;
pub mod video;

pub use credit::Author;
pub use error::FeedError;
pub use model::{Enclosure, ParsedEntry, ParsedFeed};
pub use parse::parse_feed;
