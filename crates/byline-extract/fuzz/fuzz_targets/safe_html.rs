//! The property both targets check on every piece of HTML Byline would
//! store: parsed again as a browser would parse it (html5ever, via
//! dom_query), it holds no element or attribute that runs code or loads
//! active content, and every URL it carries is http, https or mailto.
//! Parsing, not substring search, is what tells markup from text.

use dom_query::Document;

/// Elements `byline_feeds::sanitize::sanitize_html` promises never to emit.
const FORBIDDEN_ELEMENTS: &[&str] = &[
    "script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "form", "svg", "math", "meta",
    "base", "link", "template", "noscript",
];
/// Attributes that hold a URL a browser may follow or load.
const URL_ATTRIBUTES: &[&str] =
    &["href", "src", "srcset", "cite", "action", "formaction", "poster", "data", "background", "longdesc"];

/// Panics, naming what it found, when `html` is not safe.
pub fn assert_safe(html: &str) {
    // No substring tests: `="javascript:` is harmless in text (the first
    // run of this target stopped on exactly that), and html5ever does not
    // escape `<` inside attribute values, so `alt="<script>"` is harmless too.
    let doc = Document::fragment(html);
    for node in doc.select("*").nodes() {
        let Some(name) = node.node_name() else { continue };
        let name = name.to_ascii_lowercase();
        assert!(!FORBIDDEN_ELEMENTS.contains(&name.as_str()), "<{name}> survived: {html}");
        for attr in node.attrs() {
            let attr_name = str::to_ascii_lowercase(&attr.name.local);
            assert!(!attr_name.starts_with("on"), "{attr_name}= on <{name}> survived: {html}");
            assert!(attr_name != "style", "style= on <{name}> survived: {html}");
            if URL_ATTRIBUTES.contains(&attr_name.as_str()) {
                // The WHATWG parser strips the tabs, newlines and leading
                // controls a browser ignores, so `java&#9;script:` is caught.
                if let Ok(url) = url::Url::parse(&attr.value) {
                    assert!(
                        matches!(url.scheme(), "http" | "https" | "mailto"),
                        "{attr_name}=\"{}\" on <{name}> survived: {html}",
                        &*attr.value
                    );
                }
            }
        }
    }
}
