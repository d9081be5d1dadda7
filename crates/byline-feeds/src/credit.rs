//! Reading a credit: "By Jane Doe, Science Editor", "Автор: Анна Петрова,
//! экономический обозреватель", "Müəllif: Rəşad Həsənov və Nigar Əliyeva"
//! become people with their roles.
//!
//! This is the one byline parser: feeds (`<author>`, `dc:creator`) and
//! pages (meta tags, byline elements, trailing credit lines) both go through
//! it, so a credit reads the same wherever it came from.
//!
//! What the parser knows lives beside it, one job a file: `labels` ("By",
//! "Photo:"), `names` (a name's shape), `roles` (job titles and degrees),
//! `agencies` (wire services), `given_names` (a person's first word),
//! `not_people` (desks, publications, institutions, accounts) and
//! `job_title` (a title printed right after a name, with no mark between
//! them).
//!
//! ```
//! use byline_feeds::credit::parse_credit;
//! let people = parse_credit("By Jane Doe, Science Editor");
//! assert_eq!(people.len(), 1);
//! assert_eq!(people[0].name, "Jane Doe");
//! assert_eq!(people[0].role.as_deref(), Some("Science Editor"));
//! ```

use std::borrow::Cow;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Deserialize, Serialize};

use crate::text::{comparable, fold, squash};

mod agencies;
mod given_names;
mod job_title;
mod labels;
mod names;
mod not_people;
mod roles;

pub use agencies::{agency_in_credit, agency_named_in, credit_parts, is_agency, is_agency_site, is_named_agency};
pub use given_names::{is_given_name, is_personal_name};
pub use labels::{has_label, strip_label};
pub use names::{
    has_surname_ending, is_name_shaped, is_phrase, name_case, spaced_initials, strip_initials, usual_case,
    without_handle, without_nickname,
};
pub use not_people::{is_desk, is_desk_credit, is_outlet_name, is_plausible_person};
pub use roles::{clean_role, has_role_word};

use agencies::without_agency_tail;
use labels::contributor_label;
use names::{NAME_ONLY, NAME_WORD};
use not_people::is_desk_word;
use roles::{is_degree, is_plural_role, is_role, is_role_word, strip_degrees};

/// A person credited with an article, and their role when it is known.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Author {
    /// The person's name as printed, e.g. `Gülağa İsgəndərov`.
    pub name: String,
    /// What they are, when the credit says so, e.g. `Zərdab Rayon Təhsil
    /// Sektorunun müdiri`.
    pub role: Option<String>,
}

impl Author {
    /// An author with a name and, possibly, a role.
    pub fn new(name: impl Into<String>, role: Option<String>) -> Self {
        Self { name: name.into(), role }
    }
}

/// "Name – Role", "Name — Role", "Name - Role" and "Name, Role".
static NAME_ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?P<name>{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}})(?:\s*[–—]\s*|\s+-\s+|,\s+)(?P<role>\S.*)$"))
        .expect("valid regex")
});

/// Separators between several authors.
static AUTHOR_SEP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\s+(?:and|&|и|və|ve|und|y|et|e)\s+|\s*[;|·•]\s*|\s+/\s+").expect("valid regex"));

/// Co-authors in brackets after the first ("Jane Doe (with Tom Ray and
/// Ann Lee)", "Martin Untersinger (avec Damien Leloup et Morgane Tual)"):
/// the bracket's "with" and its words.
static WITH_IN_BRACKETS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\s*\((?:with|avec|mit|con|com)\s+([^()]+)\)").expect("valid regex"));

/// Splits a credit such as "By A and B", "Автор: Имя Фамилия", "Name –
/// Role", "Name, Senior Correspondent" or "Name Staff Writer" into people
/// with their roles. Degrees ("MD", "PhD") are dropped; other contributors
/// ("Photo: Name", "Edited by Name") come after the authors with their role;
/// co-authors in brackets ("A (with B and C)") are authors;
/// "Doe, Jane" is Jane Doe; a one-word part beside full names ("Politik ·
/// Jane Doe", "Jane Doe, TIME", "Jane Doe, Redaktion") is a section,
/// publication or desk and is dropped.
/// Names are not checked here: see [`is_plausible_person`].
pub fn parse_credit(text: &str) -> Vec<Author> {
    let spaced = spaced_initials(text);
    let unmailed = without_email(&spaced);
    let mut text = strip_label(trim_separators(&squash(&unmailed))).to_string();
    // "Das Gespräch führte Jordan Mejias.": a sentence's full stop, not an initial's ("Jr.", "K.").
    if let Some(sentence) = text.strip_suffix('.').map(str::trim_end).filter(|t| t.ends_with(char::is_lowercase)) {
        text = sentence.to_string();
    }
    // "A (with B and C)": B and C are authors as A is.
    text = WITH_IN_BRACKETS.replace_all(&text, " and $1").into_owned();
    if let Some(joined) = with_as_and(&text) {
        text = joined;
    }
    if let Some(split) = stop_before_contributor(&text) {
        text = split;
    }
    // "Peter Maahn/SP-X", "dpa/lno": a slash between a name and an agency or
    // a desk's initials separates credits as " / " does (never in a URL).
    if !text.contains("://") && !text.starts_with("www.") {
        text = text.replace('/', " / ");
    }
    if let Some(swapped) = last_comma_first(&text) {
        return vec![Author::new(swapped, None)];
    }
    let mut out: Vec<Author> = Vec::new();
    let mut contributors: Vec<Author> = Vec::new();
    for (part, conjunction) in parts_with_conjunctions(&text) {
        // "Jane Doe, Founder and CEO", "politólogo e investigador": what
        // follows "and" after a role is the same person's role.
        if let (Some(and), Some(role)) = (conjunction, out.last_mut().and_then(|last| last.role.as_mut())) {
            if continues_role(part) {
                *role = format!("{role} {and} {}", clean_role(part));
                continue;
            }
        }
        // "Jane Doe Health and Science Correspondent": the beat before
        // "and" opened the role.
        if let (Some(and), Some(last)) = (conjunction, out.last_mut().filter(|last| last.role.is_none())) {
            if let Some((name, beat)) = job_title::trailing_qualifiers(&last.name).filter(|_| is_bare_role(part)) {
                *last = Author::new(name, Some(format!("{beat} {and} {}", clean_role(part))));
                continue;
            }
        }
        if let Some((role, rest)) = contributor_label(part) {
            let mut people = parse_part(rest);
            for person in &mut people {
                person.role.get_or_insert_with(|| role.to_string());
            }
            contributors.extend(people);
            continue;
        }
        // "Jane Doe | Staff Writer", "Jane Doe / STAFF WRITER": a bare role
        // after the separator is the person's before it; after a slash, so
        // is a job with the program or outlet it is for ("Max Rivlin-Nadler
        // / Speak City Heights Reporter").
        let slash_role = || after_slash(&text, part) && split_name_and_role(part).role.is_some();
        if let Some(last) = out.last_mut().filter(|last| last.role.is_none() && (is_bare_role(part) || slash_role())) {
            last.role = Some(clean_role(part));
            continue;
        }
        let people = parse_part(strip_label(part));
        // "A and B, Staff Writers", "Иван Петров и Анна Смирнова,
        // корреспонденты": a role in the plural after a list is each
        // person's, as written; one in the singular is the last person's.
        if let [person] = people.as_slice() {
            if let Some(role) = person.role.as_deref().filter(|r| conjunction.is_some() && is_plural_role(r)) {
                for earlier in out.iter_mut().rev().take_while(|a| a.role.is_none()) {
                    earlier.role = Some(role.to_string());
                }
            }
        }
        out.extend(people);
    }
    out.extend(contributors);
    if out.iter().any(|a| a.name.split_whitespace().count() >= 2) {
        out.retain(|a| a.name.split_whitespace().count() >= 2 || a.role.is_some());
    }
    // "hessenschau.de, Frankfurt, Germany": several one-word parts and no
    // full name are a place or a list of sections, not people.
    if out.len() >= 2 && out.iter().all(|a| a.name.split_whitespace().count() < 2 && a.role.is_none()) {
        return Vec::new();
    }
    let mut unique: Vec<Author> = Vec::new();
    for a in out {
        if !a.name.is_empty() && !unique.iter().any(|u| comparable(&u.name) == comparable(&a.name)) {
            unique.push(a);
        }
    }
    unique
}

