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

/// Picks the headline and strips the site name from it.
pub(crate) fn pick(doc: &Document, meta: &Meta, ld: &ArticleLd, site_names: &[String]) -> String {
    let h1 = first_headline(doc);
    let title_tag = doc.select("title").nodes().first().map(text_of);
    let candidates = [
        meta.first(&["og:title"]).map(String::from),
        ld.headline.clone(),
        h1.clone(),
        meta.first(&["twitter:title"]).map(String::from),
        title_tag,
    ];
    candidates
        .into_iter()
        .flatten()
        .map(|c| strip_site_name(&byline_feeds::sanitize::plain_text(&c), site_names, h1.as_deref()))
        .find(|c| !c.is_empty())
        .unwrap_or_default()
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
    fn repeated_headline_at_the_top_of_the_body_is_dropped_once() {
        let doc = Document::from("<div><p><strong>Xalqlarımızı birləşdirir</strong></p><p>Body.</p><p>Xalqlarımızı birləşdirir later</p></div>");
        drop_repeated_title(&doc, "Xalqlarımızı birləşdirir");
        let html = doc.html();
        assert!(!html.contains("<strong>"), "{html}");
        assert!(html.contains("later"));
    }
}
