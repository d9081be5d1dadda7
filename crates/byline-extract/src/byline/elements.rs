//! Candidate bylines from the page's elements, each with the evidence that
//! found it (microdata, `rel=author`, a `.byline` class, a credit label, an
//! `.author` class, a link to an author's page; then an author box after
//! the article, and a copyright line on a person's own site) and whether it
//! sits in the headline's neighbourhood.
//!
//! This module finds the candidate elements: the groups of byline marks in
//! order of trust, the header searched before the whole page, the byline
//! block an element belongs to, and the weaker sources tried last. What
//! makes an element a candidate and how one is read live beside it, one job
//! a file: `markup` (the class and attribute words of author elements),
//! `credit_text` (elements whose text is a credit: a label, a label and its
//! value, a credit in mid-line, a date and a name), `read` (one element's
//! people), `roles` (the role elements and the role of the person an
//! element names) and `above_headline` (an author card printed over the
//! headline).

mod above_headline;
mod credit_text;
mod markup;
mod read;
mod roles;

use dom_query::{Document, NodeRef};

use above_headline::linked_above_headline;
use credit_text::{is_bold_name_block, is_by_line, is_credit_line, is_date_line, is_mid_line_credit};
use markup::{has_author_class_word, has_by_class, is_microdata_author, is_submitted_line};
use read::read_author_element;
use roles::{is_role_element, with_card_role};

use super::after::{author_box, copyright_person, post_author_comment};
use super::agency::agency_on_page;
use super::author_links::is_author_page_link;
use super::names::{fill_roles, names_them_and_more, Context};
use super::regions::{headline_index, in_other_block, in_picture_credit};
use super::{Evidence, Found};
use crate::dom::{body_elements, class_id, has_author_data_mark, has_byline_data_mark, tag, text_of};
use crate::model::Author;
use crate::text::comparable;

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
    let agency = agency_on_page(&all, headline, ctx);
    Found { agency, ..people_in(&all, headline, title, ctx) }
}

