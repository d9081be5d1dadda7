//! The shape of a person's name: capitalized words and the lower-case
//! particles names hold ("von", "oğlu"), a user name run together, the
//! initials or agency printed after a name in brackets, and a name set in
//! capitals shown in the usual case.

use std::sync::LazyLock;

use regex::Regex;

use super::agencies::is_agency;

/// Lower-case words that names do hold: particles ("von", "de", "van der",
/// "bin") and Azerbaijani patronymics ("oğlu", "qızı"). Any other
/// lower-case word makes a credit a phrase, not a name ("Peter Amende und
/// Fuchsy designed", "L-MAG – Das Magazin für Lesben", "Bund … e.V.").
const NAME_PARTICLES: &[&str] = &[
    "von", "vom", "zu", "zum", "zur", "van", "der", "den", "ter", "ten", "de", "del", "della", "dei", "di", "da",
    "das", "do", "dos", "du", "des", "la", "le", "las", "los", "y", "e", "i", "af", "av", "bin", "binti", "bint",
    "ibn", "ben", "al", "el", "v.", "oğlu", "qızı", "oglu", "qizi",
];

/// Whether a lower-case word can stand inside a name.
fn is_name_particle(word: &str) -> bool {
    let w = word.trim_matches(|c: char| matches!(c, ',' | ';' | '(' | ')'));
    NAME_PARTICLES.contains(&w)
        || ["al-", "el-", "d'", "d’", "bin-", "ibn-"].iter().any(|p| w.starts_with(p) && w.len() > p.len())
}

/// Whether `name` holds a lower-case word that no name holds ("Fuchsy
/// designed", "Das Magazin für Lesben"): a phrase, not a person.
pub fn is_phrase(name: &str) -> bool {
    name.split_whitespace().any(|w| w.chars().next().is_some_and(char::is_lowercase) && !is_name_particle(w))
}

/// One capitalized name word: `İsgəndərov`, `O'Brien`, `Jean-Paul`, `A.`.
pub(super) const NAME_WORD: &str = r"\p{Lu}[\p{L}'’\-]*\.?";

/// A bare name: 2–4 capitalized words.
pub(super) static NAME_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}}$")).expect("valid regex"));

/// A name without the author's initials or an agency printed after it in
/// brackets ("Elena Oberholzer (obe)", "Corina Gall (cog.)", "Jane Doe
/// (dpa)", "Jane Doe (AFP)"): the desk's short code, not part of the name.
/// Anything else in brackets stays ("Jane Doe (Berlin)").
pub fn strip_initials(name: &str) -> &str {
    let name = name.trim();
    let Some(open) = name.strip_suffix(')').and_then(|n| n.rfind('(')) else { return name };
    let inner = &name[open + 1..name.len() - 1];
    let letters = inner.trim_end_matches('.');
    let initials = (2..=5).contains(&letters.chars().count()) && letters.chars().all(char::is_lowercase);
    let head = name[..open].trim_end();
    if (initials || is_agency(inner)) && head.contains(char::is_whitespace) {
        head
    } else {
        name
    }
}

/// A name without the writer's social handle printed after it ("Williams
/// Perdomo @wperdomod", "April Roach (@aprilroach28)"): a last word that
/// is `@` and a handle's letters, digits and `_`, after a name of two
/// words or more. Anything else stays as it is.
pub fn without_handle(name: &str) -> &str {
    let name = name.trim();
    let Some((head, last)) = name.rsplit_once(char::is_whitespace) else { return name };
    let handle = last.strip_prefix("(@").and_then(|h| h.strip_suffix(')')).or_else(|| last.strip_prefix('@'));
    let is_handle = handle.is_some_and(|h| !h.is_empty() && h.chars().all(|c| c.is_alphanumeric() || c == '_'));
    let head = head.trim_end();
    if is_handle && head.split_whitespace().count() >= 2 {
        head
    } else {
        name
    }
}

/// `text` with a space after an initial run into the surname after it
/// ("A.Məmmədova", "А.Петрова": "A. Məmmədova", "А. Петрова"), as
/// signatures often print it; "T.C. Sottek" and "J.K." stay as they are.
pub fn spaced_initials(text: &str) -> std::borrow::Cow<'_, str> {
    // Every credit passes here; most have no full stop at all.
    if !text.contains('.') {
        return text.into();
    }
    let chars: Vec<char> = text.chars().collect();
    let glued = |i: usize| {
        chars[i] == '.'
            && i >= 1
            && chars[i - 1].is_uppercase()
            && (i == 1 || !chars[i - 2].is_alphanumeric())
            && chars.get(i + 1).is_some_and(|c| c.is_uppercase())
            && chars.get(i + 2).is_some_and(|c| c.is_lowercase())
    };
    if !(0..chars.len()).any(glued) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 4);
    for (i, c) in chars.iter().enumerate() {
        out.push(*c);
        if glued(i) {
            out.push(' ');
        }
    }
    out.into()
}

