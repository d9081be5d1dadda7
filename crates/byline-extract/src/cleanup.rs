//! Removes what is not the article from a page before the main-content
//! extractor sees it: share buttons, ad banners, related-news blocks,
//! comment sections, tracking pixels, embeds; and, once the byline has been
//! read, the byline and date lines themselves. The sanitizer would keep an
//! ad banner (it is just a linked image), so this is done here, on the DOM.

use std::sync::LazyLock;

use dom_query::{Document, NodeRef};
use regex::Regex;
use url::Url;

use crate::dom::{
    body_elements, class_id, class_id_words, elements_named, has_class, has_descendant, has_text, inside, link_density,
    short_text, tag, text_of,
};
use crate::host_name::same_site;
use crate::text::comparable;

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

/// Class or id words that mark an advertisement.
const AD_WORDS: &[&str] = &[
    "ad",
    "ads",
    "adv",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "adsbygoogle",
    "adsense",
    "adslot",
    "adbox",
    "adfox",
    "rtb",
    "sponsored",
    "sponsor",
    "reklam",
    "reklama",
    "reklamlar",
];
/// Prefixes of class, id or file-name words that mark an advertisement.
const AD_PREFIXES: &[&str] = &["reklam", "banner", "legitim", "advert"];
/// Class or id words that mark share buttons.
const SHARE_WORDS: &[&str] = &[
    "share",
    "shares",
    "sharing",
    "sharedaddy",
    "social",
    "socials",
    "addtoany",
    "a2a",
    "likely",
    "paylas",
    "paylaş",
    "sosial",
];
/// Substrings of class or id that mark related-news and similar link lists.
const RELATED_MARKS: &[&str] = &[
    "related",
    "similar",
    "yarpp",
    "read-also",
    "readalso",
    "also-read",
    "more-stories",
    "more-news",
    "other-news",
    "recommended",
    "son-xeberler",
    "oxsar",
    "diger-xeber",
    "rel-news",
    "lastnews",
    "most-read",
    "mostread",
    "popular-news",
];
/// Substrings of class or id that mark comment sections.
const COMMENT_MARKS: &[&str] = &["comments", "comment-respond", "commentlist", "disqus", "addcomment", "comment-form"];
/// Substrings of class or id that mark byline, date, tag and navigation lines.
const META_MARKS: &[&str] = &[
    "byline",
    "author",
    "entry-meta",
    "post-meta",
    "article-meta",
    "__meta",
    "story-info",
    "article-info",
    "full-info",
    "fs-info",
    "bhinfo",
    "news-date",
    "dateline",
    "posted-on",
    "post-date",
    "entry-date",
    "views",
    "breadcrumb",
    "speedbar",
    "tags",
    "cat-links",
    "rubric",
    "kicker",
    "post-navigation",
    "nav-links",
    "newsletter",
    "subscribe",
    "cookie",
    "storenumber",
];
/// [`META_MARKS`], [`RELATED_MARKS`] and [`COMMENT_MARKS`] as one matcher
/// each: asked of every element's class and id, one pass over the text
/// finds any of the marks (a search per mark costs several times more).
static META_MATCHER: LazyLock<Regex> = LazyLock::new(|| any_of(META_MARKS));
static RELATED_MATCHER: LazyLock<Regex> = LazyLock::new(|| any_of(RELATED_MARKS));
static COMMENT_MATCHER: LazyLock<Regex> = LazyLock::new(|| any_of(COMMENT_MARKS));

/// A matcher of any of `marks`, as substrings.
fn any_of(marks: &[&str]) -> Regex {
    let alternation: Vec<String> = marks.iter().map(|m| regex::escape(m)).collect();
    Regex::new(&alternation.join("|")).expect("an alternation of escaped literals is a valid regex")
}

/// Whether `text` holds any of the marks of `matcher`.
fn matches_any(matcher: &Regex, text: &str) -> bool {
    matcher.is_match(text)
}

