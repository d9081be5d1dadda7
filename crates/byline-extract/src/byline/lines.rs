//! Reading a credit's text: its label ("By", "Автор:", and the labels that
//! only a colon makes one: "Text:", "Interview:"), where the author credit
//! ends and the credit of another kind of work begins ("Text von A
//! Illustration von B"), and a meta line made of a date and a name
//! ("11.12.2019 - Jane Doe"), and a credit printed on several lines
//! ("Name<br>Role", "Автор: A<br>Фото: B").

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
    "kuvat:",
    "kuva:",
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
/// follows them ("Text: Jane Doe", "Teksti: Petteri Harjula", "Testo:",
/// "Texto:", "Interview: Sven Michaelsen"), or when
/// they are all of a credit list's label cell (`<div>Text</div><div>Jane
/// Doe</div>`): in running text they are ordinary words.
const COLON_LABELS: &[&str] = &[
    "text",
    "texte",
    "teksti",
    "tekst",
    "testo",
    "texto",
    "interview",
    "words",
    "reporting",
    "reporter",
    "verfasser",
    "verfasserin",
];

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

/// [`parse_credit`] of [`author_part`], its label stripped; a role printed
/// before the name is the role ([`leading_role`]); the contributors the
/// credit names after the authors', when the credit parser reads each with
/// a role ("; Photos by Tom Ray": photographer), come after them.
pub(crate) fn credit(text: &str) -> Vec<Author> {
    // The label first: a label may hold another work's word ("Текст и фото:").
    let text = strip_label(text);
    let authors = author_part(text);
    let mut people = parse_credit(authors);
    for p in &mut people {
        if p.role.is_none() {
            if let Some(split) = leading_role(&p.name) {
                *p = split;
            }
        }
    }
    // The credits of other work cut off after the authors' ("; Photos by
    // Tom Ray"): the contributors, with their role, after the authors.
    if !people.is_empty() && authors.len() < text.len() {
        let rest = text[authors.len()..].trim_start_matches(|c: char| c.is_whitespace() || ";|·•,/-–—".contains(c));
        let others = parse_credit(rest);
        if !others.is_empty() && others.iter().all(|a| a.role.is_some() && is_name_shaped(&a.name)) {
            people.extend(others);
        }
    }
    people
}

/// A name with its role printed before it ("Корреспондент Сергей Миронов",
/// "Xüsusi müxbir Orxan Nağıyev", "Senior Writer Jane Doe"): one or two
/// words, the first capitalized, that the credit parser reads as a role
/// (with a role word: [`role_line`]), then a name of two words or more.
pub(crate) fn leading_role(text: &str) -> Option<Author> {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=2).rev().filter(|k| words.len() >= k + 2).find_map(|k| {
        let (role, name) = (words[..k].join(" "), words[k..].join(" "));
        // Capitalized, so that only a role word makes it a role.
        (is_name_shaped(&name)
            && role.chars().next().is_some_and(char::is_uppercase)
            && words[..k].iter().all(|w| w.chars().all(char::is_alphabetic)))
        .then(|| role_line(&name, &role))
        .flatten()
        .map(|role| Author::new(name, Some(role)))
    })
}

/// First words (lower case) of lines that credit a source, a picture or a
/// video, not a person who wrote the article: never a byline by themselves.
pub(crate) const NOT_BYLINE_LINES: &[&str] =
    &["foto", "photo", "фото", "mənbə", "source", "источник", "video", "видео"];

/// The longest role on a line of its own after a name, in words.
const ROLE_LINE_WORDS: usize = 8;

/// Words that credit the people after them in the middle of a line
/// ("Posted on May 12, 2016 by Jane Doe", "Ein Gastbeitrag von Jane Doe").
const MID_LINE_BY: &[&str] = &["by", "von", "par", "por", "door"];

/// First words (lower case, compared as prefixes) of a lead that credits
/// a picture or a source, besides [`NOT_BYLINE_LINES`]: "Image by …".
const OTHER_WORK_LEADS: &[&str] = &["image", "bild", "illustration", "grafik", "picture", "quelle", "kamera", "camera"];

