//! Who wrote the article, and what they are.
//!
//! Every source gives a candidate byline with its evidence ([`Found`]):
//! 1. JSON-LD `author`/`creator` (object, list, or `@id` reference into the
//!    `@graph`), with `jobTitle` as the role; a string with a label or
//!    several people ("By A and B") is read as a credit line; a publisher
//!    named as its author typed a `Person` is that person (a one-person
//!    site), not only the site;
//! 2. `<meta name="author">`, `article:author` when it is a name (not a URL),
//!    `citation_author`, `dcterms.creator`…, then the "Written by"
//!    `twitter:label`/`twitter:data` pair and Parse.ly's `parsely-page`
//!    JSON; a key whose value is the site or its publisher does not end
//!    the search;
//! 3. the page's elements, read before cleanup (`elements`): microdata
//!    (and RDFa `property=author`, Drupal's `rel=sioc:has_creator`),
//!    `rel=author`, `.byline` and Drupal's "Submitted by" `.submitted`
//!    line, credit labels, `.author` classes, a theme's `.posted-by`, links
//!    to an author's page, each with whether it sits in the headline's
//!    neighbourhood; elements in blocks of other articles, comments and
//!    sidebars are never read (`regions`); a credit printed on several
//!    lines is read line by line (`lines`: "Name<br>Role", "Автор:
//!    A<br>Фото: B", the other contributors after the author with their
//!    role), and a role element beside the name (`.author-title`,
//!    `.byline__title`) is the role, never part of the name;
//! 4. the feed's author, passed in by the caller;
//! 5. a credit line at the end of the body (`trailing`), in a block of its
//!    own or as the last line of the last block ("…text.<br>Name – Role");
//! 6. when the page's elements name nobody else: an author box after the
//!    article (`.author-bio`, "About the author", "Über den Autor", "Об
//!    авторе"), then the author's own reply among the comments (WordPress's
//!    `bypostauthor`), then, on a person's own site (the name in its host or
//!    title), the person a copyright line names (also when the site is
//!    named after them: "© 2012 Moxie Marlinspike" on moxie.org, named
//!    "Moxie Marlinspike"), or the person the site's name is of ("Andrew
//!    Montalenti's blog").
//!
//! `agree` scores each candidate by how reliable its kind of evidence
//! proved on the tune half of the real corpus and by how many independent
//! sources name the same people, and gives no byline when the best
//! candidate is weak and alone: inventing a byline is worse than missing
//! one.
//!
//! Never a byline (`names`): a site or publisher name (`og:site_name`,
//! JSON-LD organizations, the copyright holder, the host), a news agency or
//! desk ("AFP", "TNN", "AOL Staff", "Agencia EFE"), a date, a URL, "Admin",
//! "Редакция"/"Redaksiya", a lower-case tag, a title ("The Local"), a
//! phrase with lower-case words other than name particles ("… e.V.",
//! "Das Magazin für …"), a place list ("site.de, Frankfurt, Germany").

mod after;
mod agency;
mod agree;
mod author_links;
mod elements;
mod handle;
mod lines;
mod names;
mod printed;
mod regions;
#[cfg(test)]
mod reliability;
mod roles_beside;
mod spaced_text;
mod trailing;

use byline_feeds::credit::{
    agency_named_in, is_desk_credit, is_named_agency, is_phrase, parse_credit, people_from_feed, strip_label,
};

use dom_query::Document;

use crate::jsonld::ArticleLd;
use crate::metadata::Meta;
use crate::model::Author;
use crate::text::comparable;

pub(crate) use agency::drop_source_line;
pub(crate) use agree::choose;
pub(crate) use elements::from_elements;
pub(crate) use names::Context;
pub(crate) use printed::drop_printed_byline;
pub(crate) use roles_beside::roles_from_page;
pub(crate) use trailing::trailing_byline;