/// Quotes a nickname is printed in, inside a name (`Amanda "Tania Mae"
/// Tan`, `Иван «Ваня» Петров`), as (opening, closing).
const NICKNAME_QUOTES: &[(char, char)] = &[('"', '"'), ('“', '”'), ('„', '“'), ('«', '»'), ('‘', '’')];

/// The most words a nickname in quotes has.
const NICKNAME_WORDS: usize = 3;

/// `name` without a nickname printed in quotes between its words
/// (`Amanda "Tania Mae" Tan` is Amanda Tan, as the page's other credits
/// sign her): a word before and after it, one to [`NICKNAME_WORDS`] words
/// of letters inside. Anything else stays as it is.
pub fn without_nickname(name: &str) -> std::borrow::Cow<'_, str> {
    // Every name passes here; most hold no quote at all.
    if !name.contains(|c| NICKNAME_QUOTES.iter().any(|&(open, _)| open == c)) {
        return name.into();
    }
    for &(open, close) in NICKNAME_QUOTES {
        let Some(start) = name.find(&format!(" {open}")) else { continue };
        let inner_from = start + 1 + open.len_utf8();
        let Some(inner_len) = name[inner_from..].find(close) else { continue };
        let inner = &name[inner_from..inner_from + inner_len];
        let (before, after) = (&name[..start], &name[inner_from + inner_len + close.len_utf8()..]);
        let words = inner.split_whitespace().count();
        let letters =
            inner.chars().all(|c| c.is_alphabetic() || c.is_whitespace() || matches!(c, '-' | '.' | '\'' | '’'));
        if (1..=NICKNAME_WORDS).contains(&words)
            && letters
            && before.chars().any(char::is_alphabetic)
            && after.starts_with(' ')
            && after.chars().any(char::is_alphabetic)
        {
            return format!("{} {}", before.trim_end(), after.trim_start()).into();
        }
    }
    name.into()
}

/// Whether `text` has the shape of a name: two to four capitalized words,
/// none of them several words run together as a user name is.
pub fn is_name_shaped(text: &str) -> bool {
    NAME_ONLY.is_match(text) && !text.split_whitespace().any(is_run_together)
}

/// Endings of Russian and Azerbaijani surnames, in either gender
/// ("Петрова", "Иванов", "Məmmədova", "Əliyev", "Rzazadə", "Əhmədoğlu"),
/// that no town's name of two words ends with: a name after a
/// signature's comma that ends so is a second person, not a place.
const SURNAME_ENDINGS: &[&str] = &[
    "ов", "ова", "ев", "ева", "ёв", "ёва", "ина", "ская", "ский", "цкая", "цкий", "енко", "ov", "ova", "yev", "yeva",
    "ev", "eva", "zadə", "oğlu", "qızı",
];

/// Whether `name` is name-shaped and its last word ends as a Russian or
/// Azerbaijani surname does ([`SURNAME_ENDINGS`]).
pub fn has_surname_ending(name: &str) -> bool {
    let last = name.split_whitespace().last().unwrap_or_default().to_lowercase();
    is_name_shaped(name)
        && SURNAME_ENDINGS.iter().any(|e| last.strip_suffix(e).is_some_and(|stem| stem.chars().count() >= 2))
}

/// Whether `word` is several words run together, as a user name is
/// ("SanFranciscoGal"): in one of its hyphenated parts, a capital after a
/// small letter twice or more. One is a name's own ("McCann", "DiCaprio",
/// "MacKenzie").
fn is_run_together(word: &str) -> bool {
    word.split('-').any(|part| {
        let chars: Vec<char> = part.chars().collect();
        chars.windows(2).filter(|pair| pair[0].is_lowercase() && pair[1].is_uppercase()).count() >= 2
    })
}

/// Roman numerals after a name ("Dennis Williams II"), kept in capitals.
const NAME_NUMERALS: &[&str] = &["II", "III", "IV", "VI", "VII", "VIII"];

/// `name` as a byline shows it: a name set all in capitals, as wire
/// stories and some sites print them ("ROBERT BURNS", "ИВАН ПЕТРОВ",
/// "O'NEIL"), in the usual case ("Robert Burns", "Иван Петров", "O'Neil"),
/// and so is a surname in capitals after a given name in the usual case,
/// as Russian and French papers print it ("Иван ПЕТРОВ", "Jean DUPONT");
/// any other name as written (initials, "McDonald", "DJ Khaled").
pub fn name_case(name: &str) -> String {
    recased(name, true)
}

/// `text` all in capitals ("STAFF WRITER") in the usual case ("Staff
/// Writer"); any other text as written: a role in mixed case keeps its
/// acronyms ("NBC News Correspondent").
pub fn usual_case(text: &str) -> String {
    recased(text, false)
}

