//! A recall pass over Readability's body: the article's paragraphs that it
//! left out. Pages often split one article into several containers (a
//! section per block, cut by a video, a picture or a teaser box between
//! them), and Readability keeps the one it scored best. Its own sibling
//! join only looks one level up; the paragraphs of the other sections are
//! recognised here by a measured signal instead, as trafilatura's recall
//! pass does: they are written with the **same tag and class** as the
//! paragraphs Readability kept (`<p class="text small">`), sit near them on
//! the page, and are mostly text, not links. Headings of that same kind
//! that open a recovered paragraph come back with it. Each goes back in
//! page order, next to the kept paragraph it precedes or follows.

use std::collections::{HashMap, HashSet};

use dom_query::{Document, NodeId, NodeRef};

use crate::dom::{link_density, own_text, tag, text_of};
use crate::text::letters_and_digits as key;

/// A recovered paragraph has at least this many characters of text.
const MIN_TEXT: usize = 30;
/// ...and less than this share of it in links.
const MAX_LINK_DENSITY: f32 = 0.5;
/// The class must be on at least this many kept paragraphs to be the article's.
const MIN_KEPT: usize = 2;
/// A recovered block meets the kept paragraphs at most this many levels
/// above the element that holds them all.
const MAX_LEVELS_UP: usize = 6;
/// Headings that come back with the paragraph they open.
const HEADINGS: &[&str] = &["h2", "h3", "h4"];

/// One paragraph or heading of the page, as the recall pass sees it.
struct Block<'a> {
    node: NodeRef<'a>,
    /// Tag and `class`, the block's kind.
    kind: (String, String),
    /// Letters and digits of its text, lower-cased: how it is found in the body.
    key: String,
    /// Characters of its text.
    chars: usize,
    /// Whether Readability's body has it.
    kept: bool,
    /// Whether it is a copyright line.
    copyright: bool,
}

/// Puts back into `content` (Readability's body) the paragraphs of `page`
/// (the cleaned page Readability read) of the kept paragraphs' kind that
/// it left out; returns how many blocks came back.
pub(crate) fn recover_kin(page: &Document, content: &Document) -> usize {
    let Some(body) = content.body() else { return 0 };
    // The body's blocks by key, and all of its text, for blocks Readability merged.
    let mut in_body: HashMap<String, NodeId> = HashMap::new();
    for node in body.descendants_it().filter(|d| d.is_element() && is_block(d)) {
        in_body.entry(key(&text_of(&node))).or_insert(node.id);
    }
    let all_text = key(&body.text());
    if all_text.is_empty() {
        return 0;
    }
    let Some(page_body) = page.body() else { return 0 };
    let blocks: Vec<Block> = page_body
        .descendants_it()
        .filter(|d| d.is_element() && (tag(d) == "p" || HEADINGS.contains(&tag(d).as_str())))
        .filter_map(|node| {
            let class = node.attr("class").map(|c| c.trim().to_string()).filter(|c| !c.is_empty())?;
            let text = text_of(&node);
            let key = key(&text);
            let kept = !key.is_empty() && (in_body.contains_key(&key) || all_text.contains(&key));
            let (chars, copyright) = (text.chars().count(), is_copyright(&text));
            Some(Block { kind: (tag(&node).as_str().to_string(), class), chars, key, kept, copyright, node })
        })
        .collect();
    let Some(article_kind) = article_kind(&blocks) else { return 0 };
    let kept_kinds: HashSet<&(String, String)> = blocks.iter().filter(|b| b.kept).map(|b| &b.kind).collect();
    let Some(home) = common_ancestor(blocks.iter().filter(|b| b.kept && b.kind == article_kind).map(|b| b.node)) else {
        return 0;
    };
    let home_line: Vec<NodeRef> = std::iter::once(home).chain(home.ancestors_it(None)).collect();
    // Where a block meets the kept paragraphs: at most a few levels up, and never the whole page.
    let near = |node: &NodeRef| {
        node.ancestors_it(None)
            .find_map(|a| home_line.iter().position(|h| h.id == a.id))
            .is_some_and(|up| up <= MAX_LEVELS_UP && !matches!(tag(&home_line[up]).as_str(), "body" | "html"))
    };
    let mut back: Vec<bool> = blocks
        .iter()
        .map(|b| {
            b.kind == article_kind
                && !b.kept
                && b.chars >= MIN_TEXT
                && !in_body.contains_key(&b.key)
                && near(&b.node)
                && !in_a_box(&b.node)
                && !b.copyright
                && !all_emphasised(&b.node)
                && link_density(&b.node) < MAX_LINK_DENSITY
        })
        .collect();
    // A heading of a kind the body kept comes back when the next block it opens does.
    let index: HashMap<NodeId, usize> = blocks.iter().enumerate().map(|(i, b)| (b.node.id, i)).collect();
    for i in 0..blocks.len() {
        let b = &blocks[i];
        if b.kind.0 == "p" || b.kept || !kept_kinds.contains(&b.kind) {
            continue;
        }
        let opens = b.node.next_element_sibling().and_then(|n| index.get(&n.id).copied());
        back[i] = opens.is_some_and(|j| back[j]) && near(&b.node);
    }
    // Each recovered block goes before the next kept block the body has, or after the last.
    let anchor_of = |b: &Block| in_body.get(&b.key).copied();
    let mut inserts: Vec<(NodeId, bool, String)> = Vec::new();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut count = 0;
    for i in (0..blocks.len()).filter(|&i| back[i]) {
        if !seen.insert(blocks[i].key.as_str()) {
            continue;
        }
        let next = blocks[i + 1..].iter().filter(|b| b.kept).find_map(anchor_of);
        let (anchor, before) = match next {
            Some(id) => (id, true),
            None => match blocks[..i].iter().rev().filter(|b| b.kept).find_map(anchor_of) {
                Some(id) => (id, false),
                None => continue,
            },
        };
        let html = blocks[i].node.html().to_string();
        match inserts.iter_mut().find(|(a, b, _)| *a == anchor && *b == before) {
            Some((_, _, all)) => all.push_str(&html),
            None => inserts.push((anchor, before, html)),
        }
        count += 1;
    }
    for (anchor, before, html) in inserts {
        let node = NodeRef::new(anchor, &content.tree);
        if before {
            node.before_html(html);
        } else {
            node.after_html(html);
        }
    }
    count
}

