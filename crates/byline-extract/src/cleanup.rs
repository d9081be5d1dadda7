//! Removes what is not the article from a page before the main-content
//! extractor sees it: share buttons, ad banners, related-news blocks,
//! comment sections, tracking pixels, embeds; and, once the byline has been
//! read, the byline and date lines themselves. The sanitizer would keep an
//! ad banner (it is just a linked image), so this is done here, on the DOM.
//!
//! This module holds the entry points (`remove_noise`, `remove_meta_lines`,
//! `flatten_deep`, `remove_empty_blocks`, `drop_non_web_url_attributes`)
//! and what their rules share. The rules live beside it, one job a file:
//! `marks` (the class and id words of page furniture), `furniture` (ad,
//! share and call-to-action blocks, ad labels and picture credits, the
//! site's footer), `hidden` (text that is never shown, a video's fallback,
//! React's streamed parts), `page_css` (what the page's own stylesheet
//! hides), `images` (tracking pixels and ad banners), `lazy_images` (the
//! real addresses of pictures a lazy loader fills in),
//! `related` (related-story blocks and teasers of other articles),
//! `other_pages` (links to the site's other pages) and `other_posts`
//! (the elements of a WordPress page's other posts).

mod furniture;
mod hidden;
mod images;
mod lazy_images;
mod marks;
mod other_pages;
mod other_posts;
mod page_css;
mod related;

use dom_query::{Document, NodeRef};
use url::Url;

pub(crate) use furniture::SHARE_NAMES;
pub(crate) use images::{is_ad_image, is_tracking_pixel};
pub(crate) use marks::{is_comment_block, is_related_block};
pub(crate) use other_pages::{is_link_to_other_page, is_other_page};

use furniture::{is_ad_block, is_appeal_block, is_label_line, is_share_block, is_site_footer};
use hidden::{is_hidden, is_never_shown, place_streamed_parts, remove_media_fallback};
use lazy_images::load_lazy_images;
use marks::{
    comment_rules_before, has_comment_mark, is_marked_comment, is_marked_related, matches_any, META_MATCHER, META_WORDS,
};
use other_posts::remove_other_posts;
use related::{is_teaser, remove_related_by_heading, remove_teaser_cards};

use crate::dom::{
    body_elements, class_id, class_id_words, elements_named, has_byline_data_mark, has_class, has_descendant, has_text,
    has_visible_text, inside, link_density, short_text, tag,
};

/// Elements that never belong to a reading view.
/// (and `ins.adsbygoogle`). Matched by name on one walk of the tree: a CSS
/// selector list is matched against every element, which costs more.
const ALWAYS_DROP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "form",
    "button",
    "input",
    "select",
    "textarea",
    "template",
    "dialog",
    "link",
    "meta",
    "base",
    "nav",
    "map",
    "xmp",
    "plaintext",
];

/// Elements nested deeper than this are unwrapped (their children kept):
/// real article pages stay well below it, while hostile or broken pages
/// (thousands of unclosed `<div>`s or `<font>`s) would make every later
/// tree walk quadratic.
pub(crate) const MAX_DEPTH: usize = 96;
/// Elements kept when a too-deep subtree is flattened (none of them can
/// nest inside itself once the wrappers are gone).
const KEEP_WHEN_FLATTENING: &[&str] = &["p", "img", "picture", "source", "br", "h2", "h3", "h4", "h5", "h6"];

/// An element with more text than this, mostly not in links, is content and
/// is never dropped by a class-name rule.
const CONTENT_TEXT: usize = 300;

/// A paragraph with this much more text than a byline or date line inside
/// it is the article's, and so is that line.
const PARAGRAPH_TEXT: usize = 80;

