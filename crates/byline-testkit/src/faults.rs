//! [`Fault`]: hostile servers and hostile feeds, for the fetcher and the
//! parser to survive. Each fault is served at its own path of a
//! [`FixtureServer`] by [`Fault::install`]; every stream is generated as it is
//! sent (an endless body, a 2 GB body, a 10 GB decompression bomb), so no
//! test ever holds more than a few kilobytes of it.

use std::io::Write;
use std::sync::OnceLock;
use std::time::{Duration, SystemTime};

use axum::body::Bytes;
use encoding_rs::{KOI8_R, WINDOWS_1251};
use futures::stream::{self, StreamExt};

use crate::fixture::ChunkStream;
use crate::{Fixture, FixtureServer};

/// The Cyrillic title the charset faults carry; a reader that decodes them
/// right stores an article with exactly this title.
pub const CYRILLIC_TITLE: &str = "Новости Баку";

/// The path the external-entity fault points its `SYSTEM` URL at. A parser
/// that resolves external entities requests it; nothing else ever does, so
/// `server.hits(ENTITY_PROBE_PATH)` must stay 0.
pub const ENTITY_PROBE_PATH: &str = "/faults/entity-probe";

/// Text the entity probe would answer, and that must never reach an article.
pub const ENTITY_PROBE_TEXT: &str = "ENTITY-PROBE-LEAKED";

/// Items in [`Fault::HundredThousandItems`].
pub const MANY_ITEMS: usize = 100_000;

/// Characters in the title of [`Fault::HugeTitle`]'s first item.
pub const HUGE_TITLE_LEN: usize = 10 * 1024 * 1024;

/// A hostile server behaviour or a hostile document, served by
/// [`Fault::install`] at [`Fault::path`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fault {
    /// Headers at once, then one byte per second, forever.
    SlowDrip,
    /// Accepts the connection, reads the request, never answers.
    NeverAnswers,
    /// Sends the start of a feed, then aborts the connection mid-body.
    ResetMidBody,
    /// A chunked body (no `Content-Length`) of 2 GB of spaces after `<rss>`.
    EndlessBody,
    /// `Content-Length: 2147483648`, and a body streamed to match.
    DeclaredTwoGigabytes,
    /// `Content-Encoding: gzip`: about 10 KB on the wire per 10 MB decoded,
    /// 10 GB decoded in all, then the connection is aborted.
    GzipBomb,
    /// `Content-Encoding: br`: about 13 bytes on the wire per MB decoded,
    /// 10 GB decoded in all, then the connection is aborted.
    BrotliBomb,
    /// `/a` → `/b` → `/a` …
    RedirectLoop,
    /// 50 redirects in a row, then a valid feed.
    RedirectChain,
    /// `429` with `Retry-After: 120`.
    TooManyRequestsSeconds,
    /// `429` with `Retry-After` an HTTP date an hour ahead.
    TooManyRequestsDate,
    /// `503` with `Retry-After: 120`.
    UnavailableSeconds,
    /// `503` with `Retry-After` an HTTP date an hour ahead.
    UnavailableDate,
    /// `304 Not Modified` to every request, conditional or not.
    NotModifiedAlways,
    /// A valid feed sent as `Content-Type: image/png`.
    WrongContentType,
    /// UTF-8 bytes declared UTF-8 in the XML, `charset=windows-1251` in the
    /// header.
    HeaderCharsetContradictsUtf8,
    /// windows-1251 bytes declared windows-1251 in the XML, `charset=utf-8`
    /// in the header.
    HeaderUtf8Contradicts1251,
    /// windows-1251 bytes with no charset anywhere.
    Windows1251Undeclared,
    /// KOI8-R bytes with no charset anywhere.
    Koi8rUndeclared,
    /// A UTF-8 byte-order mark before the XML declaration.
    Utf8Bom,
    /// UTF-16LE with its byte-order mark.
    Utf16Bom,
    /// A DOCTYPE declaring external entities (a local file and
    /// [`ENTITY_PROBE_PATH`] on this server), used in the title.
    ExternalEntities,
    /// The billion-laughs entity (10 levels of 10 references).
    BillionLaughs,
    /// A valid feed cut off in the middle of its third item.
    TruncatedXml,
    /// An HTML page instead of a feed.
    HtmlPage,
    /// A feed with [`MANY_ITEMS`] small items.
    HundredThousandItems,
    /// One item whose title is [`HUGE_TITLE_LEN`] characters, and one normal
    /// item.
    HugeTitle,
}

