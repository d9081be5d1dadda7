//! Last touches on the chosen body, where the page around it no longer
//! matters: picture credits at the end of captions ("… | © Agency/Photographer"),
//! headings left with nothing under them (the title of a teaser box
//! that cleanup removed, "More on this topic:") and blocks that repeat an
//! earlier block word for word (a gallery's caption under each of its
//! pictures, summary points repeated as paragraphs) are dropped, and so
//! are the labels picture and gallery widgets write as text ("Image
//! caption", "Image 1 of 8", "Close"), comment counters and teaser cards
//! of other stories.

use dom_query::{Document, NodeRef};

use crate::dom::{body_elements, class_id, has_descendant, innermost_blocks, inside, short_text, tag, MEDIA_OR_TABLE};
use crate::text::{comparable, letters_and_digits};
use regex::Regex;
use std::sync::LazyLock;

/// Where a credit starts inside a caption (compared as written).
const CREDIT_MARKS: &[&str] = &[
    "©",
    "(c) ",
    "Foto: ",
    "Fotos: ",
    "Photo: ",
    "Photos: ",
    "(Picture: ",
    "(Image: ",
    "Image Credits: ",
    "Bild: ",
    "Фото: ",
];
/// A caption (or a credit line) is a block of at most this many characters.
const CAPTION_TEXT: usize = 300;
/// A credit is at most this many characters, from its mark to the end.
const CREDIT_TEXT: usize = 90;
/// Blocks that can hold a caption.
const CAPTION_BLOCKS: &str = "figcaption, p, div, span, small, em";
/// An `alt` shorter than this is a file name or a word, not a caption.
const MIN_ALT: usize = 20;
/// A repeated block has at least this many letters and digits (a short
/// line such as "Advertisement" or "Buy now" is left to other rules).
const MIN_REPEAT: usize = 30;
/// A block repeats one of this many blocks before it (of at least
/// [`MIN_REPEAT`]): further apart, a repeat is the page's own (the same
/// question put to each person interviewed, a product's features listed twice).
const REPEAT_WINDOW: usize = 3;

/// Whole texts of the labels picture and gallery widgets write as text of
/// their own, beside a caption or a credit (compared lower-case, without
/// brackets and colons): never the article's words.
const PICTURE_LABELS: &[&str] =
    &["image", "image caption", "image copyright", "image source", "caption", "close", "legende"];
/// Labels of [`PICTURE_LABELS`] that the picture's credit follows ("Image
/// copyright" then "Getty Images"): the element after them goes too.
const CREDIT_LABELS: &[&str] = &["image copyright", "image source"];
/// A picture label is an element of at most this many characters.
const LABEL_TEXT: usize = 40;
/// A gallery's counter: "Image 1 of 8", "1 / 12", "Bild 3 von 9" (and
/// "Image 1 of / 8", where a gallery writes both forms).
static GALLERY_COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:image|photo|picture|slide|bild|foto)?\s*\d+\s*(?:of|von|/)(?:\s*/)?\s*\d+$").unwrap()
});

/// A counter of a page's comments, the whole text of its block: "3
/// Kommentare", "Comments (12)", "Şərhlər (0)", "comments" (the number
/// filled in by a script).
static COMMENT_COUNTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\d+\s*)?(?:comments?|kommentare?|комментари[а-я]*|şərh(?:lər)?|yorum(?:lar)?)(?:\s*\(?\d+\)?)?$",
    )
    .unwrap()
});

/// A teaser card of another story has at most this many characters of
/// text (a kicker and a headline).
const CARD_TEXT: usize = 160;
/// How many levels above a picture's link a teaser card's heading is looked for.
const CARD_LEVELS: usize = 3;
/// File endings of a picture: a link to one enlarges the picture, it is no teaser.
const PICTURE_FILES: &[&str] = &[".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif"];