/// [`name_case`], or [`usual_case`] without `surnames`.
fn recased(name: &str, surnames: bool) -> String {
    let letters = || name.chars().filter(|c| c.is_alphabetic());
    let capitals = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
    };
    let long_word = name.split_whitespace().any(|w| w.chars().filter(|c| c.is_alphabetic()).count() >= 3);
    let all_capitals = letters().count() >= 4 && long_word && letters().all(char::is_uppercase);
    // "Иван ПЕТРОВ": some word in the usual case (a capital, then small letters).
    let usual = |w: &str| w.chars().next().is_some_and(char::is_uppercase) && w.chars().skip(1).any(char::is_lowercase);
    let surname_in_capitals = surnames && name.split_whitespace().any(usual) && name.split_whitespace().any(capitals);
    if !all_capitals && !surname_in_capitals {
        return name.to_string();
    }
    let words: Vec<String> = name
        .split(' ')
        .map(|word| {
            if NAME_NUMERALS.contains(&word) || (!all_capitals && !capitals(word)) {
                return word.to_string();
            }
            let mut out = String::with_capacity(word.len());
            let mut first = true;
            for c in word.chars() {
                if c.is_alphabetic() {
                    if first {
                        out.extend(c.to_uppercase());
                    } else if c == 'İ' {
                        // Azerbaijani and Turkish: "İ" is "i" (not "i" and a combining dot).
                        out.push('i');
                    } else {
                        out.extend(c.to_lowercase());
                    }
                    first = false;
                } else {
                    // "O'NEIL", "ROBERTS-GREY": each part opens with a capital.
                    out.push(c);
                    first = true;
                }
            }
            // "MCCARTHY" is McCarthy when its name words are recased.
            match out.strip_prefix("Mc") {
                Some(rest) if surnames && rest.chars().count() >= 2 => {
                    let mut chars = rest.chars();
                    let third: String = chars.next().into_iter().flat_map(char::to_uppercase).collect();
                    format!("Mc{third}{}", chars.as_str())
                }
                _ => out,
            }
        })
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_initial_run_into_the_surname_is_spaced() {
        assert_eq!(spaced_initials("A.Məmmədova"), "A. Məmmədova");
        assert_eq!(spaced_initials("Текст: А.Петрова, И.Иванов"), "Текст: А. Петрова, И. Иванов");
        assert_eq!(spaced_initials("T.C. Sottek"), "T.C. Sottek");
        assert_eq!(spaced_initials("J.K.Rowling"), "J.K. Rowling");
        assert_eq!(spaced_initials("Report.Az"), "Report.Az", "a word before the dot");
        assert_eq!(spaced_initials("U.S."), "U.S.");
    }

    #[test]
    fn a_nickname_in_quotes_is_left_out_of_the_name() {
        assert_eq!(without_nickname("Amanda \"Tania Mae\" Tan"), "Amanda Tan");
        assert_eq!(without_nickname("Иван «Ваня» Петров"), "Иван Петров");
        assert_eq!(without_nickname("Robert “Bob” Smith Jr."), "Robert Smith Jr.");
        assert_eq!(without_nickname("Dwayne ‘The Rock’ Johnson"), "Dwayne Johnson");
        assert_eq!(without_nickname("Jane O’Brien"), "Jane O’Brien", "an apostrophe is no quote");
        assert_eq!(without_nickname("Jane Doe \"JD\""), "Jane Doe \"JD\"", "not between two words");
        assert_eq!(without_nickname("\"Jane Doe\""), "\"Jane Doe\"", "the whole name quoted");
        assert_eq!(without_nickname("Jane \"2024 edition\" Doe"), "Jane \"2024 edition\" Doe", "no letters only");
    }

    #[test]
    fn russian_and_azerbaijani_surnames_end_as_surnames_and_towns_do_not() {
        for name in
            ["Анна Петрова", "Иван Иванов", "Aysel Məmmədova", "Kamran Əliyev", "Leyla Rzazadə", "Ольга Высоцкая"]
        {
            assert!(has_surname_ending(name), "{name}");
        }
        for place in ["Нижний Новгород", "New York", "Bakı", "Санкт-Петербург", "Ростов", "Aysel"]
        {
            assert!(!has_surname_ending(place), "{place}");
        }
    }

    #[test]
    fn a_user_name_run_together_is_no_name() {
        assert!(!is_name_shaped("SanFranciscoGal Sarah Gemmel"));
        for name in ["Erin McCann", "Leonardo DiCaprio", "Ian MacKenzie", "Anne McCann-DiMarco", "DeAndre Jordan"] {
            assert!(is_name_shaped(name), "{name}");
        }
    }

    #[test]
    fn a_social_handle_after_a_name_is_no_part_of_it() {
        assert_eq!(without_handle("Williams Perdomo @wperdomod"), "Williams Perdomo");
        assert_eq!(without_handle("April Roach (@aprilroach28)"), "April Roach");
        assert_eq!(without_handle("Jane Doe"), "Jane Doe");
        // A handle alone, or after one word, is what there is to read.
        assert_eq!(without_handle("Perdomo @wperdomod"), "Perdomo @wperdomod");
        assert_eq!(without_handle("@wperdomod"), "@wperdomod");
        assert_eq!(without_handle("Jane Doe @ Reuters Berlin"), "Jane Doe @ Reuters Berlin");
    }
}
