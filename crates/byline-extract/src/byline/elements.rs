//! Candidate bylines from the page's elements, each with the evidence that
//! found it (microdata, `rel=author`, a `.byline` class, a credit label, an
//! `.author` class, a link to an author's page; then an author box after
//! the article, and a copyright line on a person's own site) and whether it
//! sits in the headline's neighbourhood.

use byline_feeds::credit::{clean_role, has_role_word, is_name_shaped, is_plausible_person, parse_credit};

use super::lines::{
    credit, credit_lines, date_line_name, has_label, mid_line_credit, role_line, strip_label, DATE_LINE_MAX,
};
use dom_query::{Document, NodeRef};

use super::after::{author_box, copyright_person, post_author_comment};
use super::author_links::is_author_page_link;
use super::names::{fill_roles, names_them_and_more, same_person, Context};
use super::regions::{headline_index, in_other_block};
use super::roles_beside::{role_in_name_block, role_of_next_element};
use super::spaced_text::{short_spaced_text, spaced_text};
use super::{Evidence, Found};
use crate::dom::{body_elements, br_lines, class_id, has_class, has_descendant, tag, text_of};
use crate::model::Author;
use crate::stamp_lines::is_stamp_line;
use crate::text::{comparable, squash};

/// Class or id parts of the element holding an author's role.
const ROLE_MARKS: &[&str] = &[
    "position",
    "role",
    "job",
    "dolzhnost",
    "vezife",
    "vəzifə",
    "post-title",
    "author-title",
    "author-post",
    "author__post",
    "author_post",
    "author__title",
    "author_title",
    "byline__title",
    "byline-title",
    "byline_title",
    "occupation",
];

/// A kind of byline element: its evidence and the test that finds it.
type Group<'a> = (Evidence, &'a dyn Fn(&NodeRef) -> bool);

/// How many elements after the headline count as the article's header.
const HEADER_WINDOW: usize = 120;
/// How many elements after the headline a date-and-name line may be.
const DATE_LINE_WINDOW: usize = 20;

/// The byline from the page's elements, in order of trust: `itemprop=author`
/// microdata, `rel=author` links, `.byline` elements, a "By Name" line,
/// `.author` elements, a link to an author's page. Elements in blocks of
/// other articles, comments and site furniture are never read. The header
/// (the headline and what follows it) is searched first, then the whole
/// page; the first element that names people wins, with the others of its
/// own byline block, and the [`Found`] says which kind and where.
///
/// Microdata is read first with the `aside`/`footer`/`nav` rule off (it
/// says outright whose author it names: sites put it in `<nav
/// class="post-by">`), and the page's elements and headline are found once
/// for every group.
pub(crate) fn from_elements(doc: &Document, title: &str, ctx: &Context) -> Found {
    let all: Vec<NodeRef<'_>> = body_elements(doc);
    let headline = headline_index(doc, &all, title);
    let microdata: [Group; 1] = [(Evidence::Microdata, &is_microdata_author)];
    let found = search(&all, headline, &microdata, 1, false, ctx);
    if !found.is_empty() {
        return found;
    }
    // Microdata again is not asked: with the tag rule on, it finds no more.
    let groups: [Group; 9] = [
        (Evidence::RelAuthor, &|n| {
            n.attr("rel").is_some_and(|r| r.to_lowercase().split_whitespace().any(|w| w == "author"))
        }),
        // A role element (`.byline__title`) holds the role, never a name.
        (Evidence::BylineClass, &|n| (class_id(n).contains("byline") && !is_role_element(n)) || is_submitted_line(n)),
        (Evidence::CreditLabel, &is_credit_line),
        (Evidence::AuthorClass, &|n| {
            let marks = class_id(n);
            (marks.contains("author") || has_author_class_word(n))
                && !["bio", "photo", "avatar", "about", "img"].iter().any(|m| marks.contains(m))
                && !is_role_element(n)
        }),
        // Last, and only in the header: a link to an author's page, a line
        // of a date and a name just under the headline, and an `<address>`
        // (HTML's element for the contact of the article's author; in a
        // site's footer it is the publisher's).
        // A theme's `.by`/`.posted-by` line, after the stronger marks.
        (Evidence::BylineClass, &has_by_class),
        (Evidence::AuthorPageLink, &is_author_page_link),
        (Evidence::DateLine, &is_date_line),
        // "Posted on May 12, 2016 by Jane Doe", "Ein Gastbeitrag von Jane Doe".
        (Evidence::CreditLabel, &is_mid_line_credit),
        (Evidence::BylineClass, &|n| tag(n) == "address"),
    ];
    let found = search(&all, headline, &groups, WHOLE_PAGE_GROUPS - 1, true, ctx);
    if !found.is_empty() {
        return with_card_role(found, &all);
    }
    // Last, the page's weaker statements: an author box after the article,
    // the author's own reply among the comments, then a person named as
    // the copyright holder.
    let boxed = author_box(&all, headline, ctx);
    if !boxed.is_empty() {
        return Found::new(boxed, Evidence::AuthorBox);
    }
    let replied = post_author_comment(&all, ctx);
    if !replied.is_empty() {
        return Found::new(replied, Evidence::PostAuthorComment);
    }
    let above = linked_above_headline(&all, headline, ctx);
    if !above.is_empty() {
        return Found { near_headline: true, ..Found::new(above, Evidence::AuthorPageLink) };
    }
    let mut owner = copyright_person(&all, headline, title, ctx);
    if owner.is_empty() {
        owner = ctx.keep_people(ctx.site_owner.iter().map(|name| Author::new(name, None)).collect());
    }
    Found::new(owner, Evidence::SiteOwner)
}

/// Class words of author elements in other languages (`.autor`,
/// `.artikel-autorin`, `.avtor`), compared whole.
const AUTHOR_CLASS_WORDS: &[&str] = &[
    "autor",
    "autorin",
    "autoren",
    "autores",
    "autore",
    "autori",
    "auteur",
    "auteurs",
    "avtor",
    "avtory",
    "muellif",
    "müəllif",
    "verfasser",
    "writer",
    "contributor",
    "contributors",
    "journalist",
    "reporter",
    "columnist",
    "kolumnist",
    "redakteur",
    "redakteurin",
];

/// Whether a class or id of `n` is, or ends in, an author word of another
/// language (`autor`, `artikel-autor`, `news__avtor`); never a taxonomy
/// class that only starts with one (`autor-erb-elke` on a teaser).
fn has_author_class_word(n: &NodeRef) -> bool {
    ["class", "id"].iter().filter_map(|a| n.attr(a)).any(|v| {
        v.to_lowercase()
            .split_whitespace()
            .any(|c| c.rsplit(['-', '_']).next().is_some_and(|w| AUTHOR_CLASS_WORDS.contains(&w)))
    })
}

/// Drupal's byline line: `<div class="submitted">`, `.node__submitted`,
/// `.field-name-submitted` ("Submitted by <span class="username">Jane
/// Doe</span> on …").
fn is_submitted_line(n: &NodeRef) -> bool {
    n.attr("class")
        .is_some_and(|v| v.to_lowercase().split_whitespace().any(|c| c.rsplit(['-', '_']).next() == Some("submitted")))
}

/// Whether a class of `n` is, or ends in, the word "by" (`.by`,
/// `.posted-by`, `.entry_by`): themes' name for the byline line.
fn has_by_class(n: &NodeRef) -> bool {
    n.attr("class")
        .is_some_and(|v| v.to_lowercase().split_whitespace().any(|c| c.rsplit(['-', '_']).next() == Some("by")))
}

/// How many elements before the headline an author card over it may start.
const ABOVE_HEADLINE_WINDOW: usize = 20;

/// The person that the links to an author's page just above the headline
/// name, when they all name one ([`is_author_page_link`], outside blocks
/// of other articles): an author card printed over the title (`<div
/// class="title"><a href="/news/author/46811">Erin McCann,</a> Associate
/// Editor</div>…<h1>`), read when the page's byline marks name nobody.
fn linked_above_headline(all: &[NodeRef], headline: Option<usize>, ctx: &Context) -> Vec<Author> {
    let Some(h) = headline else { return Vec::new() };
    let mut found: Option<Author> = None;
    for node in &all[h.saturating_sub(ABOVE_HEADLINE_WINDOW)..h] {
        if !is_author_page_link(node) || in_other_block(node, Some(&all[h]), true) {
            continue;
        }
        match ctx.keep_people(read_author_element(node)).as_slice() {
            [] => {}
            [one] if found.as_ref().is_none_or(|f| same_person(&f.name, &one.name)) => {
                found.get_or_insert_with(|| one.clone());
            }
            // Links to several people's pages: a list of authors or of other stories.
            _ => return Vec::new(),
        }
    }
    found.into_iter().collect()
}