/// Words (lower case, found inside the lead's words) that say a line's
/// lead introduces its writer: "Posted on …", "Ein Gastbeitrag …",
/// "Publié le …". A lead with neither one nor a date is a title ("Portam
/// Civitatis by Peter Snijder" under a picture of the work).
const MID_LINE_LEADS: &[&str] = &[
    "posted",
    "published",
    "written",
    "veröffentlicht",
    "geschrieben",
    "verfasst",
    "beitrag",
    "artikel",
    "article",
    "story",
    "kommentar",
    "kolumne",
    "column",
    "essay",
    "interview",
    "publié",
    "écrit",
    "publicado",
    "publicada",
    "escrito",
    "pubblicato",
    "scritto",
    "geplaatst",
    "geschreven",
];

/// Words that open the next field of a meta line after the writer's name
/// ("… by Jane Doe in Politics", "… von Henry in Aktuell").
const NEXT_FIELD_WORDS: &[&str] =
    &["in", "im", "on", "am", "um", "at", "en", "dans", "em", "|", "·", "•", "—", "–", "-"];

/// The most words before the by-word of a mid-line credit.
const MID_LINE_LEAD_WORDS: usize = 6;

/// The people a line credits after a short lead: "Posted on May 12, 2016
/// by Jane Doe", "Ein Gastbeitrag von Jane Doe", "Published 3 May by A and
/// B". The by-word is the line's only one; the lead before it has at most
/// [`MID_LINE_LEAD_WORDS`] words, a date or a word that introduces a
/// writer ([`MID_LINE_LEADS`]), is no sentence and credits no picture
/// ("Photo by …"); after it, up to the next field ("in Politics"), only
/// names of people (one to four).
pub(crate) fn mid_line_credit(line: &str) -> Option<Vec<Author>> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let at = words.iter().position(|w| MID_LINE_BY.contains(&w.to_lowercase().as_str()))?;
    let lead = &words[..at];
    let rest: Vec<&str> = words[at + 1..]
        .iter()
        .take_while(|w| !NEXT_FIELD_WORDS.contains(&w.to_lowercase().as_str()))
        .copied()
        .collect();
    let rest = rest.join(" ");
    let introduces = lead.iter().any(|w| {
        let w = w.to_lowercase();
        w.chars().any(|c| c.is_ascii_digit()) || MID_LINE_LEADS.iter().any(|l| w.contains(l))
    });
    let lead_ok = !lead.is_empty()
        && introduces
        && lead.len() <= MID_LINE_LEAD_WORDS
        && !words[at + 1..].iter().any(|w| MID_LINE_BY.contains(&w.to_lowercase().as_str()))
        && !lead.last().is_some_and(|w| w.ends_with(['.', '!', '?', ':']))
        && !lead.first().is_some_and(|w| {
            let first = w.to_lowercase();
            let first = first.trim_matches(|c: char| !c.is_alphanumeric());
            OTHER_WORK_LEADS.iter().chain(NOT_BYLINE_LINES).any(|l| first.starts_with(l))
        });
    if !lead_ok || rest.chars().count() > 60 {
        return None;
    }
    let people = parse_credit(&rest);
    let all_people = (1..=4).contains(&people.len())
        && people.iter().all(|p| p.role.is_none() && is_name_shaped(&p.name) && credit::is_plausible_person(&p.name));
    all_people.then_some(people)
}

/// Words a sentence about a person opens with after their name ("Jane Doe
/// is a senior editor at …"): a bio's sentence, never a role line.
const COPULAS: &[&str] = &["is", "was", "has", "ist", "war", "est", "fue", "è", "является", "был", "была"];