/// Heading elements: they must have something under them, and a teaser
/// card has one.
const HEADINGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// Drops blocks repeating one a few blocks before them, comment
/// counters, reading times and bare time stamps, captions that repeat their picture's
/// `alt`, credit tails of captions, picture and gallery labels, teaser
/// cards of other stories, and headings at the end of the body. A picture's own
/// caption stays: the reader shows it under the picture (article-text gold
/// such as Fundus's leaves captions out; Readability's keeps them).
pub(crate) fn tidy(doc: &Document) {
    let blocks = innermost_blocks(doc);
    drop_captions_repeating_text(&blocks);
    drop_repeated_blocks(&blocks);
    drop_comment_counters(&blocks);
    drop_stamp_lines(&blocks);
    drop_captions_repeating_alt(doc);
    drop_credit_tails(doc);
    drop_picture_labels(doc);
    // After the labels: a label's credit goes with its label.
    drop_picture_credits(doc);
    drop_teaser_cards(doc);
    drop_trailing_headings(doc);
}

/// A caption repeating the article's text has at least this many letters
/// and digits: a shorter one ("The scene on Monday") may be any sentence's part.
const MIN_CAPTION_REPEAT: usize = 40;

/// Drops the captions whose text the article's own text already has, a
/// paragraph saying it or a paragraph's part (a tabloid captions its
/// pictures with the sentences of the story, before or after them):
/// the reader would read it twice. The picture stays.
fn drop_captions_repeating_text(innermost: &[NodeRef]) {
    let (captions, text): (Vec<&NodeRef>, Vec<&NodeRef>) = innermost.iter().partition(|b| is_caption(b));
    let text: Vec<String> = text.iter().map(|b| letters_and_digits(&b.text())).collect();
    for caption in captions {
        let key = letters_and_digits(&caption.text());
        if key.chars().count() >= MIN_CAPTION_REPEAT
            && !has_descendant(caption, MEDIA_OR_TABLE)
            && text.iter().any(|t| t.contains(key.as_str()))
        {
            caption.remove_from_parent();
        }
    }
}

/// Whether `block` is a picture's caption: inside a `<figcaption>`, or a
/// paragraph called a caption by its own or its parent's class or id, or
/// set right after a picture (a heading there is the next section's).
fn is_caption(block: &NodeRef) -> bool {
    if inside(block, &["figcaption"]) {
        return true;
    }
    let paragraph = matches!(tag(block).as_str(), "p" | "div" | "dd");
    let called_caption = || std::iter::once(*block).chain(block.parent()).any(|n| class_id(&n).contains("caption"));
    let after_picture = || {
        block
            .prev_element_sibling()
            .is_some_and(|p| matches!(tag(&p).as_str(), "img" | "picture") || has_descendant(&p, &["img", "picture"]))
    };
    paragraph && (called_caption() || after_picture())
}

/// More characters than the longest of [`SHOW_MORE`] has.
const SHOW_MORE_CHARS: usize = 12;
/// Words a widget writes after a text it cut short, to show the rest
/// ("… more", "… Read more", "… mehr", "… ещё"), compared lower-case.
const SHOW_MORE: &[&str] = &["read more", "more", "weiterlesen", "mehr", "подробнее", "ещё", "еще", "daha çox", "ardı"];

/// Drops each innermost block whose text (letters and digits, case aside)
/// an earlier block already had: the reader has read it. A text cut short
/// ("… more", [`truncated_key`]) beside the whole of it is a repeat too: a
/// caption's short form next to its full one, whichever comes first.
fn drop_repeated_blocks(innermost: &[NodeRef]) {
    // The recent blocks' keys, with the block and its cut-short key if it has one.
    let mut recent: std::collections::VecDeque<(String, Option<String>, NodeRef)> = std::collections::VecDeque::new();
    let droppable = |block: &NodeRef| !has_descendant(block, MEDIA_OR_TABLE);
    for block in innermost {
        if block.parent().is_none() {
            continue;
        }
        let text = block.text();
        let key = letters_and_digits(&text);
        if key.chars().count() < MIN_REPEAT {
            continue;
        }
        let cut = truncated_key(&text);
        let repeats = |(earlier, _, _): &(String, Option<String>, NodeRef)| {
            *earlier == key || cut.as_ref().is_some_and(|cut| earlier.starts_with(cut.as_str()))
        };
        if recent.iter().any(repeats) {
            if droppable(block) {
                block.remove_from_parent();
            }
            continue;
        }
        // The short form came first: it goes, the whole text stays.
        for (_, earlier_cut, earlier) in &recent {
            if earlier_cut.as_ref().is_some_and(|c| key.starts_with(c.as_str())) && droppable(earlier) {
                earlier.remove_from_parent();
            }
        }
        recent.push_back((key, cut, *block));
        if recent.len() > REPEAT_WINDOW {
            recent.pop_front();
        }
    }
}