/// Whether the block is a caption, a box aside from the text or the page's footer.
fn in_a_box(node: &NodeRef) -> bool {
    node.ancestors_it(None).any(|a| matches!(tag(&a).as_str(), "figure" | "figcaption" | "aside" | "footer" | "li"))
}

/// Whether every letter of the block is bold or italic: a note to the
/// reader ("The current issue, now at every kiosk"), not the text.
fn all_emphasised(block: &NodeRef) -> bool {
    let emphasis = |n: &NodeRef| matches!(tag(n).as_str(), "b" | "strong" | "i" | "em");
    block.descendants_it().filter(|d| d.is_text()).all(|t| {
        let plain = own_text(&t, |s| s.chars().any(char::is_alphanumeric)).unwrap_or(false);
        !plain || t.ancestors_it(None).take_while(|a| a.id != block.id).any(|a| emphasis(&a))
    })
}

/// A copyright line ("© 2024 …", "Copyright Site 2019"): the page's foot, written like its text.
fn is_copyright(text: &str) -> bool {
    text.starts_with('©') || text.get(..9).is_some_and(|t| t.eq_ignore_ascii_case("copyright"))
}

/// The tag and class of most of the kept paragraphs, when at least [`MIN_KEPT`] share it.
fn article_kind(blocks: &[Block]) -> Option<(String, String)> {
    let mut counts: HashMap<&(String, String), usize> = HashMap::new();
    for b in blocks.iter().filter(|b| b.kept && b.kind.0 == "p") {
        *counts.entry(&b.kind).or_default() += 1;
    }
    let (kind, n) = counts.into_iter().max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(a.0)))?;
    (n >= MIN_KEPT).then(|| kind.clone())
}

/// The innermost element that holds every one of `nodes`.
fn common_ancestor<'a>(mut nodes: impl Iterator<Item = NodeRef<'a>>) -> Option<NodeRef<'a>> {
    let first = nodes.next()?;
    let mut line: Vec<NodeRef> = first.ancestors_it(None).collect();
    for node in nodes {
        let ids: HashSet<NodeId> = node.ancestors_it(None).map(|a| a.id).collect();
        let keep = line.iter().position(|a| ids.contains(&a.id))?;
        line.drain(..keep);
    }
    line.first().copied()
}

/// Blocks of Readability's body that a page paragraph or heading can match.
fn is_block(node: &NodeRef) -> bool {
    matches!(tag(node).as_str(), "p" | "h2" | "h3" | "h4" | "li" | "blockquote")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(n: usize) -> String {
        format!("Paragraph {n} of the article, long enough to be a sentence of its own text.")
    }

    #[test]
    fn sections_cut_by_a_video_come_back_in_order() {
        let section = |ps: &[usize], heading: Option<&str>| {
            let h = heading.map(|h| format!(r#"<h2 class="subtitle">{h}</h2>"#)).unwrap_or_default();
            let ps: String = ps.iter().map(|n| format!(r#"<p class="text small">{}</p>"#, para(*n))).collect();
            format!(r#"<div class="con"><div class="mod"><div class="box">{h}{ps}</div></div></div>"#)
        };
        let page = Document::from(format!(
            r#"<html><body><main>{}<div class="con"><div class="video"><p class="caption">Watch the video</p></div></div>
            {}<div class="con"><ul class="list"><li><a href="/x">Another story</a></li></ul></div>{}</main>
            <div class="con"><p class="text small"><b>The current issue, now at every kiosk and as an e-paper.</b></p>
            <p class="text small">© 2026 The Site. All rights reserved, everywhere and for ever.</p></div>
            <footer><p class="text small">{}</p></footer></body></html>"#,
            section(&[1, 2], None),
            section(&[3], Some("Middle heading")),
            section(&[4, 5, 6], Some("Last heading")),
            "A footer paragraph of the site, with the same class but far away from the article."
        ));
        // What Readability kept: the last section only.
        let content = Document::from(format!(
            "<html><body><div><h2>Last heading</h2><p>{}</p><p>{}</p><p>{}</p></div></body></html>",
            para(4),
            para(5),
            para(6)
        ));
        assert_eq!(recover_kin(&page, &content), 4);
        let text = content.select("body").text().to_string();
        let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("{s}: {text}"));
        assert!(at("Paragraph 1 ") < at("Paragraph 2 ") && at("Paragraph 2 ") < at("Middle heading"));
        assert!(at("Middle heading") < at("Paragraph 3 ") && at("Paragraph 3 ") < at("Paragraph 4 "));
        for gone in ["Watch the video", "Another story", "footer paragraph", "current issue", "All rights"] {
            assert!(!text.contains(gone), "{gone}: {text}");
        }
    }

    #[test]
    fn nothing_comes_back_without_a_kind_of_paragraph_kept_twice() {
        let page = Document::from(format!(
            r#"<html><body><div><p>{}</p><p>{}</p></div><div><p>{}</p></div></body></html>"#,
            para(1),
            para(2),
            para(3)
        ));
        let content = Document::from(format!("<html><body><p>{}</p><p>{}</p></body></html>", para(1), para(2)));
        assert_eq!(recover_kin(&page, &content), 0);
    }
}
