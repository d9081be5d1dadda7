//! Small queries on `dom_query` nodes used by several modules.

use dom_query::{Document, LocalName, NodeData, NodeRef};

use crate::text::squash;

/// Lower-cased words of the element's `class` and `id` (split on anything
/// that is not a letter or digit: `sd-social` → `sd`, `social`).
pub(crate) fn class_id_tokens(node: &NodeRef) -> Vec<String> {
    class_id_words(&class_id(node)).map(String::from).collect()
}

/// The words of a [`class_id`] string, borrowed from it: what
/// [`class_id_tokens`] gives, for a caller that has the string already.
pub(crate) fn class_id_words(marks: &str) -> impl Iterator<Item = &str> {
    marks.split(|c: char| !c.is_alphanumeric()).filter(|t| !t.is_empty())
}

/// Whether `node` is a post as WordPress marks one (`post_class()`:
/// `hentry`, `type-post`), whose other classes are its categories, tags and
/// terms, words of its topics rather than of its layout
/// ("internet-estallido-comentarios", "tag-trending"): never a comment
/// section or a related block by them.
pub(crate) fn is_post_with_terms(node: &NodeRef) -> bool {
    node.attr("class").is_some_and(|c| c.split_whitespace().any(|t| t == "hentry" || t == "type-post"))
}

/// The element's `class` and `id` joined and lower-cased, for substring checks.
pub(crate) fn class_id(node: &NodeRef) -> String {
    // One buffer for both (it is asked of every element, several times).
    let (class, id) = (node.attr("class"), node.attr("id"));
    let mut s = String::with_capacity(class.as_ref().map_or(0, |c| c.len()) + id.as_ref().map_or(0, |i| i.len() + 1));
    if let Some(class) = &class {
        push_lowercase(&mut s, class);
    }
    if let Some(id) = &id {
        s.push(' ');
        push_lowercase(&mut s, id);
    }
    s
}

/// Appends `text.to_lowercase()` to `out`; ASCII in place, with no buffer of its own.
fn push_lowercase(out: &mut String, text: &str) {
    if text.is_ascii() {
        let start = out.len();
        out.push_str(text);
        out[start..].make_ascii_lowercase();
    } else {
        out.push_str(&text.to_lowercase());
    }
}

/// Whether one of the element's class words is `word` (ASCII case
/// ignored): `has_class(n, "bypostauthor")`.
pub(crate) fn has_class(node: &NodeRef, word: &str) -> bool {
    node.attr("class").is_some_and(|c| c.split_whitespace().any(|w| w.eq_ignore_ascii_case(word)))
}

/// Tag name of an element (empty for non-elements), as the parser wrote it:
/// lower case for every HTML element, so it compares with lower-case names.
/// The name is the parser's interned atom, so asking it allocates nothing
/// (it is asked of every element of a page several times).
pub(crate) fn tag(node: &NodeRef) -> Tag {
    Tag(node.qual_name_ref().map(|q| q.local.clone()))
}

/// An element's tag name, from [`tag`].
pub(crate) struct Tag(Option<LocalName>);

impl Tag {
    /// The name (empty for a node that is not an element).
    pub(crate) fn as_str(&self) -> &str {
        self.0.as_deref().unwrap_or_default()
    }
}