/// Drops scripts, embeds (a video site's player becomes a link to the
/// video's page, and a Telegram or Facebook post's widget or frame a link
/// to the post, `byline_feeds::video`), forms (not one that wraps the article),
/// tracking pixels, ad banners, share blocks,
/// related-news lists, comment sections, calls to action, advertisement
/// labels, picture credit lines, "read also" teasers (a block that is one
/// link to another page of the site, a short `<article>` card beside the
/// article), a WordPress page's other posts and what a video shows when it
/// cannot play from a whole page; first puts the parts React streamed in
/// place and a lazy loader's pictures' addresses in their `src`.
pub(crate) fn remove_noise(doc: &Document, page_url: &Url) {
    place_streamed_parts(doc);
    load_lazy_images(doc);
    // Before the page's <style> elements go.
    let hidden_by_css = page_css::hidden_by_page_css(doc);
    let all = elements(doc);
    for node in &all {
        let name = tag(node);
        let ad_slot = || name == "ins" && has_class(node, "adsbygoogle");
        if name == "form" && protected(node) {
            // A page wrapped whole in one form (ASP.NET's): the form goes, the page stays.
            unwrap(node);
        } else if let Some(stand_in) =
            byline_feeds::video::embed_html(name.as_str(), |a| node.attr(a).map(|v| v.to_string()))
        {
            // A video's player, a Telegram or Facebook post's widget or frame:
            // a link to the video or the post in its place.
            node.replace_with_html(stand_in);
        } else if ALWAYS_DROP.contains(&name.as_str()) || ad_slot() {
            node.remove_from_parent();
        } else if matches!(name.as_str(), "video" | "audio") {
            remove_media_fallback(node);
        }
    }
    for img in all.iter().filter(|n| tag(n) == "img" && is_attached(n)) {
        if is_tracking_pixel(img) || is_ad_image(img, page_url) {
            remove_with_empty_wrappers(img);
        }
    }
    remove_other_posts(doc);
    // Before the teaser rule takes the links out from under their heading.
    remove_related_by_heading(doc);
    remove_teaser_cards(doc, page_url);
    let in_body = body_elements(doc);
    let mut next = 0;
    while let Some(node) = in_body.get(next) {
        next += 1;
        // `protected` walks the subtree, so it is asked only about matches.
        let noise = is_noise(node, page_url) || page_css::is_hidden_by(node, &hidden_by_css);
        if node.parent().is_some() && ((noise && !protected(node)) || is_never_shown(node)) {
            // Its elements are the ones listed next (none of them was
            // touched yet): gone with it, they need no rule.
            next += element_count(node);
            if has_comment_mark(&class_id(node)) {
                // Listed before it, already judged and kept: nothing to skip.
                if let Some(rules) = comment_rules_before(node).filter(|r| !protected(r)) {
                    rules.remove_from_parent();
                }
            }
            node.remove_from_parent();
        }
    }
}

/// Whether a rule of [`remove_noise`] takes `node` (an element of the
/// body) for something that is not the article.
fn is_noise(node: &NodeRef, page_url: &Url) -> bool {
    // Read once, asked by several rules.
    let marks = class_id(node);
    let tokens: Vec<&str> = class_id_words(&marks).collect();
    let text = ShortText::new(node);
    is_hidden(node)
        || is_ad_block(node, &tokens, &text)
        || is_share_block(node, &tokens, &text)
        || is_marked_related(node, &marks, &text)
        || is_marked_comment(node, &marks)
        || is_appeal_block(node, &tokens, &marks, &text)
        || is_label_line(node, &text)
        || is_teaser(node, page_url, &text)
        || is_site_footer(node)
}

/// How many elements `node` holds, at any depth.
fn element_count(node: &NodeRef) -> usize {
    node.descendants_it().filter(|d| d.is_element()).count()
}

/// Drops byline, date, tag, breadcrumb and similar short lines; run after
/// the byline has been read from them.
pub(crate) fn remove_meta_lines(doc: &Document) {
    for node in &body_elements(doc) {
        let marks = class_id(node);
        let rel_author = node.attr("rel").is_some_and(|r| r.to_lowercase().split_whitespace().any(|w| w == "author"));
        let is_meta = rel_author
            || has_byline_data_mark(node)
            || matches_any(&META_MATCHER, &marks)
            || class_id_words(&marks).any(|t| META_WORDS.contains(&t));
        if !is_meta || node.parent().is_none() {
            continue;
        }
        let Some(text) = short_text(node, 399) else { continue };
        if opens_a_paragraph(node, &text) {
            // Part of the text: its class must not make Readability take it for a byline.
            node.remove_attrs(&["class", "id"]);
        } else if !protected(node) {
            node.remove_from_parent();
        }
    }
    for time in &elements_named(doc, &["time"]) {
        if !inside(time, &["p", "li", "td", "blockquote", "figcaption"]) {
            time.remove_from_parent();
        }
    }
}

/// An inline element inside a paragraph with a sentence more of text
/// ("KOBE – " in a `<span class="dateline">` that opens the first
/// paragraph): part of the text.
fn opens_a_paragraph(node: &NodeRef, text: &str) -> bool {
    let limit = text.chars().count() + PARAGRAPH_TEXT;
    matches!(tag(node).as_str(), "span" | "em" | "strong" | "b" | "i" | "small")
        && node.ancestors_it(Some(3)).find(|a| tag(a) == "p").is_some_and(|p| short_text(&p, limit).is_none())
}

