//! Who wrote the article, and what they are.
//!
//! Sources, in order of trust; the first that yields a real person wins:
//! 1. JSON-LD `author` (object, list, or `@id` reference into the `@graph`),
//!    with `jobTitle` as the role;
//! 2. `<meta name="author">`, `article:author` when it is a name (not a URL),
//!    then the "Written by" `twitter:label`/`twitter:data` pair; a key whose
//!    value is the site or its publisher does not end the search;
//! 3. the page's elements, read before cleanup (bylines sit in share bars
//!    and `<nav>`s): `itemprop=author` microdata, `rel=author` links,
//!    `.byline` elements, a "By Name" / "Von Name" / "Por Name" line or a
//!    label element and the text after it (`<h5>Autor:</h5> Name`),
//!    `.author` elements (and `.autor`, `.avtor`…), and in the header only
//!    a link to an author's page (`/author/`, `/autoren/`…), with a
//!    neighbouring role element (`.position`, `.role`, `.job`,
//!    `.author-post`, `itemprop=jobTitle`) or the text after the name
//!    (`<a>Name</a>, Role`, "Name — Role") as the role. The
//!    headline's neighbourhood is searched before the whole page, and
//!    elements in blocks of other articles (related, most read, comments,
//!    sidebars outside the article, another `<article>`, a list item that
//!    is a teaser) are never read; a footer inside the headline's post is
//!    the article's own;
//! 4. the feed's author, passed in by the caller;
//! 5. a trailing "Name – Role" / "Name, Role" / "Автор: Name" line at the end
//!    of the body (common on Azerbaijani and Russian sites), which is then
//!    removed from the body. When a more trusted source already named the
//!    same people, that line only supplies their roles (and is removed too).
//!
//! A later page source that names the same people and more (JSON-LD one
//! author, the meta tag both) gives the byline.
//!
//! Never a byline: a site or publisher name (`og:site_name`, JSON-LD
//! organizations, the copyright holder, the host), a news agency or desk
//! ("AFP", "TNN", "AOL Staff", "Agencia EFE"), a date, a URL, "Admin",
//! "Редакция"/"Redaksiya", a lower-case tag, a title ("The Local"), a
//! phrase with lower-case words other than name particles ("… e.V.",
//! "Das Magazin für …"), a place list ("site.de, Frankfurt, Germany").

use byline_feeds::credit::{
    clean_role, has_label, is_name_shaped, is_phrase, is_plausible_person, name_and_role, parse_credit,
    people_from_feed, strip_label,
};
use dom_query::{Document, NodeRef};
use url::Url;

use crate::dom::{class_id, class_id_tokens, short_text, tag, text_of};
use crate::jsonld::ArticleLd;
use crate::metadata::Meta;
use crate::model::Author;
use crate::text::{comparable, squash};

/// First words of lines at the end of a body that are credits but not bylines.
const NOT_BYLINE_LINES: &[&str] = &["foto", "photo", "фото", "mənbə", "source", "источник", "video", "видео"];
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
    "occupation",
];

/// What a name is checked against: the site's own names.
pub(crate) struct Context {
    not_people: Vec<String>,
}

impl Context {
    /// `site_names` are the site's and publisher's names; the page host's
    /// main label (`report` in `www.report.az`) is added.
    pub(crate) fn new(site_names: &[String], url: &Url) -> Self {
        let mut not_people: Vec<String> = site_names.iter().map(|s| comparable(s)).collect();
        if let Some(host) = url.host_str() {
            let host = host.trim_start_matches("www.");
            not_people.push(host.to_lowercase());
            if let Some(label) = host.split('.').next() {
                not_people.push(label.to_lowercase());
            }
        }
        Self { not_people }
    }

    /// Whether `name` can be a person's name on this site.
    pub(crate) fn is_person(&self, name: &str) -> bool {
        if !is_plausible_person(name) {
            return false;
        }
        let key = comparable(&squash(name));
        !self.not_people.iter().any(|s| *s == key || s.trim_start_matches("the ") == key.trim_start_matches("the "))
    }

