//! The byline where the body prints it again: a line of the author's name
//! ("Fatma Sevinç Çetin", "By Jane Doe, Staff Writer") among the body's
//! first blocks, before its text begins. The reader shows the byline in
//! its header; in the text it is clutter.

use dom_query::{Document, NodeRef};

use super::lines::credit;
use super::names::same_person;
use crate::dom::{has_descendant, innermost_blocks, short_text, MEDIA_OR_TABLE};
use crate::model::Author;

/// The body's first blocks looked at: the byline sits above its text.
const LEADING_BLOCKS: usize = 4;
/// A byline line has at most this many characters; a longer block is the
/// text, and the looking stops there.
const LINE_TEXT: usize = 120;

/// Drops the blocks among the body's first ones that credit exactly the
/// people of `byline`, with or without a label or their roles; the first
/// block of text (a longer one) ends the search.
pub(crate) fn drop_printed_byline(content: &Document, byline: &[Author]) {
    if byline.is_empty() {
        return;
    }
    let blocks: Vec<NodeRef> = innermost_blocks(content).into_iter().take(LEADING_BLOCKS).collect();
    for block in blocks {
        let Some(text) = short_text(&block, LINE_TEXT) else { return };
        if text.is_empty() || has_descendant(&block, MEDIA_OR_TABLE) {
            continue;
        }
        if credits_exactly(&text, byline) {
            block.remove_from_parent();
        }
    }
}

/// Whether `line` credits the people of `byline` and no one else.
fn credits_exactly(line: &str, byline: &[Author]) -> bool {
    let people = credit(line);
    people.len() == byline.len() && people.iter().all(|p| byline.iter().any(|a| same_person(&p.name, &a.name)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(html: &str, names: &[&str]) -> String {
        let doc = Document::from(html);
        let byline: Vec<Author> = names.iter().map(|n| Author::new(*n, None)).collect();
        drop_printed_byline(&doc, &byline);
        doc.select("body").text().to_string()
    }

    #[test]
    fn the_author_s_line_above_the_text_goes() {
        let text = "<p>Arpaguş, Başkanlık Konferans Salonu'nda düzenlenen 2026 Vekaletle Kurban Kesim Organizasyonu \
                    Toplantısı'nda konuştu ve bedelleri açıkladı.</p>";
        let out = after(&format!("<body><div>Fatma Sevinç Çetin</div>{text}</body>"), &["Fatma Sevinç Çetin"]);
        assert!(!out.contains("Fatma") && out.contains("Arpaguş"), "{out}");
        let out = after(&format!("<body><p>By Jane Doe, Staff Writer</p>{text}</body>"), &["Jane Doe"]);
        assert!(!out.contains("Jane Doe"), "{out}");
    }

    #[test]
    fn other_people_and_lines_inside_the_text_stay() {
        let text = "<p>The council approved the new budget on Tuesday after a long debate about schools, roads and \
                    the city's water supply, which has been under strain for years.</p>";
        // Someone else, or only one of two authors.
        let out = after(&format!("<body><p>Tom Ray</p>{text}</body>"), &["Jane Doe"]);
        assert!(out.contains("Tom Ray"), "{out}");
        let out = after(&format!("<body><p>Jane Doe</p>{text}</body>"), &["Jane Doe", "Tom Ray"]);
        assert!(out.contains("Jane Doe"), "{out}");
        // After the text has begun: a signature or a quote, not the byline above it.
        let out = after(&format!("<body>{text}<p>Jane Doe</p></body>"), &["Jane Doe"]);
        assert!(out.contains("Jane Doe"), "{out}");
    }
}