/// The people of [`from_elements`], from the page's elements `all` and
/// the headline's index among them.
fn people_in(all: &[NodeRef<'_>], headline: Option<usize>, title: &str, ctx: &Context) -> Found {
    let microdata: [Group; 1] = [(Evidence::Microdata, &is_microdata_author)];
    let found = search(all, headline, &microdata, 1, false, ctx);
    if !found.is_empty() {
        return found;
    }
    // Microdata again is not asked: with the tag rule on, it finds no more.
    let groups: [Group; 10] = [
        (Evidence::RelAuthor, &|n| {
            n.attr("rel").is_some_and(|r| r.to_lowercase().split_whitespace().any(|w| w == "author"))
        }),
        // A role element (`.byline__title`) holds the role, never a name.
        (Evidence::BylineClass, &|n| {
            (class_id(n).contains("byline") && !is_role_element(n)) || is_submitted_line(n) || has_byline_data_mark(n)
        }),
        (Evidence::CreditLabel, &is_credit_line),
        (Evidence::AuthorClass, &|n| {
            let marks = class_id(n);
            (marks.contains("author") || has_author_class_word(n) || has_author_data_mark(n))
                && !["bio", "photo", "avatar", "about", "img"].iter().any(|m| marks.contains(m))
                && !is_role_element(n)
        }),
        // Last, and only in the header: a link to an author's page, a line
        // of a date and a name or a name in bold over its role just under
        // the headline, and an `<address>`
        // (HTML's element for the contact of the article's author; in a
        // site's footer it is the publisher's).
        // A theme's `.by`/`.posted-by` line, after the stronger marks.
        (Evidence::BylineClass, &has_by_class),
        (Evidence::AuthorPageLink, &is_author_page_link),
        (Evidence::DateLine, &is_date_line),
        (Evidence::DateLine, &is_bold_name_block),
        // "Posted on May 12, 2016 by Jane Doe", "Ein Gastbeitrag von Jane Doe".
        (Evidence::CreditLabel, &is_mid_line_credit),
        (Evidence::BylineClass, &|n| tag(n) == "address"),
    ];
    let found = search(all, headline, &groups, WHOLE_PAGE_GROUPS - 1, true, ctx);
    if !found.is_empty() {
        return with_card_role(found, all);
    }
    // Last, the page's weaker statements: an author box after the article,
    // the author's own reply among the comments, then a person named as
    // the copyright holder.
    let boxed = author_box(all, headline, ctx);
    if !boxed.is_empty() {
        return Found::new(boxed, Evidence::AuthorBox);
    }
    let replied = post_author_comment(all, ctx);
    if !replied.is_empty() {
        return Found::new(replied, Evidence::PostAuthorComment);
    }
    let above = linked_above_headline(all, headline, ctx);
    if !above.is_empty() {
        return Found { near_headline: true, ..Found::new(above, Evidence::AuthorPageLink) };
    }
    let mut owner = copyright_person(all, headline, title, ctx);
    if owner.is_empty() {
        owner = ctx.keep_people(ctx.site_owner.iter().map(|name| Author::new(name, None)).collect());
    }
    if owner.is_empty() {
        owner = ctx.site_person.iter().map(|name| Author::new(name, None)).collect();
    }
    Found::new(owner, Evidence::SiteOwner)
}

/// How many of [`from_elements`]'s groups, microdata included, are also
/// searched outside the header (the author-page link is read in the header
/// only).
const WHOLE_PAGE_GROUPS: usize = 5;

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
        if !matches(node)
            || used.iter().any(|u| node.ancestors_it(None).any(|a| a.id == u.id))
            || in_picture_credit(node)
        {
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
    // "By <a>Jane Doe</a>, Site on April 7, 2023 in <a href="/tag/nlp/">Natural
    // Language Processing</a>": a link to a tag or section page is the
    // story's topic, never a person.
    let topics = topic_links(line);
    people.retain(|p| !topics.iter().any(|t| comparable(t) == comparable(&p.name)));
    if !names_them_and_more(&people, &found) {
        return found;
    }
    fill_roles(&mut people, found.iter());
    people
}

/// Path segments of the pages that list a site's stories by topic.
const TOPIC_PATHS: &[&str] = &["/tag/", "/tags/", "/category/", "/categories/", "/topic/", "/topics/", "/section/"];

/// The texts of the links in `line` that lead to a tag, category or
/// section page.
fn topic_links(line: &NodeRef) -> Vec<String> {
    line.descendants_it()
        .filter(|d| tag(d) == "a" && d.attr("href").is_some_and(|h| TOPIC_PATHS.iter().any(|p| h.contains(p))))
        .map(|a| text_of(&a))
        .collect()
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::byline::names::test_context;

    pub(super) fn names(authors: &[Author]) -> Vec<(&str, Option<&str>)> {
        authors.iter().map(|a| (a.name.as_str(), a.role.as_deref())).collect()
    }

    #[test]
    fn a_commenter_in_a_comment_block_named_in_another_language_is_no_author() {
        for block in ["glbComentarios-conteudo", "kommentare", "liste-commentaires"] {
            let doc = Document::from(format!(
                r#"<body><h1>Rodrigo Caio treina</h1><p>Text.</p><div class="{block}"><div itemprop="creator"
                   itemscope itemtype="http://schema.org/Person"><strong itemprop="name">Olide Cardoso</strong>
                   </div><p itemprop="commentText">Espero que volte logo.</p></div></body>"#
            ));
            assert!(from_elements(&doc, "Rodrigo Caio treina", &test_context()).is_empty(), "{block}");
        }
    }

    #[test]
    fn the_byline_of_the_next_story_below_the_article_is_not_its_own() {
        for block in ["next-article", "post-navigation", "up-next"] {
            let doc = Document::from(format!(
                r#"<body><main><article><h1>Council expands the program</h1><p>Text.</p></article>
                   <div class="{block}"><h2><a href="/c">The next story of the day</a></h2><p class="byline">By Tom Ray</p></div></main></body>"#
            ));
            assert!(from_elements(&doc, "Council expands the program", &test_context()).is_empty(), "{block}");
        }
    }

    #[test]
    fn a_topic_link_in_the_byline_line_is_no_person() {
        let doc = Document::from(
            r#"<body><h1>Text summarization</h1><div class="author-link">By <strong><a rel="author"
               href="/author/jane-doe">Jane Doe</a></strong>, KDnuggets on April 7, 2023 in <a
               href="https://site.example/tag/natural-language-processing">Natural Language Processing</a></div>
               <p>Text.</p></body>"#,
        );
        let found = from_elements(&doc, "Text summarization", &test_context());
        assert_eq!(names(&found.authors), [("Jane Doe", None)]);
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
    fn the_writers_of_a_live_pages_posts_are_not_the_pages_byline() {
        let post = |time: &str, name: &str| {
            format!(
                r#"<li data-datetime="2015-02-20T{time}"><span class="time">{time}</span><span class="heading">Update
                   </span><span class="contributor"><span class="contributor-name">{name}</span></span><p>What
                   happened since.</p></li>"#
            )
        };
        let posts = [post("16:24", "Nigel Cassidy"), post("16:10", "Joe Lynam"), post("15:58", "Linda Yueh")].concat();
        let doc = Document::from(format!(r#"<body><h1>Greek talks</h1><ul class="stream">{posts}</ul></body>"#));
        assert!(from_elements(&doc, "Greek talks", &test_context()).is_empty());
        // A list of the article's authors, one an item, with no time stamps, is its byline.
        let doc = Document::from(
            r#"<body><h1>Greek talks</h1><ul class="names"><li><span class="contributor"><span
               class="contributor-name">Nigel Cassidy</span></span></li><li><span class="contributor"><span
               class="contributor-name">Joe Lynam</span></span></li><li><span class="contributor"><span
               class="contributor-name">Linda Yueh</span></span></li></ul><p>Text.</p></body>"#,
        );
        let found = from_elements(&doc, "Greek talks", &test_context());
        assert_eq!(names(&found.authors), [("Nigel Cassidy", None), ("Joe Lynam", None), ("Linda Yueh", None)]);
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
    fn links_in_a_line_of_picture_credits_are_no_byline() {
        let doc = Document::from(
            r#"<h1>Gift guide</h1><p>Text of the guide.</p><p><small>(Image credits: <a href="/authors/henry">Henry Chen</a>; <a href="/authors/carrie">Carrie McBride</a>)</small></p>"#,
        );
        let found = from_elements(&doc, "Gift guide", &test_context());
        assert!(found.authors.is_empty(), "{:?}", names(&found.authors));
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

    pub(super) fn byline_of(body: &str) -> Vec<(String, Option<String>)> {
        let doc = Document::from(format!("<body><h1>Head line here</h1>{body}<p>Text.</p></body>").as_str());
        from_elements(&doc, "Head line here", &test_context()).authors.into_iter().map(|a| (a.name, a.role)).collect()
    }

    pub(super) fn one(name: &str, role: Option<&str>) -> (String, Option<String>) {
        (name.to_string(), role.map(str::to_string))
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
    fn the_copyright_holder_a_person_s_site_is_named_after() {
        let page = |host: &str, site: &str, holder: &str| {
            let doc = Document::from(
                format!(r#"<body><h1>My first impressions of web3</h1><p>Text.</p><div class="row"><span class="copyright">&copy; 2012 {holder}</span></div></body>"#)
                    .as_str(),
            );
            let ctx = Context::new(&[site.to_string()], &url::Url::parse(&format!("https://{host}/x")).unwrap());
            found_names(from_elements(&doc, "My first impressions of web3", &ctx))
        };
        // The site's name is the person's, its host the given name or the whole name.
        assert_eq!(page("moxie.org", "Moxie Marlinspike", "Moxie Marlinspike"), ["Moxie Marlinspike"]);
        assert_eq!(page("janeroe.net", "Jane Roe", "Jane Roe"), ["Jane Roe"]);
        // A publisher named after its host is no person.
        assert!(page("heise.de", "Heise Zeitschriften Verlag", "Heise Zeitschriften Verlag").is_empty());
        assert!(page("axios.com", "Axios Media", "Axios Media").is_empty());
        // The site's name alone, on a host that does not spell it, names nobody.
        assert!(page("blog.example.com", "Moxie Marlinspike", "Moxie Marlinspike").is_empty());
    }

    fn found_names(found: Found) -> Vec<String> {
        found.authors.into_iter().map(|a| a.name).collect()
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
