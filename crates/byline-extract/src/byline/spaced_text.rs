//! An element's text as a byline reader needs it: a space between its
//! elements' texts (`<span>By</span><span>Jane Doe</span>` is "By Jane
//! Doe"), read only up to a length, and the bare text after an element.

use dom_query::NodeRef;

use crate::dom::{own_text, tag, text_of};
use crate::text::squash;

/// The element's text with a space between its elements' texts
/// (`<span>By</span><span>Jane Doe</span>` is "By Jane Doe", not "ByJane Doe").
pub(super) fn spaced_text(node: &NodeRef) -> String {
    short_spaced_text(node, usize::MAX).unwrap_or_else(|| text_of(node))
}

/// [`spaced_text`], or `None` as soon as it passes `max` characters other
/// than spaces (or holds a script): cheap to ask of every element.
pub(super) fn short_spaced_text(node: &NodeRef, max: usize) -> Option<String> {
    // Squashed as it is read: a space between text nodes and for each run
    // of spaces between two words, none at the ends.
    let mut text = String::new();
    let mut len = 0usize;
    let mut gap = false;
    for d in node.descendants_it() {
        let read = own_text(&d, |t| {
            gap = true;
            for c in t.chars() {
                if c.is_whitespace() {
                    gap = true;
                    continue;
                }
                len += 1;
                if len > max {
                    return false;
                }
                if gap && !text.is_empty() {
                    text.push(' ');
                }
                gap = false;
                text.push(c);
            }
            true
        });
        match read {
            Some(true) => {}
            Some(false) => return None,
            None if d.is_element() && matches!(tag(&d).as_str(), "script" | "style") => return None,
            None => {}
        }
    }
    Some(text)
}

/// The texts of an element's two child elements, when they are all its text
/// (`<div><div>September 16, 2018</div><div></div><div>Oshan Jarow</div></div>`),
/// joined by " - " as a date-and-name line writes them in one: "September
/// 16, 2018 - Oshan Jarow". `None` when the element has text of its own,
/// another number of children with text, or a child over `max` characters.
pub(super) fn two_part_line(node: &NodeRef, max: usize) -> Option<String> {
    let mut parts: Vec<String> = Vec::new();
    for child in node.children_it(false) {
        if child.is_text() {
            if !child.text().trim().is_empty() {
                return None;
            }
        } else if child.is_element() {
            let text = short_spaced_text(&child, max)?;
            if !text.is_empty() {
                parts.push(text);
            }
        }
    }
    (parts.len() == 2).then(|| format!("{} - {}", parts[0], parts[1]))
}

/// The text right after `node` up to the next element, squashed, when it
/// has letters and at most 120 characters.
pub(super) fn text_before_next_element(node: &NodeRef) -> Option<String> {
    let mut text = String::new();
    let mut next = node.next_sibling();
    while let Some(sibling) = next.filter(|n| n.is_text()) {
        text.push_str(&sibling.text());
        next = sibling.next_sibling();
    }
    let text = squash(&text);
    (text.chars().any(char::is_alphabetic) && text.chars().count() <= 120).then_some(text)
}
