//! The headline: from `og:title`, the JSON-LD headline, the page's `<h1>` or
//! `<title>`, with the site name (" | Site", " - Site", "Site – ") cut off;
//! and the headline dropped where the body repeats it at the top.

use dom_query::{Document, NodeRef};

use crate::dom::text_of;
use crate::jsonld::ArticleLd;
use crate::metadata::Meta;
use crate::text::{comparable, fold, squash};

/// Separators between a headline and a site name.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " » ", " « ", " :: ", " · ", " / ", " : "];

/// Picks the headline and strips the site name from it: the on-page
/// headline (the `<h1>` inside the article, or the page's only `<h1>`)
/// first, as the reader sees it; then `og:title`, the JSON-LD headline,
/// the first `<h1>`, `twitter:title` and `<title>`. A kicker the on-page
/// headline lacks ("Opinion | ", "BREAKING: ") is dropped.
pub(crate) fn pick(doc: &Document, meta: &Meta, ld: &ArticleLd, site_names: &[String]) -> String {
    let h1 = first_headline(doc);
    let on_page = on_page_headline(doc, site_names);
    let title_tag = doc.select("title").nodes().first().map(text_of);
    let candidates = [
        on_page.clone(),
        meta.first(&["og:title"]).map(String::from),
        ld.headline.clone(),
        h1.clone(),
        meta.first(&["twitter:title"]).map(String::from),
        title_tag,
    ];
    let title = candidates
        .into_iter()
        .flatten()
        .map(|c| strip_site_name(&byline_feeds::sanitize::plain_text(&c), site_names, h1.as_deref()))
        .find(|c| !c.is_empty())
        .unwrap_or_default();
    match on_page.as_deref().or(h1.as_deref()) {
        Some(h) => strip_kicker(&title, h),
        None => title,
    }
}

/// The most words an on-page headline has (more is a paragraph in an `<h1>`).
const MAX_HEADLINE_WORDS: usize = 40;