impl Fault {
    /// Every fault.
    pub const ALL: [Fault; 27] = [
        Fault::SlowDrip,
        Fault::NeverAnswers,
        Fault::ResetMidBody,
        Fault::EndlessBody,
        Fault::DeclaredTwoGigabytes,
        Fault::GzipBomb,
        Fault::BrotliBomb,
        Fault::RedirectLoop,
        Fault::RedirectChain,
        Fault::TooManyRequestsSeconds,
        Fault::TooManyRequestsDate,
        Fault::UnavailableSeconds,
        Fault::UnavailableDate,
        Fault::NotModifiedAlways,
        Fault::WrongContentType,
        Fault::HeaderCharsetContradictsUtf8,
        Fault::HeaderUtf8Contradicts1251,
        Fault::Windows1251Undeclared,
        Fault::Koi8rUndeclared,
        Fault::Utf8Bom,
        Fault::Utf16Bom,
        Fault::ExternalEntities,
        Fault::BillionLaughs,
        Fault::TruncatedXml,
        Fault::HtmlPage,
        Fault::HundredThousandItems,
        Fault::HugeTitle,
    ];

    /// The path the feed is served at (`/faults/<name>`).
    pub fn path(self) -> String {
        format!("/faults/{self:?}")
    }

    /// Routes this fault (and any helper paths it needs) on `server`.
    pub fn install(self, server: &FixtureServer) {
        let path = self.path();
        let fixture = match self {
            Fault::SlowDrip => {
                Fixture::slow_body("application/rss+xml", b"<".to_vec(), usize::MAX, Duration::from_secs(1))
            }
            Fault::NeverAnswers => {
                Fixture::body("application/rss+xml", rss("never", &[])).delay(Duration::from_secs(24 * 3600))
            }
            Fault::ResetMidBody => Fixture::body("application/rss+xml", Vec::new()).with_stream(|| {
                let head = rss("reset", &[("r1", "Reset one"), ("r2", "Reset two")]);
                let half = Bytes::from(head.as_bytes()[..head.len() / 2].to_vec());
                stream::iter([Ok(half), Err(std::io::Error::other("reset by the fault server"))]).boxed()
            }),
            Fault::EndlessBody => Fixture::body("application/rss+xml", Vec::new()).with_stream(|| spaces(2 << 30)),
            Fault::DeclaredTwoGigabytes => Fixture::body("application/rss+xml", Vec::new())
                .header("Content-Length", &(2u64 << 30).to_string())
                .with_stream(|| spaces(2 << 30)),
            Fault::GzipBomb => Fixture::body("application/rss+xml", Vec::new())
                .header("Content-Encoding", "gzip")
                .with_stream(|| bomb(gzip_units(), 10 << 10)),
            Fault::BrotliBomb => Fixture::body("application/rss+xml", Vec::new())
                .header("Content-Encoding", "br")
                .with_stream(|| bomb(brotli_units(), 10 << 10)),
            Fault::RedirectLoop => {
                server.route(&format!("{path}/b"), Fixture::redirect(302, &path));
                Fixture::redirect(302, &format!("{path}/b"))
            }
            Fault::RedirectChain => {
                for hop in 1..50 {
                    server.route(&format!("{path}/{hop}"), Fixture::redirect(302, &format!("{path}/{}", hop + 1)));
                }
                server.route(
                    &format!("{path}/50"),
                    Fixture::body("application/rss+xml", rss("chain", &[("c1", "End of chain")])),
                );
                Fixture::redirect(302, &format!("{path}/1"))
            }
            Fault::TooManyRequestsSeconds => Fixture::too_many_requests("120"),
            Fault::TooManyRequestsDate => Fixture::too_many_requests(&http_date_in(3600)),
            Fault::UnavailableSeconds => Fixture::too_many_requests("120").status(503),
            Fault::UnavailableDate => Fixture::too_many_requests(&http_date_in(3600)).status(503),
            Fault::NotModifiedAlways => Fixture::body("application/rss+xml", Vec::new()).status(304),
            Fault::WrongContentType => Fixture::body("image/png", rss("png", &[("p1", "Served as a PNG")])),
            Fault::HeaderCharsetContradictsUtf8 => Fixture::body(
                "application/rss+xml; charset=windows-1251",
                format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>{}", rss("utf8", &[("u1", CYRILLIC_TITLE)])),
            ),
            Fault::HeaderUtf8Contradicts1251 => Fixture::body(
                "application/rss+xml; charset=utf-8",
                WINDOWS_1251
                    .encode(&format!(
                        "<?xml version=\"1.0\" encoding=\"windows-1251\"?>{}",
                        rss("1251", &[("w1", CYRILLIC_TITLE)])
                    ))
                    .0
                    .into_owned(),
            ),
            Fault::Windows1251Undeclared => Fixture::body(
                "application/rss+xml",
                WINDOWS_1251.encode(&rss("Лента 1251", &cyrillic_items("w"))).0.into_owned(),
            ),
            Fault::Koi8rUndeclared => {
                Fixture::body("text/xml", KOI8_R.encode(&rss("Лента KOI8-R", &cyrillic_items("k"))).0.into_owned())
            }
            Fault::Utf8Bom => {
                let mut body = vec![0xEF, 0xBB, 0xBF];
                body.extend_from_slice(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
                body.extend_from_slice(rss("bom", &[("b1", CYRILLIC_TITLE)]).as_bytes());
                Fixture::body("application/rss+xml", body)
            }
            Fault::Utf16Bom => {
                let text =
                    format!("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n{}", rss("utf16", &[("s1", CYRILLIC_TITLE)]));
                let mut body = vec![0xFF, 0xFE];
                body.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
                Fixture::body("application/rss+xml", body)
            }
            Fault::ExternalEntities => {
                server.route(ENTITY_PROBE_PATH, Fixture::body("text/plain", ENTITY_PROBE_TEXT));
                let probe = server.url(ENTITY_PROBE_PATH);
                Fixture::body(
                    "application/rss+xml",
                    format!(
                        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY file SYSTEM \"file:///etc/passwd\">\n\
                         <!ENTITY web SYSTEM \"{probe}\">\n]>\n<rss version=\"2.0\"><channel><title>xxe</title>\
                         <item><guid>x1</guid><title>A &file; B &web; C</title><description>&web;</description></item>\
                         <item><guid>x2</guid><title>Plain item</title></item></channel></rss>"
                    ),
                )
            }
            Fault::BillionLaughs => {
                let mut doctype = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol0 \"lol\">\n");
                for level in 1..10 {
                    let refs = format!("&lol{};", level - 1).repeat(10);
                    doctype.push_str(&format!("<!ENTITY lol{level} \"{refs}\">\n"));
                }
                doctype.push_str("]>\n");
                Fixture::body(
                    "application/rss+xml",
                    format!(
                        "{doctype}<rss version=\"2.0\"><channel><title>lol</title><item><guid>l1</guid>\
                         <title>&lol9;</title></item><item><guid>l2</guid><title>No laughs</title></item></channel></rss>"
                    ),
                )
            }
            Fault::TruncatedXml => {
                let full = rss("cut", &[("t1", "Before the cut"), ("t2", "Also before"), ("t3", "Cut in half")]);
                let at = full.find("Cut in").expect("the third title");
                Fixture::body("application/rss+xml", full[..at].to_string())
            }
            Fault::HtmlPage => Fixture::body(
                "text/html; charset=utf-8",
                "<!DOCTYPE html><html><head><title>Welcome</title></head><body><h1>Not a feed</h1></body></html>",
            ),
            Fault::HundredThousandItems => Fixture::body("application/rss+xml", many_items()),
            Fault::HugeTitle => Fixture::body("application/rss+xml", Vec::new()).with_stream(|| {
                let head = "<rss version=\"2.0\"><channel><title>huge</title><item><guid>h1</guid><title>";
                let tail = "</title></item><item><guid>h2</guid><title>Normal title</title></item></channel></rss>";
                let chunk = Bytes::from(vec![b'a'; 64 * 1024]);
                let middle = stream::repeat(chunk).take(HUGE_TITLE_LEN / (64 * 1024)).map(Ok);
                stream::once(async move { Ok(Bytes::from_static(head.as_bytes())) })
                    .chain(middle)
                    .chain(stream::once(async move { Ok(Bytes::from_static(tail.as_bytes())) }))
                    .boxed()
            }),
        };
        server.route(&path, fixture);
    }
}