/// How many of [`from_elements`]'s groups, microdata included, are also
/// searched outside the header (the author-page link is read in the header
/// only).
const WHOLE_PAGE_GROUPS: usize = 5;

/// Class or id parts that mark the name in a date line as the source or
/// the publisher, not a person (`<span class="provider-name">`).
const NOT_PERSON_MARKS: &[&str] = &["provider", "publisher", "source", "brand", "site", "channel", "category"];

/// A short line of a date and a name ("11.12.2019 - Jane Doe") whose parts
/// are not marked as the source or the publisher.
fn is_date_line(n: &NodeRef) -> bool {
    !matches!(tag(n).as_str(), "script" | "style" | "body" | "html" | "ul" | "ol" | "time")
        && short_spaced_text(n, DATE_LINE_MAX).is_some_and(|t| date_line_name(&t).is_some())
        && !std::iter::once(*n).chain(n.descendants_it()).any(|d| {
            let marks = class_id(&d);
            NOT_PERSON_MARKS.iter().any(|m| marks.contains(m))
        })
}

/// Whether `n` is the innermost short line that credits people after a
/// short lead ([`mid_line_people`]).
fn is_mid_line_credit(n: &NodeRef) -> bool {
    mid_line_people(n).is_some()
}

/// The people of `n` when it is the innermost short line that credits
/// them after a short lead ([`mid_line_credit`]).
fn mid_line_people(n: &NodeRef) -> Option<Vec<Author>> {
    let line = |node: &NodeRef| short_spaced_text(node, DATE_LINE_MAX).and_then(|t| mid_line_credit(&t));
    // A headline may read as one ("… Implied by Functional Programs").
    if matches!(tag(n).as_str(), "script" | "style" | "body" | "html" | "a" | "ul" | "ol" | "li" | "h1" | "h2" | "h3") {
        return None;
    }
    let people = line(n)?;
    (!n.children_it(false).any(|c| c.is_element() && line(&c).is_some())).then_some(people)
}

/// `itemprop=author`, or its RDFa forms: `property="author"`
/// (`schema:author`) and Drupal's `rel="sioc:has_creator"`.
fn is_microdata_author(n: &NodeRef) -> bool {
    n.attr("itemprop").is_some_and(|p| p.split_whitespace().any(|w| w == "author" || w == "creator"))
        || n.attr("property").is_some_and(|p| {
            p.split_whitespace()
                .any(|w| matches!(w.rsplit(':').next(), Some("author" | "creator")) && !w.contains("article:"))
        })
        || n.attr("rel").is_some_and(|r| r.split_whitespace().any(|w| w == "sioc:has_creator"))
}

/// The header (the headline at index `headline` of `all`, and what
/// follows it) first, then the whole page; in each, the groups in order
/// (on the whole page, the first `whole_page_groups` only).
fn search(
    all: &[NodeRef<'_>],
    headline: Option<usize>,
    groups: &[Group],
    whole_page_groups: usize,
    by_tag: bool,
    ctx: &Context,
) -> Found {
    let windows: Vec<(usize, usize)> = match headline {
        Some(h) => vec![(h, (h + HEADER_WINDOW).min(all.len())), (0, all.len())],
        None => vec![(0, all.len())],
    };
    let headline_node = headline.map(|h| all[h]);
    for (window, (from, to)) in windows.into_iter().enumerate() {
        let whole_page = window == 1 || headline.is_none();
        for (evidence, matches) in groups.iter().take(if whole_page { whole_page_groups } else { groups.len() }) {
            let to = if *evidence == Evidence::DateLine { to.min(from + DATE_LINE_WINDOW) } else { to };
            let authors = first_byline(&all[from..to], *matches, headline_node.as_ref(), by_tag, ctx);
            if !authors.is_empty() {
                return Found { near_headline: !whole_page, ..Found::new(authors, *evidence) };
            }
        }
    }
    Found::nothing()
}

/// The people of the first element matching `matches` that names any, and
/// of the matching elements in the same byline block.
fn first_byline(
    nodes: &[NodeRef<'_>],
    matches: &dyn Fn(&NodeRef) -> bool,
    headline: Option<&NodeRef<'_>>,
    by_tag: bool,
    ctx: &Context,
) -> Vec<Author> {
    let mut used: Vec<NodeRef<'_>> = Vec::new();
    let mut block: Option<NodeRef<'_>> = None;
    let mut found: Vec<Author> = Vec::new();
    for node in nodes {
        if !matches(node) || used.iter().any(|u| node.ancestors_it(None).any(|a| a.id == u.id)) {
            continue;
        }
        if let Some(b) = &block {
            if !node.ancestors_it(None).any(|a| a.id == b.id) {
                continue;
            }
        } else if in_other_block(node, headline, by_tag) {
            continue;
        }
        let people = ctx.keep_people(read_author_element(node));
        if people.is_empty() {
            continue;
        }
        used.push(*node);
        if block.is_none() {
            block = byline_block(node);
        }
        for p in people {
            if !found.iter().any(|f| comparable(&f.name) == comparable(&p.name)) {
                found.push(p);
            }
        }
        if block.is_none() {
            break;
        }
    }
    match block {
        Some(line) => with_unmarked_people(found, &line, ctx),
        None => found,
    }
}

/// `found` (the people of the marked elements in a byline's `line`), or
/// the line's own people when it is a credit line that names them all and
/// more: "By <a rel="author">Harriet Alexander</a>, <span>Andrew Marszal
/// and Josie Ensor</span>" links its first author alone. Roles found on
/// the marked elements are kept.
fn with_unmarked_people(found: Vec<Author>, line: &NodeRef, ctx: &Context) -> Vec<Author> {
    if found.is_empty() || !is_by_line(line) {
        return found;
    }
    let mut people = ctx.keep_people(read_author_element(line));
    if !names_them_and_more(&people, &found) {
        return found;
    }
    fill_roles(&mut people, found.iter());
    people
}

/// The smallest ancestor of a byline element that holds the whole byline
/// line ("By A and B"): the nearest one with more letters than the
/// element, when its text is short. An ancestor that only adds
/// punctuation (`<span><a rel="author">A</a>, </span>`) holds one name of
/// the line, not the line.
fn byline_block<'a>(node: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let letters = |n: &NodeRef| text_of(n).chars().filter(|c| c.is_alphanumeric()).count();
    let own = letters(node);
    node.ancestors_it(None)
        .take(3)
        .find(|a| letters(a) > own)
        .filter(|a| text_of(a).chars().count() <= 200 && tag(a) != "body")
}

/// `is_by_line(node) || is_label_only(node)`, reading the text once: a
/// label-only text is the same text read no further than 30 characters.
fn is_credit_line(node: &NodeRef) -> bool {
    let name = tag(node);
    if matches!(name.as_str(), "script" | "style" | "body" | "html") {
        return false;
    }
    let Some(whole) = short_spaced_text(node, BY_LINE_MAX) else { return false };
    let text = after_separator(&whole);
    if text.is_empty() || !opens_with_credit_label(text) {
        return false;
    }
    let label_only = whole.chars().filter(|c| !c.is_whitespace()).count() <= 30 && strip_label(text).is_empty();
    // A list item is a line of a meta list when its label has a colon
    // (`<li>Von: <a>Jane Doe</a>, <a>Tom Ray</a></li>`); "By Jane Doe" in a
    // list item is more often a teaser's.
    let line_tag = match name.as_str() {
        "a" | "ul" | "ol" => false,
        "li" => has_colon_label(text),
        _ => true,
    };
    label_only || (line_tag && !has_labelled_child(node))
}

/// Whether `text` opens with a credit label and a colon ("Von:", "Автор:").
fn has_colon_label(text: &str) -> bool {
    text.split_once(':').is_some_and(|(head, _)| has_label(head.trim()) && strip_label(head.trim()).is_empty())
}

/// Whether a child element of `node` holds a credit label of its own (the
/// innermost "By …" element is the line).
fn has_labelled_child(node: &NodeRef) -> bool {
    node.children_it(false).any(|c| {
        c.is_element() && short_spaced_text(&c, BY_LINE_MAX).is_some_and(|t| t.chars().count() > 3 && has_label(&t))
    })
}

/// A short element whose text starts with a credit label ("By", "Автор:",
/// "Müəllif:"), the innermost such element.
fn is_by_line(node: &NodeRef) -> bool {
    if matches!(tag(node).as_str(), "script" | "style" | "a" | "li" | "ul" | "ol" | "body" | "html") {
        return false;
    }
    let Some(text) = short_spaced_text(node, BY_LINE_MAX) else { return false };
    let text = after_separator(&text);
    if text.is_empty() || !has_label(text) {
        return false;
    }
    !has_labelled_child(node)
}

/// Whether `text` opens with a credit label, not with a sentence that
/// starts like one: "By" and a word in lower case ("By clicking Submit,
/// you agree to the <a>Privacy Policy</a>") is no credit.
fn opens_with_credit_label(text: &str) -> bool {
    has_label(text) && !strip_label(text).starts_with(char::is_lowercase)
}

/// An element that holds only a credit label ("Autor:", "By"), its value
/// in the text after it: `<h5>Autor: </h5>Peter Maahn`.
fn is_label_only(node: &NodeRef) -> bool {
    if matches!(tag(node).as_str(), "script" | "style" | "body" | "html") {
        return false;
    }
    short_spaced_text(node, 30).is_some_and(|t| {
        let t = after_separator(&t);
        !t.is_empty() && has_label(t) && strip_label(t).is_empty()
    })
}

/// The text after the separators that sites print between the parts of a
/// meta line ("| By", "· Autor:"), so that the label is seen.
fn after_separator(text: &str) -> &str {
    text.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '|' | '·' | '•' | '/' | '–' | '—'))
}