    fn keep_people(&self, authors: Vec<Author>) -> Vec<Author> {
        let mut out: Vec<Author> = Vec::new();
        for a in authors {
            if self.is_person(&a.name) && !out.iter().any(|o| comparable(&o.name) == comparable(&a.name)) {
                out.push(Author::new(squash(&a.name), a.role.map(|r| clean_role(&r)).filter(|r| !r.is_empty())));
            }
        }
        out
    }
}

/// Authors from JSON-LD: people only, with `jobTitle` as the role.
pub(crate) fn from_json_ld(ld: &ArticleLd, ctx: &Context) -> Vec<Author> {
    let people = ld.authors.iter().filter(|a| !a.is_organization).map(|a| Author::new(&a.name, a.job_title.clone()));
    ctx.keep_people(people.collect())
}

/// Authors from `<meta name="author">`, `article:author` (URLs skipped),
/// and the "Written by" label/data pair that SEO plugins write for Twitter.
pub(crate) fn from_meta(meta: &Meta, ctx: &Context) -> Vec<Author> {
    for key in [
        "author",
        "article:author",
        "og:article:author",
        "og:author",
        "dc.creator",
        "dcterms.creator",
        "parsely-author",
        "sailthru.author",
        "cxenseparse:author",
        "citation_author",
        "byl",
    ] {
        let mut found = Vec::new();
        for value in meta.all(key) {
            if !value.contains("://") && !value.starts_with("www.") {
                let credit = parse_credit(value);
                // "Peter Amende und Fuchsy designed": a theme's credit, not a byline.
                if !credit.iter().any(|a| is_phrase(&a.name)) {
                    found.extend(credit);
                }
            }
        }
        // A key whose value is the site's name (or nobody) does not end the search.
        let people = ctx.keep_people(found);
        if !people.is_empty() {
            return people;
        }
    }
    for i in 1..=4 {
        let label = meta.first(&[&format!("twitter:label{i}")]).map(comparable);
        if matches!(label.as_deref(), Some("written by" | "author" | "автор" | "müəllif")) {
            if let Some(value) = meta.first(&[&format!("twitter:data{i}")]) {
                return ctx.keep_people(parse_credit(value));
            }
        }
    }
    Vec::new()
}

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
];

/// Whether `node` sits in a block of other articles, comments or site
/// furniture (`aside`, `footer`, `nav`, "related", "most read"…). A block
/// that holds the headline is the article itself, whatever its layout
/// classes say ("sticky-sidebar-parent", "no-sidebars"); an `aside` or
/// `footer` inside the headline's `<article>` is about that article.
/// `by_tag: false` skips the `aside`/`footer`/`nav` rule (for microdata,
/// which says outright whose author it names).
fn in_other_block(node: &NodeRef, headline: Option<&NodeRef>, by_tag: bool) -> bool {
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
        (headline_in_article && name == "article")
            || (name == "li" && is_teaser_item(&a, node))
            || (by_tag && matches!(name.as_str(), "aside" | "footer" | "nav") && !in_article())
            || {
                let words = block_words(&a);
                let marks = class_id(&a);
                words.iter().any(|w| NOT_THIS_ARTICLE.contains(&w.as_str()) && !(w == "footer" && in_article()))
                    || NOT_THIS_ARTICLE_PHRASES.iter().any(|m| marks.contains(m))
                    || crate::cleanup::is_related_block(&a)
                    || crate::cleanup::is_comment_block(&a)
            }
    })
}

/// Whether list item `li`, which holds the byline element `node`, is a
/// teaser in a list of other stories: it has sibling items and a headline
/// link (a link of 25 characters or more) beside the byline.
fn is_teaser_item(li: &NodeRef, node: &NodeRef) -> bool {
    let siblings = li.parent().is_some_and(|list| list.children_it(false).filter(|c| tag(c) == "li").count() >= 2);
    siblings
        && li.descendants_it().any(|d| {
            tag(&d) == "a"
                && !d.ancestors_it(None).any(|up| up.id == node.id)
                && d.id != node.id
                && short_text(&d, 300).is_some_and(|t| t.chars().count() >= 25)
        })
}