/// The role that `line`, printed on its own line after `name`, states
/// ("Health Reporter", "müxbir", "специальный корреспондент", "Milli
/// Məclisin deputatı"): a short phrase that the credit parser reads as a
/// role after "Name, " (in lower case, or with a role word), so the role
/// words stay in one place (`byline_feeds::credit`). Never a date, a link
/// text ("Follow"), a sentence ("is a senior editor at") or another name.
pub(crate) fn role_line(name: &str, line: &str) -> Option<String> {
    let words = line.split_whitespace().count();
    let shaped = (1..=ROLE_LINE_WORDS).contains(&words)
        && line.chars().next().is_some_and(char::is_alphabetic)
        && !line.chars().any(|c| c.is_ascii_digit() || matches!(c, '@' | '|' | '/' | ':' | '©'))
        && !line.ends_with(['.', '!', '?'])
        && line.split_whitespace().next().is_none_or(|w| !COPULAS.contains(&w));
    if !shaped {
        return None;
    }
    let people = parse_credit(&format!("{name}, {line}"));
    match people.as_slice() {
        [one] if one.name == name => one.role.clone().filter(|r| !r.is_empty()),
        _ => None,
    }
}

/// A line that credits someone other than the author with a label: the
/// credit parser's ("Фото: B", "Photo by B", "Edited by B"), or any one-word
/// label before a name ("Fotoqraf: B", "Operator: B"), whose word is then
/// the role; never a source ("Mənbə: …").
pub(crate) fn contributor_line(line: &str) -> Option<Vec<Author>> {
    let people = parse_credit(line);
    if !people.is_empty() && people.iter().all(|p| p.role.is_some() && is_name_shaped(&p.name)) {
        return Some(people);
    }
    let (label, value) = line.split_once(':')?;
    let label = label.trim();
    let value = value.trim();
    let key = label.to_lowercase();
    (!label.is_empty()
        && label.chars().all(char::is_alphabetic)
        && !NOT_BYLINE_LINES.contains(&key.as_str())
        && is_name_shaped(value))
    .then(|| vec![Author::new(value, Some(key))])
}

/// The people of a credit printed on several lines (split by `<br>`): the
/// author on the first ("Name", "Автор: Name", after a line holding only
/// the label), then, line by line, the author's role ("Name<br>Health
/// Reporter"), other authors ("Anna Lee<br>Tom Ray"), and other
/// contributors with their role, after the authors ("Müəllif: A<br>Fotoqraf:
/// B", "Автор: A<br>Фото: B"). Reading stops at a line that is none of
/// these (a date, "Follow"); a line that continues the credit ("and Tom
/// Ray") gives nothing, for the caller to read the lines as one. Names are
/// not checked here.
pub(crate) fn credit_lines(lines: &[String]) -> Vec<Author> {
    let mut start = 0;
    // "Автор:<br>Ирина Волкова": the label's line names nobody.
    while start + 1 < lines.len() && strip_label(&lines[start]).is_empty() {
        start += 1;
    }
    let Some(first) = lines.get(start) else { return Vec::new() };
    let mut authors = credit(first);
    if authors.is_empty() || authors.iter().any(|a| !is_name_shaped(&a.name)) {
        return Vec::new();
    }
    let mut others: Vec<Author> = Vec::new();
    for line in &lines[start + 1..] {
        if has_label(line) {
            authors.extend(credit(line));
            continue;
        }
        if let [only] = authors.as_mut_slice() {
            if only.role.is_none() && others.is_empty() {
                if let Some(role) = role_line(&only.name, line) {
                    only.role = Some(role);
                    continue;
                }
            }
        }
        if let Some(mut people) = contributor_line(line) {
            others.append(&mut people);
            continue;
        }
        let names = parse_credit(line);
        if !names.is_empty() && others.is_empty() && names.iter().all(|a| a.role.is_none() && is_name_shaped(&a.name)) {
            authors.extend(names);
            continue;
        }
        // "Jane Doe<br>and Tom Ray", "… <br>& Tom Ray": the line continues the
        // credit, which is then read as one line.
        if line.starts_with('&') || line.chars().next().is_some_and(char::is_lowercase) {
            return Vec::new();
        }
        break;
    }
    authors.extend(others);
    authors
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
    // Each separator in turn: "Jane Doe | 05.04.2025 - Updated: 05.04.2025"
    // splits at the bar, not at the first dash.
    DATE_LINE_SEPARATORS.iter().filter_map(|sep| text.split_once(sep)).find_map(|(a, b)| {
        let (a, b) = (a.trim(), b.trim());
        let name = if DATE.is_match(a) {
            b
        } else if DATE.is_match(b) || opens_with_date(b) {
            a
        } else {
            return None;
        };
        // "Von Jane Doe | 12.03.2021": the label is not part of the name.
        let name = strip_label(name).trim();
        is_name_shaped(name).then_some(name)
    })
}

