//! The role of the person a byline element names: the elements that hold
//! a role (`.author-title`, `itemprop=jobTitle`), a role written after the
//! name ("Jane Doe, Health Reporter"), after the name's own element, or on
//! an author card elsewhere on the page.

use byline_feeds::credit::{clean_role, has_role_word, is_name_shaped, parse_credit};
use dom_query::NodeRef;

use super::markup::has_name_class;
use crate::byline::lines::role_line;
use crate::byline::names::same_person;
use crate::byline::roles_beside::role_of_next_element;
use crate::byline::spaced_text::{short_spaced_text, spaced_text};
use crate::byline::Found;
use crate::dom::{class_id, tag, text_or_content};

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
    "authortitle",
    "byline__title",
    "byline-title",
    "byline_title",
    "occupation",
];

/// `found` with its one author's role, when the byline states none, from
/// an author card elsewhere on the page (a sidebar's or the article's
/// end): a heading that is the author's name and a role line right after
/// it ("<h3>Carrie Arnold</h3><p><em>Contributing Writer</em></p>").
pub(super) fn with_card_role(mut found: Found, all: &[NodeRef]) -> Found {
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
pub(super) fn role_after_name_element(name_element: &NodeRef, node: &NodeRef, name: &str) -> Option<String> {
    std::iter::once(*name_element)
        .chain(name_element.ancestors_it(None))
        .take_while(|n| n.id != node.id)
        .find_map(|n| role_of_next_element(&n, name))
}

/// Whether the element holds a role: a role class (`.author-post`,
/// `.author__position`, `.author-job`) or `itemprop=jobTitle`.
pub(super) fn is_role_element(node: &NodeRef) -> bool {
    let marks = class_id(node);
    // CSS utilities (`position-relative`) say where a box sits, not a job.
    let layout = ["position-relative", "position-absolute", "position-static", "position-fixed", "position-sticky"];
    marks.split_whitespace().any(|c| !layout.contains(&c) && ROLE_MARKS.iter().any(|m| c.contains(m)))
        || node.attr("itemprop").is_some_and(|p| p.split_whitespace().any(|w| w.eq_ignore_ascii_case("jobtitle")))
}

pub(super) fn find_role(node: &NodeRef) -> Option<String> {
    node.descendants_it()
        // A heading is a post's title (`<h2 class="cb-post-title">` of a teaser), never a job.
        .filter(|d| d.is_element() && !matches!(tag(d).as_str(), "h1" | "h2" | "h3") && is_role_element(d))
        .find_map(|d| role_text(&d))
}

/// The role a role element states, when it reads as one (not empty, not a
/// paragraph, with letters).
pub(super) fn role_text(node: &NodeRef) -> Option<String> {
    Some(clean_role(&text_or_content(node)))
        .filter(|t| !t.is_empty() && t.chars().count() <= 120 && t.chars().any(char::is_alphabetic))
}

/// The role written after the name in a byline's text, up to the
/// separator that leads to the date: "by <a>Jeff Foust</a>, SpaceNews
/// Writer | December 12, 2014 03:20pm ET".
pub(super) fn role_before_separator(text: &str, name: &str) -> Option<String> {
    let rest = after_name_and_separator(text, name, &[","])?;
    let role = rest.split(['|', '·', '•']).next()?.trim();
    role_line(name, role).filter(|_| has_role_word(role))
}

/// The role written after the name in the same element: "<a>Name</a>,
/// Role", "<span>Name</span> — Role". Only after a comma or a dash, and
/// never a date, a time or a "Follow" button.
pub(super) fn role_after_name(node: &NodeRef, name: &str) -> Option<String> {
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
    use dom_query::Document;

    use crate::byline::elements::from_elements;
    use crate::byline::elements::tests::{byline_of, names, one};
    use crate::byline::names::test_context;

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
    fn a_role_after_a_separator_in_the_next_element() {
        let doc = Document::from(
            r#"<h1>Woman charged</h1><p><span class="articleByline">BY SARAH BURGE</span><span class="articleSource"> / STAFF WRITER</span></p><p>Text.</p>"#,
        );
        let found = from_elements(&doc, "Woman charged", &test_context());
        assert_eq!(names(&found.authors), [("Sarah Burge", Some("Staff Writer"))]);
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
}
