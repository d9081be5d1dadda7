//! Character encodings: which one a document is in, and turning it into UTF-8.
//!
//! Feeds from our readers' sites come in UTF-8, windows-1251 and KOI8-R, and
//! the encoding is named in different places. The order of trust follows the
//! XML and HTML specifications: a byte-order mark first, then the charset of
//! the HTTP `Content-Type` header, then the document's own declaration
//! (`<?xml encoding=…?>` or `<meta charset>`), then UTF-8.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8};

/// How far into a document we look for an encoding declaration.
const SNIFF_LEN: usize = 1024;

/// The charset parameter of a `Content-Type` header value, if it names an
/// encoding we know (`text/xml; charset="windows-1251"` → windows-1251).
pub fn charset_from_content_type(content_type: &str) -> Option<&'static Encoding> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        if !name.trim().eq_ignore_ascii_case("charset") {
            return None;
        }
        Encoding::for_label(value.trim().trim_matches(|c| c == '"' || c == '\'').as_bytes())
    })
}

/// The encoding named by the `encoding` attribute of an XML declaration at
/// the start of `bytes`, if any.
pub fn charset_from_xml_declaration(bytes: &[u8]) -> Option<&'static Encoding> {
    let (start, end) = xml_declaration_encoding_span(bytes)?;
    // A declaration read in an ASCII-compatible document cannot truthfully
    // say UTF-16; browsers treat that as UTF-8, and so do we.
    Encoding::for_label(&bytes[start..end]).map(Encoding::output_encoding)
}

/// The encoding named by `<meta charset=…>` or
/// `<meta http-equiv="Content-Type" content="…; charset=…">` in the first
/// kilobyte of an HTML document.
pub fn charset_from_html_meta(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF_LEN)];
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"<meta") {
        let tag_start = from + pos;
        let tag_end = find(&lower[tag_start..], b">").map_or(lower.len(), |e| tag_start + e);
        let tag = &lower[tag_start..tag_end];
        if let Some(cs) = find(tag, b"charset=") {
            let value = &tag[cs + b"charset=".len()..];
            let value = trim_quotes(value);
            let len =
                value.iter().position(|b| matches!(b, b'"' | b'\'' | b' ' | b';' | b'/' | b'>')).unwrap_or(value.len());
            if let Some(enc) = Encoding::for_label(&value[..len]) {
                return Some(enc);
            }
        }
        from = tag_end;
    }
    None
}

/// Decodes an XML document (a feed or an OPML file) to UTF-8 text.
///
/// The encoding is [`xml_encoding`]'s. When the document was not UTF-8, its
/// XML declaration is rewritten to say `UTF-8`, so a parser that reads the
/// declaration does not decode it twice. Malformed sequences become U+FFFD.
pub fn decode_xml<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Cow<'a, str> {
    let (text, _) = xml_encoding(bytes, content_type).decode_with_bom_removal(bytes);
    let declares_other = xml_declaration_encoding_span(text.as_bytes())
        .is_some_and(|(s, e)| Encoding::for_label(&text.as_bytes()[s..e]) != Some(UTF_8));
    if declares_other {
        Cow::Owned(rewrite_declared_encoding(text.into_owned()))
    } else {
        text
    }
}

/// The encoding of an XML document: its BOM; else the `Content-Type`
/// charset and the XML declaration, and when both are given and disagree,
/// the one the bytes bear out (UTF-8 is the one bytes can prove or
/// disprove: a header saying UTF-8 over bytes that are not loses to the
/// declaration, a declaration saying UTF-8 over bytes that are wins over the
/// header; otherwise the header, as RFC 7303 says); else, with neither,
/// UTF-8 when the bytes are UTF-8, and otherwise a guess
/// ([`guess_legacy_encoding`]).
pub fn xml_encoding(bytes: &[u8], content_type: Option<&str>) -> &'static Encoding {
    if let Some((bom, _)) = Encoding::for_bom(bytes) {
        return bom;
    }
    let header = content_type.and_then(charset_from_content_type);
    let declared = charset_from_xml_declaration(bytes);
    let is_utf8 = || std::str::from_utf8(bytes).is_ok();
    match (header, declared) {
        (Some(h), Some(d)) if h != d => {
            if (h == UTF_8 && !is_utf8()) || (d == UTF_8 && is_utf8()) {
                d
            } else {
                h
            }
        }
        (Some(h), _) => h,
        (None, Some(d)) => d,
        (None, None) if is_utf8() => UTF_8,
        (None, None) => guess_legacy_encoding(bytes),
    }
}

