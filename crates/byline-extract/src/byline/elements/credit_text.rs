//! Elements whose text is a credit: a line that opens with a credit label
//! ("By …", "Автор:"), a label alone with its value after it (`<h5>Autor:
//! </h5>Peter Maahn`, a credit list's label and value cells), a credit
//! after a short lead ("Posted on May 12, 2016 by Jane Doe"), a line
//! of a date and a name, and a name in bold over its role.

use byline_feeds::credit::has_role_word;
use dom_query::NodeRef;

use crate::byline::lines::{date_line_name, has_label, mid_line_credit, strip_label, DATE_LINE_MAX};
use crate::byline::spaced_text::{short_spaced_text, two_part_line};
use crate::dom::{br_lines, class_id, opens_in_bold, tag};
use crate::model::Author;
use crate::text::squash;

/// Class or id parts that mark the name in a date line as the source or
/// the publisher, not a person (`<span class="provider-name">`).
const NOT_PERSON_MARKS: &[&str] = &["provider", "publisher", "source", "brand", "site", "channel", "category"];

/// A short line of a date and a name ("11.12.2019 - Jane Doe"), in one
/// element or as its two child elements' texts ([`two_part_line`]), whose
/// parts are not marked as the source or the publisher.
pub(super) fn is_date_line(n: &NodeRef) -> bool {
    !matches!(tag(n).as_str(), "script" | "style" | "body" | "html" | "ul" | "ol" | "time")
        && (short_spaced_text(n, DATE_LINE_MAX).as_deref().and_then(date_line_name).is_some()
            || two_part_line(n, DATE_LINE_MAX).as_deref().and_then(date_line_name).is_some())
        && !std::iter::once(*n).chain(n.descendants_it()).any(|d| {
            let marks = class_id(&d);
            NOT_PERSON_MARKS.iter().any(|m| marks.contains(m))
        })
}

/// A short block that opens with a name of two to four words in bold on a
/// line of its own, and the name's role on the one line after it: Folha's
/// `<p><b>MARIANA VERSOLATO</b><br>EDITORA-ADJUNTA DE "COTIDIANO"</p>` under
/// the headline (read there only, as a date line is).
pub(super) fn is_bold_name_block(n: &NodeRef) -> bool {
    if !matches!(tag(n).as_str(), "p" | "div") || short_spaced_text(n, DATE_LINE_MAX).is_none() {
        return false;
    }
    let lines = br_lines(n);
    let [name, role] = lines.as_slice() else { return false };
    (2..=4).contains(&name.split_whitespace().count())
        && role.split_whitespace().count() <= 8
        && has_role_word(role)
        && opens_in_bold(n, name)
}

/// Whether `n` is the innermost short line that credits people after a
/// short lead ([`mid_line_people`]).
pub(super) fn is_mid_line_credit(n: &NodeRef) -> bool {
    mid_line_people(n).is_some()
}

/// The people of `n` when it is the innermost short line that credits
/// them after a short lead ([`mid_line_credit`]).
pub(super) fn mid_line_people(n: &NodeRef) -> Option<Vec<Author>> {
    let line = |node: &NodeRef| short_spaced_text(node, DATE_LINE_MAX).and_then(|t| mid_line_credit(&t));
    // A headline may read as one ("… Implied by Functional Programs").
    if matches!(tag(n).as_str(), "script" | "style" | "body" | "html" | "a" | "ul" | "ol" | "li" | "h1" | "h2" | "h3") {
        return None;
    }
    let people = line(n)?;
    (!n.children_it(false).any(|c| c.is_element() && line(&c).is_some())).then_some(people)
}

/// `is_by_line(node) || is_label_only(node)`, reading the text once: a
/// label-only text is the same text read no further than 30 characters.
pub(super) fn is_credit_line(node: &NodeRef) -> bool {
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
pub(super) fn is_by_line(node: &NodeRef) -> bool {
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
pub(super) fn is_label_only(node: &NodeRef) -> bool {
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
pub(super) fn label_value(node: &NodeRef) -> Option<String> {
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
pub(super) const BY_LINE_MAX: usize = 150;

#[cfg(test)]
mod tests {
    use dom_query::Document;

    use crate::byline::elements::from_elements;
    use crate::byline::elements::tests::{byline_of, names};
    use crate::byline::names::test_context;
    use crate::byline::Evidence;

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
        assert_eq!(names(&found.authors), [("Bill McCarthy", None), ("Marisha Goldhamer", None)]);
        // Without a colon, "By …" in a list item is a teaser's line, not a label.
        let doc = Document::from(
            r#"<body><h1>Rumours about the virus return</h1><ul><li>By Mark Stone</li></ul><p>Text.</p></body>"#,
        );
        assert!(from_elements(&doc, "Rumours about the virus return", &test_context()).is_empty());
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
    fn a_date_and_a_name_in_two_elements_under_the_headline_are_a_date_line() {
        let doc = Document::from(
            r#"<body><h1>Why I Meditate</h1><div class="div-block-31"><div class="text-block-154">September 16,
               2018</div><div class="div-block-32"></div><div class="text-block-155">Oshan Jarow</div></div>
               <p>Meditating 30 minutes a day.</p></body>"#,
        );
        let found = from_elements(&doc, "Why I Meditate", &test_context());
        assert_eq!(names(&found.authors), [("Oshan Jarow", None)]);
        assert_eq!(found.evidence, Evidence::DateLine);
        // A date beside a section's name, or beside a third part, names nobody.
        for parts in
            ["<div>September 16, 2018</div><div>Politics</div>", "<b>May 2, 2020</b><b>Jane Doe</b><b>Updated</b>"]
        {
            let doc = Document::from(format!("<body><h1>Why I Meditate</h1><div>{parts}</div><p>Text.</p></body>"));
            assert!(from_elements(&doc, "Why I Meditate", &test_context()).is_empty(), "{parts}");
        }
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
    fn by_and_a_lower_case_word_is_a_sentence_not_a_credit() {
        let html = r#"<form><span class="policy">By clicking "Submit," you agree to the <a href="/privacy">Privacy Policy</a>
            and <a href="/terms">Terms of Use</a>.</span></form>"#;
        assert_eq!(byline_of(html), []);
    }
}
