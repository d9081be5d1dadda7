//! The article's lead (standfirst): the sentence or two under the headline
//! that many pages set apart from the body, in the header. Readability
//! often leaves it out. It is recognised by a measured signal rather than by
//! class names: the page's own description (`<meta name="description">`,
//! `og:description`, `twitter:description`) is shown as a block of its own,
//! above the body, and the body does not have it.

use dom_query::{Document, NodeRef};

use crate::dom::{elements_named, own_text};
use crate::text::squash;

/// Meta tags whose content is the page's description, in order of trust.
const DESCRIPTION_TAGS: &[(&str, &str)] =
    &[("name", "description"), ("property", "og:description"), ("name", "twitter:description")];
/// A lead is at least this many characters (a sentence, not a tag line)...
const MIN_LEAD: usize = 60;
/// ...and at most this many.
const MAX_LEAD: usize = 700;
/// Elements that can hold the lead.
const LEAD_BLOCKS: &[&str] = &["p", "div", "h2", "h3", "h4", "span", "strong"];
/// Characters of the body's opening looked for in the page…
const OPENING: usize = 40;
/// …or of its first words, when the page holds more between its lines.
const SHORT_OPENING: usize = 16;

/// The page's descriptions (distinct, trimmed), read before cleanup drops
/// the `<meta>` tags, then the JSON-LD article's `ld_description`.
pub(crate) fn descriptions(page: &Document, ld_description: Option<&str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let described = |meta: &NodeRef| {
        DESCRIPTION_TAGS.iter().any(|(attr, value)| meta.attr(attr).is_some_and(|v| v.as_ref() == *value))
    };
    let metas = elements_named(page, &["meta"]);
    let contents = metas.iter().filter(|m| described(m)).map(|m| m.attr("content").unwrap_or_default().to_string());
    for text in contents.chain(ld_description.map(str::to_string)) {
        let text = squash(&text);
        // "… açıkladı. | Anadolu Ajansı": the page shows the lead without the site.
        let without_site = without_site_suffix(&text).map(str::to_string);
        for text in [Some(text), without_site].into_iter().flatten() {
            let len = text.chars().count();
            if (MIN_LEAD..=MAX_LEAD).contains(&len) && !out.contains(&text) {
                out.push(text);
            }
        }
    }
    out
}

/// The most characters of a site's name after a description ("… | Anadolu Ajansı").
const SITE_SUFFIX: usize = 40;

/// `description` without a site's name set after a bar or a dash at its
/// end (" | Anadolu Ajansı", " – Sayt.az"): a short tail that is no sentence.
fn without_site_suffix(description: &str) -> Option<&str> {
    let (head, tail) = [" | ", " – ", " — ", " - "].iter().find_map(|mark| description.rsplit_once(mark))?;
    let (head, tail) = (head.trim_end(), tail.trim());
    let site_shaped = (1..=SITE_SUFFIX).contains(&tail.chars().count()) && !tail.ends_with(['.', '!', '?']);
    // After a plain hyphen, only when a sentence ends before it ("… bildirdi. - Anadolu Ajansı").
    let after_sentence = head.ends_with(['.', '!', '?', '…', '"', '»', '”']);
    (site_shaped && (after_sentence || !description.contains(" - "))).then_some(head)
}

/// The lead to put before the body, when a description is shown on the
/// (cleaned) `page` as a block of its own before the body's opening text
/// and `body_text` lacks it.
pub(crate) fn missing_lead(page: &Document, descriptions: &[String], body_text: &str) -> Option<String> {
    let body = no_space(body_text);
    let opening: String = body.chars().take(OPENING).collect();
    if opening.is_empty() {
        return None;
    }
    let first_words: String = opening.chars().take(SHORT_OPENING).collect();
    let page_body = page.select("body").nodes().first().copied()?;
    for description in descriptions {
        let wanted = no_space(description);
        if body.contains(&wanted) {
            continue;
        }
        let Some(block) = shown_as_block(page, &wanted) else { continue };
        // The body's opening may run across lines the page keeps apart
        // with text of its own between them (a byline, then "•", then a
        // date): its first words are looked for too.
        if comes_before_opening(&page_body, &block, &opening) || comes_before_opening(&page_body, &block, &first_words)
        {
            return Some(text_of_block(&with_dateline(block)));
        }
    }
    None
}

