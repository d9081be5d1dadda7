//! Where an element sits on the page: the headline, the headline's post, and
//! the blocks of other articles, comments and site furniture whose names
//! are never this article's byline.

use dom_query::{Document, NodeRef};

use crate::dom::{class_id, class_id_tokens, class_id_words, short_text, tag, text_of};
use crate::text::comparable;

/// Class or id words of blocks that hold other articles, comments or site
/// furniture: bylines inside them are never this article's.
const NOT_THIS_ARTICLE: &[&str] = &[
    "related",
    "recommended",
    "recommendations",
    "popular",
    "trending",
    "comment",
    "comments",
    "sidebar",
    "widget",
    "footer",
    "teaser",
    "teasers",
    "promo",
    "newsletter",
    "outbrain",
    "taboola",
    "carousel",
    "latest",
    "tags",
    "flyout",
    "populyar",
    "mostread",
    // The site's menus, which may list its writers ("Authors"); not
    // "nav" alone: a story's "news-nav-container" may hold its byline.
    "menu",
    "megamenu",
];
/// The same, for names written in several words ("most-read").
const NOT_THIS_ARTICLE_PHRASES: &[&str] = &[
    "most-read",
    "most_read",
    "more-on",
    "read-more",
    "readmore",
    "read-also",
    "see-also",
    "feed-item",
    "news-feed",
    "last-news",
    // The story after or before this one, shown below it.
    "next-article",
    "next-post",
    "next-story",
    "up-next",
    "prev-post",
    "previous-post",
    "post-navigation",
    // The site's menus, which may list its writers ("Authors").
    "site-nav",
    "main-nav",
    "nav-menu",
];

/// Words that, joined in one class or id with a media word, mark a
/// picture's or a video's caption or credit ("wp-caption-text",
/// "img-author", "video-credit").
const CAPTION_MARKS: &[&str] = &["caption", "credit", "credits", "author", "byline", "copyright"];
/// Words of a media item in a class or id.
const MEDIA_MARKS: &[&str] = &["photo", "foto", "image", "img", "video", "picture", "pic", "wp"];

/// Whether `node` is or sits in a picture's or a video's caption or
/// credit: a `<figcaption>`, a newspaper's "cutline", or a class or id
/// that joins a media word to a caption or credit word ("wp-caption",
/// "img-author", "credit video-credit"). The names there are a
/// photographer's, a video's source or the people pictured ("Juan Orlando
/// Hernández (izquierda)"), never the article's author. A "caption" alone
/// is not enough: some sites call their byline so.
pub(crate) fn in_picture_credit(node: &NodeRef) -> bool {
    std::iter::once(*node)
        .chain(node.ancestors_it(None))
        .take_while(|a| !matches!(tag(a).as_str(), "body" | "html"))
        .any(|a| {
            let marks = class_id(&a);
            tag(&a) == "figcaption"
                || marks.contains("cutline")
                || marks.split_whitespace().any(|token| {
                    let words: Vec<&str> = class_id_words(token).collect();
                    words.iter().any(|w| MEDIA_MARKS.contains(w)) && words.iter().any(|w| CAPTION_MARKS.contains(w))
                })
        })
}

