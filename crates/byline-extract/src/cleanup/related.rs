//! Blocks that point the reader to other stories: lists headed "Related",
//! "Читайте также", "Lesen Sie auch", a "read also" teaser inside the
//! text, and short `<article>` cards teasing other articles of the site.

use dom_query::{Document, NodeRef};
use url::Url;

use super::other_pages::{is_link_to_other_page, is_other_page};
use super::{elements, is_attached, protected, ShortText};
use crate::dom::{elements_named, has_descendant, link_density, short_text, tag, text_of};
use crate::text::comparable;

/// Headings of link lists that are not the article (compared lower-case, as prefixes).
const RELATED_HEADINGS: &[&str] = &[
    "oxşar xəbərlər",
    "digər xəbərlər",
    "mövzu ilə bağli",
    "bu mövzuda",
    "son xəbərlər",
    "ən çox oxunan",
    "həmçinin oxuyun",
    "похожие новости",
    "похожие записи",
    "похожие материалы",
    "материалы по теме",
    "новости по теме",
    "статьи по теме",
    "читайте по теме",
    "ещё по теме",
    "еще по теме",
    "по теме",
    "əlaqəli xəbərlər",
    "mövzuya aid",
    "читайте также",
    "читать также",
    "смотрите также",
    "другие новости",
    "последние новости",
    "related",
    "more from",
    "recommended",
    "most read",
    "most popular",
    "most viewed",
    "meistgelesen",
    "meistdiskutiert",
    "meistkommentiert",
    "самое читаемое",
    "самые читаемые",
    "популярные новости",
    "les plus lus",
    "lo más leído",
    "mais lidas",
    "read more",
    "also read",
    "you may also like",
    "trending",
    "see also",
    // German, French, Spanish and Portuguese "read also" headings.
    "lesen sie auch",
    "lies auch",
    "zum weiterlesen",
    "weiterlesen",
    "das könnte sie auch interessieren",
    "das könnte dich auch interessieren",
    "auch interessant",
    "mehr zum thema",
    "weitere artikel",
    "weitere beiträge",
    "ähnliche artikel",
    "ähnliche beiträge",
    "verwandte artikel",
    "à lire aussi",
    "lire aussi",
    "sur le même sujet",
    "lee también",
    "lea también",
    "te puede interesar",
    "noticias relacionadas",
    "leia também",
    "veja também",
    // Polish.
    "czytaj więcej",
    "czytaj też",
    "czytaj także",
];

/// A paragraph, or a list of one or two items, that is nothing but a link
/// to another page of the same site (counted across its country domains),
/// perhaps after a short label ("Read also:", "Le puede interesar:"): a
/// "read also" teaser inside the text. Longer lists stay: taking them out
/// too made the extractor pick worse blocks on pages no rule was tuned on
/// (BENCHMARKS.md, "Extraction: fixture pages", session 21).
pub(super) fn is_teaser(node: &NodeRef, page_url: &Url, own: &ShortText) -> bool {
    let name = tag(node);
    let items: Vec<NodeRef> = match name.as_str() {
        "p" => vec![*node],
        "ul" | "ol" => node.element_children(),
        _ => return false,
    };
    if items.is_empty() || items.len() > 2 || (name != "p" && items.iter().any(|i| tag(i) != "li")) {
        return false;
    }
    items.iter().all(|item| {
        let text = if item.id == node.id { own.within(200).map(str::to_string) } else { short_text(item, 200) };
        let Some(text) = text else { return false };
        let words = text.split_whitespace().count();
        (3..=25).contains(&words)
            && !has_descendant(item, &["img", "picture", "video"])
            && is_link_to_other_page(item, &text, page_url)
    })
}

/// Text a card teasing another article holds at most: its kicker, headline
/// and a line of summary.
const CARD_TEXT: usize = 300;

/// Removes the short `<article>`s beside the page's longest one whose every
/// link leads to one other page of the site: cards teasing other articles
/// (a "more on this" grid, a headline under a picture), which many sites
/// mark up as articles of their own, their link often laid over the card
/// with its text for screen readers only, so no rule on links finds them.
pub(super) fn remove_teaser_cards(doc: &Document, page_url: &Url) {
    let articles = elements_named(doc, &["article"]);
    if articles.len() < 2 {
        return;
    }
    let longest = articles.iter().max_by_key(|a| text_of(a).len()).map(|a| a.id);
    for card in &articles {
        if Some(card.id) != longest && is_attached(card) && is_teaser_card(card, page_url) {
            card.remove_from_parent();
        }
    }
}

