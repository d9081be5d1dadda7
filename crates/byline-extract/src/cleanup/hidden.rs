//! What a page does not show: text that is never shown (the `hidden`
//! attribute, `display:none`, screen-reader classes), what a video shows
//! only when it cannot play, and the parts React streams in hidden, put in
//! their placeholders' place so that they are shown.

use dom_query::{Document, NodeRef};

use super::marks::{HIDDEN_CLASSES, HIDDEN_ON_SOME_SCREENS, NEVER_SHOWN_CLASSES};
use crate::dom::{elements_named, tag};

/// What a `<video>` or `<audio>` holds besides its sources and tracks is
/// shown only by a browser that cannot play it ("To view this video please
/// enable JavaScript, and consider upgrading to a web browser that supports
/// HTML5 video"): never in a reading view, where it would be read as text.
/// A link to the media's own file stays: the sanitizer drops the player, and
/// the link is then the reader's way to it.
pub(super) fn remove_media_fallback(media: &NodeRef) {
    let file = |url: &str| url.split(['?', '#']).next().unwrap_or_default().to_string();
    let children = media.children();
    let sources: Vec<String> = std::iter::once(*media)
        .chain(children.iter().copied())
        .filter_map(|n| n.attr("src"))
        .map(|src| file(&src))
        .collect();
    for child in children {
        let kept = match tag(&child).as_str() {
            "source" | "track" => child.is_element(),
            "a" => child.attr("href").is_some_and(|href| sources.contains(&file(&href))),
            _ => false,
        };
        if !kept {
            child.remove_from_parent();
        }
    }
}

/// Puts the parts of a page streamed by React (`<div hidden id="S:1a">`,
/// sent after the rest) where the page's own script puts them: in place of
/// their placeholder (`<template id="B:1a">` or `<template id="P:1a">`),
/// shown. Next.js sites send the whole article this way; left hidden, it
/// would be dropped as text that is never shown. A hidden part without a
/// placeholder stays hidden.
pub(super) fn place_streamed_parts(doc: &Document) {
    // `div[hidden][id^="S:"]`, without matching a selector against every element.
    let parts = elements_named(doc, &["div"]);
    let parts = parts.iter().filter(|d| d.has_attr("hidden") && d.attr("id").is_some_and(|id| id.starts_with("S:")));
    for part in parts {
        let Some(suffix) = part.attr("id").and_then(|id| id.strip_prefix("S:").map(str::to_string)) else { continue };
        let placeholder = doc.select(&format!(r#"template[id="B:{suffix}"], template[id="P:{suffix}"]"#));
        let Some(target) = placeholder.nodes().first().copied() else { continue };
        // A placeholder inside its own part would make a cycle.
        if target.ancestors_it(None).any(|a| a.id == part.id) {
            continue;
        }
        target.replace_with(part);
        part.remove_attrs(&["hidden", "id"]);
    }
}

/// Text that is never shown: a screen-reader-only class, the `hidden`
/// attribute, an inline `display:none`, or a hiding class. A bare
/// `hidden` or `d-none` next to a responsive class (`hidden md:block`,
/// `d-none d-md-block`) is shown on wide screens and kept.
pub(super) fn is_hidden(node: &NodeRef) -> bool {
    if node.has_attr("hidden") {
        return true;
    }
    let style = node.attr("style").unwrap_or_default().to_lowercase().replace(' ', "");
    if style.contains("display:none") {
        return true;
    }
    let Some(class) = node.attr("class").map(|c| c.to_lowercase()) else { return false };
    let shown_on_some_screens = |hiding: &str| {
        class.split_whitespace().any(|w| {
            w != hiding
                && (w.contains(':') || w.starts_with("d-") || w.starts_with("visible") || w.starts_with("is-block"))
        })
    };
    class
        .split_whitespace()
        .any(|w| HIDDEN_CLASSES.contains(&w) && !(HIDDEN_ON_SOME_SCREENS.contains(&w) && shown_on_some_screens(w)))
}

/// Whether `node` carries a class that hides it for good
/// ([`NEVER_SHOWN_CLASSES`]): removed even when it holds a headline.
pub(super) fn is_never_shown(node: &NodeRef) -> bool {
    !matches!(tag(node).as_str(), "html" | "body")
        && node.attr("class").is_some_and(|c| c.split_whitespace().any(|w| NEVER_SHOWN_CLASSES.contains(&w)))
}

#[cfg(test)]
mod tests {
    use dom_query::Document;

    use crate::cleanup::remove_noise;
    use crate::cleanup::tests::url;

    #[test]
    fn what_a_video_shows_when_it_cannot_play_goes() {
        let doc = Document::from(
            r#"<html><body><p>Before.</p><video controls><source src="https://x.example.com/v.mp4" type="video/mp4">
            <p class="vjs-no-js">To view this video please enable JavaScript</p>Your browser cannot play it.</video>
            <p>After.</p></body></html>"#,
        );
        remove_noise(&doc, &url());
        let html = doc.select("body").inner_html().to_string();
        assert!(!html.contains("enable JavaScript") && !html.contains("cannot play"), "{html}");
        assert!(html.contains("<source") && html.contains("After."), "{html}");
        // A link to the file itself stays.
        let doc = Document::from(
            r#"<html><body><p>Listen.</p><audio controls><source src="https://x.example.com/a.mp3?_=1">
            <a href="https://x.example.com/a.mp3">https://x.example.com/a.mp3</a></audio></body></html>"#,
        );
        remove_noise(&doc, &url());
        assert!(doc.select("audio a").exists());
    }

    #[test]
    fn text_hidden_by_a_framework_s_utility_class_goes_unless_a_screen_shows_it() {
        let doc = Document::from(
            r#"<html><body><h1>Title</h1><p>The article's text.</p>
            <div class="metadata is-hidden"><span id="articleID">6236752</span></div>
            <span class="d-none">4/15/2011 10:46:45 AM</span><div class="hide">Add to blog</div>
            <p class="invisible">Send to friend</p>
            <div class="ubi-guide-wrapper w-condition-invisible"><h1>Another title</h1><p>Another essay of the site.</p></div>
            <p class="d-none d-md-block">Shown on wide screens.</p></body></html>"#,
        );
        remove_noise(&doc, &url());
        let html = doc.select("body").inner_html().to_string();
        for hidden in ["6236752", "10:46:45", "Add to blog", "Send to friend", "Another essay"] {
            assert!(!html.contains(hidden), "{hidden}: {html}");
        }
        assert!(html.contains("Shown on wide screens.") && html.contains("The article's text."), "{html}");
    }

    #[test]
    fn streamed_parts_take_their_placeholders_place_and_other_hidden_text_goes() {
        let doc = Document::from(
            r#"<html><body><h1>Title</h1><template id="B:1a"></template><div class="skeleton"></div>
            <div>Footer</div><div hidden id="S:1a"><p>The article, sent last.</p></div>
            <div hidden id="S:9"><p>No placeholder.</p></div><div hidden><p>Never shown.</p></div></body></html>"#,
        );
        remove_noise(&doc, &url());
        let html = doc.select("body").inner_html().to_string();
        let (article, footer) = (html.find("The article, sent last.").unwrap(), html.find("Footer").unwrap());
        assert!(article < footer, "{html}");
        assert!(!html.contains("No placeholder") && !html.contains("Never shown"), "{html}");
    }
}
