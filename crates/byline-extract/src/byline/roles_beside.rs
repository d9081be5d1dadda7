//! A byline's roles from the page: the role printed beside a person's name
//! in an element of its own, for the people a source named without one
//! (JSON-LD and meta tags name the author; the page prints "Staff Writer"
//! under the name).

use byline_feeds::credit::{has_role_word, usual_case};
use dom_query::{Document, NodeRef};

use super::lines::{role_line, strip_label};
use super::names::{same_person, Context};
use super::regions::{headline_index, in_other_block};
use super::spaced_text::{short_spaced_text, text_before_next_element};
use super::Found;
use crate::dom::{body_elements, own_text};
use crate::model::Author;
use crate::text::comparable;

/// The most characters of an element read as a person's name.
const NAME_MAX: usize = 80;

/// The roles the page prints beside the names of the people of `sources`
/// who have none: beside an element of the page whose text is that
/// person's name, outside blocks of other articles, comments and site
/// furniture, on the line after it ([`role_of_next_element`]) or in the
/// block around it ([`role_in_name_block`]); the first such element with a
/// role, in the page's order. Each is a person with the role found; the
/// page is read only when someone lacks a role; roles are kept as
/// [`Context::keep_people`] keeps any source's. Read before cleanup, used
/// after the byline is chosen, for the roles no source stated.
pub(crate) fn roles_from_page(doc: &Document, title: &str, sources: &[&Found], ctx: &Context) -> Vec<Author> {
    let mut lacking: Vec<&str> = Vec::new();
    for author in sources.iter().flat_map(|f| &f.authors).filter(|a| a.role.is_none()) {
        if !lacking.iter().any(|name| same_person(name, &author.name)) {
            lacking.push(&author.name);
        }
    }
    if lacking.is_empty() {
        return Vec::new();
    }
    let texts: Vec<NodeRef> =
        doc.body().map(|b| b.descendants_it().filter(|d| d.is_text()).collect()).unwrap_or_default();
    let named: Vec<(&str, Vec<NodeRef>)> =
        lacking.into_iter().map(|name| (name, name_elements(&texts, name))).collect();
    if named.iter().all(|(_, elements)| elements.is_empty()) {
        return Vec::new();
    }
    let all = body_elements(doc);
    let headline = headline_index(doc, &all, title).map(|h| all[h]);
    let found = named
        .into_iter()
        .filter_map(|(name, elements)| {
            let role = elements
                .into_iter()
                .filter(|n| !in_other_block(n, headline.as_ref(), true))
                .find_map(|n| role_of_next_element(&n, name).or_else(|| role_in_name_block(&n, name)))?;
            Some(Author::new(name, Some(role)))
        })
        .collect();
    // Kept as any source's roles are: never a desk ("PhillyVoice Staff") or an agency.
    ctx.keep_people(found)
}

/// The elements whose text is `name` ([`same_person`], a label such as
/// "By" aside), found from the text nodes of `texts` that hold its last
/// word: each such node's element and up to two elements around it,
/// innermost first, in the page's order.
fn name_elements<'a>(texts: &[NodeRef<'a>], name: &str) -> Vec<NodeRef<'a>> {
    let Some(last) = name.split_whitespace().last().map(str::to_lowercase) else { return Vec::new() };
    let mut found: Vec<NodeRef> = Vec::new();
    for text in texts.iter().filter(|t| own_text(t, |s| s.to_lowercase().contains(&last)) == Some(true)) {
        for element in text.ancestors_it(None).take(3) {
            let is_name = short_spaced_text(&element, NAME_MAX).is_some_and(|t| same_person(strip_label(&t), name));
            if is_name && !found.iter().any(|f| f.id == element.id) {
                found.push(element);
            }
        }
    }
    found
}

/// The most characters of the block around a byline element that may
/// hold the name and its role and nothing else.
const NAME_BLOCK_MAX: usize = 160;

/// What may stand between a name and its role: "Jane Doe, Editor",
/// "Jane Doe — Editor", "Jane Doe | Editor".
const FIELD_OPENERS: &[char] = &[',', '/', '—', '–', '-', '|', '·', '•'];