fn is_teaser_card(card: &NodeRef, page_url: &Url) -> bool {
    if short_text(card, CARD_TEXT).is_none() || has_descendant(card, &["h1", "article", "main"]) {
        return false;
    }
    let mut targets = card
        .descendants_it()
        .filter(|d| d.is_element() && tag(d) == "a")
        .filter_map(|a| a.attr("href").and_then(|h| page_url.join(&h).ok()))
        .map(|mut to| {
            to.set_fragment(None);
            to
        });
    let Some(first) = targets.next() else { return false };
    is_other_page(first.as_str(), page_url) && targets.all(|to| to == first)
}

/// Removes blocks whose heading says they are a list of other articles
/// ("Oxşar xəbərlər", "Читайте также", "Related") and that are mostly links.
pub(super) fn remove_related_by_heading(doc: &Document) {
    let names = ["h2", "h3", "h4", "h5", "h6", "header", "b", "strong", "div", "span", "p"];
    for heading in elements(doc).iter().filter(|n| names.contains(&tag(n).as_str())) {
        if heading.parent().is_none() {
            continue;
        }
        // Headings are short: a longer text is never one (and is not read whole).
        let Some(text) = short_text(heading, 60).map(|t| comparable(&t)) else { continue };
        if text.is_empty() || text.chars().count() > 40 || !RELATED_HEADINGS.iter().any(|h| text.starts_with(h)) {
            continue;
        }
        let Some(parent) = heading.parent() else { continue };
        // The heading's own wrapper holds nothing else: the block is the one
        // around it, when that is a block of its own (not the article).
        let mut container = parent;
        while comparable(&text_of(&container)) == text {
            match container.parent() {
                Some(p) => container = p,
                None => break,
            }
        }
        if protected(&container) || matches!(tag(&container).as_str(), "body" | "html") {
            container = parent;
        }
        if protected(&container) || matches!(tag(&container).as_str(), "body" | "html") {
            continue;
        }
        if link_density(&container) >= 0.4 && text_of(&container).chars().count() < 2000 {
            container.remove_from_parent();
        } else {
            remove_heading_and_links_after(heading);
        }
    }
}

/// A "read also" heading inside the text (`<p><strong>Lesen Sie auch:</strong></p>`)
/// followed by lists or paragraphs that are mostly links: the heading's line
/// and those blocks go, up to the first block that is not links. A line that
/// is only the label goes even with no links after it (the teaser it
/// announced was left out of the page).
fn remove_heading_and_links_after(heading: &NodeRef) {
    // The line that holds the heading and nothing else (`<p><strong>…</strong></p>`).
    let line = match heading.parent() {
        Some(p) if matches!(tag(heading).as_str(), "b" | "strong" | "span") && text_of(&p) == text_of(heading) => p,
        _ => *heading,
    };
    let mut links = Vec::new();
    let mut next = line.next_element_sibling();
    while let Some(n) = next {
        // A video in the text ("More from NBC's TODAY:" above it) is the article's.
        let is_links = matches!(tag(&n).as_str(), "ul" | "ol" | "p" | "div")
            && link_density(&n) >= 0.5
            && text_of(&n).chars().count() < 1000
            && !holds_video(&n);
        if !is_links || links.len() >= 6 {
            break;
        }
        links.push(n);
        next = n.next_element_sibling();
    }
    if !links.is_empty() || is_lone_related_label(&line) {
        line.remove_from_parent();
        for n in links {
            n.remove_from_parent();
        }
    }
}

/// Whether `node` is or holds a video's stand-in (`byline_feeds::video::embed_html`).
fn holds_video(node: &NodeRef) -> bool {
    let mark = byline_feeds::video::VIDEO_MARK;
    node.has_attr(mark) || node.descendants_it().any(|d| d.is_element() && d.has_attr(mark))
}

/// A line, not a heading (`<h3>Mehr zum Thema</h3>` can open the article's
/// own section), whose whole text is one of [`RELATED_HEADINGS`].
fn is_lone_related_label(line: &NodeRef) -> bool {
    !matches!(tag(line).as_str(), "h2" | "h3" | "h4" | "h5" | "h6")
        && RELATED_HEADINGS.contains(&comparable(&text_of(line)).as_str())
}

#[cfg(test)]
mod tests {
    use crate::cleanup::tests::clean;

    #[test]
    fn the_headings_are_written_as_they_are_compared() {
        crate::text::assert_written_as_compared(super::RELATED_HEADINGS);
    }