impl PartialEq<&str> for Tag {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// The element's text with whitespace squashed, a line break (`<br>`)
/// read as a space: "Aysel Məmmədova<br>Bakı Dövlət Universitetinin
/// professoru" is two lines, never the word "MəmmədovaBakı".
pub(crate) fn text_of(node: &NodeRef) -> String {
    let mut text = String::new();
    if own_text(node, |t| text.push_str(t)).is_none() {
        for d in node.descendants_it() {
            if own_text(&d, |t| text.push_str(t)).is_none() && is_line_break(&d) {
                text.push(' ');
            }
        }
    }
    squash(&text)
}

/// Whether `node` is a `<br>`.
fn is_line_break(node: &NodeRef) -> bool {
    node.is_element() && tag(node) == "br"
}

/// The element's text, or its `content` attribute when it has none
/// (microdata's `<meta itemprop="author" content="…">`).
pub(crate) fn text_or_content(node: &NodeRef) -> String {
    let text = text_of(node);
    if text.is_empty() {
        node.attr("content").map(|c| squash(&c)).unwrap_or_default()
    } else {
        text
    }
}

/// [`text_of`] when it has at most `max` characters, else `None`; stops
/// reading as soon as the text is too long, so it is cheap to ask of every
/// element of a page (`text_of` on each would read the page once per level).
pub(crate) fn short_text(node: &NodeRef, max: usize) -> Option<String> {
    // Squashed as it is read: one space where a run of spaces falls between
    // two words, none at the ends (what `squash` of the whole text gives).
    let mut text = String::new();
    let mut chars = 0usize;
    let mut gap = false;
    for d in node.descendants_it() {
        if is_line_break(&d) {
            gap = true;
            continue;
        }
        let too_long = own_text(&d, |t| {
            for c in t.chars() {
                if c.is_whitespace() || c == '\u{a0}' {
                    gap = true;
                    continue;
                }
                if gap && !text.is_empty() {
                    text.push(' ');
                    chars += 1;
                }
                gap = false;
                text.push(c);
                chars += 1;
                // The squashed text only grows: past `max` it stays past.
                if chars > max {
                    return true;
                }
            }
            false
        });
        if too_long == Some(true) {
            return None;
        }
    }
    Some(text)
}

/// `f` of the text of a text node, read in place (`NodeRef::text` copies it
/// into a new string); `None` for any other node.
pub(crate) fn own_text<R>(node: &NodeRef, f: impl FnOnce(&str) -> R) -> Option<R> {
    node.query(|n| match &n.data {
        NodeData::Text { contents } => Some(f(contents)),
        _ => None,
    })
    .flatten()
}

/// The element's text split into its lines at each `<br>` (at any depth),
/// each line squashed, empty ones left out; one line when it has no `<br>`.
pub(crate) fn br_lines(node: &NodeRef) -> Vec<String> {
    let mut lines: Vec<String> = vec![String::new()];
    for d in node.descendants_it() {
        if d.is_element() {
            if is_line_break(&d) {
                lines.push(String::new());
            }
            continue;
        }
        let in_code = d.parent().is_some_and(|p| matches!(tag(&p).as_str(), "script" | "style"));
        if !in_code {
            own_text(&d, |t| {
                if let Some(line) = lines.last_mut() {
                    line.push(' ');
                    line.push_str(t);
                }
            });
        }
    }
    lines.iter().map(|l| squash(l)).filter(|l| !l.is_empty()).collect()
}

/// Whether the element has any text (other than spaces).
pub(crate) fn has_text(node: &NodeRef) -> bool {
    node.descendants_it()
        .any(|d| own_text(&d, |t| t.chars().any(|c| !c.is_whitespace() && c != '\u{a0}')) == Some(true))
}

/// Whether the element has any text that shows: [`has_text`] without the
/// zero-width characters, which a page puts alone in a paragraph to hold
/// it open (`\u{200c}` in The Mirror's ad slots). Inside a line they mark
/// where a word may break or must not, so an inline element holding one
/// is still part of its words.
pub(crate) fn has_visible_text(node: &NodeRef) -> bool {
    let invisible = |c: char| {
        c.is_whitespace() || matches!(c, '\u{a0}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}')
    };
    node.descendants_it().any(|d| own_text(&d, |t| t.chars().any(|c| !invisible(c))) == Some(true))
}

/// Share of the element's text that sits inside links (0 when it has no text).
pub(crate) fn link_density(node: &NodeRef) -> f32 {
    let total = text_of(node).chars().count();
    if total == 0 {
        return 0.0;
    }
    let linked: usize =
        node.descendants_it().filter(|d| d.is_element() && tag(d) == "a").map(|a| text_of(&a).chars().count()).sum();
    (linked as f32 / total as f32).min(1.0)
}

/// A block holding one of these is more than its words (a picture, a
/// player or a table): rules that judge blocks by their text leave it.
pub(crate) const MEDIA_OR_TABLE: &[&str] = &["img", "picture", "video", "audio", "table"];

/// Whether `node` has a descendant element named one of `names`.
pub(crate) fn has_descendant(node: &NodeRef, names: &[&str]) -> bool {
    node.descendants_it().any(|d| d.is_element() && names.contains(&tag(&d).as_str()))
}

/// Whether `node` is inside (or is) an element named one of `names`.
pub(crate) fn inside(node: &NodeRef, names: &[&str]) -> bool {
    names.contains(&tag(node).as_str()) || node.ancestors_it(None).any(|a| names.contains(&tag(&a).as_str()))
}

/// The elements of `doc` named one of `names`, in document order: what
/// `doc.select` of those bare names gives, without matching a selector
/// against every element (a selector list costs several times more).
pub(crate) fn elements_named<'a>(doc: &'a Document, names: &[&str]) -> Vec<NodeRef<'a>> {
    doc.root().descendants_it().filter(|d| d.is_element() && names.contains(&tag(d).as_str())).collect()
}

