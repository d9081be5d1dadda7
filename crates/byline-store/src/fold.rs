//! Case and diacritic folding for search, so `seher`, `Şəhər` and `ŞƏHƏR`
//! find each other, and Azerbaijani `ı`/`İ` fold to `i` (which Unicode's own
//! case mapping does not do).

/// Folds `text` for the full-text index and for queries: lower case, the
/// Azerbaijani letters to their Latin base (ə→e, ı/İ→i, ğ→g, ş→s, ç→c, ö→o,
/// ü→u), Russian ё→е. Other diacritics are left to FTS5's `unicode61`
/// tokenizer (`remove_diacritics 2`).
///
/// The same as folding every character with [`fold_char`], with two fast
/// paths for what news text is mostly made of (it is folded for every
/// stored article): runs of ASCII lower-cased in bulk, and the Russian
/// alphabet (U+0400–U+045F) mapped by arithmetic.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while !rest.is_empty() {
        let ascii = rest.bytes().position(|b| !b.is_ascii()).unwrap_or(rest.len());
        if ascii > 0 {
            let at = out.len();
            out.push_str(&rest[..ascii]);
            out[at..].make_ascii_lowercase();
            rest = &rest[ascii..];
        }
        let mut chars = rest.chars();
        let Some(c) = chars.next() else { break };
        rest = chars.as_str();
        match c {
            'Ё' | 'ё' => out.push('е'),
            'А'..='Я' => out.push(shifted(c, 0x20)),
            'а'..='я' | 'ѐ'..='џ' => out.push(c),
            'Ѐ'..='Џ' => out.push(shifted(c, 0x50)),
            c => out.extend(fold_char(c)),
        }
    }
    out
}

/// `c` moved `by` code points up (a Cyrillic capital to its small letter).
fn shifted(c: char, by: u32) -> char {
    char::from_u32(c as u32 + by).unwrap_or(c)
}

/// One character of [`fold`]: what `c` folds to (one character, or more
/// when its lower case is longer).
pub(crate) fn fold_char(c: char) -> Folded {
    Folded(match c {
        'İ' | 'I' | 'ı' => FoldedInner::One(Some('i')),
        'Ə' | 'ə' => FoldedInner::One(Some('e')),
        'Ğ' | 'ğ' => FoldedInner::One(Some('g')),
        'Ş' | 'ş' => FoldedInner::One(Some('s')),
        'Ç' | 'ç' => FoldedInner::One(Some('c')),
        'Ö' | 'ö' => FoldedInner::One(Some('o')),
        'Ü' | 'ü' => FoldedInner::One(Some('u')),
        'Ё' | 'ё' => FoldedInner::One(Some('е')),
        c if c.is_ascii() => FoldedInner::One(Some(c.to_ascii_lowercase())),
        c => FoldedInner::Lower(c.to_lowercase()),
    })
}

/// Whether `word`, folded, starts with `prefix` (folded already), without
/// building the folded word.
pub(crate) fn folded_starts_with(word: &[char], prefix: &str) -> bool {
    let mut folded = word.iter().flat_map(|&c| fold_char(c));
    prefix.chars().all(|p| folded.next() == Some(p))
}

/// The characters one character folds to (see [`fold_char`]).
pub(crate) struct Folded(FoldedInner);

enum FoldedInner {
    One(Option<char>),
    Lower(std::char::ToLowercase),
}

impl Iterator for Folded {
    type Item = char;

    fn next(&mut self) -> Option<char> {
        match &mut self.0 {
            FoldedInner::One(c) => c.take(),
            FoldedInner::Lower(chars) => chars.next(),
        }
    }
}

/// The shortest search word that matches word beginnings; a shorter one (a
/// single letter: "o", "ş", "и") matches only that whole word, as a prefix
/// of one letter would match half of every language's words (and made such
/// searches the slow ones). The UI's title highlights read the same number
/// from `fold_cases.json` (a test pins the two together).
pub const MIN_PREFIX_CHARS: usize = 2;

/// One word of what a user typed, folded, and how search matches it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchTerm {
    /// The folded word.
    pub word: String,
    /// Whether it matches the beginning of longer words too (see
    /// [`MIN_PREFIX_CHARS`]), or only itself.
    pub prefix: bool,
}

impl SearchTerm {
    /// Whether `word` (as written in a text, unfolded) is a match.
    pub fn matches(&self, word: &[char]) -> bool {
        if self.prefix {
            folded_starts_with(word, &self.word)
        } else {
            fold(&word.iter().collect::<String>()) == self.word
        }
    }
}

/// The words of what a user typed, folded: what search matches.
pub fn search_terms(input: &str) -> Vec<SearchTerm> {
    fold(input)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| SearchTerm { word: w.to_string(), prefix: w.chars().count() >= MIN_PREFIX_CHARS })
        .collect()
}