/// The key ([`letters_and_digits`]) of `text` without its ellipsis and
/// the [`SHOW_MORE`] words after it, when `text` was cut short with one
/// ("… relations … more"), and the rest is long enough to be a repeat.
fn truncated_key(text: &str) -> Option<String> {
    let mut rest = text.trim_end();
    // Only the end is compared: lower-case just that much of every block.
    let tail_from = rest.char_indices().rev().nth(SHOW_MORE_CHARS).map_or(0, |(i, _)| i);
    let lower = rest[tail_from..].to_lowercase();
    if let Some(word) = SHOW_MORE.iter().find(|w| lower.ends_with(*w)) {
        // Cased forms of a few letters differ in length: cut only on a boundary.
        rest = rest.get(..rest.len().saturating_sub(word.len())).unwrap_or(rest).trim_end();
    }
    let rest = rest.strip_suffix('…').or_else(|| rest.strip_suffix("..."))?;
    let key = letters_and_digits(rest);
    (key.chars().count() >= MIN_REPEAT).then_some(key)
}

/// Drops the elements whose whole text is a picture or gallery label
/// ([`PICTURE_LABELS`], a [`GALLERY_COUNTER`]), with the credit after a
/// credit label. A table's cells are left: "Close" heads a column of prices.
fn drop_picture_labels(doc: &Document) {
    for node in body_elements(doc) {
        let Some(label) = picture_label(&node) else { continue };
        if inside(&node, &["table"]) {
            continue;
        }
        if CREDIT_LABELS.contains(&label.as_str()) {
            if let Some(credit) = node.next_element_sibling().filter(|c| is_short_text(c, CREDIT_TEXT)) {
                credit.remove_from_parent();
            }
        }
        node.remove_from_parent();
    }
}

/// The label (lower case, trimmed of brackets and colons) when the whole
/// text of `node` is a picture or gallery label, and it holds no media.
fn picture_label(node: &NodeRef) -> Option<String> {
    let text = short_text(node, LABEL_TEXT)?.to_lowercase();
    let label = text.trim_matches(|c: char| c.is_whitespace() || matches!(c, '(' | ')' | ':'));
    let is_label = PICTURE_LABELS.contains(&label) || GALLERY_COUNTER.is_match(label);
    (is_label && !has_descendant(node, MEDIA_OR_TABLE)).then(|| label.to_string())
}

/// Whether `node` has some text, at most `max` characters, and no media.
fn is_short_text(node: &NodeRef, max: usize) -> bool {
    short_text(node, max).is_some_and(|t| !t.is_empty()) && !has_descendant(node, MEDIA_OR_TABLE)
}

/// Drops the innermost blocks that only count the page's comments
/// ([`COMMENT_COUNTER`]); the comments themselves were never the body.
fn drop_comment_counters(innermost: &[NodeRef]) {
    for block in innermost.iter().filter(|b| b.parent().is_some()) {
        if short_text(block, LABEL_TEXT).is_some_and(|t| COMMENT_COUNTER.is_match(&t)) {
            block.remove_from_parent();
        }
    }
}

/// Drops the innermost blocks whose whole text is a reading time or a bare
/// time stamp ([`crate::stamp_lines`]); never a heading (a live blog's
/// day, "Donnerstag, 18. 7.") or a block with a picture or a table.
fn drop_stamp_lines(innermost: &[NodeRef]) {
    for block in innermost.iter().filter(|b| b.parent().is_some() && !HEADINGS.contains(&tag(b).as_str())) {
        if short_text(block, LABEL_TEXT * 2).is_some_and(|t| crate::stamp_lines::is_stamp_line(&t))
            && !has_descendant(block, MEDIA_OR_TABLE)
        {
            block.remove_from_parent();
        }
    }
}