/// The text after a label-only element up to the next line break or block:
/// the credit that the label names.
fn label_value(node: &NodeRef) -> Option<String> {
    if let Some(cell) = value_cell(node) {
        return Some(cell);
    }
    let mut parts: Vec<String> = Vec::new();
    let mut next = node.next_sibling();
    while let Some(n) = next {
        if n.is_element() {
            if matches!(tag(&n).as_str(), "br" | "p" | "div" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "ul" | "li")
                || is_label_only(&n)
            {
                break;
            }
            parts.push(short_spaced_text(&n, BY_LINE_MAX)?);
        } else if n.is_text() {
            parts.push(n.text().to_string());
        }
        next = n.next_sibling();
    }
    let text = squash(&parts.join(" "));
    (!text.is_empty() && text.chars().count() <= BY_LINE_MAX).then_some(text)
}

/// The value cell of a credit list's label cell: `<div class="credit"><div>Text</div><div>Jane
/// Doe</div></div>`, the label's parent holding just the two, the value short.
fn value_cell(label: &NodeRef) -> Option<String> {
    let parent = label.parent()?;
    let cells: Vec<NodeRef> = parent.children_it(false).filter(|c| c.is_element()).collect();
    let [first, second] = cells.as_slice() else { return None };
    if first.id != label.id || !matches!(tag(second).as_str(), "div" | "span" | "p" | "dd" | "td" | "strong" | "b") {
        return None;
    }
    short_spaced_text(second, 60).filter(|t| !t.is_empty())
}

/// The longest "By …" line, in characters other than spaces.
const BY_LINE_MAX: usize = 150;

fn read_author_element(node: &NodeRef) -> Vec<Author> {
    if let Some(people) = mid_line_people(node) {
        return people;
    }
    if let Some(line) = short_spaced_text(node, DATE_LINE_MAX) {
        if let Some(name) = date_line_name(&line) {
            // "<p>By Jane Doe - 29 December 2014</p><p class="role">Digital Editor</p>".
            let role = node
                .next_element_sibling()
                .filter(is_role_element)
                .and_then(|next| role_text(&next))
                .or_else(|| role_of_next_element(node, name));
            return vec![Author::new(name, role)];
        }
    }
    if is_label_only(node) {
        return label_value(node).map(|v| people_in(&v)).unwrap_or_default();
    }
    // "Name<br>Role", "Автор: A<br>Фото: B": a short credit on several lines
    // is read line by line, never as one run of words.
    if has_descendant(node, &["br"]) && short_spaced_text(node, BY_LINE_MAX).is_some() {
        // "By Ken Hoyt<br>September/October 2010": a date's line is no credit's.
        let (lines, dated) = lines_without_stamps(node);
        if (2..=5).contains(&lines.len()) || (dated && lines.len() == 1) {
            let people = credit_lines(&lines);
            if !people.is_empty() {
                return people.into_iter().filter(|a| is_plausible_person(&a.name)).collect();
            }
        }
    }
    // In Drupal's "Submitted by" line the `.username` is the author.
    let submitted = is_submitted_line(node);
    let name_child = node.descendants_it().find(|d| {
        let marks = class_id(d);
        d.is_element()
            && (d.attr("itemprop").is_some_and(|p| p.as_ref() == "name")
                // RDFa: `property="schema:name"`, `foaf:name`.
                || d.attr("property").is_some_and(|p| p.split_whitespace().any(|w| w.rsplit(':').next() == Some("name")))
                || marks.split_whitespace().any(|c| c == "fn")
                || (has_name_class(&marks) && (!marks.contains("username") || submitted)))
    });
    if name_child.is_none() {
        // A "By …" line inside a larger byline block is the credit itself.
        if let Some(line) = node.descendants_it().find(|d| d.is_element() && is_by_line(d)) {
            return people_in(&without_stamp_lines(&line));
        }
        // "By <a>Jane Doe</a> <span>December 28, 2016</span>", "… ET by <a>Jane Doe</a>":
        // the links to the people's pages are the names.
        let linked: Vec<Author> = node
            .descendants_it()
            .filter(|d| d.is_element() && tag(d) == "a")
            .map(|a| text_of(&a))
            .filter(|t| is_name_shaped(t.trim_start_matches("By ").trim()))
            .flat_map(|t| credit(&t))
            .collect();
        let text = text_of(node);
        let plain = credit(&text);
        // `<li><a>Anna Lee</a></li><li><a>Tom Ray</a></li>` reads "Anna Lee Tom Ray":
        // more linked names than the text splits into are the people.
        if !linked.is_empty()
            && (plain.is_empty()
                || plain.iter().any(|a| !is_plausible_person(&a.name))
                || (linked.len() >= 2 && plain.len() < linked.len()))
        {
            let mut linked = linked;
            if let [only] = linked.as_mut_slice() {
                if only.role.is_none() {
                    only.role = role_before_separator(&text, &only.name);
                }
            }
            return linked;
        }
    }
    // The role element may sit beside the name's element in a short byline
    // line: `<span class="author"><a rel="author">Name</a></span>, <span class="author-role">Role</span>`.
    let short_line = |n: &NodeRef| short_spaced_text(n, 200).is_some();
    let role = find_role(node)
        .or_else(|| node.parent().filter(short_line).and_then(|p| find_role(&p)))
        // ...or be the short element right after the byline's line, when
        // the line sits in a large block (`<p>By <span>Name</span></p><span class="author-job">`).
        .or_else(|| {
            [Some(*node), node.parent()].into_iter().flatten().find_map(|n| {
                let next = n.next_element_sibling().filter(short_line)?;
                if is_role_element(&next) {
                    role_text(&next)
                } else {
                    find_role(&next)
                }
            })
        })
        .or_else(|| node.parent().and_then(|p| p.parent()).filter(short_line).and_then(|g| find_role(&g)))
        .or_else(|| name_child.and_then(|c| role_after_name(node, &text_or_content(&c))));
    if name_child.is_none() && tag(node) == "meta" {
        return credit(&text_or_content(node));
    }
    let mut authors = match name_child {
        // `<meta itemprop="name" content="Jane Doe">` carries its text in `content`.
        Some(child) => credit(&text_or_content(&child)),
        None => {
            let text = without_role_text(node, spaced_text(node));
            let text = name_without_buttons(node, &text).unwrap_or(text);
            if text.chars().count() > 150 {
                return Vec::new();
            }
            // "Jane Doe / TNN / Updated: Oct 9, 2019": the part after the names is not a name.
            let whole = people_in(&text);
            let inner = inner_author_people(node);
            if inner.len() > whole.len() {
                inner
            } else {
                marked_among_fields(node, &text, &whole).unwrap_or(whole)
            }
        }
    };
    if let [only] = authors.as_mut_slice() {
        let role = role
            .or_else(|| role_of_next_element(node, &only.name))
            .or_else(|| name_child.and_then(|child| role_after_name_element(&child, node, &only.name)))
            .or_else(|| role_in_name_block(node, &only.name));
        if let Some(role) = role.filter(|r| only.role.is_none() && comparable(r) != comparable(&only.name)) {
            only.role = Some(role);
        }
    }
    authors
}