/// What sites print between the parts of a meta line.
const DATE_LINE_SEPARATORS: &[&str] = &[" - ", " – ", " — ", " | ", " · ", " • "];

/// Whether `text` opens with a date that a separator ends ("05.04.2025 -
/// Güncelleme : 05.04.2025"): a name before it is the line's name.
fn opens_with_date(text: &str) -> bool {
    DATE_LINE_SEPARATORS.iter().filter_map(|sep| text.split_once(sep)).any(|(head, _)| DATE.is_match(head.trim()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_credit_after_a_lead_in_the_middle_of_a_line() {
        let names = |line: &str| mid_line_credit(line).map(|p| p.into_iter().map(|a| a.name).collect::<Vec<_>>());
        assert_eq!(names("Posted on May 12, 2016 by Jane Doe").unwrap(), ["Jane Doe"]);
        assert_eq!(names("Ein Gastbeitrag von Jane Doe und Tom Ray").unwrap(), ["Jane Doe", "Tom Ray"]);
        assert_eq!(names("Published 3 May 2024 by Jane Doe in Politics").unwrap(), ["Jane Doe"]);
        // A title over its maker, a picture's credit, a lone first name, a sentence.
        assert_eq!(names("Portam Civitatis by Peter Snijder"), None);
        assert_eq!(names("Photo taken 3 May by Jane Doe"), None);
        assert_eq!(names("Am 13. November 2019 Von Henry In Aktuell"), None);
        assert_eq!(names("The bill was passed in 2024 by the Senate"), None);
    }

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
    fn contributors_after_the_authors_keep_their_role() {
        let people = |line: &str| credit(line).into_iter().map(|a| (a.name, a.role)).collect::<Vec<_>>();
        let one = |n: &str, r: Option<&str>| (n.to_string(), r.map(str::to_string));
        assert_eq!(
            people("By Jane Doe; Photos by Tom Ray"),
            [one("Jane Doe", None), one("Tom Ray", Some("photographer"))]
        );
        assert_eq!(
            people("Автор: Ирина Волкова Фото: Анна Лис"),
            [one("Ирина Волкова", None), one("Анна Лис", Some("фотограф"))]
        );
        // An illustrator's credit no parser reads as a contributor's is left out, as before.
        assert_eq!(
            people("Text von Christian Seiler \u{a0} Illustration von Markus Roost"),
            [one("Christian Seiler", None)]
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

    fn lines(text: &str) -> Vec<(String, Option<String>)> {
        let lines: Vec<String> = text.split('\n').map(String::from).collect();
        credit_lines(&lines).into_iter().map(|a| (a.name, a.role)).collect()
    }

    fn one(name: &str, role: Option<&str>) -> (String, Option<String>) {
        (name.to_string(), role.map(str::to_string))
    }

    #[test]
    fn a_name_and_its_role_on_two_lines() {
        assert_eq!(lines("Orxan Nağıyev\nmüxbir"), [one("Orxan Nağıyev", Some("müxbir"))]);
        assert_eq!(
            lines("Orxan Nağıyev\nŞəki bürosunun müxbiri"),
            [one("Orxan Nağıyev", Some("Şəki bürosunun müxbiri"))]
        );
        assert_eq!(
            lines("Сергей Миронов\nспециальный корреспондент"),
            [one("Сергей Миронов", Some("специальный корреспондент"))]
        );
        assert_eq!(lines("By Jane Doe\nHealth Reporter"), [one("Jane Doe", Some("Health Reporter"))]);
        assert_eq!(lines("Автор:\nИрина Волкова\nглавный редактор"), [one("Ирина Волкова", Some("главный редактор"))]);
        // Not a role: a date, a button, another person.
        assert_eq!(lines("Jane Doe\nMarch 3, 2024"), [one("Jane Doe", None)]);
        assert_eq!(lines("Jane Doe\nFollow"), [one("Jane Doe", None)]);
        assert_eq!(lines("Anna Lee\nTom Ray"), [one("Anna Lee", None), one("Tom Ray", None)]);
        assert!(lines("By Jane Doe\nand Tom Ray").is_empty(), "read as one line");
        assert!(lines("Bu gün şəhərdə yağış yağıb\nmüxbir").is_empty());
    }

    #[test]
    fn a_role_printed_before_the_name() {
        let people = |t: &str| credit(t).into_iter().map(|a| (a.name, a.role)).collect::<Vec<_>>();
        assert_eq!(people("Корреспондент Сергей Миронов"), [one("Сергей Миронов", Some("Корреспондент"))]);
        assert_eq!(people("Xüsusi müxbir Orxan Nağıyev"), [one("Orxan Nağıyev", Some("Xüsusi müxbir"))]);
        assert_eq!(people("By Senior Writer Jane Doe"), [one("Jane Doe", Some("Senior Writer"))]);
        assert_eq!(people("Jane Doe Smith"), [one("Jane Doe Smith", None)]);
        // Only a role word makes a role: not a place, not a lower-case word.
        assert_eq!(people("Bakı şəhəri Orxan Nağıyev"), [one("Bakı şəhəri Orxan Nağıyev", None)]);
        assert!(leading_role("və Orxan Nağıyev").is_none());
    }

    #[test]
    fn labelled_contributors_on_lines_of_their_own() {
        assert_eq!(
            lines("Müəllif: Səbinə Əliyeva\nFotoqraf: Anar Quliyev"),
            [one("Səbinə Əliyeva", None), one("Anar Quliyev", Some("fotoqraf"))]
        );
        assert_eq!(
            lines("Автор: Ирина Волкова\nФото: Анна Лис"),
            [one("Ирина Волкова", None), one("Анна Лис", Some("фотограф"))]
        );
        assert_eq!(
            lines("By Jane Doe, Senior Correspondent\nEdited by Tom Ray"),
            [one("Jane Doe", Some("Senior Correspondent")), one("Tom Ray", Some("editor"))]
        );
        // A source is not a contributor.
        assert_eq!(lines("Müəllif: Səbinə Əliyeva\nMənbə: Report Az"), [one("Səbinə Əliyeva", None)]);
    }

    #[test]
    fn date_and_name_lines() {
        assert_eq!(date_line_name("11.12.2019 - Amelie Loevenich"), Some("Amelie Loevenich"));
        assert_eq!(date_line_name("Jane Doe | December 11, 2019"), Some("Jane Doe"));
        assert_eq!(date_line_name("Mittwoch, 11.12.2019 – Peter Maahn"), Some("Peter Maahn"));
        assert_eq!(date_line_name("3. März 2024 · Ольга Смирнова"), Some("Ольга Смирнова"));
        assert_eq!(date_line_name("Sehernur Karsu | 05.04.2025 - Güncelleme : 05.04.2025"), Some("Sehernur Karsu"));
        assert_eq!(date_line_name("Jane Doe | 05.04.2025 - Updated 06.04.2025"), Some("Jane Doe"));
        assert_eq!(date_line_name("Politik | 05.04.2025 - Kommentare"), None);
        assert_eq!(date_line_name("11.12.2019 - Kommentare"), None);
        assert_eq!(date_line_name("Berlin - Amelie Loevenich"), None);
        assert_eq!(date_line_name("11.12.2019 - the council met again on Tuesday"), None);
    }
}