/// RSS's `<author>` form, "email (Name)": the name in brackets.
static EMAIL_THEN_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*[^\s@()]+@[^\s@()]+\s*\((?P<name>[^()]+)\)\s*$").expect("valid regex"));

/// An e-mail address in brackets beside a name ("Иван Иванов
/// (ivanov@site.ru)", "Jane Doe <jane@example.com>"). One without brackets
/// stays for the parser: a part of its own ("Jane Doe | jane@al.com") is
/// no name, and taking it out changes how a line splits.
static EMAIL_BESIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*(?:\(\s*[^\s@()]+@[^\s@()]+\s*\)|<\s*[^\s@<>]+@[^\s@<>]+\s*>|\[\s*[^\s@\[\]]+@[^\s@\[\]]+\s*\])")
        .expect("valid regex")
});

/// `text` without the e-mail addresses printed in brackets beside the
/// names; RSS's "email (Name)" is the name.
fn without_email(text: &str) -> Cow<'_, str> {
    if !text.contains('@') {
        return Cow::Borrowed(text);
    }
    if let Some(caps) = EMAIL_THEN_NAME.captures(text) {
        return Cow::Owned(caps["name"].trim().to_string());
    }
    EMAIL_BESIDE.replace_all(text, "")
}

/// "Jane Doe with John Smith" as "Jane Doe and John Smith": co-authors
/// joined by "with", a name on each side ("with reporting by …" stays:
/// its own credit, no co-author).
fn with_as_and(text: &str) -> Option<String> {
    let (first, rest) = text.split_once(" with ")?;
    let first = first.trim_end_matches(',');
    let names = |t: &str| t.split(" and ").all(|n| is_name_shaped(n.trim().trim_end_matches(',')));
    (is_name_shaped(first) && names(rest)).then(|| format!("{first} and {rest}"))
}

/// "Jane Doe. Photos by John Smith", "Müəllif: A. Foto: B": a full stop
/// before another contributor's label ([`contributor_label`]) ends the
/// author's credit as ";" does.
fn stop_before_contributor(text: &str) -> Option<String> {
    let at = text.match_indices(". ").map(|(i, _)| i).find(|&i| contributor_label(&text[i + 2..]).is_some())?;
    Some(format!("{}; {}", &text[..at], &text[at + 2..]))
}

/// Whether `part` (a slice of `text`) comes after a " / " in `text`.
fn after_slash(text: &str, part: &str) -> bool {
    let start = (part.as_ptr() as usize).checked_sub(text.as_ptr() as usize);
    start.and_then(|start| text.get(..start)).is_some_and(|before| before.trim_end().ends_with('/'))
}

/// "Doe, Jane" (as `parsely-author` and `dcterms.creator` write it) →
/// "Jane Doe": exactly two capitalized one-word parts.
fn last_comma_first(text: &str) -> Option<String> {
    let (last, first) = text.split_once(", ")?;
    let one_word = |w: &str| {
        !w.contains(char::is_whitespace)
            && w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().skip(1).any(char::is_lowercase)
            && !is_role(w)
            && !is_degree(w)
    };
    (one_word(last) && one_word(first)).then(|| format!("{first} {last}"))
}

/// One part of a credit (no "and" or ";" left in it).
fn parse_part(part: &str) -> Vec<Author> {
    let pieces: Vec<&str> = part.split(',').map(str::trim).filter(|p| !p.is_empty() && !is_degree(p)).collect();
    let mut out: Vec<Author> = Vec::new();
    for piece in pieces {
        let piece = strip_degrees(piece);
        // "Текст: Анна Петрова, фото: Иван Иванов": a contributor after a
        // comma, not the role of the person before it.
        if let Some((role, rest)) = contributor_label(piece) {
            out.extend(parse_part(rest).into_iter().map(|person| Author::new(person.name, Some(role.to_string()))));
            continue;
        }
        // "David Straub, MDR THÜRINGEN": a piece in capitals after a name
        // that is not (AP's "STEVE PEOPLES, THOMAS BEAUMONT" are all in
        // capitals) is the outlet or its desk, not a second person.
        if out.last().is_some_and(|last| last.name.chars().any(char::is_lowercase)) && is_all_caps(piece) {
            continue;
        }
        match out.last_mut() {
            Some(last) if is_role(piece) => match &mut last.role {
                Some(role) => {
                    role.push_str(", ");
                    role.push_str(&clean_role(piece));
                }
                None => last.role = Some(clean_role(piece)),
            },
            _ => out.push(split_name_and_role(piece)),
        }
    }
    out
}