/// Drops teaser cards of other stories left inside the body: a picture
/// linking to another page, a heading next to it, a short text ("RANDY
/// ANDY" / "Andrew parties in unearthed pics…") and no other link.
fn drop_teaser_cards(doc: &Document) {
    for link in doc.select("a[href]").nodes().iter().filter(|l| is_picture_link(l)) {
        let card = link.ancestors_it(Some(CARD_LEVELS)).find(|a| has_descendant(a, HEADINGS));
        if let Some(card) = card.filter(|c| is_teaser_card(c, &link.attr("href").unwrap_or_default())) {
            card.remove_from_parent();
        }
    }
}

/// A link with a picture and no text, to a page rather than a picture file.
fn is_picture_link(link: &NodeRef) -> bool {
    let href = link.attr("href").unwrap_or_default().to_lowercase();
    let path = href.split(['?', '#']).next().unwrap_or_default();
    has_descendant(link, &["img", "picture"])
        && short_text(link, 0).is_some()
        && !PICTURE_FILES.iter().any(|ending| path.ends_with(ending))
}

/// A block with some text, at most [`CARD_TEXT`] characters, whose links
/// all go to `href` (a card often links its picture and its whole area).
fn is_teaser_card(block: &NodeRef, href: &str) -> bool {
    let mut links = block.descendants_it().filter(|d| d.is_element() && tag(d).as_str() == "a");
    !matches!(tag(block).as_str(), "body" | "html")
        && links.all(|a| a.attr("href").is_some_and(|h| &*h == href))
        && short_text(block, CARD_TEXT).is_some_and(|t| !t.is_empty())
}

/// A caption that only repeats its picture's description (`alt`) and
/// adds a credit: the block right after the picture (or after one of its
/// first wrappers) whose text is the `alt` and a credit.
fn drop_captions_repeating_alt(doc: &Document) {
    for img in doc.select("img[alt]").nodes() {
        let alt = comparable(&img.attr("alt").unwrap_or_default());
        if alt.chars().count() < MIN_ALT {
            continue;
        }
        let max = alt.chars().count() + CREDIT_TEXT;
        let next = std::iter::once(*img)
            .chain(img.ancestors_it(Some(3)))
            .find_map(|n| n.next_element_sibling())
            .filter(|n| !has_descendant(n, &["img", "picture", "video"]));
        if let Some(caption) = next {
            let text = short_text(&caption, max).map(|t| comparable(&t)).unwrap_or_default();
            // The alt and then a credit: a lead that repeats the alt stays.
            if text.starts_with(&alt) && CREDIT_MARKS.iter().any(|m| text[alt.len()..].contains(&m.to_lowercase())) {
                caption.remove_from_parent();
            }
        }
    }
}

/// "Lee Elder war … gesegnet. | © Augusta National/Getty Images" keeps
/// its first part; a block that is only a credit goes whole.
fn drop_credit_tails(doc: &Document) {
    for block in doc.select(CAPTION_BLOCKS).nodes() {
        if block.parent().is_none() || block.element_children().iter().any(|c| is_block(c)) {
            continue;
        }
        let Some(text) = short_text(block, CAPTION_TEXT) else { continue };
        let Some(at) = CREDIT_MARKS.iter().filter_map(|m| text.find(m)).min() else { continue };
        if text[at..].chars().count() > CREDIT_TEXT {
            continue;
        }
        let kept = text[..at].trim_end_matches([' ', '|', '/', '-', '–', '—']).trim_end();
        if kept.is_empty() {
            block.remove_from_parent();
        } else {
            cut_text_at(block, kept.chars().count());
        }
    }
}