/// The headline as the page shows it: the first `<h1>` inside the article
/// (`<article>`, schema.org `Article` microdata, `<main>`), else the page's
/// only `<h1>`; of two or more words, and not a site name in a logo.
fn on_page_headline(doc: &Document, site_names: &[String]) -> Option<String> {
    let sites: Vec<String> = site_names.iter().map(|s| comparable(s)).collect();
    let usable = |t: &String| {
        let words = t.split_whitespace().count();
        (2..=MAX_HEADLINE_WORDS).contains(&words) && !sites.contains(&comparable(t))
    };
    // An <h1> the page's <title> or og:title repeats is the headline.
    let seo: Vec<String> = doc
        .select(r#"title, meta[property="og:title"]"#)
        .nodes()
        .iter()
        .map(|n| comparable(&byline_feeds::sanitize::plain_text(&text_or_content(n))))
        .filter(|t| !t.is_empty())
        .collect();
    let headings: Vec<String> = doc.select("h1").nodes().iter().map(text_of).collect();
    // A blog's name in the `<h1>` and the post's title in an `<h2>`/`<h3>`,
    // the `<title>` being "Blog: Post": the `<h2>`/`<h3>` is the headline.
    let subheads: Vec<String> = doc.select("h2, h3").nodes().iter().map(text_of).collect();
    for h in headings.iter().map(|t| comparable(t)).filter(|t| !t.is_empty()) {
        for title in &seo {
            let rest = if let Some(rest) = title.strip_prefix(h.as_str()) {
                rest
            } else if let Some(rest) = title.strip_suffix(h.as_str()) {
                rest
            } else {
                continue;
            };
            let rest = rest.trim_matches(|c: char| c.is_whitespace() || ":|-–—·/»«".contains(c));
            if rest.is_empty() {
                continue;
            }
            if let Some(sub) = subheads.iter().find(|t| usable(t) && comparable(t) == rest) {
                return Some(sub.clone());
            }
        }
    }
    if let Some(confirmed) = headings.iter().find(|t| usable(t) && seo.iter().any(|s| s.contains(&comparable(t)))) {
        return Some(confirmed.clone());
    }
    let inside = doc
        .select(r#"article h1, [itemtype*="Article"] h1, main h1, [role="main"] h1"#)
        .nodes()
        .iter()
        .map(text_of)
        .find(|t| usable(t));
    inside.or_else(|| {
        let all: Vec<&String> = headings.iter().filter(|t| !t.is_empty()).collect();
        match all.as_slice() {
            [only] if usable(only) => Some((*only).clone()),
            _ => None,
        }
    })
}

fn text_or_content(node: &NodeRef) -> String {
    if crate::dom::tag(node) == "meta" {
        node.attr("content").map(|c| c.to_string()).unwrap_or_default()
    } else {
        text_of(node)
    }
}

/// Kickers sites put before a headline in their SEO titles.
const KICKERS: &[&str] = &[
    "opinion",
    "analysis",
    "perspective",
    "breaking",
    "breaking news",
    "exclusive",
    "watch",
    "update",
    "updated",
    "live",
    "video",
    "photos",
    "review",
    "editorial",
    "commentary",
    "fact check",
];

/// `title` without a leading kicker ("Opinion | ", "BREAKING: ") that the
/// on-page headline `h1` does not have.
pub(crate) fn strip_kicker(title: &str, h1: &str) -> String {
    for sep in [" | ", ": ", " — ", " – ", " - "] {
        if let Some((head, rest)) = title.split_once(sep) {
            let kicker = fold(head.trim());
            if KICKERS.contains(&kicker.as_str()) && !fold(h1).starts_with(&kicker) && !rest.trim().is_empty() {
                return rest.trim().to_string();
            }
        }
    }
    title.to_string()
}

/// The first `<h1>` of two or more words that is not a site name in a logo.
fn first_headline(doc: &Document) -> Option<String> {
    doc.select("h1").nodes().iter().map(text_of).find(|t| t.split_whitespace().count() >= 2)
}

/// `title` without a leading or trailing site name.
pub(crate) fn strip_site_name(title: &str, site_names: &[String], h1: Option<&str>) -> String {
    let title = squash(title);
    let lower = fold(&title);
    for site in site_names.iter().map(|s| fold(&squash(s))).filter(|s| !s.is_empty()) {
        for sep in SEPARATORS {
            if let Some(head) = lower.strip_suffix(&format!("{sep}{site}")) {
                return cut_chars(&title, 0, head.chars().count());
            }
            if let Some(tail) = lower.strip_prefix(&format!("{site}{sep}")) {
                let total = lower.chars().count();
                return cut_chars(&title, total - tail.chars().count(), total);
            }
        }
    }
    if let Some(h1) = h1.map(squash) {
        let rest = lower.strip_prefix(&fold(&h1));
        if rest.is_some_and(|r| SEPARATORS.iter().any(|s| r.starts_with(s))) {
            return h1;
        }
    }
    // "Headline | Site" with an unknown site name: cut a short last part.
    if let Some((head, tail)) = title.rsplit_once(" | ") {
        if tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 3 {
            return head.trim().to_string();
        }
    }
    title
}

/// The characters `from..to` of `s` (positions counted in characters, as
/// [`fold`] keeps them).
fn cut_chars(s: &str, from: usize, to: usize) -> String {
    s.chars().skip(from).take(to - from).collect::<String>().trim().to_string()
}

/// Removes the headline where the body repeats it in one of its first
/// blocks (as `<h1>`, `<h2>` or `<p><strong>`).
pub(crate) fn drop_repeated_title(content: &Document, title: &str) {
    let want = comparable(title);
    if want.is_empty() {
        return;
    }
    let blocks: Vec<NodeRef> = content
        .select("h1, h2, h3, h4, p, div")
        .nodes()
        .iter()
        .filter(|n| is_leaf_block(n) && !text_of(n).is_empty())
        .cloned()
        .collect();
    for block in blocks.iter().take(3) {
        if comparable(&text_of(block)) == want {
            block.remove_from_parent();
        }
    }
}

fn is_leaf_block(node: &NodeRef) -> bool {
    !node.descendants_it().any(|d| {
        matches!(
            crate::dom::tag(&d).as_str(),
            "p" | "div" | "h1" | "h2" | "h3" | "h4" | "ul" | "ol" | "table" | "figure"
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sites() -> Vec<String> {
        vec!["Zərdab Xəbər".into(), "Bakı Gündəm".into()]
    }

    #[test]
    fn site_name_is_cut_from_either_end() {
        assert_eq!(strip_site_name("Başlıq burada – Zərdab Xəbər", &sites(), None), "Başlıq burada");
        assert_eq!(strip_site_name("İqtisadi xəbər | BAKI GÜNDƏM", &sites(), None), "İqtisadi xəbər");
        assert_eq!(strip_site_name("Bakı Gündəm - Manat sabit qalacaq", &sites(), None), "Manat sabit qalacaq");
        assert_eq!(
            strip_site_name("Library opens late - The Gazette", &[], Some("Library opens late")),
            "Library opens late"
        );
        assert_eq!(
            strip_site_name("Survey finds glaciers lost a fifth | Northline", &[], None),
            "Survey finds glaciers lost a fifth"
        );
        assert_eq!(
            strip_site_name("Azərbaycan - Qazaxıstan əlaqələri", &[], None),
            "Azərbaycan - Qazaxıstan əlaqələri"
        );
    }

    #[test]
    fn title_order_og_then_jsonld_then_h1() {
        let doc = Document::from(
            r#"<html><head><title>T - Zərdab Xəbər</title><meta property="og:title" content="OG başlıq – Zərdab Xəbər"></head>
               <body><h1>Logo</h1><h1>H1 başlıq burada</h1></body></html>"#,
        );
        assert_eq!(pick(&doc, &Meta::read(&doc), &ArticleLd::default(), &sites()), "OG başlıq");
        let doc = Document::from(
            "<html><head><title>Only Title Here | Site</title></head><body><h1>Real headline here</h1></body></html>",
        );
        assert_eq!(pick(&doc, &Meta::read(&doc), &ArticleLd::default(), &[]), "Real headline here");
    }

    #[test]
    fn a_blogs_name_in_the_h1_is_not_the_headline() {
        let doc = Document::from(
            "<html><head><title>EMACSPEAK The Complete Audio Desktop: Meta-Programming In Emacs</title></head><body>\
             <h1>EMACSPEAK The Complete Audio Desktop</h1><div class=\"post\"><h3>Meta-Programming In Emacs</h3><p>Text.</p></div></body></html>",
        );
        let meta = Meta::read(&doc);
        assert_eq!(pick(&doc, &meta, &ArticleLd::default(), &[]), "Meta-Programming In Emacs");
    }

    #[test]
    fn kickers_are_dropped_only_when_the_headline_lacks_them() {
        assert_eq!(strip_kicker("Opinion | Enough platitudes", "Enough platitudes"), "Enough platitudes");
        assert_eq!(strip_kicker("BREAKING: Hunt ends in Milan", "Berlin suspect shot dead"), "Hunt ends in Milan");
        assert_eq!(strip_kicker("Opinion: It is wrong", "Opinion: It is wrong"), "Opinion: It is wrong");
        assert_eq!(strip_kicker("Corona: Report from the border", "Report"), "Corona: Report from the border");
    }

    #[test]
    fn repeated_headline_at_the_top_of_the_body_is_dropped_once() {
        let doc = Document::from("<div><p><strong>Xalqlarımızı birləşdirir</strong></p><p>Body.</p><p>Xalqlarımızı birləşdirir later</p></div>");
        drop_repeated_title(&doc, "Xalqlarımızı birləşdirir");
        let html = doc.html();
        assert!(!html.contains("<strong>"), "{html}");
        assert!(html.contains("later"));
    }
}
