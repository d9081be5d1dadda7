//! Small text helpers shared by the other modules.

/// Collapses runs of whitespace (including no-break spaces) into single
/// spaces and trims the ends.
pub(crate) fn squash(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Lower-cases `text` one character for one character, so positions in
/// the result match positions in `text`; dotless `ı` folds to `i`, so
/// Azerbaijani `BAKI`, `Bakı` and `baki` compare equal.
pub(crate) fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_lowercase().next().unwrap_or(c) {
            'ı' => 'i',
            other => other,
        })
        .collect()
}

/// A form of `text` for comparing headlines and names: whitespace squashed,
/// lower-cased, quotes and trailing punctuation dropped.
pub(crate) fn comparable(text: &str) -> String {
    let squashed = fold(&squash(text));
    squashed
        .chars()
        .filter(|c| !matches!(c, '"' | '“' | '”' | '«' | '»' | '„' | '\'' | '’'))
        .collect::<String>()
        .trim_end_matches(['.', '!', '?', ':', ' '])
        .to_string()
}

/// Number of words in `text`.
pub(crate) fn word_count(text: &str) -> usize {
    text.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count()
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
    fn squash_handles_nbsp_and_newlines() {
        assert_eq!(squash("  a\u{a0}\u{a0}b\n\tc "), "a b c");
        assert_eq!(squash("\u{a0}"), "");
    }

    #[test]
    fn comparable_ignores_case_quotes_and_trailing_dots() {
        assert_eq!(comparable("«Şəki» Festivalı."), comparable("şəki festivalı"));
        assert_eq!(comparable("BAKI GÜNDƏM"), comparable("Bakı Gündəm"));
        assert_eq!(fold("İsgəndərov").chars().count(), "İsgəndərov".chars().count());
    }

    #[test]
    fn reading_time_rounds_up() {
        assert_eq!(reading_minutes(""), 0);
        assert_eq!(reading_minutes("bir iki"), 1);
        assert_eq!(reading_minutes(&"söz ".repeat(401)), 3);
        assert_eq!(word_count("— a , b"), 2);
    }
}