/// Whether `node` sits in a block of other articles, comments or site
/// furniture (`aside`, `footer`, `nav`, "related", "most read"…). A block
/// that holds the headline is the article itself, whatever its layout
/// classes say ("sticky-sidebar-parent", "no-sidebars"); an `aside` or
/// `footer` inside the headline's `<article>` is about that article.
/// `by_tag: false` skips the `aside`/`footer`/`nav` rule (for microdata,
/// which says outright whose author it names).
pub(crate) fn in_other_block(node: &NodeRef, headline: Option<&NodeRef>, by_tag: bool) -> bool {
    let container = headline.and_then(article_container);
    let headline_in_article = headline.is_some_and(|h| h.ancestors_it(None).any(|up| tag(&up) == "article"));
    std::iter::once(*node).chain(node.ancestors_it(None)).any(|a| {
        let name = tag(&a);
        if matches!(name.as_str(), "body" | "html" | "main")
            || headline.is_some_and(|h| h.id == a.id || h.ancestors_it(None).any(|up| up.id == a.id))
        {
            return false;
        }
        // An `<aside>`, `<footer>` or `.post-footer` inside the headline's
        // own post is about this article (Blogger puts the author there).
        let in_article = || container.as_ref().is_some_and(|c| a.ancestors_it(None).any(|up| up.id == c.id));
        // Another `<article>` beside the headline's: a teaser of another story.
        (name == "article" && (headline_in_article || is_teaser_article(&a, node)))
            || (name == "li" && (is_teaser_item(&a, node) || is_stream_post(&a, node)))
            || (by_tag && matches!(name.as_str(), "aside" | "footer" | "nav") && !in_article())
            || {
                // A publishing system's post (WordPress's `hentry`): its
                // classes also name its tags and terms, which are no
                // furniture ("internet-estallido-comentarios", "tag-trending").
                let post = crate::dom::is_post_with_terms(&a);
                let words = if post { Vec::new() } else { block_words(&a) };
                let marks = if post { String::new() } else { class_id(&a) };
                words.iter().any(|w| NOT_THIS_ARTICLE.contains(&w.as_str()) && !(w == "footer" && in_article()))
                    || NOT_THIS_ARTICLE_PHRASES.iter().any(|m| marks.contains(m))
                    || crate::cleanup::is_related_block(&a)
                    || (crate::cleanup::is_comment_block(&a) && !is_byline_with_comment_count(&marks))
            }
    })
}

/// Whether an element's marks (`class_id`) name a byline first and its
/// comment count after ("bylineComments", "byline-comments"): the
/// article's byline line, not a comment's ("comment-byline").
fn is_byline_with_comment_count(marks: &str) -> bool {
    crate::dom::class_id_words(marks).any(|w| w.starts_with("byline"))
}

/// Whether list item `li`, which holds the byline element `node`, is a
/// teaser in a list of other stories: it has sibling items and a headline
/// link (a link of 25 characters or more) beside the byline.
fn is_teaser_item(li: &NodeRef, node: &NodeRef) -> bool {
    let siblings = li.parent().is_some_and(|list| list.children_it(false).filter(|c| tag(c) == "li").count() >= 2);
    siblings && has_headline_link(li, Some(node))
}

/// Whether list item `li`, which holds the byline element `node`, is one
/// post of a stream whose posts each credit their own writer, as a live
/// page's are (`<li data-datetime="…"><span class="time">16:24</span>…<span
/// class="contributor-name">Nigel Cassidy</span>…</li>`): the item is
/// stamped with a time, and an element of the byline element's class names
/// someone else in at least two other items. A list of the article's
/// authors, one an item, has no time stamps.
fn is_stream_post(li: &NodeRef, node: &NodeRef) -> bool {
    let Some(class) = node.attr("class").filter(|c| !c.trim().is_empty()) else { return false };
    let stamped = li.attr("data-datetime").is_some()
        || li.descendants_it().any(|d| {
            tag(&d) == "time" || d.attr("datetime").is_some() || class_id_words(&class_id(&d)).any(|t| t == "time")
        });
    if !stamped {
        return false;
    }
    let own = comparable(&text_of(node));
    let by_others = |item: &NodeRef| {
        item.descendants_it().any(|d| d.attr("class").is_some_and(|c| *c == *class) && comparable(&text_of(&d)) != own)
    };
    li.parent().is_some_and(|list| {
        list.children_it(false).filter(|c| tag(c) == "li" && c.id != li.id && by_others(c)).take(2).count() == 2
    })
}

/// Whether `<article>` element `article`, which holds the byline element
/// `node` but not the headline, is a teaser of another story: short (a
/// story's own `<article>` holds its text) and with a headline link (a link
/// of 25 characters or more) beside the byline, as in a stream of the
/// latest stories under a headline that no `<article>` holds.
fn is_teaser_article(article: &NodeRef, node: &NodeRef) -> bool {
    // The `<article>` may itself be the byline element (its class says
    // `authors`): then every link in it counts.
    let outside = if node.id == article.id { None } else { Some(node) };
    short_text(article, TEASER_MAX).is_some() && has_headline_link(article, outside)
}