/// [`class_id_tokens`] without layout modifiers: a container's
/// `has-double-sidebar`, `with-sidebar` or `no-comments` says what is beside
/// it, not what it is.
fn block_words(node: &NodeRef) -> Vec<String> {
    let modifier =
        |c: &str| ["has-", "with-", "no-", "without-", "has_", "with_", "no_"].iter().any(|p| c.starts_with(p));
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
/// class names a post ("post", "hentry", "entry", "article", "story").
fn article_container<'a>(headline: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    headline.ancestors_it(None).take_while(|a| !matches!(tag(a).as_str(), "body" | "html" | "main")).find(|a| {
        tag(a) == "article"
            || class_id_tokens(a)
                .iter()
                .any(|w| matches!(w.as_str(), "post" | "hentry" | "entry" | "article" | "story"))
    })
}

/// How many elements after the headline count as the article's header.
const HEADER_WINDOW: usize = 120;

/// Authors from the page's elements, in order of trust: `itemprop=author`
/// microdata, `rel=author` links, `.byline` elements, a "By Name" line,
/// `.author` elements. Elements in blocks of other articles, comments and
/// site furniture are never read. The header (the headline and what follows
/// it) is searched first, then the whole page; the first element that names
/// people wins, with the others of its own byline block.
pub(crate) fn from_elements(doc: &Document, title: &str, ctx: &Context) -> Vec<Author> {
    let groups: [&dyn Fn(&NodeRef) -> bool; 6] = [
        &is_microdata_author,
        &|n| n.attr("rel").is_some_and(|r| r.to_lowercase().split_whitespace().any(|w| w == "author")),
        &|n| class_id(n).contains("byline"),
        &|n| is_by_line(n) || is_label_only(n),
        &|n| {
            let marks = class_id(n);
            (marks.contains("author") || has_author_class_word(n))
                && !["bio", "photo", "avatar", "about", "img"].iter().any(|m| marks.contains(m))
                && !is_role_element(n)
        },
        // Last, and only in the header: a link to an author's page.
        &is_author_page_link,
    ];
    search(doc, title, &groups, true, ctx)
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
    "journalist",
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

/// Path parts of the pages sites keep per author.
const AUTHOR_PATHS: &[&str] = &[
    "/author/",
    "/authors/",
    "/autor/",
    "/autoren/",
    "/autores/",
    "/auteur/",
    "/auteurs/",
    "/autore/",
    "/autori/",
    "/avtor/",
    "/avtory/",
    "/journalist/",
    "/journalists/",
    "/journalisten/",
    "/redakteur/",
    "/writers/",
    "/contributor/",
    "/contributors/",
    "/muellif/",
];

/// A link to an author's page whose text has the shape of a name.
fn is_author_page_link(n: &NodeRef) -> bool {
    tag(n) == "a"
        && n.attr("href").is_some_and(|h| {
            let h = h.to_lowercase();
            AUTHOR_PATHS.iter().any(|p| h.contains(p))
        })
        && short_text(n, 60).is_some_and(|t| is_name_shaped(strip_label(&t)))
}

/// How many of [`from_elements`]'s groups are also searched outside the
/// header (the author-page link is read in the header only).
const WHOLE_PAGE_GROUPS: usize = 5;

/// Authors from `itemprop=author` microdata, read before cleanup: sites
/// put it in elements cleanup drops (`<nav class="post-by">`).
pub(crate) fn from_microdata(doc: &Document, title: &str, ctx: &Context) -> Vec<Author> {
    search(doc, title, &[&is_microdata_author], false, ctx)
}

fn is_microdata_author(n: &NodeRef) -> bool {
    n.attr("itemprop").is_some_and(|p| p.split_whitespace().any(|w| w == "author" || w == "creator"))
}

/// The header (the headline and what follows it) first, then the whole
/// page; in each, the groups in order.
fn search(
    doc: &Document,
    title: &str,
    groups: &[&dyn Fn(&NodeRef) -> bool],
    by_tag: bool,
    ctx: &Context,
) -> Vec<Author> {
    let all: Vec<NodeRef<'_>> = doc.select("body *").nodes().to_vec();
    let key = comparable(title);
    let headline = all
        .iter()
        .position(|n| {
            matches!(tag(n).as_str(), "h1" | "h2" | "h3") && !key.is_empty() && comparable(&text_of(n)) == key
        })
        .or_else(|| {
            // A blog's name in the `<h1>` and the post's title in an `<h3>`:
            // the heading that the document's `<title>` holds.
            let doc_title = comparable(&doc.select("head title").text());
            all.iter().position(|n| {
                matches!(tag(n).as_str(), "h1" | "h2" | "h3")
                    && short_text(n, 300)
                        .map(|t| comparable(&t))
                        .is_some_and(|t| t.chars().count() >= 12 && doc_title.contains(&t))
            })
        })
        .or_else(|| all.iter().position(|n| tag(n) == "h1"));
    let windows: Vec<(usize, usize)> = match headline {
        Some(h) => vec![(h, (h + HEADER_WINDOW).min(all.len())), (0, all.len())],
        None => vec![(0, all.len())],
    };
    let headline_node = headline.map(|h| all[h]);
    for (window, (from, to)) in windows.into_iter().enumerate() {
        let whole_page = window == 1 || headline.is_none();
        for matches in groups.iter().take(if whole_page { WHOLE_PAGE_GROUPS } else { groups.len() }) {
            let people = first_byline(&all[from..to], *matches, headline_node.as_ref(), by_tag, ctx);
            if !people.is_empty() {
                return people;
            }
        }
    }
    Vec::new()
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
    found
}

/// The smallest ancestor of a byline element that holds the whole byline
/// line ("By A and B"): the nearest one with more text than the element,
/// when that text is short.
fn byline_block<'a>(node: &NodeRef<'a>) -> Option<NodeRef<'a>> {
    let own = text_of(node).chars().count();
    node.ancestors_it(None)
        .take(3)
        .find(|a| text_of(a).chars().count() > own)
        .filter(|a| text_of(a).chars().count() <= 200 && tag(a) != "body")
}