/// A small RSS 2.0 document (no XML declaration) with these `(guid, title)` items.
pub fn rss(title: &str, items: &[(&str, &str)]) -> String {
    let mut out = format!("<rss version=\"2.0\"><channel><title>{title}</title><link>http://127.0.0.1/</link>\n");
    for (guid, item_title) in items {
        out.push_str(&format!(
            "<item><guid isPermaLink=\"false\">{guid}</guid><title>{item_title}</title>\
             <description>Текст новости: курс маната, погода в Баку.</description></item>\n"
        ));
    }
    out.push_str("</channel></rss>\n");
    out
}

fn cyrillic_items(prefix: &str) -> Vec<(&'static str, &'static str)> {
    let ids: &[&'static str] = if prefix == "w" { &["w1", "w2", "w3"] } else { &["k1", "k2", "k3"] };
    vec![(ids[0], CYRILLIC_TITLE), (ids[1], "Курс маната не изменился"), (ids[2], "Погода в Баку: дождь и ветер")]
}

fn many_items() -> Bytes {
    static BODY: OnceLock<Bytes> = OnceLock::new();
    BODY.get_or_init(|| {
        let mut out = String::with_capacity(MANY_ITEMS * 48);
        out.push_str("<rss version=\"2.0\"><channel><title>many</title>\n");
        for i in 0..MANY_ITEMS {
            out.push_str(&format!("<item><guid>m{i}</guid><title>Item {i}</title></item>\n"));
        }
        out.push_str("</channel></rss>\n");
        Bytes::from(out)
    })
    .clone()
}

fn http_date_in(seconds: u64) -> String {
    httpdate::fmt_http_date(SystemTime::now() + Duration::from_secs(seconds))
}

/// `<rss>` then spaces, `total` bytes in all, in 64 KB chunks.
fn spaces(total: u64) -> ChunkStream {
    const CHUNK: u64 = 64 * 1024;
    let chunk = Bytes::from(vec![b' '; CHUNK as usize]);
    let head = stream::once(async { Ok(Bytes::from_static(b"<rss>")) });
    head.chain(stream::repeat(chunk).take(((total - 5) / CHUNK) as usize).map(Ok)).boxed()
}

/// `units.0`, then `units.1` `repeats` times, then an aborted connection.
fn bomb(units: &'static (Bytes, Bytes), repeats: usize) -> ChunkStream {
    stream::once(async { Ok(units.0.clone()) })
        .chain(stream::repeat(units.1.clone()).take(repeats).map(Ok))
        .chain(stream::once(async { Err(std::io::Error::other("the bomb ends here")) }))
        .boxed()
}

/// A gzip header and the first MB of zeros, and a raw-deflate unit that
/// inflates to 1 MB of zeros and may be repeated (each ends with a full
/// flush, which resets the compressor, so every unit after the first is
/// byte-identical).
fn gzip_units() -> &'static (Bytes, Bytes) {
    static UNITS: OnceLock<(Bytes, Bytes)> = OnceLock::new();
    UNITS.get_or_init(|| {
        let zeros = vec![0u8; 1 << 20];
        let mut compress = flate2::Compress::new(flate2::Compression::best(), false);
        let mut unit = || {
            let mut out = Vec::with_capacity(4096);
            let start = compress.total_in();
            loop {
                let used = (compress.total_in() - start) as usize;
                compress
                    .compress_vec(&zeros[used..], &mut out, flate2::FlushCompress::Full)
                    .expect("deflate to memory");
                if compress.total_in() - start == zeros.len() as u64 && out.len() < out.capacity() {
                    return out;
                }
                out.reserve(4096);
            }
        };
        let mut first = vec![0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff];
        first.extend(unit());
        (Bytes::from(first), Bytes::from(unit()))
    })
}