/// The kind of evidence a candidate byline was found by.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum Evidence {
    /// JSON-LD `author` or `creator`.
    JsonLd,
    /// An author meta tag.
    Meta,
    /// `itemprop=author` microdata.
    Microdata,
    /// A `rel=author` link.
    RelAuthor,
    /// An element whose class or id says `byline`.
    BylineClass,
    /// A "By Name" / "Автор: Name" line, or a label element and the text after it.
    CreditLabel,
    /// An element whose class or id says `author` (or `autor`, `avtor`…).
    AuthorClass,
    /// A link to an author's page (`/author/…`).
    AuthorPageLink,
    /// A line of a date and a name under the headline ("11.12.2019 - Jane
    /// Doe"), or a name in bold there with its role on the line after it.
    DateLine,
    /// The feed item's author.
    Feed,
    /// A credit line at the end of the body.
    Trailing,
    /// An author box after the article ("About the author", `.author-bio`).
    AuthorBox,
    /// The author's own reply among the comments (WordPress's `bypostauthor`).
    PostAuthorComment,
    /// The site's owner, on a page that names nobody else: the person its
    /// copyright line names, or its name does ("Andrew Montalenti's blog").
    SiteOwner,
}

/// One source's candidate byline.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    /// The people it names, in order (empty: the source names nobody).
    pub(crate) authors: Vec<Author>,
    /// How it was found.
    pub(crate) evidence: Evidence,
    /// Whether it was found in the headline's neighbourhood (the header),
    /// rather than elsewhere on the page.
    pub(crate) near_headline: bool,
    /// Whether the source credits a news agency and nobody else (JSON-LD
    /// `author` "Reuters"): the page's byline is the agency's.
    pub(crate) credits_agency: bool,
    /// The news agency the source credits, alone or beside people ("AFP"
    /// in `["Jane Doe", "AFP"]`), as written; never the site itself
    /// (`Reuters` on reuters.com).
    pub(crate) agency: Option<String>,
    /// Whether the source credits the site's desk or staff and nobody else
    /// (JSON-LD `author` "Editors, USA TODAY"): a byline away from the
    /// headline is another article's.
    pub(crate) credits_desk: bool,
}

impl Found {
    /// A candidate from `evidence` that is not tied to a place on the page.
    fn new(authors: Vec<Author>, evidence: Evidence) -> Self {
        Self { authors, evidence, near_headline: false, credits_agency: false, agency: None, credits_desk: false }
    }

    /// This candidate, marked as crediting an agency (or a desk) when it
    /// names nobody and every one of `credited` (the source's names as
    /// written) is a named agency (or a desk's credit), and with the first
    /// agency `credited` names that is not the site itself ([`Found::agency`]).
    fn with_agency_credit<'a>(mut self, credited: impl IntoIterator<Item = &'a str>, ctx: &Context) -> Self {
        let credited: Vec<&str> = credited.into_iter().map(strip_label).collect();
        let only = |rule: fn(&str) -> bool| {
            self.authors.is_empty() && !credited.is_empty() && credited.iter().all(|c| rule(c))
        };
        self.credits_agency = only(is_named_agency);
        self.credits_desk = !self.credits_agency && only(is_desk_credit);
        self.agency = credited.iter().filter_map(|c| agency_named_in(c)).find(|a| !ctx.is_site_itself(a));
        self
    }

    /// No candidate.
    pub(crate) fn nothing() -> Self {
        Self::new(Vec::new(), Evidence::AuthorClass)
    }

    /// Whether the source names nobody.
    pub(crate) fn is_empty(&self) -> bool {
        self.authors.is_empty()
    }

    /// Whether this candidate may be a wire story's sign-off ("(Reporting
    /// by A, B; editing by C)"): a credit line in the text, the body's last
    /// line, or a page element away from the headline's neighbourhood;
    /// never a structured statement (JSON-LD, meta, the feed) or byline
    /// markup in the header.
    fn may_be_a_sign_off(&self) -> bool {
        match self.evidence {
            Evidence::CreditLabel | Evidence::Trailing => true,
            Evidence::JsonLd | Evidence::Meta | Evidence::Feed => false,
            _ => !self.near_headline,
        }
    }

    /// Whether this candidate is page markup away from the headline's
    /// neighbourhood (a card of another article, a list of authors).
    fn is_away_from_headline(&self) -> bool {
        !matches!(self.evidence, Evidence::JsonLd | Evidence::Meta | Evidence::Feed | Evidence::Trailing)
            && !self.near_headline
    }

    /// Whether this candidate and `other` name a person in common.
    fn shares_a_name(&self, other: &[Author]) -> bool {
        self.authors.iter().any(|a| other.iter().any(|o| names::same_person(&o.name, &a.name)))
    }
}