/// The most characters of a deck, the line under the headline.
const MAX_DECK: usize = 400;
/// Elements a deck is set in.
const DECK_BLOCKS: &[&str] = &["h2", "h3", "p", "div"];
/// Blocks a deck set in a `<div>` never holds (a `<div>` of them is the body's start).
const INNER_BLOCKS: &[&str] = &["p", "div", "ul", "ol", "h2", "h3", "h4", "blockquote", "figure", "table"];

/// The deck the page sets right under its headline (`<h1>` of `title`, or
/// the `<hgroup>` around it, then an `<h2>`, `<h3>`, `<p>` or a `<div>` of
/// text of its own: "Как развеселили себя президент России и премьер
/// Малайзии", The New Yorker's dek), when `body_text` lacks it.
pub(crate) fn deck(page: &Document, title: &str, body_text: &str) -> Option<String> {
    let want = crate::text::comparable(title);
    let headline = elements_named(page, &["h1"]).into_iter().find(|h| crate::text::comparable(&h.text()) == want)?;
    // The headline's next element; at the end of its `<hgroup>`, the group's.
    let group = headline.parent().filter(|p| crate::dom::tag(p) == "hgroup");
    let next = headline.next_element_sibling().or_else(|| group.and_then(|g| g.next_element_sibling()))?;
    let text = deck_text(&next)?;
    (!no_space(body_text).contains(&no_space(&text))).then_some(text)
}

/// The text of `node` when it is set as a deck: an `<h2>`, `<h3>` or `<p>`
/// of five words or more without links or pictures, or a `<div>` of one
/// sentence of its own (not "// By Jane Doe • Nov 11, 2020", no blocks inside).
fn deck_text(node: &NodeRef) -> Option<String> {
    let name = crate::dom::tag(node);
    let blocks_inside = name == "div" && crate::dom::has_descendant(node, INNER_BLOCKS);
    if !DECK_BLOCKS.contains(&name.as_str()) || crate::dom::has_descendant(node, &["a", "img"]) || blocks_inside {
        return None;
    }
    let text = crate::dom::short_text(node, MAX_DECK)?;
    let sentence = name != "div"
        || (text.trim_end().ends_with(['.', '?', '!', '…']) && byline_feeds::credit::strip_label(&text) == text);
    let shaped = sentence && text.chars().count() >= MIN_LEAD / 2 && text.split_whitespace().count() >= 5;
    shaped.then_some(text)
}

/// A lead paragraph as HTML, text escaped.
pub(crate) fn to_html(lead: &str) -> String {
    format!("<p>{}</p>", lead.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;"))
}

/// The innermost block whose whole text is `wanted` (compared without
/// spaces), or else that opens with it and says a little more (a
/// description shorter than the lead it was taken from).
fn shown_as_block<'a>(page: &'a Document, wanted: &str) -> Option<NodeRef<'a>> {
    // A picture's caption (a description taken from it) is no lead.
    let caption = |node: &NodeRef| crate::dom::inside(node, &["figcaption"]);
    innermost_block(page, |node| text_without_spaces_is(node, wanted))
        .or_else(|| innermost_block(page, |node| opens_with(node, wanted)))
        .or_else(|| innermost_block(page, |node| kicker_then(node, wanted)))
        .filter(|block| !caption(block))
}

/// The most characters of a kicker set before a lead, with a colon
/// ("Schwere Schlappe für Boris Johnson: Der Premierminister muss …").
const MAX_KICKER: usize = 60;

/// Whether the text of `node`, without whitespace, is a kicker of at most
/// [`MAX_KICKER`] characters ending in a colon, then `wanted`: the lead as
/// the page shows it, where the description leaves the kicker out.
fn kicker_then(node: &NodeRef, wanted: &str) -> bool {
    let Some(text) = crate::dom::short_text(node, MAX_LEAD + MAX_KICKER) else { return false };
    no_space(&text)
        .strip_suffix(wanted)
        .is_some_and(|kicker| kicker.ends_with(':') && (2..=MAX_KICKER).contains(&kicker.chars().count()))
}