/// The people set in bold among a line of fields split by " | ", when the
/// line's other fields read as names too: "<strong>Patricio Candia</strong>
/// | Palma de Mallorca | 08/01/2014" names one person, not the city. The
/// bold marks the name; `whole` is every person `text` (the line) names.
fn marked_among_fields(node: &NodeRef, text: &str, whole: &[Author]) -> Option<Vec<Author>> {
    if whole.len() < 2 || !text.contains(" | ") {
        return None;
    }
    let marked: Vec<Author> = node
        .descendants_it()
        .filter(|d| d.is_element() && matches!(tag(d).as_str(), "strong" | "b"))
        .flat_map(|d| people_in(&spaced_text(&d)))
        .collect();
    let in_whole = |a: &Author| whole.iter().any(|w| comparable(&w.name) == comparable(&a.name));
    (!marked.is_empty() && marked.len() < whole.len() && marked.iter().all(in_whole)).then_some(marked)
}

/// The text of `node` without its lines (split by `<br>`) that are a date
/// or a reading time: "By Ken Hoyt<br>September/October 2010" credits Ken Hoyt.
fn without_stamp_lines(node: &NodeRef) -> String {
    if !has_descendant(node, &["br"]) {
        return spaced_text(node);
    }
    match lines_without_stamps(node) {
        (kept, true) if kept.len() == 1 => kept.into_iter().collect(),
        _ => spaced_text(node),
    }
}

/// The lines of `node` (split by `<br>`) that are not a date or a reading
/// time ([`is_stamp_line`]), and whether any line was one.
fn lines_without_stamps(node: &NodeRef) -> (Vec<String>, bool) {
    let lines = br_lines(node);
    let count = lines.len();
    let kept: Vec<String> = lines.into_iter().filter(|l| !is_stamp_line(l)).collect();
    let stamped = kept.len() < count;
    (kept, stamped)
}

/// The people a credit's `text` names ([`credit`]), persons only.
fn people_in(text: &str) -> Vec<Author> {
    credit(text).into_iter().filter(|a| is_plausible_person(&a.name)).collect()
}

/// The people of the first `.author` element inside a byline block
/// (`<div class="byline-section"><span class="author">A and B</span><span
/// class="publication">USA TODAY</span> Published …</div>`): the names
/// alone, without the outlet and date that follow them in the block's text.
fn inner_author_people(node: &NodeRef) -> Vec<Author> {
    let is_author = |d: &NodeRef| d.is_element() && has_class(d, "author");
    let Some(author) = node.descendants_it().find(is_author) else { return Vec::new() };
    people_in(&without_role_text(&author, spaced_text(&author)))
}

/// `found` with its one author's role, when the byline states none, from
/// an author card elsewhere on the page (a sidebar's or the article's
/// end): a heading that is the author's name and a role line right after
/// it ("<h3>Carrie Arnold</h3><p><em>Contributing Writer</em></p>").
fn with_card_role(mut found: Found, all: &[NodeRef]) -> Found {
    if let [only] = found.authors.as_mut_slice() {
        if only.role.is_none() {
            only.role = card_role(all, &only.name);
        }
    }
    found
}

/// The role that an author card's name naming `name` has on the line
/// after it ([`role_of_next_element`]): the name is a heading, a bold run
/// or a name element (`.author-name`), and the line after it may follow
/// the block the name fills alone ("<div><strong>Scott
/// Cunningham</strong></div><div>Senior Vice President …</div>").
fn card_role(all: &[NodeRef], name: &str) -> Option<String> {
    all.iter()
        .filter(|n| {
            matches!(tag(n).as_str(), "h2" | "h3" | "h4" | "h5" | "h6" | "strong" | "b") || has_name_class(&class_id(n))
        })
        .filter(|n| short_spaced_text(n, CARD_NAME_MAX).is_some_and(|t| same_person(&t, name)))
        .find_map(|n| {
            role_of_next_element(n, name).or_else(|| {
                let parent = n
                    .parent()
                    .filter(|p| short_spaced_text(p, CARD_NAME_MAX).is_some_and(|t| same_person(&t, name)))?;
                role_of_next_element(&parent, name)
            })
        })
}

/// The most characters of an author card's heading read as a name.
const CARD_NAME_MAX: usize = 80;

/// The role in the element right after the name's own element, or after
/// an element around it inside the byline element `node`:
/// `<div itemprop="author"><a rel="author"><span itemprop="name">By Lucy
/// Akins</span></a><div>eHow Contributor</div></div>` ([`role_of_next_element`]).
fn role_after_name_element(name_element: &NodeRef, node: &NodeRef, name: &str) -> Option<String> {
    std::iter::once(*name_element)
        .chain(name_element.ancestors_it(None))
        .take_while(|n| n.id != node.id)
        .find_map(|n| role_of_next_element(&n, name))
}

/// `text` (the text of `node`) without the text of the role elements in
/// `node`: `<span class="author">Jane Doe</span><span class="role">Health
/// Reporter</span>` names Jane Doe, not "Jane Doe Health".
fn without_role_text(node: &NodeRef, text: String) -> String {
    without_text_of(node, text, is_role_element)
}

/// An author card's name without its buttons ("<h4>Jane Doe</h4><a
/// class="button">Follow</a>"), when what is left is a name and nothing
/// more.
fn name_without_buttons(node: &NodeRef, text: &str) -> Option<String> {
    let name = without_text_of(node, text.to_string(), is_button);
    (name.len() < text.len() && is_name_shaped(&name)).then_some(name)
}

/// `text` (the text of `node`) without the text of the elements in `node`
/// that `drop` picks.
fn without_text_of(node: &NodeRef, text: String, drop: impl Fn(&NodeRef) -> bool) -> String {
    let mut text = text;
    for dropped in node.descendants_it().filter(|d| d.is_element() && drop(d)) {
        let dropped_text = spaced_text(&dropped);
        if !dropped_text.is_empty() {
            text = squash(&text.replacen(&dropped_text, " ", 1));
        }
    }
    text
}

/// Whether the element is a button: `<button>`, `role=button`, or a
/// `button`/`btn` class word (`<a class="button tiny">Follow</a>`).
fn is_button(node: &NodeRef) -> bool {
    tag(node) == "button"
        || node.attr("role").is_some_and(|r| r.eq_ignore_ascii_case("button"))
        || node.attr("class").is_some_and(|c| c.split_whitespace().any(|w| matches!(w, "button" | "btn")))
}

/// Whether class and id words `marks` mark a name (`.author-name`,
/// `.name`); never Drupal's field markers (`field--name-field-autorenbild`,
/// `field-name-body`), which name the field, not a person.
fn has_name_class(marks: &str) -> bool {
    marks
        .split_whitespace()
        .any(|c| c.contains("name") && !c.starts_with("field--name-") && !c.starts_with("field-name-"))
}

/// The element's text, or its `content` attribute when it has none.
fn text_or_content(node: &NodeRef) -> String {
    let text = text_of(node);
    if text.is_empty() {
        node.attr("content").map(|c| squash(&c)).unwrap_or_default()
    } else {
        text
    }
}

/// Whether the element holds a role: a role class (`.author-post`,
/// `.author__position`, `.author-job`) or `itemprop=jobTitle`.
fn is_role_element(node: &NodeRef) -> bool {
    let marks = class_id(node);
    // CSS utilities (`position-relative`) say where a box sits, not a job.
    let layout = ["position-relative", "position-absolute", "position-static", "position-fixed", "position-sticky"];
    marks.split_whitespace().any(|c| !layout.contains(&c) && ROLE_MARKS.iter().any(|m| c.contains(m)))
        || node.attr("itemprop").is_some_and(|p| p.split_whitespace().any(|w| w.eq_ignore_ascii_case("jobtitle")))
}

fn find_role(node: &NodeRef) -> Option<String> {
    node.descendants_it()
        // A heading is a post's title (`<h2 class="cb-post-title">` of a teaser), never a job.
        .filter(|d| d.is_element() && !matches!(tag(d).as_str(), "h1" | "h2" | "h3") && is_role_element(d))
        .find_map(|d| role_text(&d))
}