/// Authors from JSON-LD: people only, with `jobTitle` as the role.
pub(crate) fn from_json_ld(ld: &ArticleLd, ctx: &Context) -> Found {
    let mut people = Vec::new();
    for a in ld.authors.iter().filter(|a| !a.is_organization) {
        // "By Jane Roe": the label is not part of the name.
        let name = strip_label(&a.name);
        if ctx.is_person(name) {
            people.push(Author::new(name, a.job_title.clone()));
        } else {
            // "By Jane Roe and Tom Ray", "Jane Roe, Tom Ray" in one string: the credit's people.
            people.extend(parse_credit(&a.name).into_iter().filter(|p| !is_phrase(&p.name)));
        }
    }
    Found::new(ctx.keep_people(people), Evidence::JsonLd)
        .with_agency_credit(ld.authors.iter().map(|a| a.name.as_str()), ctx)
}

/// Author meta keys, in order of trust.
const META_KEYS: &[&str] = &[
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
    "byline",
    "article:author_name",
    "shareaholic:article_author_name",
    "dc.creator.personalname",
    "author_name",
    "itemprop:author",
];

/// Authors from `<meta name="author">`, `article:author` (URLs skipped),
/// and the "Written by" label/data pair that SEO plugins write for Twitter;
/// failing those, the writer the page's `<title>` credits after its
/// `headline` ([`title_credit`]), then the person the `twitter:creator`
/// handle spells as `page` prints the name ([`handle::handle_person`]).
pub(crate) fn from_meta(
    meta: &Meta,
    page: &Document,
    page_title: Option<&str>,
    headline: &str,
    ctx: &Context,
) -> Found {
    let credited = meta.all("author").iter().map(String::as_str);
    let mut people = meta_people(meta, ctx);
    if people.is_empty() {
        people =
            page_title.and_then(|t| title_credit(t, headline)).map(|a| ctx.keep_people(vec![a])).unwrap_or_default();
    }
    if people.is_empty() {
        people = handle::handle_person(meta, page, ctx);
    }
    Found::new(people, Evidence::Meta).with_agency_credit(credited, ctx)
}

/// The writer a page's `<title>` names after the headline: "Dear Mark
/// Zuckerberg by Dalton Caldwell", "Headline by Jane Roe | Site", or in
/// brackets, "Latency mitigation strategies (by John Carmack)" (an
/// article kept on another's site; the headline may carry the brackets
/// too). Only when the title opens with the whole headline and the rest
/// is "by" and a name.
fn title_credit(page_title: &str, headline: &str) -> Option<Author> {
    let bracketed = page_title.trim_end().ends_with(')').then(|| page_title.rsplit_once(" (by ")).flatten();
    let (head, rest) = bracketed.or_else(|| page_title.rsplit_once(" by "))?;
    let same = |h: &str| !h.trim().is_empty() && comparable(head) == comparable(h);
    // The headline may carry the brackets too.
    if !(same(headline) || (bracketed.is_some() && comparable(headline) == comparable(page_title))) {
        return None;
    }
    let rest = if bracketed.is_some() { rest.trim_end().strip_suffix(')')?.trim() } else { rest };
    let name = rest.split(['|', '–', '—', '·']).next()?.split(" - ").next()?.trim();
    byline_feeds::credit::is_name_shaped(name).then(|| Author::new(name, None))
}

/// Whether an author meta `value` is the page's `generator` too: the team
/// or tool that built the site ("PMJS - Coordenadoria de TI"), not the
/// article's writer.
fn is_generator(meta: &Meta, value: &str) -> bool {
    meta.all("generator").iter().any(|g| comparable(g) == comparable(value))
}

