//! Reading one byline element's people: its name element, its credit
//! lines, its links to people's pages or its text, without the dates,
//! roles and buttons printed beside the names, and the role that goes with
//! a single name.

use byline_feeds::credit::{is_name_shaped, is_plausible_person};
use dom_query::NodeRef;

use super::credit_text::{is_by_line, is_label_only, label_value, mid_line_people, BY_LINE_MAX};
use super::markup::{has_name_class, is_submitted_line};
use super::roles::{
    find_role, is_role_element, role_after_name, role_after_name_element, role_before_separator, role_text,
};
use crate::byline::lines::{credit, credit_lines, date_line_name, DATE_LINE_MAX};
use crate::byline::roles_beside::{role_in_name_block, role_of_next_element};
use crate::byline::spaced_text::{short_spaced_text, spaced_text, two_part_line};
use crate::dom::{br_lines, class_id, has_class, has_descendant, tag, text_of, text_or_content};
use crate::model::Author;
use crate::stamp_lines::is_stamp_line;
use crate::text::{comparable, squash};

pub(super) fn read_author_element(node: &NodeRef) -> Vec<Author> {
    if let Some(people) = mid_line_people(node) {
        return people;
    }
    // The line in one element, or its date and name in two.
    for line in [short_spaced_text(node, DATE_LINE_MAX), two_part_line(node, DATE_LINE_MAX)].into_iter().flatten() {
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
    if let Some(lines) = labelled_items(node) {
        let people = credit_lines(&lines);
        if !people.is_empty() {
            return people.into_iter().filter(|a| is_plausible_person(&a.name)).collect();
        }
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

/// The most items of a byline printed as a list ([`labelled_items`]).
const LABELLED_ITEMS_MAX: usize = 6;

/// The lines of a byline printed as a list of items, each opened by a
/// label ending in a comma, a word for screen readers (the BBC's
/// `<li><span class="visually-hidden">Author,</span>Jane Doe</li><li><span
/// class="visually-hidden">Role,</span>Health editor</li>`, "Автор,",
/// "Должность,", "Müəllif,", "Vəzifə,"): an author's item as a credit line
/// ("Author: Jane Doe"), a role's as its value alone when it names a job
/// (never the outlet, "BBC News"), other items (the place reported from)
/// left out. `None` when the list is no such byline.
fn labelled_items(node: &NodeRef) -> Option<Vec<String>> {
    let items: Vec<NodeRef> =
        node.descendants_it().filter(|d| d.is_element() && tag(d) == "li").take(LABELLED_ITEMS_MAX + 1).collect();
    if items.is_empty() || items.len() > LABELLED_ITEMS_MAX {
        return None;
    }
    let mut lines = Vec::new();
    for item in &items {
        let label_node = item.children_it(false).find(|c| c.is_element() || !c.text().trim().is_empty())?;
        let label_text = squash(&label_node.text());
        let label = label_text.strip_suffix(',')?.trim();
        if !label_node.is_element() || label.is_empty() {
            return None;
        }
        let value = squash(&text_of(item)).strip_prefix(label_text.as_str())?.trim().to_string();
        match item_label(label)? {
            ItemLabel::Author => lines.push(format!("{label}: {value}")),
            ItemLabel::Role if byline_feeds::credit::has_role_word(&value) => lines.push(value),
            ItemLabel::Role | ItemLabel::Other => {}
        }
    }
    (!lines.is_empty()).then_some(lines)
}

/// What a byline list's item label says its value is.
enum ItemLabel {
    /// A credit's label: the value names the author.
    Author,
    /// The value is the author's role.
    Role,
    /// Anything else the list tells (the place reported from).
    Other,
}

/// The labels of a byline printed as a list ([`labelled_items`]) other
/// than a credit's (any label of `byline_feeds`' credits, "Author",
/// "Автор", "Müəllif", names the author), folded: the role's, and the place
/// reported from.
const ITEM_LABELS: &[(&str, ItemLabel)] = &[
    ("role", ItemLabel::Role),
    ("должность", ItemLabel::Role),
    ("vəzifə", ItemLabel::Role),
    ("reporting from", ItemLabel::Other),
    ("репортаж из", ItemLabel::Other),
    ("haradan", ItemLabel::Other),
];

/// What a byline list's item `label` says its value is; `None` for a
/// label of no byline.
fn item_label(label: &str) -> Option<&'static ItemLabel> {
    if byline_feeds::credit::strip_label(label).is_empty() {
        return Some(&ItemLabel::Author);
    }
    let key = comparable(label);
    ITEM_LABELS.iter().find(|(l, _)| *l == key).map(|(_, kind)| kind)
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

#[cfg(test)]
mod tests {
    use dom_query::Document;

    use crate::byline::elements::from_elements;
    use crate::byline::elements::tests::{byline_of, names, one};
    use crate::byline::names::test_context;

    #[test]
    fn the_author_element_inside_a_byline_block_holds_every_name() {
        let doc = Document::from(
            r#"<h1>Officers charged</h1><div class="byline-section"><div class="attribution"><span class="author">Kevin Johnson and Kevin McCoy</span> <span class="publication">USA TODAY</span></div><div class="publish-date">Published 7:07 PM EST Nov 19, 2019</div></div><p>Text.</p>"#,
        );
        let found = from_elements(&doc, "Officers charged", &test_context());
        assert_eq!(names(&found.authors), [("Kevin Johnson", None), ("Kevin McCoy", None)]);
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
    fn an_author_page_link_with_a_marked_name_among_other_text() {
        let doc = Document::from(
            r#"<body><h1>Forest roads closed</h1><div><a href="/autoren/kathrin-fuehres-1"><span class="copyright">© Kathrin Führes</span>
               <span itemprop="name">Kathrin Führes</span></a></div><p>Text.</p></body>"#,
        );
        let found = from_elements(&doc, "Forest roads closed", &test_context());
        assert_eq!(names(&found.authors), [("Kathrin Führes", None)]);
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
    fn an_author_card_s_buttons_are_no_part_of_the_name() {
        let html = r##"<div class="author-card"><h4>Jane Doe</h4><a class="button tiny" href="/jd">Profile</a>
            <a class="button tiny" href="#">Follow</a><button>Unfollow</button></div>"##;
        assert_eq!(byline_of(html), [one("Jane Doe", None)]);
    }
}