/// The innermost of the first run of nested [`LEAD_BLOCKS`] that `is_it`.
fn innermost_block<'a>(page: &'a Document, is_it: impl Fn(&NodeRef) -> bool) -> Option<NodeRef<'a>> {
    let mut found: Option<NodeRef> = None;
    for node in &elements_named(page, LEAD_BLOCKS) {
        if !is_it(node) {
            continue;
        }
        match found {
            // A match inside the one found is more inner.
            Some(f) if !is_inside(node, &f) => break,
            _ => found = Some(*node),
        }
    }
    found
}

/// Whether the text of `node`, without whitespace, is `wanted`.
fn text_without_spaces_is(node: &NodeRef, wanted: &str) -> bool {
    opens_with_then(node, wanted, 0)
}

/// Whether the text of `node` opens with `wanted` (both without spaces)
/// and goes on for at most [`MAX_LEAD`] characters in all.
fn opens_with(node: &NodeRef, wanted: &str) -> bool {
    opens_with_then(node, wanted, MAX_LEAD)
}

/// Whether the text of `node`, without whitespace, is `wanted` and then at
/// most `more` characters: read only as far as it matches, so most blocks
/// are left at their first character.
fn opens_with_then(node: &NodeRef, wanted: &str, more: usize) -> bool {
    let mut rest = wanted.chars();
    let mut after = 0usize;
    for d in node.descendants_it() {
        let matches = own_text(&d, |t| {
            t.chars().filter(|c| !c.is_whitespace()).all(|c| match rest.next() {
                Some(w) => w == c,
                None => {
                    after += 1;
                    after <= more
                }
            })
        });
        if matches == Some(false) {
            return false;
        }
    }
    rest.next().is_none()
}

fn is_inside(node: &NodeRef, outer: &NodeRef) -> bool {
    node.ancestors_it(None).any(|a| a.id == outer.id)
}

/// Whether `block` comes before the first text node of `page_body` that
/// holds the body's opening.
fn comes_before_opening(page_body: &NodeRef, block: &NodeRef, opening: &str) -> bool {
    let mut seen_block = false;
    let mut pending = String::new();
    for node in page_body.descendants_it() {
        if node.id == block.id {
            seen_block = true;
            continue;
        }
        if node.is_text() && !is_inside(&node, block) {
            // Openings can span a few text nodes (a bold first word).
            pending.push_str(&no_space(&node.text()));
            if pending.contains(opening) {
                return seen_block;
            }
            if pending.len() > 4 * opening.len() {
                let cut = pending.char_indices().rev().nth(opening.chars().count()).map_or(0, |(i, _)| i);
                pending.drain(..cut);
            }
        }
    }
    false
}

/// The most characters of a dateline before a lead ("Berlin.", "BAKU –").
const DATELINE: usize = 30;

/// `block`'s parent when it holds `block` after a dateline and nothing
/// else (`<div><span>Berlin.</span> <span>The lead…</span></div>`): the
/// dateline is the lead's first words, as the page shows them.
fn with_dateline(block: NodeRef) -> NodeRef {
    let Some(parent) = block.parent().filter(|p| LEAD_BLOCKS.contains(&crate::dom::tag(p).as_str())) else {
        return block;
    };
    let (whole, lead) = (text_of_block(&parent), text_of_block(&block));
    let Some(dateline) = whole.strip_suffix(lead.as_str()).map(str::trim) else { return block };
    let dateline_shaped = (1..=DATELINE).contains(&dateline.chars().count())
        && dateline.split_whitespace().count() <= 3
        && dateline.starts_with(char::is_uppercase)
        && dateline.ends_with(['.', ':', '–', '—', '-', ')']);
    if dateline_shaped {
        parent
    } else {
        block
    }
}

fn text_of_block(block: &NodeRef) -> String {
    squash(&block.text())
}