/// Flattens subtrees nested deeper than [`MAX_DEPTH`]: below that depth
/// every wrapper element is unwrapped (its children take its place), so
/// the text and images stay but the depth goes away.
pub(crate) fn flatten_deep(doc: &Document) {
    let mut stack = vec![(doc.root(), 0usize)];
    let mut too_deep = Vec::new();
    while let Some((node, depth)) = stack.pop() {
        if depth == MAX_DEPTH {
            too_deep.push(node);
            continue;
        }
        stack.extend(node.children_it(false).filter(|c| c.is_element()).map(|c| (c, depth + 1)));
    }
    for top in too_deep {
        let mut inner: Vec<NodeRef> = top.descendants_it().filter(|d| d.is_element()).collect();
        // Innermost first, so each unwrap moves already-flat children.
        inner.reverse();
        for node in inner {
            if !KEEP_WHEN_FLATTENING.contains(&tag(&node).as_str()) {
                unwrap(&node);
            }
        }
    }
}

/// Replaces `node` by its children. (`NodeRef::unwrap_node` unwraps a
/// node's parent, so it is called on the first child.)
fn unwrap(node: &NodeRef) {
    match node.first_child() {
        Some(child) => child.unwrap_node(),
        None => node.remove_from_parent(),
    }
}

/// Drops `cite` (and similar non-navigating URL attributes) whose value is
/// not an http(s) URL; the sanitizer keeps `cite` without checking it.
pub(crate) fn drop_non_web_url_attributes(doc: &Document) {
    for node in doc.select("[cite], [longdesc]").nodes() {
        for attr in ["cite", "longdesc"] {
            let value: String =
                node.attr(attr).unwrap_or_default().chars().filter(|c| !c.is_whitespace() && !c.is_control()).collect();
            let value = value.to_lowercase();
            if node.has_attr(attr) && !(value.starts_with("http://") || value.starts_with("https://")) {
                node.remove_attr(attr);
            }
        }
    }
}

/// Drops paragraphs and wrappers left with neither text nor media.
pub(crate) fn remove_empty_blocks(doc: &Document) {
    let names = [
        "p",
        "div",
        "span",
        "section",
        "strong",
        "b",
        "em",
        "i",
        "a",
        "li",
        "ul",
        "ol",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "blockquote",
        "center",
        "font",
        "figure",
    ];
    let nodes = elements_named(doc, &names);
    for node in nodes.iter().rev() {
        if node.parent().is_some() && is_empty(node) {
            node.remove_from_parent();
        }
    }
}

/// Inline elements among those [`remove_empty_blocks`] removes: a
/// zero-width character in one is part of the line's words.
const INLINE: &[&str] = &["span", "strong", "b", "em", "i", "a", "font"];

fn is_empty(node: &NodeRef) -> bool {
    let text = if INLINE.contains(&tag(node).as_str()) { has_text(node) } else { has_visible_text(node) };
    !text && !has_descendant(node, &["img", "picture", "video", "audio", "table", "hr"])
}

/// Elements never removed by a class-name rule.
fn protected(node: &NodeRef) -> bool {
    matches!(tag(node).as_str(), "html" | "body" | "main" | "article")
        || has_descendant(node, &["h1", "article", "main"])
}

/// An element's text up to [`CONTENT_TEXT`] characters, read once and
/// only when a rule asks: `short_text` of any shorter limit follows from it.
struct ShortText<'a, 'b> {
    node: &'b NodeRef<'a>,
    text: std::cell::OnceCell<Option<String>>,
}

impl<'a, 'b> ShortText<'a, 'b> {
    fn new(node: &'b NodeRef<'a>) -> Self {
        Self { node, text: std::cell::OnceCell::new() }
    }

    /// `short_text(node, max)` for `max` up to [`CONTENT_TEXT`].
    fn within(&self, max: usize) -> Option<&str> {
        debug_assert!(max <= CONTENT_TEXT);
        let text = self.text.get_or_init(|| short_text(self.node, CONTENT_TEXT)).as_deref()?;
        // Squashed text of at most `max` characters is what the shorter read would give.
        (max == CONTENT_TEXT || text.chars().count() <= max).then_some(text)
    }
}

/// Whether the element is mostly real text rather than links.
fn looks_like_content(node: &NodeRef, text: &ShortText) -> bool {
    text.within(CONTENT_TEXT).is_none() && link_density(node) < 0.5
}

/// Every element of the document, in document order (as `select("*")`).
fn elements(doc: &Document) -> Vec<NodeRef<'_>> {
    doc.root().descendants_it().filter(|d| d.is_element()).collect()
}