/// The parts of a credit between its separators ([`AUTHOR_SEP`]), trimmed
/// and not empty, each with the conjunction before it ("and", "und", "и",
/// "&"), if a conjunction rather than a mark separates it.
fn parts_with_conjunctions(text: &str) -> Vec<(&str, Option<&str>)> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut before: Option<&str> = None;
    for separator in AUTHOR_SEP.find_iter(text) {
        parts.push((text[start..separator.start()].trim(), before));
        let word = separator.as_str().trim();
        before = (word == "&" || word.chars().all(char::is_alphabetic)).then_some(word).filter(|w| !w.is_empty());
        start = separator.end();
    }
    parts.push((text[start..].trim(), before));
    parts.retain(|(part, _)| !part.is_empty());
    parts
}

/// Whether `part`, after "and" and a person's role, goes on with the role
/// rather than naming someone: it opens in lower case ("e investigador en
/// …"), is a role of its own ("and Editor") or an acronym ("and CEO").
fn continues_role(part: &str) -> bool {
    let acronym = part.chars().count() <= 5 && part.chars().all(char::is_uppercase);
    part.starts_with(char::is_lowercase) || is_bare_role(part) || acronym
}

/// Whether `part` (a whole part of a credit, between separators) is a job
/// and nothing else: a role word in at most [`BARE_ROLE_WORDS`] words, and
/// no name before it ("Senior Editor", not "Jane Doe Senior Editor" nor
/// "AOL Staff", a desk).
fn is_bare_role(part: &str) -> bool {
    let words: Vec<&str> = part.split_whitespace().collect();
    (1..=BARE_ROLE_WORDS).contains(&words.len())
        && words.iter().any(|w| is_role_word(w))
        && split_name_and_role(part).role.is_none()
        && !words.last().is_some_and(|w| is_desk_word(&fold(w)))
        && !part.chars().any(|c| c.is_ascii_digit() || matches!(c, '@' | ':'))
}

/// The most words a bare role after a separator has ("Senior Political
/// Correspondent for Europe").
const BARE_ROLE_WORDS: usize = 6;

/// Whether `text` has letters and every one is a capital ("MDR THÜRINGEN").
fn is_all_caps(text: &str) -> bool {
    text.chars().any(char::is_uppercase) && !text.chars().any(char::is_lowercase)
}

/// "Name – Role", "Name Staff Writer" or a bare name.
fn split_name_and_role(piece: &str) -> Author {
    // A nickname in quotes is the name's, never the role's: a role may quote
    // an outlet ("корреспондент «Новой газеты» в Баку").
    let person = name_and_role_of(piece);
    Author::new(without_nickname(&person.name), person.role)
}

/// [`split_name_and_role`] before the name loses its nickname.
fn name_and_role_of(piece: &str) -> Author {
    let piece = without_outlet_for(without_agency_tail(strip_initials(without_contact_links(piece))));
    if let Some(caps) = NAME_ROLE.captures(piece) {
        let role = clean_role(&caps["role"]);
        return Author::new(&caps["name"], (!role.is_empty()).then_some(role));
    }
    // "Jane Doe (Metro Reporter)", "Jane Doe: Staff Writer".
    if let Some(person) = name_then_marked_role(piece) {
        return person;
    }
    let spaced = job_title::with_title_spaced(piece);
    let piece = spaced.as_deref().unwrap_or(piece);
    let words: Vec<&str> = piece.split_whitespace().collect();
    if let Some(at) = job_title::title_start(&words) {
        return Author::new(words[..at].join(" "), Some(clean_role(&words[at..].join(" "))));
    }
    Author::new(piece, None)
}

/// The texts of contact and follow links a byline prints after the name
/// (`By <a>Jane Doe</a> <a>Twitter</a> <a>Email</a>`), folded: never part
/// of a name.
const CONTACT_LINKS: &[&str] =
    &["twitter", "email", "e-mail", "facebook", "instagram", "linkedin", "telegram", "whatsapp", "youtube", "rss"];

/// `piece` without the contact links' texts after the name ("Jane Doe
/// Twitter Email" → "Jane Doe").
fn without_contact_links(piece: &str) -> &str {
    let mut rest = piece.trim_end();
    while let Some((before, last)) = rest.rsplit_once(char::is_whitespace) {
        if !CONTACT_LINKS.contains(&fold(last.trim_matches(|c: char| !c.is_alphanumeric() && c != '-')).as_str()) {
            break;
        }
        rest = before.trim_end();
    }
    rest
}

/// Words after a name that open the outlet the piece was written for
/// ("Jane Doe for Report.az", "Ирина Волкова для «Известий»").
/// Not German "für" nor French "pour": they join the words of an
/// institution's name ("Informationsstelle für Arzneispezialitäten").
const FOR_OUTLET: &[&str] = &["for", "для", "para"];

/// `piece` up to the outlet it was written for, when a name with no role
/// word comes before it ("Jane Doe for Report.az" → "Jane Doe"); a job
/// ("Director for Europe") as it is.
fn without_outlet_for(piece: &str) -> &str {
    let cut = piece.split_whitespace().enumerate().find_map(|(i, w)| {
        (i >= 2 && FOR_OUTLET.contains(&w.to_lowercase().as_str())).then(|| {
            let at = w.as_ptr() as usize - piece.as_ptr() as usize;
            piece[..at].trim_end()
        })
    });
    match cut {
        Some(name) if NAME_ONLY.is_match(name) && !has_role_word(name) && name.split_whitespace().count() <= 4 => name,
        _ => piece,
    }
}

