//! A cheap look at how deeply a page nests its elements, before parsing.
//!
//! html5ever checks the stack of open elements on most start tags, so a
//! page of 100,000 unclosed `<div>`s or `<font>`s costs quadratic time
//! before any of our code runs. This scan estimates the depth from the tags
//! alone (elements that close themselves, like `<p>`, `<li>` and `<td>`, and
//! void elements are not counted) so such pages can be refused up front.

use std::sync::LazyLock;

/// Elements whose end tag is optional or that have none.
const NOT_COUNTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
    "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup",
    "rp", "rt", "html", "head", "body", "!doctype",
];
/// Elements whose content is raw text, skipped to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript", "iframe"];

/// Tag names longer than this are in neither list, so they are compared
/// from a small buffer, not a new string per tag.
const LONGEST_LISTED: usize = 8;
/// [`NOT_COUNTED`] as [`TagName::key`]s.
static NOT_COUNTED_KEYS: LazyLock<Vec<u64>> = LazyLock::new(|| keys(NOT_COUNTED));
/// [`RAW_TEXT`] as [`TagName::key`]s.
static RAW_TEXT_KEYS: LazyLock<Vec<u64>> = LazyLock::new(|| keys(RAW_TEXT));

/// The deepest nesting of counted elements in `html`, estimated from its tags.
pub(crate) fn estimated_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while let Some(lt) = find_char(html, i, '<') {
        i = lt + 1;
        if bytes[i..].starts_with(b"!--") {
            i = find(html, i, "-->").map_or(bytes.len(), |e| e + 3);
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let len = bytes[start..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || *b == b'!' || *b == b'-'))
            .unwrap_or(bytes.len() - start);
        if len == 0 {
            continue;
        }
        let name = TagName::new(&bytes[start..start + len]);
        let end = find_char(html, start, '>').unwrap_or(bytes.len());
        let self_closing = end > 0 && bytes.get(end - 1) == Some(&b'/');
        i = end.min(bytes.len());
        if closing {
            if !name.is_in(&NOT_COUNTED_KEYS) {
                depth = depth.saturating_sub(1);
            }
        } else if name.is_in(&RAW_TEXT_KEYS) {
            i = find_end_tag(html, i, name.as_bytes()).unwrap_or(bytes.len());
        } else if !self_closing && !name.is_in(&NOT_COUNTED_KEYS) {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

/// A tag's name, lower-cased into a fixed buffer; empty when it is longer
/// than [`LONGEST_LISTED`] (no listed name is).
struct TagName {
    buffer: [u8; LONGEST_LISTED],
    len: usize,
}

impl TagName {
    /// `name` lower-cased, or the empty name when it is too long.
    fn new(name: &[u8]) -> Self {
        let mut buffer = [0u8; LONGEST_LISTED];
        if name.len() > LONGEST_LISTED {
            return Self { buffer, len: 0 };
        }
        for (to, from) in buffer.iter_mut().zip(name) {
            *to = from.to_ascii_lowercase();
        }
        Self { buffer, len: name.len() }
    }

    /// The lower-cased name.
    fn as_bytes(&self) -> &[u8] {
        &self.buffer[..self.len]
    }

    /// The name as one number (its bytes, zero-padded), for comparing at once.
    fn key(&self) -> u64 {
        u64::from_le_bytes(self.buffer)
    }

    /// Whether the name is one of those whose [`key`](Self::key)s are
    /// `keys` (never, for a name too long to keep).
    fn is_in(&self, keys: &[u64]) -> bool {
        self.len > 0 && keys.contains(&self.key())
    }
}

/// The [`TagName::key`]s of `names`.
fn keys(names: &[&str]) -> Vec<u64> {
    names.iter().map(|n| TagName::new(n.as_bytes()).key()).collect()
}

/// The first `needle` at or after byte `from`. Every `from` here follows
/// an ASCII byte, so it is a character boundary; past the end, `None`.
fn find(html: &str, from: usize, needle: &str) -> Option<usize> {
    html.get(from..)?.find(needle).map(|p| from + p)
}

/// [`find`] of one character (searched for a word at a time).
fn find_char(html: &str, from: usize, needle: char) -> Option<usize> {
    html.get(from..)?.find(needle).map(|p| from + p)
}

/// The first `</name` at or after byte `from`, in any case.
fn find_end_tag(html: &str, from: usize, name: &[u8]) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut at = from;
    while let Some(lt) = find_char(html, at, '<') {
        let tag = bytes.get(lt + 1..lt + 2 + name.len());
        if tag.is_some_and(|t| t[0] == b'/' && t[1..].eq_ignore_ascii_case(name)) {
            return Some(lt);
        }
        at = lt + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_real_nesting_only() {
        assert_eq!(estimated_depth("<div><div><p>a<p>b<br><img src=x></div></div>"), 2);
        assert_eq!(estimated_depth(&"<font>".repeat(500)), 500);
        assert_eq!(estimated_depth(&"<div></div>".repeat(500)), 1);
        assert_eq!(estimated_depth("<ul><li>a<li>b</ul><table><tr><td>x</table>"), 1);
        assert_eq!(estimated_depth("<script>if (a<b) { '<div><div>' }</script><div>"), 1);
        assert_eq!(estimated_depth("<!-- <div><div> --><span/>"), 0);
    }

    #[test]
    fn names_compare_in_any_case_and_long_ones_count() {
        assert_eq!(estimated_depth("<SCRIPT>'<div>'</ScRiPt><DIV><P>a</DIV>"), 1);
        assert_eq!(estimated_depth("<custom-element-name><noscripts><div>"), 3);
        assert_eq!(estimated_depth("<title>a</titl><div></title><div>"), 1);
    }

    #[test]
    fn garbage_never_panics() {
        for s in ["<", "</", "<!--", "<script", "<a", "< div>", "<\u{e9}>", "<div/", "<ş>"] {
            let _ = estimated_depth(s);
        }
    }
}