/// Turns what a user typed into an FTS5 query: every word folded, quoted and
/// prefix-matched (one-letter words whole), all of them required. `None`
/// when there is no word.
///
/// Each quoted term is one token of the index's tokenizer: the index keeps
/// no positions (migration `0012`), so FTS5 refuses a quoted phrase of two
/// tokens. A word the tokenizer would cut (at a combining mark, as in
/// Devanagari or pointed Arabic) becomes one term for each piece, all
/// required, the last one prefix-matched like the word.
pub fn fts_query(input: &str) -> Option<String> {
    let mut terms = Vec::new();
    for term in search_terms(input) {
        let pieces: Vec<&str> = term.word.split(|c| !is_token_char(c)).filter(|p| !p.is_empty()).collect();
        let last = pieces.len().saturating_sub(1);
        for (i, piece) in pieces.iter().enumerate() {
            let prefix = term.prefix && i == last && piece.chars().count() >= MIN_PREFIX_CHARS;
            terms.push(if prefix { format!("\"{piece}\"*") } else { format!("\"{piece}\"") });
        }
    }
    (!terms.is_empty()).then(|| terms.join(" "))
}

/// Whether FTS5's `unicode61` tokenizer keeps `c` in a word: its default
/// token characters are letters, numbers and private-use characters
/// (`categories 'L* N* Co'`); everything else ends a word.
fn is_token_char(c: char) -> bool {
    use unicode_properties::{GeneralCategory, GeneralCategoryGroup, UnicodeGeneralCategory};
    c.is_ascii_alphanumeric()
        || (!c.is_ascii()
            && (matches!(c.general_category_group(), GeneralCategoryGroup::Letter | GeneralCategoryGroup::Number)
                || c.general_category() == GeneralCategory::PrivateUse))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cases the UI's `lib/fold.ts` is tested against too.
    #[test]
    fn the_shared_cases_fold_as_the_ui_folds_them() {
        let file: serde_json::Value = serde_json::from_str(include_str!("fold_cases.json")).unwrap();
        let cases = file["cases"].as_array().unwrap();
        assert!(cases.len() >= 5);
        for case in cases {
            let (input, folded) = (case[0].as_str().unwrap(), case[1].as_str().unwrap());
            assert_eq!(fold(input), folded, "{input}");
        }
    }

    #[test]
    fn azerbaijani_letters_fold_to_their_base() {
        assert_eq!(fold("ŞƏHƏRDƏ İlham Əliyev ağıllı Çöl Üzüm"), "seherde ilham eliyev agilli col uzum");
        assert_eq!(fold("IĞDIR"), "igdir");
    }

    #[test]
    fn a_folded_prefix_is_found_without_folding_the_word() {
        let word: Vec<char> = "ŞƏHƏRDƏ".chars().collect();
        assert!(folded_starts_with(&word, "seher"));
        assert!(folded_starts_with(&word, "seherde"));
        assert!(!folded_starts_with(&word, "seherdex"));
        assert!(!folded_starts_with(&word, "sa"));
        assert!(folded_starts_with(&word, ""));
        let yolka: Vec<char> = "ЁЛКА".chars().collect();
        assert!(folded_starts_with(&yolka, "елк"));
    }

    #[test]
    fn the_fast_paths_fold_as_every_character_alone_does() {
        let slow = |text: &str| text.chars().flat_map(fold_char).collect::<String>();
        for cp in 0..0x3_0000u32 {
            if let Some(c) = char::from_u32(cp) {
                let one = c.to_string();
                assert_eq!(fold(&one), slow(&one), "U+{cp:04X}");
            }
        }
        let mixed = "Bakıda ŞƏHƏR Ёлка НОВОСТИ Ѐѐ ЏџЍ ЖѠѡж ДЁЖ«Ы»Ї Ǆ İstanbul ΣΑΣ ẞ straße 12 ABC\u{300}é ﬃ";
        assert_eq!(fold(mixed), slow(mixed));
    }

    #[test]
    fn russian_folds_case_and_yo() {
        assert_eq!(fold("Ёлка НОВОСТИ"), "елка новости");
    }

    #[test]
    fn queries_are_quoted_and_prefixed() {
        assert_eq!(fts_query("Şəhər  \"məktəb\" OR"), Some("\"seher\"* \"mekteb\"* \"or\"*".into()));
        assert_eq!(fts_query(" ()* "), None);
        assert_eq!(fts_query("O'Brien ş"), Some("\"o\" \"brien\"* \"s\"".into()), "one letter: the whole word");
    }

    #[test]
    fn a_word_the_tokenizer_cuts_is_one_term_a_piece() {
        // Devanagari: the vowel signs are marks, which end a token.
        assert_eq!(fts_query("हिंदी"), Some("\"ह\" \"द\"".into()));
        assert_eq!(fts_query("समाचार"), Some("\"सम\" \"च\" \"र\"".into()));
        // Letters of every script the readers use stay one term.
        assert_eq!(fts_query("Ağdərə Новости news2026"), Some("\"agdere\"* \"новости\"* \"news2026\"*".into()));
    }

    #[test]
    fn one_letter_terms_match_whole_words_and_the_ui_knows_it() {
        let terms = search_terms("Ş bak");
        let word = |w: &str| w.chars().collect::<Vec<char>>();
        assert!(terms[0].matches(&word("ş")) && !terms[0].matches(&word("şəhər")));
        assert!(terms[1].matches(&word("Bakı")) && !terms[1].matches(&word("ba")));
        let file: serde_json::Value = serde_json::from_str(include_str!("fold_cases.json")).unwrap();
        assert_eq!(file["min_prefix_chars"], MIN_PREFIX_CHARS);
    }
}