/// A short element whose text starts with a credit label ("By", "Автор:",
/// "Müəllif:"), the innermost such element.
fn is_by_line(node: &NodeRef) -> bool {
    if matches!(tag(node).as_str(), "script" | "style" | "a" | "li" | "ul" | "ol" | "body" | "html") {
        return false;
    }
    let Some(text) = short_spaced_text(node, BY_LINE_MAX) else { return false };
    if text.is_empty() || !has_label(&text) {
        return false;
    }
    !node.children_it(false).any(|c| {
        c.is_element() && short_spaced_text(&c, BY_LINE_MAX).is_some_and(|t| t.chars().count() > 3 && has_label(&t))
    })
}

/// An element that holds only a credit label ("Autor:", "By"), its value
/// in the text after it: `<h5>Autor: </h5>Peter Maahn`.
fn is_label_only(node: &NodeRef) -> bool {
    if matches!(tag(node).as_str(), "script" | "style" | "body" | "html") {
        return false;
    }
    short_spaced_text(node, 30).is_some_and(|t| !t.is_empty() && has_label(&t) && strip_label(&t).is_empty())
}

/// The text after a label-only element up to the next line break or block:
/// the credit that the label names.
fn label_value(node: &NodeRef) -> Option<String> {
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

/// The longest "By …" line, in characters other than spaces.
const BY_LINE_MAX: usize = 150;

/// The element's text with a space between its elements' texts
/// (`<span>By</span><span>Jane Doe</span>` is "By Jane Doe", not "ByJane Doe").
fn spaced_text(node: &NodeRef) -> String {
    short_spaced_text(node, usize::MAX).unwrap_or_else(|| text_of(node))
}

/// [`spaced_text`], or `None` as soon as it passes `max` characters other
/// than spaces (or holds a script): cheap to ask of every element.
fn short_spaced_text(node: &NodeRef, max: usize) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    let mut len = 0usize;
    for d in node.descendants_it() {
        if d.is_text() {
            let t = d.text();
            len += t.chars().filter(|c| !c.is_whitespace()).count();
            if len > max {
                return None;
            }
            parts.push(t.to_string());
        } else if d.is_element() && matches!(tag(&d).as_str(), "script" | "style") {
            return None;
        }
    }
    Some(squash(&parts.join(" ")))
}

