//! Who wrote the article, and what they are.
//!
//! Sources, in order of trust; the first that yields a real person wins:
//! 1. JSON-LD `author` (one or a list), with `jobTitle` as the role;
//! 2. `<meta name="author">`, `<meta property="article:author">`;
//! 3. `rel=author` links, then `.byline`, then `.author` elements, with a
//!    neighbouring `.position`/`.role`/`.job` element as the role;
//! 4. the feed's author, passed in by the caller;
//! 5. a trailing "Name – Role" / "Name, Role" / "Автор: Name" line at the end
//!    of the body (common on Azerbaijani and Russian sites), which is then
//!    removed from the body. When a more trusted source already named the
//!    same people, that line only supplies their roles (and is removed too).
//!
//! Never a byline: a site or publisher name, a date, a URL, "Admin",
//! "Редакция"/"Redaksiya" (the publisher, not a person).

use byline_feeds::credit::{
    clean_role, has_label, is_name_shaped, is_plausible_person, name_and_role, parse_credit, people_from_feed,
};
use dom_query::{Document, NodeRef};
use url::Url;

use crate::dom::{class_id, tag, text_of};
use crate::jsonld::ArticleLd;
use crate::metadata::Meta;
use crate::model::Author;
use crate::text::{comparable, squash};

/// First words of lines at the end of a body that are credits but not bylines.
const NOT_BYLINE_LINES: &[&str] = &["foto", "photo", "фото", "mənbə", "source", "источник", "video", "видео"];
/// Class or id parts of the element holding an author's role.
const ROLE_MARKS: &[&str] = &["position", "role", "job", "dolzhnost", "vezife", "vəzifə", "post-title", "author-title"];

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

/// Authors from `<meta name="author">` and `article:author` (URLs skipped).
pub(crate) fn from_meta(meta: &Meta, ctx: &Context) -> Vec<Author> {
    let mut found = Vec::new();
    for key in
        ["author", "article:author", "og:article:author", "dc.creator", "parsely-author", "sailthru.author", "byl"]
    {
        for value in meta.all(key) {
            if !value.contains("://") && !value.starts_with("www.") {
                found.extend(parse_credit(value));
            }
        }
        if !found.is_empty() {
            break;
        }
    }
    ctx.keep_people(found)
}

/// Authors from the page's `rel=author` links, `.byline` and `.author`
/// elements (run after ads, share and related blocks have been removed).
pub(crate) fn from_elements(doc: &Document, ctx: &Context) -> Vec<Author> {
    let groups: [&dyn Fn(&NodeRef) -> bool; 3] = [
        &|n| n.attr("rel").is_some_and(|r| r.to_lowercase().split_whitespace().any(|w| w == "author")),
        &|n| class_id(n).contains("byline"),
        &|n| {
            let marks = class_id(n);
            marks.contains("author") && !["bio", "photo", "avatar", "about", "img"].iter().any(|m| marks.contains(m))
        },
    ];
    for matches in groups {
        let mut used: Vec<NodeRef<'_>> = Vec::new();
        let mut found = Vec::new();
        for node in doc.select("body *").nodes() {
            if !matches(node) || used.iter().any(|u| node.ancestors_it(None).any(|a| a.id == u.id)) {
                continue;
            }
            used.push(*node);
            found.extend(read_author_element(node));
        }
        let people = ctx.keep_people(found);
        if !people.is_empty() {
            return people;
        }
    }
    Vec::new()
}

/// The feed item's author, when it is a person.
pub(crate) fn from_feed(feed_author: Option<&str>, ctx: &Context) -> Vec<Author> {
    let text = feed_author.map(byline_feeds::sanitize::plain_text).unwrap_or_default();
    ctx.keep_people(people_from_feed([text.as_str()]))
}

fn read_author_element(node: &NodeRef) -> Vec<Author> {
    let name_child = node.descendants_it().find(|d| {
        let marks = class_id(d);
        d.is_element()
            && (d.attr("itemprop").is_some_and(|p| p.as_ref() == "name")
                || marks.split_whitespace().any(|c| c == "fn")
                || (marks.contains("name") && !marks.contains("username")))
    });
    let role = find_role(node).or_else(|| node.parent().and_then(|p| find_role(&p)));
    let mut authors = match name_child {
        Some(child) => parse_credit(&text_of(&child)),
        None => {
            let text = text_of(node);
            if text.chars().count() > 150 {
                return Vec::new();
            }
            parse_credit(&text)
        }
    };
    if let ([only], Some(role)) = (authors.as_mut_slice(), role) {
        if only.role.is_none() && comparable(&role) != comparable(&only.name) {
            only.role = Some(role);
        }
    }
    authors
}

fn find_role(node: &NodeRef) -> Option<String> {
    node.descendants_it()
        .filter(|d| d.is_element())
        .find(|d| {
            let marks = class_id(d);
            ROLE_MARKS.iter().any(|m| marks.contains(m))
        })
        .map(|d| text_of(&d))
        .filter(|t| !t.is_empty() && t.chars().count() <= 120)
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
    let mut authors = sources.into_iter().find(|s| !s.is_empty()).unwrap_or_default();
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
        assert_eq!(names(&from_elements(&doc, &ctx())), [("Ольга Смирнова", Some("обозреватель"))]);
        let doc =
            Document::from(r#"<body><span class="author vcard"><a rel="author" href="/a">admin</a></span></body>"#);
        assert!(from_elements(&doc, &ctx()).is_empty());
    }

    #[test]
    fn feed_author_email_form() {
        assert_eq!(names(&from_feed(Some("news@site.az (Aynur Məmmədova)"), &ctx())), [("Aynur Məmmədova", None)]);
        assert!(from_feed(Some("Xəzər Xəbər"), &ctx()).is_empty());
        assert!(from_feed(None, &ctx()).is_empty());
    }
}