/// A name followed by its job in brackets or after a colon, the job with a
/// role word: "Jane Doe (Metro Reporter)", "Jane Doe: Staff Writer"; never
/// a place in brackets ("Jane Doe (Berlin)").
fn name_then_marked_role(piece: &str) -> Option<Author> {
    let (name, role) = match piece.strip_suffix(')').and_then(|p| p.rsplit_once('(')) {
        Some(bracketed) => bracketed,
        None => piece.split_once(": ")?,
    };
    let name = name.trim();
    (NAME_ONLY.is_match(name) && has_role_word(role)).then(|| Author::new(name, Some(clean_role(role))))
}

/// `text` without a separator left dangling at its end ("MND Staff -",
/// "Jane Doe |", "Jane Doe,"), as a credit split over elements reads, or a
/// link's arrow ("Mehr Artikel von Jane Doe →").
pub fn trim_separators(text: &str) -> &str {
    text.trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '-' | '–' | '—' | '|' | ',' | ';' | ':' | '·' | '•' | '→' | '›')
    })
}

/// Splits a "Name – Role" or "Name, Role" line, or a name and a job title
/// with no mark between them ("Gülağa İsgəndərov Zərdab Rayon Təhsil
/// Sektorunun müdiri", "Jane Doe Metro Reporter"); `None` when it is
/// neither.
pub fn name_and_role(line: &str) -> Option<(String, String)> {
    if let Some(caps) = NAME_ROLE.captures(line) {
        return Some((caps["name"].to_string(), clean_role(&caps["role"])));
    }
    let spaced = job_title::with_title_spaced(line);
    let words: Vec<&str> = spaced.as_deref().unwrap_or(line).split_whitespace().collect();
    let at = job_title::title_start(&words)?;
    Some((words[..at].join(" "), clean_role(&words[at..].join(" "))))
}