/// The feed item's author, when it is a person.
pub(crate) fn from_feed(feed_author: Option<&str>, ctx: &Context) -> Vec<Author> {
    let text = feed_author.map(byline_feeds::sanitize::plain_text).unwrap_or_default();
    ctx.keep_people(people_from_feed([text.as_str()]))
}

fn read_author_element(node: &NodeRef) -> Vec<Author> {
    if is_label_only(node) {
        return label_value(node)
            .map(|v| parse_credit(&v).into_iter().filter(|a| is_plausible_person(&a.name)).collect())
            .unwrap_or_default();
    }
    let name_child = node.descendants_it().find(|d| {
        let marks = class_id(d);
        d.is_element()
            && (d.attr("itemprop").is_some_and(|p| p.as_ref() == "name")
                || marks.split_whitespace().any(|c| c == "fn")
                || (marks.contains("name") && !marks.contains("username")))
    });
    if name_child.is_none() {
        // A "By …" line inside a larger byline block is the credit itself.
        if let Some(line) = node.descendants_it().find(|d| d.is_element() && is_by_line(d)) {
            return parse_credit(&spaced_text(&line)).into_iter().filter(|a| is_plausible_person(&a.name)).collect();
        }
        // "By <a>Jane Doe</a> <span>December 28, 2016</span>", "… ET by <a>Jane Doe</a>":
        // the links to the people's pages are the names.
        let linked: Vec<Author> = node
            .descendants_it()
            .filter(|d| d.is_element() && tag(d) == "a")
            .map(|a| text_of(&a))
            .filter(|t| is_name_shaped(t.trim_start_matches("By ").trim()))
            .flat_map(|t| parse_credit(&t))
            .collect();
        let text = text_of(node);
        let plain = parse_credit(&text);
        // `<li><a>Anna Lee</a></li><li><a>Tom Ray</a></li>` reads "Anna Lee Tom Ray":
        // more linked names than the text splits into are the people.
        if !linked.is_empty()
            && (plain.is_empty()
                || plain.iter().any(|a| !is_plausible_person(&a.name))
                || (linked.len() >= 2 && plain.len() < linked.len()))
        {
            return linked;
        }
    }
    // The role element may sit beside the name's element in a short byline
    // line: `<span class="author"><a rel="author">Name</a></span>, <span class="author-role">Role</span>`.
    let short_line = |n: &NodeRef| short_spaced_text(n, 200).is_some();
    let role = find_role(node)
        .or_else(|| node.parent().and_then(|p| find_role(&p)))
        .or_else(|| node.parent().and_then(|p| p.parent()).filter(short_line).and_then(|g| find_role(&g)))
        .or_else(|| name_child.and_then(|c| role_after_name(node, &text_or_content(&c))));
    if name_child.is_none() && tag(node) == "meta" {
        return parse_credit(&text_or_content(node));
    }
    let mut authors = match name_child {
        // `<meta itemprop="name" content="Jane Doe">` carries its text in `content`.
        Some(child) => parse_credit(&text_or_content(&child)),
        None => {
            let text = spaced_text(node);
            if text.chars().count() > 150 {
                return Vec::new();
            }
            // "Jane Doe / TNN / Updated: Oct 9, 2019": the part after the names is not a name.
            parse_credit(&text).into_iter().filter(|a| is_plausible_person(&a.name)).collect()
        }
    };
    if let ([only], Some(role)) = (authors.as_mut_slice(), role) {
        if only.role.is_none() && comparable(&role) != comparable(&only.name) {
            only.role = Some(role);
        }
    }
    authors
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
    ROLE_MARKS.iter().any(|m| marks.contains(m))
        || node.attr("itemprop").is_some_and(|p| p.split_whitespace().any(|w| w.eq_ignore_ascii_case("jobtitle")))
}