/// The likely encoding of bytes that are not UTF-8 and name no encoding:
/// windows-1251 or KOI8-R for Cyrillic text, windows-1252 otherwise.
///
/// Cyrillic text is runs of bytes from 0xC0 up (every letter is one), while
/// Western text has a lone accented letter among ASCII ones: when few of
/// those bytes touch an ASCII letter, the text is Cyrillic. Then, as most
/// letters are lower case, and lower case is 0xE0–0xFF in windows-1251 but
/// 0xC0–0xDF in KOI8-R, the larger half names the encoding.
pub fn guess_legacy_encoding(bytes: &[u8]) -> &'static Encoding {
    let (mut letters, mut beside_ascii, mut upper_half) = (0usize, 0usize, 0usize);
    for (i, &b) in bytes.iter().enumerate() {
        if b < 0xC0 {
            continue;
        }
        letters += 1;
        upper_half += usize::from(b >= 0xE0);
        let before = i.checked_sub(1).map(|j| bytes[j]);
        if before.into_iter().chain(bytes.get(i + 1).copied()).any(|n| n.is_ascii_alphabetic()) {
            beside_ascii += 1;
        }
    }
    if letters == 0 || beside_ascii * 4 > letters {
        encoding_rs::WINDOWS_1252
    } else if upper_half * 2 >= letters {
        encoding_rs::WINDOWS_1251
    } else {
        encoding_rs::KOI8_R
    }
}

/// Decodes an HTML page to UTF-8 text, in [`html_encoding`]'s encoding.
pub fn decode_html<'a>(bytes: &'a [u8], content_type: Option<&str>) -> Cow<'a, str> {
    html_encoding(bytes, content_type).decode_with_bom_removal(bytes).0
}

/// The encoding of an HTML page: its BOM; else the `Content-Type` charset,
/// then `<meta charset>`, unless the bytes prove it wrong; else UTF-8 when
/// the bytes can be, and otherwise a guess ([`guess_legacy_encoding`]).
///
/// UTF-8 is the one encoding bytes prove or disprove. A page whose
/// non-ASCII text is all well-formed UTF-8 is UTF-8 whatever a header or a
/// template's `<meta>` says (a site moved to UTF-8 under an old
/// `<meta charset="windows-1251">`, or a server's default charset): real
/// windows-1251 or Latin-1 text is never well-formed UTF-8. And a page
/// said to be UTF-8 that is mostly malformed as UTF-8 is a single-byte one.
pub fn html_encoding(bytes: &[u8], content_type: Option<&str>) -> &'static Encoding {
    if let Some((bom, _)) = Encoding::for_bom(bytes) {
        return bom;
    }
    let meta = || charset_from_html_meta(bytes);
    let declared = content_type.and_then(charset_from_content_type).or_else(meta);
    let evidence = Utf8Evidence::of(bytes);
    match declared {
        Some(d) if d != UTF_8 && d.is_single_byte() && evidence.proves_utf8() => UTF_8,
        // Said to be UTF-8 (by the server, most likely): the page's own `<meta>`, else a guess.
        Some(d) if d == UTF_8 && evidence.disproves_utf8() => {
            meta().filter(|m| *m != UTF_8).unwrap_or_else(|| guess_legacy_encoding(bytes))
        }
        Some(d) => d,
        None if evidence.disproves_utf8() => guess_legacy_encoding(bytes),
        None => UTF_8,
    }
}

/// What a document's bytes say of UTF-8: how many well-formed multi-byte
/// characters it has, and how many bytes are malformed as UTF-8.
struct Utf8Evidence {
    well_formed: usize,
    malformed: usize,
}

impl Utf8Evidence {
    fn of(bytes: &[u8]) -> Self {
        // A multi-byte character has one leading byte (0xC0 and up) and
        // continuation bytes (0x80 to 0xBF): counting the leading bytes of
        // valid text counts its non-ASCII characters without decoding them.
        let multi_byte = |valid: &[u8]| valid.iter().filter(|b| **b >= 0xC0).count();
        // Most pages are valid UTF-8 as a whole: one fast check, no chunks.
        if std::str::from_utf8(bytes).is_ok() {
            return Self { well_formed: multi_byte(bytes), malformed: 0 };
        }
        let mut evidence = Self { well_formed: 0, malformed: 0 };
        for chunk in bytes.utf8_chunks() {
            evidence.well_formed += multi_byte(chunk.valid().as_bytes());
            evidence.malformed += chunk.invalid().len();
        }
        evidence
    }

    /// Non-ASCII text, all of it well-formed: UTF-8 beyond doubt.
    fn proves_utf8(&self) -> bool {
        self.malformed == 0 && self.well_formed > 0
    }

    /// More malformed bytes than well-formed characters: not UTF-8 (a stray
    /// byte or two in a UTF-8 page is not enough to say so).
    fn disproves_utf8(&self) -> bool {
        self.malformed > self.well_formed
    }
}