/// Headings of link lists that are not the article (compared lower-case, as prefixes).
const RELATED_HEADINGS: &[&str] = &[
    "oxşar xəbərlər",
    "digər xəbərlər",
    "mövzu ilə bağlı",
    "bu mövzuda",
    "son xəbərlər",
    "ən çox oxunan",
    "həmçinin oxuyun",
    "похожие новости",
    "похожие записи",
    "похожие материалы",
    "читайте также",
    "другие новости",
    "последние новости",
    "related",
    "more from",
    "recommended",
    "most read",
    "read more",
    "also read",
    "you may also like",
    "trending",
    "see also",
    // German, French, Spanish and Portuguese "read also" headings.
    "lesen sie auch",
    "lies auch",
    "zum weiterlesen",
    "weiterlesen",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "auch interessant",
    "mehr zum thema",
    "weitere artikel",
    "weitere beiträge",
    "ähnliche artikel",
    "ähnliche beiträge",
    "verwandte artikel",
    "à lire aussi",
    "lire aussi",
    "sur le même sujet",
    "lee también",
    "lea también",
    "te puede interesar",
    "noticias relacionadas",
    "leia também",
    "veja também",
];
/// Link texts of share buttons.
pub(crate) const SHARE_NAMES: &[&str] = &[
    "whatsapp",
    "messenger",
    "telegram",
    "vkontakte",
    "odnoklassniki",
    "facebook",
    "twitter",
    "x",
    "linkedin",
    "email",
    "e-mail",
    "pinterest",
    "reddit",
    "print",
    "вконтакте",
    "одноклассники",
    "viber",
    "copy link",
];
/// Hosts and paths of share endpoints.
const SHARE_URLS: &[&str] = &[
    "whatsapp.com/send",
    "wa.me/",
    "whatsapp://",
    "fb-messenger://",
    "t.me/share",
    "telegram.me/share",
    "vk.com/share",
    "connect.ok.ru/offer",
    "odnoklassniki.ru/dk",
    "facebook.com/sharer",
    "facebook.com/dialog/share",
    "twitter.com/intent",
    "twitter.com/share",
    "x.com/intent",
    "linkedin.com/sharearticle",
    "pinterest.com/pin/create",
    "reddit.com/submit",
    "addtoany.com",
    "viber://forward",
    "mailto:?",
];
/// Hosts and paths of tracking pixels and counters.
const TRACKERS: &[&str] = &[
    "mc.yandex.",
    "top-fwz1.mail.ru",
    "top.mail.ru/counter",
    "counter.yadro.ru",
    "liveinternet.ru",
    "facebook.com/tr",
    "google-analytics.com",
    "googletagmanager.com",
    "doubleclick.net",
    "scorecardresearch.com",
    "/pixel",
    "pixel.",
    "/counter",
    "hit?",
    "/beacon",
    "quantserve.com",
];
/// Standard banner sizes (IAB), as (width, height).
const BANNER_SIZES: &[(u32, u32)] = &[
    (728, 90),
    (970, 90),
    (970, 250),
    (810, 90),
    (468, 60),
    (300, 250),
    (336, 280),
    (240, 400),
    (300, 600),
    (160, 600),
    (120, 600),
    (320, 50),
    (320, 100),
    (1000, 120),
    (600, 90),
    (234, 60),
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

/// Class or id words of calls to action: subscribe, donate, write a letter.
const APPEAL_WORDS: &[&str] =
    &["cta", "subscribe", "subscription", "donate", "donation", "membership", "paywall", "signup", "letters-cta"];
/// Whole texts of an advertisement's label (compared lower-case, no colon).
const AD_LABELS: &[&str] =
    &["advertisement", "advert", "werbung", "реклама", "reklam", "anzeige", "publicidad", "publicité", "sponsored"];
/// Class words of text kept for screen readers only (compared whole, as
/// written in `class`): it is not shown, so it is not the article's.
const HIDDEN_CLASSES: &[&str] = &[
    "sr-only",
    "screen-reader-text",
    "visually-hidden",
    "visuallyhidden",
    "hidecompletely",
    "element-invisible",
    "hidden",
];
/// How a picture's credit line starts (compared lower-case).
const CREDIT_STARTS: &[&str] = &["(credit:", "credit:", "photo credit", "image credit", "(photo:", "(фото:"];

/// Drops scripts, embeds, forms (not one that wraps the article),
/// tracking pixels, ad banners, share blocks,
/// related-news lists, comment sections, calls to action, advertisement
/// labels, picture credit lines, "read also" teasers (a block that is one
/// link to another page of the site, a short `<article>` card beside the
/// article) and what a video shows when it
/// cannot play from a whole page; first puts the parts React streamed in
/// place.
pub(crate) fn remove_noise(doc: &Document, page_url: &Url) {
    place_streamed_parts(doc);
    let all = elements(doc);
    for node in &all {
        let name = tag(node);
        let ad_slot = || name == "ins" && has_class(node, "adsbygoogle");
        if name == "form" && protected(node) {
            // A page wrapped whole in one form (ASP.NET's): the form goes, the page stays.
            unwrap(node);
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
    // Before the teaser rule takes the links out from under their heading.
    remove_related_by_heading(doc);
    remove_teaser_cards(doc, page_url);
    let in_body = body_elements(doc);
    let mut next = 0;
    while let Some(node) = in_body.get(next) {
        next += 1;
        // `protected` walks the subtree, so it is asked only about matches.
        if is_noise(node, page_url) && node.parent().is_some() && !protected(node) {
            // Its elements are the ones listed next (none of them was
            // touched yet): gone with it, they need no rule.
            next += element_count(node);
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
        || (has_related_mark(&marks) && !looks_like_content(node, &text))
        || (has_comment_mark(&marks) && tag(node) != "textarea")
        || is_appeal_block(node, &tokens, &marks, &text)
        || is_label_line(node, &text)
        || is_teaser(node, page_url, &text)
        || is_site_footer(node)
}

/// The site's own footer: a `<footer>` (or `role=contentinfo`) outside
/// any `<article>` or `<main>`, where the legal lines, the sitemap and the
/// "follow us" links live (a disclaimer that a scorer may take for the
/// article when the article is one short paragraph). An article's own
/// `<footer>`, with its tags and author line, sits inside the article.
fn is_site_footer(node: &NodeRef) -> bool {
    let footer = tag(node) == "footer" || node.attr("role").is_some_and(|r| r.eq_ignore_ascii_case("contentinfo"));
    footer && !inside(node, &["article", "main"])
}

/// How many elements `node` holds, at any depth.
fn element_count(node: &NodeRef) -> usize {
    node.descendants_it().filter(|d| d.is_element()).count()
}

/// What a `<video>` or `<audio>` holds besides its sources and tracks is
/// shown only by a browser that cannot play it ("To view this video please
/// enable JavaScript, and consider upgrading to a web browser that supports
/// HTML5 video"): never in a reading view, where it would be read as text.
/// A link to the media's own file stays: the sanitizer drops the player, and
/// the link is then the reader's way to it.
fn remove_media_fallback(media: &NodeRef) {
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
fn place_streamed_parts(doc: &Document) {
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

/// Drops byline, date, tag, breadcrumb and similar short lines; run after
/// the byline has been read from them.
pub(crate) fn remove_meta_lines(doc: &Document) {
    for node in &body_elements(doc) {
        let marks = class_id(node);
        let rel_author = node.attr("rel").is_some_and(|r| r.to_lowercase().split_whitespace().any(|w| w == "author"));
        let is_meta = rel_author
            || matches_any(&META_MATCHER, &marks)
            || class_id_words(&marks).any(|t| t == "date" || t == "meta");
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

fn is_empty(node: &NodeRef) -> bool {
    !has_text(node) && !has_descendant(node, &["img", "picture", "video", "audio", "table", "hr"])
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

fn is_ad_block(node: &NodeRef, tokens: &[&str], text: &ShortText) -> bool {
    let marked = tokens.iter().any(|t| AD_WORDS.contains(t) || AD_PREFIXES.iter().any(|p| t.starts_with(p)));
    marked && !looks_like_content(node, text)
}

fn is_share_block(node: &NodeRef, tokens: &[&str], text: &ShortText) -> bool {
    let marked = tokens.iter().any(|t| SHARE_WORDS.contains(t) || t.starts_with("share") || t.starts_with("heateor"));
    if marked && !looks_like_content(node, text) {
        return true;
    }
    let name = tag(node);
    if !matches!(name.as_str(), "ul" | "ol" | "div" | "p" | "section") || text.within(CONTENT_TEXT).is_none() {
        return false;
    }
    // At least two links, every one of them to a share endpoint.
    let mut links = 0usize;
    let all_share = node.descendants_it().filter(|d| tag(d) == "a").all(|a| {
        links += 1;
        let href = a.attr("href").unwrap_or_default().to_lowercase();
        SHARE_URLS.iter().any(|s| href.contains(s))
    });
    if all_share && links >= 2 {
        return true;
    }
    if !matches!(name.as_str(), "ul" | "ol") {
        return false;
    }
    let items: Vec<String> = node.element_children().iter().map(|c| comparable(&text_of(c))).collect();
    items.len() >= 2 && items.iter().all(|t| SHARE_NAMES.contains(&t.as_str()))
}

fn is_appeal_block(node: &NodeRef, tokens: &[&str], marks: &str, text: &ShortText) -> bool {
    (tokens.iter().any(|t| APPEAL_WORDS.contains(t)) || marks.contains("letters-cta"))
        && !looks_like_content(node, text)
}

/// "Advertisement:" above an ad slot, "(Credit: Name / Agency)" under a picture.
fn is_label_line(node: &NodeRef, text: &ShortText) -> bool {
    if !matches!(tag(node).as_str(), "span" | "div" | "p" | "em" | "small" | "i") {
        return false;
    }
    // The bounded text first: the media check walks the whole subtree.
    let Some(text) = text.within(100) else { return false };
    if has_descendant(node, &["img", "picture", "video", "figure"]) {
        return false;
    }
    let text = text.to_lowercase();
    AD_LABELS.contains(&text.trim_end_matches([':', ' '])) || CREDIT_STARTS.iter().any(|c| text.starts_with(c))
}

/// Text that is never shown: a screen-reader-only class, the `hidden`
/// attribute, or an inline `display:none`. A bare `hidden` class next to a
/// responsive one (`hidden md:block`) is shown on wide screens and kept.
fn is_hidden(node: &NodeRef) -> bool {
    if node.has_attr("hidden") {
        return true;
    }
    let style = node.attr("style").unwrap_or_default().to_lowercase().replace(' ', "");
    if style.contains("display:none") {
        return true;
    }
    let Some(class) = node.attr("class").map(|c| c.to_lowercase()) else { return false };
    let responsive =
        || class.split_whitespace().any(|w| w.contains(':') || w.starts_with("d-") || w.starts_with("visible"));
    class.split_whitespace().any(|w| HIDDEN_CLASSES.contains(&w) && (w != "hidden" || !responsive()))
}

/// A paragraph, or a list of one or two items, that is nothing but a link
/// to another page of the same site (counted across its country domains),
/// perhaps after a short label ("Read also:", "Le puede interesar:"): a
/// "read also" teaser inside the text. Longer lists stay: taking them out
/// too made the extractor pick worse blocks on pages no rule was tuned on
/// (BENCHMARKS.md, "Extraction: fixture pages", session 21).
fn is_teaser(node: &NodeRef, page_url: &Url, own: &ShortText) -> bool {
    let name = tag(node);
    let items: Vec<NodeRef> = match name.as_str() {
        "p" => vec![*node],
        "ul" | "ol" => node.element_children(),
        _ => return false,
    };
    if items.is_empty() || items.len() > 2 || (name != "p" && items.iter().any(|i| tag(i) != "li")) {
        return false;
    }
    items.iter().all(|item| {
        let text = if item.id == node.id { own.within(200).map(str::to_string) } else { short_text(item, 200) };
        let Some(text) = text else { return false };
        let words = text.split_whitespace().count();
        (3..=25).contains(&words)
            && !has_descendant(item, &["img", "picture", "video"])
            && is_link_to_other_page(item, &text, page_url)
    })
}

/// Whether `item`, whose text is `text`, is one link to another page of
/// the site, perhaps after a short label ([`is_label_and_link`]).
pub(crate) fn is_link_to_other_page(item: &NodeRef, text: &str, page_url: &Url) -> bool {
    let links: Vec<NodeRef> = item.descendants_it().filter(|d| d.is_element() && tag(d) == "a").collect();
    let [link] = links.as_slice() else { return false };
    is_label_and_link(text, &text_of(link)) && link.attr("href").is_some_and(|href| is_other_page(&href, page_url))
}

/// Whether `href` leads to another page of `page_url`'s site (not its home
/// page, not this page).
pub(crate) fn is_other_page(href: &str, page_url: &Url) -> bool {
    page_url.join(href).is_ok_and(|to| {
        same_site(&to, page_url)
            && to.path().len() > 1
            && (to.path() != page_url.path() || to.host() != page_url.host())
    })
}

/// Text a card teasing another article holds at most: its kicker, headline
/// and a line of summary.
const CARD_TEXT: usize = 300;

/// Removes the short `<article>`s beside the page's longest one whose every
/// link leads to one other page of the site: cards teasing other articles
/// (a "more on this" grid, a headline under a picture), which many sites
/// mark up as articles of their own, their link often laid over the card
/// with its text for screen readers only, so no rule on links finds them.
fn remove_teaser_cards(doc: &Document, page_url: &Url) {
    let articles = elements_named(doc, &["article"]);
    if articles.len() < 2 {
        return;
    }
    let longest = articles.iter().max_by_key(|a| text_of(a).len()).map(|a| a.id);
    for card in &articles {
        if Some(card.id) != longest && is_attached(card) && is_teaser_card(card, page_url) {
            card.remove_from_parent();
        }
    }
}

fn is_teaser_card(card: &NodeRef, page_url: &Url) -> bool {
    if short_text(card, CARD_TEXT).is_none() || has_descendant(card, &["h1", "article", "main"]) {
        return false;
    }
    let mut targets = card
        .descendants_it()
        .filter(|d| d.is_element() && tag(d) == "a")
        .filter_map(|a| a.attr("href").and_then(|h| page_url.join(&h).ok()))
        .map(|mut to| {
            to.set_fragment(None);
            to
        });
    let Some(first) = targets.next() else { return false };
    is_other_page(first.as_str(), page_url) && targets.all(|to| to == first)
}

/// Whether `text` is `link_text`, or a short label (a few words, no
/// sentence end) followed by it.
fn is_label_and_link(text: &str, link_text: &str) -> bool {
    let Some(label) = text.strip_suffix(link_text) else { return false };
    let label = label.trim();
    label.is_empty()
        || (label.chars().count() <= 40
            && label.split_whitespace().count() <= 5
            && !label.contains('.')
            && label.ends_with([':', '»', '>', '|', '-', '–', '—']))
}

pub(crate) fn is_related_block(node: &NodeRef) -> bool {
    has_related_mark(&class_id(node)) && !looks_like_content(node, &ShortText::new(node))
}

fn has_related_mark(marks: &str) -> bool {
    !marks.is_empty() && matches_any(&RELATED_MATCHER, marks)
}

pub(crate) fn is_comment_block(node: &NodeRef) -> bool {
    has_comment_mark(&class_id(node)) && tag(node) != "textarea"
}

fn has_comment_mark(marks: &str) -> bool {
    !marks.is_empty() && matches_any(&COMMENT_MATCHER, marks)
}

/// Removes blocks whose heading says they are a list of other articles
/// ("Oxşar xəbərlər", "Читайте также", "Related") and that are mostly links.
fn remove_related_by_heading(doc: &Document) {
    let names = ["h2", "h3", "h4", "h5", "h6", "b", "strong", "div", "span", "p"];
    for heading in elements(doc).iter().filter(|n| names.contains(&tag(n).as_str())) {
        if heading.parent().is_none() {
            continue;
        }
        // Headings are short: a longer text is never one (and is not read whole).
        let Some(text) = short_text(heading, 60).map(|t| comparable(&t)) else { continue };
        if text.is_empty() || text.chars().count() > 40 || !RELATED_HEADINGS.iter().any(|h| text.starts_with(h)) {
            continue;
        }
        let Some(container) = heading.parent() else { continue };
        if protected(&container) || matches!(tag(&container).as_str(), "body" | "html") {
            continue;
        }
        if link_density(&container) >= 0.4 && text_of(&container).chars().count() < 2000 {
            container.remove_from_parent();
        } else {
            remove_heading_and_links_after(heading);
        }
    }
}

/// A "read also" heading inside the text (`<p><strong>Lesen Sie auch:</strong></p>`)
/// followed by lists or paragraphs that are mostly links: the heading's line
/// and those blocks go, up to the first block that is not links. A line that
/// is only the label goes even with no links after it (the teaser it
/// announced was left out of the page).
fn remove_heading_and_links_after(heading: &NodeRef) {
    // The line that holds the heading and nothing else (`<p><strong>…</strong></p>`).
    let line = match heading.parent() {
        Some(p) if matches!(tag(heading).as_str(), "b" | "strong" | "span") && text_of(&p) == text_of(heading) => p,
        _ => *heading,
    };
    let mut links = Vec::new();
    let mut next = line.next_element_sibling();
    while let Some(n) = next {
        let is_links = matches!(tag(&n).as_str(), "ul" | "ol" | "p" | "div")
            && link_density(&n) >= 0.5
            && text_of(&n).chars().count() < 1000;
        if !is_links || links.len() >= 6 {
            break;
        }
        links.push(n);
        next = n.next_element_sibling();
    }
    if !links.is_empty() || is_lone_related_label(&line) {
        line.remove_from_parent();
        for n in links {
            n.remove_from_parent();
        }
    }
}

/// A line, not a heading (`<h3>Mehr zum Thema</h3>` can open the article's
/// own section), whose whole text is one of [`RELATED_HEADINGS`].
fn is_lone_related_label(line: &NodeRef) -> bool {
    !matches!(tag(line).as_str(), "h2" | "h3" | "h4" | "h5" | "h6")
        && RELATED_HEADINGS.contains(&comparable(&text_of(line)).as_str())
}

/// A 1×1 (or hidden, or counter-hosted) image.
pub(crate) fn is_tracking_pixel(img: &NodeRef) -> bool {
    let dim = |name: &str| img.attr(name).and_then(|v| v.trim().trim_end_matches("px").parse::<u32>().ok());
    let (w, h) = (dim("width"), dim("height"));
    let tiny = |d: Option<u32>| d.is_some_and(|d| d <= 2);
    if (tiny(w) && (tiny(h) || h.is_none())) || (tiny(h) && w.is_none()) {
        return true;
    }
    let style = img.attr("style").unwrap_or_default().to_lowercase().replace(' ', "");
    if style.contains("display:none")
        || style.contains("visibility:hidden")
        || (style.contains("width:1px") && style.contains("height:1px"))
        || style.contains("left:-9999px")
    {
        return true;
    }
    let src = img.attr("src").unwrap_or_default().to_lowercase();
    TRACKERS.iter().any(|t| src.contains(t))
}

/// An advertising banner: an ad word in the image's file path or host, or
/// a standard banner size linking to another site.
pub(crate) fn is_ad_image(img: &NodeRef, page_url: &Url) -> bool {
    let src = img.attr("src").unwrap_or_default().to_lowercase();
    let Ok(url) = page_url.join(src.trim()) else { return false };
    let mut words = url.path().split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).collect::<Vec<_>>();
    let host = url.host_str().unwrap_or_default().to_string();
    words.extend(host.split('.'));
    let alt = img.attr("alt").unwrap_or_default().to_lowercase();
    words.extend(alt.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()));
    if words.iter().any(|t| matches!(*t, "ads" | "advert" | "adv") || AD_PREFIXES.iter().any(|p| t.starts_with(p))) {
        return true;
    }
    banner_sized(img, &src) && links_elsewhere(img, page_url)
}

fn banner_sized(img: &NodeRef, src: &str) -> bool {
    let dim = |name: &str| img.attr(name).and_then(|v| v.trim().parse::<u32>().ok());
    if let (Some(w), Some(h)) = (dim("width"), dim("height")) {
        return BANNER_SIZES.contains(&(w, h));
    }
    BANNER_SIZE_NAMES.iter().any(|size| src.contains(size.as_str()))
}

/// [`BANNER_SIZES`] as file names write them ("728x90").
static BANNER_SIZE_NAMES: LazyLock<Vec<String>> =
    LazyLock::new(|| BANNER_SIZES.iter().map(|(w, h)| format!("{w}x{h}")).collect());

fn links_elsewhere(img: &NodeRef, page_url: &Url) -> bool {
    let Some(a) = img.ancestors_it(Some(3)).find(|a| tag(a) == "a") else { return false };
    let href = a.attr("href").unwrap_or_default();
    page_url.join(&href).is_ok_and(|u| u.host_str() != page_url.host_str())
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
fn remove_with_empty_wrappers(node: &NodeRef) {
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

    #[test]
    fn one_matcher_finds_what_a_search_per_mark_finds() {
        for marks in ["post-byline x", "entry-meta", "comment-form", "yarpp-related", "sidebar", "", "author", "autho"]
        {
            assert_eq!(matches_any(&META_MATCHER, marks), META_MARKS.iter().any(|m| marks.contains(m)), "{marks}");
            assert_eq!(
                matches_any(&RELATED_MATCHER, marks),
                RELATED_MARKS.iter().any(|m| marks.contains(m)),
                "{marks}"
            );
            assert_eq!(
                matches_any(&COMMENT_MATCHER, marks),
                COMMENT_MARKS.iter().any(|m| marks.contains(m)),
                "{marks}"
            );
        }
    }

    fn url() -> Url {
        Url::parse("https://site.example.az/xeber/1.html").unwrap()
    }

    fn clean(html: &str) -> String {
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
    fn ad_banners_by_file_name_and_size_go_with_their_links() {
        let out = clean(
            r#"<body><div class="hdr"><a href="https://qanunla.az"><img src="/up/image-media-qanunla-reklam-49z.gif"></a></div>
            <p>Text <a href="https://x.example.com"><img src="/u/pic.jpg" width="728" height="90"></a></p>
            <p><img src="/wp-content/uploads/2026/photo.jpg"></p></body>"#,
        );
        assert!(!out.contains("reklam") && !out.contains("qanunla") && !out.contains("hdr"), "{out}");
        assert!(!out.contains("pic.jpg") && out.contains("Text"), "{out}");
        assert!(out.contains("photo.jpg"), "uploads is not an ad word: {out}");
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
    fn two_links_to_other_pages_of_the_site_go_across_its_country_domains_and_longer_lists_stay() {
        let out = clean(
            r#"<body><article><h1>T</h1><p>First paragraph of the article with enough words to read.</p>
               <ul><li><a href="/a/1.html">Spring comes at last, and then a little summer</a></li>
               <li><a href="https://www.site.example.co.uk/a/3.html">The marathon from the city to Paris</a></li></ul>
               <ul><li><a href="/b/1.html">The first part of the series on the city</a></li>
               <li><a href="/b/2.html">The second part of the series on the city</a></li>
               <li><a href="/b/3.html">The third part of the series on the city</a></li></ul>
               <ul><li>A point of the article with <a href="/a/4.html">a link</a> in it</li>
               <li><a href="/a/5.html">A whole link</a></li><li>Another point</li></ul>
               </article></body>"#,
        );
        for gone in ["Spring comes", "marathon"] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
        for kept in ["First paragraph", "third part", "A point of the article", "A whole link", "Another point"] {
            assert!(out.contains(kept), "{kept}: {out}");
        }
    }

    #[test]
    fn short_article_cards_teasing_other_pages_go_and_the_article_stays() {
        let story = "<p>The article's own paragraph, long enough to be the longest article of the page by far.</p>";
        let out = clean(&format!(
            r#"<body><main><article><h1>T</h1>{story}
               <div class="list"><article><a href="/nrw/ponies_aid-1" class="inset-0"><span class="sr-only">Maple kills horses</span></a>
               <header><em>Ponies die in Viersen</em><span>Maple kills horses</span></header></article>
               <article><a href="/b/2"><img src="/b.jpg"></a><h3><a href="/b/2#top">A second teaser</a></h3></article>
               <article><p>A quoted post with <a href="/c/1">one link</a> and <a href="https://other.example.org/x">another</a>.</p></article>
               </div></article></main></body>"#
        ));
        for gone in ["Ponies die", "Maple kills", "second teaser"] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
        for kept in ["own paragraph", "A quoted post"] {
            assert!(out.contains(kept), "{kept}: {out}");
        }
        // A page that is one short article keeps it, links and all.
        let brief =
            clean(r#"<body><article><h2>Brief</h2><p>Two lines.</p><a href="/full/1">Read on</a></article></body>"#);
        assert!(brief.contains("Two lines"), "{brief}");
    }

    #[test]
    fn calls_to_action_ad_labels_credits_and_teasers_go() {
        let out = clean(
            r#"<body><article><h1>T</h1><p>First paragraph of the article with enough words to read.</p>
               <ul><li><a href="/xeber/2.html"><strong>The latest news about the outbreak in Sweden</strong></a></li></ul>
               <p><a href="https://site.example.az/xeber/3.html">Read our other story about the city budget today</a></p>
               <div id="auto_video"><span class="proper-caption">Advertisement:</span></div>
               <p>Advert</p><div>Werbung</div>
               <p><img src="/chart.png"><br><em>(Credit: Clayton Aldern / Grist)</em></p>
               <section class="c-letters-cta"><p>We want to hear what you think about this article. <a href="/letters">Submit a letter</a></p></section>
               <p>A sentence with <a href="/xeber/4.html">a link inside it</a> stays, and so does this one.</p>
               <ul><li><a href="https://ministry.gov.example/report">The full report from the ministry</a></li></ul>
               </article></body>"#,
        );
        for gone in ["latest news", "other story", "Advert", "Werbung", "Credit:", "hear what you think"] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
        for kept in ["First paragraph", "a link inside it", "chart.png", "full report from the ministry"] {
            assert!(out.contains(kept), "{kept}: {out}");
        }
    }

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
    fn the_site_footer_goes_and_the_article_s_own_footer_stays() {
        let doc = Document::from(
            r#"<html><body><div class="wrapper"><article><h1>Kwanzaa at the library</h1><p>Children read stories.</p>
            <footer>Tags: library</footer></article></div><footer id="footer"><div id="disclaimer"><p>Registration on or
            use of this site constitutes acceptance of our User Agreement.</p><p>© 2015 Media Group. All rights
            reserved.</p></div></footer><div role="contentinfo">Sitemap</div></body></html>"#,
        );
        remove_noise(&doc, &url());
        let html = doc.select("body").inner_html().to_string();
        assert!(!html.contains("User Agreement") && !html.contains("Sitemap"), "{html}");
        assert!(html.contains("Tags: library") && html.contains("Children read stories."), "{html}");
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

    #[test]
    fn tracking_pixels_are_removed() {
        let out = clean(
            r#"<body><p>a<img src="/t.gif" width="1" height="1"></p><img src="https://mc.yandex.ru/watch/1">
            <img src="/x.gif" style="width:1px; height:1px"><img src="/real.jpg" width="600"></body>"#,
        );
        assert!(!out.contains("t.gif") && !out.contains("yandex") && !out.contains("x.gif"), "{out}");
        assert!(out.contains("real.jpg"), "{out}");
    }

    #[test]
    fn share_lists_by_class_by_links_and_by_names() {
        let out = clean(
            r#"<body><div class="post-share"><a href="/x">f</a></div>
            <ul><li><a href="https://api.whatsapp.com/send?text=u">W</a></li><li><a href="https://t.me/share/url?url=u">T</a></li></ul>
            <ul><li>whatsapp</li><li>telegram</li><li>vkontakte</li></ul><p>keep</p></body>"#,
        );
        assert!(!out.contains("post-share") && !out.contains("whatsapp") && !out.contains("t.me"), "{out}");
        assert!(out.contains("keep"));
    }

    #[test]
    fn related_blocks_by_class_and_by_heading() {
        let out = clean(
            r#"<body><div class="yarpp"><a href="/1">One</a></div>
            <div><h3>Oxşar xəbərlər</h3><ul><li><a href="/a">A long linked headline here</a></li></ul></div>
            <p>keep</p></body>"#,
        );
        assert!(!out.contains("One") && !out.contains("Oxşar") && out.contains("keep"), "{out}");
    }

    #[test]
    fn a_read_also_heading_inside_the_text_goes_with_its_links() {
        let out = clean(
            r#"<body><div class="entry"><p>First paragraph of the article, long enough to be the text.</p>
            <p><strong>Lesen Sie auch die folgenden Beiträge:</strong></p>
            <ul><li><a href="/a">Warum Sie diese HR-Prozesse digitalisieren sollten</a></li><li><a href="/b">Der Jobmarkt bleibt vital</a></li></ul>
            <p>Last paragraph of the article, kept as it is.</p></div></body>"#,
        );
        assert!(!out.contains("Lesen Sie") && !out.contains("Jobmarkt"), "{out}");
        assert!(out.contains("First paragraph") && out.contains("Last paragraph"), "{out}");
        // A heading followed by text, not links, stays.
        let out = clean(
            r#"<body><div class="entry"><p>Intro text of the article here.</p><h3>Mehr zum Thema</h3>
            <p>The council said more on the subject, with <a href="/x">one link</a> in a long sentence of plain text.</p></div></body>"#,
        );
        assert!(out.contains("Mehr zum Thema") && out.contains("council said"), "{out}");
        // A line that is only the label goes, links or not.
        let out = clean(
            r#"<body><div class="entry"><p>Intro text of the article here.</p><div><p>Lesen Sie auch</p></div>
            <p>The council said more on the subject in a long sentence of plain text.</p></div></body>"#,
        );
        assert!(!out.contains("Lesen Sie") && out.contains("council said"), "{out}");
    }

    #[test]
    fn content_with_a_share_class_on_its_wrapper_is_kept() {
        let body = "Söz ".repeat(200);
        let out = clean(&format!(r#"<body><div class="social-news"><p>{body}</p></div></body>"#));
        assert!(out.contains("Söz"), "{out}");
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
            <p>Body <time>today</time></p><time datetime="2026">x</time></body>"#,
        );
        remove_meta_lines(&doc);
        remove_empty_blocks(&doc);
        let out = doc.select("body").html().to_string();
        assert!(!out.contains("entry-meta") && !out.contains("X Y") && !out.contains("<br>"), "{out}");
        assert!(out.contains("Body <time>today</time>") && !out.contains(">x<"), "{out}");
    }
}
