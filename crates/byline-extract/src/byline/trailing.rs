//! Credit lines at the end of the body: "Name – Role", "Name, Role",
//! "Автор: Name" (common on Azerbaijani and Russian sites).

use byline_feeds::credit::{is_name_shaped, name_and_role};

use super::lines::{credit, has_label};
use dom_query::{Document, NodeRef};

use super::names::Context;
use crate::dom::{tag, text_of};
use crate::model::Author;
use crate::text::{comparable, squash};

/// First words of lines at the end of a body that are credits but not bylines.
const NOT_BYLINE_LINES: &[&str] = &["foto", "photo", "фото", "mənbə", "source", "источник", "video", "видео"];

/// A credit line found at the end of the body.
pub(crate) struct TrailingByline<'a> {
    /// The people it names, in order.
    pub authors: Vec<Author>,
    nodes: Vec<NodeRef<'a>>,
}

impl TrailingByline<'_> {
    /// Removes the credit lines from the body.
    pub(crate) fn remove(&self) {
        for node in &self.nodes {
            node.remove_from_parent();
        }
    }
}

/// Finds "Name – Role" / "Name, Role" / "Автор: Name" lines at the end of
/// the extracted body.
pub(crate) fn trailing_byline<'a>(content: &'a Document, ctx: &Context) -> Option<TrailingByline<'a>> {
    let blocks: Vec<NodeRef<'a>> = content
        .select("p, div, h2, h3, h4, h5, h6, blockquote")
        .nodes()
        .iter()
        .filter(|n| !has_block_child(n) && !text_of(n).is_empty())
        .cloned()
        .collect();
    let mut found = TrailingByline { authors: Vec::new(), nodes: Vec::new() };
    for block in blocks.iter().rev().take(4) {
        let text = text_of(block);
        let first = comparable(text.split([' ', ':']).next().unwrap_or_default());
        if NOT_BYLINE_LINES.contains(&first.as_str()) && found.nodes.is_empty() {
            continue;
        }
        match parse_credit_line(&text, ctx).or_else(|| signature(block, ctx)) {
            Some(mut authors) => {
                authors.append(&mut found.authors);
                found.authors = authors;
                found.nodes.push(*block);
            }
            None => break,
        }
    }
    (!found.authors.is_empty()).then_some(found)
}

fn has_block_child(node: &NodeRef) -> bool {
    node.descendants_it().any(|d| {
        matches!(tag(&d).as_str(), "p" | "div" | "ul" | "ol" | "table" | "figure" | "h2" | "h3" | "h4" | "blockquote")
    })
}

/// The authors of one credit line, or `None` when it is an ordinary sentence.
fn parse_credit_line(text: &str, ctx: &Context) -> Option<Vec<Author>> {
    if text.split_whitespace().count() > 12 || text.ends_with(['?', '!']) {
        return None;
    }
    let authors = if has_label(text) {
        credit(text)
    } else {
        let (name, role) = name_and_role(text)?;
        if role.split_whitespace().count() > 10 || role.is_empty() {
            return None;
        }
        vec![Author::new(name, Some(role))]
    };
    let all_names = authors.iter().all(|a| is_name_shaped(&a.name) && ctx.is_person(&a.name));
    (all_names && !authors.is_empty()).then(|| ctx.keep_people(authors))
}

/// Words of a letter's closing ("Viele Grüße<br>Tine"), never a name.
const CLOSING_WORDS: &[&str] = &[
    "grüße",
    "gruß",
    "grüßen",
    "liebe",
    "viele",
    "herzliche",
    "regards",
    "greetings",
    "cheers",
    "best",
    "kind",
    "yours",
];