/// Picture libraries and photo desks a picture's credit names beside the
/// news agencies (`byline_feeds::credit::is_agency`), compared as
/// [`comparable`] writes them.
const PICTURE_LIBRARIES: &[&str] = &[
    "getty images",
    "getty",
    "moment",
    "shutterstock",
    "istock",
    "istockphoto",
    "imago",
    "imago images",
    "alamy",
    "picture alliance",
    "picture-alliance",
    "science photo library",
    "pa images",
    "pa wire",
    "handout",
    "file photo",
];

/// Labels a picture's credit opens with beside its [`CREDIT_MARKS`]
/// (both compared lower-case).
const PICTURE_CREDIT_LABELS: &[&str] = &[
    "photograph by",
    "photo by",
    "photos by",
    "image by",
    "credit:",
    "credit",
    "copyright",
    "fotoğraf :",
    "fotoğraf:",
    "-",
];

/// [`CREDIT_MARKS`] and [`PICTURE_CREDIT_LABELS`] in lower case, trimmed.
static CREDIT_OPENINGS: LazyLock<Vec<String>> = LazyLock::new(|| {
    CREDIT_MARKS
        .iter()
        .chain(PICTURE_CREDIT_LABELS)
        .map(|m| m.trim().to_lowercase())
        .filter(|m| !m.is_empty())
        .collect()
});

/// A credit line alone is at most this many characters.
const PICTURE_CREDIT_TEXT: usize = 80;

/// Drops a picture's credit standing alone under it ("Getty Images",
/// "Alex Wong | Getty Images", "(Anadolu via Getty Images)", "IMAGO/Nico
/// Herbertz"): a caption block, or a block right after a picture, whose
/// whole text is people and picture sources, at least one of them a news
/// agency or a picture library. The picture and its caption stay.
fn drop_picture_credits(doc: &Document) {
    for block in doc.select(CAPTION_BLOCKS).nodes() {
        if block.parent().is_none() || block.element_children().iter().any(|c| is_block(c)) {
            continue;
        }
        let Some(text) = short_text(block, PICTURE_CREDIT_TEXT) else { continue };
        if is_picture_credit(&text) && is_under_picture(block) && !has_descendant(block, MEDIA_OR_TABLE) {
            block.remove_from_parent();
        }
    }
}

/// Whether `block` is a picture's caption or sits right after a picture: in
/// a `<figure>` that is no quote's (a quote's figure credits its speaker:
/// "Cornelius Adebahr, DGAP"), or the element after one holding a picture.
fn is_under_picture(block: &NodeRef) -> bool {
    let figure = block.ancestors_it(None).find(|a| tag(a) == "figure");
    figure.is_some_and(|f| !has_descendant(&f, &["blockquote", "q"]))
        || block
            .prev_element_sibling()
            .is_some_and(|p| matches!(tag(&p).as_str(), "img" | "picture") || has_descendant(&p, &["img", "picture"]))
}

/// Whether `text` is only a picture's credit: after a credit label, parts
/// split at `/`, `|`, `,` and "via", each a person's name or a picture
/// source, and one at least a source.
fn is_picture_credit(text: &str) -> bool {
    let mut rest = text.trim().trim_matches(['(', ')', '[', ']']).trim();
    while let Some(label) = CREDIT_OPENINGS.iter().find(|l| rest.to_lowercase().starts_with(l.as_str())) {
        rest = rest.get(label.len()..).unwrap_or_default().trim_start();
    }
    let parts: Vec<&str> =
        rest.split(['/', '|', ',']).flat_map(|p| p.split(" via ")).map(str::trim).filter(|p| !p.is_empty()).collect();
    let is_source = |p: &str| byline_feeds::credit::is_agency(p) || PICTURE_LIBRARIES.contains(&comparable(p).as_str());
    !parts.is_empty()
        && parts.iter().any(|p| is_source(p))
        && parts.iter().all(|p| is_source(p) || byline_feeds::credit::is_name_shaped(p))
}