fn find_role(node: &NodeRef) -> Option<String> {
    node.descendants_it()
        .filter(|d| d.is_element() && is_role_element(d))
        .map(|d| clean_role(&text_or_content(&d)))
        .find(|t| !t.is_empty() && t.chars().count() <= 120 && t.chars().any(char::is_alphabetic))
}

/// The role written after the name in the same element: "<a>Name</a>,
/// Role", "<span>Name</span> — Role". Only after a comma or a dash, and
/// never a date, a time or a "Follow" button.
fn role_after_name(node: &NodeRef, name: &str) -> Option<String> {
    let text = spaced_text(node);
    let at = text.find(name.trim())?;
    let rest = text[at + name.trim().len()..].trim_start();
    let rest = rest
        .strip_prefix(',')
        .or_else(|| rest.strip_prefix('—'))
        .or_else(|| rest.strip_prefix('–'))
        .or_else(|| rest.strip_prefix("- "))?;
    let role = clean_role(rest);
    let words = role.split_whitespace().count();
    let ok = (1..=8).contains(&words)
        && !role.chars().any(|c| c.is_ascii_digit() || matches!(c, '|' | '@' | '/'))
        && role.chars().next().is_some_and(char::is_alphabetic)
        && !byline_feeds::credit::is_agency(&role)
        && byline_feeds::credit::parse_credit(&role).iter().all(|a| !is_name_shaped(&a.name));
    ok.then_some(role)
}

/// A credit line found at the end of the body.
pub(crate) struct TrailingByline<'a> {
    /// The people it names, in order.
    pub authors: Vec<Author>,
    nodes: Vec<NodeRef<'a>>,
}

impl TrailingByline<'_> {
    /// Removes the credit lines from the body.
    pub(crate) fn remove(&self) {
        for node in &self.nodes {
            node.remove_from_parent();
        }
    }
}

/// Finds "Name – Role" / "Name, Role" / "Автор: Name" lines at the end of
/// the extracted body.
pub(crate) fn trailing_byline<'a>(content: &'a Document, ctx: &Context) -> Option<TrailingByline<'a>> {
    let blocks: Vec<NodeRef<'a>> = content
        .select("p, div, h2, h3, h4, h5, h6, blockquote")
        .nodes()
        .iter()
        .filter(|n| !has_block_child(n) && !text_of(n).is_empty())
        .cloned()
        .collect();
    let mut found = TrailingByline { authors: Vec::new(), nodes: Vec::new() };
    for block in blocks.iter().rev().take(4) {
        let text = text_of(block);
        let first = comparable(text.split([' ', ':']).next().unwrap_or_default());
        if NOT_BYLINE_LINES.contains(&first.as_str()) && found.nodes.is_empty() {
            continue;
        }
        match parse_credit_line(&text, ctx) {
            Some(mut authors) => {
                authors.append(&mut found.authors);
                found.authors = authors;
                found.nodes.push(*block);
            }
            None => break,
        }
    }
    (!found.authors.is_empty()).then_some(found)
}

fn has_block_child(node: &NodeRef) -> bool {
    node.descendants_it().any(|d| {
        matches!(tag(&d).as_str(), "p" | "div" | "ul" | "ol" | "table" | "figure" | "h2" | "h3" | "h4" | "blockquote")
    })
}

