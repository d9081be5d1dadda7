//! The news agency the page's elements credit as the story's source, apart
//! from its people: a line of the article whose whole text is an agency's
//! name, alone or after a source label or "By" ("AzərTac", "Mənbə: APA",
//! "Источник: ТАСС", "By AP", "(Reuters)"), after the headline; never a
//! picture's credit, a mention inside a sentence or a line in blocks of
//! other articles.

use byline_feeds::credit::agency_named_in;
use dom_query::{Document, NodeRef};

use super::names::Context;
use super::regions::in_other_block;
use crate::dom::{class_id, has_descendant, innermost_blocks, short_text, tag, text_of, MEDIA_OR_TABLE};
use crate::text::{comparable, squash};

/// Labels that open a source credit ("Mənbə: APA", "Источник: ТАСС"),
/// compared folded (`ı` written `i`).
const SOURCE_LABELS: &[&str] = &["mənbə", "source", "источник", "джерело", "fuente", "fonte", "kaynak"];

/// Block elements that may hold a source line of their own.
const LINE_BLOCKS: &[&str] = &["p", "div", "li", "address", "section"];

/// Inline elements that may be the source line, when their class says so
/// ([`SOURCE_MARKS`]) or they are their block's whole text.
const LINE_INLINES: &[&str] = &["span", "a", "em", "i", "strong", "b", "small"];

/// Class or id words of an element that credits the story's source.
const SOURCE_MARKS: &[&str] = &["source", "agency", "byline", "author", "credit"];

/// Class or id words, and tags, of a picture's parts: an agency there
/// credits the picture ("Photo: AP"), not the story.
const PICTURE_MARKS: &[&str] = &["caption", "photo", "image", "img", "picture", "media", "gallery"];

/// A line's text is read up to this many characters.
const LINE_TEXT: usize = 60;

/// Agencies that write their name in lower case.
const LOWER_CASE_AGENCIES: &[&str] = &["dpa"];

/// A paragraph of the article's text has at least this many characters: a
/// source line stands before the first such paragraph (in the header) or
/// after the last (at the end), never between them (a chart's "Source:").
const TEXT_PARAGRAPH: usize = 80;

/// The agency a line names as the story's source: its whole text an
/// agency's name, perhaps in brackets or after a dash, a source label
/// ([`SOURCE_LABELS`]) or "By".
pub(super) fn agency_in_line(text: &str) -> Option<String> {
    let text = squash(text);
    let rest = match text.split_once(':') {
        Some((label, rest)) if SOURCE_LABELS.contains(&comparable(label).as_str()) => rest,
        // Another label ("Foto: AP") credits something else.
        Some(_) => return None,
        None => ["By ", "by ", "BY "].iter().find_map(|by| text.strip_prefix(by)).unwrap_or(&text),
    };
    let rest = rest.trim().trim_matches(['(', ')', '[', ']', '–', '—', '-', '.', ' ']);
    // The whole line, not an acronym inside it ("Photo by AP"), and
    // written as a name: "report" in lower case is a word.
    let as_name = rest.chars().any(char::is_uppercase) || LOWER_CASE_AGENCIES.contains(&rest);
    agency_named_in(rest).filter(|agency| agency == rest && as_name)
}