/// Keeps the first `keep` characters of the block's squashed text (its
/// text nodes in order), dropping everything after.
fn cut_text_at(block: &NodeRef, keep: usize) {
    let mut seen = 0usize;
    let mut cut = false;
    let mut after: Vec<NodeRef> = Vec::new();
    // Collected first: the tree cannot change while it is walked.
    let nodes: Vec<NodeRef> = block.descendants_it().collect();
    for node in nodes {
        if cut {
            if node.is_text() || node.is_element() {
                after.push(node);
            }
            continue;
        }
        if !node.is_text() {
            continue;
        }
        let raw = node.text();
        let squashed = crate::text::squash(&raw);
        let len = squashed.chars().count();
        // A space joins this text to the one before.
        let start = if seen == 0 { 0 } else { seen + 1 };
        if start + len >= keep {
            let take = keep.saturating_sub(start);
            node.set_text(squashed.chars().take(take).collect::<String>());
            cut = true;
        } else if len > 0 {
            seen = start + len;
        }
    }
    for node in after {
        if node.parent().is_some() {
            node.remove_from_parent();
        }
    }
}

fn is_block(node: &NodeRef) -> bool {
    matches!(
        tag(node).as_str(),
        "p" | "div" | "figure" | "figcaption" | "ul" | "ol" | "table" | "section" | "blockquote" | "h2" | "h3" | "h4"
    )
}

/// Removes headings after which the body has no text, repeatedly.
fn drop_trailing_headings(doc: &Document) {
    loop {
        let Some(last) = last_text_block(doc) else { return };
        if !HEADINGS.contains(&tag(&last).as_str()) {
            return;
        }
        last.remove_from_parent();
    }
}

/// The innermost element holding the body's last piece of text.
fn last_text_block(doc: &Document) -> Option<NodeRef<'_>> {
    let body = doc.select("body").nodes().first().copied()?;
    let last_text = body
        .descendants_it()
        .filter(|d| d.is_text() && d.text().chars().any(|c| !c.is_whitespace() && c != '\u{a0}'))
        .last()?;
    // Media after the last text (a figure without caption) count as content.
    let mut node = last_text.parent()?;
    loop {
        if HEADINGS.contains(&tag(&node).as_str()) {
            let media_after = node_and_following(&node)
                .any(|n| n.is_element() && matches!(tag(&n).as_str(), "img" | "picture" | "video" | "audio" | "table"));
            return (!media_after).then_some(node);
        }
        match node.parent() {
            Some(p) if tag(&p) != "body" => node = p,
            _ => return Some(node),
        }
    }
}

