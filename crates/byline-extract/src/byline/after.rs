//! What the page says of the author after the article, read when its
//! elements name nobody else: an author box (`.author-bio`, "About the
//! author", "Über den Autor", "Об авторе", "Müəllif haqqında"), the
//! author's own reply among the comments (WordPress marks it
//! `bypostauthor`), and on a person's own site the person its copyright
//! line names.

use byline_feeds::credit::{is_name_shaped, is_plausible_person};
use dom_query::NodeRef;

use super::author_links::is_author_page_link;
use super::lines::strip_label;
use super::names::{is_owner_shaped, Context};
use super::regions::in_other_block;
use super::spaced_text::short_spaced_text;
use crate::dom::{class_id, class_id_tokens, has_class, short_text, tag};
use crate::metadata::holder_words;
use crate::model::Author;
use crate::text::comparable;

/// Class or id words that, beside "author", mark a box about the author.
const AUTHOR_BOX_WORDS: &[&str] = &["bio", "box", "about", "info", "card", "profile", "details", "description"];

/// Headings of a box about the author (compared folded).
const ABOUT_AUTHOR: &[&str] = &[
    "about the author",
    "about the authors",
    "über den autor",
    "über die autorin",
    "zum autor",
    "zur autorin",
    "об авторе",
    "müəllif haqqinda",
    "à propos de lauteur",
    "sobre el autor",
];

/// The class word WordPress gives a comment written by the post's own
/// author (`comment_class()`): the name on it is the article's author.
const POST_AUTHOR_COMMENT: &str = "bypostauthor";