/// The most text, in characters other than spaces, a teaser holds.
const TEASER_MAX: usize = 400;

/// Whether `block` holds a link of 25 characters or more outside `node`
/// (if given): the headline link of a teaser.
fn has_headline_link(block: &NodeRef, node: Option<&NodeRef>) -> bool {
    block.descendants_it().any(|d| {
        tag(&d) == "a"
            && node.is_none_or(|node| d.id != node.id && !d.ancestors_it(None).any(|up| up.id == node.id))
            && short_text(&d, 300).is_some_and(|t| t.chars().count() >= 25)
    })
}

/// [`class_id_tokens`] without layout modifiers: a container's
/// `has-double-sidebar`, `with-sidebar` or `no-comments` says what is beside
/// it, not what it is.
fn block_words(node: &NodeRef) -> Vec<String> {
    // A page builder's layout classes (`elementor-widget-container`) name
    // its building blocks, the article's own among them, not furniture.
    let modifier = |c: &str| {
        ["has-", "with-", "no-", "without-", "has_", "with_", "no_"].iter().any(|p| c.starts_with(p))
            || c.starts_with("elementor-")
    };
    let mut out = Vec::new();
    for attr in ["class", "id"] {
        if let Some(v) = node.attr(attr) {
            for class in v.to_lowercase().split_whitespace().filter(|c| !modifier(c)) {
                out.extend(class.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty()).map(String::from));
            }
        }
    }
    out
}

/// The headline's post: its nearest ancestor that is an `<article>` or whose
/// class names a post ("post", "hentry", "entry", "article", "story"); never
/// the post's header around the headline (`<header class="post-header">`,
/// `.entry-title`), whose footer would then seem another block.
fn article_container<'a>(headline: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    headline.ancestors_it(None).take_while(|a| !matches!(tag(a).as_str(), "body" | "html" | "main")).find(|a| {
        let words = class_id_tokens(a);
        let header = matches!(tag(a).as_str(), "header" | "hgroup")
            || words.iter().any(|w| matches!(w.as_str(), "header" | "head" | "title" | "heading"));
        !header
            && (tag(a) == "article"
                || words.iter().any(|w| matches!(w.as_str(), "post" | "hentry" | "entry" | "article" | "story")))
    })
}

/// The index in `all` (the body's elements in document order) of the
/// headline: the `h1`–`h3` whose text is the title, else the heading the
/// document's `<title>` holds (a blog's name in the `<h1>`, the post's title
/// in an `<h3>`), else the first `<h1>`.
pub(crate) fn headline_index(doc: &Document, all: &[NodeRef<'_>], title: &str) -> Option<usize> {
    let key = comparable(title);
    let is_title = |n: &NodeRef, levels: &[&str]| {
        levels.contains(&tag(n).as_str()) && !key.is_empty() && comparable(&text_of(n)) == key
    };
    let first = all.iter().position(|n| is_title(n, &["h1", "h2", "h3"]));
    // A later `<h1>` with the title is the headline when the first heading's
    // post does not hold it: the same words in an `<h3>` before it are a
    // sticky bar's or a share box's. (An `<h1>` inside the post of a
    // blog's `<h3>` title is the post's text repeating it.)
    let h1 = first.filter(|f| tag(&all[*f]) != "h1").and_then(|f| {
        let post = article_container(&all[f]);
        all[f..]
            .iter()
            .position(|n| is_title(n, &["h1"]))
            .map(|i| f + i)
            .filter(|h| !post.as_ref().is_some_and(|p| all[*h].ancestors_it(None).any(|a| a.id == p.id)))
    });
    h1.or(first)
        .or_else(|| {
            let doc_title = comparable(&doc.select("head title").text());
            all.iter().position(|n| {
                matches!(tag(n).as_str(), "h1" | "h2" | "h3")
                    && short_text(n, 300)
                        .map(|t| comparable(&t))
                        .is_some_and(|t| t.chars().count() >= 12 && doc_title.contains(&t))
            })
        })
        .or_else(|| all.iter().position(|n| tag(n) == "h1"))
}
