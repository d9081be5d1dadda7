//! Reading a credit's text: its label ("By", "Автор:", and the labels that
//! only a colon makes one: "Text:", "Interview:"), where the author credit
//! ends and the credit of another kind of work begins ("Text von A
//! Illustration von B"), and a meta line made of a date and a name
//! ("11.12.2019 - Jane Doe").

use std::sync::LazyLock;

use byline_feeds::credit::{self, is_name_shaped, parse_credit};
use regex::Regex;

use crate::model::Author;

/// Labels (lower case) that open the credit of a picture, an illustration or
/// a video after the author's: "… Illustration von B", "… Photos by B".
const OTHER_WORK_LABELS: &[&str] = &[
    "illustration von",
    "illustrationen von",
    "illustration:",
    "illustrationen:",
    "illustration by",
    "illustrations by",
    "fotos von",
    "foto von",
    "fotos:",
    "foto:",
    "bilder:",
    "bild:",
    "grafik:",
    "photos by",
    "photo by",
    "photographs by",
    "photography by",
    "photos:",
    "photo:",
    "video:",
    "фото:",
    "иллюстрация:",
];

/// `text` up to a credit of another kind of work that follows the author's
/// without a separator (`Christian Seiler   Illustration von Markus Roost`).
pub(crate) fn author_part(text: &str) -> &str {
    let cut = text.char_indices().filter(|(_, c)| c.is_whitespace()).find_map(|(i, c)| {
        let rest = &text[i + c.len_utf8()..];
        OTHER_WORK_LABELS
            .iter()
            .any(|label| {
                let n = label.chars().count();
                rest.chars().take(n).flat_map(char::to_lowercase).eq(label.chars())
                    && rest.chars().nth(n).is_none_or(|next| !next.is_alphanumeric())
            })
            .then_some(i)
    });
    match cut {
        Some(i) => text[..i].trim_end_matches(|c: char| c.is_whitespace() || ";|·•,/-–—".contains(c)),
        None => text,
    }
}

/// Words (lower case) that label the author's credit only when a colon
/// follows them ("Text: Jane Doe", "Interview: Sven Michaelsen"), or when
/// they are all of a credit list's label cell (`<div>Text</div><div>Jane
/// Doe</div>`): in running text they are ordinary words.
const COLON_LABELS: &[&str] =
    &["text", "texte", "interview", "words", "reporting", "reporter", "verfasser", "verfasserin"];

/// `text` after a colon label of [`COLON_LABELS`], if it opens with one.
fn after_colon_label(text: &str) -> Option<&str> {
    COLON_LABELS.iter().find_map(|label| {
        let n = label.len();
        let head = text.get(..n)?;
        if !head.eq_ignore_ascii_case(label) {
            return None;
        }
        let rest = text[n..].trim_start();
        if rest.is_empty() {
            Some(rest)
        } else {
            rest.strip_prefix(':').map(|r| r.trim_start_matches([' ', '\u{a0}']).trim())
        }
    })
}

/// `text` without its credit label: byline-feeds' labels ("By", "Автор:")
/// and [`COLON_LABELS`].
pub(crate) fn strip_label(text: &str) -> &str {
    let rest = credit::strip_label(text);
    if rest.len() != text.len() {
        return rest;
    }
    after_colon_label(text).unwrap_or(text)
}

/// Whether `text` opens with a credit label ([`strip_label`]).
pub(crate) fn has_label(text: &str) -> bool {
    strip_label(text).len() != text.len()
}

/// [`parse_credit`] of [`author_part`], its label stripped.
pub(crate) fn credit(text: &str) -> Vec<Author> {
    parse_credit(strip_label(author_part(text)))
}

/// A date as meta lines print it: "11.12.2019", "2019-12-11", "11. Dezember
/// 2019", "December 11, 2019", "Mittwoch, 11.12.2019", with a time or not.
static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:\p{L}+,?\s+)?(?:\d{1,2}[./-]\s?\d{1,2}[./-]\s?\d{2,4}|\d{4}-\d{2}-\d{2}|\d{1,2}\.?\s+\p{L}+\.?\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4})(?:,?\s+(?:um\s+|at\s+)?\d{1,2}[:.]\d{2}(?:\s*(?:uhr|am|pm))?)?$",
    )
    .expect("valid regex")
});

/// The longest date-and-name line, in characters.
pub(crate) const DATE_LINE_MAX: usize = 80;

/// The name of a line made of a date and a name, in either order, split by
/// a dash, a bar or a dot ("11.12.2019 - Amelie Loevenich", "Jane Doe |
/// 3 March 2024"); `None` for any other line.
pub(crate) fn date_line_name(text: &str) -> Option<&str> {
    if text.chars().count() > DATE_LINE_MAX {
        return None;
    }
    let (a, b) = [" - ", " – ", " — ", " | ", " · ", " • "].iter().find_map(|sep| text.split_once(sep))?;
    let (a, b) = (a.trim(), b.trim());
    let name = if DATE.is_match(a) {
        b
    } else if DATE.is_match(b) {
        a
    } else {
        return None;
    };
    // "Von Jane Doe | 12.03.2021": the label is not part of the name.
    let name = strip_label(name).trim();
    is_name_shaped(name).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credits_of_other_work_are_cut_off() {
        assert_eq!(
            author_part("Text von Christian Seiler \u{a0} Illustration von Markus Roost"),
            "Text von Christian Seiler"
        );
        assert_eq!(author_part("By Jane Doe; Photos by Tom Ray"), "By Jane Doe");
        assert_eq!(author_part("Автор: Ирина Волкова Фото: Анна Лис"), "Автор: Ирина Волкова");
        assert_eq!(author_part("Jane Photographer"), "Jane Photographer");
        assert_eq!(
            author_part("Photo: Tom Ray"),
            "Photo: Tom Ray",
            "a credit that opens with it is left to the parser"
        );
    }

    #[test]
    fn labels_that_only_a_colon_makes_one() {
        assert_eq!(strip_label("Text: Jane Doe"), "Jane Doe");
        assert_eq!(strip_label("Interview: Sven Michaelsen"), "Sven Michaelsen");
        assert_eq!(strip_label("Interview"), "");
        assert_eq!(strip_label("Text about the city"), "Text about the city");
        assert_eq!(strip_label("Textile Mills"), "Textile Mills");
        assert_eq!(strip_label("Von Jane Doe"), "Jane Doe");
        let names: Vec<String> = credit("Text: Jane Doe, Fotos: Tom Ray").into_iter().map(|a| a.name).collect();
        assert_eq!(names, ["Jane Doe"]);
    }

    #[test]
    fn date_and_name_lines() {
        assert_eq!(date_line_name("11.12.2019 - Amelie Loevenich"), Some("Amelie Loevenich"));
        assert_eq!(date_line_name("Jane Doe | December 11, 2019"), Some("Jane Doe"));
        assert_eq!(date_line_name("Mittwoch, 11.12.2019 – Peter Maahn"), Some("Peter Maahn"));
        assert_eq!(date_line_name("3. März 2024 · Ольга Смирнова"), Some("Ольга Смирнова"));
        assert_eq!(date_line_name("11.12.2019 - Kommentare"), None);
        assert_eq!(date_line_name("Berlin - Amelie Loevenich"), None);
        assert_eq!(date_line_name("11.12.2019 - the council met again on Tuesday"), None);
    }
}