/// The agency the first source line after the headline (at index
/// `headline` of `all`, the page's elements) names, in the header or at
/// the article's end ([`TEXT_PARAGRAPH`]), unless it is the site itself;
/// none without a headline.
pub(super) fn agency_on_page(all: &[NodeRef<'_>], headline: Option<usize>, ctx: &Context) -> Option<String> {
    let h = headline?;
    let headline_node = all[h];
    let after = &all[h + 1..];
    let is_text = |n: &NodeRef| tag(n) == "p" && short_text(n, TEXT_PARAGRAPH).is_none();
    let first_text = after.iter().position(is_text).unwrap_or(after.len());
    let last_text = after.iter().rposition(is_text).unwrap_or(0);
    after
        .iter()
        .enumerate()
        .filter(|(i, _)| *i < first_text || *i > last_text)
        .map(|(_, n)| n)
        // The line's text first: it rules out nearly every element before
        // the walks up and down the tree.
        .filter_map(|n| short_text(n, LINE_TEXT).and_then(|t| agency_in_line(&t)).map(|agency| (n, agency)))
        .find(|(n, _)| may_be_source_line(n) && !in_picture(n) && !in_other_block(n, Some(&headline_node), true))
        .map(|(_, agency)| agency)
        .filter(|agency| !ctx.is_site_itself(agency))
}

/// Whether `node` can be a line of its own: a block, or an inline element
/// marked as a source or standing alone in the block around it.
fn may_be_source_line(node: &NodeRef) -> bool {
    let name = tag(node);
    if LINE_BLOCKS.contains(&name.as_str()) {
        return true;
    }
    if !LINE_INLINES.contains(&name.as_str()) {
        return false;
    }
    let marks = class_id(node);
    let block = node.ancestors_it(None).find(|a| !LINE_INLINES.contains(&tag(a).as_str()));
    SOURCE_MARKS.iter().any(|m| marks.contains(m))
        || block.is_some_and(|b| squash(&text_of(&b)) == squash(&text_of(node)))
}

/// Whether `node` is part of a picture (its figure, caption or credit),
/// holds one, or is laid over one (a credit right after the picture in the
/// same box: the node's own previous sibling, never an ancestor's, which
/// is the lead picture above a whole body).
fn in_picture(node: &NodeRef) -> bool {
    let is_picture = |n: &NodeRef| matches!(tag(n).as_str(), "figure" | "figcaption" | "picture" | "img" | "video");
    let holds_picture = |n: &NodeRef| is_picture(n) || n.descendants_it().any(|d| d.is_element() && is_picture(&d));
    holds_picture(node)
        || node.prev_element_sibling().is_some_and(|p| holds_picture(&p))
        || node.ancestors_it(None).any(|a| {
            let marks = class_id(&a);
            is_picture(&a) || PICTURE_MARKS.iter().any(|m| marks.contains(m))
        })
}

/// How many of the body's last blocks are read for its source line.
const TRAILING_BLOCKS: usize = 3;

/// Drops the source line that ends the body (`content`, the chosen body)
/// when it credits `agency`, the byline's agency: the reader prints the
/// agency with the byline ("Mənbə: APA" under the text, shown twice
/// otherwise).
pub(crate) fn drop_source_line(content: &Document, agency: Option<&str>) {
    let Some(agency) = agency else { return };
    let blocks = innermost_blocks(content);
    for block in blocks.iter().rev().take(TRAILING_BLOCKS) {
        let Some(text) = short_text(block, LINE_TEXT) else { return };
        if !has_descendant(block, MEDIA_OR_TABLE) && agency_in_line(&text).as_deref() == Some(agency) {
            block.remove_from_parent();
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_source_labels_are_written_as_they_are_compared() {
        crate::text::assert_written_as_compared(SOURCE_LABELS);
    }

    #[test]
    fn the_body_s_closing_source_line_goes_when_it_is_the_byline_s_agency() {
        let body = "<body><p>Mətn birinci abzas.</p><p>Mətn ikinci abzas.</p><p>Mənbə: APA</p></body>";
        let doc = Document::from(body);
        drop_source_line(&doc, Some("APA"));
        assert!(!doc.html().contains("Mənbə") && doc.html().contains("ikinci"), "{}", doc.html());
        for agency in [None, Some("AFP")] {
            let doc = Document::from(body);
            drop_source_line(&doc, agency);
            assert!(doc.html().contains("Mənbə: APA"), "{agency:?}");
        }
    }

    #[test]
    fn a_line_names_an_agency_alone_or_after_a_label() {
        for (line, agency) in [
            ("AzərTac", "AzərTac"),
            ("Mənbə: APA", "APA"),
            ("Источник: ТАСС", "ТАСС"),
            ("By AP", "AP"),
            ("BY REUTERS", "REUTERS"),
            ("(Reuters)", "Reuters"),
            ("– Report.az", "Report.az"),
            ("Mənbə: dpa", "dpa"),
        ] {
            assert_eq!(agency_in_line(line).as_deref(), Some(agency), "{line}");
        }
        for line in [
            "Reuters reported the talks had stalled",
            "Foto: AP",
            "Photo by AP",
            "report",
            "Aysel Məmmədova",
            "Mənbə: nazirlik",
        ] {
            assert_eq!(agency_in_line(line), None, "{line}");
        }
    }
}