/// The people a feed credits, from its raw author strings: each string is
/// parsed as a credit, implausible names ("admin", an e-mail address) are
/// dropped, and each person is kept once.
pub fn people_from_feed<'a>(raw: impl IntoIterator<Item = &'a str>) -> Vec<Author> {
    let mut out: Vec<Author> = Vec::new();
    for text in raw {
        for person in parse_credit(text) {
            if is_plausible_person(&person.name) && !out.iter().any(|o| comparable(&o.name) == comparable(&person.name))
            {
                out.push(Author { name: name_case(&person.name), ..person });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::labels::CONTRIBUTOR_LABELS;
    use super::not_people::{COMPANY_WORDS, DESK_WORDS, FURNITURE_WORDS, INSTITUTION_WORDS, PUBLICATION_WORDS};
    use super::roles::{DEGREES, ROLE_WORDS};
    use super::*;

    fn people(text: &str) -> Vec<(String, Option<String>)> {
        parse_credit(text).into_iter().map(|a| (a.name, a.role)).collect()
    }

    fn one(name: &str, role: Option<&str>) -> (String, Option<String>) {
        (name.to_string(), role.map(str::to_string))
    }

    #[test]
    fn co_authors_joined_by_with_and_a_contributor_after_a_full_stop() {
        assert_eq!(people("By Jane Doe with John Smith"), [one("Jane Doe", None), one("John Smith", None)]);
        assert_eq!(
            people("Jane Doe with John Smith and Ann Lee"),
            [one("Jane Doe", None), one("John Smith", None), one("Ann Lee", None)]
        );
        assert_eq!(people("By Jane Doe, with reporting by John Smith")[0].0, "Jane Doe");
        assert!(people("Interview with Jane Doe").iter().all(|a| a.0 != "Jane Doe"), "no author interviewed");
        assert_eq!(
            people("By Jane Doe. Photographs by John Smith"),
            [one("Jane Doe", None), one("John Smith", Some("photographer"))]
        );
        assert_eq!(
            people("Müəllif: Aysel Məmmədova. Foto: Elvin Əliyev"),
            [one("Aysel Məmmədova", None), one("Elvin Əliyev", Some("foto"))]
        );
        assert_eq!(
            people("Text: Max Muster, Foto: Eva Bild")[1],
            one("Eva Bild", Some("foto")),
            "not Azerbaijani's word"
        );
        assert_eq!(people("By T. C. Sottek"), [one("T. C. Sottek", None)], "an initial's stop");
    }

    #[test]
    fn an_e_mail_address_beside_a_name_is_no_part_of_it() {
        assert_eq!(people("Иван Иванов (ivanov@site.ru)"), [one("Иван Иванов", None)]);
        assert_eq!(people("By Jane Doe <jane.doe@example.com>"), [one("Jane Doe", None)]);
        assert_eq!(people("news@site.az (Aynur Məmmədova)"), [one("Aynur Məmmədova", None)]);
        assert!(people_from_feed(["ivanov@site.ru"]).is_empty());
    }

    #[test]
    fn a_credit_s_nickname_in_quotes_is_no_part_of_the_name() {
        assert_eq!(people("By Amanda \"Tania Mae\" Tan"), [one("Amanda Tan", None)]);
        assert_eq!(people("Иван «Ваня» Петров, корреспондент"), [one("Иван Петров", Some("корреспондент"))]);
        // A role's quoted outlet stays the role's.
        assert_eq!(
            people("Иван Иванов – корреспондент «Новой газеты» в Баку"),
            [one("Иван Иванов", Some("корреспондент «Новой газеты» в Баку"))]
        );
        assert_eq!(
            people("Aysel Məmmədova – «Report» agentliyinin müxbiri"),
            [one("Aysel Məmmədova", Some("«Report» agentliyinin müxbiri"))]
        );
    }

    #[test]
    fn wires_newspapers_and_labels_are_no_person_and_an_agency_after_a_name_goes() {
        for credit in ["Business Wire", "Nga Gazeta Telegraf", "Новая газета", "This Issue", "Anadolu Ajansı"]
        {
            assert!(!is_plausible_person(credit), "{credit}");
        }
        assert!(is_agency("Business Wire") && is_agency("Bloomberg"));
        assert_eq!(people("Narayana Kocherlakota Bloomberg"), [one("Narayana Kocherlakota", None)]);
        assert_eq!(
            people("By Max Rivlin-Nadler / Speak City Heights Reporter"),
            [one("Max Rivlin-Nadler", Some("Speak City Heights Reporter"))]
        );
        assert_eq!(people("Jane Doe / Tom Ray"), [one("Jane Doe", None), one("Tom Ray", None)]);
        assert_eq!(people("Narayana Kocherlakota Bloomberg Fri., Aug. 23")[0], one("Narayana Kocherlakota", None));
        // A name after the agency is another person's, and stays.
        assert_eq!(people("Jane Doe Reuters John Roe"), [one("Jane Doe Reuters John Roe", None)]);
        assert!(is_plausible_person("Anna Herald-Smith") && is_plausible_person("Mia Thisted"));
    }

    #[test]
    fn a_plural_role_after_a_list_is_each_person_s_and_a_singular_one_the_last_s() {
        assert_eq!(
            people("By Jane Doe and John Smith, Staff Writers"),
            [one("Jane Doe", Some("Staff Writers")), one("John Smith", Some("Staff Writers"))]
        );
        assert_eq!(
            people("Иван Петров и Анна Смирнова, корреспонденты"),
            [one("Иван Петров", Some("корреспонденты")), one("Анна Смирнова", Some("корреспонденты"))]
        );
        assert_eq!(
            people("Orxan Nağıyev, Aysel Məmmədova və Samir Əliyev, müxbirlər"),
            [
                one("Orxan Nağıyev", Some("müxbirlər")),
                one("Aysel Məmmədova", Some("müxbirlər")),
                one("Samir Əliyev", Some("müxbirlər"))
            ]
        );
        // A person with a role of their own keeps it.
        assert_eq!(people("Jane Doe, Editor, and John Smith, Reporters")[0], one("Jane Doe", Some("Editor")));
        // In the singular, the role is the last person's alone.
        assert_eq!(
            people("By Jane Doe and John Smith, Staff Writer"),
            [one("Jane Doe", None), one("John Smith", Some("Staff Writer"))]
        );
        for plural in ["Staff Writers", "Senior Editors", "специальные корреспонденты", "обозреватели", "müxbirlər"]
        {
            assert!(roles::is_plural_role(plural), "{plural}");
        }
        for singular in ["Staff Writer", "корреспондент", "müxbir", "Bloomberg News", "Business"] {
            assert!(!roles::is_plural_role(singular), "{singular}");
        }
    }

    #[test]
    fn a_name_in_capitals_is_shown_in_the_usual_case() {
        assert_eq!(name_case("ROBERT BURNS"), "Robert Burns");
        assert_eq!(name_case("ИВАН ПЕТРОВ"), "Иван Петров");
        assert_eq!(name_case("İLHAM ƏLİYEV"), "İlham Əliyev");
        assert_eq!(name_case("SHANNON O'NEIL"), "Shannon O'Neil");
        assert_eq!(name_case("GINA ROBERTS-GREY"), "Gina Roberts-Grey");
        assert_eq!(name_case("DENNIS WILLIAMS II"), "Dennis Williams II");
        assert_eq!(name_case("Иван ПЕТРОВ"), "Иван Петров");
        assert_eq!(name_case("Bill MCCARTHY"), "Bill McCarthy");
        assert_eq!(name_case("BILL MCCARTHY"), "Bill McCarthy");
        assert_eq!(name_case("Jean-Paul DUPONT"), "Jean-Paul Dupont");
        assert_eq!(name_case("Dennis WILLIAMS II"), "Dennis Williams II");
        for kept in ["Robert Burns", "Ronald McDonald", "DJ Khaled", "T. C. Sottek", "J.R.R.", "Jane Doe DJ"] {
            assert_eq!(name_case(kept), kept);
        }
        assert_eq!(people_from_feed(["TOM KRISHER"]), [Author { name: "Tom Krisher".into(), role: None }]);
    }

    #[test]
    fn a_credit_with_a_job_in_it_is_a_desk_or_a_person_with_a_role_never_a_name() {
        for desk in ["Editors, USA TODAY", "Jewish Business News Correspondent", "AOL Staff", "Staff Writers"] {
            assert!(!is_plausible_person(desk), "{desk}");
            assert!(is_desk_credit(desk), "{desk}");
        }
        for person in ["Jane Doe", "Ramya Joseph", "Reuters"] {
            assert!(!is_desk_credit(person), "{person}");
        }
        assert_eq!(
            parse_credit("Jane Doe, Staff Writer"),
            [Author { name: "Jane Doe".into(), role: Some("Staff Writer".into()) }]
        );
    }

    #[test]
    fn a_role_after_a_comma_is_the_role_not_a_second_person() {
        assert_eq!(people("By Jane Doe, Science Editor"), [one("Jane Doe", Some("Science Editor"))]);
        assert_eq!(
            people("Анна Петрова, экономический обозреватель"),
            [one("Анна Петрова", Some("экономический обозреватель"))]
        );
        assert_eq!(people("Jane Doe, Senior Correspondent"), [one("Jane Doe", Some("Senior Correspondent"))]);
        assert_eq!(people("Nərmin Əliyeva — müxbir"), [one("Nərmin Əliyeva", Some("müxbir"))]);
        assert_eq!(people("Jane Doe Staff Writer"), [one("Jane Doe", Some("Staff Writer"))]);
    }

    #[test]
    fn a_job_title_beside_the_name_is_the_role_with_its_beat_or_rank() {
        assert_eq!(people("Jane Doe Metro Reporter"), [one("Jane Doe", Some("Metro Reporter"))]);
        assert_eq!(people("By Jane Doe Contributing Editor"), [one("Jane Doe", Some("Contributing Editor"))]);
        assert_eq!(
            people("Jane Doe Health and Science Correspondent"),
            [one("Jane Doe", Some("Health and Science Correspondent"))]
        );
        assert_eq!(people("Jane Doe (Metro Reporter)"), [one("Jane Doe", Some("Metro Reporter"))]);
        assert_eq!(people("Jane Doe: Staff Writer"), [one("Jane Doe", Some("Staff Writer"))]);
        assert_eq!(people("Jane DoeSenior Reporter"), [one("Jane Doe", Some("Senior Reporter"))]);
        assert_eq!(people("Aysel Məmmədova Report-un müxbiri"), [one("Aysel Məmmədova", Some("Report-un müxbiri"))]);
        assert_eq!(
            people("Иван Петров специальный корреспондент"),
            [one("Иван Петров", Some("специальный корреспондент"))]
        );
        // A third name word stays the name's; a place in brackets is no role.
        assert_eq!(people("Mary Ann Smith Reporter"), [one("Mary Ann Smith", Some("Reporter"))]);
        assert_eq!(people("Jane Doe (Berlin)"), [one("Jane Doe (Berlin)", None)]);
        assert_eq!(people("Jane Doe and Tom Ray"), [one("Jane Doe", None), one("Tom Ray", None)]);
        // A line of its own, as a credit ending an article.
        assert_eq!(
            name_and_role("Gülağa İsgəndərov Zərdab Rayon Təhsil Sektorunun müdiri"),
            Some(("Gülağa İsgəndərov".into(), "Zərdab Rayon Təhsil Sektorunun müdiri".into()))
        );
        assert_eq!(name_and_role("The council met on Tuesday"), None);
    }

    #[test]
    fn a_role_in_two_halves_joined_by_and_stays_one_role() {
        assert_eq!(people("Jane Doe, Founder and CEO"), [one("Jane Doe", Some("Founder and CEO"))]);
        assert_eq!(people("Nərmin Əliyeva, müxbir və fotoqraf"), [one("Nərmin Əliyeva", Some("müxbir və fotoqraf"))]);
        assert_eq!(
            people("Andrés Malamud, politólogo e investigador"),
            [one("Andrés Malamud", Some("politólogo e investigador"))]
        );
        // A name after "and" is another person, with or without a role before it.
        assert_eq!(
            people("Jane Doe, Senior Editor and Tom Ray"),
            [one("Jane Doe", Some("Senior Editor")), one("Tom Ray", None)]
        );
        assert_eq!(people("By Jane Doe and Tom Ray"), [one("Jane Doe", None), one("Tom Ray", None)]);
    }

    #[test]
    fn a_job_title_written_as_one_compound_word_is_a_role() {
        assert_eq!(people("Anna Weber, Wirtschaftsredakteurin"), [one("Anna Weber", Some("Wirtschaftsredakteurin"))]);
        assert_eq!(people("Иван Петров, спецкорреспондент"), [one("Иван Петров", Some("спецкорреспондент"))]);
        assert_eq!(people("Jane Doe, photojournalist"), [one("Jane Doe", Some("photojournalist"))]);
        assert!(has_role_word("Sportreporter"));
        assert!(has_role_word("Datenjournalistin"));
        // A role word with too little, or no letters, before it is no compound.
        assert!(!has_role_word("Xeditor"));
        assert!(!has_role_word("Wilder"));
        assert_eq!(people("Jane Writer"), [one("Jane Writer", None)]);
    }

    #[test]
    fn the_interviewer_credited_after_an_interview_is_its_author() {
        assert_eq!(people("Das Gespräch führte Jordan Mejias."), [one("Jordan Mejias", None)]);
        assert_eq!(people("Die Fragen stellte Anna Weber"), [one("Anna Weber", None)]);
        assert_eq!(people("Interview by Jane Doe"), [one("Jane Doe", None)]);
    }

    #[test]
    fn a_bare_role_after_a_bar_or_a_slash_is_the_person_s_before_it() {
        assert_eq!(people("Jane Doe | Staff Writer"), [one("Jane Doe", Some("Staff Writer"))]);
        assert_eq!(people("By Jane Doe / STAFF WRITER"), [one("Jane Doe", Some("STAFF WRITER"))]);
        assert_eq!(people("Jane Doe (Staff Writer)"), [one("Jane Doe", Some("Staff Writer"))]);
        // Co-authors and a desk stay what they are.
        assert_eq!(people("Jane Doe | Tom Ray"), [one("Jane Doe", None), one("Tom Ray", None)]);
        assert_eq!(
            people("Jane Doe | Senior Editor | Tom Ray"),
            [one("Jane Doe", Some("Senior Editor")), one("Tom Ray", None)]
        );
        assert!(!people("Jane Doe / AOL Staff").iter().any(|(_, role)| role.is_some()));
    }

    #[test]
    fn studio_and_newsroom_jobs_are_roles() {
        assert_eq!(people("Jane Doe, Morning Anchor"), [one("Jane Doe", Some("Morning Anchor"))]);
        assert_eq!(people("Анна Петрова, ведущая"), [one("Анна Петрова", Some("ведущая"))]);
        assert_eq!(people("Leyla Əliyeva, aparıcı"), [one("Leyla Əliyeva", Some("aparıcı"))]);
        assert_eq!(people("Jane Doe, Product Manager"), [one("Jane Doe", Some("Product Manager"))]);
    }

    #[test]
    fn the_word_lists_are_written_folded() {
        let labels = CONTRIBUTOR_LABELS.iter().map(|(label, _)| *label);
        for word in ROLE_WORDS
            .iter()
            .chain(DESK_WORDS)
            .chain(PUBLICATION_WORDS)
            .chain(INSTITUTION_WORDS)
            .chain(FURNITURE_WORDS)
            .chain(COMPANY_WORDS)
            .copied()
            .chain(labels)
            .chain(DEGREES.iter().copied())
        {
            assert_eq!(fold(word), word, "compared folded, so written folded");
        }
    }

    #[test]
    fn az_and_ru_roles_with_dotless_i_or_a_hyphen_are_roles() {
        assert_eq!(
            people("Leyla Əliyeva, Milli Məclisin deputatı"),
            [one("Leyla Əliyeva", Some("Milli Məclisin deputatı"))]
        );
        assert_eq!(people("Orxan Nağıyev, Baş İqtisadçı"), [one("Orxan Nağıyev", Some("Baş İqtisadçı"))]);
        assert_eq!(people("Иван Петров, Шеф-редактор"), [one("Иван Петров", Some("Шеф-редактор"))]);
        assert_eq!(people("Jane Doe, Editor-in-Chief"), [one("Jane Doe", Some("Editor-in-Chief"))]);
        assert_eq!(people("Олег Ким, Фотокорреспондент"), [one("Олег Ким", Some("Фотокорреспондент"))]);
        assert_eq!(
            people("Müəllif: Rəşad Həsənov; Fotoqraf: Aynur Quliyeva"),
            [one("Rəşad Həsənov", None), one("Aynur Quliyeva", Some("fotoqraf"))]
        );
        assert_eq!(people("Jean-Paul Sartre, Anna Lee"), [one("Jean-Paul Sartre", None), one("Anna Lee", None)]);
    }

    #[test]
    fn capitalized_roles_of_experts_and_officials_are_roles() {
        for (credit, name, role) in [
            (
                "Rəşad Həsənov, Azərbaycan Dövlət İqtisad Universitetinin professoru",
                "Rəşad Həsənov",
                "Azərbaycan Dövlət İqtisad Universitetinin professoru",
            ),
            ("Nigar Əliyeva, Şəki bürosunun Müxbiri", "Nigar Əliyeva", "Şəki bürosunun Müxbiri"),
            ("Elçin Quliyev, Mərkəzin Direktoru", "Elçin Quliyev", "Mərkəzin Direktoru"),
            ("Elçin Quliyev, İdarə Heyətinin Sədri", "Elçin Quliyev", "İdarə Heyətinin Sədri"),
            ("Анна Петрова, Доцент МГУ", "Анна Петрова", "Доцент МГУ"),
            ("Иван Сидоров, Председатель Союза журналистов", "Иван Сидоров", "Председатель Союза журналистов"),
            ("Jane Doe, President of the Press Club", "Jane Doe", "President of the Press Club"),
            ("Jane Doe, Senior Research Scientist", "Jane Doe", "Senior Research Scientist"),
        ] {
            assert_eq!(people(credit), [one(name, Some(role))], "{credit}");
        }
        // Only a role word takes the ending: two names stay two people.
        assert_eq!(people("Anna Lee, Tom Dirksu"), [one("Anna Lee", None), one("Tom Dirksu", None)]);
    }

    #[test]
    fn labels_go_and_several_people_stay_several() {
        assert_eq!(
            people("By Sarah Connolly and James Okafor"),
            [one("Sarah Connolly", None), one("James Okafor", None)]
        );
        assert_eq!(people("Автор: Ирина Волкова"), [one("Ирина Волкова", None)]);
        assert_eq!(people("By by JOSH HASKELL"), [one("JOSH HASKELL", None)]);
        assert_eq!(people("Müəllif: Rəşad Həsənov"), [one("Rəşad Həsənov", None)]);
        assert_eq!(people("Anna Lee, Tom Ray"), [one("Anna Lee", None), one("Tom Ray", None)]);
        assert_eq!(people("Anna Lee, senior editor"), [one("Anna Lee", Some("senior editor"))]);
        assert_eq!(people("İlqar Əliyev və Nigar Həsənova"), [one("İlqar Əliyev", None), one("Nigar Həsənova", None)]);
        assert_eq!(people("Bykov Ivan"), [one("Bykov Ivan", None)]);
        assert_eq!(
            people("Analysis by Chris Cillizza, CNN Editor-at-large"),
            [one("Chris Cillizza", Some("CNN Editor-at-large"))]
        );
    }

    #[test]
    fn co_authors_in_brackets_are_authors() {
        assert_eq!(
            people("Martin Untersinger (avec Damien Leloup et Morgane Tual)"),
            [one("Martin Untersinger", None), one("Damien Leloup", None), one("Morgane Tual", None)]
        );
        assert_eq!(people("Jane Doe (with Tom Ray)"), [one("Jane Doe", None), one("Tom Ray", None)]);
        assert_eq!(people("Jane Doe (Berlin)"), [one("Jane Doe (Berlin)", None)]);
    }

    #[test]
    fn degrees_stay_out_of_names_and_contributors_come_after() {
        assert_eq!(people("Jane Doe, MD"), [one("Jane Doe", None)]);
        assert_eq!(people("John Smith PhD, Health Editor"), [one("John Smith", Some("Health Editor"))]);
        assert_eq!(people("Jane Doe; Photo: Tom Ray"), [one("Jane Doe", None), one("Tom Ray", Some("photographer"))]);
        assert_eq!(
            people("Фото: Олег Ким; Текст: Анна Петрова"),
            [one("Анна Петрова", None), one("Олег Ким", Some("фотограф"))]
        );
    }

    #[test]
    fn feed_credits_drop_accounts_and_keep_people_once() {
        let found = people_from_feed(["news@site.az (Aynur Məmmədova)", "admin", "Aynur Məmmədova", "Editorial team"]);
        assert_eq!(found, [Author::new("Aynur Məmmədova", None)]);
        assert!(people_from_feed(["Follow", "12.11.2026"]).is_empty());
    }

    #[test]
    fn last_comma_first_and_lone_words_beside_names() {
        assert_eq!(people("Gillman, Steve"), [one("Steve Gillman", None)]);
        assert_eq!(
            people("Politik · Jochen Bittner, Tina Hildebrandt"),
            [one("Jochen Bittner", None), one("Tina Hildebrandt", None)]
        );
        assert_eq!(people("John Patrick Pullen, TIME"), [one("John Patrick Pullen", None)]);
        assert_eq!(people("Michael Rädel, Redaktion"), [one("Michael Rädel", None)]);
        assert_eq!(people("Saibal Dasgupta / TNN"), [one("Saibal Dasgupta", None)]);
        assert_eq!(
            people("Benjamin Fischer und Marcus Theurer"),
            [one("Benjamin Fischer", None), one("Marcus Theurer", None)]
        );
        assert_eq!(
            people("Sadhbh O'Sullivan,Elisabeth Kochan"),
            [one("Sadhbh O'Sullivan", None), one("Elisabeth Kochan", None)]
        );
    }

    #[test]
    fn a_publication_beside_or_instead_of_a_name_is_not_a_person() {
        let names = |text: &str| -> Vec<String> { people_from_feed([text]).into_iter().map(|a| a.name).collect() };
        assert_eq!(names("Charlie Wood, Business Insider"), ["Charlie Wood"]);
        assert!(names("India Post News Weekly").is_empty());
        // The newspaper's company beside the writer.
        assert_eq!(names("Ari Wasserman, Northeast Ohio Media Group"), ["Ari Wasserman"]);
        assert!(!is_plausible_person("The Daily"));
        assert!(is_plausible_person("Emily Newsome"), "a word that only opens with one is a name's");
        assert!(is_plausible_person("News Jones"), "a publication word first is a name's");
    }

    #[test]
    fn labels_in_other_languages_and_link_texts() {
        assert_eq!(people("Von Simon Braasch"), [one("Simon Braasch", None)]);
        assert_eq!(people("von Juliane Ziegengeist"), [one("Juliane Ziegengeist", None)]);
        assert_eq!(people("Par Marie Merlet"), [one("Marie Merlet", None)]);
        assert_eq!(people("Por Raúl Espina"), [one("Raúl Espina", None)]);
        assert_eq!(people("Autor: Peter Maahn"), [one("Peter Maahn", None)]);
        assert_eq!(people("View all posts by Daniel Lemire"), [one("Daniel Lemire", None)]);
        assert_eq!(people("Mehr Artikel von Jan Kupitz"), [one("Jan Kupitz", None)]);
        assert_eq!(people("Все материалы автора Анна Петрова"), [one("Анна Петрова", None)]);
        // A link to the writer's other articles names the writer alone
        // (a first name here: the page's reader asks for a full name).
        assert_eq!(people("Mehr Artikel von Stefanus →"), [one("Stefanus", None)]);
        assert!(people("Von").is_empty());
        // Italian, Swedish and Norwegian, Danish: before a full name only.
        assert_eq!(people("di Marco Rossi"), [one("Marco Rossi", None)]);
        assert_eq!(people("Av Anna Svensson"), [one("Anna Svensson", None)]);
        assert_eq!(people("Af Lars Nielsen"), [one("Lars Nielsen", None)]);
        assert_eq!(people("Di Wang"), [one("Di Wang", None)]);
        assert_eq!(people("By Jane Doe Twitter Email"), [one("Jane Doe", None)]);
        // The outlet a piece was written for is no part of the name.
        assert_eq!(people("Jane Doe for Report.az"), [one("Jane Doe", None)]);
        assert_eq!(people("Ирина Волкова для «Известий»"), [one("Ирина Волкова", None)]);
        assert_eq!(people("Jane Doe, Director for Europe"), [one("Jane Doe", Some("Director for Europe"))]);
        for credit in ["Автор статьи: Ирина Волкова", "Автор текста: Ирина Волкова", "Автор публикации: Ирина Волкова"]
        {
            assert_eq!(people(credit), [one("Ирина Волкова", None)], "{credit}");
        }
        assert_eq!(people("Xəbəri hazırladı: Aysel Məmmədova"), [one("Aysel Məmmədova", None)]);
        assert_eq!(people("Hazırlayan: Aysel Məmmədova"), [one("Aysel Məmmədova", None)]);
        assert_eq!(people("Yazan: Ayşe Yılmaz"), [one("Ayşe Yılmaz", None)]);
        assert_eq!(people("Текст и фото: Иван Иванов"), [one("Иван Иванов", None)]);
        assert_eq!(people("Mətn və foto: Aysel Məmmədova"), [one("Aysel Məmmədova", None)]);
        assert_eq!(people("Text and photos: Jane Doe"), [one("Jane Doe", None)]);
        assert_eq!(people("Muhabir: Ayşe Yılmaz"), [one("Ayşe Yılmaz", Some("muhabir"))]);
        // ru and az: the interviewer or the writer named by a verb, a
        // translator, a correspondent named by the job.
        assert_eq!(people("Беседовала Анна Петрова"), [one("Анна Петрова", None)]);
        assert_eq!(people("Материал подготовил Иван Петров"), [one("Иван Петров", None)]);
        assert_eq!(people("Интервью взяла Анна Петрова"), [one("Анна Петрова", None)]);
        assert_eq!(people("Söhbətləşdi: Aysel Məmmədova"), [one("Aysel Məmmədova", None)]);
        assert_eq!(people("Söhbəti apardı: Aysel Məmmədova"), [one("Aysel Məmmədova", None)]);
        assert_eq!(people("Перевод: Анна Петрова"), [one("Анна Петрова", Some("переводчик"))]);
        assert_eq!(people("Tərcümə etdi: Aysel Məmmədova"), [one("Aysel Məmmədova", Some("tərcüməçi"))]);
        assert_eq!(people("Müxbir: Aysel Məmmədova"), [one("Aysel Məmmədova", Some("müxbir"))]);
        assert_eq!(
            people("Текст: Анна Петрова, фото: Иван Иванов"),
            [one("Анна Петрова", None), one("Иван Иванов", Some("фотограф"))]
        );
    }

    #[test]
    fn initials_or_an_agency_in_brackets_are_not_part_of_the_name() {
        assert_eq!(people("Elena Oberholzer (obe)"), [one("Elena Oberholzer", None)]);
        assert_eq!(people("Corina Gall (cog.)"), [one("Corina Gall", None)]);
        assert_eq!(people("Jane Doe (dpa)"), [one("Jane Doe", None)]);
        assert_eq!(people("Jane Doe (AFP)"), [one("Jane Doe", None)]);
        assert_eq!(people("Jane Doe (Berlin)"), [one("Jane Doe (Berlin)", None)]);
        assert_eq!(strip_initials("Madonna (obe)"), "Madonna (obe)");
    }

    #[test]
    fn an_outlet_in_capitals_after_a_name_is_not_a_person() {
        assert_eq!(people("David Straub, MDR THÜRINGEN"), [one("David Straub", None)]);
        assert_eq!(
            people("STEVE PEOPLES, THOMAS BEAUMONT"),
            [one("STEVE PEOPLES", None), one("THOMAS BEAUMONT", None)]
        );
    }

    #[test]
    fn a_dangling_separator_and_agency_desks() {
        assert_eq!(people("By Jane Doe -"), [one("Jane Doe", None)]);
        for bad in ["MND Staff -", "SID Nachrichtenagentur", "Xinhua News Agency"] {
            assert!(!is_plausible_person(bad), "{bad}");
        }
        assert!(is_plausible_person("Jane Doe –"));
    }

    #[test]
    fn a_slash_separates_a_name_from_an_agency_and_places_are_not_people() {
        assert_eq!(people("Peter Maahn/SP-X"), [one("Peter Maahn", None)]);
        let dpa: Vec<_> = parse_credit("dpa/lno").into_iter().filter(|a| is_plausible_person(&a.name)).collect();
        assert!(dpa.is_empty());
        assert!(people("hessenschau.de, Frankfurt, Germany").is_empty());
        assert_eq!(people("Madonna"), [one("Madonna", None)]);
    }
}
