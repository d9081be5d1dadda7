//! A cheap look at how deeply a page nests its elements, before parsing.
//!
//! html5ever checks the stack of open elements on most start tags, so a
//! page of 100,000 unclosed `<div>`s or `<font>`s costs quadratic time
//! before any of our code runs. This scan estimates the depth from the tags
//! alone (elements that close themselves, like `<p>`, `<li>` and `<td>`, and
//! void elements are not counted) so such pages can be refused up front.

/// Elements whose end tag is optional or that have none.
const NOT_COUNTED: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
    "keygen", "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup",
    "rp", "rt", "html", "head", "body", "!doctype",
];
/// Elements whose content is raw text, skipped to their end tag.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "noscript", "iframe"];

/// The deepest nesting of counted elements in `html`, estimated from its tags.
pub(crate) fn estimated_depth(html: &str) -> usize {
    let bytes = html.as_bytes();
    let (mut depth, mut deepest, mut i) = (0usize, 0usize, 0usize);
    while let Some(lt) = memchr(b'<', &bytes[i..]) {
        i += lt + 1;
        if bytes[i..].starts_with(b"!--") {
            i = find(bytes, i, b"-->").map_or(bytes.len(), |e| e + 3);
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
        let name = html[start..start + len].to_ascii_lowercase();
        let end = memchr(b'>', &bytes[start..]).map_or(bytes.len(), |e| start + e);
        let self_closing = end > 0 && bytes.get(end - 1) == Some(&b'/');
        i = end.min(bytes.len());
        if closing {
            if !NOT_COUNTED.contains(&name.as_str()) {
                depth = depth.saturating_sub(1);
            }
        } else if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            i = find_ignore_case(bytes, i, close.as_bytes()).unwrap_or(bytes.len());
        } else if !self_closing && !NOT_COUNTED.contains(&name.as_str()) {
            depth += 1;
            deepest = deepest.max(depth);
        }
    }
    deepest
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|b| *b == needle)
}

fn find(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

fn find_ignore_case(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle)).map(|p| from + p)
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
    fn garbage_never_panics() {
        for s in ["<", "</", "<!--", "<script", "<a", "< div>", "<\u{e9}>", "<div/", "<ş>"] {
            let _ = estimated_depth(s);
        }
    }
}