/// The post's author, by their own reply among the comments: the name
/// (`.fn`, WordPress's vcard name) of the first comment marked
/// [`POST_AUTHOR_COMMENT`].
pub(super) fn post_author_comment(all: &[NodeRef<'_>], ctx: &Context) -> Vec<Author> {
    all.iter()
        .filter(|n| has_class(n, POST_AUTHOR_COMMENT))
        .find_map(|comment| {
            let name = comment.descendants_it().find(|d| d.is_element() && has_class(d, "fn"))?;
            let people = ctx.keep_people(vec![Author::new(&short_spaced_text(&name, 80)?, None)]);
            (!people.is_empty()).then_some(people)
        })
        .unwrap_or_default()
}

/// The person of an author box after the headline (`.author-bio`,
/// `.author-box`, a block headed "About the author"): its marked name, its
/// first heading, or its link to the author's page. Boxes in blocks of
/// other articles, comments and sidebars are not read.
pub(super) fn author_box(all: &[NodeRef<'_>], headline: Option<usize>, ctx: &Context) -> Vec<Author> {
    let from = headline.map_or(0, |h| h + 1);
    let headline_node = headline.map(|h| all[h]);
    for node in &all[from..] {
        let boxed = if is_author_box(node) {
            Some(*node)
        } else if matches!(tag(node).as_str(), "h2" | "h3" | "h4" | "h5" | "h6" | "strong" | "b" | "p" | "span")
            && short_text(node, 30)
                .is_some_and(|t| ABOUT_AUTHOR.contains(&comparable(t.trim_end_matches(':')).as_str()))
        {
            node.parent()
        } else {
            None
        };
        let Some(b) = boxed else { continue };
        if b.parent().is_some_and(|p| in_other_block(&p, headline_node.as_ref(), true)) {
            continue;
        }
        let people = ctx.keep_people(box_person(&b));
        if !people.is_empty() {
            return people;
        }
    }
    Vec::new()
}

/// Whether the class or id of `n` names an author box: "author" and a box word.
fn is_author_box(n: &NodeRef) -> bool {
    if !matches!(tag(n).as_str(), "div" | "section" | "aside" | "footer") {
        return false;
    }
    let marks = class_id(n);
    marks.contains("author") && {
        let words = class_id_tokens(n);
        words.iter().any(|w| AUTHOR_BOX_WORDS.iter().any(|b| w == b || w.starts_with(b)))
    }
}

/// The person an author box names (see [`author_box`]).
fn box_person(b: &NodeRef) -> Vec<Author> {
    let name_of = |d: &NodeRef| -> Option<Vec<Author>> {
        let t = short_spaced_text(d, 60)?;
        let t = strip_label(t.trim_end_matches(':'));
        (is_name_shaped(t) && is_plausible_person(t)).then(|| vec![Author::new(t, None)])
    };
    let marked = b.descendants_it().filter(|d| d.is_element()).find(|d| {
        d.attr("itemprop").is_some_and(|p| p.as_ref() == "name")
            || class_id(d).split_whitespace().any(|c| c == "fn" || (c.contains("name") && !c.contains("username")))
    });
    if let Some(people) = marked.as_ref().and_then(name_of) {
        return people;
    }
    for d in b.descendants_it().filter(|d| d.is_element()) {
        let heading = matches!(tag(&d).as_str(), "h2" | "h3" | "h4" | "h5" | "h6" | "strong" | "b");
        if heading || is_author_page_link(&d) {
            if let Some(people) = name_of(&d) {
                return people;
            }
        }
    }
    Vec::new()
}

/// The person a copyright line names ("(c) Johannes Wolf • Weitere Rechte
/// siehe Impressum", "Copyright (c) 2012- Gregory Szorc. All rights
/// reserved.", "© 2019 Sven Schreivogel"), the last such line of the page
/// after the headline that names one; never a picture's credit.
pub(super) fn copyright_person(
    all: &[NodeRef<'_>],
    headline: Option<usize>,
    title: &str,
    ctx: &Context,
) -> Vec<Author> {
    let from = headline.map_or(0, |h| h + 1);
    for node in all[from..].iter().rev() {
        if !matches!(tag(node).as_str(), "p" | "div" | "span" | "small" | "li") {
            continue;
        }
        let Some(text) = short_spaced_text(node, 100) else { continue };
        let lower = text.to_lowercase();
        if !(lower.starts_with('©') || lower.starts_with("(c)") || lower.starts_with("copyright")) {
            continue;
        }
        let picture = std::iter::once(*node).chain(node.ancestors_it(None)).any(|a| {
            let marks = class_id(&a);
            matches!(tag(&a).as_str(), "figure" | "figcaption" | "picture" | "a")
                || ["caption", "photo", "image", "img", "teaser", "credit"].iter().any(|m| marks.contains(m))
        });
        if picture {
            continue;
        }
        let Some(holder) = copyright_holder(&text) else { continue };
        // A person's own site: the holder's name is in the host or the title
        // ("gregoryszorc.com", "Johannes"), and no word of it is the site's
        // ("Axios Media", "AOL Inc").
        let title = comparable(title);
        let own_site = comparable(&holder)
            .split_whitespace()
            .filter(|w| w.chars().count() >= 3)
            .any(|w| ctx.host_label.contains(w) || title.split(|c: char| !c.is_alphanumeric()).any(|t| t == w));
        if !is_name_shaped(&holder) || !own_site {
            continue;
        }
        // "© 2012 Moxie Marlinspike" on moxie.org, named "Moxie Marlinspike":
        // the site is the person's.
        let people = if ctx.is_named_after(&holder) {
            ctx.keep_site_person(&holder)
        } else if ctx.shares_site_word(&holder) || !is_owner_shaped(&holder, &ctx.host_label) {
            continue;
        } else {
            ctx.keep_people(vec![Author::new(holder, None)])
        };
        if !people.is_empty() {
            return people;
        }
    }
    Vec::new()
}

/// The holder a copyright line names: its first part (up to `.`, `|`,
/// `•`, `;`), without "Copyright", "(c)", "©", "by" and years
/// ([`holder_words`]), when two to four words are left.
fn copyright_holder(line: &str) -> Option<String> {
    let first = line.split(['.', '|', '•', '·', ';']).find(|p| !p.trim().is_empty())?;
    let words = holder_words(first);
    (words.len() >= 2 && words.len() <= 4).then(|| words.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_about_the_author_headings_are_written_as_they_are_compared() {
        crate::text::assert_written_as_compared(ABOUT_AUTHOR);
    }
}