fn no_space(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const LEAD: &str =
        "Leidest du an ständiger Müdigkeit ohne sichtbare Ursachen? Diese Krankheiten können dahinterstecken.";

    fn page(lead_place: &str) -> Document {
        let lead = format!("<div class=lead><p>{LEAD}</p></div>");
        let (before, after) = if lead_place == "before" { (lead.as_str(), "") } else { ("", lead.as_str()) };
        Document::from(format!(
            r#"<html><head><meta name="description" content="{LEAD}"></head><body><h1>T</h1>{before}
            <article><p>Könntest du nach dem <b>Aufwachen</b> direkt weiterschlafen? Musst du gähnen?</p></article>{after}</body></html>"#
        ))
    }

    #[test]
    fn a_description_shown_above_the_body_is_its_lead() {
        let doc = page("before");
        let found = descriptions(&doc, None);
        let body = "Könntest du nach dem Aufwachen direkt weiterschlafen? Musst du gähnen?";
        assert_eq!(missing_lead(&doc, &found, body).as_deref(), Some(LEAD));
        // Already in the body: nothing to add.
        assert!(missing_lead(&doc, &found, &format!("{LEAD} {body}")).is_none());
        // Shown only below the body (a teaser): not a lead.
        let doc = page("after");
        assert!(missing_lead(&doc, &descriptions(&doc, None), body).is_none());
    }

    #[test]
    fn a_lead_shown_after_its_dateline_keeps_it() {
        let doc = Document::from(format!(
            r#"<html><head><meta name="description" content="{LEAD}"></head><body><h1>T</h1>
            <div><span>Berlin.</span> <span>{LEAD}</span></div>
            <article><p>Könntest du nach dem Aufwachen direkt weiterschlafen?</p></article></body></html>"#
        ));
        let body = "Könntest du nach dem Aufwachen direkt weiterschlafen?";
        assert_eq!(missing_lead(&doc, &descriptions(&doc, None), body), Some(format!("Berlin. {LEAD}")));
        // More than a dateline beside it: the lead alone.
        let doc = Document::from(format!(
            r#"<html><head><meta name="description" content="{LEAD}"></head><body><h1>T</h1>
            <div><span>Lesen Sie auch, was Ärzte zu dem Thema sagen.</span> <span>{LEAD}</span></div>
            <article><p>Könntest du nach dem Aufwachen direkt weiterschlafen?</p></article></body></html>"#
        ));
        assert_eq!(missing_lead(&doc, &descriptions(&doc, None), body).as_deref(), Some(LEAD));
    }

    #[test]
    fn a_description_with_the_site_s_name_after_it_is_the_lead_without_it() {
        let doc = Document::from(format!(
            r#"<html><head><meta name="description" content="{LEAD} | Anadolu Ajansı"></head><body><h1>T</h1>
            <span>{LEAD}</span><div>Fatma Sevinç Çetin</div><div>20 Nisan 2026</div>
            <article><p>Könntest du nach dem Aufwachen direkt weiterschlafen?</p></article></body></html>"#
        ));
        let body = "Könntest du nach dem Aufwachen direkt weiterschlafen?";
        assert_eq!(missing_lead(&doc, &descriptions(&doc, None), body).as_deref(), Some(LEAD));
        assert_eq!(without_site_suffix("A sentence – and then another one, longer than a site's name."), None);
        assert_eq!(without_site_suffix("It said so. - Anadolu Ajansı"), Some("It said so."));
        assert_eq!(without_site_suffix("Spitzenreiter - doch weniger Tiere"), None);
    }

    #[test]
    fn a_lead_that_says_more_than_the_description_is_found_whole() {
        let more = format!("{LEAD} Zu Besuch bei einer Ärztin.");
        let doc = Document::from(format!(
            r#"<html><head><meta name="description" content="{LEAD}"></head><body><h1>T</h1><p class=einleitung>{more}</p>
            <article><p>Könntest du nach dem Aufwachen direkt weiterschlafen?</p></article></body></html>"#
        ));
        let body = "Könntest du nach dem Aufwachen direkt weiterschlafen?";
        assert_eq!(missing_lead(&doc, &descriptions(&doc, None), body), Some(more));
    }

    #[test]
    fn a_description_taken_from_a_caption_or_from_json_ld() {
        let caption = "Bereit für den Jahrhundertkampf: Tyson Fury (links) und Oleksandr Usyk in Riad.";
        let doc = Document::from(format!(
            r#"<html><head></head><body><h1>T</h1><figure><img src=a.jpg><figcaption><span>{caption}</span></figcaption></figure>
            <p class=intro>{LEAD}</p><article><p>Könntest du nach dem Aufwachen direkt weiterschlafen?</p></article></body></html>"#
        ));
        let body = "Könntest du nach dem Aufwachen direkt weiterschlafen?";
        assert_eq!(missing_lead(&doc, &descriptions(&doc, Some(caption)), body), None);
        assert_eq!(missing_lead(&doc, &descriptions(&doc, Some(LEAD)), body).as_deref(), Some(LEAD));
    }

    #[test]
    fn the_deck_under_the_headline_is_the_lead_when_the_body_lacks_it() {
        let deck_text = "Как развеселили себя президент России и премьер Малайзии";
        let doc = Document::from(format!(
            r#"<html><body><header><h1>Путин и Анвар Ибрагим</h1><h2>{deck_text}</h2></header>
            <article><p>Президент России встретился с премьером Малайзии в Кремле.</p></article></body></html>"#
        ));
        let body = "Президент России встретился с премьером Малайзии в Кремле.";
        assert_eq!(deck(&doc, "Путин и Анвар Ибрагим", body).as_deref(), Some(deck_text));
        // In the body already, under another headline, or a link: no deck.
        assert_eq!(deck(&doc, "Путин и Анвар Ибрагим", &format!("{deck_text} {body}")), None);
        assert_eq!(deck(&doc, "Другой заголовок", body), None);
        let linked = Document::from(format!(
            r#"<html><body><h1>Путин и Анвар Ибрагим</h1><p><a href="/other">{deck_text}</a></p></body></html>"#
        ));
        assert_eq!(deck(&linked, "Путин и Анвар Ибрагим", body), None);
        // A dek in a <div> of its own, and a deck after the headline's <hgroup>.
        let dek = "Engineers might be able to protect Arctic ice by coating it with tiny glass bubbles. Should they?";
        let body = "The Arctic is warming four times faster than the rest of the planet.";
        for html in [
            format!(
                r#"<html><body><h1>A Heat Shield for the Ice</h1><div class="Dek">{dek}</div><p>{body}</p></body></html>"#
            ),
            format!(
                r#"<html><body><hgroup><p>Climate</p><h1>A Heat Shield for the Ice</h1></hgroup><div><span>{dek}</span></div><p>{body}</p></body></html>"#
            ),
        ] {
            assert_eq!(deck(&Document::from(html), "A Heat Shield for the Ice", body).as_deref(), Some(dek));
        }
        // A byline line in a <div>, or a <div> holding paragraphs (the body's start): no deck.
        let html = r#"<html><body><h1>A Heat Shield for the Ice</h1><div>// By Arun Sai Krishnan • Nov 11, 2020</div></body></html>"#;
        assert_eq!(deck(&Document::from(html), "A Heat Shield for the Ice", body), None);
        let html = format!(
            r#"<html><body><h1>A Heat Shield for the Ice</h1><div><p>{dek}</p><p>{body}</p></div></body></html>"#
        );
        assert_eq!(deck(&Document::from(html), "A Heat Shield for the Ice", body), None);
    }

    #[test]
    fn a_lead_set_as_a_small_heading_is_found() {
        for heading in ["h3", "h4"] {
            let doc = Document::from(format!(
                r#"<html><head><meta name="description" content="{LEAD}"></head><body><h1>T</h1><{heading}>{LEAD}</{heading}>
                <article><p>Könntest du nach dem Aufwachen direkt weiterschlafen?</p></article></body></html>"#
            ));
            let body = "Könntest du nach dem Aufwachen direkt weiterschlafen?";
            assert_eq!(missing_lead(&doc, &descriptions(&doc, None), body).as_deref(), Some(LEAD), "{heading}");
        }
    }
}