    #[test]
    fn short_article_cards_teasing_other_pages_go_and_the_article_stays() {
        let story = "<p>The article's own paragraph, long enough to be the longest article of the page by far.</p>";
        let out = clean(&format!(
            r#"<body><main><article><h1>T</h1>{story}
               <div class="list"><article><a href="/nrw/ponies_aid-1" class="inset-0"><span class="sr-only">Maple kills horses</span></a>
               <header><em>Ponies die in Viersen</em><span>Maple kills horses</span></header></article>
               <article><a href="/b/2"><img src="/b.jpg"></a><h3><a href="/b/2#top">A second teaser</a></h3></article>
               <article><p>A quoted post with <a href="/c/1">one link</a> and <a href="https://other.example.org/x">another</a>.</p></article>
               </div></article></main></body>"#
        ));
        for gone in ["Ponies die", "Maple kills", "second teaser"] {
            assert!(!out.contains(gone), "{gone}: {out}");
        }
        for kept in ["own paragraph", "A quoted post"] {
            assert!(out.contains(kept), "{kept}: {out}");
        }
        // A page that is one short article keeps it, links and all.
        let brief =
            clean(r#"<body><article><h2>Brief</h2><p>Two lines.</p><a href="/full/1">Read on</a></article></body>"#);
        assert!(brief.contains("Two lines"), "{brief}");
    }

    #[test]
    fn a_video_under_a_more_from_label_is_the_article_s() {
        let out = clean(
            r#"<body><article><h1>T</h1><p>The first paragraph of the article, long enough to be read as one.</p>
            <p>More from NBC's TODAY:</p><p><iframe src="https://www.youtube.com/embed/qd02T-nL_Wo?feature=oembed"></iframe></p>
            <p>The last paragraph of the article, also long enough to be read as one.</p></article></body>"#,
        );
        assert!(out.contains("youtube.com/watch?v=qd02T-nL_Wo") && !out.contains("iframe"), "{out}");
    }

    #[test]
    fn related_blocks_by_class_and_by_heading() {
        let out = clean(
            r#"<body><div class="yarpp"><a href="/1">One</a></div>
            <div><h3>Oxşar xəbərlər</h3><ul><li><a href="/a">A long linked headline here</a></li></ul></div>
            <p>keep</p></body>"#,
        );
        assert!(!out.contains("One") && !out.contains("Oxşar") && out.contains("keep"), "{out}");
    }

    #[test]
    fn a_most_read_box_goes_when_its_heading_has_a_wrapper_of_its_own() {
        let out = clean(
            r#"<body><article><h1>Headline</h1><p>The article's text, long enough to be it.</p></article>
            <div class="box"><div class="title"><div>Meistgelesene Artikel</div></div>
            <ol><li><a href="/a">Modulreinigung bringt positive Effekte</a></li><li><a href="/b">Schnee auf Solaranlagen</a></li></ol></div></body>"#,
        );
        assert!(!out.contains("Meistgelesene") && !out.contains("Modulreinigung"), "{out}");
        assert!(out.contains("article's text"), "{out}");
    }

    #[test]
    fn a_section_headed_by_a_header_element_goes() {
        // taz.de: "Mehr zum Thema" in a `<header>`, teaser cards after it.
        let out = clean(
            r#"<body><article><h1>Headline</h1><p>The article's text, long enough to be it.</p></article>
            <section><header>Mehr zum Thema</header>
            <div><a href="/other-story/"><figure><img src="/a.jpg"></figure><h3>Ein bisschen Fortschritt</h3>
            <p>Endlich gibt es einen Entwurf.</p></a></div></section></body>"#,
        );
        assert!(!out.contains("Mehr zum Thema") && !out.contains("Fortschritt"), "{out}");
        assert!(out.contains("article's text"), "{out}");
    }

    #[test]
    fn a_read_also_heading_inside_the_text_goes_with_its_links() {
        let out = clean(
            r#"<body><div class="entry"><p>First paragraph of the article, long enough to be the text.</p>
            <p><strong>Lesen Sie auch die folgenden Beiträge:</strong></p>
            <ul><li><a href="/a">Warum Sie diese HR-Prozesse digitalisieren sollten</a></li><li><a href="/b">Der Jobmarkt bleibt vital</a></li></ul>
            <p>Last paragraph of the article, kept as it is.</p></div></body>"#,
        );
        assert!(!out.contains("Lesen Sie") && !out.contains("Jobmarkt"), "{out}");
        assert!(out.contains("First paragraph") && out.contains("Last paragraph"), "{out}");
        // A heading followed by text, not links, stays.
        let out = clean(
            r#"<body><div class="entry"><p>Intro text of the article here.</p><h3>Mehr zum Thema</h3>
            <p>The council said more on the subject, with <a href="/x">one link</a> in a long sentence of plain text.</p></div></body>"#,
        );
        assert!(out.contains("Mehr zum Thema") && out.contains("council said"), "{out}");
        // A line that is only the label goes, links or not.
        let out = clean(
            r#"<body><div class="entry"><p>Intro text of the article here.</p><div><p>Lesen Sie auch</p></div>
            <p>The council said more on the subject in a long sentence of plain text.</p></div></body>"#,
        );
        assert!(!out.contains("Lesen Sie") && out.contains("council said"), "{out}");
    }
}
