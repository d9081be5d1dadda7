//! An `<h1>` made of parts: a kicker above the headline ("Premier League",
//! a `dachzeile`, a `<small>` topic) or a subtitle after it, each in its
//! own element. The page's metadata (`og:title`, the JSON-LD headline,
//! `<title>`) names the part that is the headline.

use dom_query::NodeRef;

use crate::dom::{class_id_tokens, tag, text_of};
use crate::text::comparable;

/// Class words of a part that is not the headline itself.
const KICKER_CLASSES: &[&str] =
    &["topline", "dachzeile", "overline", "kicker", "roofline", "eyebrow", "subtitle", "subheadline", "label"];

/// The headline inside `h1` when the `h1` is a kicker (or subtitle) and a
/// headline in separate elements and its whole text is not a title the
/// metadata gives. `titles` are the metadata's titles, site names cut off;
/// `headline_titles` those of them written as the article's headline
/// (`og:title`, the JSON-LD headline), whose "Kicker: Headline" form is
/// kept as the publisher wrote it.
pub(crate) fn headline_in(h1: &NodeRef, titles: &[String], headline_titles: &[String]) -> Option<String> {
    let parts = parts_of(h1);
    if parts.len() < 2 {
        return None;
    }
    let whole = comparable(&parts.iter().map(|(t, _)| t.as_str()).collect::<Vec<_>>().join(" "));
    let keys: Vec<String> = titles.iter().map(|t| comparable(t)).collect();
    if keys.iter().any(|k| k.contains(&whole)) {
        return None;
    }
    if let [(kicker, _), (headline, _)] = parts.as_slice() {
        let joined = comparable(&format!("{kicker}: {headline}"));
        if let Some(t) = headline_titles.iter().find(|t| comparable(t) == joined) {
            return Some(t.clone());
        }
    }
    let segments: Vec<String> = keys.iter().flat_map(|k| segments(k)).collect();
    parts
        .iter()
        .filter(|(t, _)| t.split_whitespace().count() >= 2)
        .filter(|(t, _)| {
            let key = comparable(t);
            keys.contains(&key) || segments.contains(&key)
        })
        .max_by_key(|(t, kicker)| (!kicker, t.chars().count()))
        .map(|(t, _)| t.clone())
}

/// The separators a title's parts are joined with.
const SEPARATORS: &[&str] = &[": ", " | ", " - ", " – ", " — "];

/// `title`'s parts between separators (without the whole).
fn segments(title: &str) -> Vec<String> {
    let mut parts = vec![title.to_string()];
    for sep in SEPARATORS {
        parts = parts.iter().flat_map(|p| p.split(sep).map(|s| s.trim().to_string())).collect();
    }
    parts.retain(|p| !p.is_empty() && p != title);
    parts
}

/// The parts of `h1` with their text, each marked when its class names a
/// kicker or subtitle (or it is a `<small>`): the child nodes with text of
/// the `h1`, or of its one child element that holds all of it. Hidden
/// separators (`aria-hidden`, text without letters) are skipped.
fn parts_of(h1: &NodeRef) -> Vec<(String, bool)> {
    let mut node = *h1;
    loop {
        let children: Vec<NodeRef> = node.children().into_iter().filter(|c| !text_of(c).is_empty()).collect();
        match children.as_slice() {
            [only] if only.is_element() => node = *only,
            _ => break,
        }
    }
    node.children()
        .into_iter()
        .filter(|c| c.attr("aria-hidden").is_none_or(|v| &*v != "true"))
        .map(|c| {
            let kicker = c.is_element()
                && (tag(&c) == "small" || class_id_tokens(&c).iter().any(|w| KICKER_CLASSES.contains(&w.as_str())));
            (text_of(&c), kicker)
        })
        .filter(|(t, _)| t.chars().any(char::is_alphanumeric))
        .collect()
}

#[cfg(test)]
mod tests {
    use dom_query::Document;

    use super::*;

    fn headline(html: &str, titles: &[&str], headline_titles: &[&str]) -> Option<String> {
        let doc = Document::from(html);
        let h1 = doc.select("h1").nodes().first().cloned().unwrap();
        let own = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        headline_in(&h1, &own(titles), &own(headline_titles))
    }

    #[test]
    fn a_kicker_in_its_own_element_is_not_the_headline() {
        let h1 = r#"<h1><span class="seitenkopf__topline">Premier League</span> <span class="headline">Liverpool verliert bei Everton</span></h1>"#;
        assert_eq!(
            headline(h1, &["Liverpool verliert bei Everton"], &["Liverpool verliert bei Everton"]).as_deref(),
            Some("Liverpool verliert bei Everton")
        );
        let small = "<h1><span><small>Einheit der Woche</small><br>Lagen-Pyramide mit GA2</span></h1>";
        assert_eq!(headline(small, &["Lagen-Pyramide mit GA2"], &[]).as_deref(), Some("Lagen-Pyramide mit GA2"));
    }

    #[test]
    fn the_part_the_metadata_names_wins_over_the_kicker_it_also_names() {
        let h1 = r#"<h1><span class="dachzeile">Interne Unterlagen im Netz</span> <span class="headline">Daten von Rheinmetall gehackt</span></h1>"#;
        let titles = ["Daten von Rheinmetall gehackt - Interne Unterlagen im Netz"];
        assert_eq!(headline(h1, &titles, &titles).as_deref(), Some("Daten von Rheinmetall gehackt"));
        let subtitle = r#"<h1><span class="entry-title-primary">Hass-Demo in Essen verschwiegen</span> <span class="entry-subtitle">Ein Kommentar zum Sender</span></h1>"#;
        assert_eq!(
            headline(subtitle, &["Hass-Demo in Essen verschwiegen"], &[]).as_deref(),
            Some("Hass-Demo in Essen verschwiegen")
        );
    }

    #[test]
    fn a_kicker_colon_headline_title_is_kept_as_written() {
        let h1 = r#"<h1><span class="topline">Ausschuss zur Flut</span> <span aria-hidden="true"> - </span><span>Zwei Rücktritte und offene Fragen</span></h1>"#;
        let og = ["Ausschuss zur Flut: Zwei Rücktritte und offene Fragen"];
        assert_eq!(headline(h1, &og, &og).as_deref(), Some(og[0]));
    }

    #[test]
    fn an_h1_the_metadata_confirms_whole_or_not_at_all_is_left_alone() {
        let h1 = "<h1><em>Baku</em> hosts the forum</h1>";
        assert_eq!(headline(h1, &["Baku hosts the forum"], &[]), None);
        let h1 = r#"<h1><span class="topline">Sport</span> <span>Quite another headline</span></h1>"#;
        assert_eq!(headline(h1, &["Nothing alike here"], &[]), None);
        assert_eq!(headline("<h1>One plain headline</h1>", &["One plain"], &[]), None);
    }
}
