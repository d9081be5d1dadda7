//! Test support for Byline.
//!
//! Tests must never touch the internet. This crate gives every test (engine
//! integration tests, CLI tests, benchmarks, end-to-end tests) a small HTTP
//! server bound to `127.0.0.1` on an OS-chosen port, serving either fixture
//! routes added at runtime ([`FixtureServer::route`] with a [`Fixture`]) or the
//! files of a directory ([`FixtureServer::serve_dir`]), and records every
//! request it receives ([`FixtureServer::hits`],
//! [`FixtureServer::request_headers`]).
//!
//! It also generates deterministic feeds of any size for load tests and
//! benchmarks: [`generate_rss`], [`generate_atom`] and [`generate_json_feed`].
//!
//! ```no_run
//! use byline_testkit::{Fixture, FixtureServer};
//!
//! # async fn demo() {
//! let server = FixtureServer::start().await;
//! server.route(
//!     "/feed.xml",
//!     Fixture::body("application/rss+xml", "<rss version=\"2.0\"/>").etag("\"v1\""),
//! );
//! let url = server.url("/feed.xml"); // http://127.0.0.1:PORT/feed.xml
//! // ... fetch `url` with the code under test ...
//! assert_eq!(server.hits("/feed.xml"), 0);
//! # let _ = url;
//! # }
//! ```
//!
//! The fixture feeds themselves live in `crates/byline-engine/tests/fixtures`;
//! every crate's tests find them with [`fixtures_dir`] and [`fixture_path`].
//!
//! For robustness tests, [`Fault`] serves hostile servers and documents (a
//! slow drip, a server that never answers, resets, endless bodies,
//! decompression bombs, redirect loops, rate limits, lying charsets, entity
//! attacks, huge feeds…) at their own paths, streamed as they are sent.
//!
//! For the hardening tests, [`xss`] is a corpus of 500+ XSS payloads whose
//! scripts leave a trace if they ever run, and [`hostile`] a site (RSS,
//! Atom and JSON feeds, article pages, OPML) carrying them in every field.
//!
//! For the sync clients, [`FreshRss`] starts a real FreshRSS (Google Reader
//! and Fever APIs) on 127.0.0.1 from the vendored `servers/freshrss/`, and
//! [`TtRss`] a real Tiny Tiny RSS from Debian's package on a private
//! PostgreSQL.
//!
//! For the OS keyring path of account passwords, [`Keyring`] starts a
//! private D-Bus session bus with a real GNOME Keyring (the Secret Service)
//! on it.
//!
//! The crate also builds the `byline-fixture-server DIR [--port N]` binary, for
//! tests and benchmarks that run outside Rust tests.

#![deny(missing_docs)]

mod clock;
mod faults;
mod fixture;
mod freshrss;
mod generate;
pub mod hostile;
mod keyring;
mod news;
mod server;
mod ttrss;
mod xml;
pub mod xss;

/// The `http` crate (as re-exported by axum), for [`http::HeaderMap`] and friends.
pub use axum::http;

pub use faults::{rss, Fault, CYRILLIC_TITLE, ENTITY_PROBE_PATH, ENTITY_PROBE_TEXT, HUGE_TITLE_LEN, MANY_ITEMS};
pub use fixture::Fixture;
pub use freshrss::FreshRss;
pub use generate::{
    generate_atom, generate_json_feed, generate_rss, generate_rss_with, ItemContent, FULL_ARTICLE_MAX_BYTES,
    FULL_ARTICLE_MIN_BYTES,
};
pub use keyring::Keyring;
pub use news::{generate_news_rss, NewsLanguage};
pub use server::{content_type_for, FixtureServer};
pub use ttrss::TtRss;

use std::path::{Path, PathBuf};

/// The workspace's root directory, as it is now. Found from the directory
/// of the package cargo runs (its `CARGO_MANIFEST_DIR` at run time), so a
/// build made in another checkout of the workspace, which cargo reuses
/// without compiling again, still reads this checkout's files; outside
/// cargo, where this crate was compiled.
pub fn workspace_root() -> PathBuf {
    let compiled = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    std::env::var_os("CARGO_MANIFEST_DIR")
        .and_then(|dir| {
            Path::new(&dir)
                .ancestors()
                .find(|d| d.join("crates/byline-testkit/Cargo.toml").is_file())
                .map(Path::to_path_buf)
        })
        .unwrap_or(compiled)
}

/// The directory of the shared fixture feeds,
/// `crates/byline-engine/tests/fixtures` (for [`FixtureServer::serve_dir`]).
pub fn fixtures_dir() -> PathBuf {
    workspace_root().join("crates/byline-engine/tests/fixtures")
}

/// One shared fixture feed by file name, e.g. `fixture_path("az-utf8.xml")`.
pub fn fixture_path(name: &str) -> PathBuf {
    fixtures_dir().join(name)
}