/// The elements inside `<body>`, in document order: what `select("body *")`
/// gives, without matching a selector against every element.
pub(crate) fn body_elements(doc: &Document) -> Vec<NodeRef<'_>> {
    let Some(body) = doc.body() else { return Vec::new() };
    body.descendants_it().filter(|d| d.is_element()).collect()
}

/// Elements that hold a block of text: a paragraph, an item, a caption, a
/// quote, a heading, a cell.
const TEXT_BLOCKS: &[&str] = &["p", "li", "figcaption", "blockquote", "h2", "h3", "h4", "h5", "h6", "div", "td", "dd"];

/// The body's innermost blocks (of [`TEXT_BLOCKS`]: no such block inside
/// them), in document order: the units the body's text is judged in.
pub(crate) fn innermost_blocks(doc: &Document) -> Vec<NodeRef<'_>> {
    let Some(body) = doc.body() else { return Vec::new() };
    let is_block = |n: &NodeRef| n.is_element() && TEXT_BLOCKS.contains(&tag(n).as_str());
    let blocks: Vec<NodeRef> = body.descendants_it().filter(|d| is_block(d)).collect();
    // A block that is the nearest block around another is not innermost.
    let outer: std::collections::HashSet<_> =
        blocks.iter().filter_map(|b| b.ancestors_it(None).find(|a| is_block(a)).map(|a| a.id)).collect();
    blocks.into_iter().filter(|b| !outer.contains(&b.id)).collect()
}

/// Whether a component or test mark of `n` (`data-component`,
/// `data-testid`) says `byline`, where its classes are generated names
/// (the BBC's `<section data-component="byline-block" class="bbc-1a3w4ok">`).
pub(crate) fn has_byline_data_mark(n: &NodeRef) -> bool {
    has_data_mark(n, "byline")
}

/// Whether a component or test mark of `n` says `author` (Medium's `<a
/// data-testid="authorName">`).
pub(crate) fn has_author_data_mark(n: &NodeRef) -> bool {
    has_data_mark(n, "author")
}

/// Whether `n`'s `data-component` or `data-testid` holds `word` (lower case).
fn has_data_mark(n: &NodeRef, word: &str) -> bool {
    ["data-component", "data-testid"].iter().filter_map(|a| n.attr(a)).any(|v| v.to_lowercase().contains(word))
}

/// The elements that set text in bold.
pub(crate) const BOLD: &[&str] = &["strong", "b"];

/// Whether `block` opens with a bold element (`<strong>`, `<b>`) whose text
/// is all of `line`, its first line.
pub(crate) fn opens_in_bold(block: &NodeRef, line: &str) -> bool {
    let first = block.children_it(false).find(|c| c.is_element() || !c.text().trim().is_empty());
    first.is_some_and(|f| f.is_element() && BOLD.contains(&tag(&f).as_str()) && squash(&f.text()) == line)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn class_and_id_words_are_split_and_lower_cased() {
        let doc = Document::from(r#"<html><body><div class="Sd-Social  x" id="Main_Box"></div></body></html>"#);
        let div = body_elements(&doc)[0];
        assert_eq!(class_id(&div), "sd-social  x main_box");
        assert_eq!(class_id_tokens(&div), ["sd", "social", "x", "main", "box"]);
        assert_eq!(class_id_words(&class_id(&div)).collect::<Vec<_>>(), class_id_tokens(&div));
    }
}