/// The authors of one credit line, or `None` when it is an ordinary sentence.
fn parse_credit_line(text: &str, ctx: &Context) -> Option<Vec<Author>> {
    if text.split_whitespace().count() > 12 || text.ends_with(['?', '!']) {
        return None;
    }
    let authors = if has_label(text) {
        parse_credit(text)
    } else {
        let (name, role) = name_and_role(text)?;
        if role.split_whitespace().count() > 10 || role.is_empty() {
            return None;
        }
        vec![Author::new(name, Some(role))]
    };
    let all_names = authors.iter().all(|a| is_name_shaped(&a.name) && ctx.is_person(&a.name));
    (all_names && !authors.is_empty()).then(|| ctx.keep_people(authors))
}

/// Picks the byline from the sources in order of trust and decides what the
/// trailing credit line (if any) is used for; removes it from the body when
/// it was used.
pub(crate) fn choose(sources: [Vec<Author>; 4], trailing: Option<TrailingByline>) -> Vec<Author> {
    let first = sources.iter().position(|s| !s.is_empty());
    // A later page source that names the same people and more (JSON-LD lists
    // one author, the meta tag or the byline both) is the fuller byline.
    let fuller = first.and_then(|i| {
        sources[i + 1..3.max(i + 1)].iter().find(|later| {
            later.len() > sources[i].len()
                && sources[i].iter().all(|a| later.iter().any(|l| comparable(&l.name) == comparable(&a.name)))
        })
    });
    let mut authors = match (fuller, first) {
        (Some(f), Some(i)) => merge_roles(f.clone(), &sources[i]),
        (None, Some(i)) => sources[i].clone(),
        _ => Vec::new(),
    };
    let Some(trailing) = trailing else { return authors };
    if authors.is_empty() {
        trailing.remove();
        return trailing.authors;
    }
    let same_people =
        trailing.authors.iter().all(|t| authors.iter().any(|a| comparable(&a.name) == comparable(&t.name)));
    if same_people {
        for a in &mut authors {
            if a.role.is_none() {
                a.role = trailing
                    .authors
                    .iter()
                    .find(|t| comparable(&t.name) == comparable(&a.name))
                    .and_then(|t| t.role.clone());
            }
        }
        trailing.remove();
    }
    authors
}

