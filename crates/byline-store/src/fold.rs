//! Case and diacritic folding for search, so `seher`, `Şəhər` and `ŞƏHƏR`
//! find each other, and Azerbaijani `ı`/`İ` fold to `i` (which Unicode's own
//! case mapping does not do).

/// Folds `text` for the full-text index and for queries: lower case, the
/// Azerbaijani letters to their Latin base (ə→e, ı/İ→i, ğ→g, ş→s, ç→c, ö→o,
/// ü→u), Russian ё→е. Other diacritics are left to FTS5's `unicode61`
/// tokenizer (`remove_diacritics 2`).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'İ' | 'I' | 'ı' => out.push('i'),
            'Ə' | 'ə' => out.push('e'),
            'Ğ' | 'ğ' => out.push('g'),
            'Ş' | 'ş' => out.push('s'),
            'Ç' | 'ç' => out.push('c'),
            'Ö' | 'ö' => out.push('o'),
            'Ü' | 'ü' => out.push('u'),
            'Ё' | 'ё' => out.push('е'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The words of what a user typed, folded: what search prefix-matches.
pub fn search_terms(input: &str) -> Vec<String> {
    fold(input).split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Turns what a user typed into an FTS5 query: every word folded, quoted and
/// prefix-matched, all of them required. `None` when there is no word.
pub fn fts_query(input: &str) -> Option<String> {
    let terms: Vec<String> = search_terms(input).iter().map(|w| format!("\"{w}\"*")).collect();
    (!terms.is_empty()).then(|| terms.join(" "))
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
    fn russian_folds_case_and_yo() {
        assert_eq!(fold("Ёлка НОВОСТИ"), "елка новости");
    }

    #[test]
    fn queries_are_quoted_and_prefixed() {
        assert_eq!(fts_query("Şəhər  \"məktəb\" OR"), Some("\"seher\"* \"mekteb\"* \"or\"*".into()));
        assert_eq!(fts_query(" ()* "), None);
    }
}