/// Every node after `node` in document order (its following siblings and
/// theirs, up the tree), with their descendants.
fn node_and_following<'a>(node: &NodeRef<'a>) -> impl Iterator<Item = NodeRef<'a>> {
    let mut out = Vec::new();
    let mut cur = Some(*node);
    while let Some(n) = cur {
        let mut sib = n.next_sibling();
        while let Some(s) = sib {
            out.push(s);
            out.extend(s.descendants_it());
            sib = s.next_sibling();
        }
        cur = n.parent();
    }
    out.into_iter()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tidied(html: &str) -> String {
        let doc = Document::from(html);
        tidy(&doc);
        doc.select("body").text().to_string()
    }

    #[test]
    fn credits_at_the_end_of_captions_go() {
        let out = tidied(
            "<body><p>Story text that is long enough.</p><div><img src=a.jpg></div>\
             <div>Lee Elder war beim Masters 1975 der Zuschauermagnet. | &copy; Augusta National/Getty Images</div>\
             <p class=c>Marco Odermatt, Ski-Star. <b>© AFP / MARCO BERTORELLO</b></p><p>© Reuters</p><p>End.</p>\
             <p>Protesters wore masks (Image: GETTY )</p><p>Guards at the palace (Picture: PA)</p><figcaption><strong>Image Credits:</strong> Strava</figcaption></body>",
        );
        assert!(out.contains("wore masks") && !out.contains("GETTY") && !out.contains("Strava"), "{out}");
        assert!(out.contains("Guards at the palace") && !out.contains("PA)"), "{out}");
        assert!(out.contains("Zuschauermagnet.") && out.contains("Ski-Star."), "{out}");
        assert!(!out.contains("Getty") && !out.contains("AFP") && !out.contains("Reuters"), "{out}");
        assert!(out.contains("End."));
    }

    #[test]
    fn captions_repeating_the_pictures_alt_go() {
        let out = tidied(
            r#"<body><p>Montpellier – Zverev hat gewonnen.</p><div><div><img alt="Zverev steht im Viertelfinale" src=z.jpg></div>
            <div><p>Zverev steht im Viertelfinale<span>Bild: AFP/SID</span></p></div></div>
            <figure><img alt="Glacier in 2000" src=g.jpg><figcaption>The glacier tongue in August 2000.</figcaption></figure>
            <div><img alt="The hook of the story repeated" src=h.jpg></div><div>The hook of the story repeated</div></body>"#,
        );
        assert!(!out.contains("Viertelfinale") && !out.contains("AFP"), "{out}");
        assert!(out.contains("glacier tongue") && out.contains("hook"), "{out}");
    }

    #[test]
    fn blocks_repeating_an_earlier_block_go() {
        let caption = "Ministers shake hands in Hanoi, Vietnam, on Wednesday.";
        let out = tidied(&format!(
            "<body><ul><li>{caption}</li><li>Image 1 / 8</li></ul><ul><li>{caption}</li><li>Image 1 / 8</li></ul>\
             <p>The story starts here, with words of its own.</p><div><img src=a.jpg><p>{caption}</p></div>\
             <p>Short line.</p><p>Short line.</p></body>"
        ));
        assert_eq!(out.matches("Ministers").count(), 1, "{out}");
        assert_eq!(out.matches("Short line.").count(), 2, "{out}");
        assert!(out.contains("The story starts here"), "{out}");
    }

    #[test]
    fn the_show_more_words_fit_the_end_that_is_compared() {
        assert!(SHOW_MORE.iter().all(|w| w.chars().count() < SHOW_MORE_CHARS));
    }

    #[test]
    fn a_caption_cut_short_beside_its_whole_text_goes() {
        let full = "Ministers shake hands in Hanoi, Vietnam, on Wednesday, at the start of a visit to strengthen ties.";
        let cut = "Ministers shake hands in Hanoi, Vietnam, on Wednesday, at the start ... more";
        for html in [
            format!("<body><div><div>{full} <a>less</a></div><div>{cut}</div></div><p>The story.</p></body>"),
            format!("<body><div><div>{cut}</div><div>{full}</div></div><p>The story.</p></body>"),
        ] {
            let out = tidied(&html);
            assert_eq!(out.matches("Ministers").count(), 1, "{out}");
            assert!(out.contains("strengthen ties") && out.contains("The story."), "{out}");
        }
        // A text that only opens like an earlier one stays.
        let out = tidied(&format!(
            "<body><p>{full}</p><p>Ministers shake hands in Hanoi, Vietnam, on Wednesday, and then left.</p></body>"
        ));
        assert_eq!(out.matches("Ministers").count(), 2, "{out}");
    }

    #[test]
    fn picture_and_gallery_labels_go() {
        let out = tidied(
            r#"<body><figure><img src=a.jpg><span><span>Image copyright</span><span>Getty Images</span></span>
            <figcaption><span>Image caption</span><span>Swift owns her seventh album.</span></figcaption></figure>
            <figure><img src=b.jpg><figcaption><span>Image:</span> NASA's Hubble took it.</figcaption></figure>
            <div><p>Image <span>1</span> <span>of</span> <span>8</span></p><p>Caption</p><p>Close</p></div>
            <p>The row began in June.</p><table><tr><th>Open</th><th>Close</th></tr></table></body>"#,
        );
        assert!(!out.contains("Image") && !out.contains("Getty") && !out.contains("Caption"), "{out}");
        assert_eq!(out.matches("Close").count(), 1, "{out}");
        assert!(out.contains("seventh album") && out.contains("Hubble took") && out.contains("row began"), "{out}");
    }

    #[test]
    fn comment_counters_go() {
        let out = tidied(
            "<body><p>Over 300 were deported.</p><div><p> 3 Kommentare </p></div><h3>Comments</h3><p> comments</p>\
             <p>Şərhlər (0)</p><p>Comments on the draft law close in May.</p></body>",
        );
        assert!(!out.contains("Kommentare") && !out.contains(" comments") && !out.contains("Şərhlər"), "{out}");
        assert!(out.contains("deported") && out.contains("Comments on the draft"), "{out}");
    }

    #[test]
    fn teaser_cards_of_other_stories_go() {
        let out = tidied(
            r#"<body><p>The plague case was reported on Tuesday.</p>
            <div><div><a href="https://site.example/news/andrew"><picture><img src=a.jpg></picture></a></div>
            <div><h3>RANDY ANDY</h3><p><span>Andrew parties in unearthed pics</span></p></div>
            <a href="https://site.example/news/andrew"></a></div>
            <div><a href="/big/photo.jpg"><img src=p.jpg></a><h3>A section of the story</h3><p>Its first words.</p></div></body>"#,
        );
        assert!(!out.contains("RANDY") && !out.contains("Andrew"), "{out}");
        assert!(out.contains("plague case") && out.contains("A section") && out.contains("first words"), "{out}");
    }

    #[test]
    fn headings_with_nothing_under_them_go() {
        let out = tidied("<body><h2>Intro</h2><p>Text.</p><div><h3>More on this topic:</h3></div><h4>x</h4></body>");
        assert_eq!(out.split_whitespace().collect::<String>(), "IntroText.");
        let out = tidied("<body><p>Text.</p><h2>Chart</h2><img src=c.png></body>");
        assert!(out.contains("Chart"), "{out}");
    }

    #[test]
    fn captions_repeating_the_article_s_sentences_go() {
        let first = "Currency collectors nationwide are on hunt for some rare dollar bills";
        let second = "Only nine of these pairs have been matched, leaving millions of rare bills out there";
        let out = tidied(&format!(
            r#"<body><p>Think twice before you spend any bill.</p><p>{first}, willing to pay up to $150,000.</p>
            <div><div><img src=a.jpg></div><p class="imageCaption">{first}</p></div>
            <figure><img src=b.jpg><figcaption>{second}</figcaption></figure><p>More words.</p><p>Yet more.</p>
            <p>{second}.</p><div><img src=c.jpg></div><p>A caption of its own, saying what the picture shows.</p>
            <div><img src=d.jpg></div><h2>{first}</h2><p>The end.</p></body>"#
        ));
        assert_eq!(out.matches(first).count(), 2, "{out}");
        assert_eq!(out.matches(second).count(), 1, "{out}");
        assert!(out.contains("A caption of its own") && out.contains("$150,000"), "{out}");
        assert!(out.contains(&format!("{second}.")), "the paragraph stays, its caption goes: {out}");
    }

    #[test]
    fn a_picture_s_credit_alone_under_it_goes_and_its_caption_stays() {
        let doc = Document::from(
            r#"<body><figure><img src="a.jpg"><figcaption>Alex Wong | Getty Images</figcaption></figure>
            <figure><img src="b.jpg"><figcaption>Kristi Noem at the White House in 2018.</figcaption><span>(Anadolu via Getty Images)</span></figure>
            <p><img src="c.jpg"></p><p>IMAGO/Nico Herbertz</p><p>Photograph by Robyn Beck/AFP/Getty Images</p>
            <p>The minister spoke on Monday.</p><p>Reuters</p>
            <figure><img src="d.jpg"><figcaption>Фото: РИА Новости</figcaption></figure>
            <figure><img src="e.jpg"><figcaption>Bakı, Dənizkənarı bulvar</figcaption></figure>
            <figure><blockquote>Sanctions alone cannot solve the conflict.</blockquote><figcaption>Cornelius Adebahr, DGAP</figcaption></figure></body>"#,
        );
        drop_picture_credits(&doc);
        let out = doc.select("body").inner_html().to_string();
        for gone in ["Alex Wong", "Anadolu", "IMAGO", "Robyn Beck", "РИА"] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
        for kept in ["a.jpg", "White House", "<p>Reuters</p>", "Dənizkənarı bulvar", "Adebahr, DGAP"] {
            assert!(out.contains(kept), "{kept}: {out}");
        }
    }
}