/// `authors` with the roles `known` gives the same people.
fn merge_roles(mut authors: Vec<Author>, known: &[Author]) -> Vec<Author> {
    for a in &mut authors {
        if a.role.is_none() {
            a.role = known.iter().find(|k| comparable(&k.name) == comparable(&a.name)).and_then(|k| k.role.clone());
        }
    }
    authors
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx() -> Context {
        Context::new(
            &["Xəzər Xəbər".to_string(), "Report.az".to_string()],
            &Url::parse("https://www.report.az/x").unwrap(),
        )
    }

    fn names(authors: &[Author]) -> Vec<(&str, Option<&str>)> {
        authors.iter().map(|a| (a.name.as_str(), a.role.as_deref())).collect()
    }

    #[test]
    fn people_versus_sites_dates_and_admins() {
        let c = ctx();
        for good in ["Gülağa İsgəndərov", "Ирина Волкова", "Jane Doe", "Jean-Paul O'Brien"] {
            assert!(c.is_person(good), "{good}");
        }
        for bad in [
            "Admin",
            "admin",
            "Редакция",
            "Redaksiya",
            "Редакция сайта",
            "Xəzər Xəbər",
            "xəzər xəbər",
            "Report.az",
            "report",
            "20.11.2026 | 14:35",
            "https://facebook.com/x",
            "",
            "Müəllif",
        ] {
            assert!(!c.is_person(bad), "{bad}");
        }
    }

    #[test]
    fn credit_lines_in_all_dash_variants() {
        let c = ctx();
        let line = |t: &str| {
            parse_credit_line(t, &c)
                .map(|a| names(&a).iter().map(|(n, r)| format!("{n}|{}", r.unwrap_or("-"))).collect::<Vec<_>>())
        };
        assert_eq!(
            line("Gülağa İsgəndərov – Zərdab Rayon Təhsil Sektorunun müdiri").unwrap(),
            ["Gülağa İsgəndərov|Zərdab Rayon Təhsil Sektorunun müdiri"]
        );
        assert_eq!(
            line("Səbinə Kərimova — Milli Məclisin deputatı").unwrap(),
            ["Səbinə Kərimova|Milli Məclisin deputatı"]
        );
        assert_eq!(
            line("Андрей Петров - политический обозреватель").unwrap(),
            ["Андрей Петров|политический обозреватель"]
        );
        assert_eq!(line("Nərmin Əliyeva, Şəki bürosunun müxbiri").unwrap(), ["Nərmin Əliyeva|Şəki bürosunun müxbiri"]);
        assert_eq!(line("Автор: Ирина Волкова").unwrap(), ["Ирина Волкова|-"]);
        assert!(line("Növbəti festivalın 2028-ci ildə keçirilməsi planlaşdırılır.").is_none());
        assert!(line("Bakı, 20 noyabr").is_none());
        assert!(line("Xəzər Xəbər – Bakı").is_none());
        assert!(line("Admin Panel – sayt").is_none());
        assert!(line(
            "Prezident bildirib ki, iki ölkə arasında əməkdaşlıq genişlənir və yeni layihələr həyata keçiriləcək"
        )
        .is_none());
    }

    #[test]
    fn trailing_lines_are_found_and_removed_when_used() {
        let doc = Document::from(
            "<div><p>Mətn birinci abzas.</p><p>Mətn ikinci abzas.</p><p><strong>Gülağa İsgəndərov – Zərdab Rayon Təhsil Sektorunun müdiri</strong></p></div>",
        );
        let t = trailing_byline(&doc, &ctx()).unwrap();
        let chosen = choose([vec![], vec![], vec![], vec![]], Some(t));
        assert_eq!(names(&chosen), [("Gülağa İsgəndərov", Some("Zərdab Rayon Təhsil Sektorunun müdiri"))]);
        assert!(!doc.html().contains("İsgəndərov"));
    }

    #[test]
    fn trailing_line_only_adds_roles_to_a_trusted_byline() {
        let doc = Document::from("<p>Body text here.</p><p><b>Kamran Rzayev</b> – politoloq</p>");
        let t = trailing_byline(&doc, &ctx());
        let chosen = choose([vec![], vec![Author::new("Kamran Rzayev", None)], vec![], vec![]], t);
        assert_eq!(names(&chosen), [("Kamran Rzayev", Some("politoloq"))]);
        assert!(!doc.html().contains("politoloq"));

        let doc = Document::from("<p>Body.</p><p>Ali Veli – ekspert</p>");
        let t = trailing_byline(&doc, &ctx());
        let chosen = choose([vec![Author::new("Jane Roe", None)], vec![], vec![], vec![]], t);
        assert_eq!(names(&chosen), [("Jane Roe", None)]);
        assert!(doc.html().contains("Ali Veli"), "an unrelated credit stays in the body");
    }

    #[test]
    fn element_bylines_with_position_neighbour() {
        let doc = Document::from(
            r#"<body><div class="byline">20.11.2026 | 14:35</div><div class="article-author"><img class="author-photo" src="x">
               <span class="author-name">Ольга Смирнова</span><span class="author-position">обозреватель</span></div></body>"#,
        );
        assert_eq!(names(&from_elements(&doc, "", &ctx())), [("Ольга Смирнова", Some("обозреватель"))]);
        let doc =
            Document::from(r#"<body><span class="author vcard"><a rel="author" href="/a">admin</a></span></body>"#);
        assert!(from_elements(&doc, "", &ctx()).is_empty());
    }

    #[test]
    fn feed_author_email_form() {
        assert_eq!(names(&from_feed(Some("news@site.az (Aynur Məmmədova)"), &ctx())), [("Aynur Məmmədova", None)]);
        assert!(from_feed(Some("Xəzər Xəbər"), &ctx()).is_empty());
        assert!(from_feed(None, &ctx()).is_empty());
    }
}
