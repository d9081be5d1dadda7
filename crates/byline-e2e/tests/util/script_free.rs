//! Is a piece of stored HTML free of anything that could run a script,
//! load a frame or leave the app? Parsed as the reader's webview parses it
//! (html5ever, as a fragment inside `<article>`), then walked element by
//! element: no substring greps, so text that merely mentions `<script>` is
//! fine and markup that hides it is not.

use scraper::{ElementRef, Html};

/// Elements that run scripts, load documents or plug-ins, submit, refresh,
/// rebase links, style the page, or re-parse their content.
const FORBIDDEN_ELEMENTS: &[&str] = &[
    "script",
    "style",
    "link",
    "meta",
    "base",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "param",
    "portal",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "option",
    "keygen",
    "isindex",
    "template",
    "noscript",
    "noembed",
    "noframes",
    "xmp",
    "plaintext",
    "listing",
    "title",
    "svg",
    "math",
    "marquee",
    "bgsound",
    "dialog",
    "html",
    "head",
    "body",
];

/// Attributes that hold a URL (or a list of them).
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "srcset",
    "poster",
    "background",
    "cite",
    "action",
    "formaction",
    "data",
    "lowsrc",
    "dynsrc",
    "ping",
    "longdesc",
    "usemap",
    "codebase",
    "manifest",
    "icon",
    "xlink:href",
];

/// Attributes that are never acceptable whatever their value.
const FORBIDDEN_ATTRIBUTES: &[&str] = &[
    "style",
    "srcdoc",
    "formaction",
    "action",
    "autofocus",
    "popover",
    "popovertarget",
    "contenteditable",
    "is",
    "http-equiv",
];

/// Every problem in `html`, one sentence each (empty when it is clean).
pub fn problems(html: &str) -> Vec<String> {
    let doc = Html::parse_fragment(html);
    let mut out = Vec::new();
    for node in doc.tree.root().descendants() {
        if let Some(pi) = node.value().as_processing_instruction() {
            out.push(format!("a processing instruction {:?}", pi.target.to_string()));
        }
        let Some(el) = ElementRef::wrap(node) else { continue };
        check_element(el, &mut out);
    }
    out
}

fn check_element(el: ElementRef<'_>, out: &mut Vec<String>) {
    let name = &el.value().name;
    let local: String = name.local.as_ref().to_ascii_lowercase();
    // parse_fragment wraps the fragment in one <html> of its own.
    let is_wrapper = local == "html" && el.parent().is_some_and(|p| p.value().is_fragment());
    if is_wrapper {
        return;
    }
    if name.ns.as_ref() != "http://www.w3.org/1999/xhtml" {
        out.push(format!("<{local}> in the {} namespace", name.ns));
    }
    if FORBIDDEN_ELEMENTS.contains(&local.as_str()) {
        out.push(format!("a <{local}> element"));
    }
    for (attr, value) in el.value().attrs.iter() {
        let attr_name = match &attr.prefix {
            Some(prefix) => format!("{prefix}:{}", attr.local),
            None => attr.local.to_string(),
        }
        .to_ascii_lowercase();
        let value = value.to_string();
        if attr_name.starts_with("on") {
            out.push(format!("<{local} {attr_name}>: an event handler"));
        }
        if FORBIDDEN_ATTRIBUTES.contains(&attr_name.as_str()) {
            out.push(format!("<{local} {attr_name}={value:?}>"));
        }
        if URL_ATTRIBUTES.contains(&attr_name.as_str()) || attr.local.as_ref() == "href" {
            let urls: Vec<&str> = if attr_name == "srcset" || attr_name == "ping" {
                value.split(',').filter_map(|c| c.split_whitespace().next()).collect()
            } else {
                vec![value.as_str()]
            };
            for url in urls {
                if !safe_url(url) {
                    out.push(format!("<{local} {attr_name}={url:?}>: not a web URL"));
                }
            }
        }
        if attr_name == "target" && !matches!(value.as_str(), "_blank") {
            out.push(format!("<{local} target={value:?}>"));
        }
    }
}

/// A URL the reader may keep: http(s), mailto, or the app's image cache,
/// read as a browser reads it (tabs and line breaks anywhere dropped,
/// spaces and controls at the ends trimmed).
pub fn safe_url(url: &str) -> bool {
    let lower = as_browser_reads(url);
    ["http://", "https://", "mailto:", "media://localhost/", "http://media.localhost/"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
}

/// Whether `url` is an absolute http(s) URL with nothing hidden in it.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")) && !url.chars().any(|c| c.is_control())
}

/// The URL as the WHATWG URL parser sees it before it looks for a scheme.
fn as_browser_reads(url: &str) -> String {
    url.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect::<String>()
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_walk_sees_what_greps_would_miss_and_spares_plain_text() {
        assert!(problems("<p>Hi <a href=\"https://a.example/\" rel=\"noopener\">x</a></p>").is_empty());
        assert!(problems("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>").is_empty(), "text is fine");
        assert!(!problems("<img src=x onerror=alert(1)>").is_empty());
        assert!(!problems("<a href=\"java&#x09;script:alert(1)\">x</a>").is_empty());
        assert!(!problems("<svg><a xlink:href=\"javascript:x\"></a></svg>").is_empty());
        assert!(!problems("<p style=\"x\">a</p>").is_empty());
        assert!(!problems("<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>").is_empty());
    }
}