/// A brotli stream's start with the first MB of zeros, and a unit that
/// decodes to 1 MB more and may be repeated (the encoder's state after a
/// flush of zeros is the same each time; a test checks it).
fn brotli_units() -> &'static (Bytes, Bytes) {
    static UNITS: OnceLock<(Bytes, Bytes)> = OnceLock::new();
    UNITS.get_or_init(|| {
        let zeros = vec![0u8; 1 << 20];
        let mut writer = brotli::CompressorWriter::new(Vec::new(), 4096, 5, 24);
        let mut lens = Vec::new();
        for _ in 0..3 {
            writer.write_all(&zeros).expect("brotli to memory");
            writer.flush().expect("brotli to memory");
            lens.push(writer.get_ref().len());
        }
        let all = writer.get_ref();
        (Bytes::copy_from_slice(&all[..lens[1]]), Bytes::copy_from_slice(&all[lens[1]..lens[2]]))
    })
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn repeated(units: &(Bytes, Bytes), repeats: usize) -> Vec<u8> {
        let mut out = units.0.to_vec();
        for _ in 0..repeats {
            out.extend_from_slice(&units.1);
        }
        out
    }

    /// Reads up to `limit` decoded bytes; checks they are all zeros.
    fn zeros_read(mut reader: impl Read, limit: usize) -> usize {
        let mut buf = vec![0xAAu8; 64 * 1024];
        let mut total = 0;
        while total < limit {
            match reader.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    assert!(buf[..n].iter().all(|b| *b == 0));
                    total += n;
                }
            }
        }
        total
    }

    #[test]
    fn gzip_bomb_units_inflate_to_megabytes_each() {
        let units = gzip_units();
        assert!(units.1.len() < 2048, "{}", units.1.len());
        let body = repeated(units, 3);
        assert_eq!(zeros_read(flate2::read::GzDecoder::new(&body[..]), 8 << 20), 4 << 20);
    }

    #[test]
    fn brotli_bomb_units_decode_to_megabytes_each() {
        let units = brotli_units();
        assert!(units.1.len() < 64, "{}", units.1.len());
        let body = repeated(units, 5);
        assert_eq!(zeros_read(brotli::Decompressor::new(&body[..], 4096), 16 << 20), 7 << 20);
    }

    #[test]
    fn many_items_is_a_few_megabytes() {
        let body = many_items();
        assert!(body.len() < 6 << 20, "{}", body.len());
        assert_eq!(std::str::from_utf8(&body).unwrap().matches("<item>").count(), MANY_ITEMS);
    }
}
