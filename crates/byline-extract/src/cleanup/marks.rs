//! The class and id words that mark page furniture (ads, share bars,
//! related-news lists, comment sections, byline and date lines, calls to
//! action, screen-reader text), their matchers, and the related-news and
//! comment blocks they mark.

use std::sync::LazyLock;

use dom_query::NodeRef;
use regex::Regex;

use super::{looks_like_content, ShortText};
use crate::dom::{class_id, has_descendant, is_post_with_terms, short_text, tag};

/// Class or id words that mark an advertisement.
pub(super) const AD_WORDS: &[&str] = &[
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
pub(super) const AD_PREFIXES: &[&str] = &["reklam", "banner", "legitim", "advert"];
/// Class or id words that mark share buttons.
pub(super) const SHARE_WORDS: &[&str] = &[
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
/// Spanish and Portuguese, German and French name them too ("glbComentarios",
/// "kommentare", "commentaires").
const COMMENT_MARKS: &[&str] = &[
    "comments",
    "comment-respond",
    "commentlist",
    "disqus",
    "addcomment",
    "comment-form",
    "comentario",
    "kommentar",
    "commentaire",
];
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
    "entry-info",
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
/// Class or id words (whole, between marks such as `-` and `_`) that mark
/// date, tag and meta lines: "tags" is no substring mark, for Minute Media's
/// paragraphs are `tagStyle_…` (`tagstyle` holds "tags").
pub(super) const META_WORDS: &[&str] = &["date", "meta", "tags"];
/// [`META_MARKS`], [`RELATED_MARKS`] and [`COMMENT_MARKS`] as one matcher
/// each: asked of every element's class and id, one pass over the text
/// finds any of the marks (a search per mark costs several times more).
pub(super) static META_MATCHER: LazyLock<Regex> = LazyLock::new(|| any_of(META_MARKS));
static RELATED_MATCHER: LazyLock<Regex> = LazyLock::new(|| any_of(RELATED_MARKS));
static COMMENT_MATCHER: LazyLock<Regex> = LazyLock::new(|| any_of(COMMENT_MARKS));

/// A matcher of any of `marks`, as substrings.
fn any_of(marks: &[&str]) -> Regex {
    let alternation: Vec<String> = marks.iter().map(|m| regex::escape(m)).collect();
    Regex::new(&alternation.join("|")).expect("an alternation of escaped literals is a valid regex")
}

/// Whether `text` holds any of the marks of `matcher`.
pub(super) fn matches_any(matcher: &Regex, text: &str) -> bool {
    matcher.is_match(text)
}

/// Class or id words of calls to action: subscribe, donate, write a
/// letter, join the paper's WhatsApp channel.
pub(super) const APPEAL_WORDS: &[&str] = &[
    "cta",
    "subscribe",
    "subscription",
    "donate",
    "donation",
    "membership",
    "paywall",
    "signup",
    "letters-cta",
    "whatsapp",
];

/// Class words of text kept for screen readers only, or hidden by the CSS
/// frameworks' utility classes (Bootstrap's `d-none`, `invisible` and
/// `hide`, Bulma's `is-hidden`), compared whole, as written in `class`: it
/// is not shown, so it is not the article's.
pub(super) const HIDDEN_CLASSES: &[&str] = &[
    "sr-only",
    "screen-reader-text",
    "visually-hidden",
    "visuallyhidden",
    "hidecompletely",
    "element-invisible",
    "hidden",
    "is-hidden",
    "d-none",
    "hide",
    "invisible",
];

/// Classes that hide an element for good, whatever it holds, a headline
/// included: Webflow's for what a CMS condition hides (its own stylesheet
/// says `display: none !important`, and no script shows it again), where a
/// site keeps another page's whole essay.
pub(super) const NEVER_SHOWN_CLASSES: &[&str] = &["w-condition-invisible"];

/// [`HIDDEN_CLASSES`] that a responsive class beside them shows again on
/// some screens (`hidden md:block`, `d-none d-md-block`).
pub(super) const HIDDEN_ON_SOME_SCREENS: &[&str] = &["hidden", "is-hidden", "d-none", "hide"];

pub(crate) fn is_related_block(node: &NodeRef) -> bool {
    is_marked_related(node, &class_id(node), &ShortText::new(node))
}

/// [`is_related_block`], with the node's marks (`class_id`) and short text
/// read already: a related mark on a block that is no content, never on a
/// post by its term classes ([`is_post_with_terms`]).
pub(super) fn is_marked_related(node: &NodeRef, marks: &str, text: &ShortText) -> bool {
    has_related_mark(marks) && !looks_like_content(node, text) && !is_post_with_terms(node)
}

pub(super) fn has_related_mark(marks: &str) -> bool {
    !marks.is_empty() && matches_any(&RELATED_MATCHER, marks)
}

pub(crate) fn is_comment_block(node: &NodeRef) -> bool {
    is_marked_comment(node, &class_id(node))
}

/// [`is_comment_block`], with the node's marks (`class_id`) read already:
/// a comment mark on anything but the comment form's field, never on a
/// post by its term classes ([`is_post_with_terms`]).
pub(super) fn is_marked_comment(node: &NodeRef, marks: &str) -> bool {
    has_comment_mark(marks) && tag(node) != "textarea" && !is_post_with_terms(node)
}

pub(super) fn has_comment_mark(marks: &str) -> bool {
    !marks.is_empty() && matches_any(&COMMENT_MATCHER, marks)
}

/// Words (lower case) of the rules for readers' comments, which a site
/// prints right before its comment section ("Bitte achten Sie darauf,
/// dass Ihre Kommentare themenbezogen sind", "Comments on this thread are
/// vetted after posting"); an article's own last paragraph says "declined
/// to comment", never these.
const COMMENT_RULE_WORDS: &[&str] = &[
    "comments are",
    "comments on this",
    "your comment",
    "report this comment",
    "community guidelines",
    "ihre kommentare",
    "kommentare sind",
    "kommentarfunktion",
    "los comentarios",
    "sus comentarios",
    "os comentários",
    "les commentaires",
    "vos commentaires",
    "комментарии",
    "ваши комментарии",
    "şərhlər",
];

/// The most characters of a comment section's rules.
const COMMENT_RULES_TEXT: usize = 1000;

/// The element right before the comment section `section` when it holds
/// the rules for readers' comments ([`COMMENT_RULE_WORDS`], at most
/// [`COMMENT_RULES_TEXT`] characters, no picture): not the article's, so
/// it goes with the section.
pub(super) fn comment_rules_before<'a>(section: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let before = section.prev_element_sibling()?;
    let text = short_text(&before, COMMENT_RULES_TEXT)?.to_lowercase();
    (COMMENT_RULE_WORDS.iter().any(|w| text.contains(w)) && !has_descendant(&before, &["img", "picture", "video"]))
        .then_some(before)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cleanup::tests::clean;

    #[test]
    fn the_rules_for_comments_go_with_the_comment_section_and_an_articles_last_word_stays() {
        let out = clean(
            r#"<body><article><h1>T</h1><p>The article's text, long enough to be read as the article.</p>
               <p>Bitte achten Sie darauf, dass Ihre Kommentare themenbezogen sind.</p>
               <div class="comments-area"><p>Erster!</p></div></article>
               <section><p>The ministry declined to comment on the report.</p>
               <div id="comments"><p>A reader's comment.</p></div></section></body>"#,
        );
        for gone in ["Bitte achten", "Erster", "A reader's comment"] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
        assert!(out.contains("declined to comment") && out.contains("The article's text"), "{out}");
    }

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
}