/// The role a role element states, when it reads as one (not empty, not a
/// paragraph, with letters).
fn role_text(node: &NodeRef) -> Option<String> {
    Some(clean_role(&text_or_content(node)))
        .filter(|t| !t.is_empty() && t.chars().count() <= 120 && t.chars().any(char::is_alphabetic))
}

/// The role written after the name in a byline's text, up to the
/// separator that leads to the date: "by <a>Jeff Foust</a>, SpaceNews
/// Writer | December 12, 2014 03:20pm ET".
fn role_before_separator(text: &str, name: &str) -> Option<String> {
    let rest = after_name_and_separator(text, name, &[","])?;
    let role = rest.split(['|', '·', '•']).next()?.trim();
    role_line(name, role).filter(|_| has_role_word(role))
}

/// The role written after the name in the same element: "<a>Name</a>,
/// Role", "<span>Name</span> — Role". Only after a comma or a dash, and
/// never a date, a time or a "Follow" button.
fn role_after_name(node: &NodeRef, name: &str) -> Option<String> {
    let text = spaced_text(node);
    let rest = after_name_and_separator(&text, name, &[",", "—", "–", "- "])?;
    let role = clean_role(rest);
    let words = role.split_whitespace().count();
    let ok = (1..=8).contains(&words)
        && !role.chars().any(|c| c.is_ascii_digit() || matches!(c, '|' | '@' | '/'))
        && role.chars().next().is_some_and(char::is_alphabetic)
        && !byline_feeds::credit::is_agency(&role)
        && parse_credit(&role).iter().all(|a| !is_name_shaped(&a.name));
    ok.then_some(role)
}

