//! Small text helpers shared by the other modules.

pub(crate) use byline_feeds::text::{comparable, fold, squash};

/// Checks that each of `words`, a list compared with [`comparable`]'s form
/// of a text, is written in that form (`ı` as `i`, no apostrophes): a word
/// written otherwise could never match.
#[cfg(test)]
pub(crate) fn assert_written_as_compared<'a>(words: impl IntoIterator<Item = &'a &'a str>) {
    for word in words {
        assert_eq!(comparable(word), *word, "{word}");
    }
}

/// Number of words in `text`.
pub(crate) fn word_count(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
}

/// Letters and digits of `text`, lower-cased: the key under which two
/// texts that differ only in spacing, punctuation and case are the same.
pub(crate) fn letters_and_digits(text: &str) -> String {
    let mut key = String::with_capacity(text.len());
    for c in text.chars() {
        // ASCII first: most keys are mostly ASCII, and its case is one byte.
        if c.is_ascii() {
            if c.is_ascii_alphanumeric() {
                key.push(c.to_ascii_lowercase());
            }
        } else if c.is_alphanumeric() {
            key.extend(c.to_lowercase());
        }
    }
    key
}

/// [`letters_and_digits`] of `text` folded ([`fold`]: "İ" and "ı" read
/// as "i"): the key under which a host's labels and a site's or a
/// person's name compare.
pub(crate) fn folded_key(text: &str) -> String {
    letters_and_digits(&fold(text))
}

/// Reading time in whole minutes at about 200 words a minute, rounded up;
/// 0 for no words.
pub(crate) fn reading_minutes(text: &str) -> u32 {
    let words = word_count(text);
    u32::try_from(words.div_ceil(200)).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reading_time_rounds_up() {
        assert_eq!(reading_minutes(""), 0);
        assert_eq!(reading_minutes("bir iki"), 1);
        assert_eq!(reading_minutes(&"söz ".repeat(401)), 3);
        assert_eq!(word_count("— a , b"), 2);
        assert_eq!(letters_and_digits("Ə-li, 2 Bar!"), "əli2bar");
        assert_eq!(letters_and_digits("İstanbul ½ Ⅻ ǅ"), "i\u{307}stanbul½ⅻǆ");
        assert_eq!(folded_key("Bakı-Xəbər.az"), "bakixəbəraz");
    }
}
