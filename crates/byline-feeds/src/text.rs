//! Small text helpers for comparing names and headlines, shared with the
//! crates above (extraction uses the same ones).

/// Collapses runs of whitespace (including no-break spaces) into single
/// spaces and trims the ends.
pub fn squash(text: &str) -> String {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}').filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Lower-cases `text` one character for one character, so positions in
/// the result match positions in `text`; dotless `ı` folds to `i`, so
/// Azerbaijani `BAKI`, `Bakı` and `baki` compare equal.
pub fn fold(text: &str) -> String {
    text.chars()
        .map(|c| match c.to_lowercase().next().unwrap_or(c) {
            'ı' => 'i',
            other => other,
        })
        .collect()
}

/// A form of `text` for comparing headlines and names: whitespace squashed,
/// lower-cased, quotes and trailing punctuation dropped.
pub fn comparable(text: &str) -> String {
    let squashed = fold(&squash(text));
    squashed
        .chars()
        .filter(|c| !matches!(c, '"' | '“' | '”' | '«' | '»' | '„' | '\'' | '’'))
        .collect::<String>()
        .trim_end_matches(['.', '!', '?', ':', ' '])
        .to_string()
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
}