/// Replaces the value of the declaration's `encoding` attribute with `UTF-8`.
fn rewrite_declared_encoding(mut text: String) -> String {
    if let Some((start, end)) = xml_declaration_encoding_span(text.as_bytes()) {
        text.replace_range(start..end, "UTF-8");
    }
    text
}

/// Byte span of the encoding label inside a leading `<?xml … encoding="…"?>`.
fn xml_declaration_encoding_span(bytes: &[u8]) -> Option<(usize, usize)> {
    let offset = bytes.iter().position(|b| !b.is_ascii_whitespace())?;
    let rest = &bytes[offset..];
    if !rest.starts_with(b"<?xml") {
        return None;
    }
    let decl_end = find(rest, b"?>")?;
    let decl = &rest[..decl_end];
    let attr = find(decl, b"encoding")?;
    let after = &decl[attr + b"encoding".len()..];
    let eq = after.iter().position(|b| *b == b'=')?;
    let after_eq = &after[eq + 1..];
    let quote_pos = after_eq.iter().position(|b| !b.is_ascii_whitespace())?;
    let quote = after_eq[quote_pos];
    if quote != b'"' && quote != b'\'' {
        return None;
    }
    let value = &after_eq[quote_pos + 1..];
    let len = value.iter().position(|b| *b == quote)?;
    let start = offset + attr + b"encoding".len() + eq + 1 + quote_pos + 1;
    Some((start, start + len))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn trim_quotes(value: &[u8]) -> &[u8] {
    let start = value.iter().position(|b| !matches!(b, b'"' | b'\'' | b' ')).unwrap_or(value.len());
    &value[start..]
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::{KOI8_R, WINDOWS_1251};

    #[test]
    fn utf8_evidence_counts_the_non_ascii_characters_and_the_malformed_bytes() {
        let (cp1251, _, _) = WINDOWS_1251.encode("Müəllif: Новости");
        let mixed = [b"Az\xc9\x99rbaycan \xe2\x80\x94 ".as_slice(), &cp1251, "Xəbər 😀".as_bytes()].concat();
        for bytes in ["plain ASCII".as_bytes(), "Azərbaycan — Новости 😀".as_bytes(), &cp1251, &mixed] {
            let (mut well_formed, mut malformed) = (0, 0);
            for chunk in bytes.utf8_chunks() {
                well_formed += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
                malformed += chunk.invalid().len();
            }
            let evidence = Utf8Evidence::of(bytes);
            assert_eq!((evidence.well_formed, evidence.malformed), (well_formed, malformed), "{bytes:?}");
        }
    }

    #[test]
    fn content_type_charset_is_read_with_quotes_and_case() {
        assert_eq!(charset_from_content_type("text/xml; Charset=\"windows-1251\""), Some(WINDOWS_1251));
        assert_eq!(charset_from_content_type("application/rss+xml;charset=koi8-r"), Some(KOI8_R));
        assert_eq!(charset_from_content_type("application/rss+xml"), None);
        assert_eq!(charset_from_content_type("text/xml; charset=bogus"), None);
    }

    #[test]
    fn xml_declaration_in_windows_1251_is_decoded_and_rewritten() {
        let (bytes, _, _) =
            WINDOWS_1251.encode("<?xml version=\"1.0\" encoding=\"windows-1251\"?><rss><t>Новости Баку</t></rss>");
        let text = decode_xml(&bytes, None);
        assert_eq!(text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss><t>Новости Баку</t></rss>");
    }

    #[test]
    fn http_charset_wins_over_missing_declaration() {
        let (bytes, _, _) = WINDOWS_1251.encode("<rss><t>Курс маната</t></rss>");
        assert_eq!(decode_xml(&bytes, Some("text/xml; charset=windows-1251")), "<rss><t>Курс маната</t></rss>");
    }

    #[test]
    fn bom_wins_over_everything() {
        let mut bytes = vec![0xEF, 0xBB, 0xBF];
        bytes.extend_from_slice("<?xml version='1.0' encoding='windows-1251'?><a>Şəhər</a>".as_bytes());
        let text = decode_xml(&bytes, Some("text/xml; charset=koi8-r"));
        assert!(text.contains("<a>Şəhər</a>"), "{text}");
    }

    #[test]
    fn utf8_without_declaration_is_borrowed() {
        let bytes = "<rss>Gənclər üçün</rss>".as_bytes();
        assert!(matches!(decode_xml(bytes, None), Cow::Borrowed(_)));
    }

    #[test]
    fn html_meta_charset_is_honoured() {
        let (body, _, _) = WINDOWS_1251.encode("<html><head><meta charset=\"windows-1251\"><title>Погода</title>");
        assert!(decode_html(&body, None).contains("<title>Погода</title>"));
        let (body, _, _) = WINDOWS_1251.encode(
            "<html><head><META http-equiv=Content-Type content='text/html; charset=windows-1251'><title>Погода</title>",
        );
        assert!(decode_html(&body, Some("text/html")).contains("Погода"));
    }

    #[test]
    fn an_html_page_s_bytes_overrule_a_wrong_declaration() {
        let page =
            "<html><head><meta charset=\"windows-1251\"><title>Новости Баку</title></head><body>Курс маната</body>";
        // Moved to UTF-8, the template's <meta> left behind: the bytes are UTF-8.
        assert_eq!(decode_html(page.as_bytes(), None), page);
        assert_eq!(decode_html(page.as_bytes(), Some("text/html; charset=windows-1251")), page);
        // Really windows-1251, said to be UTF-8 by the server, or said by nothing.
        let (cp1251, _, _) = WINDOWS_1251.encode(page);
        assert_eq!(decode_html(&cp1251, Some("text/html; charset=utf-8")), page);
        let koi_page = page.replace("windows-1251", "koi8-r");
        let (koi, _, _) = KOI8_R.encode(&koi_page);
        assert!(decode_html(&koi, Some("text/html; charset=utf-8")).contains("Новости Баку"), "its <meta> says which");
        let undeclared = page.replace("<meta charset=\"windows-1251\">", "");
        let (cp1251, _, _) = WINDOWS_1251.encode(&undeclared);
        assert_eq!(decode_html(&cp1251, None), undeclared);
        // A UTF-8 page with one stray byte stays UTF-8.
        let mut stray = "<p>Gənclər üçün xəbərlər, Bakı</p>".as_bytes().to_vec();
        stray.push(0xE9);
        assert!(decode_html(&stray, Some("text/html; charset=utf-8")).contains("Gənclər üçün"));
        // Latin-1 text is never well-formed UTF-8: its declaration stands.
        let (latin, _, _) = encoding_rs::WINDOWS_1252.encode("<meta charset=\"iso-8859-1\"><p>Nuevos síntomas</p>");
        assert!(decode_html(&latin, None).contains("Nuevos síntomas"));
    }

    #[test]
    fn undeclared_cyrillic_is_recognised() {
        let text = "<rss><title>Новости Баку</title><item>Курс маната не изменился, погода в Баку</item></rss>";
        for enc in [WINDOWS_1251, KOI8_R] {
            let (bytes, _, _) = enc.encode(text);
            assert_eq!(guess_legacy_encoding(&bytes), enc);
            assert_eq!(decode_xml(&bytes, Some("application/rss+xml")), text);
        }
        let (western, _, _) = encoding_rs::WINDOWS_1252.encode("<t>Café Müller à Paris, déjà vu</t>");
        assert_eq!(guess_legacy_encoding(&western), encoding_rs::WINDOWS_1252);
        assert_eq!(decode_xml("<t>Новости</t>".as_bytes(), None), "<t>Новости</t>", "UTF-8 stays UTF-8");
    }

    #[test]
    fn a_header_contradicting_the_declaration_loses_when_the_bytes_disagree_with_it() {
        let utf8 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><t>Новости</t>";
        assert_eq!(decode_xml(utf8.as_bytes(), Some("text/xml; charset=windows-1251")), utf8);
        let (cp1251, _, _) = WINDOWS_1251.encode("<?xml version=\"1.0\" encoding=\"windows-1251\"?><t>Новости</t>");
        let text = decode_xml(&cp1251, Some("text/xml; charset=utf-8"));
        assert_eq!(text, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><t>Новости</t>");
        // Two single-byte encodings: the header wins, as RFC 7303 says.
        let (koi, _, _) = KOI8_R.encode("<?xml version=\"1.0\" encoding=\"windows-1251\"?><t>Новости</t>");
        assert!(decode_xml(&koi, Some("text/xml; charset=koi8-r")).contains("Новости"));
    }

    #[test]
    fn utf16_with_a_bom_gets_a_utf8_declaration() {
        let text = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><t>Новости</t>";
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode_xml(&bytes, None), "<?xml version=\"1.0\" encoding=\"UTF-8\"?><t>Новости</t>");
    }

    #[test]
    fn garbage_never_panics() {
        for input in [&b""[..], b"<?xml", b"<?xml encoding=", b"<?xml encoding='x?>", b"\xff\xfe\x00"] {
            let _ = decode_xml(input, Some("text/xml; charset="));
            let _ = decode_html(input, None);
        }
    }
}