/// What ends a byline's field: "Jane Doe | Editor | 2 May".
const FIELD_SEPARATORS: &[char] = &['|', '·', '•'];

/// The role that the nearest block around the byline element `node` holds
/// beside `name` and nothing else, in an element of its own:
/// `<div><span><a>Jane Doe</a></span><div class="meta">Staff Writer</div></div>`.
/// The block is the nearest ancestor (at most three up) with more than the
/// name; before the name it may hold only a credit label ("By"), after it
/// a role line with a role word ([`role_line`]), alone or as the first
/// field of a line of fields ("Jane Doe | Staff Writer | London, 2 May"):
/// never a date, a sentence or another name.
pub(super) fn role_in_name_block(node: &NodeRef, name: &str) -> Option<String> {
    let name_key = comparable(name);
    let block = std::iter::once(*node)
        .chain(node.ancestors_it(None).take(3))
        .map(|n| short_spaced_text(&n, NAME_BLOCK_MAX))
        .find(|text| text.as_ref().is_none_or(|t| comparable(t) != name_key))??;
    let at = block.find(name)?;
    let before = block[..at].trim();
    if !before.is_empty() && !strip_label(before).trim().is_empty() {
        return None;
    }
    let rest = block[at + name.len()..].trim_start_matches(|c: char| c.is_whitespace() || FIELD_OPENERS.contains(&c));
    // "Jane Doe | Staff Writer | London, 2 May 2024": the field after the name.
    let role = rest.split(FIELD_SEPARATORS).next()?.trim();
    role_line(name, role).filter(|_| has_role_word(role)).map(|role| usual_case(&role))
}

/// The role stated by the element right after the byline's, with no role
/// class, when its short text reads as a role after the name ([`role_line`])
/// and holds a role word ("<a class="byline">By Jane Doe</a><div>Site
/// Contributor</div>"): never a date, a button, another name or a category
/// ("in Allgemeines").
pub(super) fn role_of_next_element(node: &NodeRef, name: &str) -> Option<String> {
    // `<div id="byline">By <a>Robert Barnes</a></div>Washington Post Staff
    // Writer<br>`: the next line may be bare text before the next element.
    let text = match text_before_next_element(node) {
        Some(text) => text,
        None => short_spaced_text(&node.next_element_sibling()?, 120)?,
    };
    // `<span>BY SARAH BURGE</span><span> / STAFF WRITER</span>`: the line
    // may open with the separator, and a role in capitals reads as a name does.
    let text = text.trim_start_matches(['/', '|', ',', '—', '–']).trim_start();
    role_line(name, text).filter(|_| has_role_word(text)).map(|role| usual_case(&role))
}

#[cfg(test)]
mod tests {
    use dom_query::Document;

    use super::*;

    fn role_of(html: &str, name: &str) -> Option<String> {
        let doc = Document::from(html);
        let node = doc.select("#name").nodes().first().copied().expect("an element with id=name");
        role_in_name_block(&node, name)
    }

    #[test]
    fn the_block_holds_the_name_and_a_role_line() {
        let html = r#"<div><span><a id="name">Jane Doe</a></span><div>Staff Writer</div></div>"#;
        assert_eq!(role_of(html, "Jane Doe").as_deref(), Some("Staff Writer"));
        let html = r#"<p>By <a id="name">Jane Doe</a> | Health Reporter | 2 May 2024</p>"#;
        assert_eq!(role_of(html, "Jane Doe").as_deref(), Some("Health Reporter"));
    }

    #[test]
    fn text_before_the_name_or_no_role_word_states_no_role() {
        assert_eq!(role_of(r#"<p>Photo: <a id="name">Jane Doe</a> Staff Writer</p>"#, "Jane Doe"), None);
        assert_eq!(role_of(r#"<p><a id="name">Jane Doe</a> London</p>"#, "Jane Doe"), None);
        assert_eq!(role_of(r#"<p><a id="name">Jane Doe</a> is a senior editor</p>"#, "Jane Doe"), None);
    }
}