fn meta_people(meta: &Meta, ctx: &Context) -> Vec<Author> {
    for key in META_KEYS {
        let mut found = Vec::new();
        for value in meta.all(key) {
            if !value.contains("://") && !value.starts_with("www.") && !is_generator(meta, value) {
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
    // Parse.ly's `parsely-page` meta: a JSON object with `authors` (or `author`).
    if let Some(page) = meta.first(&["parsely-page"]).and_then(|v| serde_json::from_str::<serde_json::Value>(v).ok()) {
        let names = page.get("authors").or_else(|| page.get("author"));
        let list: Vec<&str> = match names {
            Some(serde_json::Value::Array(items)) => items.iter().filter_map(serde_json::Value::as_str).collect(),
            Some(serde_json::Value::String(one)) => vec![one.as_str()],
            _ => Vec::new(),
        };
        let people = ctx.keep_people(list.into_iter().flat_map(parse_credit).collect());
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

/// The feed item's author, when it is a person, and the agency it
/// credits when it names one ("AFP", "Jane Doe, Reuters").
pub(crate) fn from_feed(feed_author: Option<&str>, ctx: &Context) -> Found {
    let text = feed_author.map(byline_feeds::sanitize::plain_text).unwrap_or_default();
    let credited = byline_feeds::credit::credit_parts(&text);
    // Only the agency: the feed's credit has no say in the page's sign-offs.
    let agency = Found::nothing().with_agency_credit(credited, ctx).agency;
    // A person's own site credits its owner by the site's name ("Sam Curry"
    // on samcurry.net), which is no person on other sites.
    let people = ctx.keep_people_or_site_person(people_from_feed([text.as_str()]));
    Found { agency, ..Found::new(people, Evidence::Feed) }
}

#[cfg(test)]
mod tests {
    use super::names::test_context;
    use super::*;

    #[test]
    fn an_author_meta_that_is_also_the_generator_built_the_site() {
        let page = |head: &str| Meta::read(&dom_query::Document::from(format!("<head>{head}</head>").as_str()));
        let team = page(
            r#"<meta name="author" content="Web Team - Ana Lima"><meta name="generator" content="Web Team - Ana Lima">"#,
        );
        assert!(from_meta(&team, &Document::from(""), None, "", &test_context()).is_empty());
        let writer = page(r#"<meta name="author" content="Ana Lima"><meta name="generator" content="WordPress 6.4">"#);
        assert_eq!(
            from_meta(&writer, &Document::from(""), None, "", &test_context()).authors,
            [Author::new("Ana Lima", None)]
        );
    }

    #[test]
    fn a_microdata_author_meta_gives_way_to_the_named_ones() {
        let page = |head: &str| Meta::read(&dom_query::Document::from(format!("<head>{head}</head>").as_str()));
        // therealdeal.com: the microdata author is the editor who posted it.
        let both = page(
            r#"<meta name="sailthru.author" content="By David Jeans "><meta itemprop="author" content="Kevin Rebong">"#,
        );
        assert_eq!(
            from_meta(&both, &Document::from(""), None, "", &test_context()).authors,
            [Author::new("David Jeans", None)]
        );
        let alone = page(r#"<meta itemprop="author" content="Kevin Rebong">"#);
        assert_eq!(
            from_meta(&alone, &Document::from(""), None, "", &test_context()).authors,
            [Author::new("Kevin Rebong", None)]
        );
    }

    #[test]
    fn the_writer_the_page_title_names_after_the_headline() {
        let ctx = test_context();
        let found = |title: &str| {
            from_meta(&Meta::default(), &Document::from(""), Some(title), "Dear Mark Zuckerberg", &ctx).authors
        };
        assert_eq!(found("Dear Mark Zuckerberg by Dalton Caldwell"), [Author::new("Dalton Caldwell", None)]);
        assert_eq!(found("Dear Mark Zuckerberg by Dalton Caldwell | Svbtle"), [Author::new("Dalton Caldwell", None)]);
        // Another title, or words that are no name, credit nobody.
        assert!(found("Stand by Me by Ben E. King").is_empty());
        assert!(found("Dear Mark Zuckerberg by the numbers").is_empty());
        // In brackets, the headline carrying them or not.
        let carmack = "Latency mitigation strategies (by John Carmack)";
        for headline in ["Latency mitigation strategies", carmack] {
            let authors = from_meta(&Meta::default(), &Document::from(""), Some(carmack), headline, &ctx).authors;
            assert_eq!(authors, [Author::new("John Carmack", None)], "{headline}");
        }
    }

    #[test]
    fn feed_author_email_form() {
        let c = test_context();
        let found = from_feed(Some("news@site.az (Aynur Məmmədova)"), &c);
        assert_eq!(found.authors, [Author::new("Aynur Məmmədova", None)]);
        assert!(from_feed(Some("Xəzər Xəbər"), &c).is_empty());
        assert!(from_feed(None, &c).is_empty());
    }
}
