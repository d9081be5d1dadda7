//! Given names: whether a name's first word is one people are given
//! ("Sam", "Aysel", "Сергей"), which tells a site named after its owner
//! ("Sam Curry" on samcurry.net) from a brand spelled as two words
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

use crate::text::fold;

/// Every given name of `given_names.txt`, lower case.
static GIVEN_NAMES: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| include_str!("given_names.txt").lines().map(str::trim).filter(|n| !n.is_empty()).collect());

/// Whether `word` is a known given name ("Sam", "AYSEL", "Сергей"),
/// whatever its case.
pub fn is_given_name(word: &str) -> bool {
    let word = fold(word.trim_matches(|c: char| !c.is_alphanumeric()));
    GIVEN_NAMES.contains(word.as_str())
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
    fn the_list_is_written_as_it_is_compared() {
        let text = include_str!("given_names.txt");
        for line in text.lines() {
            assert_eq!(line, fold(line.trim()), "lower case, no spaces: {line:?}");
            assert!(!line.is_empty() && !line.contains(' '), "{line:?}");
        }
        assert!(GIVEN_NAMES.len() > 2_000);
    }
}
