//! Small text helpers for comparing names and headlines, shared with the
//! crates above (extraction uses the same ones).

/// Collapses runs of whitespace (including no-break spaces) into single
/// spaces and trims the ends.
pub fn squash(text: &str) -> String {
    // Into one buffer (collecting the words and joining them costs two).
    let mut out = String::with_capacity(text.len());
    for word in words(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// The words of `text`: its parts between runs of whitespace (no-break
/// spaces included), never empty.
fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || c == '\u{a0}').filter(|w| !w.is_empty())
}

/// Lower-cases `text` one character for one character, so positions in
/// the result match positions in `text`; dotless `ı` folds to `i`, so
/// Azerbaijani `BAKI`, `Bakı` and `baki` compare equal.
pub fn fold(text: &str) -> String {
    text.chars().map(fold_char).collect()
}

/// One character of [`fold`].
fn fold_char(c: char) -> char {
    match c.to_lowercase().next().unwrap_or(c) {
        'ı' => 'i',
        other => other,
    }
}

/// A form of `text` for comparing headlines and names: whitespace squashed,
/// lower-cased, quotes and trailing punctuation dropped.
pub fn comparable(text: &str) -> String {
    // `fold(&squash(text))` without its quotes, in one pass into one buffer
    // (it is asked of many texts): a word of quotes only still leaves its
    // space, as it would from the squashed text.
    let mut out = String::with_capacity(text.len());
    for (i, word) in words(text).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.extend(
            word.chars().map(fold_char).filter(|c| !matches!(c, '"' | '“' | '”' | '«' | '»' | '„' | '\'' | '’')),
        );
    }
    let kept = out.trim_end_matches(['.', '!', '?', ':', ' ']).len();
    out.truncate(kept);
    out
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
        // A word of quotes only keeps its space, as in the squashed text.
        assert_eq!(comparable(" Bakı « Gəncə »\u{a0}.\n"), "baki  gəncə");
        assert_eq!(comparable("«»"), "");
    }
}