/// Whether `node` is still in the document (no removed ancestor), as a
/// selection made now would find it.
fn is_attached(node: &NodeRef) -> bool {
    node.ancestors_it(None).last().is_some_and(|top| top.is_document())
}

/// Removes `node`, then each ancestor left without text or media.
pub(crate) fn remove_with_empty_wrappers(node: &NodeRef) {
    let mut parent = node.parent();
    node.remove_from_parent();
    while let Some(p) = parent {
        if matches!(tag(&p).as_str(), "body" | "html" | "article" | "main" | "") || !is_empty(&p) {
            break;
        }
        parent = p.parent();
        p.remove_from_parent();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn url() -> Url {
        Url::parse("https://site.example.az/xeber/1.html").unwrap()
    }

    pub(super) fn clean(html: &str) -> String {
        let doc = Document::from(html);
        remove_noise(&doc, &url());
        doc.select("body").html().to_string()
    }

    #[test]
    fn the_block_after_a_removed_one_is_still_judged() {
        let out = clean(
            r#"<body><div class="share-bar"><ul><li><span>Share</span></li><li><span>Post</span></li></ul></div>
            <div class="adslot">Reklam</div><p class="sr-only">Skip</p>
            <p>The article itself, with more than enough words to be the text.</p></body>"#,
        );
        assert!(!out.contains("Share") && !out.contains("Reklam") && !out.contains("Skip"), "{out}");
        assert!(out.contains("The article itself"), "{out}");
    }

    #[test]
    fn a_form_around_the_article_is_unwrapped_and_other_forms_go() {
        let out = clean(
            r#"<body><form id="page-form" method="post"><h1>Helicopter crash</h1>
               <p>Two service members have been killed in a helicopter crash, the military said.</p>
               </form><form class="search"><p>Search the site for more stories</p><input name="q"></form></body>"#,
        );
        assert!(out.contains("Helicopter crash") && out.contains("service members"), "{out}");
        assert!(!out.contains("<form") && !out.contains("Search the site"), "{out}");
    }

    #[test]
    fn deep_nesting_is_flattened_and_keeps_the_text() {
        let html = format!(
            "<body>{}<p>deep text</p><img src=\"/a.jpg\">{}</body>",
            "<div><ul><li>".repeat(500),
            "</li></ul></div>".repeat(500)
        );
        let doc = Document::from(html.as_str());
        flatten_deep(&doc);
        let max_depth = doc.select("*").nodes().iter().map(|n| n.ancestors_it(None).count()).max().unwrap();
        assert!(max_depth <= MAX_DEPTH + 2, "{max_depth}");
        assert!(doc.select("body").text().contains("deep text"));
        assert_eq!(doc.select("img").length(), 1);
    }

    #[test]
    fn javascript_cite_is_dropped_and_web_cite_kept() {
        let doc = Document::from(
            r#"<blockquote cite=" java&#x09;script:alert(1)">a</blockquote><q cite="https://ok.az/">b</q>"#,
        );
        drop_non_web_url_attributes(&doc);
        let html = doc.html().to_string();
        assert!(!html.contains("script:") && html.contains(r#"cite="https://ok.az/""#), "{html}");
    }

    #[test]
    fn meta_lines_and_empty_paragraphs_go() {
        let doc = Document::from(
            r#"<body><div class="entry-meta">20.11.2026</div><span class="author">X Y</span><p>&nbsp;</p><p><br></p>
            <p>Body <time>today</time></p><time datetime="2026">x</time>
            <div class="live-post"><div class="entry-info"><span>Joseph Gamp</span><span>KEY EVENT</span></div>
            <p>A live post's text.</p></div></body>"#,
        );
        remove_meta_lines(&doc);
        remove_empty_blocks(&doc);
        let out = doc.select("body").html().to_string();
        assert!(!out.contains("entry-meta") && !out.contains("X Y") && !out.contains("<br>"), "{out}");
        assert!(!out.contains("KEY EVENT") && out.contains("A live post's text"), "{out}");
        assert!(out.contains("Body <time>today</time>") && !out.contains(">x<"), "{out}");
    }

    #[test]
    fn a_paragraph_of_zero_width_characters_goes_and_a_word_s_zero_width_space_stays() {
        let doc = Document::from(
            "<body><p>First.</p><div><p><span><span>\u{200c}</span><br></span></p></div><p>\u{200b}</p>\
             <p>Long<span>\u{200b}</span>word.</p></body>",
        );
        remove_empty_blocks(&doc);
        let out = doc.select("body").inner_html().to_string();
        assert_eq!(out.matches("<p>").count(), 2, "{out}");
        assert!(out.contains("Long<span>\u{200b}</span>word."), "{out}");
    }
}
