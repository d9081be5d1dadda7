//! Given names: whether a name's first word is one people are given
//! ("Sam", "Aysel", "Сергей"), and whether a name is a given name and a
//! surname ([`is_personal_name`]), which tells a site named after its
//! owner ("Sam Curry" on samcurry.net) from a brand spelled as two words
//! ("Times Union" on timesunion.com, "Hacker Noon").
//!
//! The list (`given_names.txt`, lower case, one a line) holds the 1,000
//! most common male and the 1,000 most common female first names of the
//! 1990 United States census (public domain; as the `names` package on
//! PyPI, MIT, ships them: `dist.male.first`, `dist.female.first`), and
//! common given names of Azerbaijan, Russia and the other languages
//! Byline's readers meet, written here, in their own script and as
//! transliterated.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::text::{comparable, fold};

/// Every given name of `given_names.txt`, lower case.
static GIVEN_NAMES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| include_str!("given_names.txt").lines().map(str::trim).filter(|n| !n.is_empty()).collect());

/// Whether `word` is a known given name ("Sam", "AYSEL", "Сергей"),
/// whatever its case.
pub fn is_given_name(word: &str) -> bool {
    let word = fold(word.trim_matches(|c: char| !c.is_alphanumeric()));
    GIVEN_NAMES.contains(word.as_str())
}

/// Given names that are also places a publication is named after
/// ("Virginia Mercury", "Charlotte Observer", "Austin Chronicle"), written
/// folded.
const PLACE_NAMES: &[&str] = &[
    "virginia",
    "georgia",
    "carolina",
    "dakota",
    "montana",
    "indiana",
    "florida",
    "nevada",
    "charlotte",
    "austin",
    "jackson",
    "madison",
    "savannah",
    "dallas",
    "houston",
    "denver",
    "orlando",
    "tyler",
    "eugene",
    "augusta",
    "florence",
    "lincoln",
    "troy",
    "sydney",
    "victoria",
    "adelaide",
    "chelsea",
    "regina",
    "paris",
    "brooklyn",
    "aurora",
    "helena",
    "jordan",
    "israel",
    "india",
    "america",
    "asia",
    "phoenix",
    "cleveland",
    "memphis",
    "raleigh",
    "richmond",
    "columbus",
    "marion",
    "salem",
    "camden",
    "clinton",
    "warren",
    "hudson",
    "vernon",
    "boston",
];

/// Last words of a publication's name that a person's surname seldom is
/// ("Virginia Mercury", "Martha Stewart Weddings"), written folded; beside
/// the publication words of `not_people`, which never end a person's name.
const OUTLET_NOUNS: &[&str] = &[
    "mercury",
    "observer",
    "recorder",
    "current",
    "courier",
    "register",
    "sentinel",
    "dispatch",
    "examiner",
    "inquirer",
    "bulletin",
    "monitor",
    "beacon",
    "review",
    "report",
    "reporter",
    "record",
    "standard",
    "express",
    "independent",
    "guardian",
    "today",
    "online",
    "weddings",
    "living",
    "kitchen",
    "home",
    "style",
    "world",
];

/// Whether a name from `first` to `last` is a publication's rather than
/// a person's: `first` a place, or `last` a publication's word.
fn is_brand(first: &str, last: &str) -> bool {
    let (first, last) = (comparable(first), comparable(last));
    PLACE_NAMES.contains(&first.as_str())
        || OUTLET_NOUNS.contains(&last.as_str())
        || super::is_outlet_name(&format!("{first} {last}"))
}

/// Words that join a given name to a surname ("Jan van Dijk").
const NAME_PARTICLES: &[&str] = &["von", "van", "de", "da", "di", "du", "del", "der", "la", "le", "bin", "ibn"];

/// Whether `name` reads as one person's given name and surname, as a site
/// named after its owner is named ("Sam Curry", "Sam W. Curry", "Jan van
/// Dijk"): two words, or three with an initial or a particle between;
/// the first a given name of three letters or more; never a brand spelled
/// so ("Times Union", "Al Jazeera", "Virginia Mercury", "Martha Stewart
/// Weddings").
pub fn is_personal_name(name: &str) -> bool {
    let words: Vec<&str> = name.split_whitespace().collect();
    let given = |w: &str| w.chars().filter(|c| c.is_alphabetic()).count() >= 3 && is_given_name(w);
    let between = |w: &str| {
        NAME_PARTICLES.contains(&comparable(w).as_str())
            || (w.ends_with('.') && w.chars().filter(|c| c.is_alphabetic()).count() == 1)
    };
    match words.as_slice() {
        [first, last] => given(first) && !is_brand(first, last),
        [first, middle, last] => given(first) && between(middle) && !is_brand(first, last),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn given_names_are_told_from_other_words() {
        for name in ["Sam", "Dustin", "HENRY", "Jessica", "Aysel", "Rəşad", "Сергей", "Ольга", "Johannes"]
        {
            assert!(is_given_name(name), "{name}");
        }
        for word in ["Times", "Hacker", "Gelbe", "Report", "Xəbər", "Новости", ""] {
            assert!(!is_given_name(word), "{word}");
        }
    }

    #[test]
    fn a_personal_name_is_a_given_name_and_a_surname() {
        for name in ["Sam Curry", "Sam W. Curry", "Jan van Dijk", "Kamran Quliyev"] {
            assert!(is_personal_name(name), "{name}");
        }
        for name in [
            "Times Union",
            "Al Jazeera",
            "Virginia Mercury",
            "Charlotte Observer",
            "Martha Stewart Weddings",
            "Sam",
            "",
        ] {
            assert!(!is_personal_name(name), "{name}");
        }
    }

    #[test]
    fn the_word_lists_are_written_as_they_are_compared() {
        for word in PLACE_NAMES.iter().chain(OUTLET_NOUNS).chain(NAME_PARTICLES) {
            assert_eq!(*word, comparable(word));
        }
    }

    #[test]
    fn the_list_is_written_as_it_is_compared() {
        let text = include_str!("given_names.txt");
        for line in text.lines() {
            assert_eq!(line, fold(line.trim()), "lower case, no spaces: {line:?}");
            assert!(!line.is_empty() && !line.contains(' '), "{line:?}");
        }
        assert!(GIVEN_NAMES.len() > 2_000);
    }
}