/// What follows `name` in `text` after one of `separators`, the first
/// found: "Jane Doe, Health Reporter | May 2" → "Health Reporter | May 2".
fn after_name_and_separator<'a>(text: &'a str, name: &str, separators: &[&str]) -> Option<&'a str> {
    let name = name.trim();
    let at = text.find(name)?;
    let rest = text[at + name.len()..].trim_start();
    separators.iter().find_map(|separator| rest.strip_prefix(separator))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::byline::names::test_context;

    fn names(authors: &[Author]) -> Vec<(&str, Option<&str>)> {
        authors.iter().map(|a| (a.name.as_str(), a.role.as_deref())).collect()
    }

    #[test]
    fn a_word_before_the_job_belongs_to_the_role() {
        // forbes.com: the byline's role sits beside the linked name.
        let doc = Document::from(
            r#"<body><h1>HackerRank</h1><div class="contrib-byline"><span class="fs-author-name">
               <a class="contrib-link--name" href="/sites/georgeanders/">George Anders</a>
               <div class="contrib-label-container"><span class="contrib-byline-type">Former Contributor</span></div>
               </span></div><p>Text.</p></body>"#,
        );
        let found = from_elements(&doc, "HackerRank", &test_context());
        assert_eq!(names(&found.authors), [("George Anders", Some("Former Contributor"))]);
    }

    #[test]
    fn a_credit_line_names_the_people_its_first_link_leaves_out() {
        let doc = Document::from(
            r#"<body><h1>AirAsia plane found</h1><p class="bylineBody">By <a rel="author" href="/journalists/ha/">
               Harriet Alexander</a>, <span>Andrew Marszal and Josie Ensor</span></p><p>Text.</p></body>"#,
        );
        let found = from_elements(&doc, "AirAsia plane found", &test_context());
        assert_eq!(
            names(&found.authors),
            [("Harriet Alexander", None), ("Andrew Marszal", None), ("Josie Ensor", None)]
        );
        // A line that names someone else beside the link is not read.
        let doc = Document::from(
            r#"<body><h1>Plane found</h1><p class="meta"><a rel="author" href="/a/">Harriet Alexander</a>
               | Asia | 3 comments</p><p>Text.</p></body>"#,
        );
        let found = from_elements(&doc, "Plane found", &test_context());
        assert_eq!(names(&found.authors), [("Harriet Alexander", None)]);
    }

    #[test]
    fn element_bylines_with_position_neighbour() {
        let doc = Document::from(
            r#"<body><div class="byline">20.11.2026 | 14:35</div><div class="article-author"><img class="author-photo" src="x">
               <span class="author-name">Ольга Смирнова</span><span class="author-position">обозреватель</span></div></body>"#,
        );
        assert_eq!(
            names(&from_elements(&doc, "", &test_context()).authors),
            [("Ольга Смирнова", Some("обозреватель"))]
        );
        let doc =
            Document::from(r#"<body><span class="author vcard"><a rel="author" href="/a">admin</a></span></body>"#);
        assert!(from_elements(&doc, "", &test_context()).authors.is_empty());
    }

    #[test]
    fn the_post_footer_of_the_headline_s_post_is_read_past_its_post_header() {
        let doc = Document::from(
            r#"<body><article class="post"><header class="post-header"><h1>Mozart's marks</h1></header>
               <div class="entry"><p>Text.</p></div><footer class="post-footer"><span class="author">Posted by
               <a rel="author" class="url fn" href="/author/gwk">Günter W. Kienitz</a></span></footer></article>
               <footer class="site-footer"><a rel="author" href="/author/x">Site Owner</a></footer></body>"#,
        );
        let found = from_elements(&doc, "Mozart's marks", &test_context());
        assert_eq!(names(&found.authors), [("Günter W. Kienitz", None)]);
    }

    #[test]
    fn a_label_after_a_separator_names_the_next_element() {
        let doc = Document::from(
            r#"<body><h1>Woman sees a car stop</h1><div class="meta"><span>yas!</span><span class="sr">| By </span>
               <span>Cara Stiles</span> | <time>April 13, 2020</time></div></body>"#,
        );
        let found = from_elements(&doc, "Woman sees a car stop", &test_context());
        assert_eq!(names(&found.authors), [("Cara Stiles", None)]);
    }

    #[test]
    fn a_labelled_item_of_the_header_s_meta_list_names_the_authors() {
        let doc = Document::from(
            r#"<body><h1>Rumours about the virus return</h1><ul class="list-informations"><li>Published on 13 May 2026</li>
               <li>Von: <span class="person-link"><a href="/bill-mccarthy">Bill MCCARTHY</a>, </span>
               <span class="person-link"><a href="/marisha-goldhamer">Marisha GOLDHAMER</a></span></li>
               <li>Übersetzung und Adaptierung: <a href="/afp-deutschland">AFP Deutschland</a></li></ul><p>Text.</p></body>"#,
        );
        let found = from_elements(&doc, "Rumours about the virus return", &test_context());
        assert_eq!(names(&found.authors), [("Bill MCCARTHY", None), ("Marisha GOLDHAMER", None)]);
        // Without a colon, "By …" in a list item is a teaser's line, not a label.
        let doc = Document::from(
            r#"<body><h1>Rumours about the virus return</h1><ul><li>By Mark Stone</li></ul><p>Text.</p></body>"#,
        );
        assert!(from_elements(&doc, "Rumours about the virus return", &test_context()).is_empty());
    }

    #[test]
    fn a_teaser_article_in_a_stream_under_the_headline_is_another_story() {
        let doc = Document::from(
            r#"<body><div class="head"><h1>Trump posts another picture</h1></div><main><p>Text of the story.</p>
               <div class="stream"><div><article><span>Newsblog</span><a href="/other">"Unacceptable": Trump goes after the Pope again</a>
               <div><span>Von </span><span class="font-bold">Julian Seiferth</span>, <span class="font-bold">Charlotta Siemer</span></div>
               </article></div></div></main></body>"#,
        );
        assert!(from_elements(&doc, "Trump posts another picture", &test_context()).is_empty());
        // Nor when the teaser's `<article>` is itself marked as the authors' area.
        let doc = Document::from(
            r#"<body><h1>Trump posts another picture</h1><p>Text of the story.</p><div class="stream">
               <article class="grid [grid-template-areas:content_authors]"><a href="/other">"Unacceptable": Trump goes after the Pope again</a>
               <div>Von <span>Julian Seiferth</span></div></article></div></body>"#,
        );
        assert!(from_elements(&doc, "Trump posts another picture", &test_context()).is_empty());
        // The story's own `<article>`, long with its text, is read.
        let text = "The council met on Tuesday and approved the budget after a long debate. ".repeat(8);
        let doc = Document::from(
            format!(r#"<body><div class="head"><h1>Council passes budget</h1></div><article><div>Von <span>Jane Doe</span></div>
               <p>{text} <a href="/more">Read the whole budget document here today</a></p></article></body>"#)
            .as_str(),
        );
        assert_eq!(names(&from_elements(&doc, "Council passes budget", &test_context()).authors), [("Jane Doe", None)]);
    }

    #[test]
    fn the_h1_with_the_title_is_the_headline_and_a_name_before_a_date_line_is_read() {
        let menu = "<li><a href=\"/x\">Section</a></li>".repeat(30);
        let doc = Document::from(
            format!(
                r#"<body><div class="sticky"><h3>Charging stations pass 11,000</h3></div><ul>{menu}</ul>
                   <h1>Charging stations pass 11,000</h1><h4>The minister said so.</h4><div class="row">
                   <span>Sehernur Karsu &nbsp;|</span> <span class="tarih">05.04.2025 - Güncelleme : 05.04.2025</span></div><p>Text.</p></body>"#
            )
            .as_str(),
        );
        let found = from_elements(&doc, "Charging stations pass 11,000", &test_context());
        assert_eq!(names(&found.authors), [("Sehernur Karsu", None)]);
        assert_eq!(found.evidence, Evidence::DateLine);
    }

    #[test]
    fn a_teaser_s_post_title_heading_is_not_its_author_s_role() {
        let doc = Document::from(
            r#"<body><h1>Meet the artist</h1><div class="cb-looper"><div class="cb-meta"><h2 class="cb-post-title"><a href="/x">Actors Strike Over As Tentative Agreement Reached</a></h2>
               <span itemprop="author"><span itemprop="name">Shana Nys Dambrot</span></span></div></div><p>Text.</p></body>"#,
        );
        assert_eq!(
            names(&from_elements(&doc, "Meet the artist", &test_context()).authors),
            [("Shana Nys Dambrot", None)]
        );
        // Nor the role of anyone in the large block that holds hidden microdata.
        let teasers = r#"<div class="cb-meta"><div class="cb-post-title">Actors Strike Over As Tentative Agreement Reached</div><p>A teaser's text that goes on for a while about the strike and the studios.</p></div>"#.repeat(3);
        let doc = Document::from(
            format!(r#"<body><div class="page">{teasers}<span itemprop="author"><meta itemprop="name" content="Shana Nys Dambrot"></span>
               <h1>Meet the artist</h1><p>Text.</p></div></body>"#)
            .as_str(),
        );
        assert_eq!(
            names(&from_elements(&doc, "Meet the artist", &test_context()).authors),
            [("Shana Nys Dambrot", None)]
        );
    }

    #[test]
    fn an_h1_repeating_the_title_inside_a_blog_post_is_not_its_headline() {
        let doc = Document::from(
            r#"<body><h1>Emacspeak</h1><div class="post hentry"><h3 class="post-title">Meta-Programming In Emacs</h3>
               <div class="post-body entry-content"><h1>Meta-Programming In Emacs</h1><p>Text.</p></div>
               <div class="post-footer"><span itemprop="author"><span itemprop="name">T. V. Raman</span></span></div></div></body>"#,
        );
        assert_eq!(
            names(&from_elements(&doc, "Meta-Programming In Emacs", &test_context()).authors),
            [("T. V. Raman", None)]
        );
    }

    #[test]
    fn the_author_element_inside_a_byline_block_holds_every_name() {
        let doc = Document::from(
            r#"<h1>Officers charged</h1><div class="byline-section"><div class="attribution"><span class="author">Kevin Johnson and Kevin McCoy</span> <span class="publication">USA TODAY</span></div><div class="publish-date">Published 7:07 PM EST Nov 19, 2019</div></div><p>Text.</p>"#,
        );
        let found = from_elements(&doc, "Officers charged", &test_context());
        assert_eq!(names(&found.authors), [("Kevin Johnson", None), ("Kevin McCoy", None)]);
    }

    #[test]
    fn a_role_after_a_separator_in_the_next_element() {
        let doc = Document::from(
            r#"<h1>Woman charged</h1><p><span class="articleByline">BY SARAH BURGE</span><span class="articleSource"> / STAFF WRITER</span></p><p>Text.</p>"#,
        );
        let found = from_elements(&doc, "Woman charged", &test_context());
        assert_eq!(names(&found.authors), [("Sarah Burge", Some("Staff Writer"))]);
    }

    #[test]
    fn a_role_in_the_element_after_a_date_line() {
        let doc = Document::from(
            r#"<h1>Lady Gaga selfies</h1><div id="contributor" class="clearfix"><img src="x.jpg" alt="Jessica Vince"><div class="author-container"><p>By <a href="/author/jessica-vince">Jessica Vince</a> - 29 December 2014</p><p class="role">Digital Editor</p></div></div><p>Text.</p>"#,
        );
        let found = from_elements(&doc, "Lady Gaga selfies", &test_context());
        assert_eq!(names(&found.authors), [("Jessica Vince", Some("Digital Editor"))]);
    }

    #[test]
    fn a_role_between_a_linked_name_and_the_date() {
        let doc = Document::from(
            r#"<div class="content_title"><h1>NASA Receives Money</h1></div><div class="by_line_date">by <a href="/contact_author.php?a=U21W">Jeff Foust</a>, SpaceNews Writer&nbsp;&nbsp; | &nbsp;&nbsp;December 12, 2014 03:20pm ET</div><p>Text.</p>"#,
        );
        let found = from_elements(&doc, "NASA Receives Money", &test_context());
        assert_eq!(names(&found.authors), [("Jeff Foust", Some("SpaceNews Writer"))]);
    }

    #[test]
    fn links_in_a_line_of_picture_credits_are_no_byline() {
        let doc = Document::from(
            r#"<h1>Gift guide</h1><p>Text of the guide.</p><p><small>(Image credits: <a href="/authors/henry">Henry Chen</a>; <a href="/authors/carrie">Carrie McBride</a>)</small></p>"#,
        );
        let found = from_elements(&doc, "Gift guide", &test_context());
        assert!(found.authors.is_empty(), "{:?}", names(&found.authors));
    }

    #[test]
    fn a_role_from_the_author_card_elsewhere_on_the_page() {
        let page = |role: &str| {
            Document::from(format!(
                r#"<h1>Cells taste danger</h1><h6 class="byline">By <a href="/authors/ca/">Carrie Arnold</a></h6><p>Text.</p><aside><a href="/authors/ca/"><h3>Carrie Arnold</h3><p><em>{role}</em></p></a></aside>"#
            ).as_str())
        };
        let found = from_elements(&page("Contributing Writer"), "Cells taste danger", &test_context());
        assert_eq!(names(&found.authors), [("Carrie Arnold", Some("Contributing Writer"))]);
        let found = from_elements(&page("November 15, 2019"), "Cells taste danger", &test_context());
        assert_eq!(names(&found.authors), [("Carrie Arnold", None)], "a date is no role");
    }

    #[test]
    fn a_role_from_an_author_card_whose_name_is_bold_or_a_name_element() {
        let page = |card: &str| {
            Document::from(
                format!(r#"<h1>Ad UX</h1><p class="byline">By <a href="/authors/sc/">Sam Cole</a></p><p>Text.</p><aside>{card}</aside>"#)
                    .as_str(),
            )
        };
        let found = from_elements(
            &page(
                r#"<div class="author__text"><strong>Sam Cole</strong></div><div>Senior Vice President of Technology</div>"#,
            ),
            "Ad UX",
            &test_context(),
        );
        assert_eq!(names(&found.authors), [("Sam Cole", Some("Senior Vice President of Technology"))]);
        let found = from_elements(
            &page(
                r#"<div class="staff_name"><a href="/authors/sc/">Sam Cole</a></div><div class="staff_position">Editor</div>"#,
            ),
            "Ad UX",
            &test_context(),
        );
        assert_eq!(names(&found.authors), [("Sam Cole", Some("Editor"))]);
    }

    #[test]
    fn a_role_in_the_bare_text_after_the_byline_element() {
        let doc = Document::from(
            r#"<h1>Court rules</h1><font size="2"><div id="byline">By <a href="/staff/rb/">Robert Barnes</a></div>
            Washington Post Staff Writer<br>Wednesday, December 8, 2010; 10:37 PM</font><p>Text.</p>"#,
        );
        let found = from_elements(&doc, "Court rules", &test_context());
        assert_eq!(names(&found.authors), [("Robert Barnes", Some("Washington Post Staff Writer"))]);
    }

    #[test]
    fn the_interviewer_credited_under_an_interview_is_the_author() {
        let doc = Document::from(
            r#"<h1>Atom</h1><p>Text text.</p><p class="ArticleSrc">Das Gespräch führte <b>Jordan Mejias</b>.<br><br>
            Text: F.A.Z.<br>Bildmaterial: dapd, picture-alliance / Frank May<br></p>"#,
        );
        let found = from_elements(&doc, "Atom", &test_context());
        assert_eq!(names(&found.authors), [("Jordan Mejias", None)]);
    }

    #[test]
    fn a_date_on_the_line_after_the_name_is_no_part_of_it() {
        let doc = Document::from(
            r#"<h1>Ghostly lanterns</h1><div class="article-byline"><div class="article-issue">By Ken Hoyt<br>
            September/October 2010</div><div class="social">Share this on Facebook, Twitter and by e-mail to a friend today</div></div><p>Text.</p>"#,
        );
        let found = from_elements(&doc, "Ghostly lanterns", &test_context());
        assert_eq!(names(&found.authors), [("Ken Hoyt", None)]);
    }

    #[test]
    fn a_role_in_the_element_after_the_name_s_link_inside_the_microdata_author() {
        let doc = Document::from(
            r#"<h1>How to Build a Terrarium</h1><div itemprop="author" itemscope itemtype="http://schema.org/Person"><div class="meta">
            <a class="byline" rel="author" href="/contributor/lucy_akins/"><span itemprop="name">By Lucy Akins</span></a>
            <div class="nb-byline">eHow Contributor</div></div></div><p>Text.</p>"#,
        );
        let found = from_elements(&doc, "How to Build a Terrarium", &test_context());
        assert_eq!(names(&found.authors), [("Lucy Akins", Some("eHow Contributor"))]);
    }

    #[test]
    fn the_bold_name_among_fields_split_by_bars_is_the_author() {
        let page = |line: &str| {
            Document::from(format!(r#"<h1>La Infanta</h1><p class="autor">{line}</p><p>Texto.</p>"#).as_str())
        };
        let found = from_elements(
            &page("<strong>Patricio Candia</strong> | Palma de Mallorca | 08/01/2014"),
            "La Infanta",
            &test_context(),
        );
        assert_eq!(names(&found.authors), [("Patricio Candia", None)], "the city is no second author");
        let found =
            from_elements(&page("<b>Ana Ruiz</b> | <b>Luis Gil</b> | 08/01/2014"), "La Infanta", &test_context());
        assert_eq!(names(&found.authors), [("Ana Ruiz", None), ("Luis Gil", None)], "each bold name is one");
    }

    #[test]
    fn co_authors_each_in_a_span_with_a_comma_are_one_byline() {
        let doc = Document::from(
            r#"<h1>Moon landers</h1><p class="byline">By <span class="by-author"><a href="/author/a" rel="author">Tariq Malik</a>, </span><span class="by-author"><a href="/author/b" rel="author">Mike Wall</a></span> <time>2019-11-18</time></p><p>Text.</p>"#,
        );
        let found = from_elements(&doc, "Moon landers", &test_context());
        assert_eq!(names(&found.authors), [("Tariq Malik", None), ("Mike Wall", None)]);
    }

    #[test]
    fn an_author_card_over_the_headline_names_the_author() {
        let page = |card: &str| {
            let doc = Document::from(
                format!(r#"<body><div class="card">{card}</div><h1>Kansas data exchange</h1><p>Text.</p></body>"#)
                    .as_str(),
            );
            from_elements(&doc, "Kansas data exchange", &test_context())
        };
        let found = page(
            r#"<div class="avatar"><a href="/news/author/46811"><img src="a.jpg"></a></div>
               <div class="title"><a href="/news/author/46811"><span>Erin McCann,</span></a> Associate Editor</div>"#,
        );
        assert_eq!(names(&found.authors), [("Erin McCann", Some("Associate Editor"))]);
        assert_eq!(found.evidence, Evidence::AuthorPageLink);
        // Links to several people's pages are a list, not the byline.
        assert!(page(r#"<a href="/authors/jd">Jane Doe</a> <a href="/authors/tr">Tom Ray</a>"#).is_empty());
    }

    #[test]
    fn a_contributor_class_names_the_author() {
        let doc = Document::from(
            r#"<body><h1>Rivers rise in spring</h1><div class="article-contributor"><span>Maria Lopez</span></div>
               <p>Text.</p></body>"#,
        );
        let found = from_elements(&doc, "Rivers rise in spring", &test_context());
        assert_eq!(names(&found.authors), [("Maria Lopez", None)]);
        assert_eq!(found.evidence, Evidence::AuthorClass);
    }

    #[test]
    fn an_author_page_link_with_a_marked_name_among_other_text() {
        let doc = Document::from(
            r#"<body><h1>Forest roads closed</h1><div><a href="/autoren/kathrin-fuehres-1"><span class="copyright">© Kathrin Führes</span>
               <span itemprop="name">Kathrin Führes</span></a></div><p>Text.</p></body>"#,
        );
        let found = from_elements(&doc, "Forest roads closed", &test_context());
        assert_eq!(names(&found.authors), [("Kathrin Führes", None)]);
    }

    #[test]
    fn a_credit_list_of_label_and_value_cells() {
        let doc = Document::from(
            r#"<body><h1>Sharon Stone</h1><p>Text.</p><section class="single-credits"><div class="credits">
               <div class="credits-credit"><div class="credits-credit-label">Interview</div><div class="credits-credit-text">SVEN MICHAELSEN</div></div>
               <div class="credits-credit"><div class="credits-credit-label">Fotograf</div><div class="credits-credit-text">ERIC MICHAEL ROY</div></div>
               </div></section></body>"#,
        );
        assert_eq!(names(&from_elements(&doc, "Sharon Stone", &test_context()).authors), [("Sven Michaelsen", None)]);
    }

    #[test]
    fn an_author_box_after_the_article() {
        let cases = [
            // Its class says so, even with a layout word ("footer") beside it.
            r#"<article><h1>Leasing explained</h1><div class="entry-content"><p>Text.</p></div></article>
               <div class="author-bio footer"><h3>Martin Junker</h3><p><a href="/author/martin">Alles von Martin Junker</a></p></div>"#,
            // Headed "About the author" / "Über den Autor".
            r#"<article><h1>Leasing explained</h1><p>Text.</p><div><h4>About the author</h4><h3>Martin Junker</h3><p>He writes.</p></div></article>"#,
            r#"<article><h1>Leasing explained</h1><p>Text.</p><section><h3>Über den Autor</h3><p><strong>Martin Junker</strong> ist Berater.</p></section></article>"#,
        ];
        for body in cases {
            let doc = Document::from(format!("<body>{body}</body>").as_str());
            let found = from_elements(&doc, "Leasing explained", &test_context());
            assert_eq!(names(&found.authors), [("Martin Junker", None)], "{body}");
            assert_eq!(found.evidence, Evidence::AuthorBox);
        }
        // Another article's author box, in the sidebar, is not this one's.
        let doc = Document::from(
            r#"<body><article><h1>Leasing explained</h1><p>Text.</p></article>
               <aside class="sidebar"><div class="author-box"><h3>Paul Side</h3></div></aside></body>"#,
        );
        assert!(from_elements(&doc, "Leasing explained", &test_context()).is_empty());
    }

    #[test]
    fn a_page_builder_s_widget_classes_are_not_a_sidebar() {
        let doc = Document::from(
            r#"<body><div class="elementor-widget elementor-widget-heading"><div class="elementor-widget-container"><h1>Weekly review</h1></div></div>
               <div class="elementor-widget elementor-widget-post-info"><div class="elementor-widget-container">
               <span class="author">Boris T. Kaiser</span></div></div><p>Text.</p></body>"#,
        );
        assert_eq!(names(&from_elements(&doc, "Weekly review", &test_context()).authors), [("Boris T. Kaiser", None)]);
    }

    #[test]
    fn drupal_field_markers_and_css_utilities_are_neither_name_nor_role() {
        let doc = Document::from(
            r#"<body><h1>Forest roads closed</h1><span><a href="/autoren/kathrin-fuehres-1">
               <span itemprop="image"><div class="field field--name-field-autorenbild"><div class="position-relative">
               <img alt="Kathrin Führes"><span class="teaser-copyright">© Kathrin Führes</span></div></div></span>
               <div class="profil-nowrap"><span itemprop="name"> Kathrin
               Führes </span></div></a></span><p>Text.</p></body>"#,
        );
        assert_eq!(
            names(&from_elements(&doc, "Forest roads closed", &test_context()).authors),
            [("Kathrin Führes", None)]
        );
    }

    fn byline_of(body: &str) -> Vec<(String, Option<String>)> {
        let doc = Document::from(format!("<body><h1>Head line here</h1>{body}<p>Text.</p></body>").as_str());
        from_elements(&doc, "Head line here", &test_context()).authors.into_iter().map(|a| (a.name, a.role)).collect()
    }

    fn one(name: &str, role: Option<&str>) -> (String, Option<String>) {
        (name.to_string(), role.map(str::to_string))
    }

    #[test]
    fn a_name_and_its_role_on_two_lines_of_one_credit_element() {
        assert_eq!(
            byline_of(r#"<div class="author">Orxan Nağıyev<br>müxbir</div>"#),
            [one("Orxan Nağıyev", Some("müxbir"))]
        );
        assert_eq!(
            byline_of(
                r#"<div class="author"><a href="/avtor/1">Сергей Миронов</a><br>специальный корреспондент</div>"#
            ),
            [one("Сергей Миронов", Some("специальный корреспондент"))]
        );
        // A title-cased role is not the name's last words ("Jane Doe Health").
        assert_eq!(
            byline_of(r#"<div class="author">Jane Doe<br>Health Reporter</div>"#),
            [one("Jane Doe", Some("Health Reporter"))]
        );
        assert_eq!(
            byline_of(r#"<p class="byline">By Jane Doe<br/>and Tom Ray</p>"#),
            [one("Jane Doe", None), one("Tom Ray", None)]
        );
    }

    #[test]
    fn labelled_contributors_on_lines_of_one_element() {
        assert_eq!(
            byline_of(r#"<div class="article-info">Müəllif: Səbinə Əliyeva<br>Fotoqraf: Anar Quliyev</div>"#),
            [one("Səbinə Əliyeva", None), one("Anar Quliyev", Some("fotoqraf"))]
        );
        assert_eq!(
            byline_of(r#"<div class="article-info">Автор: Ирина Волкова<br>Фото: Анна Лис</div>"#),
            [one("Ирина Волкова", None), one("Анна Лис", Some("фотограф"))]
        );
        assert_eq!(
            byline_of(r#"<div class="article-info">By Jane Doe<br>Photo: Tom Ray</div>"#),
            [one("Jane Doe", None), one("Tom Ray", Some("photographer"))]
        );
    }

    #[test]
    fn a_role_in_its_own_element_beside_the_name() {
        for (body, who) in [
            (
                r#"<div class="byline"><span class="author">Jane Doe</span><span class="role">Health Reporter</span></div>"#,
                one("Jane Doe", Some("Health Reporter")),
            ),
            (
                r#"<div class="byline"><span class="byline__name">Jane Doe</span><span class="byline__title">Staff Writer</span></div>"#,
                one("Jane Doe", Some("Staff Writer")),
            ),
            (
                r#"<div><span class="byline__name">Jane Doe</span> <span class="byline__title">Health Reporter</span></div>"#,
                one("Jane Doe", Some("Health Reporter")),
            ),
            (
                r#"<div class="meta"><a class="author" href="/author/x">Jane Doe</a> <div class="author-title">Contributing Editor</div></div>"#,
                one("Jane Doe", Some("Contributing Editor")),
            ),
            (
                r#"<div class="meta"><span class="author">Orxan Nağıyev</span><span class="author__title">baş redaktor</span></div>"#,
                one("Orxan Nağıyev", Some("baş redaktor")),
            ),
            (
                r#"<div class="meta"><span class="author">Ольга Смирнова</span> <span class="author-job">главный редактор</span></div>"#,
                one("Ольга Смирнова", Some("главный редактор")),
            ),
        ] {
            assert_eq!(byline_of(body), [who], "{body}");
        }
    }

    #[test]
    fn a_role_line_in_the_element_after_the_byline() {
        assert_eq!(
            byline_of(
                r#"<div class="meta"><a class="byline" rel="author" href="/c/jd">By Jane Doe</a><div class="nb">Site Contributor</div></div>"#
            ),
            [one("Jane Doe", Some("Site Contributor"))]
        );
        // A date, another name or a category after the byline is no role.
        for next in ["May 5, 2026", "Tom Ray", "in Allgemeines"] {
            let html =
                format!(r#"<div class="meta"><a class="byline" href="/c/jd">By Jane Doe</a><div>{next}</div></div>"#);
            assert_eq!(byline_of(&html), [one("Jane Doe", None)], "{next}");
        }
    }

    #[test]
    fn an_author_card_s_buttons_are_no_part_of_the_name() {
        let html = r##"<div class="author-card"><h4>Jane Doe</h4><a class="button tiny" href="/jd">Profile</a>
            <a class="button tiny" href="#">Follow</a><button>Unfollow</button></div>"##;
        assert_eq!(byline_of(html), [one("Jane Doe", None)]);
    }

    #[test]
    fn by_and_a_lower_case_word_is_a_sentence_not_a_credit() {
        let html = r#"<form><span class="policy">By clicking "Submit," you agree to the <a href="/privacy">Privacy Policy</a>
            and <a href="/terms">Terms of Use</a>.</span></form>"#;
        assert_eq!(byline_of(html), []);
    }

    #[test]
    fn name_comma_role_in_the_byline() {
        for (line, who) in [
            ("By Jane Doe, Senior Correspondent", one("Jane Doe", Some("Senior Correspondent"))),
            ("By Jane Doe, Health Reporter", one("Jane Doe", Some("Health Reporter"))),
            ("Jane Doe Staff Writer", one("Jane Doe", Some("Staff Writer"))),
            ("Tural Səmədov, baş redaktor", one("Tural Səmədov", Some("baş redaktor"))),
            ("Tural Səmədov, şərhçi", one("Tural Səmədov", Some("şərhçi"))),
            ("Имя Фамилия, главный редактор", one("Имя Фамилия", Some("главный редактор"))),
        ] {
            assert_eq!(byline_of(&format!(r#"<div class="byline">{line}</div>"#)), [who], "{line}");
        }
    }

    #[test]
    fn the_copyright_holder_of_a_person_s_own_site() {
        let page = |host: &str, holder: &str| {
            let doc = Document::from(
                format!(r#"<body><h1>Reflections on Python 3</h1><p>Text.</p><div id="footer"><p>Copyright (c) 2012- {holder}. All rights reserved.</p></div></body>"#)
                    .as_str(),
            );
            let ctx = Context::new(&[], &url::Url::parse(&format!("https://{host}/blog/x")).unwrap());
            let found = from_elements(&doc, "Reflections on Python 3", &ctx);
            (found.evidence, found.authors.into_iter().map(|a| a.name).collect::<Vec<_>>())
        };
        assert_eq!(page("gregoryszorc.com", "Gregory Szorc"), (Evidence::SiteOwner, vec!["Gregory Szorc".to_string()]));
        // On another site, a person's copyright is a picture's or the owner's: no byline.
        assert!(page("citynews.example.com", "Gregory Szorc").1.is_empty());
        // A company named after the site is never a person.
        assert!(page("axios.com", "Axios Media").1.is_empty());
    }

    #[test]
    fn the_person_a_site_is_named_after_when_the_page_names_nobody() {
        let page = |site_name: &str, body: &str| {
            let doc = Document::from(format!(r#"<body><h1>Going mobile in 1998</h1>{body}</body>"#).as_str());
            let ctx =
                Context::new(&[site_name.to_string()], &url::Url::parse("https://www.pixelmonkey.org/x").unwrap());
            let found = from_elements(&doc, "Going mobile in 1998", &ctx);
            (found.evidence, found.authors.into_iter().map(|a| a.name).collect::<Vec<_>>())
        };
        let site = "pixelmonkey.org - Andrew Montalenti's blog";
        assert_eq!(page(site, "<p>Text.</p>"), (Evidence::SiteOwner, vec!["Andrew Montalenti".to_string()]));
        // A page that names its author is read as it says.
        assert_eq!(page(site, r#"<p class="byline">By Jane Roe</p><p>Text.</p>"#).1, ["Jane Roe"]);
        // A company's blog is no person's.
        assert!(page("Acme Widgets - The Company's Blog", "<p>Text.</p>").1.is_empty());
        assert!(page("Tech News Daily", "<p>Text.</p>").1.is_empty());
    }
}