/// A signature at the end of a statement or a letter: a block of exactly
/// two lines split by `<br>`, a name and then a short role ("Kazım
/// TÜRKMEN<br>DITIB-Bundesvorsitzender", "Orxan Nağıyev<br>müxbir").
fn signature(block: &NodeRef, ctx: &Context) -> Option<Vec<Author>> {
    let mut lines: Vec<String> = vec![String::new()];
    for child in block.children_it(false) {
        if child.is_element() && tag(&child) == "br" {
            lines.push(String::new());
        } else if let Some(last) = lines.last_mut() {
            last.push(' ');
            last.push_str(&child.text());
        }
    }
    let lines: Vec<String> = lines.iter().map(|l| squash(l)).filter(|l| !l.is_empty()).collect();
    let [name, role] = lines.as_slice() else { return None };
    let role_words = role.split_whitespace().count();
    let closing = name.split_whitespace().any(|w| CLOSING_WORDS.contains(&comparable(w).as_str()));
    let role_like = (1..=6).contains(&role_words)
        && role.chars().next().is_some_and(char::is_alphabetic)
        && !role.chars().any(|c| c.is_ascii_digit() || matches!(c, '@' | '/' | ':'))
        && !role.ends_with(['.', '!', '?'])
        && !is_name_shaped(role);
    (is_name_shaped(name) && ctx.is_person(name) && !closing && role_like)
        .then(|| ctx.keep_people(vec![Author::new(name, Some(role.clone()))]))
        .filter(|people| !people.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::byline::names::test_context;

    #[test]
    fn credit_lines_in_all_dash_variants() {
        let c = test_context();
        let line = |t: &str| {
            parse_credit_line(t, &c).map(|a| {
                a.iter().map(|a| format!("{}|{}", a.name, a.role.as_deref().unwrap_or("-"))).collect::<Vec<_>>()
            })
        };
        assert_eq!(
            line("Gülağa İsgəndərov – Zərdab Rayon Təhsil Sektorunun müdiri").unwrap(),
            ["Gülağa İsgəndərov|Zərdab Rayon Təhsil Sektorunun müdiri"]
        );
        assert_eq!(
            line("Səbinə Kərimova — Milli Məclisin deputatı").unwrap(),
            ["Səbinə Kərimova|Milli Məclisin deputatı"]
        );
        assert_eq!(
            line("Андрей Петров - политический обозреватель").unwrap(),
            ["Андрей Петров|политический обозреватель"]
        );
        assert_eq!(line("Nərmin Əliyeva, Şəki bürosunun müxbiri").unwrap(), ["Nərmin Əliyeva|Şəki bürosunun müxbiri"]);
        assert_eq!(line("Автор: Ирина Волкова").unwrap(), ["Ирина Волкова|-"]);
        assert!(line("Növbəti festivalın 2028-ci ildə keçirilməsi planlaşdırılır.").is_none());
        assert!(line("Bakı, 20 noyabr").is_none());
        assert!(line("Xəzər Xəbər – Bakı").is_none());
        assert!(line("Admin Panel – sayt").is_none());
        assert!(line(
            "Prezident bildirib ki, iki ölkə arasında əməkdaşlıq genişlənir və yeni layihələr həyata keçiriləcək"
        )
        .is_none());
    }

    #[test]
    fn a_two_line_signature_at_the_end_is_a_name_and_role() {
        let doc = Document::from(
            "<div><p>Möge ihre Nacht gesegnet sein.</p><p>Kazım TÜRKMEN<br>DITIB-Bundesvorsitzender</p></div>",
        );
        let t = trailing_byline(&doc, &test_context()).unwrap();
        assert_eq!(t.authors[0].name, "Kazım TÜRKMEN");
        assert_eq!(t.authors[0].role.as_deref(), Some("DITIB-Bundesvorsitzender"));
        for not_one in [
            "<p>Text.</p><p>Viele Grüße<br>Euer Team</p>",
            "<p>Text.</p><p>Max Muster<br>Hauptstraße 5</p>",
            "<p>Text.</p><p>Dr. Tim Loppe<br>Pressesprecher<br>Tel.: 0211 77900</p>",
            "<p>Text.</p><p>Anna Lee<br>Tom Ray</p>",
        ] {
            assert!(trailing_byline(&Document::from(not_one), &test_context()).is_none(), "{not_one}");
        }
    }

    #[test]
    fn the_last_lines_are_read_and_photo_credits_skipped() {
        let doc = Document::from(
            "<div><p>Mətn birinci abzas.</p><p>Gülağa İsgəndərov – Zərdab Rayon Təhsil Sektorunun müdiri</p><p>Foto: Anar Quliyev</p></div>",
        );
        let t = trailing_byline(&doc, &test_context()).unwrap();
        assert_eq!(t.authors.len(), 1);
        assert_eq!(t.authors[0].name, "Gülağa İsgəndərov");
    }
}
